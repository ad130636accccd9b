/// Why an import stopped: the batch that failed, by its people's positions in the input, and how
/// many people the batches before it wrote (they stay written: each batch is one transaction).
public struct ImportFailure: Error {
    public var batch: Range<Int>
    public var written: Int
    public var underlying: any Error
}
