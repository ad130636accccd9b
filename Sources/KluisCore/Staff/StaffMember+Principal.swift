extension Principal {
    /// A staff member acting in the console, recorded in the audit log by their account id. The
    /// owner and the desk may use every purpose of `policy` (each read still names one) and
    /// handle requests; only the owner may break glass and manage keys. An auditor is bound to
    /// no purpose: they read no value.
    public static func staff(_ member: StaffMember, policy: Policy) -> Principal {
        switch member.role {
        case .owner:
            Principal(id: member.id, purposes: Set(policy.purposes.map(\.id)), mayBreakGlass: true, isAdmin: true)
        case .desk:
            Principal(id: member.id, purposes: Set(policy.purposes.map(\.id)), isAdmin: true)
        case .auditor:
            Principal(id: member.id, purposes: [])
        }
    }
}
