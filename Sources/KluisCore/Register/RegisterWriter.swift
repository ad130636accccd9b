import Foundation

/// Writes a ``ProcessingRegister`` as Markdown, CSV (RFC 4180) or JSON.
public enum RegisterWriter {
    /// A Markdown page: an overview table, then every field of every activity.
    public static func markdown(_ register: ProcessingRegister) -> String {
        let say = Phrases(register.language)
        let labels = columnLabels(register.language)
        var sections = [Document.Section(
            anchor: "overview",
            title: say.pick("Overzicht", "Overview"),
            blocks: [.table(
                headers: [labels["purpose"]!, labels["legal_basis"]!, labels["subject_categories"]!, labels["data_categories"]!],
                rows: register.entries.map { entry in
                    [entry.purpose, entry.legalBasis, entry.subjectCategories.joined(separator: ", "),
                     entry.dataCategories.joined(separator: ", ")]
                }
            )]
        )]
        for entry in register.entries {
            let rows = zip(RegisterEntry.columns, entry.cells).map { [labels[$0.0] ?? $0.0, $0.1.isEmpty ? "—" : $0.1] }
            sections.append(Document.Section(anchor: entry.purposeID, title: entry.purpose, blocks: [
                .table(headers: [say.pick("Onderdeel", "Field"), say.pick("Inhoud", "Content")], rows: rows),
            ]))
        }
        let document = Document(
            language: register.language,
            title: say.pick("Register van verwerkingsactiviteiten van \(register.controller)",
                            "Register of processing activities of \(register.controller)"),
            subtitle: say.pick("Artikel 30 AVG — policy versie \(register.policyVersion) (\(register.policyDate))",
                               "Article 30 GDPR — policy version \(register.policyVersion) (\(register.policyDate))"),
            sections: sections
        )
        return MarkdownWriter.render(document)
    }

    /// One header row and one row per activity, fields quoted where needed.
    public static func csv(_ register: ProcessingRegister) -> String {
        let lines = [RegisterEntry.columns] + register.entries.map(\.cells)
        return lines.map { CSV.line($0) }.joined()
    }

    /// The register as pretty-printed JSON with stable key order.
    public static func json(_ register: ProcessingRegister) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(register), as: UTF8.self) + "\n"
    }

    /// Human labels of the register's columns.
    static func columnLabels(_ language: Language) -> [String: String] {
        let nl = [
            "purpose_id": "Id", "purpose": "Doel", "description": "Omschrijving",
            "controller": "Verwerkingsverantwoordelijke", "controller_contact": "Contactgegevens",
            "data_protection_officer": "Functionaris gegevensbescherming", "representative": "Vertegenwoordiger",
            "joint_controllers": "Gezamenlijk verantwoordelijken", "legal_basis": "Grondslag",
            "special_condition": "Uitzondering art. 9/10", "direct_marketing": "Direct marketing",
            "subject_categories": "Categorieën betrokkenen", "data_categories": "Categorieën persoonsgegevens",
            "special_categories": "Bijzondere persoonsgegevens", "sources": "Herkomst",
            "recipients": "Ontvangers", "processors": "Verwerkers en overeenkomsten",
            "transfers": "Doorgifte buiten de EER en waarborgen", "retention": "Bewaartermijnen",
            "legal_holds": "Uitzonderingen op bewaartermijnen", "automated_decisions": "Geautomatiseerde besluiten",
            "security_measures": "Beveiligingsmaatregelen",
        ]
        let en = [
            "purpose_id": "Id", "purpose": "Purpose", "description": "Description",
            "controller": "Controller", "controller_contact": "Contact details",
            "data_protection_officer": "Data protection officer", "representative": "Representative",
            "joint_controllers": "Joint controllers", "legal_basis": "Legal basis",
            "special_condition": "Art. 9/10 condition", "direct_marketing": "Direct marketing",
            "subject_categories": "Categories of data subjects", "data_categories": "Categories of personal data",
            "special_categories": "Special categories", "sources": "Sources",
            "recipients": "Recipients", "processors": "Processors and agreements",
            "transfers": "Transfers outside the EEA and safeguards", "retention": "Erasure time limits",
            "legal_holds": "Legal holds", "automated_decisions": "Automated decisions",
            "security_measures": "Security measures",
        ]
        return language == .nl ? nl : en
    }
}
