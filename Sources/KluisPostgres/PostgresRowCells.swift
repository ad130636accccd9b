import PostgresNIO

/// A row's cells decoded one after another, each as a concrete type. postgres-nio's `decode` of
/// a whole tuple runs through generic code over a parameter pack, looking up type metadata for
/// each column: for the eleven or twelve columns of a person's rows that took 5.4% of Kluis's
/// CPU under the read's load, cell by cell 3.2% (docs/benchmarks.md, "Rows decoded cell by cell").
struct PostgresRowCells {
    private var cells: PostgresRow.Iterator

    init(_ row: PostgresRow) {
        cells = row.makeIterator()
    }

    /// The next cell as `type`; a row with fewer cells than decoded is the statement's mistake.
    mutating func next<Value: PostgresDecodable>(_ type: Value.Type) throws -> Value {
        guard let cell = cells.next() else {
            preconditionFailure("the row has fewer columns than its statement decodes")
        }
        return try cell.decode(Value.self)
    }
}
