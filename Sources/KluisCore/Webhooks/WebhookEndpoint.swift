import Crypto
import Foundation

/// Where an application hears of changes: a name (which keys its state in the vault), an HTTPS
/// or loopback URL, the secret its deliveries are signed with, and the kinds of event it takes
/// (all when none are named).
public struct WebhookEndpoint: Sendable {
    public let name: String
    public let url: URL
    public let secret: SymmetricKey
    public let kinds: Set<WebhookEvent.Kind>

    /// Checks what an operator configured; the message names the endpoint, never the secret.
    public init(name: String, url: String, secret: String, kinds: [String] = []) throws(VaultError) {
        guard name.range(of: "^[a-z0-9]{1,40}$", options: .regularExpression) != nil else {
            throw VaultError(.inputInvalid, "webhook name '\(name)': use 1 to 40 lower-case letters and digits")
        }
        guard let parsed = URL(string: url), let scheme = parsed.scheme, let host = parsed.host, !host.isEmpty else {
            throw VaultError(.inputInvalid, "webhook \(name): the url is not an absolute URL")
        }
        // Plain http leaks the events (ids, not values) and lets anyone on the way see them: only
        // to this machine.
        guard scheme == "https" || (scheme == "http" && ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host)) else {
            throw VaultError(.inputInvalid, "webhook \(name): the url must be https (plain http only to 127.0.0.1 or localhost)")
        }
        guard secret.utf8.count >= 32 else {
            throw VaultError(.inputInvalid, "webhook \(name): the secret must be at least 32 characters (e.g. openssl rand -hex 32)")
        }
        var chosen: Set<WebhookEvent.Kind> = []
        for kind in kinds {
            guard let known = WebhookEvent.Kind(rawValue: kind) else {
                throw VaultError(.inputInvalid, "webhook \(name): unknown event '\(kind)'; the events are \(WebhookEvent.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            chosen.insert(known)
        }
        self.name = name
        self.url = parsed
        self.secret = SymmetricKey(data: Data(secret.utf8))
        self.kinds = chosen
    }

    func takes(_ event: WebhookEvent) -> Bool {
        kinds.isEmpty || kinds.contains(event.kind)
    }
}
