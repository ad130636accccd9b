import Foundation
import KluisCore
import KluisTesting
import Testing

/// `kluis export --purpose P --format csv`: matching-platform.yaml's research dataset (seed 002:
/// "de rest bundelen we (aggregeren)").
@Suite struct ExportCommandTests {
    @Test func writesTheDatasetAndSaysWhatItSuppressed() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let data = temporary.url.appendingPathComponent("data")
        let policy = KluisTesting.Fixtures.examplesDirectory.appendingPathComponent("matching-platform.yaml").path
        let initialised = await CommandRun.kluis("init", "--data", data.path, environment: [:])
        try #require(initialised.exitCode == 0, "\(initialised.errorOutput)")
        let root = try RootKey(text: try String(contentsOf: data.appendingPathComponent("root.key"), encoding: .utf8))
        let vault = try await VaultCommandTests.openVault(data, root: root, policy: policy)
        // Six members answered the 2026 survey in March, two the pilot in April.
        for (index, survey) in (Array(repeating: "2026", count: 6) + ["pilot", "pilot"]).enumerated() {
            let subject = try await vault.createSubject(NewSubject(identifiers: [], records: [
                NewRecord(category: "email", fields: ["email": "lid\(index)@voorbeeld.example"], purpose: "matching"),
                NewRecord(category: "survey_answers", fields: ["survey": survey, "answered_at": survey == "pilot" ? "2026-04-02" : "2026-03-1\(index)",
                                                               "answers": "tevreden"], purpose: "research"),
            ]), by: VaultFixture.admin)
            try await vault.recordEvent("contract_start", at: nil, for: subject, by: VaultFixture.admin)
        }
        let output = temporary.path("research.csv")
        let common = ["--data", data.path, "--policy", policy]
        let export = await CommandRun.kluis(["export", "--purpose", "research", "--format", "csv", "--output", output] + common)
        #expect(export.exitCode == 0, "\(export.errorOutput)")
        #expect(export.errorOutput.contains("6 rows of 8 people; 2 suppressed; k reached 6 (the policy asks 5)"))
        let csv = try String(contentsOfFile: output, encoding: .utf8)
        #expect(csv == "survey_answers.survey,survey_answers.answered_at,survey_answers.answers\r\n"
                + String(repeating: "2026,2026-03,tevreden\r\n", count: 6))

        let unknown = await CommandRun.kluis(["export", "--purpose", "matching", "--format", "csv"] + common)
        #expect(unknown.exitCode != 0)
        #expect(unknown.errorOutput.contains("no dataset"))
        let format = await CommandRun.kluis(["export", "--purpose", "research", "--format", "xlsx"] + common)
        #expect(format.exitCode != 0 && format.errorOutput.contains("csv"))
    }
}
