import Foundation

extension Vault {
    /// Binds `store` to the controller of `policy`, or checks that it is bound to it: a vault
    /// holds one organisation's data, and served with another organisation's policy it would
    /// publish that organisation's statement and apply its purposes to these people.
    ///
    /// The first policy a vault is opened with names its controller. A new version of that
    /// controller's policy is accepted (consents go stale as the policy's terms say); another
    /// controller's is refused, unless `allowingAnotherController`, which moves the vault to the
    /// new controller and records the move in the audit chain.
    public static func claim(_ store: any VaultStore, for policy: Policy, allowingAnotherController: Bool = false,
                             clock: any WallClock = SystemWallClock()) async throws {
        let claimant = ControllerIdentity(policy.controller)
        let stored = try await store.metadata(Meta.controller)
        guard let stored else {
            // Of several nodes binding at once, one does; the others check against it below.
            if try await store.setMetadata([Meta.controller: claimant.encoded], ifCurrent: Meta.controller, is: nil) { return }
            return try await claim(store, for: policy, allowingAnotherController: allowingAnotherController, clock: clock)
        }
        let owner = try ControllerIdentity(decoding: stored)
        guard !owner.isSameController(as: claimant) else { return }
        guard allowingAnotherController else {
            throw VaultError(.policyOtherController,
                             "this vault belongs to \(owner); the policy is \(claimant)'s. Use the policy of \(owner.name), or allow the vault to move to \(claimant.name) explicitly (--allow-other-controller)")
        }
        // The event first: a crash between the two leaves an event for a move that the next
        // start with the same flag makes, never a move without its event. (Metadata is no part
        // of the store's commit.)
        try await store.commit([], audit: [AuditEntry(time: clock.now(), actor: "cli", action: .controller,
                                                      reason: "the vault moves from \(owner) to \(claimant)")])
        guard try await store.setMetadata([Meta.controller: claimant.encoded], ifCurrent: Meta.controller, is: stored) else {
            // Another node changed it meanwhile: check again against what it wrote.
            return try await claim(store, for: policy, allowingAnotherController: allowingAnotherController, clock: clock)
        }
    }
}

/// Who a vault belongs to: the controller's name and, when the policy gives it, its Chamber of
/// Commerce (KvK) number, which outlives a change of name.
struct ControllerIdentity: Codable, Sendable, CustomStringConvertible {
    var name: String
    var kvk: String?

    init(_ controller: Controller) {
        name = controller.name
        kvk = controller.kvk
    }

    init(decoding data: Data) throws {
        do {
            self = try JSONDecoder().decode(Self.self, from: data)
        } catch {
            throw VaultError(.storeFailure, "the vault's controller could not be read from the store")
        }
    }

    var encoded: Data {
        // A struct of two strings always encodes.
        try! JSONEncoder().encode(self)
    }

    /// The same KvK number when both have one; otherwise the same name, ignoring case and the
    /// spaces around it (a policy without a KvK number has nothing else to go by).
    func isSameController(as other: ControllerIdentity) -> Bool {
        if let kvk, let otherKvK = other.kvk { return kvk == otherKvK }
        return Self.normalised(name) == Self.normalised(other.name)
    }

    private static func normalised(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    var description: String { kvk.map { "\(name) (KvK \($0))" } ?? name }
}
