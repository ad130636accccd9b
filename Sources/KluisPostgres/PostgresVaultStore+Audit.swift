import Foundation
import KluisCore
import PostgresNIO

/// The chain's newest event, after which the next is chained.
typealias AuditHead = (sequence: Int64, hash: Data)

/// Audit rows: appended in one statement per commit (``AuditAppendStatement``), read back whole.
extension PostgresVaultStore {
    static let auditColumns = "seq, at, actor, action, subject_id, categories, purpose, reason, outcome, break_glass, previous_hash, hash"

    static func auditEvents(_ rows: PostgresRowSequence) async throws -> [AuditEvent] {
        var events: [AuditEvent] = []
        let decoded = rows.decode((Int64, Double, String, String, String?, String, String?, String?, String, Bool, Data, Data, Bool).self)
        for try await (seq, at, actor, action, subject, categories, purpose, reason, outcome, breakGlass, previous, hash, reduced) in decoded {
            let entry = AuditEntry(
                time: Date(timeIntervalSince1970: at), actor: actor, action: AuditAction(rawValue: action) ?? .read,
                subject: subject.flatMap(SubjectID.init(rawValue:)),
                categories: categories.isEmpty ? [] : categories.split(separator: ",").map(String.init),
                purpose: purpose, reason: reason, outcome: AuditOutcome(rawValue: outcome) ?? .denied, breakGlass: breakGlass)
            events.append(AuditEvent(sequence: seq, entry: entry, previousHash: previous, hash: hash, isReduced: reduced))
        }
        return events
    }

    static func checkpoints(_ rows: PostgresRowSequence) async throws -> [AuditCheckpoint] {
        var checkpoints: [AuditCheckpoint] = []
        for try await (seq, hash, previous, verifiedAt) in rows.decode((Int64, Data, Int64, Double).self) {
            checkpoints.append(AuditCheckpoint(sequence: seq, hash: hash, previousSequence: previous,
                                               verifiedAt: Date(timeIntervalSince1970: verifiedAt)))
        }
        return checkpoints
    }
}
