import KluisCore
import Testing

@Suite struct SpellingTests {
    @Test func measuresEditDistance() {
        #expect(Spelling.editDistance("kitten", "sitting") == 3)
        #expect(Spelling.editDistance("", "abc") == 3)
        #expect(Spelling.editDistance("same", "same") == 0)
    }

    @Test func suggestsTheNearestCandidate() {
        #expect(Spelling.nearest(to: "retension", among: ["retention", "recipients", "rights"]) == "retention")
        #expect(Spelling.nearest(to: "user.contact.emial", among: ["user.contact.email", "user.contact.phone_number"]) == "user.contact.email")
    }

    @Test func suggestsNothingForUnrelatedWords() {
        #expect(Spelling.nearest(to: "banana", among: ["retention", "purposes"]) == nil)
    }

    @Test func knowsTheFideslangTaxonomy() {
        let taxonomy = Taxonomy.fideslang
        #expect(taxonomy.contains("user.contact.email"))
        #expect(taxonomy.contains("user.financial.bank_account"))
        #expect(!taxonomy.contains("user.contact.emial"))
        #expect(taxonomy.suggestion(for: "user.contact.emial") == "user.contact.email")
    }
}
