import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KluisCore
import KluisAPI
import KluisServer
import KluisTesting
import Testing

/// Each seed's statement run forward in time, end to end over HTTP on both stores: people are
/// created, written to, consent and are followed by events through the API, and sweeps run at
/// each promised moment, one second before and one second after. What remains is read from the
/// store, record by record.
@Suite struct SeedScenarioTests {
    static let scenarios: [SeedScenario] = [.coaching, .itService, .freelancePlatform, .matchingPlatform, .jobsMarketplace]

    @Test(arguments: StoreKind.enabled, scenarios)
    func theStatementsPromisesHoldForEveryone(store: StoreKind, scenario: SeedScenario) async throws {
        let file = Fixtures.examplesDirectory.appendingPathComponent(scenario.policy)
        let clock = FixedClock("2025-01-01T00:00:00Z")
        let fixture = try await VaultFixture(store: store, clock: clock, policy: try Fixtures.validPolicy(file))
        defer { fixture.directory.remove() }
        let admin = try await fixture.vault.createAPIKey(name: "office", purposes: [], mayBreakGlass: true, isAdmin: true,
                                                         by: VaultFixture.admin).token
        // An application bound to every purpose, for reads that must not break glass.
        let app = try await fixture.vault.createAPIKey(name: "app", purposes: fixture.policy.purposes.map(\.id),
                                                       by: VaultFixture.admin).token
        let application = KluisApplication.buildApplication(vault: fixture.vault, http: HTTPConfiguration(maximumBodySize: 64 * 1024),
                                                 logger: LogCapture().logger())
        let times = scenario.timeline.map { SeedScenario.time($0.at) }
        #expect(times == times.sorted(), "the timeline of \(scenario.policy) is in time order")
        try await application.test(.router) { client in
            var people: [String: SubjectID] = [:]
            for step in scenario.timeline {
                try await Self.run(step, people: &people, client: client, token: admin, app: app, fixture: fixture)
            }
        }
        // Every decision left a verifiable trail.
        #expect(try await fixture.vault.verifyAudit().isIntact)
    }

    static func run(_ step: SeedScenario.Step, people: inout [String: SubjectID], client: some TestClientProtocol,
                    token: String, app: String, fixture: VaultFixture) async throws {
        switch step {
        case .create(let name, let at, let writes):
            fixture.clock.set(SeedScenario.time(at))
            let records = writes.map { ["category": $0.category, "fields": $0.resolved(people), "purpose": $0.purpose] as [String: Any] }
            let body = try JSONSerialization.data(withJSONObject: ["records": records])
            let created = try await client.send(.post, "/v1/subjects", token: token, json: String(decoding: body, as: UTF8.self))
            #expect(created.status == .created, "\(name): \(created.text)")
            people[name] = try #require(SubjectID(rawValue: try created.json()["id"] as? String ?? ""))
        case .write(let name, let at, let writes):
            fixture.clock.set(SeedScenario.time(at))
            let subject = try #require(people[name])
            for write in writes {
                let body = try JSONSerialization.data(withJSONObject: ["fields": write.resolved(people), "purpose": write.purpose] as [String: Any])
                let written = try await client.send(.put, "/v1/subjects/\(subject)/\(write.category)", token: token,
                                                    json: String(decoding: body, as: UTF8.self))
                #expect(written.status == .ok, "\(name) \(write.category): \(written.text)")
            }
        case .event(let name, let event, let at):
            fixture.clock.set(SeedScenario.time(at))
            let subject = try #require(people[name])
            let recorded = try await client.send(.post, "/v1/subjects/\(subject)/events", token: token,
                                                 json: #"{"name": "\#(event)", "at": "\#(at)"}"#)
            #expect(recorded.status == .noContent, "\(name) \(event): \(recorded.text)")
        case .consent(let name, let decisions, let at):
            fixture.clock.set(SeedScenario.time(at))
            let subject = try #require(people[name])
            let body = try JSONSerialization.data(withJSONObject: ["decisions": decisions, "birth_date": "1985-04-12"] as [String: Any])
            let recorded = try await client.send(.post, "/v1/subjects/\(subject)/consents", token: token,
                                                 json: String(decoding: body, as: UTF8.self))
            #expect(recorded.status == .created, "\(name) consent: \(recorded.text)")
        case .hold(let name, let hold, let placed, let at):
            fixture.clock.set(SeedScenario.time(at))
            let subject = try #require(people[name])
            let answer = try await client.send(placed ? .put : .delete, "/v1/subjects/\(subject)/holds/\(hold)", token: token)
            #expect(answer.status == .noContent, "\(name) hold \(hold): \(answer.text)")
        case .expect(let at, let kept, let because):
            fixture.clock.set(SeedScenario.time(at))
            let swept = try await client.send(.post, "/v1/retention/sweeps", token: token, json: "{}")
            #expect(swept.status == .ok)
            #expect(Set(kept.keys) == Set(people.keys), "at \(at), every person of the scenario is accounted for")
            for (name, categories) in kept.sorted(by: { $0.key < $1.key }) {
                let subject = try #require(people[name], "\(name) is not in the scenario")
                let snapshot = try await fixture.store.snapshot(of: subject)
                var held: [String: Int] = [:]
                for record in snapshot?.records ?? [] { held[record.category, default: 0] += 1 }
                #expect(held == categories, "at \(at), \(name): \(because)")
                if categories.isEmpty { #expect(snapshot == nil, "at \(at), \(name) has nothing left and is gone") }
            }
            // No record is kept without a date or a stated reason, and the report counts every one.
            let report = try await client.send(.get, "/v1/retention/report", token: token).json()
            let dated = report["dated"] as? [[String: Any]] ?? [], undated = report["undated"] as? [[String: Any]] ?? []
            let counted = (dated + undated).reduce(0) { $0 + ($1["records"] as? Int ?? 0) }
            #expect(counted == kept.values.reduce(0) { $0 + $1.values.reduce(0, +) }, "at \(at), the report counts every record")
            for entry in undated {
                let reason = entry["reason"] as? String
                #expect(["hold", "restriction", "awaiting_event"].contains(reason), "at \(at): \(entry)")
                #expect(reason == "restriction" || (entry["detail"] as? String).map { !$0.isEmpty && $0 != "unknown" } == true, "at \(at): \(entry)")
            }
        case .read(let name, let purpose, let at, let status):
            fixture.clock.set(SeedScenario.time(at))
            let subject = try #require(people[name])
            let read = try await client.send(.get, "/v1/subjects/\(subject)?purpose=\(purpose)", token: app)
            #expect(read.status.code == status, "\(name) read for \(purpose): \(read.text)")
        case .disclose(let name, let recipient, let purpose, let categories, let at, let answer):
            fixture.clock.set(SeedScenario.time(at))
            let subject = try #require(people[name])
            let body = try JSONSerialization.data(withJSONObject: ["recipient": recipient, "purpose": purpose, "categories": categories] as [String: Any])
            let disclosed = try await client.send(.post, "/v1/subjects/\(subject)/disclosures", token: token,
                                                  json: String(decoding: body, as: UTF8.self))
            if answer == "allowed" {
                #expect(disclosed.status == .noContent, "\(name) to \(recipient) for \(purpose): \(disclosed.text)")
            } else {
                #expect(disclosed.problemCode == answer, "\(name) to \(recipient) for \(purpose): \(disclosed.text)")
            }
        }
    }
}
