import Crypto
import Foundation

/// A personal-data breach in the register (art. 33(5)): every breach, notified or not, with its
/// timeline, what happened, whose data, what was done, the decisions taken on telling the
/// authority and the people, and each notification. The register's own texts hold no personal
/// data (``BreachText``); only the reporter's contact details are a person's, as the AP's form
/// asks for them.
public struct Breach: Sendable, Hashable, Codable {
    public var id: String
    public var state: State
    public var summary: String
    public var incident: Incident
    public var nature: [Nature]
    public var timeline: Timeline
    public var reporter: Contact
    /// Whom the AP may contact, when not the reporter (often the privacy officer).
    public var contact: Contact?
    /// Processors involved, by the policy's recipient id or by name.
    public var processors: [String]
    /// The AP form's general and special kinds of personal data involved.
    public var dataKinds: [DataKind]
    /// The policy's categories involved, from which the kinds were mapped.
    public var categories: [String]
    public var records: Range?
    public var people: Range?
    /// The groups of people, in words ("clients", "course participants").
    public var groups: [String]
    /// Whether the data was encrypted before, and how; `nil` when not known yet.
    public var encrypted: Bool?
    public var priorMeasures: String?
    public var consequences: String?
    public var measuresTaken: String?
    public var measuresPlanned: String?
    public var crossBorder: String?
    /// Other documents, by reference (a case number, a file name): never their content.
    public var attachments: [String]
    public var notifications: [Notification]
    /// The decisions on telling the authority and the people, once taken.
    public var assessment: BreachAssessment?
    /// Each time people were told (art. 34), counted, never named.
    public var peopleTold: [PeopleNotice]
    /// The reminders sent, by the hour after awareness they were due at.
    public var remindersSent: [Int]
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: String, state: State, summary: String, incident: Incident, nature: [Nature], timeline: Timeline,
                reporter: Contact, contact: Contact?, processors: [String], dataKinds: [DataKind], categories: [String],
                records: Range?, people: Range?, groups: [String], encrypted: Bool?, priorMeasures: String?, consequences: String?,
                measuresTaken: String?, measuresPlanned: String?, crossBorder: String?, attachments: [String],
                notifications: [Notification], assessment: BreachAssessment? = nil, peopleTold: [PeopleNotice] = [],
                remindersSent: [Int] = [], createdAt: Date, updatedAt: Date) {
        self.id = id
        self.state = state
        self.summary = summary
        self.incident = incident
        self.nature = nature
        self.timeline = timeline
        self.reporter = reporter
        self.contact = contact
        self.processors = processors
        self.dataKinds = dataKinds
        self.categories = categories
        self.records = records
        self.people = people
        self.groups = groups
        self.encrypted = encrypted
        self.priorMeasures = priorMeasures
        self.consequences = consequences
        self.measuresTaken = measuresTaken
        self.measuresPlanned = measuresPlanned
        self.crossBorder = crossBorder
        self.attachments = attachments
        self.notifications = notifications
        self.assessment = assessment
        self.peopleTold = peopleTold
        self.remindersSent = remindersSent
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        /// Being written up: the clock runs all the same, from awareness.
        case draft
        case open
        case closed
        /// Found not to be a breach after all; kept, with the reason, in the register.
        case withdrawn
    }

    /// The AP form's types of incident.
    public enum Incident: String, Sendable, Hashable, Codable, CaseIterable {
        case lostDevice = "lost_device"
        case stolenDevice = "stolen_device"
        case misdirectedMail = "misdirected_mail"
        case hacking
        case malware
        case phishing
        case unauthorisedAccess = "unauthorised_access"
        case disclosedByMistake = "disclosed_by_mistake"
        case other
    }

    /// What happened to the data (the AP form's nature of the breach).
    public enum Nature: String, Sendable, Hashable, Codable, CaseIterable {
        case reading, copying, altering, deleting, destroying, theft
    }

    /// The AP form's kinds of personal data: general ones, and the special ones (art. 9, 10 and
    /// the BSN) that weigh heavier.
    public enum DataKind: String, Sendable, Hashable, Codable, CaseIterable {
        case nameAddress = "name_address"
        case phone, email
        case accessData = "access_data"
        case financial
        case identityDocument = "identity_document"
        case sex
        case birthDate = "birth_date"
        case bsn, religion, race, politics, health
        case sexLife = "sex_life"
        case tradeUnion = "trade_union"
        case criminal
        case unlawfulBehaviour = "unlawful_behaviour"
        case other

        public var isSpecial: Bool {
            switch self {
            case .bsn, .religion, .race, .politics, .health, .sexLife, .tradeUnion, .criminal, .unlawfulBehaviour: true
            default: false
            }
        }
    }

    public struct Timeline: Sendable, Hashable, Codable {
        public var startedAt: Date?
        public var endedAt: Date?
        public var ongoing: Bool
        public var discoveredAt: Date
        /// Reasonable certainty that a security incident compromised personal data: the
        /// 72-hour clock starts here.
        public var awareAt: Date
        /// When a processor told us (art. 33(2)), when the breach was theirs.
        public var processorToldAt: Date?

        public init(startedAt: Date? = nil, endedAt: Date? = nil, ongoing: Bool = false, discoveredAt: Date, awareAt: Date,
                    processorToldAt: Date? = nil) {
            self.startedAt = startedAt
            self.endedAt = endedAt
            self.ongoing = ongoing
            self.discoveredAt = discoveredAt
            self.awareAt = awareAt
            self.processorToldAt = processorToldAt
        }
    }

    public struct Contact: Sendable, Hashable, Codable {
        public var name: String
        public var jobTitle: String
        public var phone: String
        public var email: String?

        public init(name: String, jobTitle: String, phone: String, email: String? = nil) {
            self.name = name
            self.jobTitle = jobTitle
            self.phone = phone
            self.email = email
        }
    }

    /// An approximate number: at least, at most.
    public struct Range: Sendable, Hashable, Codable {
        public var minimum: Int
        public var maximum: Int

        public init(minimum: Int, maximum: Int) {
            self.minimum = minimum
            self.maximum = maximum
        }
    }

    /// A notification to the authority: the first, a follow-up, or a withdrawal, each in its own
    /// phase and time.
    public struct Notification: Sendable, Hashable, Codable {
        public enum Phase: String, Sendable, Hashable, Codable, CaseIterable {
            case first
            case followUp = "follow_up"
            case withdrawal
        }

        public var phase: Phase
        public var sentAt: Date
        /// The reference number the AP gives.
        public var reference: String?
        /// Why it came later than the deadline; required then (art. 33(1)).
        public var lateReason: String?
        public var by: String

        public init(phase: Phase, sentAt: Date, reference: String?, lateReason: String?, by: String) {
            self.phase = phase
            self.sentAt = sentAt
            self.reference = reference
            self.lateReason = lateReason
            self.by = by
        }
    }
}

