import Foundation

/// A way to find a person: an e-mail address, phone number, customer number or external id.
///
/// Stored only sealed and as a blind index of its normalised form, so that "Jan@Example.nl " and
/// "jan@example.nl" find the same person and no plaintext identifier is ever stored.
public struct SubjectIdentifier: Sendable, Hashable {
    public let kind: Kind
    /// The value as given, trimmed.
    public let value: String
    /// The canonical form the blind index is computed over.
    public let normalized: String

    public init(kind: Kind, value: String) throws(VaultError) {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 320 else {
            throw VaultError(.identifierInvalid, "a \(kind.rawValue) identifier must be 1 to 320 characters")
        }
        self.kind = kind
        self.value = trimmed
        normalized = try Self.normalize(trimmed, as: kind)
    }

    /// The kinds of identifier.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case email
        case phone
        case customerNumber = "customer_number"
        case externalID = "external_id"
    }

    static func normalize(_ value: String, as kind: Kind) throws(VaultError) -> String {
        switch kind {
        case .email:
            let lower = value.lowercased()
            let parts = lower.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
                  !lower.contains(where: \.isWhitespace) else {
                throw VaultError(.identifierInvalid, "the email identifier is not an e-mail address")
            }
            return lower
        case .phone:
            return try normalizePhone(value)
        case .customerNumber, .externalID:
            return value
        }
    }

    /// E.164 for Dutch and international numbers: `06 1234 5678` and `+31 6 12345678` are the
    /// same phone.
    static func normalizePhone(_ value: String) throws(VaultError) -> String {
        let international = value.hasPrefix("+")
        let digits = value.filter { $0.isASCII && $0.isNumber }
        let separatorsOnly = value.allSatisfy { $0.isASCII && ($0.isNumber || " +-().".contains($0)) }
        guard separatorsOnly, (8...15).contains(digits.count) else {
            throw VaultError(.identifierInvalid, "the phone identifier is not a phone number")
        }
        if international { return "+" + digits }
        if digits.hasPrefix("00") { return "+" + digits.dropFirst(2) }
        if digits.hasPrefix("0") { return "+31" + digits.dropFirst() }
        return "+" + digits
    }
}
