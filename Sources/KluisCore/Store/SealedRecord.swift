import Foundation

/// A record as the store keeps it: every field value sealed, times in the clear.
public struct SealedRecord: Sendable, Hashable {
    public var subject: SubjectID
    public var category: String
    public var id: RecordID
    /// Sealed value per field name.
    public var fields: [String: Data]
    public var createdAt: Date
    public var updatedAt: Date
    /// When the record must go, as last computed; `nil` before it was ever computed.
    public var schedule: ErasureSchedule?
    /// The purpose the record was collected for; `nil` for records written before Kluis
    /// recorded it. A correction keeps it.
    public var collectedFor: String?
    /// The other people the record refers to (``OtherPerson``), each as the keyed hash of their
    /// subject id (``KeyRing/mention(of:)``): how an erasure finds the records it must mask,
    /// without the store saying who is linked to whom.
    public var mentions: [Data]

    public init(subject: SubjectID, category: String, id: RecordID, fields: [String: Data],
                createdAt: Date, updatedAt: Date, schedule: ErasureSchedule? = nil, collectedFor: String? = nil,
                mentions: [Data] = []) {
        self.subject = subject
        self.category = category
        self.id = id
        self.fields = fields
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.schedule = schedule
        self.collectedFor = collectedFor
        self.mentions = mentions
    }

    /// The fields in one blob for storage: per field, its name and value, each length-prefixed.
    /// Gathered as bytes and copied once: the store's writer encodes every record of an import.
    public var encodedFields: Data {
        let sorted = fields.sorted { $0.key < $1.key }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(sorted.reduce(0) { $0 + 8 + $1.key.utf8.count + $1.value.count })
        for (name, value) in sorted {
            Self.appendLength(name.utf8.count, to: &bytes)
            bytes.append(contentsOf: name.utf8)
            Self.appendLength(value.count, to: &bytes)
            value.withUnsafeBytes { bytes.append(contentsOf: $0) }
        }
        return Data(bytes)
    }

    /// Reads ``encodedFields`` back; `nil` when the blob is damaged.
    public static func decodeFields(_ data: Data) -> [String: Data]? {
        var fields: [String: Data] = [:]
        var index = data.startIndex
        func take() -> Data? {
            guard data.endIndex - index >= 4 else { return nil }
            let length = data[index..<index + 4].reduce(0) { $0 << 8 | Int($1) }
            index += 4
            guard length >= 0, data.endIndex - index >= length else { return nil }
            defer { index += length }
            return data[index..<index + length]
        }
        while index < data.endIndex {
            guard let name = take(), let value = take() else { return nil }
            fields[String(decoding: name, as: UTF8.self)] = Data(value)
        }
        return fields
    }

    /// A length as four bytes, most significant first.
    private static func appendLength(_ length: Int, to out: inout [UInt8]) {
        withUnsafeBytes(of: UInt32(length).bigEndian) { out.append(contentsOf: $0) }
    }
}
