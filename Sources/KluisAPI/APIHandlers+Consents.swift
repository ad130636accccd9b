import Foundation
import KluisContract
import KluisCore

/// Consents, objections, receipts and cookie choices. Cookie choices, the banner's configuration
/// and receipt checks need no key: a visitor's browser and a person holding a receipt have none.
/// The contract says so, and ``ContractTransport`` lets any origin call them.
extension APIHandlers {
    func subjectConsents(_ input: Operations.SubjectConsents.Input) async throws -> Operations.SubjectConsents.Output {
        let subject = try Self.subjectID(input.path.id)
        let (state, history) = try await vault.consents.of(subject, by: APICaller.principal())
        return .ok(.init(body: .json(.init(subject: subject.rawValue, purposes: try state.map(Components.Schemas.PurposeConsent.init),
                                           history: try history.map(Components.Schemas.ConsentEvent.init)))))
    }

    func recordConsents(_ input: Operations.RecordConsents.Input) async throws -> Operations.RecordConsents.Output {
        let principal = try APICaller.principal()
        let subject = try Self.subjectID(input.path.id)
        let body = switch input.body { case .json(let body): body }
        let submission = try body.submission(globalPrivacyControl: input.headers.secGPC == "1")
        let outcome = try await vault.consents.record(submission, for: subject, by: principal)
        return .created(.init(body: .json(.init(subject: subject.rawValue, events: try outcome.events.map(Components.Schemas.ConsentEvent.init),
                                                receipt: outcome.receipt, receiptId: outcome.receiptID,
                                                purposes: try outcome.state.map(Components.Schemas.PurposeConsent.init)))))
    }

    func staleConsents(_ input: Operations.StaleConsents.Input) async throws -> Operations.StaleConsents.Output {
        let principal = try APICaller.principal()
        let after = try input.query.after.map { try Self.subjectID($0, field: "after") }
        let stale = try await vault.consents.stale(purpose: input.query.purpose, after: after, limit: input.query.limit ?? 1000, by: principal)
        return .ok(.init(body: .json(.init(purposes: stale.map { .init(purpose: $0.purpose, subjects: $0.subjects.map(\.rawValue)) }))))
    }

    func verifyConsentReceipt(_ input: Operations.VerifyConsentReceipt.Input) async throws -> Operations.VerifyConsentReceipt.Output {
        let body = switch input.body { case .json(let body): body }
        let check = try await vault.consents.verifyReceipt(body.receipt)
        return .ok(.init(body: .json(.init(valid: check.valid, reason: try check.rejection?.contract(),
                                           receipt: try check.receipt.map { try ContractJSON.convert($0) },
                                           current: try check.current.map(Components.Schemas.PurposeConsent.init)))))
    }

    func consentReceiptKeys(_ input: Operations.ConsentReceiptKeys.Input) async throws -> Operations.ConsentReceiptKeys.Output {
        .ok(.init(body: .json(.init(keys: [try ContractJSON.convert(vault.receiptSigner.publicJWK)]))))
    }

    func cookieConsentConfiguration(_ input: Operations.CookieConsentConfiguration.Input) async throws -> Operations.CookieConsentConfiguration.Output {
        let policy = vault.policy
        // A language the policy is not written in falls back to its first.
        let language = input.query.lang.flatMap { Language(rawValue: $0.rawValue) }.flatMap { policy.info.languages.contains($0) ? $0 : nil }
            ?? policy.info.languages[0]
        let host = RequestAuthority.current ?? "\(configuration.host):\(configuration.port)"
        return .ok(.init(body: .json(.init(
            policyVersion: policy.info.version, language: try language.contract(), languages: try policy.info.languages.map { try $0.contract() },
            statementUrl: policy.info.url ?? "http://\(host)/privacy?lang=\(language.rawValue)", controller: policy.controller.name,
            categories: try policy.cookies.map { category in
                .init(id: category.id, name: category.name.text(in: language), description: category.description?.text(in: language),
                      required: !category.consent, consentMode: try category.consentMode.map { try $0.contract() })
            }))))
    }

    /// Anonymous, or for a subject when an API key says whose choice it is.
    func recordCookieChoice(_ input: Operations.RecordCookieChoice.Input) async throws -> Operations.RecordCookieChoice.Output {
        let body = switch input.body { case .json(let body): body }
        let visitor = try body.visitorId.map { text in
            guard let id = VisitorID(rawValue: text) else { throw VaultError(.inputInvalid, "'visitor_id' is not a visitor id (vis_…)") }
            return id
        }
        var actor = "visitor"
        var subject: SubjectID?
        if let text = body.subjectId {
            // Only an application may say whose choice it is; a browser could name anyone.
            actor = try APICaller.principal().id
            subject = try Self.subjectID(text, field: "subject_id")
        }
        let choice = try await vault.consents.recordCookieChoice(body.choices.additionalProperties, visitor: visitor, subject: subject,
                                                        language: body.language.flatMap { Language(rawValue: $0.rawValue) },
                                                        globalPrivacyControl: input.headers.secGPC == "1", actor: actor)
        return .created(.init(body: .json(try .init(choice, policy: vault.policy))))
    }
}
