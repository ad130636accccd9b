/// Loads compared with each other run in slices taken in turns. On a shared machine the speed
/// moves within seconds (seen here: `/healthz` at twice its rate of the round of loads before;
/// docs/benchmarks.md, "The loads in turns"); loads run one after the other for their
/// whole time each met different parts of the run, and their ratio carried the difference. In
/// slices of two seconds, taken in turns, every load meets the same stretches of the run.
extension WrkLoad {
    /// The lengths of the slices `seconds` is cut into: two seconds each, the odd second added to
    /// the first; a measurement under four seconds is one slice.
    static func slices(of seconds: Int) -> [Int] {
        let count = max(1, seconds / 2)
        return (0..<count).map { seconds / count + ($0 < seconds % count ? 1 : 0) }
    }

    /// Runs `loads` against `base` in turns, a slice of each at a time, for the measurement time
    /// of each in all, and returns each load's slices put together, in the order of `loads`.
    func interleaved(_ loads: [Load], base: String) async throws -> [Outcome] {
        var outcomes = Array(repeating: [Outcome](), count: loads.count)
        for seconds in Self.slices(of: seconds) {
            var slice = self
            slice.seconds = seconds
            for (index, load) in loads.enumerated() {
                // The answers still in flight when a slice ends are not the next one's to wait for.
                if !outcomes.allSatisfy(\.isEmpty) { try await Task.sleep(for: .milliseconds(100)) }
                outcomes[index].append(try await slice.run(base: base, load, first: outcomes[index].map(\.requests).reduce(0, +)))
            }
        }
        return outcomes.map(Outcome.combined)
    }
}

extension WrkLoad.Outcome {
    /// Slices of one load as one outcome: their requests and failures added up, the rate over
    /// their time together, and the latencies of all their requests, each slice's distribution
    /// weighted by its requests. Without the script's quantiles (a wrk that did not run it), the
    /// slowest slice's p50 and p99 stand for all.
    static func combined(_ slices: [WrkLoad.Outcome]) -> WrkLoad.Outcome {
        guard slices.count > 1 else { return slices.first ?? WrkLoad.Outcome(requests: 0, requestsPerSecond: 0, p50Milliseconds: 0, p99Milliseconds: 0,
                                                                            answersNotSuccessful: 0, socketErrors: 0, seconds: 0) }
        let requests = slices.map(\.requests).reduce(0, +)
        let seconds = slices.map(\.seconds).reduce(0, +)
        var combined = WrkLoad.Outcome(requests: requests, requestsPerSecond: seconds > 0 ? Double(requests) / seconds : 0,
                                       p50Milliseconds: slices.map(\.p50Milliseconds).max() ?? 0,
                                       p99Milliseconds: slices.map(\.p99Milliseconds).max() ?? 0,
                                       answersNotSuccessful: slices.map(\.answersNotSuccessful).reduce(0, +),
                                       socketErrors: slices.map(\.socketErrors).reduce(0, +), seconds: seconds)
        guard slices.allSatisfy({ !$0.quantiles.isEmpty }) else { return combined }
        // Each quantile's latency stands for the requests between the quantile before it and
        // itself; the last also for the few above it.
        var weighted: [(milliseconds: Double, requests: Double)] = []
        for slice in slices {
            var previous = 0.0
            for (index, quantile) in slice.quantiles.enumerated() {
                let upper = index == slice.quantiles.count - 1 ? 100 : quantile.percent
                weighted.append((quantile.milliseconds, Double(slice.requests) * (upper - previous) / 100))
                previous = upper
            }
        }
        weighted.sort { $0.milliseconds < $1.milliseconds }
        func percentile(_ percent: Double) -> Double {
            let rank = Double(requests) * percent / 100
            var below = 0.0
            for point in weighted {
                below += point.requests
                if below >= rank { return point.milliseconds }
            }
            return weighted.last?.milliseconds ?? 0
        }
        combined.p50Milliseconds = percentile(50)
        combined.p99Milliseconds = percentile(99)
        return combined
    }
}
