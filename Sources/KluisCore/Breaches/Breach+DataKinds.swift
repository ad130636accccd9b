/// The AP form's kinds of data for the policy's categories: by the category's special kind
/// (arts. 9 and 10) and its Fideslang taxonomy, so a breach that names the categories it exposed
/// fills in the form's kinds by itself.
extension Breach.DataKind {
    public static func kinds(of category: DataCategory) -> [Breach.DataKind] {
        var kinds: [Breach.DataKind] = []
        switch category.special {
        case .none: break
        case .racialOrEthnicOrigin: kinds.append(.race)
        case .politicalOpinions: kinds.append(.politics)
        case .religiousOrPhilosophicalBeliefs: kinds.append(.religion)
        case .tradeUnionMembership: kinds.append(.tradeUnion)
        case .genetic, .biometric, .health: kinds.append(.health)
        case .sexLifeOrSexualOrientation: kinds.append(.sexLife)
        case .criminal: kinds.append(.criminal)
        }
        let taxonomy = category.taxonomy
        let byPrefix: [(String, Breach.DataKind)] = [
            ("user.name", .nameAddress), ("user.contact.address", .nameAddress), ("user.contact.phone_number", .phone),
            ("user.contact.email", .email), ("user.contact", .nameAddress),
            ("user.authorization", .accessData), ("user.account", .accessData), ("user.unique_id", .accessData),
            ("user.financial", .financial), ("user.payment", .financial),
            ("user.government_id.national_identification_number", .bsn), ("user.government_id", .identityDocument),
            ("user.demographic.gender", .sex), ("user.demographic.date_of_birth", .birthDate), ("user.demographic.age_range", .birthDate),
            ("user.demographic.religious_belief", .religion), ("user.demographic.philosophical_belief", .religion),
            ("user.demographic.race_ethnicity", .race), ("user.demographic.political_opinion", .politics),
            ("user.demographic.sexual_orientation", .sexLife), ("user.demographic.union_membership", .tradeUnion),
            ("user.health", .health), ("user.biometric", .health), ("user.criminal_history", .criminal),
        ]
        if let kind = byPrefix.first(where: { taxonomy == $0.0 || taxonomy.hasPrefix($0.0 + ".") })?.1 {
            kinds.append(kind)
        } else if kinds.isEmpty {
            kinds.append(.other)
        }
        return kinds
    }
}
