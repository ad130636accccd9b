import KluisCore

/// Where the privacy center is served and how its sessions behave, validated once at start.
public struct PrivacyCenterConfiguration: Sendable {
    /// The path it is served under, such as `/privacy-center`.
    public var path: String
    /// Whether the session cookie is `Secure`, sent only over HTTPS. Off only for development on
    /// `http://127.0.0.1`; `kluis serve` refuses it off on any other address.
    public var secureCookies: Bool
    /// A session ends after this long without a request.
    public var idleTimeout: Duration
    /// A session ends this long after signing in, however active.
    public var sessionLifetime: Duration
    /// Where sign-in codes are sent; without one, signing in by e-mail is not offered.
    public var outbox: (any Outbox)?

    public init(path: String = "/privacy-center", secureCookies: Bool = true, idleTimeout: Duration = .seconds(15 * 60),
                sessionLifetime: Duration = .seconds(4 * 3600), outbox: (any Outbox)? = nil) {
        self.path = path
        self.secureCookies = secureCookies
        self.idleTimeout = idleTimeout
        self.sessionLifetime = sessionLifetime
        self.outbox = outbox
    }

    /// Paths the server serves itself, which the privacy center may not take.
    static let taken = ["/v1", "/privacy", "/banner", "/metrics", "/healthz", "/openapi.json", ConsoleConfiguration.path]

    /// `path` when it can be the privacy center's: one or more segments of lowercase letters,
    /// digits and dashes, not a path the server serves itself.
    public static func validated(path: String) throws(VaultError) -> String {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        guard path.hasPrefix("/"), segments.count >= 2,
              segments.dropFirst().allSatisfy({ !$0.isEmpty && $0.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" } }) else {
            throw VaultError(.inputInvalid, "the privacy center's path must look like /privacy-center: lowercase letters, digits and dashes after a slash, no slash at the end")
        }
        guard !taken.contains(where: { path == $0 || path.hasPrefix($0 + "/") }) else {
            throw VaultError(.inputInvalid, "the privacy center's path \(path) is one the server serves itself")
        }
        return path
    }
}
