/// The dataset a statistics purpose may take out of the vault (`kluis export --purpose P`): one
/// row per person, k-anonymous for its quasi-identifiers. Rows whose combination of
/// quasi-identifiers fewer than `k` people share are left out.
public struct DatasetSpec: Sendable, Hashable {
    /// The smallest number of people that may share a combination of quasi-identifiers.
    public var k: Int
    /// Fields that could single someone out when combined (a postcode, a birth date, a job
    /// category), each with how its value is made coarse first.
    public var quasiIdentifiers: [Column]
    /// The fields studied (a rating, an answer), as they are.
    public var attributes: [Column]

    public init(k: Int, quasiIdentifiers: [Column], attributes: [Column] = []) {
        self.k = k
        self.quasiIdentifiers = quasiIdentifiers
        self.attributes = attributes
    }

    /// A field of a category: `job_descriptions.postcode_area`.
    public struct Column: Sendable, Hashable, CustomStringConvertible {
        public var category: String
        public var field: String
        /// How a quasi-identifier is generalised; `keep` for attributes.
        public var generalisation: Generalisation

        public init(category: String, field: String, generalisation: Generalisation = .keep) {
            self.category = category
            self.field = field
            self.generalisation = generalisation
        }

        /// Reads `category.field`; `nil` when it is not of that form.
        public init?(_ text: String, generalisation: Generalisation = .keep) {
            let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, Identifier.isValid(parts[0]), Identifier.isValid(parts[1]) else { return nil }
            self.init(category: parts[0], field: parts[1], generalisation: generalisation)
        }

        public var description: String { "\(category).\(field)" }
    }

    public var columns: [Column] { quasiIdentifiers + attributes }
}
