import KluisCore

/// Measured durations and their percentiles.
struct Latencies: Sendable {
    private(set) var samples: [Duration] = []

    mutating func add(_ duration: Duration) {
        samples.append(duration)
    }

    mutating func add(_ other: Latencies) {
        samples += other.samples
    }

    var count: Int { samples.count }

    /// The `fraction` percentile in milliseconds (nearest rank).
    func percentile(_ fraction: Double) -> Double {
        guard !samples.isEmpty else { return 0 }
        let sorted = samples.sorted()
        let rank = min(sorted.count - 1, max(0, Int((fraction * Double(sorted.count)).rounded(.up)) - 1))
        return sorted[rank].milliseconds
    }
}
