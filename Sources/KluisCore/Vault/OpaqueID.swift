/// Random ids: a prefix and 26 characters of lower-case base32 (128 bits).
enum OpaqueID {
    static let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567".utf8)

    static func generate(prefix: String) -> String {
        make(prefix: prefix, bits: RandomBlock.shared.bits128())
    }

    /// The id made of the first 128 bits of `digest`: the same digest, the same id.
    static func derived(prefix: String, from digest: some Sequence<UInt8>) -> String {
        let bytes = Array(digest.prefix(16))
        let word = { (range: Range<Int>) in bytes[range].reduce(UInt64(0)) { $0 << 8 | UInt64($1) } }
        return make(prefix: prefix, bits: (word(0..<8), word(8..<16)))
    }

    private static func make(prefix: String, bits start: (UInt64, UInt64)) -> String {
        var bits = start
        var characters: [UInt8] = Array(prefix.utf8)
        characters.reserveCapacity(characters.count + 26)
        for index in 0..<26 {
            let value: UInt64
            if index < 13 { value = bits.0 & 31; bits.0 >>= 5 } else { value = bits.1 & 31; bits.1 >>= 5 }
            characters.append(alphabet[Int(value)])
        }
        return String(decoding: characters, as: UTF8.self)
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
