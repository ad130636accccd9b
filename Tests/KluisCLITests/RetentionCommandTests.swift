import Foundation
import KluisCore
import KluisTesting
import Testing

/// `kluis retention`: a seed-like data directory run forward in time with `--now`.
@Suite struct RetentionCommandTests {
    @Test func sweepsRunForwardInTimeLoseWhatThePolicySays() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let data = temporary.url.appendingPathComponent("data")
        let policy = temporary.path("policy.yaml")
        try Data(PolicyFixture.withRetention().yaml.utf8).write(to: URL(fileURLWithPath: policy))
        let initialised = await CommandRun.kluis("init", "--data", data.path, environment: [:])
        try #require(initialised.exitCode == 0, "\(initialised.errorOutput)")
        let root = try RootKey(text: try String(contentsOf: data.appendingPathComponent("root.key"), encoding: .utf8))
        let vault = try await VaultCommandTests.openVault(data, root: root, policy: policy)
        let subject = try await vault.createSubject(NewSubject(
            identifiers: [SubjectIdentifier(kind: .email, value: "dirk@voorbeeld.example")],
            records: [NewRecord(category: "reports", fields: ["text": "Melding over Dirk."]),
                      NewRecord(category: "applications", fields: ["vacancy": "vac_3", "postcode": "3511 AB", "birth_date": "1990-02-28"])]),
            by: VaultFixture.admin)
        let common = ["--data", data.path, "--policy", policy]
        let held = await CommandRun.kluis(["retention", "hold", subject.rawValue, "follow_up"] + common)
        #expect(held.exitCode == 0, "\(held.errorOutput)")

        // The report says why nothing of Dirk's has a date, and which purposes apply to him.
        let report = await CommandRun.kluis(["retention", "report"] + common)
        #expect(report.exitCode == 0, "\(report.errorOutput)")
        #expect(report.output.contains("applications\trecruitment\tawaiting_event account_closed\t1\n"))
        #expect(report.output.contains("reports\tmoderation\thold follow_up\t1\n"))
        #expect(report.output.contains("moderation\tcollected\t1\n") && report.output.contains("recruitment\tcollected\t1\n"))
        let reportJSON = await CommandRun.kluis(["retention", "report", "--json"] + common)
        let undated = try #require((try JSONSerialization.jsonObject(with: Data(reportJSON.output.utf8)) as? [String: Any])?["undated"] as? [[String: Any]])
        #expect(undated.map { $0["reason"] as? String } == ["awaiting_event", "hold"])
        #expect(!report.output.contains("Dirk") && !reportJSON.output.contains(subject.rawValue))

        let bad = await CommandRun.kluis(["retention", "sweep", "--now", "next tuesday"] + common)
        #expect(bad.exitCode != 0)
        #expect(bad.errorOutput.contains("--now"))
        let unknownHold = await CommandRun.kluis(["retention", "hold", subject.rawValue, "dispute"] + common)
        #expect(unknownHold.exitCode != 0)
        #expect(unknownHold.errorOutput.contains("follow_up"), "the error names the holds there are")

        let later = Calendar(identifier: .gregorian).date(byAdding: .month, value: 3, to: Date())!
        let day = later.formatted(Date.ISO8601FormatStyle().year().month().day())
        let whileHeld = await CommandRun.kluis(["retention", "sweep", "--dry-run", "--now", day] + common)
        #expect(whileHeld.exitCode == 0, "\(whileHeld.errorOutput)")
        #expect(whileHeld.output.contains("nothing is past its retention"))

        let released = await CommandRun.kluis(["retention", "hold", subject.rawValue, "follow_up", "--release"] + common)
        #expect(released.exitCode == 0, "\(released.errorOutput)")
        let preview = await CommandRun.kluis(["retention", "sweep", "--dry-run", "--now", day] + common)
        #expect(preview.output.contains("moderation\treports\tdelete\t1"))
        #expect(preview.output.contains("1 records would go"))

        let swept = await CommandRun.kluis(["retention", "sweep", "--now", day, "--json"] + common)
        #expect(swept.exitCode == 0, "\(swept.errorOutput)")
        let sweepReport = try #require(try JSONSerialization.jsonObject(with: Data(swept.output.utf8)) as? [String: Any])
        #expect(sweepReport["dry_run"] as? Bool == false)
        #expect((sweepReport["removed"] as? [String: Any])?["subjects_removed"] as? Int == 0, "the application stays: the account is open")
        #expect(!swept.output.contains("Dirk") && !swept.output.contains("dirk@"))

        let anonymous = await CommandRun.kluis(["retention", "anonymous"] + common)
        #expect(anonymous.exitCode == 0)
        #expect(anonymous.output.isEmpty, "nothing was anonymised yet")
    }
}
