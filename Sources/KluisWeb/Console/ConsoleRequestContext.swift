import Hummingbird
import HummingbirdAuth
import KluisCore

/// The request context of the console: a staff member's browser, with its session (never an API
/// key), the member once the signed-in check has read their account, and the fields of a form
/// that passed the anti-forgery check.
struct ConsoleRequestContext: ChildRequestContext, SessionRequestContext {
    var coreContext: CoreRequestContextStorage
    /// The client's network address, for rate limits.
    let clientAddress: String
    let sessions: SessionContext<ConsoleSession>
    var form: [String: String] = [:]
    /// The member signed in, read afresh on every request: a disabled account or a new role
    /// takes effect at once.
    var member: StaffMember?

    init(context: WebRequestContext) {
        coreContext = context.coreContext
        clientAddress = context.clientAddress
        sessions = SessionContext()
    }
}
