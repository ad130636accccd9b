import Foundation

/// Works out when a record's retention under a purpose ends, from the policy's terms, the
/// subject's events and the record's own times. A pure function of its inputs and `now`.
public struct RetentionClock: Sendable {
    public let calendar: LegalCalendar
    public let fiscalYearEnd: MonthDay

    public init(calendar: LegalCalendar = LegalCalendar(), fiscalYearEnd: MonthDay) {
        self.calendar = calendar
        self.fiscalYearEnd = fiscalYearEnd
    }

    /// The moment the record may no longer be kept for this purpose, or `nil` while its anchor
    /// event has not happened (the clock has not started).
    ///
    /// `fieldDate` gives the value of a date field, for `field:` anchors. A `consent_withdrawn`
    /// anchor counts from the end of consent for `purpose` itself (withdrawn, expired or refused
    /// after all), else from a `consent_withdrawn` event the application sent.
    public func expiry(of record: SealedRecord, terms: RetentionRule.Terms, state: SubjectState, purpose: String,
                       fieldDate: (String) -> CalendarDate? = { _ in nil }) -> Date? {
        let anchor: Date?
        switch terms.anchor {
        case .collected: anchor = record.createdAt
        case .lastContact: anchor = state.events["last_contact"]
        case .contractEnd: anchor = state.events["contract_end"]
        case .consentWithdrawn: anchor = state.consents.consentEnded(for: purpose) ?? state.events["consent_withdrawn"]
        case .accountClosed: anchor = state.events["account_closed"]
        case .fiscalYearEnd: anchor = calendar.endOfFiscalYear(containing: record.createdAt, yearEnd: fiscalYearEnd)
        case .field(let name): anchor = fieldDate(name).flatMap(calendar.startOfDay)
        case .event(let name): anchor = state.events[name]
        }
        return anchor.map { calendar.adding(terms.duration, to: $0) }
    }

    /// Whether a hold of `rule` is in force: placed (its id recorded as an event) and not
    /// released since.
    public func isHeld(_ rule: RetentionRule, state: SubjectState) -> Bool {
        rule.holds.contains { hold in
            guard let placed = state.events[hold.id] else { return false }
            guard let released = state.events[hold.releasedBy] else { return true }
            return released < placed
        }
    }
}
