import Foundation
import KluisCore
import KluisSQLite
import KluisTesting
import Testing

/// The store contract on real SQLite files.
@Suite struct SQLiteStoreContractTests {
    let directory: TemporaryDirectory
    let contract: StoreContract

    init() throws {
        let directory = try TemporaryDirectory()
        self.directory = directory
        contract = StoreContract {
            let path = directory.path("\(UUID().uuidString).sqlite")
            return { try SQLiteVaultStore(path: path) }
        }
    }

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
