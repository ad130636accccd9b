/// One measurement of `kluis bench`, beside its baseline from the same run.
public struct BenchResult: Encodable, Sendable {
    public var name: String
    public var unit: String
    public var kluis: Double
    public var baseline: Double?
    public var baselineName: String?
    /// Kluis as a fraction of the baseline, for throughput.
    public var ratio: Double? {
        guard let baseline, baseline > 0 else { return nil }
        return kluis / baseline
    }
    public var p50Milliseconds: Double?
    public var p99Milliseconds: Double?
    public var baselineP50Milliseconds: Double?
    public var baselineP99Milliseconds: Double?
    /// The performance target this measurement is held to (docs/benchmarks.md).
    public var target: BenchTarget?
    /// The spread over the runs when the bench repeated its measurements; `nil` for one run.
    public var repetition: BenchRepetition?

    enum CodingKeys: String, CodingKey {
        case name, unit, kluis, baseline, target, ratio
        case targetMet = "target_met"
        case runs
        case range
        case runsMeetingTarget = "runs_meeting_target"
        case baselineName = "baseline_name"
        case p50Milliseconds = "p50_ms"
        case p99Milliseconds = "p99_ms"
        case baselineP50Milliseconds = "baseline_p50_ms"
        case baselineP99Milliseconds = "baseline_p99_ms"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(unit, forKey: .unit)
        try container.encode(kluis, forKey: .kluis)
        try container.encodeIfPresent(baseline, forKey: .baseline)
        try container.encodeIfPresent(baselineName, forKey: .baselineName)
        try container.encodeIfPresent(ratio, forKey: .ratio)
        try container.encodeIfPresent(p50Milliseconds, forKey: .p50Milliseconds)
        try container.encodeIfPresent(p99Milliseconds, forKey: .p99Milliseconds)
        try container.encodeIfPresent(baselineP50Milliseconds, forKey: .baselineP50Milliseconds)
        try container.encodeIfPresent(baselineP99Milliseconds, forKey: .baselineP99Milliseconds)
        try container.encodeIfPresent(target?.description, forKey: .target)
        try container.encodeIfPresent(targetMet, forKey: .targetMet)
        if let repetition {
            try container.encode(repetition.runs, forKey: .runs)
            try container.encode([repetition.low, repetition.high], forKey: .range)
            try container.encodeIfPresent(repetition.runsMeetingTarget, forKey: .runsMeetingTarget)
        }
    }
}
