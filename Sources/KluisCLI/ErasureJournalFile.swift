import Foundation
import KluisCore

/// The erasure journal as a file: one JSON entry per line. Kept apart from the database (for
/// example with the off-site backups), it lets a restore replay erasures even when the database
/// it replaces is lost. It holds subject ids and category names only, never a value.
enum ErasureJournalFile {
    static func write(_ entries: [ErasureJournalEntry]) -> String {
        entries.map { String(decoding: $0.record.encoded(), as: UTF8.self) + "\n" }.joined()
    }

    static func read(_ text: String, name: String) throws(CommandFailure) -> [ErasureJournalEntry] {
        var entries: [ErasureJournalEntry] = []
        for (index, line) in text.split(separator: "\n").enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let record = ErasureRecord.decode(Data(line.utf8)) else {
                throw CommandFailure("\(name):\(index + 1): not an erasure journal entry")
            }
            entries.append(ErasureJournalEntry(sequence: Int64(index + 1), record: record))
        }
        return entries
    }
}
