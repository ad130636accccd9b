import Foundation

extension DataSubjectRequest {
    /// The stored form.
    public func encoded() -> Data { StoredJSON.encode(self) }

    public static func decode(_ data: Data) -> DataSubjectRequest? {
        StoredJSON.decode(DataSubjectRequest.self, from: data)
    }
}
