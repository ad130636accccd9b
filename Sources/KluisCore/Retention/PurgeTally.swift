/// What a purge of shredded records deleted: ciphertext whose data key an erasure destroyed,
/// and the rows of people erased whole. Counts only.
public struct PurgeTally: Sendable, Hashable {
    public var records: Int
    public var subjectsRemoved: Int

    public init(records: Int = 0, subjectsRemoved: Int = 0) {
        self.records = records
        self.subjectsRemoved = subjectsRemoved
    }

    public mutating func add(_ other: PurgeTally) {
        records += other.records
        subjectsRemoved += other.subjectsRemoved
    }
}
