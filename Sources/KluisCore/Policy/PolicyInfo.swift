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

    public init(version: String, date: CalendarDate, languages: [Language], url: String? = nil) {
        self.version = version
        self.date = date
        self.languages = languages
        self.url = url
    }
}
