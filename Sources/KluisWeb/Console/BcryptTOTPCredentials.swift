import Foundation
import HummingbirdBcrypt
import HummingbirdOTP
import KluisCore

/// Staff credentials from hummingbird-auth: passwords hashed with bcrypt (cost 12), second
/// factors by TOTP as RFC 6238 and every authenticator app have it (SHA-1, 6 digits, 30 s).
public struct BcryptTOTPCredentials: StaffCredentials {
    /// The bcrypt cost: 2^12 rounds, a quarter of a second here.
    let cost: UInt8

    public init(cost: UInt8 = 12) {
        self.cost = cost
    }

    /// A hash of a random password no one knows, checked when there is no hash, so that an
    /// unknown address takes as long as a known one.
    private static let decoy = Bcrypt.hash(RandomToken.make(), cost: 12)

    public func hashPassword(_ password: String) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    public func verifyPassword(_ password: String, hash: String?) -> Bool {
        guard let hash else {
            _ = Bcrypt.verify(password, hash: Self.decoy)
            return false
        }
        return Bcrypt.verify(password, hash: hash)
    }

    public func totpCode(secret: String, step: Int64) -> String {
        let code = TOTP(secret: secret).compute(date: Date(timeIntervalSince1970: Double(step) * 30))
        return String(format: "%06d", code)
    }

    public func enrolmentURI(secret: String, account: String, issuer: String) -> String {
        TOTP(secret: secret).createAuthenticatorURL(label: "\(issuer):\(account)", issuer: issuer)
    }
}
