import Foundation
import KluisCore
import Testing

/// Values a store keeps whole, a request, a breach, a person's restrictions, a staff account, are replaced only
/// as they were read (``Replacement``): of two operations prepared on the same value, the one
/// that commits second is refused instead of undoing the first.
extension StoreContract {
    /// A change prepared on a value since replaced is refused with `store.conflict`, and nothing
    /// of its commit is written; a new value whose id is taken is refused too; a change prepared
    /// on the value as stored is written.
    public func valuesStoredWholeAreReplacedOnlyAsRead() async throws {
        let store = try await prepared()
        let (person, bystander) = (SubjectID.generate(), SubjectID.generate())
        let request = DataSubjectRequest(type: .access, subject: person, channel: .email, receivedAt: Self.t0)
        let breach = Self.breach("brc_replaced", aware: Self.t0)
        try await store.commit(Self.subject(person, identifierIndex: 1) + [.putRequest(request, replacing: nil), .putBreach(breach, replacing: nil)],
                               audit: [])
        let head = try await store.auditHead()
        // Each refused commit would also create a person and leave an audit event.
        func refused(_ change: StoreChange, _ comment: Comment) async {
            await Self.expectConflict(comment) {
                try await store.commit([.createSubject(bystander, createdAt: Self.t0), change], audit: [Self.entry(bystander, .write)])
            }
        }

        var asked = request
        try asked.move(to: .awaitingIdentification, at: Self.t0 + 60, by: "staff_a")
        var rejected = request
        try rejected.move(to: .rejected, at: Self.t0 + 90, by: "staff_b", note: "manifestly unfounded")
        try await store.commit([.putRequest(asked, replacing: request)], audit: [])
        await refused(.putRequest(rejected, replacing: request), "a request prepared on the request before identification was asked")
        await refused(.putRequest(request, replacing: nil), "a new request whose id is taken")
        #expect(try await store.request(request.id) == asked)

        var closed = breach
        closed.state = .closed
        var notified = breach
        notified.notifications.append(.init(phase: .first, sentAt: Self.t0 + 60, reference: "AP-1", lateReason: nil, by: "staff_b"))
        try await store.commit([.putBreach(closed, replacing: breach)], audit: [])
        await refused(.putBreach(notified, replacing: breach), "a breach prepared on the breach before it was closed")
        await refused(.putBreach(breach, replacing: nil), "a new breach whose id is taken")
        #expect(try await store.breach(id: breach.id) == closed)

        let contested = Restriction(categories: ["contact"], ground: .accuracyContested, since: Self.t0)
        let objected = Restriction(categories: [], ground: .objectionPending, since: Self.t0 + 60)
        try await store.commit([.setRestrictions(person, [contested], replacing: [])], audit: [])
        await refused(.setRestrictions(person, [objected], replacing: []), "restrictions prepared on a person without any")
        #expect(try await store.snapshot(of: person)?.restrictions == [contested])
        try await store.commit([.setRestrictions(person, [], replacing: [contested])], audit: [])
        await refused(.setRestrictions(person, [contested, objected], replacing: [contested]), "restrictions prepared on a list since lifted")
        #expect(try await store.snapshot(of: person)?.restrictions == [])

        let member = StaffMember(id: "staff_replaced", name: "Fleur", email: "fleur@example.nl", role: .owner, createdAt: Self.t0)
        try await store.commit([.putStaffMember(member, replacing: nil)], audit: [])
        var disabled = member
        disabled.disabledAt = Self.t0 + 60
        var signedIn = member
        signedIn.lastCodeStep = 42
        try await store.commit([.putStaffMember(disabled, replacing: member)], audit: [])
        await refused(.putStaffMember(signedIn, replacing: member), "a sign-in prepared on the account before it was disabled")
        await refused(.putStaffMember(member, replacing: nil), "a new account whose id is taken")
        #expect(try await store.staffMember(id: member.id) == disabled)

        #expect(try await store.snapshot(of: bystander) == nil, "a refused commit writes nothing")
        #expect(try await store.auditHead()?.sequence == head?.sequence, "no refused commit is audited")
    }

