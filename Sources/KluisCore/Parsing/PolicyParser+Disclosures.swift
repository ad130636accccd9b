/// Reading recipients and cookies: who data is disclosed to.
extension PolicyParser {
    func readRecipient(_ cursor: NodeCursor) -> Recipient? {
        guard let fields = cursor.fields([
            "id", "name", "role", "country", "description", "purposes", "categories", "agreement",
            "processor", "transfer", "notify",
        ]) else { return nil }
        let id = fields.required("id")?.id()
        let name = fields.required("name")?.name()
        let role = fields.required("role")?.choice(RecipientRole.self)
        let country = fields.required("country").flatMap(readCountry)
        let description = fields.optional("description")?.text()
        let purposes = fields.required("purposes")?.ids()
        let categories = fields.optional("categories")?.ids() ?? []
        let agreement = fields.optional("agreement").flatMap(readAgreement)
        let processor = fields.optional("processor")?.id()
        let transfer = fields.optional("transfer").flatMap(readTransfer)
        let notify = fields.optional("notify").flatMap(readEmail)
        guard let id, let name, let role, let country, let purposes else { return nil }
        return Recipient(id: id, name: name, role: role, country: country, description: description,
                         purposes: purposes, categories: categories, agreement: agreement,
                         processor: processor, transfer: transfer, notify: notify)
    }

    private func readAgreement(_ cursor: NodeCursor) -> Agreement? {
        guard let fields = cursor.fields(["reference", "date"]) else { return nil }
        let reference = fields.required("reference")?.string()
        let date = fields.optional("date")?.date()
        guard let reference else { return nil }
        return Agreement(reference: reference, date: date)
    }

    private func readTransfer(_ cursor: NodeCursor) -> Transfer? {
        guard let fields = cursor.fields(["mechanism", "scc_module", "derogation", "note"]) else {
            return nil
        }
        let mechanism = fields.required("mechanism")?.choice(TransferMechanism.self)
        let module = fields.optional("scc_module")?.int()
        let derogation = fields.optional("derogation")?.choice(Transfer.Derogation.self)
        let note = fields.optional("note")?.text()
        if let module, !(1...4).contains(module) {
            fields.optional("scc_module")?.report("value.invalid", "the standard contractual clauses have modules 1 to 4")
        }
        if mechanism == .scc, module == nil {
            cursor.report("field.missing", "standard contractual clauses need their module: add 'scc_module' (1 controller-controller, 2 controller-processor, 3 processor-processor, 4 processor-controller)")
        }
        if mechanism == .derogation, derogation == nil {
            cursor.report("field.missing", "name the art. 49(1) derogation: add 'derogation', e.g. explicit_consent")
        }
        guard let mechanism else { return nil }
        return Transfer(mechanism: mechanism, sccModule: module, derogation: derogation, note: note)
    }

    func readCookieCategory(_ cursor: NodeCursor) -> CookieCategory? {
        guard let fields = cursor.fields([
            "id", "name", "description", "consent", "exemption", "consent_mode", "providers",
        ]) else { return nil }
        let id = fields.required("id")?.id()
        let name = fields.required("name")?.text()
        let description = fields.optional("description")?.text()
        let consent = fields.required("consent")?.bool()
        let exemption = fields.optional("exemption")?.choice(CookieExemption.self)
        let modes = fields.optional("consent_mode")?.list { $0.choice(ConsentModeType.self) } ?? []
        let providers = fields.optional("providers")?.list(readCookieProvider) ?? []
        guard let id, let name, let consent else { return nil }
        return CookieCategory(id: id, name: name, description: description, consent: consent,
                              exemption: exemption, consentMode: modes, providers: providers)
    }

    private func readCookieProvider(_ cursor: NodeCursor) -> CookieProvider? {
        guard let fields = cursor.fields(["name", "recipient", "purpose", "cookies"]) else { return nil }
        let name = fields.required("name")?.string()
        let recipient = fields.optional("recipient")?.id()
        let purpose = fields.optional("purpose")?.text()
        let cookies = fields.optional("cookies")?.list(readCookie) ?? []
        guard let name else { return nil }
        return CookieProvider(name: name, recipient: recipient, purpose: purpose, cookies: cookies)
    }

    private func readCookie(_ cursor: NodeCursor) -> Cookie? {
        guard let fields = cursor.fields(["name", "lifetime"]) else { return nil }
        let name = fields.required("name")?.string()
        guard let lifetimeCursor = fields.required("lifetime"), let name else { return nil }
        if lifetimeCursor.scalar() == "session" { return Cookie(name: name, lifetime: nil) }
        guard let lifetime = lifetimeCursor.duration() else { return nil }
        return Cookie(name: name, lifetime: lifetime)
    }
}
