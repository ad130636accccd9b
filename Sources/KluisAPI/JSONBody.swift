import Foundation
import HTTPTypes
import Hummingbird

/// How the API writes and reads JSON outside the generated code: problem details, the documents
/// that cross into generated types (``ContractJSON``), and plain answers.
enum JSONBody {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        // Foundation's .iso8601 strategy goes through ISO8601DateFormatter, which is slow on
        // Linux; the Swift format style gives the same text at a fraction of the cost.
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(date.formatted(Date.ISO8601FormatStyle()))
        }
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// The encoder for core values whose Swift names are the contract's in snake case (a
    /// breach and its parts).
    static let snakeCaseEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(date.formatted(Date.ISO8601FormatStyle()))
        }
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        // ISO 8601 with or without fractional seconds: JavaScript's toISOString() sends them.
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            if let date = try? Date(text, strategy: .iso8601) { return date }
            if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) { return date }
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an ISO 8601 time"))
        }
        return decoder
    }()

    static func text(_ text: String, contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
