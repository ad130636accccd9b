/// A text given in each of the policy's languages, such as a purpose's name.
public struct LocalizedText: Sendable, Hashable, Codable {
    /// The translations, by language.
    public var translations: [Language: String]

    public init(_ translations: [Language: String]) {
        self.translations = translations
    }

    /// The text in `language`, falling back to any translation so a reader never gets nothing.
    ///
    /// A valid policy has every language, so the fallback only matters for partial policies.
    public func text(in language: Language) -> String {
        translations[language] ?? translations.sorted { $0.key < $1.key }.first?.value ?? ""
    }

    /// The languages of `required` this text lacks.
    public func missing(from required: [Language]) -> [Language] {
        required.filter { (translations[$0] ?? "").isEmpty }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode([String: String].self)
        var translations: [Language: String] = [:]
        for (key, value) in raw {
            if let language = Language(rawValue: key) { translations[language] = value }
        }
        self.translations = translations
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        let raw = Dictionary(uniqueKeysWithValues: translations.map { ($0.key.rawValue, $0.value) })
        try container.encode(raw)
    }
}
