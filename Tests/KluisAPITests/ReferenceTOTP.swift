import Crypto
import Foundation

/// RFC 6238 computed by the tests on their own, from the base32 secret an authenticator app is
/// given: the code under test is never asked what its own codes are.
struct ReferenceTOTP {
    let key: [UInt8]

    /// `secret` in base32 (RFC 4648, without padding), as in an `otpauth://` URI.
    init(base32 secret: String) {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var bits = 0, buffer = 0
        var bytes: [UInt8] = []
        for character in secret.uppercased() {
            guard let value = alphabet.firstIndex(of: character) else { continue }
            buffer = (buffer << 5) | value
            bits += 5
            if bits >= 8 {
                bits -= 8
                bytes.append(UInt8((buffer >> bits) & 0xFF))
            }
        }
        key = bytes
    }

    init(key: [UInt8]) {
        self.key = key
    }

    /// The six-digit code at `time`.
    func code(at time: Date) -> String {
        var counter = UInt64(time.timeIntervalSince1970 / 30).bigEndian
        let message = withUnsafeBytes(of: &counter) { Data($0) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: key)))
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let value = (UInt32(mac[offset] & 0x7F) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        return String(format: "%06d", value % 1_000_000)
    }

    /// The base32 secret of an `otpauth://` URI.
    static func secret(of uri: String) -> String? {
        URLComponents(string: uri)?.queryItems?.first { $0.name == "secret" }?.value
    }
}
