import Foundation

/// A staff account of the console, as stored: its password only as a bcrypt hash, its second
/// factor's secret sealed under a key of the vault, its recovery codes as keyed hashes.
public struct StaffMember: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    /// Lower-cased: the name an account signs in with, unique.
    public var email: String
    public var role: StaffRole
    public var passwordHash: String?
    /// The TOTP secret, sealed (``KeyRing/sealStaffSecret(_:staff:)``).
    public var sealedTOTPSecret: Data?
    /// Keyed hashes of the recovery codes not used yet.
    public var recoveryCodes: [Data]
    /// The keyed hash of the enrolment code that sets the password and the second factor, while
    /// the account waits for it (a new account, or one reset).
    public var enrolmentCode: Data?
    public var enrolmentExpiresAt: Date?
    /// When the second factor was confirmed: an account signs in only after.
    public var enrolledAt: Date?
    /// The TOTP time step of the last code accepted: a code is good once.
    public var lastCodeStep: Int64
    public var createdAt: Date
    public var disabledAt: Date?

    public init(id: String, name: String, email: String, role: StaffRole, passwordHash: String? = nil,
                sealedTOTPSecret: Data? = nil, recoveryCodes: [Data] = [], enrolmentCode: Data? = nil,
                enrolmentExpiresAt: Date? = nil, enrolledAt: Date? = nil, lastCodeStep: Int64 = 0,
                createdAt: Date, disabledAt: Date? = nil) {
        self.id = id
        self.name = name
        self.email = email
        self.role = role
        self.passwordHash = passwordHash
        self.sealedTOTPSecret = sealedTOTPSecret
        self.recoveryCodes = recoveryCodes
        self.enrolmentCode = enrolmentCode
        self.enrolmentExpiresAt = enrolmentExpiresAt
        self.enrolledAt = enrolledAt
        self.lastCodeStep = lastCodeStep
        self.createdAt = createdAt
        self.disabledAt = disabledAt
    }

    /// Whether the account may sign in: enrolled and not disabled.
    public var isActive: Bool { enrolledAt != nil && disabledAt == nil }

    /// The stored form: JSON, kept whole.
    public func encoded() -> Data { StoredJSON.encode(self) }

    public static func decode(_ data: Data) -> StaffMember? {
        StoredJSON.decode(StaffMember.self, from: data)
    }
}
