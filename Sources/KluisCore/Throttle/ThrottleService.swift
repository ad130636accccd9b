import Foundation
import Synchronization

extension Vault {
    /// Rate limits and lockouts, counted by the store (per node on SQLite, shared on PostgreSQL).
    public var throttles: ThrottleService { ThrottleService(vault: self) }
}

/// Counts attempts against ``ThrottleRule``s and refuses those over the limit with
/// `rate.limited` and the seconds to wait.
public struct ThrottleService: Sendable {
    let vault: Vault

    /// Counts an attempt of `rule` for `key`, and refuses it when `key` is over the limit.
    public func count(_ rule: ThrottleRule, for key: String) async throws {
        let now = vault.now()
        let time = try await vault.store.throttle(vault.keys.throttleBucket(rule.name, key), interval: rule.interval,
                                                  ceiling: now + rule.period + rule.longestWait, at: now)
        await vault.forgetPassedThrottles(at: now)
        guard time.timeIntervalSince(now) > rule.period else { return }
        let heldUntil = time + rule.interval - rule.period
        vault.heldBack.withLock { $0[Self.heldBackKey(rule, key)] = heldUntil }
        throw Self.refusal(rule, until: heldUntil, now: now)
    }

    /// Refuses when the next attempt of `rule` for `key` would be over the limit, and counts the
    /// refused one, so that a lock kept being tried lasts longer; an attempt let through is not
    /// counted here. For a lockout checked on every node before the attempt is looked at.
    public func refuseIfOver(_ rule: ThrottleRule, for key: String) async throws {
        let now = vault.now()
        let time = try await vault.store.throttle(vault.keys.throttleBucket(rule.name, key), interval: 0,
                                                  ceiling: now + rule.period + rule.longestWait, at: now)
        guard time.timeIntervalSince(now) + rule.interval > rule.period else { return }
        try await count(rule, for: key)
    }

    /// Refuses when this node has seen `key` go over the limit and the wait is not over. The
    /// refused attempt counts too, so a key that keeps trying waits longer. For a check on every
    /// request: a key this node has not seen held back costs no round trip to the store.
    public func refuseIfHeldBack(_ rule: ThrottleRule, for key: String) async throws {
        let held = Self.heldBackKey(rule, key)
        guard let until = vault.heldBack.withLock({ $0[held] }) else { return }
        guard until > vault.now() else {
            vault.heldBack.withLock { _ = $0.removeValue(forKey: held) }
            return
        }
        try await count(rule, for: key)
    }

    static func refusal(_ rule: ThrottleRule, until: Date, now: Date) -> VaultError {
        let seconds = max(1, Int(until.timeIntervalSince(now).rounded(.up)))
        return VaultError(.rateLimited, "too many attempts (\(rule.name)); try again in \(seconds) s", retryAfter: seconds)
    }

    /// `key` under `rule` in this node's memory. Only the store's buckets need to be keyed
    /// hashes; in memory the plain key spares every request with a key an HMAC.
    static func heldBackKey(_ rule: ThrottleRule, _ key: String) -> String {
        "\(rule.name)\0\(key)"
    }
}

extension Vault {
    /// Every 1,000 attempts, forgets the buckets whose time has passed, in the store and in this
    /// node's list of keys held back. A failed clean-up is tried again 1,000 attempts later.
    func forgetPassedThrottles(at now: Date) async {
        guard throttleAttempts.add(1, ordering: .relaxed).newValue % 1000 == 0 else { return }
        heldBack.withLock { held in held = held.filter { $0.value > now } }
        try? await store.forgetThrottles(before: now)
    }
}
