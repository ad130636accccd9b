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

    static func isValid(_ text: String, prefix: String) -> Bool {
        guard text.hasPrefix(prefix) else { return false }
        let body = text.dropFirst(prefix.count)
        return body.count == 26 && body.allSatisfy { alphabet.contains($0) }
    }
}
