/// Seed 000, jobs-marketplace.yaml (Klusplein): Vera visits the website and asks customer service
/// a question, Karin is a client who posts a job, reviews, pays and leaves, Bram is a tradesperson
/// who lets his ID be checked and withdraws. No `last_contact` is sent: the `at_most` fallbacks decide.
extension SeedScenario {
    static let jobsMarketplace = SeedScenario(policy: "jobs-marketplace.yaml", timeline: [
        .create("Karin", at: "2025-02-01T10:00:00Z", [
            Write("contact", ["name": "Karin de Wit", "email": "karin@example.nl"], for: "identification"),
            Write("account", ["username": "karinw", "password_hash": "$2b$12$abc"], for: "identification"),
        ]),
        .event("Karin", "account_created", at: "2025-02-01T10:00:00Z"),
        .write("Karin", at: "2025-02-03T11:00:00Z", [
            Write("job_descriptions", ["title": "Badkamer betegelen", "posted_on": "2025-02-03"], for: "services"),
        ]),
        .create("Bram", at: "2025-03-01T12:00:00Z", [
            Write("contact", ["name": "Bram Smit", "phone": "0612345678"], for: "identification"),
            Write("professional_profile", ["profession": "tegelzetter", "work_area": "Utrecht"], for: "services"),
        ]),
        .event("Bram", "account_created", at: "2025-03-01T12:00:00Z"),
        .consent("Bram", ["id_fraud_prevention": "given"], at: "2025-03-01T12:05:00Z"),
        .write("Bram", at: "2025-03-01T12:05:00Z", [
            Write("id_document", ["document_type": "passport", "verified_on": "2025-03-01"], for: "id_fraud_prevention"),
        ]),
        .create("Vera", at: "2025-03-10T08:55:00Z", [Write("device", ["browser": "Firefox"], for: "improvement")]),
        .write("Vera", at: "2025-03-10T09:00:00Z", [
            Write("contact", ["name": "Vera Mulder", "email": "vera@example.nl"], for: "communication"),
            Write("support_contacts", ["channel": "chat", "subject": "Hoe werkt het?", "received_at": "2025-03-10"], for: "communication"),
        ]),
        // Google Analytics receives device data for improvement, not survey answers; the
        // advertisers nothing without consent.
        .disclose("Vera", to: "google_analytics", for: "improvement", ["device"], at: "2025-03-10T09:00:01Z", answer: "allowed"),
        .disclose("Vera", to: "google_analytics", for: "improvement", ["survey_responses"], at: "2025-03-10T09:00:01Z", answer: "disclosure.not_listed"),
        .disclose("Vera", to: "meta", for: "targeted_advertising", ["device"], at: "2025-03-10T09:00:01Z", answer: "consent.required"),
        .write("Karin", at: "2025-04-15T08:30:00Z", [
            Write("call_recordings", ["call_date": "2025-04-15", "agent": "Tom"], for: "call_recording"),
        ]),
        .event("Karin", "job_completed", at: "2025-05-20T17:00:00Z"),
        .write("Karin", at: "2025-05-20T17:00:00Z", [Write("reviews", ["rating": "5", "text": "Top vakman"], for: "reviews")]),
        .write("Karin", at: "2025-06-01T09:00:00Z", [
            Write("invoices", ["invoice_number": "KP-2025-0042", "invoice_date": "2025-06-01", "amount": "12.50"], for: "tax"),
        ]),
        .event("Karin", "invoice_issued", at: "2025-06-01T09:00:00Z"),
        .read("Vera", purpose: "services", at: "2025-06-02T00:00:00Z", status: 403),
        .read("Vera", purpose: "tax", at: "2025-06-02T00:00:00Z", status: 403),
        .read("Vera", purpose: "communication", at: "2025-06-02T00:00:00Z", status: 200),
        .read("Karin", purpose: "tax", at: "2025-06-02T00:00:00Z", status: 200),

        // Bram withdraws his consent to the ID check; his account stays open.
        .expect(at: "2025-09-01T09:59:59Z", [
            "Vera": ["device": 1, "contact": 1, "support_contacts": 1],
            "Karin": ["contact": 1, "account": 1, "job_descriptions": 1, "call_recordings": 1, "reviews": 1, "invoices": 1],
            "Bram": ["contact": 1, "professional_profile": 1, "id_document": 1],
        ], because: "id_fraud_prevention: consent_withdrawn + P0D, not yet withdrawn"),
        .consent("Bram", ["id_fraud_prevention": "withdrawn"], at: "2025-09-01T10:00:00Z"),
        .expect(at: "2025-09-01T10:00:01Z", [
            "Vera": ["device": 1, "contact": 1, "support_contacts": 1],
            "Karin": ["contact": 1, "account": 1, "job_descriptions": 1, "call_recordings": 1, "reviews": 1, "invoices": 1],
            "Bram": ["contact": 1, "professional_profile": 1],
        ], because: "ID check only as long as consent lasts; services keeps the rest \"zolang we een relatie met je hebben\""),
        .read("Bram", purpose: "id_fraud_prevention", at: "2025-09-01T10:00:01Z", status: 403),

        // Karin closes her account: everything gets a date, nothing goes yet.
        .expect(at: "2026-01-31T15:59:59Z", [
            "Vera": ["device": 1, "contact": 1, "support_contacts": 1],
            "Karin": ["contact": 1, "account": 1, "job_descriptions": 1, "call_recordings": 1, "reviews": 1, "invoices": 1],
            "Bram": ["contact": 1, "professional_profile": 1],
        ], because: "services, identification, billing: awaiting account_closed"),
        .event("Karin", "account_closed", at: "2026-01-31T16:00:00Z"),
        .expect(at: "2026-01-31T16:00:01Z", [
            "Vera": ["device": 1, "contact": 1, "support_contacts": 1],
            "Karin": ["contact": 1, "account": 1, "job_descriptions": 1, "call_recordings": 1, "reviews": 1, "invoices": 1],
            "Bram": ["contact": 1, "professional_profile": 1],
        ], because: "\"Na beëindiging van onze relatie met jou, zullen we je persoonsgegevens bewaren\": services, fraud_and_claims, tax outlast P0D"),

        // A year after Vera's visit, her device data is anonymised.
        .expect(at: "2026-03-10T08:54:59Z", [
            "Vera": ["device": 1, "contact": 1, "support_contacts": 1],
            "Karin": ["contact": 1, "account": 1, "job_descriptions": 1, "call_recordings": 1, "reviews": 1, "invoices": 1],
            "Bram": ["contact": 1, "professional_profile": 1],
        ], because: "improvement: collected + P1Y, not yet"),
        .expect(at: "2026-03-10T08:55:01Z", [
            "Vera": ["contact": 1, "support_contacts": 1],
            "Karin": ["contact": 1, "account": 1, "job_descriptions": 1, "call_recordings": 1, "reviews": 1, "invoices": 1],
            "Bram": ["contact": 1, "professional_profile": 1],
        ], because: "improvement: collected + P1Y, then anonymise"),

        // Two years after Karin's account data was collected: fraud_and_claims lets it go.
        .expect(at: "2027-02-01T09:59:59Z", [
            "Vera": ["contact": 1, "support_contacts": 1],
            "Karin": ["contact": 1, "account": 1, "job_descriptions": 1, "call_recordings": 1, "reviews": 1, "invoices": 1],
            "Bram": ["contact": 1, "professional_profile": 1],
        ], because: "fraud_and_claims: at_most P2Y after collection, not yet"),
        .expect(at: "2027-02-01T10:00:01Z", [
            "Vera": ["contact": 1, "support_contacts": 1],
            "Karin": ["contact": 1, "job_descriptions": 1, "call_recordings": 1, "reviews": 1, "invoices": 1],
            "Bram": ["contact": 1, "professional_profile": 1],
        ], because: "\"juridische claims te onderzoeken of te verdedigen\": at_most P2Y; identification ended at the close"),

        // Bram: the fallbacks of marketing_messages and fraud_and_claims pass, services has no date.
        .expect(at: "2027-03-01T11:59:59Z", [
            "Vera": ["contact": 1, "support_contacts": 1],
            "Karin": ["contact": 1, "job_descriptions": 1, "call_recordings": 1, "reviews": 1, "invoices": 1],
            "Bram": ["contact": 1, "professional_profile": 1],
        ], because: "marketing_messages, fraud_and_claims: at_most P2Y, not yet"),
        .expect(at: "2027-03-01T12:00:01Z", [
            "Vera": ["contact": 1, "support_contacts": 1],
            "Karin": ["contact": 1, "job_descriptions": 1, "call_recordings": 1, "reviews": 1, "invoices": 1],
            "Bram": ["contact": 1, "professional_profile": 1],
        ], because: "services keeps contact and profile \"zolang we een relatie met je hebben\": no date beats every date"),

        // Two years after Vera's question, which was her last contact.
        .expect(at: "2027-03-10T08:59:59Z", [
            "Vera": ["contact": 1, "support_contacts": 1],
            "Karin": ["contact": 1, "job_descriptions": 1, "call_recordings": 1, "reviews": 1, "invoices": 1],
            "Bram": ["contact": 1, "professional_profile": 1],
        ], because: "communication: at_most P2Y, not yet"),
        .expect(at: "2027-03-10T09:00:01Z", [
            "Vera": [:],
            "Karin": ["contact": 1, "job_descriptions": 1, "call_recordings": 1, "reviews": 1, "invoices": 1],
            "Bram": ["contact": 1, "professional_profile": 1],
        ], because: "communication: last_contact + P2Y, at_most P2Y; services, identification, tax do not apply to Vera"),

        // Two years after Karin's call was recorded.
        .expect(at: "2027-04-15T08:29:59Z", [
            "Vera": [:],
            "Karin": ["contact": 1, "job_descriptions": 1, "call_recordings": 1, "reviews": 1, "invoices": 1],
            "Bram": ["contact": 1, "professional_profile": 1],
        ], because: "fraud_and_claims: at_most P2Y for the call recording, not yet"),
        .expect(at: "2027-04-15T08:30:01Z", [
            "Vera": [:],
            "Karin": ["contact": 1, "job_descriptions": 1, "reviews": 1, "invoices": 1],
            "Bram": ["contact": 1, "professional_profile": 1],
        ], because: "fraud_and_claims: at_most P2Y gives call recordings a date without last_contact"),

        // Two years after Karin closed her account.
        .expect(at: "2028-01-31T15:59:59Z", [
            "Vera": [:],
            "Karin": ["contact": 1, "job_descriptions": 1, "reviews": 1, "invoices": 1],
            "Bram": ["contact": 1, "professional_profile": 1],
        ], because: "services: account_closed + P2Y, not yet"),
        .expect(at: "2028-01-31T16:00:01Z", [
            "Vera": [:],
            "Karin": ["contact": 1, "invoices": 1],
            "Bram": ["contact": 1, "professional_profile": 1],
        ], because: "services: account_closed + P2Y (2 years after the relationship ends); tax keeps contact and invoice"),

        // Seven years after fiscal 2025, Karin's invoice and contact details go.
        .expect(at: "2032-12-31T22:59:58Z", [
            "Vera": [:],
            "Karin": ["contact": 1, "invoices": 1],
            "Bram": ["contact": 1, "professional_profile": 1],
        ], because: "tax: fiscal_year_end + P7Y, not yet"),
        .expect(at: "2032-12-31T23:00:00Z", [
            "Vera": [:],
            "Karin": [:],
            "Bram": ["contact": 1, "professional_profile": 1],
        ], because: "tax: \"om te voldoen aan onze belastingverplichtingen\", fiscal_year_end + P7Y"),
    ])
}
