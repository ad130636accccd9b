import Foundation

/// A core value the contract's generated type cannot hold: a case the contract does not list, or
/// a document whose shape it does not describe. A server bug, answered 500; the contract tests
/// and the schemathesis run find it before a release does.
struct ContractMismatch: Error {
    let type: String
}

extension RawRepresentable where RawValue == String {
    /// This value as the contract's enum of the same raw value.
    func contract<T: RawRepresentable>() throws -> T where T.RawValue == String {
        guard let value = T(rawValue: rawValue) else { throw ContractMismatch(type: "\(T.self)") }
        return value
    }
}

enum ContractJSON {
    /// A document the core already writes in the contract's JSON (a consent receipt, a key set,
    /// an access package), read back as the generated type. Copying such documents field by field
    /// would write their shape a third time.
    static func convert<T: Decodable>(_ value: some Encodable, to type: T.Type = T.self, using encoder: JSONEncoder = JSONBody.encoder) throws -> T {
        do {
            return try JSONBody.decoder.decode(T.self, from: encoder.encode(value))
        } catch {
            throw ContractMismatch(type: "\(T.self)")
        }
    }
}
