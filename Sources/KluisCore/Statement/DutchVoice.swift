import Foundation

/// Kluis's own Dutch sentences are written with "u"; for a policy whose voice is informal they
/// are said with "je" (``PolicyInfo/Voice``). The change is mechanical and complete for the
/// sentences Kluis has: a verb before "u" loses its -t ("kunt u" becomes "kun je"), "u heeft"
/// becomes "je hebt", "u" after a preposition becomes "jou", every other "u" and "uw" becomes
/// "je". A test holds every fixed sentence of the statement to it.
enum DutchVoice {
    /// `text` with "je" for "u".
    static func informal(_ text: String) -> String {
        var result = text
        for (pattern, replacement) in rules {
            result = result.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        return result
    }

    /// The verbs Kluis puts before "u", with the form they take before "je".
    static let inverted = [
        "heeft": "heb", "hebt": "heb", "kunt": "kun", "bent": "ben", "wilt": "wil", "denkt": "denk", "ontdekt": "ontdek",
        "loopt": "loop", "stuurt": "stuur", "krijgt": "krijg", "leest": "lees", "ziet": "zie", "vindt": "vind", "gaat": "ga",
        "doet": "doe", "geeft": "geef", "trekt": "trek", "maakt": "maak", "ontvangt": "ontvang", "wordt": "word",
    ]

    static let rules: [(String, String)] = {
        var rules: [(String, String)] = []
        for (formal, informal) in inverted {
            rules.append(("\\b\(formal) u\\b", "\(informal) je"))
            rules.append(("\\b\(formal.prefix(1).uppercased() + formal.dropFirst()) u\\b", "\(informal.prefix(1).uppercased() + informal.dropFirst()) je"))
        }
        rules += [
            ("\\bu heeft\\b", "je hebt"), ("\\bU heeft\\b", "Je hebt"),
            ("\\b(aan|voor|van|met|bij|over|naar|tegen|dan|door|zonder|op) u\\b", "$1 jou"),
            ("\\bUw\\b", "Je"), ("\\buw\\b", "je"), ("\\bU\\b", "Je"), ("\\bu\\b", "je"),
        ]
        return rules
    }()
}
