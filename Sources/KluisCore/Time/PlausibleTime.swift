import Foundation

/// The times Kluis accepts from outside: years 1000 to 9999. A time outside them is a typing
/// error (a year of five digits) or an attack, never a real event, and would be written back
/// without a four-digit year or push erase-by dates beyond any sweep.
public enum PlausibleTime {
    /// 1000-01-01T00:00:00Z up to, not including, 10000-01-01T00:00:00Z, in the calendar that
    /// reads and writes ISO 8601 times (Foundation's: Julian before 1582), so that every time in
    /// range is written back with the year it was given.
    public static let range: Range<Date> = {
        // Both texts are valid ISO 8601 times, so neither parse can fail.
        let first = try! Date("1000-01-01T00:00:00Z", strategy: .iso8601)
        let last = try! Date("9999-12-31T23:59:59Z", strategy: .iso8601)
        return first..<last.addingTimeInterval(1)
    }()

    /// `time`, or a refusal naming `field` when it is not plausible.
    public static func checked(_ time: Date, field: String) throws(VaultError) -> Date {
        guard range.contains(time) else {
            throw VaultError(.inputInvalid, "'\(field)' must be a time in the years 1000 to 9999")
        }
        return time
    }
}
