/// The supervisory authority people may complain to (art. 77).
public struct SupervisoryAuthority: Sendable, Hashable {
    public var name: String
    public var url: String
    public var country: String

    public init(name: String, url: String, country: String) {
        self.name = name
        self.url = url
        self.country = country
    }

    /// The Dutch authority, the default for a Dutch controller.
    public static let autoriteitPersoonsgegevens = SupervisoryAuthority(
        name: "Autoriteit Persoonsgegevens",
        url: "https://autoriteitpersoonsgegevens.nl",
        country: "NL"
    )
}
