import KluisCore

/// How the console's sessions behave: staff work longer than a person checking their data, but a
/// desk left alone locks itself.
public struct ConsoleConfiguration: Sendable {
    /// The path it is served under.
    public static let path = "/console"
    /// Whether the session cookie is `Secure`, as for the privacy center.
    public var secureCookies: Bool
    /// A session ends after this long without a request.
    public var idleTimeout: Duration
    /// A session ends this long after signing in, however active: a working day.
    public var sessionLifetime: Duration
    /// How staff passwords are hashed and second factors checked.
    public var credentials: any StaffCredentials
    /// Where one-time codes for requesters and notices to recipients go; without one, the
    /// console does not offer to send them.
    public var outbox: (any Outbox)?
    /// The text of the policy file served, for its check on the policy page.
    public var policyText: String?

    public init(secureCookies: Bool = true, idleTimeout: Duration = .seconds(30 * 60), sessionLifetime: Duration = .seconds(10 * 3600),
                credentials: any StaffCredentials = BcryptTOTPCredentials(), outbox: (any Outbox)? = nil,
                policyText: String? = nil) {
        self.policyText = policyText
        self.outbox = outbox
        self.secureCookies = secureCookies
        self.idleTimeout = idleTimeout
        self.sessionLifetime = sessionLifetime
        self.credentials = credentials
    }
}
