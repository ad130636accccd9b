import KluisCore

/// The caller of a handler generated from the contract. Those handlers see only their input, not
/// the request context, so ``APIKeyMiddleware`` binds the caller it found to the request's task
/// (the way swift-openapi-generator passes request-scoped values).
enum APICaller {
    @TaskLocal static var current: Principal?

    /// The caller of an operation that takes a key. Outside a keyed route it fails closed.
    static func principal() throws -> Principal {
        guard let current else { throw APIKeyMiddleware.unauthorised }
        return current
    }

    /// The caller of an operation for admin keys, checked again here so that an operation the
    /// contract forgets to mark admin still refuses.
    @discardableResult
    static func admin() throws -> Principal {
        let caller = try principal()
        guard caller.isAdmin else { throw APIKeyMiddleware.forbidden }
        return caller
    }
}
