extension AsyncSequence where Self: Sendable {
    /// Every element, read to the end. Rows are always read to the end rather than abandoned
    /// after the first, so that the connection is handed back to the pool at once.
    func all() async throws -> [Element] {
        var elements: [Element] = []
        for try await element in self { elements.append(element) }
        return elements
    }
}
