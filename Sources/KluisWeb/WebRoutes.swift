import Foundation
import HTTPTypes
import Hummingbird
import KluisCore
import KluisPages

/// The web: the privacy statement rendered from the policy, the cookie banner's script and
/// style, the privacy center, where people sign in to see and manage their own data, and the
/// console, where staff run the privacy office.
public enum WebRoutes {
    /// A route of the web, as registered: for the server's route table.
    public struct Route: Sendable, Hashable {
        public var method: HTTPRequest.Method
        public var path: String
    }

    static let script = StaticAsset(PackageResources.kluis_banner_js, contentType: "text/javascript; charset=utf-8")
    static let style = StaticAsset(PackageResources.kluis_banner_css, contentType: "text/css; charset=utf-8")

    /// Registers the web's routes on `router` and returns them.
    public static func register(on router: RouterGroup<WebRequestContext>, vault: Vault,
                                privacyCenter: PrivacyCenterConfiguration = PrivacyCenterConfiguration(),
                                console: ConsoleConfiguration = ConsoleConfiguration()) -> [Route] {
        router.get("/privacy") { request, _ in statement(request, policy: vault.policy) }
        // The banner runs on the organisation's own site: any origin may load it, without
        // credentials.
        let assets = router.group().add(middleware: CORSMiddleware(allowOrigin: .all, allowHeaders: [.contentType, .accept],
                                                                   allowMethods: [.get, .options], maxAge: .seconds(600)))
        assets.get("/banner/kluis-banner.js") { request, _ in script.response(to: request) }
        assets.get("/banner/kluis-banner.css") { request, _ in style.response(to: request) }
        // The privacy center's pages are for people's browsers, behind their own sessions: not
        // operations of the API's contract, so not in its route table.
        PrivacyCenter.register(on: router, vault: vault, configuration: privacyCenter)
        Console.register(on: router, vault: vault, configuration: console)
        return ["/privacy", "/banner/kluis-banner.js", "/banner/kluis-banner.css"].map { Route(method: .get, path: $0) }
    }

    /// The privacy statement in the language asked for (`?lang=`), else the policy's first.
    static func statement(_ request: Request, policy: Policy) -> Response {
        let requested = request.uri.queryParameters.get("lang").flatMap(Language.init(rawValue:))
        let language = requested.flatMap { policy.info.languages.contains($0) ? $0 : nil } ?? policy.info.languages[0]
        let html = PageRenderer.render(StatementBuilder(policy: policy, language: language).build(), policy: policy)
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }
}
