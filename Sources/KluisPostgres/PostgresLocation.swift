import Foundation
import KluisCore
import NIOSSL
import PostgresNIO

/// Where a PostgreSQL store lives, from a connection URL:
/// `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=disable|prefer|require&schema=NAME]`.
///
/// `schema` keeps Kluis's tables in their own schema (default `public`); several Kluis vaults, or
/// test runs, can share one database that way.
public struct PostgresLocation: Sendable, Hashable {
    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    public var schema: String
    public var tls: TLSMode

    public enum TLSMode: String, Sendable, Hashable, CaseIterable {
        case disable, prefer, require
    }

    /// Parses `url`; the errors name the part that is wrong and never repeat the password.
    public init(url text: String) throws(VaultError) {
        guard let components = URLComponents(string: text), let scheme = components.scheme,
              ["postgres", "postgresql"].contains(scheme) else {
            throw VaultError(.inputInvalid, "a database URL starts with postgres:// (postgres://USER:PASSWORD@HOST:PORT/DATABASE)")
        }
        guard let host = components.host, !host.isEmpty else {
            throw VaultError(.inputInvalid, "the database URL names no host")
        }
        guard let user = components.user, !user.isEmpty else {
            throw VaultError(.inputInvalid, "the database URL names no user")
        }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty else {
            throw VaultError(.inputInvalid, "the database URL names no database (…/DATABASE)")
        }
        self.host = host
        self.port = components.port ?? 5432
        self.user = user.removingPercentEncoding ?? user
        self.password = components.password.map { $0.removingPercentEncoding ?? $0 }
        self.database = database
        schema = "public"
        tls = .prefer
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let mode = item.value.flatMap(TLSMode.init(rawValue:)) else {
                    throw VaultError(.inputInvalid, "sslmode must be one of disable, prefer, require")
                }
                tls = mode
            case "schema":
                guard let name = item.value, Self.isPlainIdentifier(name) else {
                    throw VaultError(.inputInvalid, "schema must be a plain name: lower-case letters, digits and _, starting with a letter")
                }
                schema = name
            default:
                throw VaultError(.inputInvalid, "unknown database URL parameter '\(item.name)'; known: sslmode, schema")
            }
        }
    }

    /// The URL without its password, for messages.
    public var redacted: String {
        "postgres://\(user)@\(host):\(port)/\(database)?schema=\(schema)"
    }

    /// Lower-case letters, digits and underscores, starting with a letter: safe to put in SQL.
    static func isPlainIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first), name.count <= 63 else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// One connection's configuration, for the reachability check.
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        switch self.tls {
        case .disable: tls = .disable
        case .prefer: tls = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        case .require: tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
        var configuration = PostgresConnection.Configuration(host: host, port: port, username: user, password: password,
                                                             database: database, tls: tls)
        configuration.options.additionalStartupParameters = [("application_name", "kluis")]
        return configuration
    }

    /// The client configuration: every connection starts with the schema on its search path.
    public func clientConfiguration(maximumConnections: Int) -> PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS
        switch self.tls {
        case .disable: tls = .disable
        case .prefer: tls = .prefer(.makeClientConfiguration())
        case .require: tls = .require(.makeClientConfiguration())
        }
        var configuration = PostgresClient.Configuration(host: host, port: port, username: user, password: password,
                                                         database: database, tls: tls)
        // The audit chain's lock relies on each statement seeing what committed before it:
        // read committed, whatever the database or role defaults to.
        configuration.options.additionalStartupParameters = [
            ("search_path", schema), ("application_name", "kluis"), ("default_transaction_isolation", "read committed"),
        ]
        configuration.options.maximumConnections = maximumConnections
        return configuration
    }
}
