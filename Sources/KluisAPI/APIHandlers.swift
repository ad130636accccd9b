import KluisContract
import KluisCore

/// The API's operations as the contract declares them: `APIProtocol` is generated from
/// openapi.json, so a handler whose input or answer disagrees with the contract does not compile.
/// Errors are thrown, never returned: ``ProblemMiddleware`` turns every one into problem details.
/// The caller comes from ``APICaller``, bound by the key middleware of the operation's access.
struct APIHandlers: APIProtocol {
    let vault: Vault
    let configuration: HTTPConfiguration

    /// The subject a path names.
    static func subjectID(_ text: String) throws -> SubjectID {
        guard let id = SubjectID(rawValue: text) else {
            throw VaultError(.subjectNotFound, "the path does not name a subject id (sub_…)")
        }
        return id
    }

    /// The subject a body or query field names.
    static func subjectID(_ text: String, field: String) throws -> SubjectID {
        guard let id = SubjectID(rawValue: text) else { throw VaultError(.inputInvalid, "'\(field)' is not a subject id (sub_…)") }
        return id
    }
}
