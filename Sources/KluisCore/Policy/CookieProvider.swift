/// A party that places or reads cookies of a category, such as Google Analytics.
public struct CookieProvider: Sendable, Hashable {
    public var name: String
    /// The recipient behind the provider, when the policy lists it.
    public var recipient: String?
    public var purpose: LocalizedText?
    public var cookies: [Cookie]

    public init(name: String, recipient: String? = nil, purpose: LocalizedText? = nil,
                cookies: [Cookie] = []) {
        self.name = name
        self.recipient = recipient
        self.purpose = purpose
        self.cookies = cookies
    }
}
