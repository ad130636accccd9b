/// Seed 001, freelance-platform.yaml (Vrijwerk): Vince visits and e-mails a question, Anna is a
/// freelancer with an order and an invoice who closes her account, Bas applies once and leaves.
extension SeedScenario {
    static let freelancePlatform = SeedScenario(policy: "freelance-platform.yaml", timeline: [
        .create("Anna", at: "2025-03-02T09:00:00Z", [
            Write("contact", ["name": "Anna Bakker", "email": "anna@example.nl"], for: "account_profile"),
            Write("cv", ["skills": "Swift, Go", "work_experience": "8 jaar"], for: "account_profile"),
            Write("settings", ["language": "nl", "profile_visibility": "public"], for: "account_profile"),
        ]),
        .event("Anna", "account_created", at: "2025-03-02T09:00:00Z"),
        .event("Anna", "application_submitted", at: "2025-03-09T10:00:00Z"),
        .write("Anna", at: "2025-03-09T10:00:00Z", [
            Write("applications", ["vacancy_id": "vac-2291", "motivation": "Past bij mij", "submitted_at": "2025-03-09",
                                   "status": "hired"], for: "applications"),
        ]),
        .create("Bas", at: "2025-04-01T10:00:00Z", [
            Write("contact", ["name": "Bas Vermeer", "email": "bas@example.nl"], for: "account_profile"),
            Write("cv", ["skills": "Figma"], for: "account_profile"),
        ]),
        .event("Bas", "account_created", at: "2025-04-01T10:00:00Z"),
        .event("Bas", "application_submitted", at: "2025-04-03T10:00:00Z"),
        .write("Bas", at: "2025-04-03T10:00:00Z", [
            Write("applications", ["assignment_id": "opd-0412", "submitted_at": "2025-04-03", "status": "declined"], for: "applications"),
        ]),
        .event("Anna", "order_placed", at: "2025-05-12T08:00:00Z"),
        .write("Anna", at: "2025-05-12T08:00:00Z", [
            Write("orders", ["order_number": "ORD-118", "product": "Premium", "ordered_at": "2025-05-12"], for: "orders_payments"),
            Write("invoices", ["invoice_number": "VW-2025-118", "invoice_date": "2025-05-12", "amount": "49.00"], for: "tax"),
        ]),
        .event("Anna", "invoice_issued", at: "2025-05-12T08:00:00Z"),
        // Mollie receives the order and payment, not the contact details; Google's analytics
        // nothing of Anna's, who sent no usage data.
        .disclose("Anna", to: "mollie", for: "orders_payments", ["orders", "payment"], at: "2025-05-12T08:00:01Z", answer: "allowed"),
        .disclose("Anna", to: "mollie", for: "orders_payments", ["contact"], at: "2025-05-12T08:00:01Z", answer: "disclosure.not_listed"),
        .disclose("Anna", to: "google", for: "analytics", ["usage"], at: "2025-05-12T08:00:01Z", answer: "purpose.not_applicable"),
        .create("Vince", at: "2025-09-14T07:58:00Z", [Write("device", ["browser": "Safari", "device_type": "phone"], for: "analytics")]),
        .write("Vince", at: "2025-09-14T08:00:00Z", [
            Write("contact", ["name": "Vince Peters", "email": "vince@example.nl"], for: "correspondence"),
            Write("correspondence", ["channel": "email", "subject": "Tarieven", "received_at": "2025-09-14"], for: "correspondence"),
        ]),
        .write("Vince", at: "2025-09-15T07:30:00Z", [
            Write("correspondence", ["channel": "email", "subject": "Re: Tarieven", "answered_at": "2025-09-15"], for: "correspondence"),
        ]),
        .event("Vince", "last_contact", at: "2025-09-15T07:30:00Z"),
        .read("Vince", purpose: "tax", at: "2025-09-16T00:00:00Z", status: 403),
        .read("Vince", purpose: "account_profile", at: "2025-09-16T00:00:00Z", status: 403),
        .read("Vince", purpose: "correspondence", at: "2025-09-16T00:00:00Z", status: 200),
        .read("Bas", purpose: "orders_payments", at: "2025-09-16T00:00:00Z", status: 403),
        .read("Anna", purpose: "orders_payments", at: "2025-09-16T00:00:00Z", status: 200),

        // Bas closes his account: his application is masked, the rest deleted.
        .expect(at: "2025-10-01T09:59:59Z", [
            "Vince": ["device": 1, "contact": 1, "correspondence": 2],
            "Anna": ["contact": 1, "cv": 1, "settings": 1, "applications": 1, "orders": 1, "invoices": 1],
            "Bas": ["contact": 1, "cv": 1, "applications": 1],
        ], because: "account_profile, applications: awaiting account_closed"),
        .event("Bas", "account_closed", at: "2025-10-01T10:00:00Z"),
        .expect(at: "2025-10-01T10:00:01Z", [
            "Vince": ["device": 1, "contact": 1, "correspondence": 2],
            "Anna": ["contact": 1, "cv": 1, "settings": 1, "applications": 1, "orders": 1, "invoices": 1],
            "Bas": [:],
        ], because: "account_closed + P0D; \"Wij kunnen bijvoorbeeld besluiten om uw gegevens te maskeren\"; tax does not apply to Bas"),

        // Anna closes her account: what tax needs stays.
        .expect(at: "2026-01-31T15:59:59Z", [
            "Vince": ["device": 1, "contact": 1, "correspondence": 2],
            "Anna": ["contact": 1, "cv": 1, "settings": 1, "applications": 1, "orders": 1, "invoices": 1],
            "Bas": [:],
        ], because: "account_profile, applications: awaiting account_closed"),
        .event("Anna", "account_closed", at: "2026-01-31T16:00:00Z"),
        .expect(at: "2026-01-31T16:00:01Z", [
            "Vince": ["device": 1, "contact": 1, "correspondence": 2],
            "Anna": ["contact": 1, "orders": 1, "invoices": 1],
            "Bas": [:],
        ], because: "account_closed + P0D for profile and applications; tax keeps contact, orders and invoices"),

        // A year after Vince's last contact.
        .expect(at: "2026-09-15T07:29:59Z", [
            "Vince": ["device": 1, "contact": 1, "correspondence": 2],
            "Anna": ["contact": 1, "orders": 1, "invoices": 1],
            "Bas": [:],
        ], because: "correspondence: last_contact + P1Y, not yet"),
        .expect(at: "2026-09-15T07:30:01Z", [
            "Vince": ["device": 1],
            "Anna": ["contact": 1, "orders": 1, "invoices": 1],
            "Bas": [:],
        ], because: "correspondence: one year after the last contact"),

        // Fourteen months after Vince's visit (written in summer time, due in winter time).
        .expect(at: "2026-11-14T08:57:59Z", [
            "Vince": ["device": 1],
            "Anna": ["contact": 1, "orders": 1, "invoices": 1],
            "Bas": [:],
        ], because: "analytics: collected + P14M, not yet"),
        .expect(at: "2026-11-14T08:58:01Z", [
            "Vince": [:],
            "Anna": ["contact": 1, "orders": 1, "invoices": 1],
            "Bas": [:],
        ], because: "analytics: collected + P14M, the shortest Google Analytics retention"),

        // Seven years after fiscal 2025.
        .expect(at: "2032-12-31T22:59:58Z", [
            "Vince": [:],
            "Anna": ["contact": 1, "orders": 1, "invoices": 1],
            "Bas": [:],
        ], because: "tax: fiscal_year_end + P7Y, not yet"),
        .expect(at: "2032-12-31T23:00:00Z", [
            "Vince": [:],
            "Anna": [:],
            "Bas": [:],
        ], because: "\"zoals gegevens die wij nodig hebben voor onze belastingaangifte\": fiscal_year_end + P7Y"),
    ])
}
