import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// Calls to a `kluis serve` child over loopback with one API key, for tests that give a running
/// server its data through the API the way an application would.
struct LoopbackClient: Sendable {
    let base: String
    let token: String
    private let session: URLSession

    init(base: String, token: String, session: URLSession = URLSession(configuration: .ephemeral)) {
        self.base = base
        self.token = token
        self.session = session
    }

    /// Sends `json` to `path` (which may carry a query) and returns the answer's JSON object, or an
    /// empty one for an answer without a body; fails unless the answer has status `expect`.
    @discardableResult
    func send(_ method: String, _ path: String, json: String? = nil, headers: [String: String] = [:],
              expect status: Int) async throws -> [String: Any] {
        var request = URLRequest(url: try #require(URL(string: base + path)))
        request.httpMethod = method
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let json {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(json.utf8)
        }
        let (data, response) = try await session.data(for: request)
        let answered = (response as? HTTPURLResponse)?.statusCode
        try #require(answered == status, "\(method) \(path) answered \(answered ?? 0): \(String(decoding: data, as: UTF8.self))")
        guard !data.isEmpty else { return [:] }
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(method) \(path) did not answer an object")
    }
}
