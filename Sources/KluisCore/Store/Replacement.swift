import Foundation

/// What a store checks before it replaces a value it keeps whole (a request, a breach, a
/// person's restrictions): that it still holds the value the change was prepared on. Of two
/// operations prepared on the same value, the one that commits second then fails with
/// ``VaultError/Code/storeConflict`` instead of silently undoing the first; the services read
/// again and retry (``retryingConflicts(_:)``), so both take effect as if run one after the other.
public enum Replacement {
    /// Throws unless `stored` (the stored form, `nil` when nothing is stored) holds `expected`
    /// (`nil`: nothing, for a value that is new).
    public static func check<Value: Equatable>(stored: Data?, holds expected: Value?, decode: (Data) -> Value?,
                                               _ what: @autoclosure () -> String) throws(VaultError) {
        switch (stored, expected) {
        case (nil, nil):
            return
        case (let stored?, let expected?) where decode(stored) == expected:
            return
        default:
            throw VaultError.changedMeanwhile(what())
        }
    }
}

/// Runs `operation`, and runs it again when its commit found what it was prepared on changed by
/// another operation (``VaultError/Code/storeConflict``): each attempt reads afresh and checks
/// again, so it acts on what is stored now. Three attempts in all: a conflict needs two
/// operations on the same person, request or breach in the same moment.
func retryingConflicts<T>(_ operation: () async throws -> T) async throws -> T {
    var attempt = 1
    while true {
        do {
            return try await operation()
        } catch let error as VaultError where error.code == .storeConflict && attempt < conflictAttempts {
            attempt += 1
        }
    }
}

/// How often an operation is prepared before a conflict reaches its caller.
let conflictAttempts = 3
