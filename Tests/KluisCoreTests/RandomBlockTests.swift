import Foundation
@testable import KluisCore
import Testing

/// The randomness nonces, data keys and ids are drawn from: never the same bytes twice, from
/// one task or many, across the blocks it draws from the system.
@Suite struct RandomBlockTests {
    @Test func drawsAcrossManyBlocksAreNeverTheSame() {
        // 3,000 draws of 16 bytes span about a dozen blocks of 4 KiB.
        let drawn = (0..<3_000).map { _ in RandomBlock.shared.withBytes(16) { Data($0) } }
        #expect(Set(drawn).count == drawn.count)
    }

    @Test func drawsFromManyTasksAtOnceAreNeverTheSame() async {
        let drawn = await withTaskGroup(of: [Data].self) { group in
            for _ in 0..<8 {
                group.addTask { (0..<500).map { _ in RandomBlock.shared.withBytes(12) { Data($0) } } }
            }
            return await group.reduce(into: []) { $0 += $1 }
        }
        #expect(drawn.count == 4_000)
        #expect(Set(drawn).count == drawn.count)
    }

    @Test func aDrawLargerThanWhatIsLeftComesFromAFreshBlock() {
        let first = RandomBlock.shared.withBytes(RandomBlock.size - 1) { Data($0) }
        let second = RandomBlock.shared.withBytes(RandomBlock.size) { Data($0) }
        #expect(first.count == RandomBlock.size - 1)
        #expect(second.count == RandomBlock.size)
        #expect(first.prefix(64) != second.prefix(64))
    }

    /// Half the bits of 64 KiB are set, give or take: a block handed out before it was filled,
    /// or after it was zeroed, would be all zeros. (The standard deviation is 362 bits; the bound
    /// is 14 of them.)
    @Test func theBytesAreAsRandomAsTheSystemsAreLikely() {
        let bits = (0..<16).reduce(0) { total, _ in
            total + RandomBlock.shared.withBytes(RandomBlock.size) { $0.reduce(0) { $0 + $1.nonzeroBitCount } }
        }
        #expect(abs(bits - 16 * RandomBlock.size * 4) < 5_000)
    }

    @Test func idsAreFresh() {
        #expect(Set((0..<1_000).map { _ in SubjectID.generate() }).count == 1_000)
        #expect(Set((0..<1_000).map { _ in RecordID.generate() }).count == 1_000)
    }
}
