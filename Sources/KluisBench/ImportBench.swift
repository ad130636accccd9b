import Foundation
import KluisCore

/// Bulk import through the vault, as `kluis import` does it: sealed, blind-indexed, audited.
struct ImportBench {
    let people: [NewSubject]
    let batch: Int

    /// Imports into `store`; returns the vault, the ids, and fields per second.
    func run(into store: any VaultStore, policy: Policy) async throws -> (vault: Vault, ids: [SubjectID], fieldsPerSecond: Double) {
        let root = RootKey.generate()
        try await Vault.initialise(store: store, root: root)
        let vault = try await Vault.open(store: store, root: root, policy: policy)
        let principal = Principal.commandLine(purposes: ["service"])
        let start = ContinuousClock.now
        let ids = try await vault.importSubjects(people, batchSize: batch, by: principal)
        let elapsed = (ContinuousClock.now - start).seconds
        return (vault, ids, Double(people.count * SyntheticPeople.fieldsPerPerson) / elapsed)
    }
}
