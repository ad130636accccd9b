import Foundation

/// What one commit does to its subjects' revisions (``SubjectSnapshot/revision``): each subject
/// a change expects (``StoreChange/expectSubject(_:revision:)``) must still be at that revision,
/// and each existing subject the commit changes is counted up once, so that a commit prepared
/// on the person before it fails. Both stores apply it at the end of the commit's transaction.
public struct SubjectRevisions: Sendable {
    /// The subjects expected, at the revision they were read at; counted up when they still are.
    public private(set) var expected: [SubjectID: Int64] = [:]
    /// The other existing subjects the commit changes; counted up.
    public private(set) var changed: Set<SubjectID> = []
    /// The subjects the commit creates: nothing of theirs is stored before it.
    public private(set) var created: Set<SubjectID> = []
    /// Whether every change belongs to a person the commit creates, as a bulk import's batch
    /// does: then no row it writes can be written by another transaction at the same time, but
    /// the store's global index of identifiers.
    public private(set) var createsOnly = true

    /// Two operations that expect the same person in one group commit were both prepared on it:
    /// the commit fails, and each is then committed alone (see ``Committer``), so that one of
    /// them finds the other's change.
    public init(_ changes: [StoreChange]) throws(VaultError) {
        for change in changes {
            switch change {
            case .expectSubject(let subject, let revision):
                guard expected.updateValue(revision, forKey: subject) == nil else { throw VaultError.preparedOnChangedState }
            case .createSubject(let subject, _):
                // A person created here is at revision 0, and nobody could have read them.
                created.insert(subject)
            default:
                if let subject = change.changedSubject { changed.insert(subject) } else { createsOnly = false }
            }
        }
        createsOnly = createsOnly && expected.isEmpty && changed.isSubset(of: created)
        changed.subtract(created)
        changed.subtract(expected.keys)
    }

    public var isEmpty: Bool { expected.isEmpty && changed.isEmpty }
}

extension StoreChange {
    /// The subject whose data or state this change changes: what their revision counts. `nil`
    /// for what belongs to no person (keys, staff, breaches, requests, the erasure journal), for
    /// what no read of the person depends on (breach notices), and for expectations.
    public var changedSubject: SubjectID? {
        switch self {
        case .createSubject(let subject, _): subject
        case .addIdentifier(let identifier): identifier.subject
        case .addDataKey(let key): key.subject
        case .putRecord(let record): record.subject
        case .recordEvent(let subject, _, _): subject
        case .appendConsent(let subject, _): subject
        case .recordCookieChoice(let choice): choice.subject
        case .setRestrictions(let subject, _, _): subject
        case .eraseSubject(let subject, _): subject
        case .eraseRecords(let subject, _, _): subject
        case .scheduleErasure(let subject, _, _, _): subject
        case .setLanguage(let subject, _): subject
        case .expectDataKey, .expectSubject, .addAPIKey, .revokeAPIKey, .putRequest, .putStaffMember, .putBreach,
             .addBreachNotices, .journalErasure:
            nil
        }
    }
}
