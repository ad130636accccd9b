/// A group of people whose data is processed: customers, visitors, applicants.
public struct SubjectCategory: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: LocalizedText
    public var description: LocalizedText?

    public init(id: String, name: LocalizedText, description: LocalizedText? = nil) {
        self.id = id
        self.name = name
        self.description = description
    }
}
