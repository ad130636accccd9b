/// An ISO 8601 duration such as `P2Y`, `P4W`, `P1Y6M` or `PT72H`.
///
/// Calendar parts (years, months, days) stay separate from clock parts because "one month" is
/// not a fixed number of days: retention and legal deadlines add them with calendar arithmetic.
public struct ISODuration: Sendable, Hashable, Codable, CustomStringConvertible {
    public var years: Int
    public var months: Int
    public var weeks: Int
    public var days: Int
    public var hours: Int
    public var minutes: Int
    public var seconds: Int

    public init(years: Int = 0, months: Int = 0, weeks: Int = 0, days: Int = 0,
                hours: Int = 0, minutes: Int = 0, seconds: Int = 0) {
        self.years = years
        self.months = months
        self.weeks = weeks
        self.days = days
        self.hours = hours
        self.minutes = minutes
        self.seconds = seconds
    }

    /// The same duration backwards in time: for "older than" cutoffs.
    public var negated: ISODuration {
        ISODuration(years: -years, months: -months, weeks: -weeks, days: -days, hours: -hours, minutes: -minutes, seconds: -seconds)
    }

    /// Parses the ISO 8601 text form; `nil` when `text` is not a duration.
    public init?(_ text: String) {
        var rest = Substring(text.uppercased())
        guard rest.first == "P", rest.count > 1 else { return nil }
        rest = rest.dropFirst()
        var inTime = false
        var number = ""
        var parts = ISODuration()
        var sawPart = false
        // "P2YT" is not a duration: a T must be followed by at least one time part.
        var sawTimePart = true
        for character in rest {
            if character.isASCII, character.isNumber {
                number.append(character)
                continue
            }
            if character == "T" {
                guard !inTime, number.isEmpty else { return nil }
                inTime = true
                sawTimePart = false
                continue
            }
            guard let value = Int(number), value >= 0 else { return nil }
            number = ""
            sawPart = true
            sawTimePart = true
            switch (inTime, character) {
            case (false, "Y"): parts.years = value
            case (false, "M"): parts.months = value
            case (false, "W"): parts.weeks = value
            case (false, "D"): parts.days = value
            case (true, "H"): parts.hours = value
            case (true, "M"): parts.minutes = value
            case (true, "S"): parts.seconds = value
            default: return nil
            }
        }
        guard number.isEmpty, sawPart, sawTimePart else { return nil }
        self = parts
    }

    /// Whether the duration is zero: "until the anchor event, not a day longer".
    public var isZero: Bool { self == ISODuration() }

    /// The clock part in seconds (hours, minutes, seconds), for windows such as 72 hours.
    public var clockSeconds: Int { hours * 3600 + minutes * 60 + seconds }

    /// The whole duration in seconds when it has no calendar part of variable length.
    ///
    /// Years and months have no fixed length, so a duration with them has no exact seconds.
    public var exactSeconds: Int? {
        guard years == 0, months == 0 else { return nil }
        return (weeks * 7 + days) * 86_400 + clockSeconds
    }

    /// Whether this duration can end later than one calendar month after any start.
    ///
    /// The shortest month has 28 days, so anything over 28 days, or a month plus anything, can
    /// overrun it; exactly one month never does.
    public var canExceedOneMonth: Bool {
        if years > 0 || months > 1 { return true }
        let dayPart = weeks * 7 + days
        if months == 1 { return dayPart > 0 || clockSeconds > 0 }
        return dayPart * 86_400 + clockSeconds > 28 * 86_400
    }

    /// Whether this duration ends later than one calendar month after every start: more than
    /// 31 days, or a month plus anything.
    public var alwaysExceedsOneMonth: Bool {
        guard canExceedOneMonth else { return false }
        if years > 0 || months > 1 { return true }
        let rest = (weeks * 7 + days) * 86_400 + clockSeconds
        return months == 1 ? rest > 3 * 86_400 : rest > 31 * 86_400
    }

    public var description: String {
        var text = "P"
        if years > 0 { text += "\(years)Y" }
        if months > 0 { text += "\(months)M" }
        if weeks > 0 { text += "\(weeks)W" }
        if days > 0 { text += "\(days)D" }
        if hours > 0 || minutes > 0 || seconds > 0 {
            text += "T"
            if hours > 0 { text += "\(hours)H" }
            if minutes > 0 { text += "\(minutes)M" }
            if seconds > 0 { text += "\(seconds)S" }
        }
        return text == "P" ? "P0D" : text
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let parsed = ISODuration(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "not an ISO 8601 duration"))
        }
        self = parsed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
