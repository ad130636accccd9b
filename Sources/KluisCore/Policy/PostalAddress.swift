/// A postal address.
public struct PostalAddress: Sendable, Hashable {
    public var street: String
    public var postcode: String
    public var city: String
    /// ISO 3166 alpha-2.
    public var country: String

    public init(street: String, postcode: String, city: String, country: String) {
        self.street = street
        self.postcode = postcode
        self.city = city
        self.country = country
    }
}
