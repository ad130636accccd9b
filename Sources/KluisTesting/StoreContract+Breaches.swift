import Foundation
import KluisCore
import Testing

/// The breach register: kept whole, found by id, listed by awareness, latest first.
extension StoreContract {
    public func breachesRoundTrip() async throws {
        let store = try await prepared()
        var older = Self.breach("brc_older", aware: Self.t0)
        let newer = Self.breach("brc_newer", aware: Self.t0 + 3600)
        try await store.commit([.putBreach(older, replacing: nil), .putBreach(newer, replacing: nil)], audit: [])
        let read = older
        #expect(try await store.breaches().map(\.id) == ["brc_newer", "brc_older"])
        older.notifications.append(.init(phase: .first, sentAt: Self.t0 + 60, reference: "AP-1", lateReason: nil, by: "staff_x"))
        older.state = .closed
        try await store.commit([.putBreach(older, replacing: read)], audit: [])
        #expect(try await store.breach(id: "brc_older") == older)
        #expect(try await store.breach(id: "brc_none") == nil)
    }

    /// An open breach, aware at `aware`.
    static func breach(_ id: String, aware: Date) -> Breach {
        Breach(id: id, state: .open, summary: "a stolen laptop", incident: .stolenDevice, nature: [.theft],
               timeline: .init(discoveredAt: aware, awareAt: aware), reporter: .init(name: "F", jobTitle: "owner", phone: "1"),
               contact: nil, processors: [], dataKinds: [.health], categories: ["contact"], records: .init(minimum: 1, maximum: 2),
               people: nil, groups: ["clients"], encrypted: false, priorMeasures: nil, consequences: nil, measuresTaken: nil,
               measuresPlanned: nil, crossBorder: nil, attachments: [], notifications: [], createdAt: aware, updatedAt: aware)
    }
}
