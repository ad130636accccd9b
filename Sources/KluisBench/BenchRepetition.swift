/// One measurement over several runs of `kluis bench --runs`: how far the runs spread, and in how
/// many the target was met. A single run on a shared machine moves by about a sixth, so a
/// target near its bound is judged on every run rather than on one.
public struct BenchRepetition: Sendable, Equatable {
    public var runs: Int
    /// The lowest and highest ratio to the baseline over the runs, or of the figure itself for a
    /// measurement without a baseline.
    public var low: Double
    public var high: Double
    /// The runs that met the measurement's target; `nil` when no run measured it.
    public var runsMeetingTarget: Int?

    /// Each measurement of `runs` (every run's results, in the same order) as one: the figures of
    /// the run in the middle, ordered by ratio (the lower middle for an even count), with the
    /// spread of all of them.
    static func merged(_ runs: [[BenchResult]]) -> [BenchResult] {
        guard let first = runs.first, runs.count > 1 else { return runs.first ?? [] }
        return first.indices.map { index in
            let column = runs.map { $0[index] }.sorted { $0.figure < $1.figure }
            var middle = column[(column.count - 1) / 2]
            let verdicts = column.compactMap { $0.target?.isMet(by: $0) }
            middle.repetition = BenchRepetition(runs: column.count, low: column[0].figure, high: column[column.count - 1].figure,
                                                runsMeetingTarget: verdicts.isEmpty ? nil : verdicts.filter { $0 }.count)
            return middle
        }
    }
}

extension BenchResult {
    /// What the runs are ordered and spread by: the ratio where there is a baseline.
    var figure: Double { ratio ?? kluis }

    /// Whether the measurement met its target: in every run, when it was repeated. `nil` when
    /// no run measured it.
    public var targetMet: Bool? {
        guard let repetition else { return target?.isMet(by: self) }
        return repetition.runsMeetingTarget.map { $0 == repetition.runs }
    }
}
