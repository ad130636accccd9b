import Foundation
import KluisCore
import KluisSQLite
import KluisTesting
import Testing

/// The store contract on real SQLite files and on the test PostgreSQL server, each test in a
/// database of its own (a file, or a schema).
@Suite(.timeLimit(.minutes(3)))
final class StoreContractTests {
    let directory: TemporaryDirectory
    let pools = RunningPostgresStores()

    init() throws {
        directory = try TemporaryDirectory()
    }

    deinit {
        pools.shutdown()
        directory.remove()
    }

    func contract(_ kind: StoreKind) -> StoreContract {
        switch kind {
        case .sqlite:
            let directory = directory
            return StoreContract {
                let path = directory.path("\(UUID().uuidString).sqlite")
                return { try SQLiteVaultStore(path: path) }
            }
        case .postgres:
            let pools = pools
            return StoreContract {
                let location = try PostgresTestServer.freshLocation()
                return { pools.open(location) }
            }
        }
    }

    @Test(arguments: StoreKind.enabled) func metadataRoundTrips(store: StoreKind) async throws { try await contract(store).metadataRoundTrips() }
    @Test(arguments: StoreKind.enabled) func metadataIsSwitchedOnce(store: StoreKind) async throws { try await contract(store).metadataIsSwitchedOnce() }
    @Test(arguments: StoreKind.enabled) func committedSubjectComesBack(store: StoreKind) async throws { try await contract(store).committedSubjectComesBack() }
    @Test(arguments: StoreKind.enabled) func recordsAreReplaced(store: StoreKind) async throws { try await contract(store).recordsAreReplaced() }
    @Test(arguments: StoreKind.enabled) func readsAtTheSameMomentEachGetTheirOwnPerson(store: StoreKind) async throws {
        try await contract(store).readsAtTheSameMomentEachGetTheirOwnPerson()
    }
    @Test(arguments: StoreKind.enabled) func duplicateIdentifierChangesNothing(store: StoreKind) async throws { try await contract(store).duplicateIdentifierChangesNothing() }
    @Test(arguments: StoreKind.enabled) func identifierBindingsPageThroughEveryRow(store: StoreKind) async throws { try await contract(store).identifierBindingsPageThroughEveryRow() }
    @Test(arguments: StoreKind.enabled) func auditEventsComeBackInOrder(store: StoreKind) async throws { try await contract(store).auditEventsComeBackInOrder() }
    @Test(arguments: StoreKind.enabled) func concurrentHandlesMakeOneChain(store: StoreKind) async throws { try await contract(store).concurrentHandlesMakeOneChain() }
    @Test(arguments: StoreKind.enabled) func checkpointsFollowOneAnother(store: StoreKind) async throws { try await contract(store).checkpointsFollowOneAnother() }
    @Test(arguments: StoreKind.enabled) func dataKeysAreRewrapped(store: StoreKind) async throws { try await contract(store).dataKeysAreRewrapped() }
    @Test(arguments: StoreKind.enabled) func apiKeysRoundTrip(store: StoreKind) async throws { try await contract(store).apiKeysRoundTrip() }
    @Test(arguments: StoreKind.enabled) func apiKeysAreRevokedAndTouched(store: StoreKind) async throws { try await contract(store).apiKeysAreRevokedAndTouched() }
    @Test(arguments: StoreKind.enabled) func consentsAndCookieChoicesRoundTrip(store: StoreKind) async throws { try await contract(store).consentsAndCookieChoicesRoundTrip() }
    @Test(arguments: StoreKind.enabled) func mentionsFindTheRecordsThatReferToSomeone(store: StoreKind) async throws { try await contract(store).mentionsFindTheRecordsThatReferToSomeone() }
    @Test(arguments: StoreKind.enabled) func aRecordPutTwiceAsItsPersonIsCreatedKeepsTheLaterMentions(store: StoreKind) async throws {
        try await contract(store).aRecordPutTwiceAsItsPersonIsCreatedKeepsTheLaterMentions()
    }
    @Test(arguments: StoreKind.enabled) func aCommitAfterAFailedPredecessorWritesNothing(store: StoreKind) async throws {
        try await contract(store).aCommitAfterAFailedPredecessorWritesNothing()
    }
    @Test(arguments: StoreKind.enabled) func aCommitAfterAnotherStandsAfterIt(store: StoreKind) async throws { try await contract(store).aCommitAfterAnotherStandsAfterIt() }
    @Test(arguments: StoreKind.enabled) func aCommitAfterAnotherWithTheSameIdentifierFailsOnIt(store: StoreKind) async throws {
        try await contract(store).aCommitAfterAnotherWithTheSameIdentifierFailsOnIt()
    }
    @Test(arguments: StoreKind.enabled) func aSnapshotReadsOnlyTheCategoriesAskedFor(store: StoreKind) async throws { try await contract(store).aSnapshotReadsOnlyTheCategoriesAskedFor() }
    @Test(arguments: StoreKind.enabled) func aReadSnapshotLeavesOutIdentifiersAndMentions(store: StoreKind) async throws {
        try await contract(store).aReadSnapshotLeavesOutIdentifiersAndMentions()
    }
    @Test(arguments: StoreKind.enabled) func requestsAndTheErasureJournalRoundTrip(store: StoreKind) async throws { try await contract(store).requestsAndTheErasureJournalRoundTrip() }
    @Test(arguments: StoreKind.enabled) func throttlesCountAtomically(store: StoreKind) async throws { try await contract(store).throttlesCountAtomically() }
    @Test(arguments: StoreKind.enabled) func signInsAreTakenOnce(store: StoreKind) async throws { try await contract(store).signInsAreTakenOnce() }
    @Test(arguments: StoreKind.enabled) func auditEventsAreSearchedAndCounted(store: StoreKind) async throws { try await contract(store).auditEventsAreSearchedAndCounted() }
    @Test(arguments: StoreKind.enabled) func breachesRoundTrip(store: StoreKind) async throws { try await contract(store).breachesRoundTrip() }
    @Test(arguments: StoreKind.enabled) func staffMembersRoundTrip(store: StoreKind) async throws { try await contract(store).staffMembersRoundTrip() }
    @Test(arguments: StoreKind.enabled) func sessionsExpireAndReplace(store: StoreKind) async throws { try await contract(store).sessionsExpireAndReplace() }
    @Test(arguments: StoreKind.enabled) func erasureEndsSessionsAndSignIns(store: StoreKind) async throws { try await contract(store).erasureEndsSessionsAndSignIns() }
    @Test(.enabled(if: StoreKind.enabled.contains(.postgres))) func throttlesAreSharedByHandles() async throws { try await contract(.postgres).throttlesAreSharedByHandles() }
    @Test(arguments: StoreKind.enabled) func sweepsTakeWhatIsDueAndNothingElse(store: StoreKind) async throws { try await contract(store).sweepsTakeWhatIsDueAndNothingElse() }
    @Test(arguments: StoreKind.enabled) func aWholeErasureShredsAndThePurgeRemovesTheRest(store: StoreKind) async throws { try await contract(store).aWholeErasureShredsAndThePurgeRemovesTheRest() }
    @Test(arguments: StoreKind.enabled) func aWholeErasureWithoutRecordsRemovesThePersonAtOnce(store: StoreKind) async throws { try await contract(store).aWholeErasureWithoutRecordsRemovesThePersonAtOnce() }
    @Test(arguments: StoreKind.enabled) func partialErasuresShredOnlyWhatGoes(store: StoreKind) async throws { try await contract(store).partialErasuresShredOnlyWhatGoes() }
    @Test(arguments: StoreKind.enabled) func recordsUnderAChangedKeyAreRefused(store: StoreKind) async throws { try await contract(store).recordsUnderAChangedKeyAreRefused() }
    @Test(arguments: StoreKind.enabled) func writesRacingARemovalNeverLoseTheirKey(store: StoreKind) async throws { try await contract(store).writesRacingARemovalNeverLoseTheirKey() }
    @Test(arguments: StoreKind.enabled) func aCommitPreparedOnAChangedPersonIsRefused(store: StoreKind) async throws { try await contract(store).aCommitPreparedOnAChangedPersonIsRefused() }
    @Test(arguments: StoreKind.enabled) func valuesStoredWholeAreReplacedOnlyAsRead(store: StoreKind) async throws { try await contract(store).valuesStoredWholeAreReplacedOnlyAsRead() }
    @Test(arguments: StoreKind.enabled) func replacementsRacingFromTwoHandlesKeepOne(store: StoreKind) async throws { try await contract(store).replacementsRacingFromTwoHandlesKeepOne() }
    @Test(arguments: StoreKind.enabled) func aShreddedCategoryComesBackEmptyUnderANewKey(store: StoreKind) async throws { try await contract(store).aShreddedCategoryComesBackEmptyUnderANewKey() }
}
