/// A group of cookies asked about together in a cookie banner: essential, functional,
/// statistics, marketing.
public struct CookieCategory: Sendable, Hashable, Identifiable {
    /// `essential`, `functional`, `statistics`, `marketing` or an id of the policy's own.
    public var id: String
    public var name: LocalizedText
    public var description: LocalizedText?
    /// Whether the visitor must consent first; false only for essential or exempt cookies.
    public var consent: Bool
    /// Why no consent is asked for a category that would otherwise need it.
    public var exemption: CookieExemption?
    /// The Google Consent Mode v2 types this category grants.
    public var consentMode: [ConsentModeType]
    public var providers: [CookieProvider]

    public init(id: String, name: LocalizedText, description: LocalizedText? = nil, consent: Bool,
                exemption: CookieExemption? = nil, consentMode: [ConsentModeType] = [],
                providers: [CookieProvider] = []) {
        self.id = id
        self.name = name
        self.description = description
        self.consent = consent
        self.exemption = exemption
        self.consentMode = consentMode
        self.providers = providers
    }

    /// Whether these are strictly necessary cookies, which need no consent.
    public var isEssential: Bool { id == "essential" }
}
