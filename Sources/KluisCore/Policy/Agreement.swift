/// The agreement behind a disclosure: a processing agreement (art. 28), a joint-controller
/// arrangement (art. 26) or a data-sharing contract.
public struct Agreement: Sendable, Hashable {
    public var reference: String
    public var date: CalendarDate?

    public init(reference: String, date: CalendarDate? = nil) {
        self.reference = reference
        self.date = date
    }
}