extension Breach {
    /// One round of telling the people affected: how they were selected and how many were
    /// told; each person told is recorded apart (``BreachNotice``), with their subject.
    public struct PeopleNotice: Sendable, Hashable, Codable {
        public var at: Date
        public var by: String
        /// How they were selected; a list of people is kept as its length only, so the register
        /// names no one.
        public var exposure: BreachExposure
        public var listed: Int
        public var selected: Int
        public var told: Int
        /// Selected people without a registered e-mail address: to be told another way.
        public var withoutAddress: Int

        public init(at: Date, by: String, exposure: BreachExposure, selected: Int, told: Int, withoutAddress: Int) {
            self.at = at
            self.by = by
            var unnamed = exposure
            unnamed.subjects = []
            self.exposure = unnamed
            listed = exposure.subjects.count
            self.selected = selected
            self.told = told
            self.withoutAddress = withoutAddress
        }
    }

    /// Whether the breach is still being worked on.
    public var isActive: Bool { state == .draft || state == .open }

    /// Whether the authority is to be told: not withdrawn, and not assessed as needing no
    /// notification.
    public var needsNotification: Bool { state != .withdrawn && assessment?.tellAuthority.yes != false }

    /// Whether its clock still runs: being worked on, to be notified, and not notified yet.
    public var awaitsNotification: Bool { isActive && needsNotification && firstNotification == nil }

    /// The first notification to the authority, once sent.
    public var firstNotification: Notification? { notifications.first { $0.phase == .first } }
}

extension Breach {
    /// The stored form: JSON, kept whole.
    public func encoded() -> Data { StoredJSON.encode(self) }

    public static func decode(_ data: Data) -> Breach? {
        StoredJSON.decode(Breach.self, from: data)
    }

    /// A fingerprint of what is known of the breach, the part a report amends (a SHA-256 of
    /// it in stored form): it changes when any of that changes, and not with a notification,
    /// an assessment, people told or a reminder, which an amendment leaves as they are. A form
    /// filled in from the breach carries it, so that saving the form can tell whether another
    /// amendment came in between.
    public var reportFingerprint: String {
        var report = self
        report.state = .draft
        report.notifications = []
        report.assessment = nil
        report.peopleTold = []
        report.remindersSent = []
        report.createdAt = .distantPast
        report.updatedAt = .distantPast
        return SHA256.hash(data: report.encoded()).hexString
    }
}
