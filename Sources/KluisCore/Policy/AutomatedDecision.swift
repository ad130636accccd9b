/// A decision with legal or similarly significant effect taken without human involvement
/// (art. 22), with the logic and consequences the statement must explain.
public struct AutomatedDecision: Sendable, Hashable, Identifiable {
    public var id: String
    public var purpose: String
    public var description: LocalizedText
    public var logic: LocalizedText
    public var consequences: LocalizedText

    public init(id: String, purpose: String, description: LocalizedText, logic: LocalizedText,
                consequences: LocalizedText) {
        self.id = id
        self.purpose = purpose
        self.description = description
        self.logic = logic
        self.consequences = consequences
    }
}
