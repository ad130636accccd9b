import Foundation

/// Builds a ``SubjectSnapshot`` from the rows of one statement that reads all of a subject's
/// tables at once (a `UNION ALL` of one branch per table, each a range scan by subject id): the
/// read path of every request, where one statement costs less than one per table. Both stores
/// write their statement to the column layout of ``Row``.
public struct SubjectSnapshotAssembler {
    /// One row of the statement: which table it comes from, then eleven columns whose meaning
    /// depends on that.
    public struct Row: Sendable {
        /// The table the row comes from.
        public enum Part: Int, Sendable {
            /// `language` (text1), `created_at` (number1), erased when number2 is not null,
            /// `revision` (number3).
            case subject = 0
            /// `kind` (text1), `blind_index` (blob1), `sealed` (blob2).
            case identifier = 1
            /// `category` (text1), `root_key_id` (text2), `wrapped` (blob1).
            case dataKey = 2
            /// `category` (text1), `record_id` (text2), `fields` (blob1), `created_at` (number1),
            /// `updated_at` (number2), `erase_by` (number3), `erase_action` (text3),
            /// `erase_purpose` (text4), `collected_for` (text5).
            case record = 3
            /// `name` (text1), `at` (number1).
            case event = 4
            /// `body` (blob1), `seq` (number1): consent events come in any order and are sorted by it.
            case consent = 5
            /// `body` (blob1).
            case restrictions = 6
            /// `category` (text1), `record_id` (text2), `mention` (blob1).
            case mention = 7
        }

        public var part: Part
        public var text1, text2: String?
        public var blob1, blob2: Data?
        public var number1, number2, number3: Double?
        public var text3, text4, text5: String?

        public init(part: Part, text1: String? = nil, text2: String? = nil, blob1: Data? = nil, blob2: Data? = nil,
                    number1: Double? = nil, number2: Double? = nil, number3: Double? = nil,
                    text3: String? = nil, text4: String? = nil, text5: String? = nil) {
            self.part = part
            self.text1 = text1
            self.text2 = text2
            self.blob1 = blob1
            self.blob2 = blob2
            self.number1 = number1
            self.number2 = number2
            self.number3 = number3
            self.text3 = text3
            self.text4 = text4
            self.text5 = text5
        }
    }

    private let subject: SubjectID
    private var createdAt: Date?
    private var erased = false
    private var revision: Int64 = 0
    private var language: Language?
    private var identifiers: [StoredIdentifier] = []
    private var keys: [StoredDataKey] = []
    private var records: [SealedRecord] = []
    private var events: [String: Date] = [:]
    private var consents: [(sequence: Double, event: ConsentEvent)] = []
    private var restrictions: [Restriction] = []
    private var mentions: [String: [Data]] = [:]

    public init(subject: SubjectID) {
        self.subject = subject
    }

    /// Takes one row; a row that does not decode (damaged, or of a kind this version does not
    /// know) is left out, as each table's own read would.
    public mutating func add(_ row: Row) {
        switch row.part {
        case .subject:
            createdAt = row.number1.map(Date.init(timeIntervalSince1970:))
            erased = row.number2 != nil
            revision = row.number3.map { Int64($0) } ?? 0
            language = row.text1.flatMap(Language.init(rawValue:))
        case .identifier:
            guard let kind = row.text1.flatMap(SubjectIdentifier.Kind.init(rawValue:)), let blindIndex = row.blob1, let sealed = row.blob2 else { return }
            identifiers.append(StoredIdentifier(subject: subject, kind: kind, blindIndex: blindIndex, sealed: sealed))
        case .dataKey:
            guard let category = row.text1, let root = row.text2, let wrapped = row.blob1 else { return }
            keys.append(StoredDataKey(subject: subject, category: category, wrapped: wrapped, rootKeyID: root))
        case .record:
            guard let category = row.text1, let id = row.text2.flatMap(RecordID.init(rawValue:)), let blob = row.blob1,
                  let fields = SealedRecord.decodeFields(blob), let created = row.number1, let updated = row.number2 else { return }
            records.append(SealedRecord(subject: subject, category: category, id: id, fields: fields,
                                        createdAt: Date(timeIntervalSince1970: created), updatedAt: Date(timeIntervalSince1970: updated),
                                        schedule: ErasureSchedule(stored: row.number3, action: row.text3, purpose: row.text4),
                                        collectedFor: row.text5))
        case .event:
            guard let name = row.text1, let at = row.number1 else { return }
            events[name] = Date(timeIntervalSince1970: at)
        case .consent:
            guard let body = row.blob1, let sequence = row.number1, let event = ConsentEvent.decode(body) else { return }
            consents.append((sequence, event))
        case .restrictions:
            restrictions = row.blob1.map(Restriction.decode) ?? []
        case .mention:
            guard let category = row.text1, let id = row.text2, let mention = row.blob1 else { return }
            mentions["\(category)\0\(id)", default: []].append(mention)
        }
    }

    /// The subject; `nil` when there was no subject row, or the subject is erased.
    public func snapshot() -> SubjectSnapshot? {
        guard let createdAt, !erased else { return nil }
        // Records whose category lost its key to an erasure are shredded: never part of a read.
        let readable = Set(keys.map(\.category))
        var records = records.filter { readable.contains($0.category) }
        if !mentions.isEmpty {
            for index in records.indices {
                records[index].mentions = mentions["\(records[index].category)\0\(records[index].id.rawValue)"] ?? []
            }
        }
        return SubjectSnapshot(subject: subject, createdAt: createdAt, identifiers: identifiers, dataKeys: keys,
                               records: records, events: events,
                               consents: consents.sorted { $0.sequence < $1.sequence }.map(\.event), restrictions: restrictions,
                               language: language, revision: revision)
    }
}