    /// Rounds of two commits from two handles at the same moment, both prepared on the same
    /// request, breach, staff account or absence of restrictions, or each changing one of two
    /// staff accounts on condition that the other is unchanged (two owners demoting each other):
    /// exactly one is written, the other refused, and what is stored is the one that was written.
    public func replacementsRacingFromTwoHandlesKeepOne() async throws {
        let open = try await makeDatabase()
        let (one, other) = try await (open(), open())
        try await one.prepare()
        for round in 0..<32 {
            let person = SubjectID.generate()
            let request = DataSubjectRequest(type: .erasure, subject: person, channel: .web, receivedAt: Self.t0)
            let breach = Self.breach("brc_round_\(round)", aware: Self.t0)
            let member = StaffMember(id: "staff_round_\(round)", name: "Anne", email: "anne\(round)@example.nl", role: .desk, createdAt: Self.t0)
            let colleague = StaffMember(id: "staff_round_\(round)_b", name: "Bram", email: "bram\(round)@example.nl", role: .desk, createdAt: Self.t0)
            try await one.commit(Self.subject(person, identifierIndex: UInt8(round)) + [
                .putRequest(request, replacing: nil), .putBreach(breach, replacing: nil), .putStaffMember(member, replacing: nil),
                .putStaffMember(colleague, replacing: nil),
            ], audit: [])
            let changes: [[StoreChange]] = (0..<2).map { side in
                var changed = request
                changed.outcome = "side \(side)"
                var amended = breach
                amended.summary = "side \(side)"
                var renamed = member
                renamed.name = "side \(side)"
                var colleagueRenamed = colleague
                colleagueRenamed.name = "side \(side)"
                let restriction = Restriction(categories: [], ground: .accuracyContested, since: Self.t0 + Double(side))
                switch round % 5 {
                case 0: return [.putRequest(changed, replacing: request)]
                case 1: return [.putBreach(amended, replacing: breach)]
                case 2: return [.putStaffMember(renamed, replacing: member)]
                case 3: return [.setRestrictions(person, [restriction], replacing: [])]
                // One side changes Anne while Bram stays as read; the other the reverse.
                default: return side == 0 ? [.putStaffMember(renamed, replacing: member), .putStaffMember(colleague, replacing: colleague)]
                                          : [.putStaffMember(colleagueRenamed, replacing: colleague), .putStaffMember(member, replacing: member)]
                }
            }
            async let first: VaultError? = Self.refusal { try await one.commit(changes[0], audit: []) }
            async let second: VaultError? = Self.refusal { try await other.commit(changes[1], audit: []) }
            let refusals = await [first, second]
            #expect(refusals.compactMap { $0 }.map(\.code) == [.storeConflict], "round \(round): one written, one refused")
            guard let written = refusals.firstIndex(where: { $0 == nil }) else { continue }
            switch round % 5 {
            case 0: #expect(try await one.request(request.id)?.outcome == "side \(written)", "round \(round)")
            case 1: #expect(try await one.breach(id: breach.id)?.summary == "side \(written)", "round \(round)")
            case 2: #expect(try await one.staffMember(id: member.id)?.name == "side \(written)", "round \(round)")
            case 3: #expect(try await one.snapshot(of: person)?.restrictions.map(\.since) == [Self.t0 + Double(written)], "round \(round)")
            default:
                let names = [try await one.staffMember(id: member.id)?.name, try await one.staffMember(id: colleague.id)?.name]
                #expect(names == (written == 0 ? ["side 0", "Bram"] : ["Anne", "side 1"]), "round \(round)")
            }
        }
    }

    /// The vault error `commit` fails with, or `nil` when it commits.
    static func refusal(_ commit: () async throws -> [AuditEvent]) async -> VaultError? {
        do {
            _ = try await commit()
            return nil
        } catch {
            return error as? VaultError ?? VaultError(.storeFailure, "\(error)")
        }
    }
}
