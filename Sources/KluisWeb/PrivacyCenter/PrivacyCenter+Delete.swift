import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdAuth
import KluisCore

/// Delete: a category the person may delete themselves (`deletion: self_service`) goes at once;
/// elsewhere, or for everything, an erasure request is filed. What a legal obligation or a hold
/// keeps is said before and after, with the purpose and until when.
extension PrivacyCenter {
    func deletions(_ request: Request, _ context: CenterRequestContext) async throws -> Response {
        try await deletionPage(request, context)
    }

    func delete(_ request: Request, _ context: CenterRequestContext) async throws -> Response {
        let subject = try person(context)
        let categoryID = context.form["category"] ?? ""
        if categoryID.isEmpty {
            noteSent(try await file(.erasure, for: subject, context), "deletion_requested", request, context)
            return .redirect(to: base + "/delete")
        }
        guard let category = vault.policy.category(categoryID) else { return try await deletionPage(request, context, status: .badRequest) }
        guard category.deletion == .selfService else {
            noteSent(try await file(.erasure, categories: [category.id], for: subject, context), "deletion_requested", request, context)
            return .redirect(to: base + "/delete")
        }
        guard context.form["confirm"] == "yes" else {
            return try await deletionPage(request, context, error: (category.id, "confirm_missing"), status: .unprocessableContent)
        }
        do {
            try await vault.delete(category.id, of: subject, by: .person(subject))
        } catch let error as VaultError where error.code == .erasureKept {
            // A hold placed since the page was shown: the page now says what keeps it.
            return try await deletionPage(request, context, status: .conflict)
        }
        context.sessions.withLockedSession { $0?.notice = "deleted" }
        return .redirect(to: base + "/delete")
    }

    private func deletionPage(_ request: Request, _ context: CenterRequestContext, error: (String, String)? = nil,
                              status: HTTPResponse.Status = .ok) async throws -> Response {
        let subject = try person(context)
        let language = language(request, context)
        let t = pages.texts(language)
        let kept = try await vault.keptOnErasure(of: subject)
        let categories: [[String: Any]] = try await vault.ownData(of: subject, in: language, by: .person(subject)).compactMap { data in
            guard let category = vault.policy.category(data.category) else { return nil }
            var values: [String: Any] = ["id": category.id, "name": data.name, "selfService": category.deletion == .selfService]
            if let keeper = kept.first(where: { $0.category == category.id }) {
                values["keep"] = keepText(keeper, language: language, t: t)
            }
            if let error, error.0 == category.id { values["error"] = t[error.1] }
            return values
        }
        return show(CenterPage(template: "delete", title: t["delete"] ?? "",
                               values: ["categories": categories, "hasData": !categories.isEmpty], status: status, current: .delete),
                    request, context)
    }

    /// Why a category must be kept, in words: the purposes by name and legal basis, until when.
    private func keepText(_ kept: ErasureRecord.Kept, language: Language, t: [String: String]) -> String {
        let say = Phrases(language)
        let purposes = kept.purpose.split(separator: ",").compactMap { vault.policy.purpose(String($0)) }
            .map { "\($0.name.text(in: language)) (\(say.legalBasisInFull($0.legalBasis)))" }.joined(separator: ", ")
        guard let until = kept.until else { return CenterTexts.fill(t["must_keep_open"] ?? "", ["purpose": purposes]) }
        return CenterTexts.fill(t["must_keep"] ?? "", ["purpose": purposes, "until": WebDates.day(until, in: language)])
    }
}
