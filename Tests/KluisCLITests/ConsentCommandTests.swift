import Foundation
import KluisCore
import KluisTesting
import Testing

/// `kluis consents`: decisions taken at the desk, recorded with a receipt the person keeps, and
/// the checks behind them, on a data directory with the consent policy.
@Suite struct ConsentCommandTests {
    @Test func aPaperConsentIsRecordedWithAReceiptThatVerifiesAndAWithdrawalShows() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let data = temporary.url.appendingPathComponent("data")
        let policy = temporary.path("policy.yaml")
        try Data(PolicyFixture.withConsent().yaml.utf8).write(to: URL(fileURLWithPath: policy))
        let initialised = await CommandRun.kluis("init", "--data", data.path, environment: [:])
        try #require(initialised.exitCode == 0, "\(initialised.errorOutput)")
        let root = try RootKey(text: try String(contentsOf: data.appendingPathComponent("root.key"), encoding: .utf8))
        let subject = try await VaultCommandTests.openVault(data, root: root, policy: policy).createSubject(
            NewSubject(identifiers: [SubjectIdentifier(kind: .email, value: "els@voorbeeld.example")],
                       records: [NewRecord(category: "contact", fields: ["email": "els@voorbeeld.example"], purpose: "service")]),
            by: VaultFixture.admin)
        let common = ["--data", data.path, "--policy", policy]

        let bad = await CommandRun.kluis(["consents", "record", subject.rawValue, "--decision", "newsletter=perhaps"] + common)
        #expect(bad.exitCode != 0)
        #expect(bad.errorOutput.contains("PURPOSE=given"))
        let noGuardian = await CommandRun.kluis(["consents", "record", subject.rawValue, "--decision", "newsletter=given",
                                                 "--birth-date", "2012-03-04"] + common)
        #expect(noGuardian.exitCode != 0)
        #expect(noGuardian.errorOutput.contains("parent or guardian"))

        let receipt = temporary.path("receipt.jws")
        let recorded = await CommandRun.kluis(["consents", "record", subject.rawValue, "--decision", "newsletter=given",
                                               "--decision", "fraud_checks=objected", "--method", "paper",
                                               "--birth-date", "2012-03-04", "--guardian-name", "J. Ouder",
                                               "--guardian-verification", "signed_form", "--receipt", receipt] + common)
        #expect(recorded.exitCode == 0, "\(recorded.errorOutput)")
        #expect(recorded.output.contains("recorded: newsletter given"))
        #expect(recorded.output.contains("recorded: fraud_checks objected"))

        let verified = await CommandRun.kluis(["consents", "verify", receipt] + common)
        #expect(verified.exitCode == 0, "\(verified.errorOutput)")
        #expect(verified.output.contains("verifies"))
        #expect(verified.output.contains("newsletter\tnow given"))

        _ = await CommandRun.kluis(["consents", "record", subject.rawValue, "--decision", "newsletter=withdrawn"] + common)
        let shown = await CommandRun.kluis(["consents", "show", subject.rawValue] + common)
        #expect(shown.exitCode == 0)
        #expect(shown.output.contains("newsletter\tconsent\twithdrawn\tno\tno"))
        #expect(shown.output.contains("fraud_checks\tlegitimate_interest\t-\tyes\tno"))
        #expect(shown.output.contains("by parent (signed_form)"))
        #expect(!shown.output.contains("J. Ouder"))
        let after = await CommandRun.kluis(["consents", "verify", receipt] + common)
        #expect(after.output.contains("newsletter\tnow withdrawn"))

        try Data("eyJhbGciOiJFUzI1NiJ9.e30.AAAA\n".utf8).write(to: URL(fileURLWithPath: temporary.path("forged.jws")))
        let forged = await CommandRun.kluis(["consents", "verify", temporary.path("forged.jws")] + common)
        #expect(forged.exitCode == 1)

        // A changed newsletter makes the consent of someone who gave it stale.
        let other = try await VaultCommandTests.openVault(data, root: root, policy: policy).createSubject(
            NewSubject(identifiers: [], records: []), by: VaultFixture.admin)
        _ = await CommandRun.kluis(["consents", "record", other.rawValue, "--decision", "newsletter=given", "--birth-date", "1980-01-01"] + common)
        let changed = temporary.path("policy-2.yaml")
        try Data(PolicyFixture.withConsent(version: "2.0", newsletterText: "Weekly offers from partners.").yaml.utf8)
            .write(to: URL(fileURLWithPath: changed))
        let stale = await CommandRun.kluis("consents", "stale", "--data", data.path, "--policy", changed)
        #expect(stale.exitCode == 0, "\(stale.errorOutput)")
        #expect(stale.output == "newsletter\t\(other)\n")
    }
}
