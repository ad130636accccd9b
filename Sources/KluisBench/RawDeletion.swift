/// Which records a raw deletion takes, by their erasure time: the SQL comparison.
enum RawDeletion: String {
    case dueBy = "<="
    case dueAt = "="
}
