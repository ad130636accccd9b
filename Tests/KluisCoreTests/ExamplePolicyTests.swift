import Foundation
import KluisCore
import KluisTesting
import Testing

/// The example policies encode the five seed statements; each must be valid, and what Kluis
/// publishes from them must say everything they promise.
@Suite struct ExamplePolicyTests {
    static let examples = (try? Fixtures.examplePolicies()) ?? []

    @Test func thereIsOnePolicyPerSeed() {
        #expect(Self.examples.map(\.lastPathComponent) == [
            "coaching.yaml", "freelance-platform.yaml", "it-service.yaml", "jobs-marketplace.yaml",
            "matching-platform.yaml",
        ])
    }

    @Test(arguments: examples)
    func isValidWithoutErrors(file: URL) throws {
        let document = PolicyDocument(text: try String(contentsOf: file, encoding: .utf8), file: file.lastPathComponent)
        #expect(document.isValid, "\(document.errors.map(\.description))")
    }

    @Test(arguments: examples, Language.allCases)
    func statementMentionsEveryPurposeBasisRetentionAndRecipient(file: URL, language: Language) throws {
        let policy = try Fixtures.validPolicy(file)
        let document = StatementBuilder(policy: policy, language: language).build()
        let say = Phrases(language)
        // The words are checked in the Markdown a reader gets, not only in the model; the HTML
        // page in KluisPagesTests.
        let markdown = MarkdownWriter.render(document)
        let text = document.plainText
        for purpose in policy.purposes {
            let name = purpose.name.text(in: language)
            #expect(text.contains(name), "purpose '\(purpose.id)' missing")
            #expect(markdown.contains(MarkdownWriter.escape(name)))
            #expect(text.contains(say.legalBasis(purpose.legalBasis)), "basis of '\(purpose.id)' missing")
            if case .legalObligation(let law) = purpose.legalBasis { #expect(text.contains(law)) }
            if case .legitimateInterest(let interest) = purpose.legalBasis {
                #expect(text.contains(interest.text(in: language)))
            }
            for category in purpose.categories {
                #expect(text.contains(say.retention(purpose.retention(for: category))),
                        "retention of '\(category)' for '\(purpose.id)' missing")
            }
        }
        for recipient in policy.recipients {
            #expect(text.contains(recipient.name.text(in: language)), "recipient '\(recipient.id)' missing")
        }
        #expect(text.contains(policy.controller.name))
        #expect(text.contains(policy.controller.supervisoryAuthority.name))
        #expect(text.contains(say.duration(policy.rights.answerWithin)))
    }

    @Test(arguments: examples)
    func registerHasOneRowPerPurposeThatMatchesIt(file: URL) throws {
        let policy = try Fixtures.validPolicy(file)
        let register = ProcessingRegister(policy: policy, language: .nl)
        let say = Phrases(.nl)
        #expect(register.entries.map(\.purposeID) == policy.purposes.map(\.id))
        for (entry, purpose) in zip(register.entries, policy.purposes) {
            #expect(entry.purpose == purpose.name.text(in: .nl))
            #expect(entry.legalBasis == say.legalBasisInFull(purpose.legalBasis))
            #expect(entry.dataCategories.count == purpose.categories.count)
            #expect(entry.subjectCategories.count == purpose.subjects.count)
            #expect(entry.retention.count == purpose.categories.count)
            #expect(entry.recipients.count == policy.recipients(serving: purpose.id).count)
            #expect(entry.controller == policy.controller.name)
            #expect(entry.securityMeasures.count == policy.security.measures.count)
        }
        let csvLines = RegisterWriter.csv(register).split(separator: "\r\n")
        #expect(csvLines.first.map(String.init) == RegisterEntry.columns.joined(separator: ","))
        let json = try RegisterWriter.json(register)
        let decoded = try JSONDecoder().decode(ProcessingRegister.self, from: Data(json.utf8))
        #expect(decoded == register)
    }
}
