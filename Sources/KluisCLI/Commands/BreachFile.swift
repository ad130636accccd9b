import Foundation
import KluisCore
import Yams

/// A breach report as a file, for `kluis breaches open` and `update`: the fields of
/// ``BreachReport`` in snake_case, in YAML or in JSON (which Yams reads as YAML). Every key must be
/// known and every value of its kind; a mistake is refused naming the key and its line, never
/// quoting the value, which may be anything a hurried reporter typed. What the register itself
/// refuses (personal data in its texts, times out of order, unknown categories) the vault says
/// when the report is saved.
enum BreachFile {
    static let reportKeys = [
        "summary", "incident", "nature", "started_at", "ended_at", "ongoing", "discovered_at", "aware_at", "processor_told_at",
        "reporter", "contact", "processors", "data_kinds", "categories", "records", "people", "groups", "encrypted",
        "prior_measures", "consequences", "measures_taken", "measures_planned", "cross_border", "attachments",
    ]
    static let contactKeys = ["name", "job_title", "phone", "email"]
    static let rangeKeys = ["minimum", "maximum"]
    static let letterKeys = ["happened", "consequences", "measures", "advice"]

    /// The report `text` (the file `file`) holds.
    static func report(from text: String, file: String) throws(CommandFailure) -> BreachReport {
        let root = try Mapping(root: text, file: file, keys: reportKeys, what: "a breach report")
        func contact(_ key: String) throws(CommandFailure) -> Breach.Contact? {
            guard let fields = try root.mapping(key, keys: contactKeys) else { return nil }
            return Breach.Contact(name: try fields.required("name", fields.text("name")),
                                  jobTitle: try fields.required("job_title", fields.text("job_title")),
                                  phone: try fields.required("phone", fields.text("phone")), email: try fields.text("email"))
        }
        func range(_ key: String) throws(CommandFailure) -> Breach.Range? {
            guard let fields = try root.mapping(key, keys: rangeKeys) else { return nil }
            return Breach.Range(minimum: try fields.required("minimum", fields.int("minimum")),
                                maximum: try fields.required("maximum", fields.int("maximum")))
        }
        // Read in the documented order: in a file written in it, the first mistake is reported first.
        let summary = try root.required("summary", root.text("summary"))
        let incident = try root.required("incident", root.choice("incident", of: Breach.Incident.self))
        let nature = try root.choices("nature", of: Breach.Nature.self)
        let timeline = Breach.Timeline(startedAt: try root.time("started_at"), endedAt: try root.time("ended_at"),
                                       ongoing: try root.bool("ongoing") ?? false,
                                       discoveredAt: try root.required("discovered_at", root.time("discovered_at")),
                                       awareAt: try root.required("aware_at", root.time("aware_at")),
                                       processorToldAt: try root.time("processor_told_at"))
        return BreachReport(
            summary: summary, incident: incident, nature: nature, timeline: timeline,
            reporter: try root.required("reporter", contact("reporter")), contact: try contact("contact"),
            processors: try root.texts("processors"), dataKinds: try root.choices("data_kinds", of: Breach.DataKind.self),
            categories: try root.texts("categories"), records: try range("records"), people: try range("people"),
            groups: try root.texts("groups"), encrypted: try root.bool("encrypted"), priorMeasures: try root.text("prior_measures"),
            consequences: try root.text("consequences"), measuresTaken: try root.text("measures_taken"),
            measuresPlanned: try root.text("measures_planned"), crossBorder: try root.text("cross_border"),
            attachments: try root.texts("attachments"))
    }

    /// The words of the letter to the people told, in one language.
    static func letterText(from text: String, file: String) throws(CommandFailure) -> BreachLetter.Text {
        let root = try Mapping(root: text, file: file, keys: letterKeys, what: "a letter's text")
        return BreachLetter.Text(happened: try root.text("happened"), consequences: try root.text("consequences"),
                                 measures: try root.text("measures"), advice: try root.text("advice"))
    }
}

extension BreachFile {
    /// One mapping of a breach file, read key by key; `path` names where it is (`reporter.`).
    struct Mapping {
        let file: String
        let path: String
        let line: Int?
        private let values: [String: Node]

        /// The top mapping of the file's `text`, which may hold only `keys`.
        init(root text: String, file: String, keys: [String], what: String) throws(CommandFailure) {
            let node: Node?
            do {
                node = try Yams.compose(yaml: text)
            } catch {
                let (line, problem) = Self.describe(error)
                throw CommandFailure("\(file)\(Self.at(line)): \(problem)")
            }
            guard let node else { throw CommandFailure("\(file): the file is empty; it should hold \(what)") }
            try self.init(node, file: file, path: "", keys: keys, what: what)
        }

        private init(_ node: Node, file: String, path: String, keys: [String], what: String) throws(CommandFailure) {
            self.file = file
            self.path = path
            line = node.mark?.line
            let fields = keys.joined(separator: ", ")
            guard case .mapping(let mapping) = node else {
                throw CommandFailure("\(file)\(Self.at(line)): " + (path.isEmpty ? "the file should hold \(what), a group of fields: \(fields)"
                                                                     : "'\(path.dropLast())' must be a group of fields: \(fields)"))
            }
            var values: [String: Node] = [:]
            for (keyNode, value) in mapping {
                let place = "\(file)\(Self.at(keyNode.mark?.line))"
                guard case .scalar(let scalar) = keyNode else { throw CommandFailure("\(place): a field's name must be a plain name") }
                let key = scalar.string
                guard keys.contains(key) else { throw CommandFailure("\(place): '\(path)\(key)' is not a field of \(what); the fields are \(fields)") }
                guard values[key] == nil else { throw CommandFailure("\(place): '\(path)\(key)' is given twice") }
                values[key] = value
            }
            self.values = values
        }

