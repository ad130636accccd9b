/// Checks of recipients, transfers and cookies.
extension PolicyValidator {
    func checkRecipients(_ findings: inout Findings) {
        let policy = findings.policy
        for (index, recipient) in policy.recipients.enumerated() {
            let path = findings.path("recipients", policy.recipients.map(\.id), index)
            for (position, purpose) in recipient.purposes.enumerated() where policy.purpose(purpose) == nil {
                findings.undefined(purpose, what: "purpose", section: "purposes",
                                   known: policy.purposes.map(\.id), at: "\(path).purposes[\(position)]")
            }
            for (position, category) in recipient.categories.enumerated() where policy.category(category) == nil {
                findings.undefined(category, what: "category", section: "categories",
                                   known: policy.categories.map(\.id), at: "\(path).categories[\(position)]")
            }
            if let processor = recipient.processor, policy.recipient(processor) == nil {
                findings.undefined(processor, what: "recipient", section: "recipients",
                                   known: policy.recipients.map(\.id), at: "\(path).processor")
            }
            if recipient.role.isProcessor, recipient.agreement == nil {
                findings.report("recipient.no_agreement",
                                "a processor needs a processing agreement (art. 28(3)): add 'agreement' with its reference and date",
                                at: path, severity: .warning)
            }
            checkTransfer(recipient, at: path, &findings)
        }
    }

    private func checkTransfer(_ recipient: Recipient, at path: String, _ findings: inout Findings) {
        guard recipient.isOutsideEEA else { return }
        guard let transfer = recipient.transfer else {
            findings.report("transfer.no_mechanism",
                            "\(recipient.name.text(in: findings.policy.info.languages[0])) is in \(recipient.country), outside the EEA: add 'transfer' with the safeguard (adequacy, eu_us_dpf, scc, bcr or derogation)",
                            at: "\(path).country")
            return
        }
        switch transfer.mechanism {
        case .adequacy where !Country.adequate.contains(recipient.country):
            findings.report("transfer.not_adequate",
                            "there is no adequacy decision for \(recipient.country)\(recipient.country == "US" ? "; for a certified US organisation use eu_us_dpf" : "")",
                            at: "\(path).transfer.mechanism", severity: .warning)
        case .euUsDpf where recipient.country != "US":
            findings.report("transfer.not_adequate",
                            "the EU-US Data Privacy Framework covers only organisations in the US",
                            at: "\(path).transfer.mechanism", severity: .warning)
        default:
            break
        }
    }

    func checkCookies(_ findings: inout Findings) {
        let policy = findings.policy
        for (index, category) in policy.cookies.enumerated() {
            let path = findings.path("cookies", policy.cookies.map(\.id), index)
            if !category.isEssential, !category.consent {
                if category.exemption == nil {
                    findings.report("cookies.no_consent",
                                    "only strictly necessary (essential) cookies may be placed without consent (Telecommunicatiewet art. 11.7a): set 'consent: true'",
                                    at: "\(path).consent")
                } else if category.id != "statistics" {
                    findings.report("cookies.no_consent",
                                    "the analytics exemption applies only to statistics cookies",
                                    at: "\(path).exemption")
                }
            }
            let standard = ["essential", "functional", "statistics", "marketing"]
            if standard.contains(category.id) {
                let misplaced = category.consentMode.filter { $0.expectedCategory != category.id }
                if !misplaced.isEmpty {
                    findings.report("cookies.consent_mode",
                                    "Consent Mode \(misplaced.map(\.rawValue).joined(separator: ", ")) belong to other cookie categories than \(category.id)",
                                    at: "\(path).consent_mode", severity: .warning)
                }
            }
            for (position, provider) in category.providers.enumerated() {
                if let recipient = provider.recipient, policy.recipient(recipient) == nil {
                    findings.undefined(recipient, what: "recipient", section: "recipients",
                                       known: policy.recipients.map(\.id),
                                       at: "\(path).providers[\(position)].recipient")
                }
            }
        }
    }

    func checkPromises(_ findings: inout Findings) {
        let policy = findings.policy
        if policy.rights.answerWithin.canExceedOneMonth {
            findings.report("rights.too_late",
                            "the promised answer time \(policy.rights.answerWithin) \(policy.rights.answerWithin.alwaysExceedsOneMonth ? "is" : "can be") longer than the one month the law allows (art. 12(3)); promise at most P1M or P4W",
                            at: "rights.answer_within")
        }
        let window = policy.breaches.notifyAuthorityWithin.exactSeconds
        if window == nil || window! > 72 * 3600 {
            findings.report("breach.too_late",
                            "the authority must be notified within 72 hours of awareness (art. 33(1)); \(policy.breaches.notifyAuthorityWithin) is longer",
                            at: "breaches.notify_authority_within")
        }
        for (index, reminder) in policy.breaches.remindAt.enumerated()
        where !(1..<(window ?? 72 * 3600)).contains(reminder.exactSeconds ?? 0) {
            findings.report("breach.reminder", "a reminder must fall inside the time to notify the authority: \(reminder) does not",
                            at: "breaches.remind_at[\(index)]")
        }
        if let minors = policy.minors, !(0...18).contains(minors.minimumAge) {
            findings.report("minors.age", "a minimum age must lie between 0 and 18",
                            at: "minors.minimum_age")
        }
        for (index, decision) in policy.automatedDecisions.enumerated() where policy.purpose(decision.purpose) == nil {
            let path = findings.path("automated_decisions", policy.automatedDecisions.map(\.id), index)
            findings.undefined(decision.purpose, what: "purpose", section: "purposes",
                               known: policy.purposes.map(\.id), at: "\(path).purpose")
        }
    }
}
