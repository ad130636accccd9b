import Foundation

/// A fresh directory under the system's temporary directory, for real database files in tests.
///
/// Every directory of a test process lies in one parent that is removed when the process exits,
/// so a test that keeps its files to the end (a fixture's database, a served vault's data) leaves
/// nothing behind; ``remove()`` frees them sooner.
public struct TemporaryDirectory: Sendable {
    public let url: URL

    public init() throws {
        url = Self.parent.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    public func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }

    /// Removes the directory and everything in it.
    public func remove() {
        try? FileManager.default.removeItem(at: url)
    }

    /// This process's parent of all its directories, created on first use and removed at exit.
    private static let parent: URL = {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("kluis-test-\(UUID().uuidString)")
        atexit { try? FileManager.default.removeItem(at: TemporaryDirectory.parent) }
        return parent
    }()
}
