import Foundation

/// The password hashing and one-time passwords staff sign in with. The kernel has no web
/// framework; the web module provides them from hummingbird-auth (bcrypt, TOTP).
public protocol StaffCredentials: Sendable {
    /// A bcrypt hash of `password`, salted.
    func hashPassword(_ password: String) -> String
    /// Whether `password` is the one `hash` was made of. Without a hash (an unknown address, an
    /// account not enrolled) it is `false`, after as long as a check takes, so that the time
    /// tells nothing.
    func verifyPassword(_ password: String, hash: String?) -> Bool
    /// The TOTP code of `secret` for the 30-second time step `step`, as six digits.
    func totpCode(secret: String, step: Int64) -> String
    /// The `otpauth://` URI an authenticator app reads (as a QR code or typed).
    func enrolmentURI(secret: String, account: String, issuer: String) -> String
}
