import Foundation
import KluisContract
import KluisCore

/// The contract's consent answers made from the core's values, and its consent body read into
/// the core's submission.
extension Components.Schemas.PurposeConsent {
    init(_ consent: PurposeConsent) throws {
        self.init(purpose: consent.purpose, legalBasis: try consent.legalBasis.contract(), status: try consent.status?.contract(),
                  objected: consent.objected, mayObject: consent.mayObject, givenAt: consent.givenAt, withdrawnAt: consent.withdrawnAt,
                  permitted: consent.permitted)
    }
}

extension Components.Schemas.ConsentEvent {
    /// An event as the history shows it: a guardian's name stays sealed; their relationship and
    /// how it was checked are shown.
    init(_ event: ConsentEvent) throws {
        self.init(purpose: event.purpose, kind: try event.kind.contract(), time: event.time, policyVersion: event.policyVersion,
                  purposeHash: event.purposeHash, statementHash: event.statementHash, method: try event.method.contract(),
                  language: try event.language?.contract(), receiptId: event.receiptID, minor: event.minor,
                  guardianRelationship: try event.guardian?.relationship.contract(),
                  guardianVerification: try event.guardian?.verification.contract(), actor: event.actor)
    }
}

extension Components.Schemas.CookieChoiceAnswer {
    init(_ choice: CookieChoice, policy: Policy) throws {
        // Google Consent Mode v2: every type, granted or denied.
        let consentMode = Dictionary(uniqueKeysWithValues: choice.consentMode(under: policy).map { ($0.key.rawValue, $0.value ? "granted" : "denied") })
        self.init(visitorId: choice.visitor.rawValue, policyVersion: choice.policyVersion, recordedAt: choice.time, expiresAt: choice.expires,
                  gpc: choice.globalPrivacyControl, choices: .init(additionalProperties: choice.allowed),
                  consentMode: try ContractJSON.convert(consentMode))
    }
}

extension Components.Schemas.ConsentBody {
    func submission(globalPrivacyControl: Bool) throws -> ConsentSubmission {
        let decisions = try self.decisions.additionalProperties.sorted { $0.key < $1.key }.map { purpose, kind in
            ConsentDecision(purpose: purpose, kind: try kind.contract())
        }
        let birthDate = try birthDate.map { text in
            guard let date = CalendarDate(text) else { throw VaultError(.inputInvalid, "'birth_date' must be a date, YYYY-MM-DD") }
            return date
        }
        return ConsentSubmission(decisions: decisions, method: try method?.contract() ?? .webForm,
                                 language: try language?.contract(), statementHash: statementHash?.lowercased(), birthDate: birthDate,
                                 guardian: try guardian.map { Guardian(name: $0.name, relationship: try $0.relationship.contract(),
                                                                        verification: try $0.verification.contract()) },
                                 globalPrivacyControl: globalPrivacyControl)
    }
}