        /// The mapping under `key`, which may hold only `keys`; `nil` when absent.
        func mapping(_ key: String, keys: [String]) throws(CommandFailure) -> Mapping? {
            guard let node = value(key) else { return nil }
            return try Mapping(node, file: file, path: path + key + ".", keys: keys, what: "'\(path)\(key)'")
        }

        /// A text; `nil` when absent or empty.
        func text(_ key: String) throws(CommandFailure) -> String? {
            guard let node = value(key) else { return nil }
            let text = try scalar(key, node, expecting: "a text").trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? nil : text
        }

        /// A list of texts (one text counts as a list of one); empty when absent.
        func texts(_ key: String) throws(CommandFailure) -> [String] {
            var texts: [String] = []
            for node in try items(key) {
                let text = try scalar(key, node, expecting: "a list of texts").trimmingCharacters(in: .whitespacesAndNewlines)
                if !text.isEmpty { texts.append(text) }
            }
            return texts
        }

        /// One of `T`'s values, by its raw value.
        func choice<T: RawRepresentable & CaseIterable>(_ key: String, of type: T.Type) throws(CommandFailure) -> T? where T.RawValue == String {
            guard let node = value(key) else { return nil }
            return try chosen(key, node, of: type)
        }

        /// Some of `T`'s values; empty when absent.
        func choices<T: RawRepresentable & CaseIterable>(_ key: String, of type: T.Type) throws(CommandFailure) -> [T] where T.RawValue == String {
            var chosen: [T] = []
            for node in try items(key) {
                let value = try self.chosen(key, node, of: type)
                if !chosen.contains(where: { $0.rawValue == value.rawValue }) { chosen.append(value) }
            }
            return chosen
        }

        /// `true` or `false` (`yes` and `no` too); `nil` when absent, or unknown (`~`).
        func bool(_ key: String) throws(CommandFailure) -> Bool? {
            guard let node = value(key) else { return nil }
            switch try scalar(key, node, expecting: "true or false").lowercased() {
            case "true", "yes": return true
            case "false", "no": return false
            default: throw failure(key, node, "must be true or false")
            }
        }

        /// A whole number of 0 or more.
        func int(_ key: String) throws(CommandFailure) -> Int? {
            guard let node = value(key) else { return nil }
            guard let number = Int(try scalar(key, node, expecting: "a whole number")), number >= 0 else {
                throw failure(key, node, "must be a whole number of 0 or more")
            }
            return number
        }

        /// An ISO 8601 time with its offset, such as 2026-11-20T09:30:00+01:00.
        func time(_ key: String) throws(CommandFailure) -> Date? {
            guard let node = value(key) else { return nil }
            guard let time = BreachesCommand.time(from: try scalar(key, node, expecting: "a time")) else {
                throw failure(key, node, "must be an ISO 8601 time with its offset, such as 2026-11-20T09:30:00+01:00")
            }
            return time
        }

        /// `value`, or a refusal saying `key` is missing.
        func required<T>(_ key: String, _ value: T?) throws(CommandFailure) -> T {
            guard let value else { throw CommandFailure("\(file)\(Self.at(line)): '\(path)\(key)' is missing") }
            return value
        }

        /// The node under `key`; `nil` when absent or YAML's null.
        private func value(_ key: String) -> Node? {
            guard let node = values[key] else { return nil }
            if case .scalar(let scalar) = node, scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return nil }
            return node
        }

        private func items(_ key: String) throws(CommandFailure) -> [Node] {
            guard let node = value(key) else { return [] }
            switch node {
            case .sequence(let sequence): return Array(sequence)
            case .scalar: return [node]
            default: throw failure(key, node, "must be a list")
            }
        }

        private func scalar(_ key: String, _ node: Node, expecting what: String) throws(CommandFailure) -> String {
            guard case .scalar(let scalar) = node else { throw failure(key, node, "must be \(what)") }
            return scalar.string
        }

        private func chosen<T: RawRepresentable & CaseIterable>(_ key: String, _ node: Node, of type: T.Type) throws(CommandFailure) -> T
        where T.RawValue == String {
            let choices = T.allCases.map(\.rawValue).joined(separator: ", ")
            guard let value = T(rawValue: try scalar(key, node, expecting: "one of \(choices)").trimmingCharacters(in: .whitespaces)) else {
                throw failure(key, node, "must be one of \(choices)")
            }
            return value
        }

        private func failure(_ key: String, _ node: Node, _ problem: String) -> CommandFailure {
            CommandFailure("\(file)\(Self.at(node.mark?.line ?? line)): '\(path)\(key)' \(problem)")
        }

        /// ", line 4", or nothing when the line is not known.
        private static func at(_ line: Int?) -> String {
            line.map { ", line \($0)" } ?? ""
        }

        /// The line and the problem of a file Yams cannot read, without the snippet of text Yams
        /// adds, which could show personal data.
        private static func describe(_ error: any Error) -> (line: Int?, problem: String) {
            let invalid = "this is not valid YAML or JSON: "
            guard let yamlError = error as? YamlError else { return (nil, invalid + "the text cannot be read") }
            switch yamlError {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
                return (mark.line, invalid + problem)
            case .reader(let problem, _, _, _):
                return (nil, invalid + problem)
            case .duplicatedKeysInMapping(let duplicates, let context):
                return (context.mark.line, duplicates.map { "'\($0)'" }.joined(separator: ", ") + " is given twice")
            default:
                return (nil, invalid + "the text cannot be read")
            }
        }
    }
}
