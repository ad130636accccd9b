// swift-tools-version: 6.2
import PackageDescription

/// Settings every Kluis target shares: Swift 6 strictness, the upcoming features STYLE.md asks
/// for, and warnings treated as errors so that none accumulate.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .treatAllWarnings(as: .error),
]

let package = Package(
    name: "kluis",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "kluis", targets: ["kluis"]),
        .library(name: "KluisCore", targets: ["KluisCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.0.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.25.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.24.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.20.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.27.0"),
        .package(url: "https://github.com/apple/swift-openapi-runtime.git", from: "1.13.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        // The configuration file (YAML) under the environment and the flags.
        .package(url: "https://github.com/apple/swift-configuration.git", from: "1.0.0", traits: [.defaults, "YAML"]),
        .package(url: "https://github.com/apple/swift-system.git", from: "1.5.0"),
        // Child processes (sendmail, and the tests' servers) without Foundation's Process.
        .package(url: "https://github.com/swiftlang/swift-subprocess.git", from: "1.0.0"),
    ],
    targets: [
        // Domain: policy, retention, keys, audit chain, store protocols. No I/O, no framework.
        .target(
            name: "KluisCore",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strict
        ),
        // The embedded store on SQLite.
        .target(
            name: "KluisSQLite",
            dependencies: [
                "KluisCore",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        // The server store on PostgreSQL.
        .target(
            name: "KluisPostgres",
            dependencies: [
                "KluisCore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "_ConnectionPoolModule", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        // Pages: documents (the statement, access packages) as HTML from templates, in the
        // organisation's branding. Shared by the API, the web and the command line.
        .target(
            name: "KluisPages",
            dependencies: [
                "KluisCore",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [
                .embedInCode("Templates/page.mustache"), .embedInCode("Templates/block.mustache"),
                .embedInCode("Templates/span.mustache"), .embedInCode("Templates/page.css"),
            ],
            swiftSettings: strict
        ),
        // What the HTTP of every audience shares: the server's request context.
        .target(
            name: "KluisHTTP",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        // The JSON API for applications: the handlers of the contract's operations, its request
        // context and key middleware.
        .target(
            name: "KluisAPI",
            dependencies: [
                "KluisCore",
                "KluisHTTP",
                "KluisPages",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                "KluisContract",
            ],
            swiftSettings: strict
        ),
        // The API's contract (openapi.json) and the server types and handler protocol generated
        // from it (Generated/, by scripts/generate-openapi). It needs nothing but the OpenAPI
        // runtime, so it compiles beside the large dependencies rather than after them.
        .target(
            name: "KluisContract",
            dependencies: [.product(name: "OpenAPIRuntime", package: "swift-openapi-runtime")],
            // openapi.json is compiled in as a string by scripts/generate-openapi
            // (Generated/ContractDocument+Text.swift).
            exclude: ["openapi-generator-config.yaml", "openapi.json"],
            // Generated code only. Its `package import`s are unused in some files; the generator
            // silences that with `@diagnose(UnusedImportAccess, as: ignored)` from Swift 6.4 on,
            // and Swift 6.3 has no way to silence one warning group.
            swiftSettings: [.unsafeFlags(["-suppress-warnings"])]
        ),
        // The web for people's browsers: the statement page, the cookie banner's assets, the privacy
        // center, and the console for staff.
        .target(
            name: "KluisWeb",
            dependencies: [
                "KluisCore",
                "KluisHTTP",
                "KluisPages",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HummingbirdOTP", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            // The cookie banner is plain JavaScript and CSS, and the privacy center's pages are
            // templates and a stylesheet, all compiled into the binary.
            resources: [
                .embedInCode("Banner/kluis-banner.js"), .embedInCode("Banner/kluis-banner.css"),
                .embedInCode("Templates/layout.mustache"), .embedInCode("Templates/sign-in.mustache"),
                .embedInCode("Templates/code.mustache"), .embedInCode("Templates/message.mustache"),
                .embedInCode("Templates/my-data.mustache"), .embedInCode("Templates/download.mustache"),
                .embedInCode("Templates/correct.mustache"), .embedInCode("Templates/delete.mustache"),
                .embedInCode("Templates/permissions.mustache"), .embedInCode("Templates/history.mustache"),
                .embedInCode("Templates/requests.mustache"), .embedInCode("Templates/center.css"),
                .embedInCode("Templates/console-layout.mustache"), .embedInCode("Templates/console-message.mustache"),
                .embedInCode("Templates/console-sign-in.mustache"), .embedInCode("Templates/console-enrol.mustache"),
                .embedInCode("Templates/console-enrolment.mustache"), .embedInCode("Templates/console-today.mustache"),
                .embedInCode("Templates/console-keys.mustache"), .embedInCode("Templates/console-staff.mustache"),
                .embedInCode("Templates/console-requests.mustache"), .embedInCode("Templates/console-request.mustache"),
                .embedInCode("Templates/console-find.mustache"), .embedInCode("Templates/console-person.mustache"),
                .embedInCode("Templates/console-record.mustache"), .embedInCode("Templates/console-audit.mustache"),
                .embedInCode("Templates/console-job.mustache"), .embedInCode("Templates/console-policy.mustache"),
                .embedInCode("Templates/console-report.mustache"), .embedInCode("Templates/console-print.mustache"),
                .embedInCode("Templates/console-breaches.mustache"), .embedInCode("Templates/console-breach.mustache"),
                .embedInCode("Templates/console-breach-form.mustache"), .embedInCode("Templates/console-breach-assessment.mustache"),
                .embedInCode("Templates/console-breach-authority.mustache"), .embedInCode("Templates/console-breach-people.mustache"),
                .embedInCode("Templates/console.css"),
            ],
            swiftSettings: strict
        ),
        // The composition root: the API and the server's own routes (metrics), background
        // tasks and outboxes, in one application.
        .target(
            name: "KluisServer",
            dependencies: [
                "KluisCore",
                "KluisHTTP",
                "KluisAPI",
                "KluisWeb",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: strict
        ),
        // `kluis bench`: the measurements and the raw baselines they are compared with, which
        // need the drivers and an HTTP client of their own.
        .target(
            name: "KluisBench",
            dependencies: [
                "KluisCore",
                "KluisAPI",
                "KluisServer",
                "KluisSQLite",
                "KluisPostgres",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: strict
        ),
        // The commands of the `kluis` executable, as a library so tests run them in-process.
        .target(
            name: "KluisCLI",
            dependencies: [
                "KluisCore",
                "KluisPages",
                "KluisAPI",
                "KluisServer",
                "KluisWeb",
                "KluisSQLite",
                "KluisPostgres",
                "KluisBench",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "kluis",
            dependencies: ["KluisCLI"],
            swiftSettings: strict
        ),
        // Test support shared by every test target: fixed clock, fixtures, store contract suite.
        .target(
            name: "KluisTesting",
            dependencies: ["KluisCore", "KluisSQLite", "KluisPostgres", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "KluisCoreTests",
            dependencies: ["KluisCore", "KluisTesting"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "KluisPagesTests",
            dependencies: ["KluisPages", "KluisCore", "KluisTesting"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "KluisVaultTests",
            dependencies: [
                "KluisCore", "KluisSQLite", "KluisPostgres", "KluisTesting",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "_ConnectionPoolModule", package: "postgres-nio"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "KluisAPITests",
            dependencies: [
                "KluisAPI", "KluisServer", "KluisWeb", "KluisCore", "KluisSQLite", "KluisTesting",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "KluisCLITests",
            dependencies: [
                "KluisCLI", "KluisBench", "KluisCore", "KluisSQLite", "KluisPostgres", "KluisTesting", "KluisWeb",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Subprocess", package: "swift-subprocess"), .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
