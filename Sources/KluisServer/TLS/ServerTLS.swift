import Foundation
import NIOSSL

/// The server's certificate and key for HTTPS, read from PEM files and checked at start: TLS 1.2
/// and 1.3 only, with NIOSSL's (BoringSSL's) default ciphers, which are all forward secret.
public struct ServerTLS: Sendable {
    let configuration: TLSConfiguration

    /// Reads the certificate chain (leaf first, then intermediates) and the private key. A file
    /// that cannot be read, or a key that is not the certificate's, fails here, naming the file
    /// and never its contents.
    public init(certificateFile: String, keyFile: String) throws(ServerTLSError) {
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(certificateFile)
        } catch {
            throw ServerTLSError("the certificate file \(certificateFile) could not be read as PEM certificates")
        }
        guard !chain.isEmpty else { throw ServerTLSError("the certificate file \(certificateFile) holds no certificate") }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(file: keyFile, format: .pem)
        } catch {
            throw ServerTLSError("the key file \(keyFile) could not be read as a PEM private key")
        }
        var configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) },
                                                                     privateKey: .privateKey(key))
        configuration.minimumTLSVersion = .tlsv12
        do {
            // Made once here so that a key that does not match the certificate fails at start,
            // not at the first connection.
            _ = try NIOSSLContext(configuration: configuration)
        } catch {
            throw ServerTLSError("the key in \(keyFile) is not the key of the certificate in \(certificateFile)")
        }
        self.configuration = configuration
    }
}

/// Why the certificate or key cannot be used; names files, never their contents.
public struct ServerTLSError: Error, Sendable {
    public let message: String
    init(_ message: String) { self.message = message }
}
