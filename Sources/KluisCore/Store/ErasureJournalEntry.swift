/// One entry of the erasure journal as the store numbers it.
public struct ErasureJournalEntry: Sendable, Hashable {
    public var sequence: Int64
    public var record: ErasureRecord

    public init(sequence: Int64, record: ErasureRecord) {
        self.sequence = sequence
        self.record = record
    }
}
