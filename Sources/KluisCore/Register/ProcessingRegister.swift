/// The register of processing activities (art. 30), built from the policy: one entry per purpose.
public struct ProcessingRegister: Sendable, Hashable, Codable {
    public var controller: String
    public var policyVersion: String
    public var policyDate: CalendarDate
    public var language: Language
    public var entries: [RegisterEntry]

    enum CodingKeys: String, CodingKey {
        case controller
        case policyVersion = "policy_version"
        case policyDate = "policy_date"
        case language
        case entries
    }

    /// The register of `policy`, worded in `language`.
    public init(policy: Policy, language: Language) {
        let say = Phrases(language)
        let controller = policy.controller
        func text(_ localized: LocalizedText) -> String { localized.text(in: language) }
        func contact(_ person: Contact?) -> String {
            guard let person else { return "" }
            return ([person.name] + [person.email, person.phone].compactMap { $0 }).joined(separator: ", ")
        }
        self.controller = controller.name
        policyVersion = policy.info.version
        policyDate = policy.info.date
        self.language = language
        entries = policy.purposes.map { purpose in
            let categories = purpose.categories.compactMap(policy.category)
            let recipients = policy.recipients(serving: purpose.id)
            var address = [controller.email]
            if let phone = controller.phone { address.append(phone) }
            if let postal = controller.address {
                address.insert("\(postal.street), \(postal.postcode) \(postal.city), \(postal.country)", at: 0)
            }
            if let kvk = controller.kvk { address.append("KvK \(kvk)") }
            return RegisterEntry(
                purposeID: purpose.id,
                purpose: text(purpose.name),
                description: purpose.description.map(text) ?? "",
                controller: controller.name,
                controllerContact: address.joined(separator: ", "),
                dataProtectionOfficer: contact(controller.dpo),
                representative: contact(controller.representative),
                jointControllers: recipients.filter { $0.role == .jointController }.map { text($0.name) },
                legalBasis: say.legalBasisInFull(purpose.legalBasis),
                specialCondition: purpose.specialCondition.map { say.specialCondition($0) + (purpose.specialLaw.map { ": \($0)" } ?? "") } ?? "",
                directMarketing: purpose.directMarketing,
                subjectCategories: purpose.subjects.compactMap(policy.subject).map { text($0.name) },
                dataCategories: categories.map { "\(text($0.name)) (\($0.taxonomy))" },
                specialCategories: categories.filter(\.special.needsCondition).map { "\(text($0.name)): \(say.special($0.special))" },
                sources: categories.map { category in
                    "\(text(category.name)): \(say.origin(category.origin))" + (category.source.map { " — \(text($0))" } ?? "")
                },
                recipients: recipients.map { "\(text($0.name)) (\(say.role($0.role)), \($0.country))" },
                processors: recipients.filter(\.role.isProcessor).map { recipient in
                    var agreement = recipient.agreement?.reference ?? say.pick("geen overeenkomst vastgelegd", "no agreement recorded")
                    if let date = recipient.agreement?.date { agreement += ", \(date)" }
                    return "\(text(recipient.name)): \(agreement)"
                },
                transfers: recipients.filter(\.isOutsideEEA).map { recipient in
                    "\(text(recipient.name)) (\(recipient.country)): \(say.transfer(recipient.transfer, country: recipient.country))"
                },
                retention: categories.map { "\(text($0.name)): \(say.retention(purpose.retention(for: $0.id)))" },
                legalHolds: purpose.retention.holds.map { "\(text($0.description)) (\($0.releasedBy))" },
                automatedDecisions: policy.automatedDecisions.filter { $0.purpose == purpose.id }.map { text($0.description) },
                securityMeasures: policy.security.measures.map(text)
            )
        }
    }
}
