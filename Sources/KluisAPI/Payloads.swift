import Foundation
import KluisCore

/// The JSON bodies of the API. Field names are snake_case; times are ISO 8601.
enum Payloads {
    struct FieldsBody: Decodable {
        var recordID: String?
        var fields: [String: String]
        /// The purpose the record is collected for.
        var purpose: String?

        enum CodingKeys: String, CodingKey {
            case recordID = "record_id"
            case fields, purpose
        }
    }

    struct BatchBody: Decodable {
        var subjects: [SubjectDocument]
    }

    struct LookupBody: Decodable {
        var kind: String
        var value: String
    }

    struct EventBody: Decodable {
        var name: String
        var at: Date?
    }

    struct Created: Encodable {
        var id: SubjectID
    }

    struct CreatedMany: Encodable {
        var ids: [SubjectID]
    }

    struct Written: Encodable {
        var recordID: RecordID

        enum CodingKeys: String, CodingKey {
            case recordID = "record_id"
        }
    }

    struct ReadAnswer: Encodable {
        var id: SubjectID
        var purpose: String
        var breakGlass: Bool
        var categories: [String: [RecordAnswer]]
        var withheld: [Withheld]

        enum CodingKeys: String, CodingKey {
            case id, purpose, categories, withheld
            case breakGlass = "break_glass"
        }

        init(_ read: PurposeRead) {
            id = read.subject
            purpose = read.purpose
            breakGlass = read.breakGlass
            categories = Dictionary(grouping: read.records.map(RecordAnswer.init), by: \.category)
            withheld = read.withheld.sorted { $0.key < $1.key }.map { Withheld(category: $0.key, reason: $0.value.rawValue) }
        }
    }

    struct RecordAnswer: Encodable {
        var id: RecordID
        var category: String
        var fields: [String: String]
        var createdAt: Date
        var updatedAt: Date

        enum CodingKeys: String, CodingKey {
            case id, fields
            case createdAt = "created_at"
            case updatedAt = "updated_at"
        }

        init(_ record: PlainRecord) {
            id = record.id
            category = record.category
            fields = record.fields
            createdAt = record.createdAt
            updatedAt = record.updatedAt
        }
    }

    struct Withheld: Encodable {
        var category: String
        var reason: String
    }

    struct AuditPage: Encodable {
        var events: [AuditEventAnswer]
    }

    struct AuditEventAnswer: Encodable {
        var sequence: Int64
        var time: Date
        var actor: String
        var action: String
        var subject: SubjectID?
        var categories: [String]
        var purpose: String?
        var reason: String?
        var outcome: String
        var breakGlass: Bool
        var hash: String
        var reduced: Bool

        enum CodingKeys: String, CodingKey {
            case sequence, time, actor, action, subject, categories, purpose, reason, outcome, hash, reduced
            case breakGlass = "break_glass"
        }

        init(_ event: AuditEvent) {
            sequence = event.sequence
            time = event.entry.time
            actor = event.entry.actor
            action = event.entry.action.rawValue
            reduced = event.isReduced
            subject = event.entry.subject
            categories = event.entry.categories
            purpose = event.entry.purpose
            reason = event.entry.reason
            outcome = event.entry.outcome.rawValue
            breakGlass = event.entry.breakGlass
            hash = event.hash.hexString
        }
    }

    struct Verification: Encodable {
        var intact: Bool
        var checked: Int64
        var firstBroken: Int64?
        var problem: String?

        enum CodingKeys: String, CodingKey {
            case intact, checked, problem
            case firstBroken = "first_broken"
        }
    }

    /// A subject id given in the request as `field`.
    static func subjectID(_ text: String, field: String) throws -> SubjectID {
        guard let id = SubjectID(rawValue: text) else {
            throw VaultError(.inputInvalid, "'\(field)' is not a subject id (sub_…)")
        }
        return id
    }

    static func recordID(_ text: String) throws -> RecordID {
        guard let id = RecordID(rawValue: text) else {
            throw VaultError(.inputInvalid, "'record_id' is not a record id")
        }
        return id
    }
}
