import Foundation

/// What an application hears of a change to a person it holds data of (art. 19: recipients are
/// told of a rectification, an erasure or a restriction): an event made from the audit chain, so
/// that every event is one the vault committed, in the chain's order. It carries ids,
/// categories and purposes, never a value.
public struct WebhookEvent: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case erased = "subject.erased"
        case partiallyErased = "subject.partially_erased"
        case rectified = "subject.rectified"
        case restricted = "subject.restricted"
        case restrictionLifted = "subject.restriction_lifted"
        case consentWithdrawn = "consent.withdrawn"
        case objected = "objection.made"
        case requestChanged = "request.status_changed"
    }

    /// `evt_1234_0`: the audit event's sequence and the event's place among those made from it.
    public var id: String
    public var kind: Kind
    public var time: Date
    public var auditSequence: Int64
    public var subject: SubjectID?
    public var categories: [String]
    public var purpose: String?
    public var request: String?
    public var requestType: String?
    public var requestState: String?

    /// The events an audit event makes, none for most: reads, writes by applications, and
    /// events whose content the log's retention removed.
    public static func events(of event: AuditEvent) -> [WebhookEvent] {
        guard !event.isReduced else { return [] }
        let entry = event.entry
        var kinds: [(Kind, request: (id: String, type: String, state: String)?)] = []
        let words = (entry.reason ?? "").split(separator: " ").map(String.init)
        // A request's audit reason is "req_… TYPE STATE" ("req_… erasure fulfilled").
        let request = words.count >= 3 && words[0].hasPrefix("req_") && RequestType(rawValue: words[1]) != nil
            && RequestState(rawValue: words[2]) != nil ? (id: words[0], type: words[1], state: words[2]) : nil
        switch entry.action {
        case .erasure:
            // An erasure a request asked for names it: "req_…".
            let asked = words.first.flatMap { $0.hasPrefix("req_") ? (id: $0, type: RequestType.erasure.rawValue, state: RequestState.fulfilled.rawValue) : nil }
            kinds.append((entry.outcome == .partial ? .partiallyErased : .erased, asked))
        case .write where words.count == 2 && words[1] == RequestType.rectification.rawValue:
            kinds.append((.rectified, nil))
        case .restriction:
            kinds.append((words.first == "lifted;" ? .restrictionLifted : .restricted, nil))
        case .consent where entry.reason == ConsentEvent.Kind.withdrawn.rawValue:
            kinds.append((.consentWithdrawn, nil))
        case .consent where entry.reason == ConsentEvent.Kind.objected.rawValue:
            kinds.append((.objected, nil))
        case .request:
            if let request {
                if request.type == RequestType.restriction.rawValue, request.state == RequestState.fulfilled.rawValue {
                    kinds.append((.restricted, nil))
                }
                kinds.append((.requestChanged, request))
            }
        default:
            break
        }
        return kinds.enumerated().map { index, made in
            WebhookEvent(id: "evt_\(event.sequence)_\(index)", kind: made.0, time: entry.time, auditSequence: event.sequence,
                         subject: entry.subject, categories: entry.categories, purpose: entry.purpose,
                         request: made.request?.id, requestType: made.request?.type,
                         requestState: made.0 == .requestChanged ? made.request?.state : nil)
        }
    }

    /// The body sent: a JSON object with snake_case keys, sorted, times in ISO 8601 UTC.
    ///
    /// ```json
    /// {"audit_sequence":812,"created_at":"2026-12-04T16:40:00Z","data":{"categories":["contact"],
    ///  "request":"req_…","subject":"sub_…"},"id":"evt_812_0","type":"subject.erased"}
    /// ```
    public var body: Data {
        var data: [String: Any] = ["categories": categories]
        data["subject"] = subject?.rawValue
        data["purpose"] = purpose
        data["request"] = request
        data["request_type"] = requestType
        data["state"] = requestState
        let object: [String: Any] = ["id": id, "type": kind.rawValue, "created_at": time.formatted(.iso8601),
                                     "audit_sequence": auditSequence, "data": data]
        // Strings, numbers, arrays and objects of them: serialising cannot fail.
        return try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    }
}
