/// Checks a parsed policy as a whole: that its references resolve, and that it asks nothing the
/// law forbids or leaves out something the law requires.
///
/// Every finding names the path it is about; the source map turns that into a line.
public struct PolicyValidator: Sendable {
    public var taxonomy: Taxonomy

    public init(taxonomy: Taxonomy = .fideslang) {
        self.taxonomy = taxonomy
    }

    /// Every problem of `policy`, in the order of the file.
    public func validate(_ policy: Policy, sourceMap: SourceMap = SourceMap(),
                         file: String? = nil) -> [PolicyIssue] {
        var findings = Findings(policy: policy, sourceMap: sourceMap, file: file)
        checkIDs(&findings)
        checkCategories(&findings)
        checkPurposes(&findings)
        checkRecipients(&findings)
        checkCookies(&findings)
        checkPromises(&findings)
        return findings.issues.sorted { ($0.line ?? 0, $0.path) < ($1.line ?? 0, $1.path) }
    }

    private func checkIDs(_ findings: inout Findings) {
        let policy = findings.policy
        findings.duplicates(policy.subjects.map(\.id), in: "subjects", what: "subject category")
        findings.duplicates(policy.categories.map(\.id), in: "categories", what: "category")
        findings.duplicates(policy.purposes.map(\.id), in: "purposes", what: "purpose")
        findings.duplicates(policy.recipients.map(\.id), in: "recipients", what: "recipient")
        findings.duplicates(policy.cookies.map(\.id), in: "cookies", what: "cookie category")
        findings.duplicates(policy.automatedDecisions.map(\.id), in: "automated_decisions",
                            what: "automated decision")
        for (index, purpose) in policy.purposes.enumerated() {
            let path = findings.path("purposes", policy.purposes.map(\.id), index)
            findings.duplicates(purpose.retention.holds.map(\.id), in: "\(path).retention.holds",
                                what: "legal hold")
        }
    }

    private func checkCategories(_ findings: inout Findings) {
        let policy = findings.policy
        let coveredSubjects = Set(policy.purposes.flatMap(\.subjects))
        for (index, subject) in policy.subjects.enumerated() where !coveredSubjects.contains(subject.id) {
            findings.report("subject.unused",
                            "no purpose processes data of '\(subject.id)': the statement names them but says nothing about their data",
                            at: findings.path("subjects", policy.subjects.map(\.id), index), severity: .warning)
        }
        for (index, category) in policy.categories.enumerated() {
            let path = findings.path("categories", policy.categories.map(\.id), index)
            if !taxonomy.contains(category.taxonomy) {
                let hint = taxonomy.suggestion(for: category.taxonomy).map { " (did you mean '\($0)'?)" } ?? ""
                findings.report("taxonomy.unknown",
                                "'\(category.taxonomy)' is not a fideslang data category\(hint)",
                                at: "\(path).taxonomy")
            }
            if policy.purposes(using: category.id).isEmpty {
                findings.report("category.unused",
                                "no purpose uses the category '\(category.id)': data without a purpose may not be collected (art. 5(1)(b)); add it to a purpose or remove it",
                                at: path, severity: .warning)
            }
            if category.origin == .thirdParty, category.source == nil {
                findings.report("origin.no_source",
                                "data from a third party must name its source (art. 14): add 'source'",
                                at: "\(path).origin")
            }
            findings.duplicates(category.fields, in: "\(path).fields", what: "field")
        }
    }

    private func checkPurposes(_ findings: inout Findings) {
        let policy = findings.policy
        for (index, purpose) in policy.purposes.enumerated() {
            let path = findings.path("purposes", policy.purposes.map(\.id), index)
            for (position, subject) in purpose.subjects.enumerated() where policy.subject(subject) == nil {
                findings.undefined(subject, what: "subject category", section: "subjects",
                                   known: policy.subjects.map(\.id), at: "\(path).subjects[\(position)]")
            }
            for (position, category) in purpose.categories.enumerated() where policy.category(category) == nil {
                findings.undefined(category, what: "category", section: "categories",
                                   known: policy.categories.map(\.id), at: "\(path).categories[\(position)]")
            }
            if purpose.directMarketing, purpose.legalBasis.kind == .contract {
                findings.report("marketing.contract_basis",
                                "direct marketing is not necessary for a contract and cannot rest on it: use consent, or a described legitimate interest for existing customers",
                                at: "\(path).legal_basis")
            }
            checkSpecialData(purpose, at: path, &findings)
            checkRetention(purpose, at: path, &findings)
            checkDataset(purpose, at: path, &findings)
        }
    }

