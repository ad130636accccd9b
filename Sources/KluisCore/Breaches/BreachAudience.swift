/// The people a breach exposed, counted without opening a value: how many, how many can be told
/// by e-mail (they have a registered address), and in which language.
public struct BreachAudience: Sendable, Hashable, Codable {
    public var selected: Int = 0
    public var withAddress: Int = 0
    public var alreadyTold: Int = 0
    public var languages: [Language: Int] = [:]

    public init() {}

    enum CodingKeys: String, CodingKey {
        case selected, languages
        case withAddress = "with_address"
        case alreadyTold = "already_told"
    }
}
