import Foundation
import KluisCore
import Testing

/// `kluis --version` names the release and the commit, from the real executable.
@Suite struct VersionTests {
    @Test func versionNamesTheReleaseAndTheCommit() async throws {
        let executable = try #require(ServeProcessTests.kluisExecutable(), "run 'swift build' first")
        let run = try await Child.run(executable, ["--version"])
        #expect(run.status == 0, "\(run.errorOutput)")
        let line = run.output.trimmingCharacters(in: .whitespacesAndNewlines)
        let match = try #require(line.wholeMatch(of: /kluis (\d+\.\d+\.\d+) \(commit ([0-9a-f]{7,40}|source)\)/), "\(line)")
        #expect(match.output.1 == KluisBuild.version)
        #expect(match.output.2 == KluisBuild.commit)
    }
}
