/// The host a request was sent to, for answers that link back to the server (the cookie
/// configuration's statement URL). Bound by ``ContractTransport`` on the operations that need no key.
enum RequestAuthority {
    @TaskLocal static var current: String?
}
