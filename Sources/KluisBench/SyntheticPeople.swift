import KluisCore

/// Reproducible fake Dutch people for benchmarks: the same seed gives the same people.
struct SyntheticPeople {
    private var random: SplitMix64

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    static let firstNames = ["Jan", "Sanne", "Pieter", "Emma", "Daan", "Julia", "Lucas", "Anouk", "Bram", "Fleur",
                             "Thijs", "Lotte", "Ruben", "Iris", "Sem", "Noor", "Jesse", "Eva", "Milan", "Sophie"]
    static let lastNames = ["de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Visser", "Smit",
                            "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks"]
    static let streets = ["Kerkstraat", "Dorpsstraat", "Schoolstraat", "Molenweg", "Stationsweg", "Nieuwstraat",
                          "Julianalaan", "Wilhelminastraat", "Beatrixlaan", "Herengracht"]
    static let cities = [("1017", "Amsterdam"), ("3011", "Rotterdam"), ("2511", "Den Haag"), ("3511", "Utrecht"),
                         ("5611", "Eindhoven"), ("9711", "Groningen"), ("6811", "Arnhem"), ("2011", "Haarlem")]

    /// The next person, with e-mail and phone identifiers and name, contact and address records:
    /// 7 fields.
    mutating func next(index: Int) throws -> NewSubject {
        let first = pick(Self.firstNames)
        let last = pick(Self.lastNames)
        let email = "\(first.lowercased()).\(last.lowercased().replacingAll(" ", with: ""))\(index)@voorbeeld.example"
        let phone = "06" + String(10_000_000 + index % 90_000_000)
        let (postcode, city) = pick(Self.cities)
        let letters = "ABCDEFGHJKLMNPRTVWXZ"
        let suffix = String([pick(Array(letters)), pick(Array(letters))])
        return NewSubject(
            identifiers: [try SubjectIdentifier(kind: .email, value: email), try SubjectIdentifier(kind: .phone, value: phone)],
            records: [
                NewRecord(category: "name", fields: ["first_name": first, "last_name": last]),
                NewRecord(category: "contact", fields: ["email": email, "phone": phone]),
                NewRecord(category: "address", fields: ["street": "\(pick(Self.streets)) \(1 + Int(random.next() % 200))",
                                                        "postcode": "\(postcode) \(suffix)", "city": city]),
            ]
        )
    }

    static let fieldsPerPerson = 7

    private mutating func pick<T>(_ values: [T]) -> T {
        values[Int(random.next() % UInt64(values.count))]
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
