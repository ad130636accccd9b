import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KluisCore
import KluisAPI
import KluisServer
import KluisTesting
import Testing

/// Consent, withdrawal, objection, stale consent, the age rule and receipts, end to end over
/// the HTTP application, with the purpose decision checked after every step.
@Suite struct ConsentAPITests {
    static let adult = #""birth_date":"1990-05-17""#

    @Test(arguments: StoreKind.enabled) func withdrawalTakesEffectAtOnceInThePurposeDecision(store: StoreKind) async throws {
        let api = try await ConsentFixture(store: store)
        defer { api.fixture.fixture.directory.remove() }
        let subject = try await api.fixture.fixture.makeSubject()
        try await api.fixture.application().test(.router) { client in
            let before = try await client.send(.get, "/v1/subjects/\(subject)?purpose=newsletter", token: api.newsletterToken)
            #expect(before.status == .forbidden)
            #expect(before.problemCode == "consent.required")

            let given = try await client.send(.post, "/v1/subjects/\(subject)/consents", token: api.fixture.appToken,
                                              json: #"{"decisions":{"newsletter":"given"},"method":"web_form","language":"en",\#(Self.adult)}"#)
            #expect(given.status == .created)
            let givenBody = try given.json()
            #expect((givenBody["receipt"] as? String)?.split(separator: ".").count == 3)
            #expect(try Self.purpose("newsletter", in: givenBody)?["status"] as? String == "given")

            let read = try await client.send(.get, "/v1/subjects/\(subject)?purpose=newsletter", token: api.newsletterToken)
            #expect(read.status == .ok)
            #expect((try read.json()["categories"] as? [String: Any])?.keys.contains("contact") == true)

            let withdrawn = try await client.send(.post, "/v1/subjects/\(subject)/consents", token: api.fixture.appToken,
                                                  json: #"{"decisions":{"newsletter":"withdrawn"}}"#)
            #expect(withdrawn.status == .created)
            let after = try await client.send(.get, "/v1/subjects/\(subject)?purpose=newsletter", token: api.newsletterToken)
            #expect(after.status == .forbidden)
            #expect(after.problemCode == "consent.required")
            #expect(after.text.contains("withdrawn"))

            let overview = try await client.send(.get, "/v1/subjects/\(subject)/consents", token: api.fixture.appToken)
            #expect(overview.status == .ok)
            let body = try overview.json()
            let history = try #require(body["history"] as? [[String: Any]])
            #expect(history.map { $0["kind"] as? String } == ["given", "withdrawn"])
            #expect(history.first?["policy_version"] as? String == "1.0")
            #expect((history.first?["statement_hash"] as? String)?.count == 64)
            let newsletter = try #require(try Self.purpose("newsletter", in: body))
            #expect(newsletter["status"] as? String == "withdrawn")
            #expect(newsletter["permitted"] as? Bool == false)
            #expect(newsletter["withdrawn_at"] as? String == "2026-11-21T10:00:00Z")
        }
        // Every decision and the refused reads are in the audit chain, which still verifies.
        let events = try await api.fixture.fixture.vault.auditEvents(after: 0, subject: subject, limit: 100)
        let decisions: [String?] = events.filter { $0.entry.action == AuditAction.consent }.map { $0.entry.reason }
        #expect(decisions == ["given", "withdrawn"])
        let refusals: [String?] = events.filter { $0.entry.action == AuditAction.read && $0.entry.outcome == AuditOutcome.denied }
            .map { $0.entry.reason }
        #expect(refusals == ["consent.required", "consent.required"])
        #expect(try await api.fixture.fixture.vault.verifyAudit().isIntact)
    }

    @Test(arguments: StoreKind.enabled) func dataForAPurposeOnConsentIsWrittenOnlyWithConsent(store: StoreKind) async throws {
        let api = try await ConsentFixture(store: store)
        defer { api.fixture.fixture.directory.remove() }
        let subject = try await api.fixture.fixture.makeSubject()
        let before = try await api.fixture.fixture.store.snapshot(of: subject)
        try await api.fixture.application().test(.router) { client in
            let write = { try await client.send(.put, "/v1/subjects/\(subject)/contact", token: api.fixture.adminToken,
                                                json: #"{"purpose": "newsletter", "fields": {"email": "nieuwsbrief@voorbeeld.example"}}"#) }
            let refused = try await write()
            #expect(refused.status == .forbidden)
            #expect(refused.problemCode == "consent.required")
            #expect(try await api.fixture.fixture.store.snapshot(of: subject)?.records == before?.records, "nothing was written")
            let consented = try await client.send(.post, "/v1/subjects/\(subject)/consents", token: api.fixture.appToken,
                                                  json: #"{"decisions":{"newsletter":"given"},"birth_date":"1990-05-17"}"#)
            #expect(consented.status == .created)
            #expect(try await write().status == .ok)
            // A person created with data for it has given no consent yet: refused as a whole.
            let created = try await client.send(.post, "/v1/subjects", token: api.fixture.adminToken, json: """
                {"purpose": "newsletter", "records": [{"category": "contact", "fields": {"email": "nieuw@voorbeeld.example"}}]}
                """)
            #expect(created.status == .forbidden)
            #expect(created.problemCode == "consent.required")
        }
    }

    @Test(arguments: StoreKind.enabled) func objectionStopsALegitimateInterestAndDirectMarketing(store: StoreKind) async throws {
        let api = try await ConsentFixture(store: store)
        defer { api.fixture.fixture.directory.remove() }
        let subject = try await api.fixture.fixture.makeSubject()
        try await api.fixture.application().test(.router) { client in
            let read = { (purpose: String, token: String) in
                try await client.send(.get, "/v1/subjects/\(subject)?purpose=\(purpose)", token: token)
            }
            // Fraud checks apply from the start of a contract, and not before.
            #expect(try await read("fraud_checks", api.fraudToken).status == .forbidden)
            let started = try await client.send(.post, "/v1/subjects/\(subject)/events", token: api.fixture.appToken,
                                                json: #"{"name":"contract_start"}"#)
            #expect(started.status == .noContent)
            #expect(try await read("fraud_checks", api.fraudToken).status == .ok)
            let objected = try await client.send(.post, "/v1/subjects/\(subject)/consents", token: api.fixture.appToken,
                                                 json: #"{"decisions":{"fraud_checks":"objected"}}"#)
            #expect(objected.status == .created)
            #expect(try Self.purpose("fraud_checks", in: objected.json())?["objected"] as? Bool == true)
            let refused = try await read("fraud_checks", api.fraudToken)
            #expect(refused.status == .forbidden)
            #expect(refused.problemCode == "objection.in_force")

            // A contract is neither consented to nor objected to.
            let notApplicable = try await client.send(.post, "/v1/subjects/\(subject)/consents", token: api.fixture.appToken,
                                                      json: #"{"decisions":{"service":"objected"}}"#)
            #expect(notApplicable.status == .unprocessableContent)
            #expect(notApplicable.problemCode == "consent.not_applicable")

            // Sec-GPC: 1 on a consent call objects to direct marketing the call does not consent to.
            _ = try await client.send(.post, "/v1/subjects/\(subject)/consents", token: api.fixture.appToken,
                                      json: #"{"decisions":{"newsletter":"given"},\#(Self.adult)}"#)
            #expect(try await read("newsletter", api.newsletterToken).status == .ok)
            let signalled = try await client.send(.post, "/v1/subjects/\(subject)/consents", token: api.fixture.appToken,
                                                  json: #"{"decisions":{"fraud_checks":"objection_withdrawn"}}"#,
                                                  headers: [HTTPField.Name("Sec-GPC")!: "1"])
            #expect(signalled.status == .created)
            let events = try #require(try signalled.json()["events"] as? [[String: Any]])
            #expect(events.contains { $0["purpose"] as? String == "newsletter" && $0["kind"] as? String == "objected"
                && $0["method"] as? String == "browser_signal" })
            let marketing = try await read("newsletter", api.newsletterToken)
            #expect(marketing.status == .forbidden)
            #expect(marketing.problemCode == "objection.in_force")
            #expect(try await read("fraud_checks", api.fraudToken).status == .ok)

            // A later explicit consent is the person's latest word and lifts the objection.
            let again = try await client.send(.post, "/v1/subjects/\(subject)/consents", token: api.fixture.appToken,
                                              json: #"{"decisions":{"newsletter":"given"},\#(Self.adult)}"#)
            let kinds = try #require(try again.json()["events"] as? [[String: Any]]).compactMap { $0["kind"] as? String }
            #expect(kinds == ["objection_withdrawn", "renewed"])
            #expect(try await read("newsletter", api.newsletterToken).status == .ok)
        }
    }

    @Test(arguments: StoreKind.enabled) func aChangedPurposeMakesEarlierConsentStaleUntilRenewed(store: StoreKind) async throws {
        let api = try await ConsentFixture(store: store)
        defer { api.fixture.fixture.directory.remove() }
        let subject = try await api.fixture.fixture.makeSubject()
        let other = try await api.fixture.fixture.makeSubject(email: "piet@voorbeeld.example", phone: "06 2222 3333")
        try await api.fixture.application().test(.router) { client in
            for person in [subject, other] {
                let given = try await client.send(.post, "/v1/subjects/\(person)/consents", token: api.fixture.appToken,
                                                  json: #"{"decisions":{"newsletter":"given"},\#(Self.adult)}"#)
                #expect(given.status == .created)
            }
            _ = try await client.send(.post, "/v1/subjects/\(other)/consents", token: api.fixture.appToken,
                                      json: #"{"decisions":{"newsletter":"withdrawn"}}"#)
        }
        // A new version that changes nothing about the newsletter keeps its consents.
        let unchanged = try await api.fixture.fixture.reopened(with: .withConsent(version: "1.1"))
        try await APIFixture.application(for: unchanged, logs: api.fixture.logs).test(.router) { client in
            let read = try await client.send(.get, "/v1/subjects/\(subject)?purpose=newsletter", token: api.newsletterToken)
            #expect(read.status == .ok)
        }
        // A new version that describes the newsletter differently asks for consent again.
        let changed = try await api.fixture.fixture.reopened(with: .withConsent(version: "2.0", newsletterText: "Our weekly newsletter with offers from partners."))
        try await APIFixture.application(for: changed, logs: api.fixture.logs).test(.router) { client in
            let stale = try await client.send(.get, "/v1/subjects/\(subject)?purpose=newsletter", token: api.newsletterToken)
            #expect(stale.status == .forbidden)
            #expect(stale.problemCode == "consent.stale")

            let list = try await client.send(.get, "/v1/consents/stale?purpose=newsletter", token: api.fixture.adminToken)
            #expect(list.status == .ok)
            let purposes = try #require(try list.json()["purposes"] as? [[String: Any]])
            // Only people whose latest word was consent must be asked again, not those who withdrew.
            #expect(purposes.first?["subjects"] as? [String] == [subject.rawValue])
            let byApp = try await client.send(.get, "/v1/consents/stale", token: api.fixture.appToken)
            #expect(byApp.problemCode == "purpose.not_allowed")

            let renewed = try await client.send(.post, "/v1/subjects/\(subject)/consents", token: api.fixture.appToken,
                                                json: #"{"decisions":{"newsletter":"given"},\#(Self.adult)}"#)
            let events = try #require(try renewed.json()["events"] as? [[String: Any]])
            #expect(events.map { $0["kind"] as? String } == ["renewed"])
            #expect(events.first?["policy_version"] as? String == "2.0")
            #expect(try await client.send(.get, "/v1/subjects/\(subject)?purpose=newsletter", token: api.newsletterToken).status == .ok)
            let empty = try await client.send(.get, "/v1/consents/stale?purpose=newsletter", token: api.fixture.adminToken)
            #expect((try empty.json()["purposes"] as? [[String: Any]])?.first?["subjects"] as? [String] == [])
        }
    }

    @Test(arguments: StoreKind.enabled) func theAgeRuleAsksForAGuardianAndKeepsTheirNameSealed(store: StoreKind) async throws {
        let api = try await ConsentFixture(store: store)
        defer { api.fixture.fixture.directory.remove() }
        let subject = try await api.fixture.fixture.makeSubject()
        let guardianName = "Marieke Guardiaan-Verhoeven"
        try await api.fixture.application().test(.router) { client in
            let post = { (json: String) in
                try await client.send(.post, "/v1/subjects/\(subject)/consents", token: api.fixture.appToken, json: json)
            }
            let noAge = try await post(#"{"decisions":{"newsletter":"given"}}"#)
            #expect(noAge.status == .unprocessableContent)
            #expect(noAge.problemCode == "consent.age_required")
            // Fifteen on the fixed clock's day (2026-11-21): one day short of sixteen.
            let minor = #""birth_date":"2010-11-22""#
            let alone = try await post(#"{"decisions":{"newsletter":"given"},\#(minor)}"#)
            #expect(alone.problemCode == "consent.guardian_required")
            let sixteenToday = try await post(#"{"decisions":{"newsletter":"given"},"birth_date":"2010-11-21"}"#)
            #expect(sixteenToday.status == .created)
            _ = try await post(#"{"decisions":{"newsletter":"withdrawn"}}"#)

            let withGuardian = try await post(#"{"decisions":{"newsletter":"given"},\#(minor),"guardian":{"name":"\#(guardianName)","relationship":"parent","verification":"id_document"}}"#)
            #expect(withGuardian.status == .created)
            let body = try withGuardian.json()
            let event = try #require((body["events"] as? [[String: Any]])?.first)
            #expect(event["minor"] as? Bool == true)
            #expect(event["guardian_relationship"] as? String == "parent")
            #expect(event["guardian_verification"] as? String == "id_document")
            let jws = try #require(body["receipt"] as? String)
            #expect(!withGuardian.text.replacingOccurrences(of: jws, with: "").contains(guardianName))
            let receipt = try #require(try Self.payload(of: jws))
            let parental = try #require(receipt["parentalConsent"] as? [String: String])
            #expect(parental == ["guardianName": guardianName, "relationship": "parent", "verification": "id_document"])
            let overview = try await client.send(.get, "/v1/subjects/\(subject)/consents", token: api.fixture.appToken)
            #expect(!overview.text.contains(guardianName))
        }
        if store == .sqlite {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: api.fixture.fixture.databasePath))
            #expect(bytes.range(of: Data(guardianName.utf8)) == nil)
        }
        #expect(!api.fixture.logs.text.contains(guardianName))
    }

    @Test(arguments: StoreKind.enabled) func aPolicyThatRefusesMinorsRecordsNothingForThem(store: StoreKind) async throws {
        let api = try await ConsentFixture(store: store, policy: .withConsent(belowMinimum: "refuse"))
        defer { api.fixture.fixture.directory.remove() }
        let subject = try await api.fixture.fixture.makeSubject()
        try await api.fixture.application().test(.router) { client in
            let refused = try await client.send(.post, "/v1/subjects/\(subject)/consents", token: api.fixture.appToken,
                                                json: #"{"decisions":{"newsletter":"given"},"birth_date":"2012-01-01","guardian":{"name":"A. Ouder","relationship":"parent","verification":"signed_form"}}"#)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.problemCode == "consent.minor_refused")
            let overview = try await client.send(.get, "/v1/subjects/\(subject)/consents", token: api.fixture.appToken)
            #expect((try overview.json()["history"] as? [Any])?.isEmpty == true)
        }
    }

    @Test(arguments: StoreKind.enabled) func badConsentCallsAreRefusedAndChangeNothing(store: StoreKind) async throws {
        let api = try await ConsentFixture(store: store)
        defer { api.fixture.fixture.directory.remove() }
        let subject = try await api.fixture.fixture.makeSubject()
        try await api.fixture.application().test(.router) { client in
            let cases: [(String, String)] = [
                (#"{"decisions":{"newsletter":"maybe"}}"#, "input.invalid"),
                (#"{"decisions":{"newsletter":"renewed"},\#(Self.adult)}"#, "input.invalid"),
                (#"{"decisions":{"holidays":"given"},\#(Self.adult)}"#, "purpose.unknown"),
                (#"{"decisions":{}}"#, "input.invalid"),
                (#"{"decisions":{"newsletter":"given"},"birth_date":"2026-02-30"}"#, "input.invalid"),
                (#"{"decisions":{"newsletter":"given"},"method":"carrier_pigeon",\#(Self.adult)}"#, "input.invalid"),
                (#"{"decisions":{"newsletter":"given"},"statement_hash":"abc",\#(Self.adult)}"#, "input.invalid"),
                (#"{"decisions":{"service":"given"},\#(Self.adult)}"#, "consent.not_applicable"),
            ]
            for (json, code) in cases {
                let answer = try await client.send(.post, "/v1/subjects/\(subject)/consents", token: api.fixture.appToken, json: json)
                #expect(answer.problemCode == code, "\(json)")
            }
            let unknown = try await client.send(.post, "/v1/subjects/sub_aaaaaaaaaaaaaaaaaaaaaaaaaa/consents", token: api.fixture.appToken,
                                                json: #"{"decisions":{"newsletter":"given"},\#(Self.adult)}"#)
            #expect(unknown.problemCode == "subject.not_found")
            let anonymous = try await client.send(.post, "/v1/subjects/\(subject)/consents", token: nil,
                                                  json: #"{"decisions":{"newsletter":"given"}}"#)
            #expect(anonymous.status == .unauthorized)
            let overview = try await client.send(.get, "/v1/subjects/\(subject)/consents", token: api.fixture.appToken)
            #expect((try overview.json()["history"] as? [Any])?.isEmpty == true)
        }
    }

    @Test(arguments: StoreKind.enabled) func aReceiptIsAKantaraReceiptSignedWithTheServedKey(store: StoreKind) async throws {
        let api = try await ConsentFixture(store: store)
        defer { api.fixture.fixture.directory.remove() }
        let subject = try await api.fixture.fixture.makeSubject()
        try await api.fixture.application().test(.router) { client in
            let given = try await client.send(.post, "/v1/subjects/\(subject)/consents", token: api.fixture.appToken,
                                              json: #"{"decisions":{"newsletter":"given"},"method":"paper","language":"nl",\#(Self.adult)}"#)
            let receipt = try #require(try given.json()["receipt"] as? String)

            // Checked independently of Kluis's own verifier: the public JWK and swift-crypto.
            let keys = try await client.send(.get, "/v1/consent-receipts/keys", token: nil)
            let jwk = try #require((try keys.json()["keys"] as? [[String: String]])?.first)
            #expect(jwk["kty"] == "EC" && jwk["crv"] == "P-256" && jwk["alg"] == "ES256")
            let x = try #require(Self.base64URL(jwk["x"] ?? "")), y = try #require(Self.base64URL(jwk["y"] ?? ""))
            let publicKey = try P256.Signing.PublicKey(x963Representation: Data([4]) + x + y)
            let parts = receipt.split(separator: ".").map(String.init)
            let signature = try P256.Signing.ECDSASignature(rawRepresentation: try #require(Self.base64URL(parts[2])))
            #expect(publicKey.isValidSignature(signature, for: Data("\(parts[0]).\(parts[1])".utf8)))
            let headerData = try #require(Self.base64URL(parts[0]))
            let header = try #require(try JSONSerialization.jsonObject(with: headerData) as? [String: String])
            #expect(header["alg"] == "ES256" && header["kid"] == jwk["kid"])

            let payload = try #require(try Self.payload(of: receipt))
            #expect(payload["version"] as? String == "KI-CR-v1.1.0")
            #expect(payload["jurisdiction"] as? String == "NL")
            #expect(payload["collectionMethod"] as? String == "paper")
            #expect(payload["language"] as? String == "nl")
            #expect(payload["piiPrincipalId"] as? String == subject.rawValue)
            #expect(payload["consentTimestamp"] as? Int == 1_795_255_200) // 2026-11-21T10:00:00Z
            #expect((payload["piiControllers"] as? [[String: Any]])?.first?["piiController"] as? String == "Voorbeeld B.V.")
            #expect(payload["policyVersion"] as? String == "1.0")
            #expect((payload["policyVersionHash"] as? String)?.count == 64)
            let purpose = try #require(((payload["services"] as? [[String: Any]])?.first?["purposes"] as? [[String: Any]])?.first)
            #expect(purpose["purpose"] as? String == "Nieuwsbrief")
            #expect(purpose["purposeCategory"] as? [String] == ["newsletter"])
            #expect(purpose["consentType"] as? String == "EXPLICIT")
            #expect(purpose["piiCategory"] as? [String] == ["user.contact.email"])
            #expect(purpose["status"] as? String == "given")
            let consentText = "Nieuwsbrief: Onze maandelijkse nieuwsbrief met aanbiedingen."
            #expect(purpose["statementHash"] as? String == SHA256.hash(data: Data(consentText.utf8)).map { String(format: "%02x", $0) }.joined())

            let verified = try await client.send(.post, "/v1/consent-receipts/verify", token: nil, json: #"{"receipt":"\#(receipt)"}"#)
            #expect(verified.status == .ok)
            let check = try verified.json()
            #expect(check["valid"] as? Bool == true)
            #expect((check["current"] as? [[String: Any]])?.first?["status"] as? String == "given")

            // After a withdrawal the same receipt still verifies, and says consent is withdrawn now.
            let withdrawn = try await client.send(.post, "/v1/subjects/\(subject)/consents", token: api.fixture.appToken,
                                                  json: #"{"decisions":{"newsletter":"withdrawn"}}"#)
            let withdrawalJWS = try #require(try withdrawn.json()["receipt"] as? String)
            let withdrawal = try #require(try Self.payload(of: withdrawalJWS))
            let withdrawnPurpose = ((withdrawal["services"] as? [[String: Any]])?.first?["purposes"] as? [[String: Any]])?.first
            #expect(withdrawnPurpose?["withdrawalTimestamp"] as? Int == 1_795_255_200)
            let later = try await client.send(.post, "/v1/consent-receipts/verify", token: nil, json: #"{"receipt":"\#(receipt)"}"#)
            #expect((try later.json()["current"] as? [[String: Any]])?.first?["status"] as? String == "withdrawn")

            // A receipt changed by one character in its payload does not verify.
            var tamperedPayload = try #require(Self.base64URL(parts[1]))
            let index = try #require(tamperedPayload.firstIndex(of: UInt8(ascii: "1")))
            tamperedPayload[index] = UInt8(ascii: "2")
            let tampered = parts[0] + "." + Self.base64URLString(tamperedPayload) + "." + parts[2]
            let bad = try await client.send(.post, "/v1/consent-receipts/verify", token: nil, json: #"{"receipt":"\#(tampered)"}"#)
            #expect(try bad.json()["valid"] as? Bool == false)
            #expect(try bad.json()["reason"] as? String == "bad_signature")
            let garbage = try await client.send(.post, "/v1/consent-receipts/verify", token: nil, json: #"{"receipt":"not a receipt"}"#)
            #expect(try garbage.json()["reason"] as? String == "malformed")
        }
    }

    // MARK: Helpers

    static func purpose(_ id: String, in body: [String: Any]) throws -> [String: Any]? {
        (body["purposes"] as? [[String: Any]])?.first { $0["purpose"] as? String == id }
    }

    static func payload(of jws: String) throws -> [String: Any]? {
        let parts = jws.split(separator: ".")
        guard parts.count == 3, let data = base64URL(String(parts[1])) else { return nil }
        return try JSONSerialization.jsonObject(with: data) as? [String: Any]
    }

    static func base64URL(_ text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }

    static func base64URLString(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

/// The API fixture on the consent policy, with keys bound to the newsletter and to fraud checks.
struct ConsentFixture {
    let fixture: APIFixture
    let newsletterToken: String
    let fraudToken: String

    init(store: StoreKind, policy: PolicyFixture = .withConsent()) async throws {
        fixture = try await APIFixture(store: store, policy: policy)
        newsletterToken = try await fixture.fixture.vault.createAPIKey(name: "mailer", purposes: ["newsletter"], by: VaultFixture.admin).token
        fraudToken = try await fixture.fixture.vault.createAPIKey(name: "fraud", purposes: ["fraud_checks"], by: VaultFixture.admin).token
    }
}
