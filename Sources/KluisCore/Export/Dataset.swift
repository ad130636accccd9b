import Foundation

/// A k-anonymous dataset for a statistics purpose (``DatasetSpec``): one row per person, the
/// quasi-identifiers generalised, and every row whose combination of quasi-identifiers fewer
/// than k rows share suppressed. Rows are sorted, so their order says nothing about who came
/// first.
public struct Dataset: Sendable, Hashable {
    public var purpose: String
    /// `category.field`, quasi-identifiers first.
    public var columns: [String]
    public var rows: [[String]]
    /// The k the policy asks.
    public var k: Int
    /// The smallest number of rows that share a combination of quasi-identifiers in this
    /// dataset: at least `k`, or 0 when nothing could be released.
    public var reachedK: Int
    /// The people whose data the purpose may use and who have some of the dataset's data.
    public var considered: Int
    /// The rows left out because too few shared their quasi-identifiers.
    public var suppressed: Int

    /// Makes `rows` (values in the order of the spec's columns, quasi-identifiers already
    /// generalised) k-anonymous by suppression.
    public init(purpose: String, spec: DatasetSpec, rows: [[String]]) {
        let width = spec.quasiIdentifiers.count
        var classes: [ArraySlice<String>: Int] = [:]
        for row in rows { classes[row.prefix(width), default: 0] += 1 }
        let released = rows.filter { classes[$0.prefix(width)]! >= spec.k }
        self.purpose = purpose
        columns = spec.columns.map(\.description)
        self.rows = released.sorted { $0.lexicographicallyPrecedes($1) }
        k = spec.k
        reachedK = classes.values.filter { $0 >= spec.k }.min() ?? 0
        considered = rows.count
        suppressed = rows.count - released.count
    }

    /// RFC 4180, with a header row of the column names.
    public var csv: String {
        ([columns] + rows).map { CSV.line($0, guardingFormulas: false) }.joined()
    }
}
