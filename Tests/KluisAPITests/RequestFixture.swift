import Foundation
import Hummingbird
import HummingbirdTesting
import KluisCore
import KluisAPI
import KluisServer
import KluisTesting

/// An API fixture with the request policy (``PolicyFixture/withRequests()``) whose one-time codes
/// go to a file outbox.
struct RequestFixture {
    let api: APIFixture
    let outbox: URL

    init(store: StoreKind) async throws {
        api = try await APIFixture(store: store, policy: .withRequests())
        outbox = URL(fileURLWithPath: api.fixture.directory.path("outbox"))
    }

    var vault: Vault { api.fixture.vault }

    func application() -> some ApplicationProtocol {
        APIFixture.application(for: vault, logs: api.logs,
                               configuration: HTTPConfiguration(maximumBodySize: 64 * 1024, outbox: FileOutbox(directory: outbox, from: .example)))
    }

    /// A subject with contact details and an invoice dated `invoiceDate`.
    func makeCustomer(email: String = "jan.jansen@voorbeeld.example", invoiceDate: String = "2026-03-15") async throws -> SubjectID {
        try await vault.createSubject(
            NewSubject(identifiers: [SubjectIdentifier(kind: .email, value: email)],
                       records: [NewRecord(category: "contact", fields: ["email": email, "phone": "06 1234 5678"], purpose: "service"),
                                 NewRecord(category: "invoices", fields: ["number": "F-2026-0042", "amount": "121.00", "invoice_date": invoiceDate])]),
            by: VaultFixture.admin)
    }

    /// The one-time code in the newest message of the outbox.
    func lastCode() throws -> String? {
        let files = try FileManager.default.contentsOfDirectory(atPath: outbox.path).sorted()
        guard let last = files.last else { return nil }
        let text = try String(contentsOfFile: outbox.appendingPathComponent(last).path, encoding: .utf8)
        guard let range = text.range(of: #"is: \d{6}"#, options: .regularExpression) else { return nil }
        return String(text[range].suffix(6))
    }
}
