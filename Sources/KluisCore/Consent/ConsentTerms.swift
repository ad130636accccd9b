import Crypto
import Foundation

/// What a person consents to, in fingerprints: per purpose a hash of its data and text, per
/// language a hash of the consent text shown and of the published statement. Computed once from
/// the policy; a consent records them, so a later policy that changes a purpose is noticed.
public struct ConsentTerms: Sendable {
    /// By purpose id: SHA-256 (hex) of the purpose's texts, categories with their fields,
    /// recipients and whether it is direct marketing.
    public let purposeHashes: [String: String]
    /// By purpose id and language: the consent text Kluis shows for the purpose.
    public let consentTexts: [String: [Language: String]]
    /// By language: SHA-256 (hex) of the statement Kluis publishes for this policy version.
    public let statementHashes: [Language: String]

    public init(policy: Policy) {
        var purposeHashes: [String: String] = [:]
        var consentTexts: [String: [Language: String]] = [:]
        for purpose in policy.purposes {
            purposeHashes[purpose.id] = SHA256.hash(data: Data(Self.canonical(purpose, in: policy).utf8)).hexString
            var texts: [Language: String] = [:]
            for language in policy.info.languages {
                texts[language] = Self.consentText(purpose, in: policy, language: language)
            }
            consentTexts[purpose.id] = texts
        }
        var statementHashes: [Language: String] = [:]
        for language in policy.info.languages {
            let statement = MarkdownWriter.render(StatementBuilder(policy: policy, language: language).build())
            statementHashes[language] = SHA256.hash(data: Data(statement.utf8)).hexString
        }
        self.purposeHashes = purposeHashes
        self.consentTexts = consentTexts
        self.statementHashes = statementHashes
    }

    /// The hash of the consent text for `purpose` in `language`.
    public func textHash(of purpose: String, in language: Language) -> String {
        SHA256.hash(data: Data((consentTexts[purpose]?[language] ?? "").utf8)).hexString
    }

    /// What a consent covers, one line per part, in a fixed order: texts in every language,
    /// categories sorted with their fields, recipients sorted. Retention is left out on
    /// purpose: a shorter period does not ask for new consent.
    static func canonical(_ purpose: Purpose, in policy: Policy) -> String {
        var lines = ["purpose \(purpose.id)", "basis \(purpose.legalBasis.kind.rawValue)",
                     "direct_marketing \(purpose.directMarketing)"]
        for (language, text) in purpose.name.translations.sorted(by: { $0.key < $1.key }) {
            lines.append("name \(language.rawValue) \(text)")
        }
        for (language, text) in (purpose.description?.translations ?? [:]).sorted(by: { $0.key < $1.key }) {
            lines.append("description \(language.rawValue) \(text)")
        }
        for id in purpose.categories.sorted() {
            let category = policy.category(id)
            lines.append("category \(id) \(category?.taxonomy ?? "") \((category?.fields ?? []).sorted().joined(separator: ","))")
        }
        for recipient in policy.recipients(serving: purpose.id).map(\.id).sorted() {
            lines.append("recipient \(recipient)")
        }
        return lines.joined(separator: "\n")
    }

    /// "Nieuwsbrief: …description…" — what a form asking for this consent shows at least.
    static func consentText(_ purpose: Purpose, in policy: Policy, language: Language) -> String {
        let name = purpose.name.text(in: language)
        guard let description = purpose.description?.text(in: language) else { return name }
        return "\(name): \(description)"
    }
}
