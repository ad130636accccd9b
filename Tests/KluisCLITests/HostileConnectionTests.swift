import Foundation
import Testing

/// The real server against clients that do not play by the rules of HTTP: slow ones that hold
/// connections open, and malformed requests. Each answer the server gives is a problem; each
/// connection it cannot use is closed.
@Suite struct HostileConnectionTests {
    /// 300 connections that send nothing, half a header, or half a body, against a server that
    /// may open 256 files: without deadlines they use up its file descriptors and `/healthz`
    /// is never answered.
    @Test(.timeLimit(.minutes(2))) func slowClientsAreClosedAndHealthzKeepsAnswering() async throws {
        let served = try await ServedVault(["--header-timeout", "2", "--body-timeout", "2"], fileDescriptors: 256)
        var slow: [RawConnection] = []
        for index in 0..<300 {
            let connection = try await RawConnection.opening(port: served.port)
            switch index % 3 {
            case 0: break
            case 1: try connection.send("GET /healthz HTTP/1.1\r\nHo")
            default: try connection.send("POST /v1/cookie-consent HTTP/1.1\r\nHost: kluis\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"vis")
            }
            slow.append(connection)
        }

        // While every descriptor is taken the kernel may refuse or reset a new connection, as
        // it would for any server at its limit; a health check tries again, and must be
        // answered once the deadlines have freed descriptors.
        var answer: String?
        let healthDeadline = ContinuousClock.now + .seconds(20)
        while answer?.hasPrefix("HTTP/1.1 200") != true, ContinuousClock.now < healthDeadline {
            if answer != nil { try await Task.sleep(for: .milliseconds(250)) }
            let health = try await RawConnection.opening(port: served.port)
            try health.send("GET /healthz HTTP/1.1\r\nHost: kluis\r\nConnection: close\r\n\r\n")
            answer = health.readToEnd(within: max(.zero, healthDeadline - .now)) ?? ""
        }
        #expect(answer?.hasPrefix("HTTP/1.1 200") == true, "/healthz was not answered while 300 slow connections were held: \(answer ?? "no answer")")

        let deadline = ContinuousClock.now + .seconds(30)
        let open = slow.filter { !$0.isClosed(within: max(.zero, deadline - .now)) }.count
        #expect(open == 0, "\(open) of 300 slow connections were still open after 30 s")
        #expect(!served.server.errorOutput.contains(" error "), "\(served.server.errorOutput)")
    }

    /// An announced body larger than the endpoint takes is refused before it is sent, and the
    /// connection is closed rather than reading it.
    @Test func anAnnouncedBodyTooLargeIsRefusedBeforeItArrives() async throws {
        let served = try await ServedVault()
        let connection = try RawConnection(port: served.port)
        try connection.send("POST /v1/subjects HTTP/1.1\r\nHost: kluis\r\nAuthorization: Bearer \(served.adminToken)\r\n"
            + "Content-Type: application/json\r\nContent-Length: 100000000\r\n\r\n")
        let answer = try #require(connection.readToEnd(within: .seconds(10)), "no answer before the body")
        #expect(answer.hasPrefix("HTTP/1.1 413"), "\(answer)")
        #expect(try Self.problemCode(answer) == "request.too_large")
    }

    /// Requests that are not valid HTTP/1.1 get a 400 with a problem body, and the server logs
    /// no error: the fault is the client's.
    static let malformed = [
        "GARBAGE\r\n\r\n",
        "GET / HTTP/9.9\r\n\r\n",
        "GET /healthz HTTP/1.1\nHost: kluis\n\n",
        "GET /hea lthz HTTP/1.1\r\nHost: kluis\r\n\r\n",
        "GET /healthz HTTP/1.1\r\nHost: kluis\r\nBad Header\r\n\r\n",
        "GET /healthz HTTP/1.1\r\n Host: kluis\r\n\r\n",
        "GET /healthz HTTP/1.1\r\nHost: kluis\r\nContent-Length: abc\r\n\r\n",
        "GET /healthz HTTP/1.1\r\nHost: kluis\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
        "GET /healthz HTTP/1.1\r\nHost: kluis\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n",
        "GET /healthz HTTP/1.1\r\nHost: kluis\r\nX-Long: \(String(repeating: "a", count: 100_000))\r\n\r\n",
        "POST /v1/cookie-consent HTTP/1.1\r\nHost: kluis\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n",
        "POST /v1/cookie-consent HTTP/1.1\r\nHost: kluis\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nabc\r\n0\r\n\r\n",
        "POST /v1/subjects HTTP/1.1\r\nHost: kluis\r\nAuthorization: Bearer KEY\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n",
        "GET /healthz HTTP/1.1\r\nHost: kluis\r\n\r\nGARBAGE\r\n\r\n",
    ]

    @Test func malformedRequestsGetAProblem() async throws {
        let served = try await ServedVault()
        for request in Self.malformed {
            try check(request, on: served)
        }
        try await Task.sleep(for: .milliseconds(200))
        #expect(!served.server.errorOutput.contains(" error "), "\(served.server.errorOutput)")
    }

    private func check(_ request: String, on served: ServedVault) throws {
        let connection = try RawConnection(port: served.port)
        try connection.send(request.replacingOccurrences(of: "KEY", with: served.adminToken))
        var answer = try #require(connection.readToEnd(within: .seconds(10)), "the connection stayed open")
        if request.hasSuffix("GARBAGE\r\n\r\n"), request.hasPrefix("GET /healthz") {
            // Pipelined after a valid request: that one is answered first.
            #expect(answer.hasPrefix("HTTP/1.1 200"), "\(answer)")
            answer = String(answer[try #require(answer.range(of: "HTTP/1.1 400"), "no 400 after the 200: \(answer)").lowerBound...])
        }
        #expect(answer.hasPrefix("HTTP/1.1 400"), "\(request.prefix(60)): \(answer)")
        #expect(answer.lowercased().contains("content-type: application/problem+json"), "\(answer)")
        #expect(try Self.problemCode(answer) == "request.malformed")
        // One answer per request: the framework's own is not sent after the route's.
        let statusLines = answer.components(separatedBy: "\r\n").filter { $0.hasPrefix("HTTP/1.1 ") }
        #expect(statusLines.count == 1, "\(answer)")
    }

    static func problemCode(_ answer: String) throws -> String? {
        let body = try #require(answer.range(of: "\r\n\r\n").map { answer[$0.upperBound...] })
        let object = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
        return object?["code"] as? String
    }
}
