import Foundation

/// Turns a record due for anonymisation into an ``AnonymousRecord``: opens its fields with the
/// person's key, keeps each field the category's `anonymise` names in its generalised form, and
/// drops the rest and every link to the person.
struct Anonymiser: Sendable {
    let policy: Policy
    let keys: KeyRing
    /// The day recorded with the result; the record's own times are dropped.
    let day: CalendarDate

    func anonymise(_ due: DueRecord) throws -> AnonymousRecord? {
        let record = due.record
        var fields: [String: String] = [:]
        if let category = policy.category(record.category), !category.anonymise.isEmpty, let stored = due.dataKey {
            var keySet = DataKeySet(subject: record.subject, ring: keys, stored: [stored])
            let key = try keySet.key(for: record.category)
            for (name, generalisation) in category.anonymise {
                guard let sealed = record.fields[name] else { continue }
                let value = try keys.open(sealed, at: FieldAddress(subject: record.subject, category: record.category, record: record.id, field: name), with: key)
                fields[name] = generalisation.apply(to: value)
            }
        }
        return AnonymousRecord(category: record.category, purpose: record.schedule?.purpose, anonymisedOn: day, fields: fields)
    }
}
