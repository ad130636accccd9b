/// A kind of personal data (contact details, invoices, messages): what a purpose may read, what
/// the vault seals under one key per person, and what retention applies to.
public struct DataCategory: Sendable, Hashable, Identifiable {
    public var id: String
    /// A fideslang data category key such as `user.contact.email`.
    public var taxonomy: String
    public var name: LocalizedText
    public var description: LocalizedText?
    /// The fields of one record.
    public var fields: [String]
    public var origin: DataOrigin
    /// Who the data comes from, when it does not come from the person (art. 14).
    public var source: LocalizedText?
    public var records: RecordCardinality
    public var special: SpecialCategory
    /// Whether the person must provide it (art. 13(2)(e)).
    public var required: Bool
    /// What stays of a record when a retention rule anonymises it: per field, how its value is
    /// generalised. Fields not named are dropped.
    public var anonymise: [String: Generalisation]
    /// Whether the person may delete its records themselves, or only through a request.
    public var deletion: Deletion
    /// Whether the person may correct its records themselves, or only through a request.
    public var correction: Correction
    /// Other people a record refers to, whose part of it is theirs (art. 15(4)): redacted from
    /// this person's packages, masked when they are erased.
    public var others: [OtherPerson]

    public init(id: String, taxonomy: String, name: LocalizedText, description: LocalizedText? = nil,
                fields: [String], origin: DataOrigin = .provided, source: LocalizedText? = nil,
                records: RecordCardinality = .one, special: SpecialCategory = .none,
                required: Bool = true, anonymise: [String: Generalisation] = [:], deletion: Deletion = .request,
                correction: Correction = .request, others: [OtherPerson] = []) {
        self.id = id
        self.taxonomy = taxonomy
        self.name = name
        self.description = description
        self.fields = fields
        self.origin = origin
        self.source = source
        self.records = records
        self.special = special
        self.required = required
        self.anonymise = anonymise
        self.deletion = deletion
        self.correction = correction
        self.others = others
    }

    /// The other person `record`'s fields refer to, per entry of ``others``, when it is someone
    /// other than `holder`, the subject the record is kept for.
    public func otherPeople(in fields: [String: String], holder: SubjectID) -> [(person: OtherPerson, reference: String)] {
        others.compactMap { person in
            guard let reference = fields[person.reference], reference != holder.rawValue else { return nil }
            return (person, reference)
        }
    }
}
