/// People checked, sealed and planned for one import transaction, not yet written.
struct PreparedSubjects: Sendable {
    var ids: [SubjectID]
    var changes: [StoreChange]
    var entries: [AuditEntry]
}
