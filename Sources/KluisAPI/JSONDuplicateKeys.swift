import Foundation

/// Finds a key given twice in one object of a JSON text. It only follows the text's structure
/// (strings, objects, arrays) and reads nothing else; whether the text is valid JSON is the
/// decoder's to say afterwards.
enum JSONDuplicateKeys {
    /// The first key that an object of `bytes` names twice, compared after unescaping, so
    /// `"a"` and `"\u0061"` are the same key.
    static func first(in bytes: [UInt8]) -> String? {
        // Per open object its keys so far; `nil` for an open array.
        var open: [Set<String>?] = []
        var expectsKey = false
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "{"):
                open.append([])
                expectsKey = true
            case UInt8(ascii: "["):
                open.append(nil)
                expectsKey = false
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                _ = open.popLast()
                expectsKey = false
            case UInt8(ascii: ","):
                expectsKey = open.last.map { $0 != nil } ?? false
            case UInt8(ascii: "\""):
                let end = endOfString(in: bytes, from: index)
                if expectsKey, !open.isEmpty {
                    let key = text(of: bytes[index..<end])
                    if open[open.count - 1]?.insert(key).inserted == false { return key }
                    expectsKey = false
                }
                index = end
                continue
            default:
                break
            }
            index += 1
        }
        return nil
    }

    /// The index after the string whose opening quote is at `start`: after its closing quote,
    /// or the end of the text.
    private static func endOfString(in bytes: [UInt8], from start: Int) -> Int {
        var index = start + 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""): return index + 1
            default: index += 1
            }
        }
        return bytes.count
    }

    /// A string's text with its escapes read by Foundation's decoder; as written when it does
    /// not decode (the body is then refused by the decoder anyway).
    private static func text(of quoted: ArraySlice<UInt8>) -> String {
        guard quoted.contains(UInt8(ascii: "\\")) else { return String(decoding: quoted.dropFirst().dropLast(), as: UTF8.self) }
        return (try? JSONDecoder().decode(String.self, from: Data(quoted))) ?? String(decoding: quoted, as: UTF8.self)
    }
}
