import Foundation

/// How often an attempt of one kind may be made for one key (a client's address, a request, a
/// person): `limit` in any `period`, and for how long, at most, a key that keeps trying is held
/// back. An attempt refused still counts, so hammering a refusal only lengthens it: lockout with
/// back-off, up to `longestWait`.
///
/// The rules are the generic cell rate algorithm: each attempt adds `period / limit` to the
/// key's "theoretical arrival time", which one time per key is enough to keep, in memory or in
/// a row; an attempt is let through when that time is at most one `period` ahead of now.
public struct ThrottleRule: Sendable, Hashable {
    /// Names the kind of attempt; part of every key's bucket.
    public var name: String
    public var limit: Int
    public var period: TimeInterval
    public var longestWait: TimeInterval

    public init(name: String, limit: Int, period: TimeInterval, longestWait: TimeInterval) {
        precondition(limit > 0 && period > 0 && longestWait >= 0, "a throttle rule needs a positive limit and period")
        self.name = name
        self.limit = limit
        self.period = period
        self.longestWait = longestWait
    }

    /// What one attempt costs of the allowance.
    var interval: TimeInterval { period / Double(limit) }

    /// API keys that do not authenticate, per client address: 10 a minute, then held back for up
    /// to an hour while they keep coming.
    public static let failedAuthentication = ThrottleRule(name: "failed-authentication", limit: 10, period: 60, longestWait: 3600)
    /// Writes without a key (a visitor's cookie choice), per client address: 30 a minute.
    public static let anonymousWrites = ThrottleRule(name: "anonymous-write", limit: 30, period: 60, longestWait: 600)
    /// One-time codes sent for one request: 3 an hour. Each is an e-mail to the person.
    public static let codesPerRequest = ThrottleRule(name: "code-sent", limit: 3, period: 3600, longestWait: 86_400)
    /// One-time codes sent to one person, whatever the request: 5 a day.
    public static let codesPerSubject = ThrottleRule(name: "code-sent-subject", limit: 5, period: 86_400, longestWait: 86_400)
    /// Wrong one-time codes for one request: 10 an hour, across the codes sent (each code
    /// allows 5 tries).
    public static let wrongCodes = ThrottleRule(name: "code-wrong", limit: 10, period: 3600, longestWait: 86_400)
    /// Sign-in codes sent to one e-mail address, known or not: 5 an hour. Each is an e-mail.
    public static let signInCodesPerAddress = ThrottleRule(name: "sign-in-code-address", limit: 5, period: 3600, longestWait: 86_400)
    /// Sign-in codes asked for by one client address, whatever the e-mail address: 20 an hour.
    public static let signInCodesPerClient = ThrottleRule(name: "sign-in-code-client", limit: 20, period: 3600, longestWait: 86_400)
    /// Failed sign-ins (wrong codes, bad links) from one client address: 20 an hour, so that
    /// asking for new codes does not multiply the guesses one client may make.
    public static let failedSignIns = ThrottleRule(name: "sign-in-failed", limit: 20, period: 3600, longestWait: 86_400)
    /// Failed console sign-ins of one staff account: 5 in 15 minutes, then the account is
    /// locked, for up to an hour while attempts keep coming.
    public static let staffSignInFailures = ThrottleRule(name: "staff-sign-in-failed", limit: 5, period: 900, longestWait: 3600)
}
