import Foundation
import KluisCore
import KluisTesting
import Testing

/// `kluis apikey list|revoke` and keys that expire, in-process against a real data directory.
@Suite struct APIKeyCommandTests {
    @Test func keysAreListedWithoutSecretsAndRevoked() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let (data, root) = try await VaultCommandTests.initialise(in: temporary)
        let policy = try VaultCommandTests.writePolicy(in: temporary)
        let created = await CommandRun.kluis("apikey", "create", "--data", data.path, "--policy", policy, "--name", "website",
                                             "--purposes", "service", "--expires-in-days", "30", environment: VaultCommandTests.noEnvironment)
        #expect(created.exitCode == 0, "\(created.errorOutput)")
        let token = try #require(created.output.firstMatch(of: /kluis_key_[a-z2-7]+_[0-9a-f]{64}/).map { String($0.output) })
        let id = "key_" + token.split(separator: "_")[2]

        let listed = await CommandRun.kluis("apikey", "list", "--data", data.path, "--policy", policy, environment: VaultCommandTests.noEnvironment)
        #expect(listed.exitCode == 0, "\(listed.errorOutput)")
        let line = try #require(listed.output.split(separator: "\n").first { $0.hasPrefix(id) })
        let columns = line.split(separator: "\t").map(String.init)
        #expect(columns.count == 8 && columns[1] == "website" && columns[2] == "service" && columns[7] == "active")
        #expect(columns[5] != "-", "no expiry listed")
        #expect(listed.output.contains("\tadmin\t-\tadmin,break_glass\t"), "the first admin key")
        #expect(!listed.output.contains(String(token.split(separator: "_")[3])), "a secret was printed")

        let revoked = await CommandRun.kluis("apikey", "revoke", id, "--data", data.path, "--policy", policy,
                                             environment: VaultCommandTests.noEnvironment)
        #expect(revoked.exitCode == 0 && revoked.output.contains("\(id) (website) is revoked"), "\(revoked.errorOutput)")
        let after = await CommandRun.kluis("apikey", "list", "--data", data.path, "--policy", policy, environment: VaultCommandTests.noEnvironment)
        #expect(after.output.split(separator: "\n").first { $0.hasPrefix(id) }?.hasSuffix("\trevoked") == true)
        // The token no longer opens anything.
        let vault = try await VaultCommandTests.openVault(data, root: root, policy: policy)
        #expect(try await vault.authenticate(token: token) == nil)

        let unknown = await CommandRun.kluis("apikey", "revoke", "key_nothere", "--data", data.path, "--policy", policy,
                                             environment: VaultCommandTests.noEnvironment)
        #expect(unknown.exitCode != 0 && unknown.errorOutput.contains("there is no API key 'key_nothere'"))
        let badExpiry = await CommandRun.kluis("apikey", "create", "--data", data.path, "--policy", policy, "--name", "x",
                                               "--expires-in-days", "0", environment: VaultCommandTests.noEnvironment)
        #expect(badExpiry.exitCode != 0 && badExpiry.errorOutput.contains("--expires-in-days must be 1 to 3650"))
    }
}
