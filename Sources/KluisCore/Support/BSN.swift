/// The Dutch citizen service number (burgerservicenummer): nine digits that pass the
/// eleven-test. Kluis never stores one (UAVG art. 46), so free text is checked for it.
public enum BSN {
    /// Whether `digits` (8 or 9 of them; 8 are read with a leading zero) pass the eleven-test:
    /// 9·d1 + 8·d2 + … + 2·d8 − d9 ≡ 0 (mod 11), and are not all zeros.
    public static func isValid(_ digits: String) -> Bool {
        let values = digits.compactMap(\.wholeNumberValue)
        guard values.count == digits.count, values.count == 8 || values.count == 9 else { return false }
        let padded = values.count == 8 ? [0] + values : values
        guard padded.contains(where: { $0 != 0 }) else { return false }
        var sum = 0
        for (index, digit) in padded.enumerated() {
            sum += index == 8 ? -digit : (9 - index) * digit
        }
        return sum % 11 == 0
    }

    /// Whether `text` holds something that is a valid BSN: nine digits standing on their own,
    /// also written in groups joined by single dots, spaces or dashes (123.456.782). Eight-digit
    /// runs are not checked: Chamber of Commerce numbers have eight digits and would be refused.
    public static func occurs(in text: String) -> Bool {
        // Runs of digits, each with whether a single separator joins it to the next.
        var groups: [(digits: String, joinsNext: Bool)] = []
        var current = ""
        var pendingSeparator = false
        for character in text {
            if character.isASCII, character.isNumber {
                if current.isEmpty, pendingSeparator, !groups.isEmpty { groups[groups.count - 1].joinsNext = true }
                current.append(character)
                pendingSeparator = false
            } else {
                if !current.isEmpty { groups.append((current, false)); current = "" }
                pendingSeparator = !pendingSeparator && [".", " ", "-"].contains(character) && !groups.isEmpty
            }
        }
        if !current.isEmpty { groups.append((current, false)) }
        for start in groups.indices {
            var digits = ""
            var index = start
            while index < groups.count {
                digits += groups[index].digits
                if digits.count == 9, isValid(digits) { return true }
                guard digits.count < 9, groups[index].joinsNext else { break }
                index += 1
            }
        }
        return false
    }
}
