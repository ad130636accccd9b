import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A TCP connection to 127.0.0.1 that sends exactly the bytes it is given, for requests no HTTP
/// client would send: half a header, a body that stops, an invalid chunk size.
final class RawConnection {
    private let socket: Int32

    init(port: Int) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw RawConnectionError("socket: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            let failure = errno
            close(socket)
            throw RawConnectionError("connect: errno \(failure)", refused: failure == ECONNREFUSED)
        }
    }

    /// A connection opened like a client at a loaded server would: a refused connect is tried
    /// again for a few seconds, since a server out of descriptors may be refused by the kernel.
    static func opening(port: Int, for patience: Duration = .seconds(5)) async throws -> RawConnection {
        let deadline = ContinuousClock.now + patience
        while true {
            do {
                return try RawConnection(port: port)
            } catch let error as RawConnectionError where error.refused && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(100))
            }
        }
    }

    deinit {
        close(socket)
    }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        guard bytes.withUnsafeBytes({ Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == bytes.count else {
            throw RawConnectionError("send: errno \(errno)")
        }
    }

    /// Everything the server sends until it closes the connection, or `nil` when it is still
    /// open after `timeout`.
    func readToEnd(within timeout: Duration) -> String? {
        let deadline = ContinuousClock.now + timeout
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let left = deadline - .now
            guard left > .zero else { return nil }
            var poll = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            let milliseconds = Int32(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000) + 1
            guard Glibc.poll(&poll, 1, milliseconds) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return String(decoding: received, as: UTF8.self) }
            received += buffer[0..<count]
        }
    }

    /// Whether the server has closed the connection, waiting at most `timeout`.
    func isClosed(within timeout: Duration) -> Bool {
        readToEnd(within: timeout) != nil
    }
}

struct RawConnectionError: Error, CustomStringConvertible {
    let description: String
    /// The server's side refused the connection (ECONNREFUSED), which a client may try again.
    let refused: Bool
    init(_ description: String, refused: Bool = false) {
        self.description = description
        self.refused = refused
    }
}
