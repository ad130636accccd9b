import Foundation

/// How an identifying value is made coarse when its record is anonymised: what the policy keeps
/// of it once it may no longer be linked to a person.
public enum Generalisation: String, Sendable, Hashable, CaseIterable {
    /// Kept as it is: the field identifies no one (a vacancy id, a score).
    case keep
    /// A date reduced to its year: `1987-06-15` becomes `1987`.
    case year
    /// A date reduced to its year and month: `2024-03-09` becomes `2024-03`.
    case month
    /// A Dutch postcode reduced to its four digits: `1017 BS` becomes `1017`.
    case postcodeDigits = "postcode_digits"

    /// The generalised value; `nil` when `value` is not of the expected form, so that a value
    /// that cannot be made coarse is dropped rather than kept whole.
    public func apply(to value: String) -> String? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        switch self {
        case .keep:
            return value
        case .year:
            let year = trimmed.prefix(4)
            return year.count == 4 && year.allSatisfy(\.isASCIIDigit) && Self.isDate(trimmed) ? String(year) : nil
        case .month:
            let month = trimmed.prefix(7)
            return Self.isDate(trimmed) && month.count == 7 ? String(month) : nil
        case .postcodeDigits:
            let digits = trimmed.prefix(4)
            let letters = trimmed.dropFirst(4).filter { $0 != " " }
            guard digits.count == 4, digits.allSatisfy(\.isASCIIDigit), digits.first != "0",
                  letters.count == 2, letters.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
            return String(digits)
        }
    }

    /// Whether `text` starts with an ISO 8601 date (a date-time counts too).
    private static func isDate(_ text: String) -> Bool {
        CalendarDate(String(text.prefix(10))) != nil
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
