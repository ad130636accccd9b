import Foundation

/// A random bearer token: 256 bits from the system's generator, base64url without padding. For
/// what a browser holds (a sign-in ticket, an anti-forgery token); stores keep only its keyed
/// hash (``KeyRing/tokenDigest(_:use:)``).
public enum RandomToken {
    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return Base64URL.encode(Data((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }))
    }
}
