import Foundation
@testable import KluisCore
import Testing

/// Base64url without padding (RFC 4648 §5 and its test vectors in §10), as receipts' JWS and the
/// public key's JWK use it.
@Suite struct Base64URLTests {
    @Test(arguments: [("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"), ("foobar", "Zm9vYmFy")])
    func theRFCsVectorsEncodeWithoutPadding(plain: String, encoded: String) {
        #expect(Base64URL.encode(Data(plain.utf8)) == encoded)
        #expect(Base64URL.decode(encoded) == Data(plain.utf8))
    }

    /// The two characters the URL-safe alphabet changes: 62 and 63 ('+' and '/' in the standard one).
    @Test func theURLSafeAlphabetReplacesPlusAndSlash() {
        let bytes = Data([0xFB, 0xEF, 0xFF])
        #expect(bytes.base64EncodedString() == "++//")
        #expect(Base64URL.encode(bytes) == "--__")
        #expect(Base64URL.decode("--__") == bytes)
    }
}
