import Foundation

extension PolicyFixture {
    /// The request fixture with a profile the person may correct and delete themselves; contact
    /// details they correct by request; invoices a legal obligation keeps.
    public static func withPrivacyCenter() -> PolicyFixture {
        var policy = PolicyFixture.withRequests()
        policy.categories += """

          - id: profile
            taxonomy: user.content.public
            name: {nl: Profiel, en: Profile}
            fields: [headline, bio]
            required: false
            correction: self_service
            deletion: self_service
        """
        policy.purposes = policy.purposes.replacingOccurrences(of: "    categories: [contact]\n    retention: {anchor: contract_end, duration: P2Y",
                                                               with: "    categories: [contact, profile]\n    retention: {anchor: contract_end, duration: P2Y")
        return policy
    }
}
