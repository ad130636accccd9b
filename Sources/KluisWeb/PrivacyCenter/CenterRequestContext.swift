import Hummingbird
import HummingbirdAuth

/// The request context of the privacy center: a person's browser, with its session (never an
/// API key) and, for a form, its fields once the anti-forgery check has read them.
struct CenterRequestContext: ChildRequestContext, SessionRequestContext {
    var coreContext: CoreRequestContextStorage
    /// The client's network address, for rate limits.
    let clientAddress: String
    let sessions: SessionContext<CenterSession>
    /// The fields of a form that passed ``CenterFormGuard``.
    var form: [String: String] = [:]

    init(context: WebRequestContext) {
        coreContext = context.coreContext
        clientAddress = context.clientAddress
        sessions = SessionContext()
    }
}
