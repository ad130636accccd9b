import Foundation
import KluisCore
import Testing

/// What a commit does to its people's revisions, and whether it only creates people: what lets
/// a store write an import's batch while the batch before it commits.
@Suite struct SubjectRevisionsTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    static func newPerson(_ id: SubjectID) -> [StoreChange] {
        [.createSubject(id, createdAt: t0), .setLanguage(id, .nl),
         .addDataKey(StoredDataKey(subject: id, category: "contact", wrapped: Data([1]), rootKeyID: "root")),
         .putRecord(SealedRecord(subject: id, category: "contact", id: RecordID.generate(), fields: [:], createdAt: t0, updatedAt: t0))]
    }

    @Test func anImportsBatchOnlyCreates() throws {
        let (a, b) = (SubjectID.generate(), SubjectID.generate())
        let revisions = try SubjectRevisions(Self.newPerson(a) + Self.newPerson(b))
        #expect(revisions.createsOnly)
        #expect(revisions.created == [a, b])
        #expect(revisions.isEmpty, "nobody's revision to count up")
    }

    @Test func aChangeToSomeoneStoredBeforeIsMoreThanCreating() throws {
        let (new, stored) = (SubjectID.generate(), SubjectID.generate())
        let revisions = try SubjectRevisions(Self.newPerson(new) + [.setLanguage(stored, .en)])
        #expect(!revisions.createsOnly)
        #expect(revisions.changed == [stored])
    }

    @Test func anExpectationIsMoreThanCreating() throws {
        let (new, stored) = (SubjectID.generate(), SubjectID.generate())
        #expect(!(try SubjectRevisions(Self.newPerson(new) + [.expectSubject(stored, revision: 3)])).createsOnly)
    }

    @Test func aChangeOfNobodyIsMoreThanCreating() throws {
        let new = SubjectID.generate()
        #expect(!(try SubjectRevisions(Self.newPerson(new) + [.revokeAPIKey(id: "key_a", at: Self.t0)])).createsOnly)
    }
}
