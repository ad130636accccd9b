import Foundation
import KluisCore

/// Data-subject requests under load: the access package of one person among everyone stored,
/// and erasure of a person with few records beside one with many.
struct RequestBench {
    let vault: Vault
    let samples: Int
    let seed: UInt64

    static let desk = Principal.commandLine(purposes: [])

    /// The time to build the access package (art. 15) of a random person; requests are taken in
    /// and verified before the clock starts.
    func accessExport(among ids: [SubjectID]) async throws -> Latencies {
        var random = SplitMix64(seed: seed &+ 15)
        var latencies = Latencies()
        for _ in 0..<samples {
            let subject = ids[Int(random.next() % UInt64(ids.count))]
            let request = try await vault.requests.submit(RequestSubmission(type: .access, subject: subject, signedInSession: true), by: Self.desk)
            let start = ContinuousClock.now
            _ = try await vault.accessPackage(for: request.request.id, by: Self.desk)
            latencies.add(ContinuousClock.now - start)
        }
        return latencies
    }

    /// The time to fulfil an erasure of people with `records` visit records each, `count` of them,
    /// and apart from it the time the purge then takes to delete what the erasure shredded (the
    /// server does that in the background, after the answer). Everyone is created first, and an
    /// untimed erasure goes before the timed ones: on SQLite an erasure's checkpoint would
    /// otherwise copy the pages the creation just wrote, which is the import's cost, not its own.
    func erasure(records: Int, count: Int) async throws -> (erasure: Latencies, purge: Latencies) {
        var requests: [RequestID] = []
        for index in 0...count {
            let visits = (0..<records).map { NewRecord(category: "visits", fields: ["page": "/page/\($0)", "at": "2026-11-0\($0 % 9 + 1)"]) }
            let subject = try await vault.createSubject(
                NewSubject(identifiers: [SubjectIdentifier(kind: .email, value: "erase-\(records)-\(index)@bench.example")],
                           records: [NewRecord(category: "contact", fields: ["email": "erase-\(records)-\(index)@bench.example"])] + visits),
                by: Self.desk)
            requests.append(try await vault.requests.submit(RequestSubmission(type: .erasure, subject: subject, signedInSession: true), by: Self.desk).request.id)
        }
        var latencies = Latencies()
        var purges = Latencies()
        for (index, request) in requests.enumerated() {
            let start = ContinuousClock.now
            _ = try await vault.requests.fulfil(request, by: Self.desk)
            let erased = ContinuousClock.now
            try await vault.purgeShredded()
            guard index > 0 else { continue }
            latencies.add(erased - start)
            purges.add(ContinuousClock.now - erased)
        }
        return (latencies, purges)
    }
}
