/// The answer to a read for a purpose: the records the purpose may see, and every category
/// withheld with its reason.
public struct PurposeRead: Sendable {
    public var subject: SubjectID
    public var purpose: String
    public var records: [PlainRecord]
    public var withheld: [String: PurposeGate.WithholdReason]
    public var breakGlass: Bool

    public init(subject: SubjectID, purpose: String, records: [PlainRecord],
                withheld: [String: PurposeGate.WithholdReason], breakGlass: Bool) {
        self.subject = subject
        self.purpose = purpose
        self.records = records
        self.withheld = withheld
        self.breakGlass = breakGlass
    }
}
