import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KluisCore
import KluisServer
import KluisTesting
import Testing

/// The web's static assets carry an entity tag, so a browser that has the banner revalidates it
/// instead of downloading it again.
@Suite struct WebAssetTests {
    @Test func theBannerIsRevalidatedByItsTag() async throws {
        let api = try await APIFixture(store: .sqlite)
        defer { api.fixture.directory.remove() }
        try await api.application().test(.router) { client in
            for path in ["/banner/kluis-banner.js", "/banner/kluis-banner.css"] {
                let first = try await client.send(.get, path, token: nil)
                #expect(first.status == .ok)
                let tag = try #require(first.headers[.eTag])
                #expect(tag.hasPrefix("\"") && tag.hasSuffix("\"") && tag.count == 34)
                #expect(first.headers[.cacheControl] == "public, max-age=300")

                let again = try await client.send(.get, path, token: nil, headers: [.ifNoneMatch: tag])
                #expect(again.status == .notModified)
                #expect(again.body.readableBytes == 0)
                #expect(again.headers[.eTag] == tag)

                let other = try await client.send(.get, path, token: nil, headers: [.ifNoneMatch: "\"0123\""])
                #expect(other.status == .ok && other.body.readableBytes == first.body.readableBytes)
            }
            // The same bytes give the same tag on every node: it is the content's hash.
            let script = try await client.send(.get, "/banner/kluis-banner.js", token: nil)
            let style = try await client.send(.get, "/banner/kluis-banner.css", token: nil)
            #expect(script.headers[.eTag] != style.headers[.eTag])
        }
    }
}
