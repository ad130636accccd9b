import KluisCore
@testable import KluisWeb
import Testing

/// The privacy center's words: every text in every language and voice, and every Dutch text in
/// the voice it is asked for.
@Suite struct CenterTextsTests {
    @Test func everyLanguageAndVoiceHasEveryText() {
        let english = Set(CenterTexts.english.keys)
        for informal in [false, true] {
            let dutch = CenterTexts.dutch(informal: informal)
            #expect(Set(dutch.keys) == english, "missing in Dutch: \(english.subtracting(dutch.keys)); only in Dutch: \(Set(dutch.keys).subtracting(english))")
            #expect(dutch.values.allSatisfy { !$0.isEmpty })
        }
        // Every menu entry has its label.
        for entry in CenterMenu.allCases { #expect(CenterTexts.english[entry.textKey] != nil, "\(entry)") }
    }

    @Test func dutchSaysJeOrUAsAsked() {
        let formal = CenterTexts.dutch(informal: false).values.joined(separator: "\n")
        let informal = CenterTexts.dutch(informal: true).values.joined(separator: "\n")
        #expect(formal.matches(of: /\b(je|jij|jou|Je)\b/).isEmpty, "a formal text says 'je'")
        #expect(informal.matches(of: /\b(u|uw|U|Uw)\b/).isEmpty, "an informal text says 'u'")
    }
}
