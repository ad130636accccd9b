import Foundation
import KluisCore
import KluisTesting
import Testing

/// Every file in examples/policies/broken carries its one mistake, marked on the line where it
/// must be reported: `# expect: CODE at PATH`.
@Suite struct BrokenPolicyTests {
    struct Expectation {
        var code: String
        var path: String?
        var line: Int
    }

    static func expectation(in text: String) -> Expectation? {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let range = line.range(of: "# expect: ") else { continue }
            let words = line[range.upperBound...].split(separator: " ", maxSplits: 2).map(String.init)
            return Expectation(code: words[0], path: words.count == 3 && words[1] == "at" ? words[2] : nil,
                               line: index + 1)
        }
        return nil
    }

    @Test func thereIsABrokenPolicyForEveryMainCheck() throws {
        let codes = try Set(Fixtures.brokenPolicies().compactMap {
            Self.expectation(in: try String(contentsOf: $0, encoding: .utf8))?.code
        })
        let required: Set = [
            "yaml.syntax", "format.version", "field.missing", "field.unknown", "field.type",
            "value.invalid", "id.duplicate", "reference.undefined", "taxonomy.unknown",
            "text.missing_translation", "purpose.no_retention", "special.no_condition",
            "basis.no_law", "basis.no_interest", "marketing.contract_basis", "origin.no_source",
            "transfer.no_mechanism", "cookies.no_consent", "rights.too_late", "breach.too_late",
            "retention.unknown_field", "contact.invalid",
        ]
        #expect(required.subtracting(codes).isEmpty, "no broken policy for \(required.subtracting(codes).sorted())")
    }

    @Test(arguments: try Fixtures.brokenPolicies())
    func reportsItsOneMistakeWhereItIs(file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        let expected = try #require(Self.expectation(in: text), "\(file.lastPathComponent) has no '# expect:' marker")
        let document = PolicyDocument(text: text, file: file.lastPathComponent)
        #expect(!document.isValid)
        #expect(document.errors.count == 1, "\(document.errors.map(\.description))")
        let error = try #require(document.errors.first)
        #expect(error.code == expected.code)
        #expect(error.line == expected.line)
        if let path = expected.path { #expect(error.path == path) }
        #expect(error.file == file.lastPathComponent)
    }
}
