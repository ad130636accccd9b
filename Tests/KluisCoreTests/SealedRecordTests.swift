import Foundation
import KluisCore
import Testing

/// The blob a record's sealed fields are stored as: databases hold it, so its layout must not
/// change.
@Suite struct SealedRecordTests {
    func record(_ fields: [String: Data]) -> SealedRecord {
        SealedRecord(subject: .generate(), category: "notes", id: .generate(), fields: fields, createdAt: Date(), updatedAt: Date())
    }

    @Test func fieldsAreStoredByNameInOrderEachPartPrefixedWithItsLength() {
        let long = Data(repeating: 0x5A, count: 300)
        let stored = record(["zip": Data([0xAA, 0xBB]), "a": Data(), "m": long]).encodedFields
        let expected = Data([0, 0, 0, 1, 0x61, 0, 0, 0, 0])
            + Data([0, 0, 0, 1, 0x6D, 0, 0, 0x01, 0x2C]) + long
            + Data([0, 0, 0, 3, 0x7A, 0x69, 0x70, 0, 0, 0, 2, 0xAA, 0xBB])
        #expect(stored == expected)
    }

    @Test func storedFieldsReadBackAsTheyWere() {
        let fields = ["naam": Data("gesloten".utf8), "é": Data([0, 1, 2]), "leeg": Data()]
        #expect(SealedRecord.decodeFields(record(fields).encodedFields) == fields)
        #expect(SealedRecord.decodeFields(record([:]).encodedFields) == [:])
    }

    @Test func aDamagedBlobReadsAsNothing() {
        let stored = record(["naam": Data("x".utf8)]).encodedFields
        #expect(SealedRecord.decodeFields(stored.dropLast()) == nil)
        #expect(SealedRecord.decodeFields(Data([0, 0, 0, 9, 0x61])) == nil)
    }
}
