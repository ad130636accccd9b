/// Seed 002, matching-platform.yaml (Samen Beter): Mila is a member who is reported for abuse (by
/// Vos), the report followed up under a hold; Vos also uses the contact form. `abuse_prevention`
/// applies only while the report and the data collected with it are kept.
extension SeedScenario {
    static let matchingPlatform = SeedScenario(policy: "matching-platform.yaml", timeline: [
        .create("Mila", at: "2025-01-06T09:00:00Z", [
            Write("name", ["first_name": "Mila", "last_name": "Hendriks"], for: "matching"),
            Write("email", ["email": "mila@example.nl"], for: "matching"),
        ]),
        .event("Mila", "contract_start", at: "2025-01-06T09:00:00Z"),
        // Employers see members for matching; HubSpot's marketing needs consent; Webflow receives
        // logs and IP addresses only.
        .disclose("Mila", to: "employers", for: "matching", ["name", "email"], at: "2025-01-06T09:00:01Z", answer: "allowed"),
        .disclose("Mila", to: "hubspot", for: "marketing", ["email"], at: "2025-01-06T09:00:01Z", answer: "consent.required"),
        .disclose("Mila", to: "webflow", for: "error_analysis", ["email"], at: "2025-01-06T09:00:01Z", answer: "disclosure.not_listed"),
        .create("Vos", at: "2025-10-07T13:00:00Z", [
            Write("contact_history", ["contact_name": "Vos", "date": "2025-10-07", "channel": "form", "topic": "Vrijwilligen"],
                  for: "customer_contact"),
        ]),
        .write("Vos", at: "2025-10-07T13:00:05Z", [
            Write("logs", ["timestamp": "2025-10-07T13:00:05Z", "event": "form_submitted"], for: "incident_handling"),
        ]),
        .write("Vos", at: "2025-10-09T09:00:00Z", [
            Write("contact_history", ["contact_name": "Vos", "date": "2025-10-09", "channel": "phone", "topic": "Teruggebeld"],
                  for: "customer_contact"),
        ]),
        .read("Vos", purpose: "matching", at: "2025-10-10T00:00:00Z", status: 403),
        .read("Vos", purpose: "customer_contact", at: "2025-10-10T00:00:00Z", status: 200),

        // A month after the form was sent, its log line goes (written in summer time, due in winter time).
        .expect(at: "2025-11-07T14:00:04Z", [
            "Mila": ["name": 1, "email": 1],
            "Vos": ["contact_history": 2, "logs": 1],
        ], because: "incident_handling logs: collected + P1M, not yet"),
        .expect(at: "2025-11-07T14:00:06Z", [
            "Mila": ["name": 1, "email": 1],
            "Vos": ["contact_history": 2],
        ], because: "\"De gegevens in de logbestanden bedragen maximaal 1 maand\""),

        // Mila is reported; abuse_prevention applies through the report, and may read her messages.
        .write("Mila", at: "2025-12-20T21:00:00Z", [
            Write("messages", ["sender": "@Mila", "recipient": "@Vos", "sent_at": "2025-12-20", "body": "Hoi"], for: "messaging"),
        ]),
        .read("Mila", purpose: "abuse_prevention", at: "2025-12-31T11:59:59Z", status: 403),
        .write("Mila", at: "2025-12-31T12:00:00Z", [
            Write("abuse_reports", ["reported_at": "2025-12-31", "reporter": "@Vos", "description": "Intimiderende berichten"],
                  for: "abuse_prevention"),
        ]),
        .read("Mila", purpose: "abuse_prevention", at: "2025-12-31T12:00:01Z", status: 200),
        .write("Mila", at: "2025-12-31T12:30:00Z", [
            Write("ip_address", ["ip_address": "203.0.113.7", "seen_at": "2025-12-31"], for: "abuse_prevention"),
        ]),
        .hold("Mila", "follow_up", placed: true, at: "2026-01-15T08:00:00Z"),

        // Two months after the report: the hold keeps it.
        .expect(at: "2026-02-28T11:59:59Z", [
            "Mila": ["name": 1, "email": 1, "messages": 1, "abuse_reports": 1, "ip_address": 1],
            "Vos": ["contact_history": 2],
        ], because: "abuse_prevention: collected + P2M, not yet"),
        .expect(at: "2026-02-28T12:00:01Z", [
            "Mila": ["name": 1, "email": 1, "messages": 1, "abuse_reports": 1, "ip_address": 1],
            "Vos": ["contact_history": 2],
        ], because: "\"2 maanden, tenzij de melding moet worden opgevolgd\": hold follow_up"),

        // The report is dealt with: past its two months, it goes with what was collected with it.
        .expect(at: "2026-05-01T06:59:59Z", [
            "Mila": ["name": 1, "email": 1, "messages": 1, "abuse_reports": 1, "ip_address": 1],
            "Vos": ["contact_history": 2],
        ], because: "hold follow_up in force until report_closed"),
        .read("Mila", purpose: "abuse_prevention", at: "2026-05-01T06:59:59Z", status: 200),
        .hold("Mila", "follow_up", placed: false, at: "2026-05-01T07:00:00Z"),
        .expect(at: "2026-05-01T07:00:01Z", [
            "Mila": ["name": 1, "email": 1, "messages": 1],
            "Vos": ["contact_history": 2],
        ], because: "\"bewaard tot het moment waarop de melding is afgehandeld\"; messaging keeps the messages until contract_end"),
        .read("Mila", purpose: "abuse_prevention", at: "2026-05-01T07:00:01Z", status: 403),
        .read("Mila", purpose: "messaging", at: "2026-05-01T07:00:01Z", status: 200),

        .event("Mila", "contract_end", at: "2026-06-30T10:00:00Z"),

        // Vos never has a contract: two years after each contact was collected.
        .expect(at: "2027-10-07T12:59:59Z", [
            "Mila": ["name": 1, "email": 1, "messages": 1],
            "Vos": ["contact_history": 2],
        ], because: "customer_contact: at_most P2Y, not yet"),
        .expect(at: "2027-10-07T13:00:01Z", [
            "Mila": ["name": 1, "email": 1, "messages": 1],
            "Vos": ["contact_history": 1],
        ], because: "customer_contact: contract_end + P2Y, at_most P2Y without a contract"),
        .expect(at: "2027-10-09T08:59:59Z", [
            "Mila": ["name": 1, "email": 1, "messages": 1],
            "Vos": ["contact_history": 1],
        ], because: "customer_contact: at_most P2Y, not yet"),
        .expect(at: "2027-10-09T09:00:01Z", [
            "Mila": ["name": 1, "email": 1, "messages": 1],
            "Vos": [:],
        ], because: "customer_contact: contract_end + P2Y, at_most P2Y without a contract"),

        // Two years after Mila's contract ended.
        .expect(at: "2028-06-30T09:59:59Z", [
            "Mila": ["name": 1, "email": 1, "messages": 1],
            "Vos": [:],
        ], because: "matching, messaging, research: contract_end + P2Y, not yet"),
        .expect(at: "2028-06-30T10:00:01Z", [
            "Mila": [:],
            "Vos": [:],
        ], because: "\"Gedurende de overeenkomst en 2 jaar na het einde\""),
    ])
}
