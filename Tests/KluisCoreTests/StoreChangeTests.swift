import KluisCore
import Testing

/// Every change is as large as the largest case: an import holds tens of thousands of them.
@Suite struct StoreChangeTests {
    @Test func aChangeIsNoLargerThanARecord() {
        #expect(MemoryLayout<StoreChange>.size <= MemoryLayout<SealedRecord>.size,
                "a case that carries more than a record belongs in a box: mark it indirect")
    }
}
