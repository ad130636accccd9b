import Foundation

/// A visitor's choice per cookie category, as recorded: every category of the policy with
/// whether it is allowed, the policy version it was made under, and whether the browser sent a
/// Global Privacy Control signal. Choices are appended, never changed.
public struct CookieChoice: Sendable, Hashable, Codable {
    public var visitor: VisitorID
    /// The person the choice belongs to, when an application said so.
    public var subject: SubjectID?
    public var time: Date
    /// When the banner asks again.
    public var expires: Date
    public var policyVersion: String
    /// By cookie category id: allowed or not. Essential categories are always allowed.
    public var allowed: [String: Bool]
    public var globalPrivacyControl: Bool
    public var language: Language?

    public init(visitor: VisitorID, subject: SubjectID? = nil, time: Date, expires: Date, policyVersion: String,
                allowed: [String: Bool], globalPrivacyControl: Bool, language: Language? = nil) {
        self.visitor = visitor
        self.subject = subject
        self.time = time
        self.expires = expires
        self.policyVersion = policyVersion
        self.allowed = allowed
        self.globalPrivacyControl = globalPrivacyControl
        self.language = language
    }

    /// The Google Consent Mode v2 signals for this choice under `policy`: a type is granted
    /// when a category that lists it is allowed; `security_storage` is always granted, as
    /// strictly necessary storage needs no consent.
    public func consentMode(under policy: Policy) -> [ConsentModeType: Bool] {
        var signals = Dictionary(uniqueKeysWithValues: ConsentModeType.allCases.map { ($0, false) })
        for category in policy.cookies where allowed[category.id] == true {
            for type in category.consentMode { signals[type] = true }
        }
        signals[.securityStorage] = true
        return signals
    }

    /// The stored form.
    public func encoded() -> Data {
        StoredJSON.encode(self)
    }

    public static func decode(_ data: Data) -> CookieChoice? {
        StoredJSON.decode(CookieChoice.self, from: data)
    }
}
