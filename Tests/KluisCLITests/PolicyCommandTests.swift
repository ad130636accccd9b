import Foundation
import KluisCore
import Testing

@Suite struct PolicyCommandTests {
    @Test func validPoliciesExitZero() async {
        let run = await CommandRun.kluis("policy", "check", "examples/policies/coaching.yaml", "examples/policies/it-service.yaml")
        #expect(run.exitCode == 0)
        #expect(run.output.contains("examples/policies/coaching.yaml: valid"))
        #expect(run.output.contains("examples/policies/it-service.yaml: valid"))
    }

    @Test func anInvalidPolicyExitsOneWithFileLineAndPath() async {
        let run = await CommandRun.kluis("policy", "check", "examples/policies/coaching.yaml",
                                         "examples/policies/broken/taxonomy-unknown.yaml")
        #expect(run.exitCode == 1)
        #expect(run.output.contains("examples/policies/broken/taxonomy-unknown.yaml:32: error: categories[email].taxonomy:"))
        #expect(run.output.contains("did you mean 'user.contact.email'?"))
        #expect(run.output.contains("[taxonomy.unknown]"))
        #expect(run.output.contains("taxonomy-unknown.yaml: invalid, 1 error"))
    }

    @Test func jsonOutputIsForTools() async throws {
        let run = await CommandRun.kluis("policy", "check", "--format", "json", "examples/policies/broken/rights-too_late.yaml")
        #expect(run.exitCode == 1)
        let issues = try JSONDecoder().decode([PolicyIssue].self, from: Data(run.output.utf8))
        #expect(issues.count == 1)
        #expect(issues.first?.code == "rights.too_late")
        #expect(issues.first?.line == 92)
        #expect(issues.first?.path == "rights.answer_within")
        #expect(issues.first?.file == "examples/policies/broken/rights-too_late.yaml")
    }

    @Test func aMissingFileIsAClearError() async {
        let run = await CommandRun.kluis("policy", "check", "no/such/policy.yaml")
        #expect(run.exitCode == 1)
        #expect(run.output.contains("cannot read no/such/policy.yaml: no such file"))
    }

    @Test func checkNeedsAFile() async {
        let run = await CommandRun.kluis("policy", "check")
        #expect(run.exitCode != 0)
        #expect(run.errorOutput.contains("Missing expected argument"))
    }
}
