import KluisCore
import Testing

@Suite struct PhrasesTests {
    @Test func retentionReadsAsASentence() throws {
        let twoYears = RetentionRule.Terms(anchor: .contractEnd, duration: try #require(ISODuration("P2Y")), then: .delete)
        #expect(Phrases(.nl).retention(twoYears) == "2 jaar na het einde van de overeenkomst, daarna verwijderd")
        #expect(Phrases(.en).retention(twoYears) == "2 years after the end of the contract, then deleted")
        let whileConsented = RetentionRule.Terms(anchor: .consentWithdrawn, duration: ISODuration(), then: .anonymise)
        #expect(Phrases(.en).retention(whileConsented) == "until consent is withdrawn, then anonymised")
        #expect(Phrases(.nl).retention(whileConsented) == "tot het intrekken van de toestemming, daarna geanonimiseerd")
    }

    @Test func durationsAreWrittenOut() throws {
        #expect(Phrases(.en).duration(try #require(ISODuration("P1Y6M"))) == "1 year and 6 months")
        #expect(Phrases(.nl).duration(try #require(ISODuration("P4W"))) == "4 weken")
        #expect(Phrases(.nl).duration(try #require(ISODuration("PT72H"))) == "72 uur")
    }

    @Test func legalBasesNameTheirArticle() {
        #expect(Phrases(.nl).legalBasis(.contract) == "Uitvoering van een overeenkomst (art. 6(1)(b) AVG)")
        #expect(Phrases(.en).legalBasis(.legitimateInterest(interest: LocalizedText([:]))) == "Legitimate interest (Art. 6(1)(f) GDPR)")
        let obligation = LegalBasis.legalObligation(law: "AWR art. 52")
        #expect(Phrases(.en).legalBasisInFull(obligation) == "Legal obligation (Art. 6(1)(c) GDPR): AWR art. 52")
    }

    @Test func markdownEscapesMarkup() {
        #expect(MarkdownWriter.escape("a*b_c[d]") == "a\\*b\\_c\\[d\\]")
    }
}
