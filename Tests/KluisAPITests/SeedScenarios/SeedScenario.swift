import Foundation
import KluisCore
import Testing

/// A seed's statement run forward in time: the people it speaks of, what happens to them and
/// when, and at each promised moment which of their records must still be there. The expected
/// counts are worked out by hand from the statement and the policy, never by Kluis.
struct SeedScenario: Sendable, CustomTestStringConvertible {
    /// The example policy, in `examples/policies`.
    var policy: String
    /// What happens, and what must be true, in time order.
    var timeline: [Step]

    var testDescription: String { policy }

    /// Something that happens to a person at a moment, or a check of what is kept.
    enum Step: Sendable {
        /// A new person with records, each collected for its purpose.
        case create(String, at: String, [Write])
        /// More records of a person.
        case write(String, at: String, [Write])
        /// A lifecycle event, recorded at the moment it happened.
        case event(String, String, at: String)
        /// Consent decisions: `given` or `withdrawn`, by purpose.
        case consent(String, [String: String], at: String)
        /// A legal hold placed (`true`) or released.
        case hold(String, String, placed: Bool, at: String)
        /// A sweep at the moment, then, per person, the number of records per category that
        /// must remain; a category not named must be gone, and a person with nothing named
        /// must be gone altogether.
        case expect(at: String, [String: [String: Int]], because: String)
        /// A read for a purpose answers `status` (200, or 403 when the purpose does not apply).
        case read(String, purpose: String, at: String, status: Int)
        /// A disclosure of categories to a recipient for a purpose: `allowed`, or refused with
        /// the problem code given.
        case disclose(String, to: String, for: String, [String], at: String, answer: String)

        /// The moment of the step.
        var at: String {
            switch self {
            case .create(_, let at, _), .write(_, let at, _), .event(_, _, let at), .consent(_, _, let at),
                 .hold(_, _, _, let at), .expect(let at, _, _), .read(_, _, let at, _), .disclose(_, _, _, _, let at, _):
                return at
            }
        }
    }

    /// One record to write: its category, fields and the purpose it is collected for.
    struct Write: Sendable {
        var category: String
        var fields: [String: String]
        var purpose: String

        init(_ category: String, _ fields: [String: String], for purpose: String) {
            self.category = category
            self.fields = fields
            self.purpose = purpose
        }

        /// The fields with `@Name` replaced by the subject id of that person of the scenario: how
        /// a record refers to another person.
        func resolved(_ people: [String: SubjectID]) -> [String: String] {
            fields.mapValues { value in
                guard value.hasPrefix("@"), let id = people[String(value.dropFirst())] else { return value }
                return id.rawValue
            }
        }
    }

    /// The moment of a step, for ordering and the clock.
    static func time(_ text: String) -> Date {
        guard let date = ISO8601DateFormatter().date(from: text) else { fatalError("not an ISO 8601 time: \(text)") }
        return date
    }
}
