import Foundation
import KluisCore

/// Where the root key comes from: `--key-file`, else `KLUIS_ROOT_KEY`, else a default file.
enum RootKeySource {
    static func read(keyFile: String?, fallback: URL?, in context: CommandContext) throws(CommandFailure) -> RootKey {
        do {
            if let keyFile {
                return try RootKey(text: try context.readText(keyFile))
            }
            if let text = context.environment["KLUIS_ROOT_KEY"] {
                return try RootKey(text: text)
            }
            if let fallback, FileManager.default.fileExists(atPath: fallback.path) {
                return try RootKey(text: try context.readText(fallback.path))
            }
        } catch let error as VaultError {
            throw CommandFailure("the root key cannot be used: \(error.message)")
        } catch let error as CommandFailure {
            throw error
        } catch {
            throw CommandFailure("the root key cannot be read")
        }
        if let fallback {
            throw CommandFailure("no root key: pass --key-file FILE, set KLUIS_ROOT_KEY, or keep it in \(fallback.path)")
        }
        throw CommandFailure("no root key: pass --key-file FILE or set KLUIS_ROOT_KEY")
    }
}
