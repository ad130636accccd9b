import KluisCore
import Synchronization
import Testing

/// Requests served in turns: each answered once with its own answer, requests that arrive
/// together served together, and a request run alone handing its turn on.
@Suite(.timeLimit(.minutes(1)))
struct TurnsTests {
    /// What each turn took.
    final class Served: Sendable {
        let turns = Mutex<[[Int]]>([])
    }

    /// Turns that answer each request with ten times itself, a task per turn.
    static func turns(maximum: Int, served: Served) -> Turns<Int, Int> {
        Turns(maximum: maximum) { turns in
            Task {
                while case let waiting = turns.next(), !waiting.isEmpty {
                    served.turns.withLock { $0.append(waiting.map(\.request)) }
                    for request in waiting { request.answer(.success(request.request * 10)) }
                }
            }
        }
    }

    @Test func everyRequestGetsItsOwnAnswerOnce() async throws {
        let served = Served()
        let turns = Self.turns(maximum: 2, served: served)
        let answers = try await withThrowingTaskGroup(of: (Int, Int).self) { group in
            for request in 1...500 { group.addTask { (request, try await turns.submit(request)) } }
            return try await group.reduce(into: [Int: Int]()) { $0[$1.0] = $1.1 }
        }
        #expect(answers.count == 500 && answers.allSatisfy { $0.value == $0.key * 10 })
        let taken = served.turns.withLock { $0 }
        #expect(taken.flatMap { $0 }.sorted() == Array(1...500), "each request was served exactly once")
    }

    @Test func aRequestAloneRunsAtOnceAndHandsItsTurnOnToThoseThatCameMeanwhile() async throws {
        let served = Served()
        let turns = Self.turns(maximum: 1, served: served)
        let (started, start) = AsyncStream.makeStream(of: Void.self)
        let (release, releasing) = AsyncStream.makeStream(of: Void.self)
        async let alone = turns.submit(1) {
            start.yield()
            for await _ in release { break }
            return -1
        }
        for await _ in started { break }
        // The only turn is taken: these wait, and are served once the lone request is done.
        let answers = Mutex<[Int]?>(nil)
        Task {
            let others = try await withThrowingTaskGroup(of: Int.self) { group in
                for request in 2...6 { group.addTask { try await turns.submit(request) } }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            answers.withLock { $0 = others.sorted() }
        }
        try await Task.sleep(for: .milliseconds(200))
        #expect(served.turns.withLock { $0 }.isEmpty, "nothing is served while the lone request holds the only turn")
        releasing.yield()
        #expect(try await alone == -1, "the lone request ran its own work, at once")
        // Not awaited: requests never answered would wait for ever.
        for _ in 0..<500 where answers.withLock({ $0 }) == nil { try await Task.sleep(for: .milliseconds(20)) }
        #expect(answers.withLock { $0 } == [20, 30, 40, 50, 60], "the turn went on for the requests that came meanwhile")
    }
}
