/// What a staff member may do in the console. Every role signs in with a password and a second
/// factor.
public enum StaffRole: String, Sendable, Hashable, Codable, CaseIterable {
    /// Everything: staff accounts, API keys, the policy, and all the desk does.
    case owner
    /// The privacy desk: requests, people (their values, read for a purpose), breaches.
    case desk
    /// Read-only: the audit log, the registers, the accountability report. Never a person's
    /// values, not even their identifiers.
    case auditor

    /// Whether the role may see and change people's personal data.
    public var mayHandlePersonalData: Bool { self != .auditor }
    /// Whether the role may manage staff accounts, API keys and settings.
    public var mayManage: Bool { self == .owner }
}
