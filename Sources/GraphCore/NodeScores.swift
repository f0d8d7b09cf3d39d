/// One score per node, indexed by ``NodeID``.
public struct NodeScores: Sendable, Equatable, Codable {
  /// `values[v]` is the score of node `v`.
  public var values: [Double]

  public init(values: [Double]) { self.values = values }

  @inlinable public subscript(node: NodeID) -> Double { values[node.index] }

  public var count: Int { values.count }

  /// Node IDs ordered by descending score; ties are broken by ascending ``NodeID``.
  /// NaN scores sort last.
  public func ranking() -> [NodeID] {
    (0 ..< values.count).sorted { a, b in
      let x = values[a]
      let y = values[b]
      if x.isNaN != y.isNaN { return !x.isNaN }
      if x != y && !x.isNaN { return x > y }
      return a < b
    }.map(NodeID.init)
  }
}
