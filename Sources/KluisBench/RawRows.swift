import Foundation
import KluisCore

/// The baseline's rows for a batch of people: a subject row, identifier rows and one row per
/// record with its fields as JSON. No encryption, no blind index, no audit.
struct RawRows {
    var subjects: [String] = []
    var identifierSubjects: [String] = []
    var identifierKinds: [String] = []
    var identifierValues: [String] = []
    var recordSubjects: [String] = []
    var recordCategories: [String] = []
    var recordIDs: [String] = []
    var recordFields: [String] = []

    init(_ people: ArraySlice<NewSubject>) throws {
        let encoder = JSONEncoder()
        for person in people {
            let id = SubjectID.generate().rawValue
            subjects.append(id)
            for identifier in person.identifiers {
                identifierSubjects.append(id)
                identifierKinds.append(identifier.kind.rawValue)
                identifierValues.append(identifier.normalized)
            }
            for record in person.records {
                recordSubjects.append(id)
                recordCategories.append(record.category)
                recordIDs.append(RecordID.generate().rawValue)
                recordFields.append(String(decoding: try encoder.encode(record.fields), as: UTF8.self))
            }
        }
    }
}
