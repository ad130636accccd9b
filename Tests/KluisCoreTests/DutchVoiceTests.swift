import Foundation
@testable import KluisCore
import KluisTesting
import Testing

/// Kluis's Dutch in the policy's voice: "je" for a policy that says so, "u" otherwise.
@Suite struct DutchVoiceTests {
    @Test(arguments: [
        ("U heeft de volgende rechten:", "Je hebt de volgende rechten:"),
        ("Bent u het niet eens met hoe wij met uw gegevens omgaan?", "Ben je het niet eens met hoe wij met je gegevens omgaan?"),
        ("toestemming kunt u altijd intrekken, even eenvoudig als u die gaf.", "toestemming kun je altijd intrekken, even eenvoudig als je die gaf."),
        ("welke gegevens wij van u hebben", "welke gegevens wij van jou hebben"),
        ("Loopt u een hoog risico, dan informeren wij u zelf.", "Loop je een hoog risico, dan informeren wij je zelf."),
        ("welke rechten u heeft.", "welke rechten je hebt."),
        ("Uw rechten", "Je rechten"),
    ])
    func formalSentencesSayJe(formal: String, informal: String) {
        #expect(DutchVoice.informal(formal) == informal)
    }

    /// Every fixed sentence of the statement of an example whose voice is informal says "je";
    /// the example's own texts do too.
    @Test(arguments: ["coaching.yaml", "jobs-marketplace.yaml", "matching-platform.yaml"])
    func theStatementOfAnInformalPolicySaysJe(file: String) throws {
        let policy = try Fixtures.validPolicy(Fixtures.examplesDirectory.appendingPathComponent(file))
        #expect(policy.info.voice == .informal)
        let text = MarkdownWriter.render(StatementBuilder(policy: policy, language: .nl).build())
        let formal = text.matches(of: /\b(u|uw|U|Uw)\b/).map { text[$0.range.lowerBound...].prefix(60) }
        #expect(formal.isEmpty, "\(file) still says 'u': \(formal.prefix(5))")
        #expect(text.contains("Je hebt de volgende rechten"))
    }

    @Test func aFormalPolicyKeepsU() throws {
        let policy = try Fixtures.validPolicy(Fixtures.examplesDirectory.appendingPathComponent("it-service.yaml"))
        let text = MarkdownWriter.render(StatementBuilder(policy: policy, language: .nl).build())
        #expect(text.contains("U heeft de volgende rechten") && !text.contains("Je hebt de volgende rechten"))
    }
}
