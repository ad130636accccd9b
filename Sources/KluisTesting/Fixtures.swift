import Foundation
import KluisCore

/// Files of the repository that tests read: the example policies and the broken ones.
public enum Fixtures {
    /// The repository's root, found from this file's own path so tests run from any directory.
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent() // KluisTesting
        .deletingLastPathComponent() // Sources
        .deletingLastPathComponent()

    /// `examples/policies`.
    public static var examplesDirectory: URL {
        repositoryRoot.appendingPathComponent("examples/policies")
    }

    /// The example policies, one per seed statement, sorted by name.
    public static func examplePolicies() throws -> [URL] {
        try yamlFiles(in: examplesDirectory)
    }

    /// The deliberately broken policies, sorted by name.
    public static func brokenPolicies() throws -> [URL] {
        try yamlFiles(in: examplesDirectory.appendingPathComponent("broken"))
    }

    /// Reads an example and returns its policy, which must be valid.
    public static func validPolicy(_ url: URL) throws -> Policy {
        try PolicyDocument(text: String(contentsOf: url, encoding: .utf8), file: url.lastPathComponent).validPolicy()
    }

    private static func yamlFiles(in directory: URL) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "yaml" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}
