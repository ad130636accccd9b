/// Random ids: a prefix and 26 characters of lower-case base32 (128 bits).
enum OpaqueID {
    static let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")

    static func generate(prefix: String) -> String {
        var generator = SystemRandomNumberGenerator()
        var bits = (generator.next() as UInt64, generator.next() as UInt64)
        var characters: [Character] = []
        characters.reserveCapacity(26)
        for index in 0..<26 {
            let value: UInt64
            if index < 13 { value = bits.0 & 31; bits.0 >>= 5 } else { value = bits.1 & 31; bits.1 >>= 5 }
            characters.append(alphabet[Int(value)])
        }
        return prefix + String(characters)
    }

    /// Checked on UTF-8 bytes: ids are parsed for every row a store reads, so this is hot.
    static func isValid(_ text: String, prefix: String) -> Bool {
        let bytes = text.utf8
        let prefixBytes = prefix.utf8
        guard bytes.count == prefixBytes.count + 26, bytes.starts(with: prefixBytes) else { return false }
        return bytes.dropFirst(prefixBytes.count).allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "2")...UInt8(ascii: "7")).contains(byte)
        }
    }
}
