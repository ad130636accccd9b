import Foundation

/// What the vault keeps and why, without a single value: per category and purpose, the records
/// with a date and the next one due, the records without one and the reason, and per purpose how
/// many people it applies to and on what grounds. Answers "is anything kept for ever?"
public struct RetentionReport: Sendable, Hashable, Codable {
    /// The moment the report counted from.
    public var time: Date
    public var dated: [Dated]
    public var undated: [Undated]
    public var applications: [Applications]

    public init(time: Date, dated: [Dated] = [], undated: [Undated] = [], applications: [Applications] = []) {
        self.time = time
        self.dated = dated
        self.undated = undated
        self.applications = applications
    }

    /// Records of one category whose date one purpose decides (`nil`: no purpose holds them,
    /// so they go at the next sweep).
    public struct Dated: Sendable, Hashable, Codable {
        public var category: String
        public var purpose: String?
        public var records: Int
        /// How many of them are due at the report's time.
        public var due: Int
        /// The earliest erase-by date among them.
        public var next: Date
    }

    /// Records of one category kept until something happens.
    public struct Undated: Sendable, Hashable, Codable {
        public var category: String
        public var purpose: String?
        /// `hold`, `restriction` or `awaiting_event`.
        public var reason: UndatedReason.Kind
        /// The hold, or the anchor awaited.
        public var detail: String?
        public var records: Int
    }

    /// How many people a purpose applies to for one reason (a person may count under several).
    public struct Applications: Sendable, Hashable, Codable {
        public var purpose: String
        /// `collected`, `consent`, `event:NAME` or `inherited` (data written before Kluis recorded
        /// what it was collected for).
        public var reason: String
        public var subjects: Int
    }

    /// Adds one record's plan.
    mutating func count(_ record: SealedRecord, schedule: ErasureSchedule, undated reason: UndatedReason?, now: Date) {
        if let eraseBy = schedule.eraseBy {
            if let index = dated.firstIndex(where: { $0.category == record.category && $0.purpose == schedule.purpose }) {
                dated[index].records += 1
                dated[index].due += eraseBy <= now ? 1 : 0
                dated[index].next = min(dated[index].next, eraseBy)
            } else {
                dated.append(Dated(category: record.category, purpose: schedule.purpose, records: 1, due: eraseBy <= now ? 1 : 0, next: eraseBy))
            }
            return
        }
        let reason = reason ?? .awaitingEvent("unknown")
        if let index = undated.firstIndex(where: {
            $0.category == record.category && $0.purpose == schedule.purpose && $0.reason == reason.kind && $0.detail == reason.detail
        }) {
            undated[index].records += 1
        } else {
            undated.append(Undated(category: record.category, purpose: schedule.purpose, reason: reason.kind, detail: reason.detail, records: 1))
        }
    }

    /// Adds one person's purposes.
    mutating func count(_ applications: [PurposeApplication]) {
        for application in applications {
            for reason in application.reasons.map(\.description) {
                if let index = self.applications.firstIndex(where: { $0.purpose == application.purpose && $0.reason == reason }) {
                    self.applications[index].subjects += 1
                } else {
                    self.applications.append(Applications(purpose: application.purpose, reason: reason, subjects: 1))
                }
            }
        }
    }

    /// The lists in a stable order: by category, purpose and reason.
    mutating func sort() {
        dated.sort { ($0.category, $0.purpose ?? "") < ($1.category, $1.purpose ?? "") }
        undated.sort { ($0.category, $0.purpose ?? "", $0.reason, $0.detail ?? "") < ($1.category, $1.purpose ?? "", $1.reason, $1.detail ?? "") }
        applications.sort { ($0.purpose, $0.reason) < ($1.purpose, $1.reason) }
    }
}
