import Crypto
import Foundation

/// The key at the top of the hierarchy: it wraps every data key and never enters the database.
///
/// Held in a file (written by `kluis init` with 0600 permissions) or the `KLUIS_ROOT_KEY`
/// environment variable, as 64 hexadecimal characters. Its `id` is a fingerprint stored in the
/// database so that a wrong key is refused at start instead of failing on the first read.
public struct RootKey: Sendable {
    let key: SymmetricKey
    /// A public fingerprint of the key: 16 hex characters of an HMAC over a fixed label.
    public let id: String

    public init(_ key: SymmetricKey) {
        self.key = key
        let tag = HMAC<SHA256>.authenticationCode(for: Data("kluis.root-key.id".utf8), using: key)
        id = Data(tag).prefix(8).hexString
    }

    /// A new random key.
    public static func generate() -> RootKey {
        RootKey(SymmetricKey(size: .bits256))
    }

    /// Reads the hexadecimal text form; whitespace around it is ignored.
    public init(text: String) throws(VaultError) {
        let hex = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard hex.count == 64, let bytes = Data(hexadecimal: hex) else {
            throw VaultError(.rootKeyMalformed, "the root key must be 64 hexadecimal characters (256 bits)")
        }
        self.init(SymmetricKey(data: bytes))
    }

    /// The text form for the key file. Never log it.
    public var text: String {
        key.withUnsafeBytes { Data($0) }.hexString
    }
}

extension Data {
    /// Bytes from hexadecimal text; `nil` when `hexadecimal` is not an even run of hex digits.
    init?(hexadecimal: String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(hexadecimal.utf8.count / 2)
        var high: UInt8?
        for character in hexadecimal.utf8 {
            let value: UInt8
            switch character {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = character - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = character - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): value = character - UInt8(ascii: "A") + 10
            default: return nil
            }
            if let h = high {
                bytes.append(h << 4 | value)
                high = nil
            } else {
                high = value
            }
        }
        guard high == nil else { return nil }
        self.init(bytes)
    }
}
