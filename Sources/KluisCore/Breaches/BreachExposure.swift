import Foundation

/// What a breach exposed, to find the people it concerns: the categories of data, the time in
/// which the records were collected, the purposes that apply to the person, or an explicit list
/// of subjects. Every criterion given must hold; people are selected from what the store knows
/// in the clear (categories, times, lifecycle, consents), never by opening a value.
public struct BreachExposure: Sendable, Hashable, Codable {
    /// A person counts when they hold a record of one of these categories.
    public var categories: [String]
    /// Records collected from this moment; open when `nil`.
    public var from: Date?
    /// Records collected up to this moment (a stolen backup of that day); open when `nil`.
    public var until: Date?
    /// A person counts when one of these purposes applies to them.
    public var purposes: [String]
    /// Only these people.
    public var subjects: [SubjectID]

    public init(categories: [String] = [], from: Date? = nil, until: Date? = nil, purposes: [String] = [], subjects: [SubjectID] = []) {
        self.categories = categories
        self.from = from
        self.until = until
        self.purposes = purposes
        self.subjects = subjects
    }

    /// Checked against the policy: something to select by, known categories and purposes, the
    /// window in order.
    public func checked(against policy: Policy) throws(VaultError) -> BreachExposure {
        guard !categories.isEmpty || !purposes.isEmpty || !subjects.isEmpty || from != nil || until != nil else {
            throw VaultError(.inputInvalid, "select the people by categories, a time window, purposes or a list of subjects")
        }
        for category in categories where policy.category(category) == nil {
            throw VaultError(.categoryUnknown, "'\(category)' is not a category of the policy")
        }
        for purpose in purposes where policy.purpose(purpose) == nil {
            throw VaultError(.purposeUnknown, "'\(purpose)' is not a purpose of the policy")
        }
        if let from, let until, until < from {
            throw VaultError(.inputInvalid, "'until' cannot come before 'from'")
        }
        return self
    }

    /// Whether the person in `snapshot` was exposed.
    func includes(_ snapshot: SubjectSnapshot, applicability: PurposeApplicability, policy: Policy) -> Bool {
        if !subjects.isEmpty, !subjects.contains(snapshot.subject) { return false }
        if !categories.isEmpty || from != nil || until != nil {
            let exposed = snapshot.records.contains { record in
                (categories.isEmpty || categories.contains(record.category))
                    && from.map { record.createdAt >= $0 } ?? true
                    && until.map { record.createdAt <= $0 } ?? true
            }
            if !exposed { return false }
        }
        if !purposes.isEmpty {
            let state = snapshot.state
            let applies = purposes.compactMap(policy.purpose).contains { applicability.applies($0, state: state) }
            if !applies { return false }
        }
        return true
    }
}