    private func checkSpecialData(_ purpose: Purpose, at path: String, _ findings: inout Findings) {
        let special = purpose.categories.compactMap(findings.policy.category).filter(\.special.needsCondition)
        guard let first = special.first else { return }
        guard let condition = purpose.specialCondition else {
            findings.report("special.no_condition",
                            "the category '\(first.id)' is \(first.special == .criminal ? "criminal data (art. 10)" : "special-category data (art. 9)"); add the 'special_condition' that allows this purpose to process it",
                            at: path)
            return
        }
        for category in special where (category.special == .criminal) != condition.isForCriminalData {
            let needed = category.special == .criminal
                ? "criminal data (art. 10) needs 'authorised_by_law'"
                : "'\(condition.rawValue)' is for criminal data; special-category data needs an art. 9(2) condition"
            findings.report("special.no_condition", "\(needed) (category '\(category.id)')",
                            at: "\(path).special_condition")
        }
        if condition.needsLaw, purpose.specialLaw == nil {
            findings.report("special.no_law",
                            "the condition '\(condition.rawValue)' rests on a law: name it in 'special_law'",
                            at: "\(path).special_condition")
        }
    }

    private func checkRetention(_ purpose: Purpose, at path: String, _ findings: inout Findings) {
        let policy = findings.policy
        let fields = Set(purpose.categories.compactMap(policy.category).flatMap(\.fields))
        if case .field(let name) = purpose.retention.terms.anchor, !fields.contains(name) {
            let hint = Spelling.nearest(to: name, among: fields).map { " (did you mean 'field:\($0)'?)" } ?? ""
            findings.report("retention.unknown_field",
                            "the anchor field '\(name)' is not a field of this purpose's categories\(hint)",
                            at: "\(path).retention.anchor")
        }
        for (category, terms) in purpose.retention.categoryTerms.sorted(by: { $0.key < $1.key }) {
            let termsPath = "\(path).retention.categories.\(category)"
            guard purpose.categories.contains(category) else {
                let message = policy.category(category) == nil
                    ? "'\(category)' is not a category of this policy"
                    : "this purpose does not use the category '\(category)', so its rule would never apply"
                findings.report("retention.unused_override", message, at: termsPath)
                continue
            }
            if case .field(let name) = terms.anchor,
               policy.category(category)?.fields.contains(name) != true {
                findings.report("retention.unknown_field",
                                "the anchor field '\(name)' is not a field of the category '\(category)'",
                                at: "\(termsPath).anchor")
            }
        }
        checkUndatedRecords(purpose, at: path, &findings)
    }

    /// Warns about every category whose records this purpose could keep for ever: its anchor is
    /// an event that may never come for some person, and no `at_most` bounds the wait.
    private func checkUndatedRecords(_ purpose: Purpose, at path: String, _ findings: inout Findings) {
        let rule = purpose.retention
        let general = purpose.categories.filter { rule.categoryTerms[$0] == nil }
        var groups: [(terms: RetentionRule.Terms, categories: [String], path: String)] = [(rule.terms, general, "\(path).retention")]
        for category in purpose.categories where rule.categoryTerms[category] != nil {
            groups.append((rule.terms(for: category), [category], "\(path).retention.categories.\(category)"))
        }
        for group in groups where !group.categories.isEmpty && group.terms.mayNeverStart {
            findings.report("retention.may_never_end",
                            "\(group.categories.joined(separator: ", ")) would be kept for ever for someone to whom '\(group.terms.anchor)' never happens: add 'at_most', how long after collection the data may be kept until then",
                            at: group.path, severity: .warning)
        }
    }
}
