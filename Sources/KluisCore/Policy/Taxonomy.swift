/// The fideslang data category taxonomy, which gives every category a key other privacy tools
/// understand (`user.contact.email`).
public struct Taxonomy: Sendable {
    private let names: [String: String]
    private let keys: [String]

    /// The taxonomy Kluis ships with.
    public static let fideslang = Taxonomy(Taxonomy.fideslangDataCategories)

    init(_ entries: [(key: String, name: String)]) {
        keys = entries.map(\.key)
        names = Dictionary(entries.map { ($0.key, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    /// Whether `key` is a data category of the taxonomy.
    public func contains(_ key: String) -> Bool {
        names[key] != nil
    }

    /// The English name of `key`, such as "Email" for `user.contact.email`.
    public func name(of key: String) -> String? {
        names[key]
    }

    /// The known key closest to a misspelled `key`, if one is close enough to be meant.
    public func suggestion(for key: String) -> String? {
        Spelling.nearest(to: key, among: keys)
    }
}
