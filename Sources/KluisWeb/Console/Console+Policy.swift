import Foundation
import HTTPTypes
import Hummingbird
import KluisCore

/// The policy, for every role: the statement and the register as published, the check of the
/// policy file served; for the owner, a new version checked and what it would change for the
/// people stored, worked out in the background before it is loaded.
extension Console {
    func policyPage(_ request: Request, _ context: ConsoleRequestContext) async throws -> Response {
        try await policyPage(request, context, preview: nil)
    }

    private func policyPage(_ request: Request, _ context: ConsoleRequestContext,
                            preview: (issues: [PolicyIssue], job: String?, text: String)?, status: HTTPResponse.Status = .ok) async throws -> Response {
        let language = language(request, context)
        let t = pages.texts(language)
        let policy = vault.policy
        let register = ProcessingRegister(policy: policy, language: language)
        let current = configuration.policyText.map { PolicyDocument(text: $0).issues }
        var values: [String: Any] = [
            "version": policy.info.version, "date": WebDates.day(policy.info.date, in: language), "controller": policy.controller.name,
            "statements": policy.info.languages.map { ["href": "/privacy?lang=" + $0.rawValue, "name": CenterPages.languageName($0)] },
            "register": register.entries.map { entry in
                ["purpose": entry.purpose, "basis": entry.legalBasis, "categories": entry.dataCategories.joined(separator: ", "),
                 "recipients": (entry.recipients + entry.processors).joined(separator: ", "), "retention": entry.retention.joined(separator: "; ")]
            },
            "checked": current != nil, "issues": (current ?? []).map(\.description), "clean": current?.isEmpty == true,
            "mayPreview": try member(context).role.mayManage,
        ]
        if let preview {
            values["preview"] = [
                "issues": preview.issues.map(\.description), "hasIssues": !preview.issues.isEmpty,
                "job": preview.job.map { base + "/jobs/" + $0 } as Any, "text": preview.text,
            ] as [String: Any]
        }
        return show(ConsolePage(template: "console-policy", title: t["policy"] ?? "", values: values, status: status, current: .policy),
                    request, context)
    }

    /// Checks a new version of the policy and, when it is valid, starts working out what it
    /// would change for the people stored.
    func previewPolicy(_ request: Request, _ context: ConsoleRequestContext) async throws -> Response {
        let text = context.form["policy"] ?? ""
        let document = PolicyDocument(text: text)
        guard let newPolicy = document.policy, document.isValid else {
            return try await policyPage(request, context, preview: (document.issues, nil, text), status: .unprocessableContent)
        }
        let principal = try principal(context)
        let vault = vault
        let t = pages.texts(language(request, context))
        let job = jobs.start("impact", owner: principal.id, now: vault.now()) { report in
            let impact = try await vault.impact(of: newPolicy, by: principal) { done in report(["subjects": String(done)]) }
            func list(_ counts: [String: Int]) -> String {
                counts.isEmpty ? (t["none"] ?? "") : counts.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
            }
            return [
                "subjects": String(impact.subjects), "records": String(impact.records), "earlier": String(impact.earlier),
                "due": String(impact.dueAtOnce), "later": String(impact.later), "undated": String(impact.undated),
                "dated": String(impact.dated), "stale": list(impact.staleConsents), "purposesGone": list(impact.purposesGone),
                "categoriesGone": list(impact.categoriesGone),
            ]
        }
        return try await policyPage(request, context, preview: (document.issues, job, ""))
    }
}
