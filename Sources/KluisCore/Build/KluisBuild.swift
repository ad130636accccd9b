/// What this binary is: its release and the commit it was built from, as `kluis --version`,
/// `/healthz` and the `kluis_build_info` metric tell them, so that an operator knows what runs.
public enum KluisBuild {
    /// The release. Raised when a release is made; `scripts/package` names the package after it.
    public static let version = "0.9.0"

    /// The commit, stamped by `scripts/package` into `KluisBuild+Commit.swift`; a build from
    /// source says `source`, since SwiftPM has no way to pass a value into a build.
    public static let commit = stampedCommit

    /// `0.9.0 (commit 1a2b3c4d5e6f)`.
    public static var description: String { "\(version) (commit \(commit))" }
}
