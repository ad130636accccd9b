/// What a sweep removed, or would remove: record counts per purpose, category and action, and
/// how many people went altogether. Counts only, never values.
public struct SweepTally: Sendable, Hashable, Codable {
    public var counts: [Count]
    /// People with no record left, removed with their identifiers, keys and events.
    public var subjectsRemoved: Int

    /// Merges counts of the same purpose, category and action, and orders them.
    public init(counts: [Count] = [], subjectsRemoved: Int = 0) {
        var merged: [Count] = []
        for count in counts {
            if let index = merged.firstIndex(where: { $0.purpose == count.purpose && $0.category == count.category && $0.action == count.action }) {
                merged[index].records += count.records
            } else {
                merged.append(count)
            }
        }
        self.counts = merged.sorted { ($0.purpose ?? "", $0.category, $0.action.rawValue) < ($1.purpose ?? "", $1.category, $1.action.rawValue) }
        self.subjectsRemoved = subjectsRemoved
    }

    public struct Count: Sendable, Hashable, Codable {
        /// The purpose that kept the records longest; `nil` for records no purpose held.
        public var purpose: String?
        public var category: String
        public var action: RetentionAction
        public var records: Int

        public init(purpose: String?, category: String, action: RetentionAction, records: Int) {
            self.purpose = purpose
            self.category = category
            self.action = action
            self.records = records
        }
    }

    enum CodingKeys: String, CodingKey {
        case counts
        case subjectsRemoved = "subjects_removed"
    }

    /// The records counted.
    public var records: Int { counts.reduce(0) { $0 + $1.records } }

    /// Adds `other`'s counts to these.
    public mutating func add(_ other: SweepTally) {
        self = SweepTally(counts: counts + other.counts, subjectsRemoved: subjectsRemoved + other.subjectsRemoved)
    }
}
