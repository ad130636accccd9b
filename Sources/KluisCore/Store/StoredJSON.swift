import Foundation

/// The stored form of values a store keeps whole, as one blob (consent events, cookie choices):
/// JSON with sorted keys, so equal values are stored as equal bytes.
enum StoredJSON {
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }()

    static func encode(_ value: some Encodable) -> Data {
        // Encoding plain values cannot fail.
        try! encoder.encode(value)
    }

    static func decode<T: Decodable>(_ type: T.Type, from data: Data) -> T? {
        try? JSONDecoder().decode(type, from: data)
    }
}
