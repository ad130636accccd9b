import Foundation

/// One of Kluis's performance targets (listed in docs/benchmarks.md), which a measurement meets
/// or not. Every target is a ratio to a baseline of the same run, or a latency, so a run on any
/// machine can tell; but only a run at the size the target names (a million people, a person
/// with 10,000 records, 64 connections) is the measurement it names.
public struct BenchTarget: Sendable, Equatable {
    public enum Bound: Sendable, Equatable {
        /// At least `fraction` of the baseline's rate: the import against raw inserts, the sweep
        /// against a raw `DELETE`.
        case share(atLeast: Double, of: String)
        /// At most `factor` times the baseline's time: the erasure of many records against few.
        case growth(atMost: Double, of: String)
        /// A p50 under `milliseconds`: the access package.
        case p50(under: Double)
        /// At least `fraction` of the baseline's rate with a p99 under `milliseconds`, from wrk in
        /// a second process: under the in-process load the generator shares the server's
        /// process, so its figures are not the target's.
        case loadedShare(atLeast: Double, of: String, p99Under: Double, byWrk: Bool)
    }

    /// The size of measurement a target names, beside this run's.
    public struct Scale: Sendable, Equatable {
        /// What is counted, as the target says it: "people", "records", "connections".
        public var unit: String
        public var named: Int
        public var measured: Int
        /// The `kluis bench` option that sets it.
        public var option: String
    }

    public var bound: Bound
    public var scale: Scale?

    /// The target in words, as the table and the JSON show it.
    public var description: String {
        let words = switch bound {
        case .share(let fraction, let baseline): ">= \(Self.percent(fraction)) of \(baseline)"
        case .growth(let factor, let baseline): "<= \(Self.number(factor))x \(baseline)"
        case .p50(let milliseconds): "p50 < \(Self.number(milliseconds)) ms"
        case .loadedShare(let fraction, let baseline, let milliseconds, _):
            ">= \(Self.percent(fraction)) of \(baseline) under wrk, p99 < \(Self.number(milliseconds)) ms"
        }
        guard let scale else { return words }
        return "\(words), at \(Self.grouped(scale.named)) \(scale.unit)"
    }

    /// Why this run is not the measurement the target names, or `nil` when it is.
    public var notMeasuredBecause: String? {
        if case .loadedShare(_, _, _, false) = bound { return "the load was not wrk's (--load wrk)" }
        guard let scale, scale.measured < scale.named else { return nil }
        return "the run was at \(Self.grouped(scale.measured)) \(scale.unit) (\(scale.option) \(scale.named))"
    }

    /// Whether `result` meets it; `nil` when the run was not the measurement the target names.
    public func isMet(by result: BenchResult) -> Bool? {
        guard notMeasuredBecause == nil else { return nil }
        switch bound {
        case .share(let fraction, _):
            return result.ratio.map { $0 >= fraction }
        case .growth(let factor, _):
            return result.ratio.map { $0 <= factor }
        case .p50(let milliseconds):
            return result.p50Milliseconds.map { $0 < milliseconds }
        case .loadedShare(let fraction, _, let milliseconds, _):
            guard let ratio = result.ratio, let p99 = result.p99Milliseconds else { return nil }
            return ratio >= fraction && p99 < milliseconds
        }
    }

    // MARK: Kluis's targets, each at the size issue 21 measured it (the bench's defaults but for
    // the access package's million people).

    /// The import, sealed and audited, against raw inserts of the same rows.
    static func importShare(on store: BenchStore, people: Int) -> BenchTarget {
        let fraction = switch store {
        case .sqlite: 0.40
        case .postgres: 0.35
        }
        return BenchTarget(bound: .share(atLeast: fraction, of: "raw"),
                           scale: Scale(unit: "people", named: 20_000, measured: people, option: "--subjects"))
    }

    /// One person's access package among a million.
    static func accessPackage(people: Int) -> BenchTarget {
        BenchTarget(bound: .p50(under: 5), scale: Scale(unit: "people", named: 1_000_000, measured: people, option: "--subjects"))
    }

    /// An erasure that does not grow with the person's data.
    static func erasureGrowth(records: Int) -> BenchTarget {
        BenchTarget(bound: .growth(atMost: 2, of: "the erasure with 10 records"),
                    scale: Scale(unit: "records", named: 10_000, measured: records, option: "--erasure-records"))
    }

    /// The retention sweep against a raw `DELETE` of as many rows laid out alike.
    static func sweepShare(records: Int) -> BenchTarget {
        BenchTarget(bound: .share(atLeast: 0.5, of: "the raw DELETE"),
                    scale: Scale(unit: "records", named: 1_000_000, measured: records, option: "--sweep-records"))
    }

    /// The purpose-bound read over HTTP against `/healthz` under the same load.
    static func readShare(on store: BenchStore, connections: Int, byWrk: Bool) -> BenchTarget {
        let fraction = switch store {
        case .sqlite: 0.25
        case .postgres: 0.15
        }
        return BenchTarget(bound: .loadedShare(atLeast: fraction, of: "/healthz", p99Under: 10, byWrk: byWrk),
                           scale: Scale(unit: "connections", named: 64, measured: connections, option: "--connections"))
    }

    private static func percent(_ fraction: Double) -> String {
        "\(Int((fraction * 100).rounded()))%"
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value))" : "\(value)"
    }

    private static func grouped(_ count: Int) -> String {
        count.formatted(.number.locale(Locale(identifier: "en_US")))
    }
}
