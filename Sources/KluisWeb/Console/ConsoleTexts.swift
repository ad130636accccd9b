import KluisCore

/// The console's own words, per language. Templates read them as `t.key`. One table per
/// language (`ConsoleTexts+English`, `ConsoleTexts+Dutch`); a test holds them to the same keys.
/// Staff are addressed informally in Dutch, as colleagues are.
enum ConsoleTexts {
    static func texts(_ language: Language) -> [String: String] {
        switch language {
        case .en: english
        case .nl: dutch
        }
    }
}
