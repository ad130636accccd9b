import Foundation
import KluisCore
import Testing

@Suite struct RenderCommandTests {
    @Test func statementIsAStandaloneHTMLPage() async {
        let run = await CommandRun.kluis("statement", "examples/policies/matching-platform.yaml", "--lang", "en", "--format", "html")
        #expect(run.exitCode == 0, "\(run.errorOutput)")
        #expect(run.output.hasPrefix("<!DOCTYPE html>"))
        #expect(run.output.contains("<html lang=\"en\">"))
        #expect(run.output.contains("<nav"))
        #expect(run.output.contains("@media print"))
        #expect(run.output.contains("Autoriteit Persoonsgegevens"))
        #expect(!run.output.contains("<script"))
    }

    /// The coach's policy brands its pages: its accent colour and a link back to its site.
    @Test func statementPageCarriesThePolicysBranding() async {
        let run = await CommandRun.kluis("statement", "examples/policies/coaching.yaml", "--lang", "nl", "--format", "html")
        #expect(run.exitCode == 0, "\(run.errorOutput)")
        #expect(run.output.contains(":root { --accent: #1f5e4b; }"))
        #expect(run.output.contains("<a href=\"https://www.koersvastcoaching.example\">Terug naar koersvastcoaching.example</a>"))
        let plain = await CommandRun.kluis("statement", "examples/policies/matching-platform.yaml", "--lang", "en", "--format", "html")
        #expect(!plain.output.contains("class=\"brand\""))
    }

    @Test func statementInDutchMarkdown() async {
        let run = await CommandRun.kluis("statement", "examples/policies/it-service.yaml", "--lang", "nl", "--format", "md")
        #expect(run.exitCode == 0)
        #expect(run.output.hasPrefix("# Privacyverklaring van "))
        #expect(run.output.contains("## Uw rechten"))
        #expect(run.output.contains("## Klachten"))
    }

    @Test func statementWritesToAFile() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kluis-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let policy = Fixtures.repositoryRootURL.appendingPathComponent("examples/policies/coaching.yaml").path
        let run = await CommandRun.kluis("statement", policy, "--output", "privacy.html", in: directory)
        #expect(run.exitCode == 0)
        #expect(run.output.isEmpty)
        let written = try String(contentsOf: directory.appendingPathComponent("privacy.html"), encoding: .utf8)
        #expect(written.contains("<html lang=\"nl\">"))
    }

    @Test func anInvalidPolicyIsNotRendered() async {
        let run = await CommandRun.kluis("statement", "examples/policies/broken/basis-no_law.yaml")
        #expect(run.exitCode == 1)
        #expect(run.output.isEmpty)
        #expect(run.errorOutput.contains("is not a valid policy"))
        #expect(run.errorOutput.contains("[basis.no_law]"))
    }

    @Test func anUnknownFormatIsAUsageError() async {
        let run = await CommandRun.kluis("statement", "examples/policies/coaching.yaml", "--format", "pdf")
        #expect(run.exitCode == 64)
        #expect(run.errorOutput.contains("pdf"))
    }

    @Test func registerAsCSVHasOneRowPerPurpose() async throws {
        let file = "examples/policies/jobs-marketplace.yaml"
        let run = await CommandRun.kluis("register", file, "--format", "csv")
        #expect(run.exitCode == 0)
        let policy = try PolicyDocument(text: String(contentsOf: Fixtures.repositoryRootURL.appendingPathComponent(file), encoding: .utf8)).validPolicy()
        let rows = run.output.split(separator: "\r\n")
        #expect(rows.count == policy.purposes.count + 1)
        #expect(rows.first?.hasPrefix("purpose_id,purpose,description,controller") == true)
    }

    @Test func registerAsJSONDecodes() async throws {
        let run = await CommandRun.kluis("register", "examples/policies/coaching.yaml", "--format", "json", "--lang", "en")
        #expect(run.exitCode == 0)
        let register = try JSONDecoder().decode(ProcessingRegister.self, from: Data(run.output.utf8))
        #expect(register.language == .en)
        #expect(!register.entries.isEmpty)
        #expect(register.entries.allSatisfy { !$0.legalBasis.isEmpty && !$0.retention.isEmpty })
    }

    @Test func registerAsMarkdownHasAnOverview() async {
        let run = await CommandRun.kluis("register", "examples/policies/it-service.yaml", "--format", "md", "--lang", "en")
        #expect(run.exitCode == 0)
        #expect(run.output.contains("# Register of processing activities of"))
        #expect(run.output.contains("## Overview"))
        #expect(run.output.contains("Erasure time limits"))
    }
}
