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
    /// event has not happened (the clock has not started) and the terms set no `at_most`, which
    /// counts from the record's collection or, when later, from `since`: when the purpose came to
    /// apply to the person.
    ///
    /// `fieldDate` gives the value of a date field, for `field:` anchors. A `consent_withdrawn`
    /// anchor counts from the end of consent for `purpose` itself (withdrawn, expired or refused
    /// after all), else from a `consent_withdrawn` event the application sent. A `fiscal_year_end`
    /// anchor counts, for a record the purpose did not collect itself (the name on an invoice),
    /// from the latest record it did collect, so that it stays as long as that record.
    public func expiry(of record: SealedRecord, terms: RetentionRule.Terms, state: SubjectState, purpose: String,
                       since: Date? = nil, fieldDate: (String) -> CalendarDate? = { _ in nil }) -> Date? {
        let anchor: Date?
        switch terms.anchor {
        case .collected: anchor = record.createdAt
        case .lastContact: anchor = state.events["last_contact"]
        case .contractEnd: anchor = state.events["contract_end"]
        case .consentWithdrawn: anchor = state.consents.consentEnded(for: purpose) ?? state.events["consent_withdrawn"]
        case .accountClosed: anchor = state.events["account_closed"]
        case .fiscalYearEnd:
            var written = record.createdAt
            if record.collectedFor != purpose, let latest = state.collections[purpose]?.latest {
                written = max(written, latest)
            }
            anchor = calendar.endOfFiscalYear(containing: written, yearEnd: fiscalYearEnd)
        case .field(let name): anchor = fieldDate(name).flatMap(calendar.startOfDay)
        case .event(let name): anchor = state.events[name]
        }
        if let anchor { return calendar.adding(terms.duration, to: anchor) }
        return terms.atMost.map { calendar.adding($0, to: max(record.createdAt, since ?? record.createdAt)) }
    }

    /// Whether a hold of `rule` is in force: placed (its id recorded as an event) and not
    /// released since.
    public func isHeld(_ rule: RetentionRule, state: SubjectState) -> Bool {
        holdInForce(rule, state: state) != nil
    }

    /// The first hold of `rule` in force, if any.
    public func holdInForce(_ rule: RetentionRule, state: SubjectState) -> LegalHold? {
        rule.holds.first { hold in
            guard let placed = state.events[hold.id] else { return false }
            guard let released = state.events[hold.releasedBy] else { return true }
            return released < placed
        }
    }
}
