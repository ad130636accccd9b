import Foundation
import KluisCore
import KluisPostgres
import KluisTesting
import Testing

/// The store contract on a real PostgreSQL server, each test in a schema of its own.
@Suite(.enabled(if: PostgresTestServer.isEnabled, "set KLUIS_TEST_POSTGRES_URL (scripts/start-postgres) to run"), .timeLimit(.minutes(3)))
final class PostgresStoreContractTests {
    let stores = RunningPostgresStores()
    let contract: StoreContract

    init() {
        let stores = stores
        contract = StoreContract {
            let location = try PostgresTestServer.freshLocation()
            return { stores.open(location) }
        }
    }

    deinit { stores.shutdown() }

    @Test func metadataRoundTrips() async throws { try await contract.metadataRoundTrips() }
    @Test func metadataIsSwitchedOnce() async throws { try await contract.metadataIsSwitchedOnce() }
    @Test func committedSubjectComesBack() async throws { try await contract.committedSubjectComesBack() }
    @Test func recordsAreReplaced() async throws { try await contract.recordsAreReplaced() }
    @Test func duplicateIdentifierChangesNothing() async throws { try await contract.duplicateIdentifierChangesNothing() }
    @Test func auditEventsComeBackInOrder() async throws { try await contract.auditEventsComeBackInOrder() }
    @Test func concurrentHandlesMakeOneChain() async throws { try await contract.concurrentHandlesMakeOneChain() }
    @Test func checkpointsFollowOneAnother() async throws { try await contract.checkpointsFollowOneAnother() }
    @Test func dataKeysAreRewrapped() async throws { try await contract.dataKeysAreRewrapped() }
    @Test func apiKeysRoundTrip() async throws { try await contract.apiKeysRoundTrip() }
}
