import Foundation
import Hummingbird
import KluisCore

/// API keys, for the owner: every key with its purposes, powers, expiry and last use; a new key
/// (its token shown once); revoking one.
extension Console {
    func keys(_ request: Request, _ context: ConsoleRequestContext) async throws -> Response {
        try await keysPage(request, context)
    }

    /// The keys page, with a new key's token when one was just made.
    private func keysPage(_ request: Request, _ context: ConsoleRequestContext, created: (id: String, token: String)? = nil,
                          error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let language = language(request, context)
        let t = pages.texts(language)
        let now = vault.now()
        let keys: [[String: Any]] = try await vault.apiKeys(by: try principal(context)).reversed().map { key in
            let powers = [key.isAdmin ? t["power_admin"] : nil, key.mayBreakGlass ? t["power_break_glass"] : nil,
                          key.mayVouchForSessions ? t["power_vouch"] : nil].compactMap { $0 }
            return [
                "id": key.id, "name": key.name, "purposes": key.purposes.isEmpty ? "—" : key.purposes.joined(separator: ", "),
                "powers": powers.isEmpty ? "—" : powers.joined(separator: ", "),
                "created": time(key.createdAt, language), "expires": key.expiresAt.map { time($0, language) } ?? (t["never"] ?? ""),
                "lastUsed": key.lastUsedAt.map { time($0, language) } ?? (t["never_used"] ?? ""),
                "state": t[key.revokedAt != nil ? "key_revoked" : key.isValid(at: now) ? "key_active" : "key_expired"] ?? "",
                "valid": key.isValid(at: now),
            ]
        }
        var values: [String: Any] = [
            "keys": keys,
            "purposes": vault.policy.purposes.map { ["id": $0.id, "name": $0.name.text(in: language)] },
        ]
        if let created { values["created"] = ["id": created.id, "token": created.token] }
        if let error { values["error"] = error }
        return show(ConsolePage(template: "console-keys", title: t["keys"] ?? "", values: values, status: status, current: .keys), request, context)
    }

    func createKey(_ request: Request, _ context: ConsoleRequestContext) async throws -> Response {
        let form = context.form
        let purposes = vault.policy.purposes.map(\.id).filter { form["purpose." + $0] == "on" }
        var expiresAt: Date?
        if let days = form["expires_in_days"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) {
            guard (1...3650).contains(days) else {
                return try await keysPage(request, context, error: pages.texts(language(request, context))["expiry_invalid"],
                                          status: .unprocessableContent)
            }
            expiresAt = vault.now() + Double(days) * 86_400
        }
        do {
            let created = try await vault.createAPIKey(name: form["name"] ?? "", purposes: purposes, mayBreakGlass: form["break_glass"] == "on",
                                                       isAdmin: form["admin"] == "on", mayVouchForSessions: form["vouch"] == "on",
                                                       expiresAt: expiresAt, by: try principal(context))
            // Shown on this answer only, never stored in the session.
            return try await keysPage(request, context, created: created, status: .created)
        } catch let error as VaultError where error.code == .inputInvalid || error.code == .purposeUnknown {
            return try await keysPage(request, context, error: error.message, status: .unprocessableContent)
        }
    }

    func revokeKey(_ request: Request, _ context: ConsoleRequestContext) async throws -> Response {
        let id = context.parameters.get("key") ?? ""
        do {
            let key = try await vault.revokeAPIKey(id, by: try principal(context))
            return redirect(to: base + "/keys", notice: "key_revoked_notice", values: ["name": key.name], context)
        } catch let error as VaultError where error.code == .apiKeyNotFound {
            return problem(error, request, context, back: base + "/keys")
        }
    }
}
