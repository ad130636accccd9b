import Foundation
import KluisCore

/// Bulk import through the vault: sealed, blind-indexed, audited.
struct ImportBench {
    let people: [NewSubject]
    let batch: Int

    /// Imports into `store`; returns the vault, the ids, and fields per second.
    func run(into store: any VaultStore, policy: Policy) async throws -> (vault: Vault, ids: [SubjectID], fieldsPerSecond: Double) {
        let root = RootKey.generate()
        try await Vault.initialise(store: store, root: root)
        let vault = try await Vault.open(store: store, root: root, policy: policy)
        let principal = Principal.commandLine(purposes: ["service"])
        var ids: [SubjectID] = []
        ids.reserveCapacity(people.count)
        let start = ContinuousClock.now
        var index = 0
        while index < people.count {
            let slice = Array(people[index..<min(index + batch, people.count)])
            ids += try await vault.createSubjects(slice, by: principal)
            index += slice.count
        }
        let elapsed = (ContinuousClock.now - start).seconds
        return (vault, ids, Double(people.count * SyntheticPeople.fieldsPerPerson) / elapsed)
    }
}
