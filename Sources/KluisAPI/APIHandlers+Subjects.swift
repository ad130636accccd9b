import Foundation
import KluisContract
import KluisCore

/// Subjects and their records: create (one or a batch), look up by identifier, read for a
/// purpose, write, delete, and the events their retention runs from.
extension APIHandlers {
    func createSubject(_ input: Operations.CreateSubject.Input) async throws -> Operations.CreateSubject.Output {
        let principal = try APICaller.principal()
        let body = switch input.body { case .json(let body): body }
        let id = try await vault.createSubject(try body.subject(), by: principal)
        return .created(.init(body: .json(.init(id: id.rawValue))))
    }

    func createSubjects(_ input: Operations.CreateSubjects.Input) async throws -> Operations.CreateSubjects.Output {
        let principal = try APICaller.principal()
        let body = switch input.body { case .json(let body): body }
        guard !body.subjects.isEmpty, body.subjects.count <= configuration.maximumBatchSize else {
            throw VaultError(.inputInvalid, "a batch holds 1 to \(configuration.maximumBatchSize) subjects")
        }
        let ids = try await vault.createSubjects(try body.subjects.map { try $0.subject() }, by: principal)
        return .created(.init(body: .json(.init(ids: ids.map(\.rawValue)))))
    }

    func lookupSubject(_ input: Operations.LookupSubject.Input) async throws -> Operations.LookupSubject.Output {
        let principal = try APICaller.principal()
        let body = switch input.body { case .json(let body): body }
        guard let kind = SubjectIdentifier.Kind(rawValue: body.kind) else {
            throw VaultError(.identifierInvalid, "'kind' must be email, phone, customer_number or external_id")
        }
        let id = try await vault.lookup(try SubjectIdentifier(kind: kind, value: body.value), by: principal)
        return .ok(.init(body: .json(.init(id: id.rawValue))))
    }

    func readSubject(_ input: Operations.ReadSubject.Input) async throws -> Operations.ReadSubject.Output {
        let principal = try APICaller.principal()
        let subject = try Self.subjectID(input.path.id)
        guard let purpose = input.query.purpose ?? input.headers.kluisPurpose else {
            throw VaultError(.purposeUnknown, "name the purpose of the read: ?purpose=ID or the Kluis-Purpose header")
        }
        let read = try await vault.read(subject, for: purpose, by: principal, breakGlassReason: input.headers.kluisBreakGlassReason)
        return .ok(.init(body: .json(try .init(read))))
    }

    func writeRecord(_ input: Operations.WriteRecord.Input) async throws -> Operations.WriteRecord.Output {
        let principal = try APICaller.principal()
        let subject = try Self.subjectID(input.path.id)
        let body = switch input.body { case .json(let body): body }
        let record = NewRecord(category: input.path.category, id: try body.recordId.map(Self.recordID),
                               fields: body.fields.additionalProperties, purpose: body.purpose)
        let id = try await vault.write(record, for: subject, by: principal)
        return .ok(.init(body: .json(.init(recordId: id.rawValue))))
    }

    func deleteCategory(_ input: Operations.DeleteCategory.Input) async throws -> Operations.DeleteCategory.Output {
        let erasure = try await vault.delete(input.path.category, of: try Self.subjectID(input.path.id), by: APICaller.principal())
        return .ok(.init(body: .json(try ContractJSON.convert(erasure))))
    }

    func deleteRecord(_ input: Operations.DeleteRecord.Input) async throws -> Operations.DeleteRecord.Output {
        let erasure = try await vault.delete(input.path.category, record: try Self.recordID(input.path.recordId),
                                             of: try Self.subjectID(input.path.id), by: APICaller.principal())
        return .ok(.init(body: .json(try ContractJSON.convert(erasure))))
    }

    func recordEvent(_ input: Operations.RecordEvent.Input) async throws -> Operations.RecordEvent.Output {
        let principal = try APICaller.principal()
        let subject = try Self.subjectID(input.path.id)
        let body = switch input.body { case .json(let body): body }
        try await vault.recordEvent(body.name, at: body.at, for: subject, by: principal)
        return .noContent(.init())
    }

    static func recordID(_ text: String) throws -> RecordID {
        guard let id = RecordID(rawValue: text) else { throw VaultError(.inputInvalid, "'record_id' is not a record id") }
        return id
    }
}
