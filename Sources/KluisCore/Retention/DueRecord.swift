/// A record a sweep found due for anonymisation, with the subject's data key for its category,
/// so that its values can be opened and made coarse before the record goes.
public struct DueRecord: Sendable {
    public var record: SealedRecord
    public var dataKey: StoredDataKey?

    public init(record: SealedRecord, dataKey: StoredDataKey?) {
        self.record = record
        self.dataKey = dataKey
    }
}
