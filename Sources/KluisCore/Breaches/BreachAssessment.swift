import Foundation

/// The assessment of a breach (arts. 33-34): two decisions a person takes and explains, whether
/// the authority must be told (unless the breach is unlikely to result in a risk) and whether the
/// people must be told (when the risk is high, unless an exception of 34(3) applies), with the
/// factors weighed and, as an aid only, the ENISA severity score.
public struct BreachAssessment: Sendable, Hashable, Codable {
    public var factors: Factors
    /// The ENISA (2013) severity score, when the assessor worked it out.
    public var severity: Severity?
    public var tellAuthority: Decision
    public var tellPeople: Decision
    /// Why the people are not told although the risk is high (34(3)).
    public var peopleException: PeopleException?
    public var assessedAt: Date
    public var assessedBy: String

    public init(factors: Factors, severity: Severity?, tellAuthority: Decision, tellPeople: Decision, peopleException: PeopleException?,
                assessedAt: Date, assessedBy: String) {
        self.factors = factors
        self.severity = severity
        self.tellAuthority = tellAuthority
        self.tellPeople = tellPeople
        self.peopleException = peopleException
        self.assessedAt = assessedAt
        self.assessedBy = assessedBy
    }

    /// A decision and its reasons, in words: the law asks for the reasoning, not a checkbox.
    public struct Decision: Sendable, Hashable, Codable {
        public var yes: Bool
        public var reason: String

        public init(yes: Bool, reason: String) {
            self.yes = yes
            self.reason = reason
        }
    }

    /// The exceptions of art. 34(3): when people need not be told of a high-risk breach.
    public enum PeopleException: String, Sendable, Hashable, Codable, CaseIterable {
        /// The data was unintelligible to anyone not allowed to read it (encrypted, key safe).
        case unintelligible
        /// Measures taken since make the high risk no longer likely.
        case riskRemoved = "risk_removed"
        /// Telling each would take disproportionate effort: a public notice instead.
        case disproportionateEffort = "disproportionate_effort"
    }

    /// The factors the EDPB names to weigh, each as the assessor judged it.
    public struct Factors: Sendable, Hashable, Codable {
        /// Special categories, BSN, financial or access data: sensitive data.
        public var sensitiveData: Bool
        /// The people are easy to identify from what was exposed.
        public var easilyIdentified: Bool
        /// The consequences can be severe (identity fraud, discrimination, damage, distress).
        public var severeConsequences: Bool
        /// Children or other vulnerable people are among them.
        public var vulnerablePeople: Bool
        /// Many people are affected.
        public var manyPeople: Bool
        /// The data was unintelligible to others: encrypted with keys that stayed safe.
        public var unintelligible: Bool
        public var notes: String?

        public init(sensitiveData: Bool = false, easilyIdentified: Bool = false, severeConsequences: Bool = false,
                    vulnerablePeople: Bool = false, manyPeople: Bool = false, unintelligible: Bool = false, notes: String? = nil) {
            self.sensitiveData = sensitiveData
            self.easilyIdentified = easilyIdentified
            self.severeConsequences = severeConsequences
            self.vulnerablePeople = vulnerablePeople
            self.manyPeople = manyPeople
            self.unintelligible = unintelligible
            self.notes = notes
        }

        /// What the register already says about each factor, as a starting point the assessor
        /// confirms or corrects: special or sensitive kinds of data or categories, groups that
        /// name children, more than 100 people, data encrypted before.
        public static func suggested(by breach: Breach, policy: Policy) -> Factors {
            let sensitiveKinds: Set<Breach.DataKind> = [.financial, .accessData, .identityDocument]
            let specialCategory = policy.categories.contains { breach.categories.contains($0.id) && $0.special != SpecialCategory.none }
            return Factors(sensitiveData: breach.dataKinds.contains { $0.isSpecial || sensitiveKinds.contains($0) } || specialCategory,
                           easilyIdentified: breach.dataKinds.contains { [.nameAddress, .email, .phone, .bsn, .identityDocument].contains($0) },
                           severeConsequences: false,
                           vulnerablePeople: breach.groups.contains { Self.mentionsMinors($0) },
                           manyPeople: (breach.people?.maximum ?? 0) > 100,
                           unintelligible: breach.encrypted == true)
        }

        private static func mentionsMinors(_ group: String) -> Bool {
            let words = group.lowercased()
            return ["minderjarig", "kind", "child", "leerling", "scholier", "pupil", "jeugd", "youth"].contains { words.contains($0) }
        }
    }

    /// The ENISA severity method (2013): SE = DPC × EI + CB. An explainable aid to the decision,
    /// never the decision itself.
    public struct Severity: Sendable, Hashable, Codable {
        /// Data processing context: how sensitive the data is in its context, 1 to 4.
        public var context: Double
        /// Ease of identification: 0.25 (negligible), 0.5, 0.75 or 1 (maximum).
        public var identification: Double
        /// Circumstances of the breach, each 0 to 0.5: loss of confidentiality, integrity,
        /// availability; and whether there was malicious intent (+0.5).
        public var confidentiality: Double
        public var integrity: Double
        public var availability: Double
        public var malicious: Bool

        public init(context: Double, identification: Double, confidentiality: Double = 0, integrity: Double = 0,
                    availability: Double = 0, malicious: Bool = false) {
            self.context = context
            self.identification = identification
            self.confidentiality = confidentiality
            self.integrity = integrity
            self.availability = availability
            self.malicious = malicious
        }

        public var score: Double {
            context * identification + confidentiality + integrity + availability + (malicious ? 0.5 : 0)
        }

        public enum Level: String, Sendable, Hashable, Codable, CaseIterable {
            case low, medium, high
            case veryHigh = "very_high"
        }

        /// Low below 2, medium below 3, high below 4, very high from 4.
        public var level: Level {
            switch score {
            case ..<2: .low
            case ..<3: .medium
            case ..<4: .high
            default: .veryHigh
            }
        }

        /// The inputs within the method's ranges.
        func checked() throws(VaultError) -> Severity {
            guard (1...4).contains(context) else { throw VaultError(.inputInvalid, "the data processing context is scored 1 to 4") }
            guard [0.25, 0.5, 0.75, 1].contains(identification) else {
                throw VaultError(.inputInvalid, "the ease of identification is 0.25, 0.5, 0.75 or 1")
            }
            for value in [confidentiality, integrity, availability] where !(0...0.5).contains(value) {
                throw VaultError(.inputInvalid, "each circumstance (confidentiality, integrity, availability) is scored 0 to 0.5")
            }
            return self
        }
    }
}
