/// What a sweep removed, or would remove: record counts per purpose, category and action, and
/// how many people went altogether. Counts only, never values.
public struct SweepTally: Sendable, Hashable, Codable {
    public var counts: [Count]
    /// People with no record left, removed with their identifiers, keys and events.
    public var subjectsRemoved: Int

    public init(counts: [Count] = [], subjectsRemoved: Int = 0) {
        self.counts = counts
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
        for count in other.counts {
            if let index = counts.firstIndex(where: { $0.purpose == count.purpose && $0.category == count.category && $0.action == count.action }) {
                counts[index].records += count.records
            } else {
                counts.append(count)
            }
        }
        counts.sort { ($0.purpose ?? "", $0.category, $0.action.rawValue) < ($1.purpose ?? "", $1.category, $1.action.rawValue) }
        subjectsRemoved += other.subjectsRemoved
    }

    /// Tallies `removed`, one count per purpose, category and action.
    public init(removed: [(purpose: String?, category: String, action: RetentionAction)], subjectsRemoved: Int) {
        var tally = SweepTally(subjectsRemoved: subjectsRemoved)
        for item in removed {
            tally.add(SweepTally(counts: [Count(purpose: item.purpose, category: item.category, action: item.action, records: 1)]))
        }
        self = tally
    }
}
