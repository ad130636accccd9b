/// Seed 004, it-service.yaml (Helder ICT): Henk is a client with an invoice written late on
/// 31 December (still fiscal 2025 in Amsterdam), Wim only visits the website.
extension SeedScenario {
    static let itService = SeedScenario(policy: "it-service.yaml", timeline: [
        .create("Henk", at: "2025-02-03T09:00:00Z", [
            Write("name", ["first_name": "Henk", "last_name": "Willems"], for: "service_contact"),
            Write("email", ["email": "henk@example.nl"], for: "service_contact"),
        ]),
        .event("Henk", "contract_start", at: "2025-02-03T09:00:00Z"),
        .write("Henk", at: "2025-02-10T14:00:00Z", [
            Write("network_documentation", ["devices": "NAS, router", "network_settings": "192.168.1.0/24"], for: "it_maintenance"),
        ]),
        // Microsoft hosts the mail of service contact; Google's statistics have no data of Henk's
        // to receive; substitutes are not named for payments.
        .disclose("Henk", to: "microsoft", for: "service_contact", ["email"], at: "2025-02-10T14:00:01Z", answer: "allowed"),
        .disclose("Henk", to: "google", for: "website_statistics", ["website_usage"], at: "2025-02-10T14:00:01Z", answer: "purpose.not_applicable"),
        .disclose("Henk", to: "substitutes", for: "payment", ["email"], at: "2025-02-10T14:00:01Z", answer: "request.invalid"),
        .write("Henk", at: "2025-06-05T12:00:00Z", [
            Write("correspondence", ["channel": "email", "subject": "Printer", "date": "2025-06-05"], for: "service_contact"),
        ]),
        .create("Wim", at: "2025-08-20T18:00:00Z", [
            Write("device_info", ["browser": "Chrome", "device_type": "laptop"], for: "website_statistics"),
            Write("website_usage", ["client_id": "GA1.1.42", "pages_viewed": "/diensten"], for: "website_statistics"),
        ]),
        .write("Wim", at: "2025-08-21T07:00:00Z", [
            Write("website_usage", ["client_id": "GA1.1.42", "pages_viewed": "/contact"], for: "website_statistics"),
        ]),
        .write("Henk", at: "2025-12-31T22:30:00Z", [
            Write("invoices", ["invoice_number": "HI-2025-031", "invoice_date": "2025-12-31", "amount": "240.00"], for: "tax_records"),
        ]),
        .event("Henk", "invoice_issued", at: "2025-12-31T22:30:00Z"),
        .read("Wim", purpose: "it_maintenance", at: "2026-01-01T00:00:00Z", status: 403),
        .read("Wim", purpose: "website_statistics", at: "2026-01-01T00:00:00Z", status: 200),
        .read("Henk", purpose: "payment", at: "2026-01-01T00:00:00Z", status: 200),

        // Henk's contract ends: every record gets a date, none goes yet.
        .expect(at: "2026-02-27T11:59:59Z", [
            "Henk": ["name": 1, "email": 1, "network_documentation": 1, "correspondence": 1, "invoices": 1],
            "Wim": ["device_info": 1, "website_usage": 2],
        ], because: "awaiting contract_end"),
        .event("Henk", "contract_end", at: "2026-02-27T12:00:00Z"),
        .expect(at: "2026-02-27T12:00:01Z", [
            "Henk": ["name": 1, "email": 1, "network_documentation": 1, "correspondence": 1, "invoices": 1],
            "Wim": ["device_info": 1, "website_usage": 2],
        ], because: "\"Bij beëindiging van de klantrelatie worden deze nog 3 jaar bewaard\"; alerts_newsletter, change_notices end"),

        // Fourteen months after Wim's visits.
        .expect(at: "2026-10-20T17:59:59Z", [
            "Henk": ["name": 1, "email": 1, "network_documentation": 1, "correspondence": 1, "invoices": 1],
            "Wim": ["device_info": 1, "website_usage": 2],
        ], because: "website_statistics: collected + P14M, not yet"),
        .expect(at: "2026-10-20T18:00:01Z", [
            "Henk": ["name": 1, "email": 1, "network_documentation": 1, "correspondence": 1, "invoices": 1],
            "Wim": ["website_usage": 1],
        ], because: "website_statistics: collected + P14M; it_maintenance does not apply to a visitor"),
        .expect(at: "2026-10-21T06:59:59Z", [
            "Henk": ["name": 1, "email": 1, "network_documentation": 1, "correspondence": 1, "invoices": 1],
            "Wim": ["website_usage": 1],
        ], because: "website_statistics: collected + P14M, not yet"),
        .expect(at: "2026-10-21T07:00:01Z", [
            "Henk": ["name": 1, "email": 1, "network_documentation": 1, "correspondence": 1, "invoices": 1],
            "Wim": [:],
        ], because: "website_statistics: collected + P14M"),

        // Three years after the contract ended.
        .expect(at: "2029-02-27T11:59:59Z", [
            "Henk": ["name": 1, "email": 1, "network_documentation": 1, "correspondence": 1, "invoices": 1],
            "Wim": [:],
        ], because: "contract_end + P3Y, not yet"),
        .expect(at: "2029-02-27T12:00:01Z", [
            "Henk": ["name": 1, "invoices": 1],
            "Wim": [:],
        ], because: "\"in verband met lopende garantietermijnen\": contract_end + P3Y; tax_records keeps name and invoice"),

        // Seven years after fiscal 2025.
        .expect(at: "2032-12-31T22:59:58Z", [
            "Henk": ["name": 1, "invoices": 1],
            "Wim": [:],
        ], because: "tax_records: fiscal_year_end + P7Y, not yet"),
        .expect(at: "2032-12-31T23:00:00Z", [
            "Henk": [:],
            "Wim": [:],
        ], because: "\"Facturen: Bewaartermijn conform Belastingdienst bewaartermijn\": fiscal_year_end + P7Y"),
    ])
}
