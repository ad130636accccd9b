import Foundation

/// Recording the assessment: the two decisions of arts. 33 and 34 with their reasons.
extension BreachService {
    /// Records (or revises) the assessment. Each decision needs its reasons; not telling people
    /// of a breach whose severity score says high needs an exception of 34(3); telling neither
    /// the authority nor the people is a decision like any other, kept in the register (33(5)).
    @discardableResult
    public func assess(_ id: String, factors: BreachAssessment.Factors, severity: BreachAssessment.Severity?,
                       tellAuthority: BreachAssessment.Decision, tellPeople: BreachAssessment.Decision,
                       peopleException: BreachAssessment.PeopleException? = nil, by principal: Principal) async throws -> Breach {
        try requireAdmin(principal)
        var factors = factors
        factors.notes = try BreachText.checkedIfGiven(factors.notes, field: "notes")
        let severity = try severity?.checked()
        let authority = BreachAssessment.Decision(yes: tellAuthority.yes, reason: try BreachText.checked(tellAuthority.reason, field: "authority_reason"))
        let people = BreachAssessment.Decision(yes: tellPeople.yes, reason: try BreachText.checked(tellPeople.reason, field: "people_reason"))
        if people.yes, peopleException != nil {
            throw VaultError(.inputInvalid, "an exception of art. 34(3) is a reason not to tell the people: leave it out when they are told")
        }
        if !people.yes, peopleException == nil, let severity, severity.level == .high || severity.level == .veryHigh {
            throw VaultError(.inputInvalid, "the severity is \(severity.level.rawValue): not telling the people needs an exception of art. 34(3)")
        }
        let assessment = BreachAssessment(factors: factors, severity: severity, tellAuthority: authority, tellPeople: people,
                                          peopleException: peopleException, assessedAt: vault.now(), assessedBy: principal.id)
        let decided = "authority \(authority.yes ? "to be told" : "not told"), people \(people.yes ? "to be told" : "not told")"
        return try await update(id, step: "assessed: \(decided)", by: principal) { breach throws(VaultError) in
            guard breach.state != .withdrawn else { throw VaultError(.inputInvalid, "breach \(id) was withdrawn: there is nothing to assess") }
            breach.assessment = assessment
        }
    }
}
