/// Country facts the law turns on: membership of the EEA and adequacy decisions.
public enum Country {
    /// The EU member states and Iceland, Liechtenstein and Norway.
    public static let eea: Set<String> = [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
        "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
    ]

    /// Countries with an adequacy decision of the European Commission (art. 45), as of 2025.
    ///
    /// The United States is adequate only for organisations certified under the Data Privacy
    /// Framework, which policies state with `eu_us_dpf` instead.
    public static let adequate: Set<String> = [
        "AD", "AR", "CA", "CH", "FO", "GB", "GG", "IL", "IM", "JE", "JP", "KR", "NZ", "UY", "BR",
    ]

    /// Whether `code` is in the EEA.
    public static func isInEEA(_ code: String) -> Bool {
        eea.contains(code)
    }

    /// Whether `code` looks like an ISO 3166 alpha-2 code.
    public static func isWellFormed(_ code: String) -> Bool {
        code.count == 2 && code.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) }
    }
}
