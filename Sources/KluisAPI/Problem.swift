import Foundation
import HTTPTypes
import Hummingbird
import KluisCore
import NIOCore
import NIOHTTP1
import OpenAPIRuntime

/// An error answered as RFC 9457 problem details (`application/problem+json`) with a stable
/// `code`. The detail is written for the caller and never contains personal data.
public struct Problem: HTTPResponseError, Sendable, Equatable {
    public let status: HTTPResponse.Status
    public let code: String
    public let detail: String
    /// For 429: the seconds to wait, sent as `Retry-After`.
    public let retryAfter: Int?

    public init(_ status: HTTPResponse.Status, code: String, detail: String, retryAfter: Int? = nil) {
        self.status = status
        self.code = code
        self.detail = Self.shortened(detail)
        self.retryAfter = retryAfter
    }

    /// The longest name a detail repeats in quotes: a field or a purpose named in a request may
    /// be of any length, and an answer should not grow with it.
    static let longestQuotedName = 64

    /// `detail` with every quoted name longer than ``longestQuotedName`` cut short. Every
    /// refusal passes here, so it scans the quotes rather than run a regex, which Swift parses
    /// again on every call.
    static func shortened(_ detail: String) -> String {
        guard detail.contains("'") else { return detail }
        var parts = detail.split(separator: "'", omittingEmptySubsequences: false)
        // Odd parts lie between a quote and the next; an unmatched last quote quotes nothing.
        for index in stride(from: 1, to: parts.count - 1, by: 2) where parts[index].count > longestQuotedName {
            parts[index] = parts[index].prefix(longestQuotedName) + "…"
        }
        return parts.joined(separator: "'")
    }

    /// The problem body.
    struct Body: Codable {
        var type: String
        var title: String
        var status: Int
        var code: String
        var detail: String
    }

    /// The problem as the JSON of its body.
    public var json: Data {
        let body = Body(type: "https://kluis.example/problems/\(code)", title: status.reasonPhrase,
                        status: status.code, code: code, detail: detail)
        // Encoding five strings and an integer cannot fail.
        return (try? JSONBody.encoder.encode(body)) ?? Data()
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json"
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: json)))
    }

    /// The problem for any error a handler throws: vault errors keep their code; framework
    /// errors keep their status; anything else is an empty 500, so internals never leak.
    public init(from error: any Error) {
        switch error {
        case let problem as Problem:
            self = problem
        case let error as VaultError:
            let status = Self.status(of: error.code)
            // A store's or a key's failure may carry the driver's text, which can quote input:
            // the caller gets the code, the detail stays in the server.
            self.init(status, code: error.code.rawValue,
                      detail: status == .internalServerError ? "the request could not be completed" : error.message,
                      retryAfter: error.retryAfter)
        case let error as HTTPError:
            switch error.status {
            case .contentTooLarge:
                self.init(error.status, code: "request.too_large", detail: "the request body is larger than this endpoint accepts")
            case .notFound:
                self.init(error.status, code: "route.not_found", detail: "there is no such endpoint; see /openapi.json")
            case .requestTimeout:
                self.init(error.status, code: "request.timeout", detail: "the request's body did not arrive in time")
            default:
                self.init(error.status, code: "request.invalid", detail: "the request is not valid")
            }
        case let error as HTTPParserError:
            // A body that is not valid HTTP/1.1 (an invalid chunk size): the client's fault.
            self.init(.badRequest, code: "request.malformed", detail: "the request is not valid HTTP/1.1 (\(error))")
        case is NIOTooManyBytesError:
            self.init(.contentTooLarge, code: "request.too_large", detail: "the request body is larger than this endpoint accepts")
        case let error as ServerError:
            // The generated code wraps what a handler throws, and what it could not read.
            let underlying = Problem(from: error.underlyingError)
            if underlying.status == .internalServerError, error.httpStatus != .internalServerError {
                self.init(error.httpStatus, code: "request.invalid", detail: Self.describe(status: error.httpStatus))
            } else {
                self = underlying
            }
        case DecodingError.dataCorrupted(let context) where !context.codingPath.isEmpty || context.debugDescription.hasPrefix("Cannot initialize "):
            // A value of the right type that the contract does not allow, such as an unknown
            // case of an enum, in the body (with its path) or a parameter (without one, but with
            // the standard library's message for a raw value no case has): the input is wrong,
            // not the request's shape.
            self.init(.badRequest, code: VaultError.Code.inputInvalid.rawValue,
                      detail: context.codingPath.isEmpty ? "a parameter has a value the contract does not allow; see /openapi.json"
                          : "\(Self.path(context)) is not a value the contract allows; see /openapi.json")
        case let error as DecodingError:
            self.init(.badRequest, code: "request.invalid", detail: Self.describe(error))
        default:
            self.init(.internalServerError, code: "internal", detail: "the request could not be completed")
        }
    }

    static func status(of code: VaultError.Code) -> HTTPResponse.Status {
        switch code {
        case .subjectNotFound, .recordNotFound, .requestNotFound, .holdUnknown, .apiKeyNotFound, .staffNotFound, .breachNotFound: .notFound
        case .identifierInUse, .requestStateInvalid, .restrictionNotTold, .erasureKept, .staffExists, .storeConflict: .conflict
        case .purposeNotAllowed, .breakGlassNotAllowed, .forbidden, .consentRequired, .consentStale, .objected,
             .purposeNotApplicable, .categoryRestricted, .deletionByRequest: .forbidden
        case .consentNotApplicable, .ageRequired, .minorRefused, .guardianRequired, .cookieChoiceInvalid,
             .requestInvalid, .identityUnverified, .identityCheckNotAccepted, .verificationCodeWrong, .signInFailed, .extensionTooLate,
             .bsnRefused, .disclosureNotListed, .referenceInvalid, .referenceUnknown: .unprocessableContent
        case .unauthorised: .unauthorized
        case .breachChanged: .preconditionFailed
        case .rateLimited: .tooManyRequests
        case .identifierInvalid, .categoryUnknown, .fieldUnknown, .purposeUnknown, .breakGlassNeedsReason,
             .eventInvalid, .inputInvalid, .purposeRequired, .purposeCategoryUnused: .badRequest
        case .rootKeyMissing, .rootKeyMalformed, .rootKeyWrong, .storeNotInitialised, .storeInitialised, .storeFailure, .ciphertextInvalid,
             .policyOtherController,
             .identifierTampered:
            .internalServerError
        }
    }

    /// What a request the generated code could not read got wrong, by the status it gives.
    static func describe(status: HTTPResponse.Status) -> String {
        switch status {
        case .unsupportedMediaType: "send the body as application/json"
        case .notAcceptable: "this endpoint cannot answer in a media type the Accept header allows; see /openapi.json"
        default: "the request does not match the API's contract; see /openapi.json"
        }
    }

    static func path(_ context: DecodingError.Context) -> String {
        let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        return path.isEmpty ? "the body" : "'\(path)'"
    }

    /// Where the JSON is wrong, by path only: the offending value is never repeated.
    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context)) lacks the required field '\(key.stringValue)'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            // Without a path, the value is the body itself or a parameter (a `limit` that is
            // not a number): the generated code does not say which.
            return context.codingPath.isEmpty ? "the body or a parameter has a value of the wrong type; see /openapi.json"
                : "\(path(context)) has a value of the wrong type"
        case .dataCorrupted:
            // With a path, the value is one the contract does not allow: `init(from:)` says so.
            return "the body is not valid JSON"
        @unknown default:
            return "the body is not valid"
        }
    }
}
