import AsyncHTTPClient
import Foundation
import KluisCore
import NIOCore
import NIOHTTP1

/// A closed-loop HTTP load: `connections` workers, each sending its next request as soon as the
/// last one is answered, for `duration`. Every worker sends at least one request, so a process
/// that was not scheduled until the time was up still measures something. Traffic goes to
/// 127.0.0.1 only.
struct HTTPLoad {
    let client: HTTPClient
    let connections: Int
    let duration: Duration

    struct Outcome: Sendable {
        var latencies = Latencies()
        var failures = 0
        var elapsed: Duration = .zero

        var requestsPerSecond: Double { Double(latencies.count) / max(elapsed.seconds, 0.001) }
    }

    /// Runs the load; `request(worker, n)` gives the URL and headers of a worker's n-th request.
    /// An answer with `expected` status counts, any other is a failure.
    func run(expecting expected: HTTPResponseStatus = .ok,
             _ request: @escaping @Sendable (Int, Int) -> (url: String, headers: [(String, String)])) async -> Outcome {
        let start = ContinuousClock.now
        let deadline = start + duration
        var outcome = Outcome()
        await withTaskGroup(of: Outcome.self) { group in
            for worker in 0..<connections {
                group.addTask { [client] in
                    var mine = Outcome()
                    var n = 0
                    repeat {
                        let (url, headers) = request(worker, n)
                        n += 1
                        var httpRequest = HTTPClientRequest(url: url)
                        for (name, value) in headers { httpRequest.headers.add(name: name, value: value) }
                        let sent = ContinuousClock.now
                        do {
                            let response = try await client.execute(httpRequest, timeout: .seconds(10))
                            _ = try await response.body.collect(upTo: 1 << 20)
                            if response.status == expected {
                                mine.latencies.add(ContinuousClock.now - sent)
                            } else {
                                mine.failures += 1
                            }
                        } catch {
                            mine.failures += 1
                        }
                    } while ContinuousClock.now < deadline
                    return mine
                }
            }
            for await result in group {
                outcome.latencies.add(result.latencies)
                outcome.failures += result.failures
            }
        }
        outcome.elapsed = ContinuousClock.now - start
        return outcome
    }
}
