import Crypto
import Foundation

/// Signs consent receipts as compact JWS (RFC 7515) with ES256, and verifies them. The private
/// key is Kluis's own, kept wrapped under the root key; the public key is published as a JWK so
/// anyone holding a receipt can check it without asking Kluis.
public struct ReceiptSigner: Sendable {
    let key: P256.Signing.PrivateKey
    /// The key id in every receipt's header: the start of the public key's SHA-256.
    public let keyID: String

    /// The public key as a JSON Web Key (RFC 7517), made once: deriving the public point is
    /// elliptic-curve work that the key-set endpoint would otherwise do on every request.
    public let publicJWK: [String: String]

    public init(key: P256.Signing.PrivateKey) {
        self.key = key
        let point = key.publicKey.x963Representation // 0x04 || x || y
        keyID = "rk_" + Base64URL.encode(Data(SHA256.hash(data: point)).prefix(12))
        publicJWK = ["kty": "EC", "crv": "P-256", "use": "sig", "alg": "ES256", "kid": keyID,
                     "x": Base64URL.encode(point.dropFirst().prefix(32)), "y": Base64URL.encode(point.suffix(32))]
    }

    /// A new random signing key.
    public static func generate() -> ReceiptSigner {
        ReceiptSigner(key: P256.Signing.PrivateKey())
    }

    // MARK: Storage

    static let wrapContext = Data("kluis.receipt-key.v1".utf8)

    /// The private key sealed under `root`, for the store's metadata.
    public func wrapped(under root: RootKey) -> Data {
        // Sealing with a fresh random nonce cannot fail for a 256-bit key.
        try! AES.GCM.seal(key.rawRepresentation, using: root.key, authenticating: Self.wrapContext).combined!
    }

    /// Opens a stored key; a failure means the root key is not the one it was wrapped under.
    public static func unwrap(_ wrapped: Data, with root: RootKey) throws(VaultError) -> ReceiptSigner {
        do {
            let box = try AES.GCM.SealedBox(combined: wrapped)
            let raw = try AES.GCM.open(box, using: root.key, authenticating: wrapContext)
            return ReceiptSigner(key: try P256.Signing.PrivateKey(rawRepresentation: raw))
        } catch {
            throw VaultError(.rootKeyWrong, "the root key does not open the receipt signing key")
        }
    }

    // MARK: JWS

    /// `payload` signed: `header.payload.signature`, each part base64url without padding.
    public func sign(_ payload: Data) -> String {
        let header = Data(#"{"alg":"ES256","kid":"\#(keyID)","typ":"JWT"}"#.utf8)
        let input = Base64URL.encode(header) + "." + Base64URL.encode(payload)
        // ECDSA over P-256 with SHA-256 cannot fail for a valid key.
        let signature = try! key.signature(for: Data(input.utf8))
        return input + "." + Base64URL.encode(signature.rawRepresentation)
    }

    /// Why a receipt does not verify.
    public enum Rejection: String, Error, Sendable, Hashable {
        case malformed
        case unknownKey = "unknown_key"
        case badSignature = "bad_signature"
    }

    /// The payload of `jws` when this key signed it, or why not.
    public func verify(_ jws: String) -> Result<Data, Rejection> {
        let parts = jws.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let headerData = Base64URL.decode(parts[0]), let payload = Base64URL.decode(parts[1]),
              let signatureData = Base64URL.decode(parts[2]),
              let header = try? JSONDecoder().decode([String: String].self, from: headerData), header["alg"] == "ES256" else {
            return .failure(.malformed)
        }
        guard header["kid"] == keyID else { return .failure(.unknownKey) }
        guard let signature = try? P256.Signing.ECDSASignature(rawRepresentation: signatureData),
              key.publicKey.isValidSignature(signature, for: Data("\(parts[0]).\(parts[1])".utf8)) else {
            return .failure(.badSignature)
        }
        return .success(payload)
    }
}

/// Base64url without padding (RFC 4648 §5), as JWS uses it.
enum Base64URL {
    /// One pass over the standard alphabet's bytes: three `replacingOccurrences` through
    /// Foundation cost about as much as signing a small receipt.
    static func encode(_ data: some DataProtocol) -> String {
        var bytes: [UInt8] = []
        for byte in Data(data).base64EncodedData() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: "-"))
            case UInt8(ascii: "/"): bytes.append(UInt8(ascii: "_"))
            case UInt8(ascii: "="): continue
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func decode(_ text: some StringProtocol) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}
