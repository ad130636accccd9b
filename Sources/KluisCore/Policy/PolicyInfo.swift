/// The policy's own identity: its version, when it takes effect and its languages.
public struct PolicyInfo: Sendable, Hashable {
    /// Free-form version, shown in the statement and recorded with every consent.
    public var version: String
    /// The date this version takes effect, `YYYY-MM-DD`.
    public var date: CalendarDate
    /// The languages every text is given in; the first is the default.
    public var languages: [Language]
    /// Where the statement is published, if it is.
    public var url: String?
    /// How Kluis's own Dutch texts address people: "u" or "je".
    public var voice: Voice

    /// The form of address in Dutch: formal "u" (the default) or informal "je".
    public enum Voice: String, Sendable, Hashable, CaseIterable {
        case formal
        case informal
    }

    /// Whether Dutch texts say "je" rather than "u".
    public var informal: Bool { voice == .informal }

    public init(version: String, date: CalendarDate, languages: [Language], url: String? = nil, voice: Voice = .formal) {
        self.version = version
        self.date = date
        self.languages = languages
        self.url = url
        self.voice = voice
    }
}
