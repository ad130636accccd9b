/// The host a request was sent to, for answers that link back to the server (the cookie
/// configuration's statement URL). Bound by ``ContractTransport`` for the handler's task.
enum RequestAuthority {
    @TaskLocal static var current: String?
}
