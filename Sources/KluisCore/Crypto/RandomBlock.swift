import Crypto
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The operating system's cryptographic randomness, asked for a block at a time, for the nonces,
/// data keys and ids the vault makes by the thousand. swift-crypto and `SystemRandomNumberGenerator`
/// ask the kernel for eight bytes a call: a sealed field took two `getrandom` calls, a data key
/// four, about fifty for each person an import adds, and a sixth of the CPU that sealing an
/// import takes (docs/benchmarks.md). `arc4random_buf` fills a block in one call.
///
/// One shared instance behind a lock, so no copy of it can hand out the same bytes twice (a
/// nonce used twice under one key breaks AES-GCM); each byte is handed out once, and zeroed as
/// it is, so that no key once made stays in the block.
final class RandomBlock: Sendable {
    static let shared = RandomBlock()

    /// 4 KiB: about fifteen imported people's worth of nonces, keys and ids.
    static let size = 4096

    private struct State {
        var bytes = [UInt8](repeating: 0, count: RandomBlock.size)
        /// The first byte not yet handed out; a new block is drawn once too few are left.
        var next = RandomBlock.size
    }

    private let state = Mutex(State())

    /// Hands `count` fresh random bytes (at most ``size``) to `body`, which must copy what it keeps.
    func withBytes<T: Sendable>(_ count: Int, _ body: (UnsafeRawBufferPointer) -> T) -> T {
        precondition(count > 0 && count <= Self.size, "a draw takes between 1 and \(Self.size) bytes")
        return state.withLock { state in
            if Self.size - state.next < count {
                state.bytes.withUnsafeMutableBytes { arc4random_buf($0.baseAddress!, $0.count) }
                state.next = 0
            }
            defer { state.next += count }
            return state.bytes.withUnsafeMutableBytes { block in
                let drawn = UnsafeMutableRawBufferPointer(rebasing: block[state.next..<state.next + count])
                defer { drawn.initializeMemory(as: UInt8.self, repeating: 0) }
                return body(UnsafeRawBufferPointer(drawn))
            }
        }
    }

    /// A nonce for AES-GCM.
    func nonce() -> AES.GCM.Nonce {
        // Twelve bytes is the nonce's own size, so this cannot throw.
        withBytes(12) { try! AES.GCM.Nonce(data: $0) }
    }

    /// A new 256-bit key.
    func key() -> SymmetricKey {
        withBytes(32) { SymmetricKey(data: $0) }
    }

    /// 128 random bits.
    func bits128() -> (UInt64, UInt64) {
        withBytes(16) { ($0.loadUnaligned(as: UInt64.self), $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) }
    }
}
