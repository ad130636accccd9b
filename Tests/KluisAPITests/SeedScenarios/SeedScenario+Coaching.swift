/// Seed 003, coaching.yaml (Koersvast Coaching): Piet only asks questions, Jan asks and becomes a
/// client with two invoices, Sanne subscribes to the newsletter and has a review published.
extension SeedScenario {
    static let coaching = SeedScenario(policy: "coaching.yaml", timeline: [
        // Jan asks a question, agrees a coaching contract, is invoiced.
        .create("Jan", at: "2025-01-08T09:00:00Z", [
            Write("name", ["first_name": "Jan", "last_name": "de Boer"], for: "questions"),
            Write("email", ["email": "jan@example.nl"], for: "questions"),
            Write("messages", ["channel": "form", "subject": "Coaching?", "body": "Wat kost een traject?"], for: "questions"),
        ]),
        .event("Jan", "contract_start", at: "2025-01-10T10:00:00Z"),
        .write("Jan", at: "2025-01-10T10:00:00Z", [Write("coaching_file", ["intake_notes": "Intake"], for: "coaching")]),
        // Zoom receives names, e-mail addresses and appointments for coaching, never the file;
        // the newsletter's mailer nothing without consent.
        .disclose("Jan", to: "zoom", for: "coaching", ["name", "email"], at: "2025-01-10T10:00:01Z", answer: "allowed"),
        .disclose("Jan", to: "zoom", for: "coaching", ["coaching_file"], at: "2025-01-10T10:00:01Z", answer: "disclosure.not_listed"),
        .disclose("Jan", to: "mailblue", for: "newsletter", ["email"], at: "2025-01-10T10:00:01Z", answer: "consent.required"),
        // Piet only asks questions.
        .create("Piet", at: "2025-03-03T09:00:00Z", [
            Write("name", ["first_name": "Piet", "last_name": "Jansen"], for: "questions"),
            Write("email", ["email": "piet@example.nl"], for: "questions"),
            Write("messages", ["channel": "email", "subject": "Vraag", "body": "Werkt u ook online?"], for: "questions"),
        ]),
        .write("Jan", at: "2025-03-14T10:00:00Z", [Write("invoices", ["invoice_number": "2025-007", "amount": "450.00"], for: "billing")]),
        .event("Jan", "invoice_issued", at: "2025-03-14T10:00:00Z"),
        // Sanne subscribes (consent first: data for a purpose on consent needs it), then reviews.
        .create("Sanne", at: "2025-04-01T08:00:00Z", []),
        .consent("Sanne", ["newsletter": "given"], at: "2025-04-01T08:00:00Z"),
        .write("Sanne", at: "2025-04-01T08:00:00Z", [
            Write("name", ["first_name": "Sanne", "last_name": "Visser"], for: "newsletter"),
            Write("email", ["email": "sanne@example.nl"], for: "newsletter"),
        ]),
        .consent("Sanne", ["reviews": "given"], at: "2025-05-20T12:00:00Z"),
        .write("Sanne", at: "2025-05-20T12:00:00Z", [
            Write("job_title", ["job_title": "Docent"], for: "reviews"),
            Write("reviews", ["review_text": "Fijne coach!", "published_on": "2025-05-21"], for: "reviews"),
        ]),
        .write("Piet", at: "2025-06-10T12:00:00Z", [Write("messages", ["channel": "phone", "body": "Teruggebeld"], for: "questions")]),
        .event("Piet", "last_contact", at: "2025-06-10T12:00:00Z"),
        .event("Jan", "last_contact", at: "2025-09-30T14:00:00Z"),
        .read("Piet", purpose: "billing", at: "2025-10-01T00:00:00Z", status: 403),
        .read("Piet", purpose: "questions", at: "2025-10-01T00:00:00Z", status: 200),
        .read("Jan", purpose: "billing", at: "2025-10-01T00:00:00Z", status: 200),

        // Sanne withdraws her newsletter consent: the e-mail goes, the name stays for `reviews`.
        .expect(at: "2025-11-20T19:29:59Z", [
            "Piet": ["name": 1, "email": 1, "messages": 2],
            "Jan": ["name": 1, "email": 1, "messages": 1, "coaching_file": 1, "invoices": 1],
            "Sanne": ["name": 1, "email": 1, "job_title": 1, "reviews": 1],
        ], because: "newsletter: consent_withdrawn + P0D, not yet withdrawn"),
        .read("Sanne", purpose: "newsletter", at: "2025-11-20T19:29:59Z", status: 200),
        .consent("Sanne", ["newsletter": "withdrawn"], at: "2025-11-20T19:30:00Z"),
        .expect(at: "2025-11-20T19:30:01Z", [
            "Piet": ["name": 1, "email": 1, "messages": 2],
            "Jan": ["name": 1, "email": 1, "messages": 1, "coaching_file": 1, "invoices": 1],
            "Sanne": ["name": 1, "job_title": 1, "reviews": 1],
        ], because: "\"Je kunt op ieder gewenst moment je gegevens zelf uit mijn nieuwsbrief systeem verwijderen\"; reviews keeps the name"),
        .read("Sanne", purpose: "newsletter", at: "2025-11-20T19:30:01Z", status: 403),
        .read("Sanne", purpose: "reviews", at: "2025-11-20T19:30:01Z", status: 200),

        // Jan's question is a year old.
        .expect(at: "2026-01-08T08:59:59Z", [
            "Piet": ["name": 1, "email": 1, "messages": 2],
            "Jan": ["name": 1, "email": 1, "messages": 1, "coaching_file": 1, "invoices": 1],
            "Sanne": ["name": 1, "job_title": 1, "reviews": 1],
        ], because: "messages: collected + P1Y, not yet"),
        .expect(at: "2026-01-08T09:00:01Z", [
            "Piet": ["name": 1, "email": 1, "messages": 2],
            "Jan": ["name": 1, "email": 1, "coaching_file": 1, "invoices": 1],
            "Sanne": ["name": 1, "job_title": 1, "reviews": 1],
        ], because: "\"E-mail ouder dan 1 jaar wordt verwijderd\" (questions and coaching: collected + P1Y)"),

        // Jan's second invoice moves the date of his name and e-mail under billing to fiscal 2026.
        .write("Jan", at: "2026-02-02T10:00:00Z", [Write("invoices", ["invoice_number": "2026-003", "amount": "150.00"], for: "billing")]),
        .event("Jan", "invoice_issued", at: "2026-02-02T10:00:00Z"),

        // Sanne withdraws her review consent: nothing of her is left.
        .expect(at: "2026-02-14T09:14:59Z", [
            "Piet": ["name": 1, "email": 1, "messages": 2],
            "Jan": ["name": 1, "email": 1, "coaching_file": 1, "invoices": 2],
            "Sanne": ["name": 1, "job_title": 1, "reviews": 1],
        ], because: "reviews: consent_withdrawn + P0D, not yet withdrawn"),
        .consent("Sanne", ["reviews": "withdrawn"], at: "2026-02-14T09:15:00Z"),
        .expect(at: "2026-02-14T09:15:01Z", [
            "Piet": ["name": 1, "email": 1, "messages": 2],
            "Jan": ["name": 1, "email": 1, "coaching_file": 1, "invoices": 2],
            "Sanne": [:],
        ], because: "reviews: published until consent is withdrawn (consent_withdrawn + P0D)"),

        // Piet's first message is a year old; his name is not: last_contact decides, not at_most.
        .expect(at: "2026-03-03T08:59:59Z", [
            "Piet": ["name": 1, "email": 1, "messages": 2],
            "Jan": ["name": 1, "email": 1, "coaching_file": 1, "invoices": 2],
            "Sanne": [:],
        ], because: "messages: collected + P1Y, not yet"),
        .expect(at: "2026-03-03T09:00:01Z", [
            "Piet": ["name": 1, "email": 1, "messages": 1],
            "Jan": ["name": 1, "email": 1, "coaching_file": 1, "invoices": 2],
            "Sanne": [:],
        ], because: "\"E-mail ouder dan 1 jaar wordt verwijderd\"; at_most is a fallback, last_contact happened"),

        // A year after Piet's last contact: billing does not apply to him, nothing keeps him.
        .expect(at: "2026-06-10T11:59:59Z", [
            "Piet": ["name": 1, "email": 1, "messages": 1],
            "Jan": ["name": 1, "email": 1, "coaching_file": 1, "invoices": 2],
            "Sanne": [:],
        ], because: "questions: last_contact + P1Y, not yet"),
        .expect(at: "2026-06-10T12:00:01Z", [
            "Piet": [:],
            "Jan": ["name": 1, "email": 1, "coaching_file": 1, "invoices": 2],
            "Sanne": [:],
        ], because: "\"Naam, adresgegevens, telefoonnummer en e-mail verwijder ik 1 jaar na ons laatste contact\""),

        // A year after Jan's last session: the coaching file goes, billing keeps his name.
        .expect(at: "2026-09-30T13:59:59Z", [
            "Piet": [:],
            "Jan": ["name": 1, "email": 1, "coaching_file": 1, "invoices": 2],
            "Sanne": [:],
        ], because: "coaching: last_contact + P1Y, not yet"),
        .expect(at: "2026-09-30T14:00:01Z", [
            "Piet": [:],
            "Jan": ["name": 1, "email": 1, "invoices": 2],
            "Sanne": [:],
        ], because: "coaching: 1 year after our last contact; billing applies and keeps name and e-mail"),

        // The first invoice's seven years (fiscal 2025).
        .expect(at: "2032-12-31T22:59:58Z", [
            "Piet": [:],
            "Jan": ["name": 1, "email": 1, "invoices": 2],
            "Sanne": [:],
        ], because: "billing: fiscal_year_end + P7Y of fiscal 2025, not yet"),
        .expect(at: "2032-12-31T23:00:00Z", [
            "Piet": [:],
            "Jan": ["name": 1, "email": 1, "invoices": 1],
            "Sanne": [:],
        ], because: "\"Facturen en offertes kunnen worden verwijderd na de wettelijke bewaartermijn van 7 jaar\""),

        // The second invoice's seven years (fiscal 2026): name and e-mail count from it.
        .expect(at: "2033-12-31T22:59:58Z", [
            "Piet": [:],
            "Jan": ["name": 1, "email": 1, "invoices": 1],
            "Sanne": [:],
        ], because: "billing: fiscal_year_end + P7Y of fiscal 2026, not yet"),
        .expect(at: "2033-12-31T23:00:00Z", [
            "Piet": [:],
            "Jan": [:],
            "Sanne": [:],
        ], because: "\"Je gegevens blijven in ieder geval tot die tijd aanwezig in mijn facturatiesysteem\""),
    ])
}
