import Foundation
import KluisCore
import Testing

/// docs/policy.schema.json and the parser agree: every example policy the parser accepts, the
/// schema accepts too, and a key the parser refuses, the schema refuses. The schema is checked by
/// a JSON Schema validator (Python's jsonschema, which CI installs), not by Kluis. Elsewhere it
/// runs where python3 has jsonschema and pyyaml.
@Suite(.enabled("needs python3 with jsonschema and pyyaml from PyPI") { try await SchemaValidator.installed() })
struct PolicySchemaTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func check(_ files: [String]) async throws -> Child.Finished {
        try await Child.run(URL(fileURLWithPath: "/usr/bin/env"),
                            ["python3", root.appendingPathComponent("scripts/check-policy-schema").path] + files)
    }

    @Test func theExamplePoliciesAreValidForTheSchemaToo() async throws {
        let directory = Self.root.appendingPathComponent("examples/policies")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.count == 5)
        for file in files {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            #expect(PolicyDocument(text: text).isValid, "\(file) is valid for the parser")
        }
        let checked = try await Self.check(files.map { directory.appendingPathComponent($0).path })
        #expect(checked.status == 0, "\(checked.output)\(checked.errorOutput)")
    }

    @Test(arguments: [
        ("    records: many\n", "    records: many\n    recrods: one\n"),
        ("    legal_basis: legal_obligation\n", "    legal_basis: legal_obligation\n    pseudonymized: true\n"),
        ("    role: processor\n", "    role: processor\n    notfy: privacy@example.nl\n"),
    ])
    func aKeyTheParserRefusesTheSchemaRefuses(original: String, misspelled: String) async throws {
        let file = Self.root.appendingPathComponent("examples/policies/freelance-platform.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        let range = try #require(text.range(of: original))
        let broken = text.replacingCharacters(in: range, with: misspelled)
        #expect(!PolicyDocument(text: broken).isValid)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kluis-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = directory.appendingPathComponent("policy.yaml")
        try broken.write(to: copy, atomically: true, encoding: .utf8)
        let checked = try await Self.check([copy.path])
        #expect(checked.status == 1, "the schema refuses it too: \(checked.output)")
        let key = misspelled.split(separator: "\n").last?.split(separator: ":").first?.trimmingCharacters(in: .whitespaces) ?? ""
        #expect(checked.output.contains("'\(key)'"), "the schema names the key: \(checked.output)")
    }
}

/// Whether python3 can validate JSON Schema here. In CI it must: CI installs it.
enum SchemaValidator {
    static func installed() async throws -> Bool {
        if ProcessInfo.processInfo.environment["CI"] == "true" { return true }
        let probe = try await Child.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", "import jsonschema, yaml"])
        return probe.status == 0
    }
}
