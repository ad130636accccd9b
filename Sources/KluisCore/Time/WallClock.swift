import Foundation

/// Where the vault gets the time, injected so retention and deadlines are tested with fixed
/// clocks (DESIGN.md, invariant 5).
public protocol WallClock: Sendable {
    func now() -> Date
}

/// The machine's clock.
public struct SystemWallClock: WallClock {
    public init() {}

    public func now() -> Date { Date() }
}
