/// The dataset of a statistics purpose: its columns must be fields of categories the purpose
/// uses, and none may identify someone directly.
extension PolicyValidator {
    /// Taxonomy keys whose values name or reach a person directly: no dataset column may hold
    /// them, however coarse.
    static let directIdentifiers = [
        "user.name", "user.contact", "user.government_id", "user.unique_id", "user.authorization",
        "user.device.ip_address", "user.device.device_id", "user.financial.bank_account", "user.account",
    ]

    func checkDataset(_ purpose: Purpose, at path: String, _ findings: inout Findings) {
        guard let dataset = purpose.dataset else { return }
        var seen: Set<String> = []
        let identifiers = Set(dataset.quasiIdentifiers)
        for column in dataset.columns {
            let at = "\(path).dataset.\(identifiers.contains(column) ? "quasi_identifiers" : "attributes")"
            guard seen.insert(column.description).inserted else {
                findings.report("dataset.duplicate", "'\(column)' is named twice in the dataset", at: at)
                continue
            }
            guard purpose.categories.contains(column.category), let category = findings.policy.category(column.category) else {
                findings.report("dataset.category_unused", "'\(column.category)' is not a category '\(purpose.id)' uses: a dataset holds only the purpose's own data", at: at)
                continue
            }
            guard category.fields.contains(column.field) else {
                findings.report("dataset.unknown_field", "'\(column.field)' is not a field of '\(category.id)'\(NodeCursor.hint(for: column.field, among: category.fields))", at: at)
                continue
            }
            if category.others.contains(where: { $0.reference == column.field }) {
                findings.report("dataset.identifier", "'\(column)' holds another person's subject id (others): it cannot be in a dataset", at: at)
            } else if Self.directIdentifiers.contains(where: { category.taxonomy == $0 || category.taxonomy.hasPrefix($0 + ".") }) {
                findings.report("dataset.identifier", "'\(column)' identifies a person directly (\(category.taxonomy)): leave it out of the dataset", at: at)
            }
        }
    }
}
