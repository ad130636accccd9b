import KluisContract
import KluisCore

/// The contract's retention answers, made from the core's values.
extension Components.Schemas.SweepReport {
    init(_ report: SweepReport) {
        self.init(time: report.time, dryRun: report.dryRun, removed: .init(report.removed), rescheduled: report.rescheduled,
                  auditEventsReduced: report.auditEventsReduced, requestsDeleted: report.requestsDeleted)
    }
}

extension Components.Schemas.SweepTally {
    init(_ tally: SweepTally) {
        self.init(counts: tally.counts.map { count in
            .init(purpose: count.purpose, category: count.category, action: .init(count.action), records: count.records)
        }, subjectsRemoved: tally.subjectsRemoved)
    }
}

extension Components.Schemas.SweepTally.CountsPayloadPayload.ActionPayload {
    init(_ action: RetentionAction) {
        switch action {
        case .delete: self = .delete
        case .anonymise: self = .anonymise
        }
    }
}

extension Components.Schemas.RetentionReport {
    init(_ report: RetentionReport) {
        self.init(time: report.time,
                  dated: report.dated.map { .init(category: $0.category, purpose: $0.purpose, records: $0.records, due: $0.due, next: $0.next) },
                  undated: report.undated.map { .init(category: $0.category, purpose: $0.purpose, reason: .init($0.reason), detail: $0.detail, records: $0.records) },
                  applications: report.applications.map { .init(purpose: $0.purpose, reason: $0.reason, subjects: $0.subjects) })
    }
}

extension Components.Schemas.RetentionUndated.ReasonPayload {
    init(_ kind: UndatedReason.Kind) {
        switch kind {
        case .hold: self = .hold
        case .restriction: self = .restriction
        case .awaitingEvent: self = .awaitingEvent
        }
    }
}

extension Components.Schemas.AnonymousRecord {
    init(_ record: AnonymousRecord) {
        self.init(category: record.category, purpose: record.purpose, anonymisedOn: record.anonymisedOn.description,
                  fields: .init(additionalProperties: record.fields))
    }
}
