/// A way to make sure a request comes from the person it is about.
public enum IdentityCheck: String, Sendable, Hashable, Codable, CaseIterable {
    /// The person is signed in to their account.
    case signedInSession = "signed_in_session"
    /// A reply from the e-mail address on record.
    case registeredEmail = "registered_email"
    /// A call back to the phone number on record.
    case phoneCallback = "phone_callback"
    /// A copy of an ID with photo, MRZ, document number and BSN blacked out, deleted after use.
    case idCopyShielded = "id_copy_shielded"
    /// In person, showing an ID.
    case inPerson = "in_person"
}
