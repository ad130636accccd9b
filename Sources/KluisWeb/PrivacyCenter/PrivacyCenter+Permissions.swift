import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdAuth
import KluisCore

/// Permissions: consent given and withdrawn per consent purpose, objection to purposes that rest
/// on a legitimate interest or serve direct marketing; in effect at once, with a signed receipt.
extension PrivacyCenter {
    func permissions(_ request: Request, _ context: CenterRequestContext) async throws -> Response {
        try await permissionsPage(request, context)
    }

    func decide(_ request: Request, _ context: CenterRequestContext) async throws -> Response {
        let subject = try person(context)
        let language = language(request, context)
        let state = try await vault.consents.of(subject, by: .person(subject)).state
        guard let purpose = context.form["purpose"], let current = state.first(where: { $0.purpose == purpose }),
              let kind = context.form["decision"].flatMap(ConsentEvent.Kind.init(rawValue:)),
              Self.decisions(for: current).contains(kind) else {
            return try await permissionsPage(request, context, error: "form_expired", status: .badRequest)
        }
        do {
            let outcome = try await vault.consents.record(ConsentSubmission(decisions: [ConsentDecision(purpose: purpose, kind: kind)],
                                                                            method: .webForm, language: language),
                                                          for: subject, by: .person(subject))
            context.sessions.withLockedSession { session in
                if let receipt = outcome.receipt { session?.receipt = receipt }
                session?.notice = "permission_saved"
            }
            return .redirect(to: base + "/permissions")
        } catch let error as VaultError where [.ageRequired, .minorRefused, .guardianRequired].contains(error.code) {
            return try await permissionsPage(request, context, error: "age_needed", status: .unprocessableContent)
        }
    }

    /// The receipt of the last decision made in this session.
    func receipt(_ request: Request, _ context: CenterRequestContext) async throws -> Response {
        guard let receipt = context.sessions.session?.receipt else { throw HTTPError(.notFound) }
        var headers = HTTPFields()
        headers[.contentType] = "application/jose"
        headers[.contentDisposition] = "attachment; filename=\"consent-receipt.jws\""
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: receipt)))
    }

    /// What a person may decide about `purpose` now: give or withdraw consent, object or withdraw
    /// an objection.
    static func decisions(for purpose: PurposeConsent) -> [ConsentEvent.Kind] {
        var kinds: [ConsentEvent.Kind] = []
        if purpose.legalBasis == .consent { kinds.append(purpose.status == .given ? .withdrawn : .given) }
        if purpose.mayObject, purpose.legalBasis != .consent { kinds.append(purpose.objected ? .objectionWithdrawn : .objected) }
        return kinds
    }

    private func permissionsPage(_ request: Request, _ context: CenterRequestContext, error: String? = nil,
                                 status: HTTPResponse.Status = .ok) async throws -> Response {
        let subject = try person(context)
        let language = language(request, context)
        let t = pages.texts(language)
        let say = Phrases(language)
        let state = try await vault.consents.of(subject, by: .person(subject)).state
        func describe(_ consent: PurposeConsent) -> [String: Any] {
            let purpose = vault.policy.purpose(consent.purpose)
            var values: [String: Any] = ["id": consent.purpose, "name": purpose?.name.text(in: language) ?? consent.purpose]
            if let description = purpose?.description?.text(in: language) { values["description"] = description }
            return values
        }
        let consents: [[String: Any]] = state.filter { $0.legalBasis == .consent }.map { consent in
            var values = describe(consent)
            values["state"] = switch consent.status {
            case .given: CenterTexts.fill(t["consent_given"] ?? "", ["date": consent.givenAt.map { WebDates.day($0, in: language) } ?? ""])
            case .withdrawn: t["consent_withdrawn"] ?? ""
            case .stale: t["consent_stale"] ?? ""
            default: t["consent_not_given"] ?? ""
            }
            let given = consent.status == .given
            values["decision"] = given ? ConsentEvent.Kind.withdrawn.rawValue : ConsentEvent.Kind.given.rawValue
            values["action"] = t[given ? "withdraw" : "give"] ?? ""
            return values
        }
        let objections: [[String: Any]] = state.filter { $0.mayObject && $0.legalBasis != .consent }.map { consent in
            var values = describe(consent)
            // The text ends its sentence itself; a stated interest often ends with its own.
            let basis = vault.policy.purpose(consent.purpose).map { say.legalBasisInFull($0.legalBasis) } ?? ""
            values["basis"] = CenterTexts.fill(t["object_basis"] ?? "", ["basis": basis.hasSuffix(".") ? String(basis.dropLast()) : basis])
            values["state"] = t[consent.objected ? "objected" : "not_objected"] ?? ""
            values["decision"] = consent.objected ? ConsentEvent.Kind.objectionWithdrawn.rawValue : ConsentEvent.Kind.objected.rawValue
            values["action"] = t[consent.objected ? "withdraw_objection" : "object"] ?? ""
            return values
        }
        var values: [String: Any] = ["consents": consents, "objections": objections, "hasConsents": !consents.isEmpty,
                                     "hasObjections": !objections.isEmpty, "any": !consents.isEmpty || !objections.isEmpty,
                                     "receipt": context.sessions.session?.receipt != nil]
        if let error { values["error"] = t[error] }
        return show(CenterPage(template: "permissions", title: t["permissions"] ?? "", values: values, status: status, current: .permissions),
                    request, context)
    }
}
