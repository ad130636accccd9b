import Foundation
import Hummingbird
import KluisCore

/// Staff accounts, for the owner: who has access in which role; adding a member (their enrolment
/// code shown once, to hand over), changing a role, resetting and disabling an account.
extension Console {
    func staffPage(_ request: Request, _ context: ConsoleRequestContext) async throws -> Response {
        try await staffPage(request, context, enrolment: nil)
    }

    private func staffPage(_ request: Request, _ context: ConsoleRequestContext, enrolment: (StaffMember, String)?,
                           error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let language = language(request, context)
        let t = pages.texts(language)
        let me = try member(context)
        let members: [[String: Any]] = try await staff.members().map { member in
            [
                "id": member.id, "name": member.name, "email": member.email,
                "role": t["role_" + member.role.rawValue] ?? member.role.rawValue,
                "roles": StaffRole.allCases.map { ["value": $0.rawValue, "label": t["role_" + $0.rawValue] ?? "", "selected": $0 == member.role] },
                "state": t[member.disabledAt != nil ? "staff_disabled" : member.isActive ? "staff_active" : "staff_enrolling"] ?? "",
                "recoveryLeft": member.recoveryCodes.count, "isActive": member.isActive,
                "isSelf": member.id == me.id,
            ]
        }
        var values: [String: Any] = [
            "members": members,
            "roles": StaffRole.allCases.map { ["value": $0.rawValue, "label": t["role_" + $0.rawValue] ?? ""] },
        ]
        if let (member, code) = enrolment {
            values["enrolment"] = ["name": member.name, "code": code, "days": Int(StaffService.enrolmentLifetime / 86_400)]
        }
        if let error { values["error"] = error }
        return show(ConsolePage(template: "console-staff", title: t["staff"] ?? "", values: values, status: status, current: .staff),
                    request, context)
    }

    func addStaff(_ request: Request, _ context: ConsoleRequestContext) async throws -> Response {
        guard let role = context.form["role"].flatMap(StaffRole.init(rawValue:)) else {
            return try await staffPage(request, context, enrolment: nil, error: pages.texts(language(request, context))["role_invalid"],
                                       status: .unprocessableContent)
        }
        do {
            let added = try await staff.add(name: context.form["name"] ?? "", email: context.form["email"] ?? "", role: role,
                                            by: try member(context).id)
            return try await staffPage(request, context, enrolment: added, status: .created)
        } catch let error as VaultError where error.code == .inputInvalid || error.code == .staffExists {
            return try await staffPage(request, context, enrolment: nil, error: error.message, status: .unprocessableContent)
        }
    }

    /// `disable`, `reset` or `role` for one account. An owner does not disable, reset or demote
    /// themselves here: the console would lock its last owner out.
    func changeStaff(_ request: Request, _ context: ConsoleRequestContext) async throws -> Response {
        let me = try member(context)
        let id = context.parameters.get("staff") ?? ""
        guard id != me.id else {
            return problem(VaultError(.forbidden, "you cannot change your own account here; another owner can, or 'kluis staff'"),
                           request, context, back: base + "/staff")
        }
        do {
            switch context.parameters.get("change") {
            case "disable":
                let member = try await staff.disable(id, by: me.id)
                return redirect(to: base + "/staff", notice: "staff_disabled_notice", values: ["name": member.name], context)
            case "reset":
                let reset = try await staff.reset(id, by: me.id)
                return try await staffPage(request, context, enrolment: reset)
            case "role":
                guard let role = context.form["role"].flatMap(StaffRole.init(rawValue:)) else {
                    throw VaultError(.inputInvalid, "the role must be owner, desk or auditor")
                }
                let member = try await staff.setRole(role, of: id, by: me.id)
                return redirect(to: base + "/staff", notice: "staff_role_notice", values: ["name": member.name], context)
            default:
                throw HTTPError(.notFound)
            }
        } catch let error as VaultError where error.code == .staffNotFound || error.code == .inputInvalid {
            return problem(error, request, context, back: base + "/staff")
        }
    }
}
