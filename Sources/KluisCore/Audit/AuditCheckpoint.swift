import Foundation

/// A point up to which the audit chain was verified: the event's number and hash, and the
/// checkpoint before it. Checkpoints follow one another without gaps or overlaps, so each stretch
/// of the chain is verified once however many nodes run, and a later check can start from the
/// last checkpoint instead of from the first event.
public struct AuditCheckpoint: Sendable, Hashable, Codable {
    /// The last event this checkpoint covers.
    public var sequence: Int64
    /// That event's hash.
    public var hash: Data
    /// The checkpoint before, or 0 for the first.
    public var previousSequence: Int64
    public var verifiedAt: Date

    public init(sequence: Int64, hash: Data, previousSequence: Int64, verifiedAt: Date) {
        self.sequence = sequence
        self.hash = hash
        self.previousSequence = previousSequence
        self.verifiedAt = verifiedAt
    }
}
