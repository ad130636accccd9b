/// A benchmark that could not be run, or whose work went wrong (a sweep that removed too little,
/// a broken audit chain): the message says which.
public struct BenchFailure: Error, Sendable, CustomStringConvertible {
    public var message: String

    init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
