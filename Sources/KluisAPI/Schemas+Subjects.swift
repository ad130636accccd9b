import Foundation
import KluisContract
import KluisCore

/// The contract's subject and audit answers made from the core's values, and its subject
/// document read into the core's new subject.
extension Components.Schemas.SubjectDocument {
    func subject() throws -> NewSubject {
        let records = try (records ?? []).map { document in
            var record = try document.record()
            record.purpose = record.purpose ?? purpose
            return record
        }
        return NewSubject(identifiers: try identifiers?.identifiers ?? [], records: records,
                          language: language.flatMap { Language(rawValue: $0.rawValue) })
    }
}

extension Components.Schemas.RecordDocument {
    /// The record as the core writes it; the core checks its id as for any import.
    func record() throws -> NewRecord {
        try RecordDocument(category: category, recordID: recordId, fields: fields.additionalProperties, purpose: purpose).record()
    }
}

extension Components.Schemas.Identifiers {
    /// The identifiers given, in the order of their kinds, each checked as its kind asks. A key
    /// that is no identifier kind is refused, by name.
    var identifiers: [SubjectIdentifier] {
        get throws {
            if let unknown = additionalProperties.keys.sorted().first {
                throw VaultError(.identifierInvalid, "'\(unknown)' is not an identifier kind; use email, phone, customer_number or external_id")
            }
            let given: [(SubjectIdentifier.Kind, String?)] = [(.customerNumber, customerNumber), (.email, email), (.externalID, externalId), (.phone, phone)]
            return try given.compactMap { kind, value in try value.map { try SubjectIdentifier(kind: kind, value: $0) } }
        }
    }
}

extension Components.Schemas.ReadAnswer {
    init(_ read: PurposeRead) throws {
        let records = Dictionary(grouping: read.records, by: \.category).mapValues { records in
            records.map { Components.Schemas.RecordAnswer(id: $0.id.rawValue, fields: .init(additionalProperties: $0.fields),
                                                          createdAt: $0.createdAt, updatedAt: $0.updatedAt) }
        }
        self.init(id: read.subject.rawValue, purpose: read.purpose, breakGlass: read.breakGlass,
                  categories: .init(additionalProperties: records),
                  withheld: try read.withheld.sorted { $0.key < $1.key }.map { .init(category: $0.key, reason: try $0.value.contract()) })
    }
}

extension Components.Schemas.AuditEventAnswer {
    init(_ event: AuditEvent) throws {
        let entry = event.entry
        self.init(sequence: event.sequence, time: entry.time, actor: entry.actor, action: try entry.action.contract(),
                  subject: entry.subject?.rawValue, categories: entry.categories, purpose: entry.purpose, reason: entry.reason,
                  outcome: try entry.outcome.contract(), breakGlass: entry.breakGlass, hash: event.hash.hexString, reduced: event.isReduced)
    }
}
