import GraphCore

/// Core number (coreness) of every node: the largest *k* such that the node belongs to the
/// *k*-core, the maximal subgraph in which every node has degree at least *k*.
///
/// Computed by Batagelj and Zaversnik's bucket algorithm: nodes are kept sorted by their current
/// degree in bins; repeatedly the node of least current degree is removed, its degree is its core
/// number, and each neighbour of higher current degree drops one bin. Weights are ignored and an
/// isolated node has core number 0 (networkx `core_number(G)`, igraph `coreness()`, NetworKit
/// `CoreDecomposition`).
///
///     // 0 — 1 — 2 — 0 (a triangle) with a pendant 3 hanging off 2
///     let g = Graph(nodeCount: 4, unweightedEdges: [(0, 1), (1, 2), (0, 2), (2, 3)])
///     try CoreNumber().scores(for: g).values   // [2, 2, 2, 1]
///
/// - Returns (``scores(for:)``): the core numbers as `Double`s, indexed by node.
/// - Complexity: O(*n* + *m*) time, O(*n*) additional space; *n* nodes, *m* edges.
///
/// ## References
/// - V. Batagelj, M. Zaversnik. "An O(m) Algorithm for Cores Decomposition of Networks."
///   arXiv cs/0310049, 2003. doi:[10.48550/arXiv.cs/0310049](https://doi.org/10.48550/arXiv.cs/0310049)
/// - S. B. Seidman. "Network structure and minimum degree." *Social Networks* 5(3):269–287, 1983.
///   doi:[10.1016/0378-8733(83)90028-X](https://doi.org/10.1016/0378-8733(83)90028-X)
public struct CoreNumber: CentralityMeasure, Hashable, Codable {
  public init() {}

  /// - Returns: the core number of every node.
  /// - Throws: never; the signature is the protocol's.
  public func scores(for graph: Graph) throws(GraphError) -> NodeScores {
    NodeScores(values: coreNumbers(of: graph).map(Double.init))
  }

  /// The core number of every node, as integers.
  /// - Complexity: O(*n* + *m*) time, O(*n*) additional space.
  public func coreNumbers(of graph: Graph) -> [Int32] {
    let n = graph.nodeCount
    guard n > 0 else { return [] }
    var degree = [Int32](repeating: 0, count: n)
    graph.adjacencyOffsets.withUnsafeBufferPointer { offsets in
      graph.adjacencyTargets.withUnsafeBufferPointer { targets in
        degree.withUnsafeMutableBufferPointer { degree in
          var maxDegree = 0
          for v in 0 ..< n {
            let d = offsets[v + 1] - offsets[v]
            degree[v] = Int32(d)
            maxDegree = max(maxDegree, d)
          }
          // binStart[d] = first position in `sorted` of the nodes of current degree d.
          let binStart = UnsafeMutableBufferPointer<Int>.allocate(capacity: maxDegree + 2)
          let sorted = UnsafeMutableBufferPointer<Int32>.allocate(capacity: n)
          let position = UnsafeMutableBufferPointer<Int>.allocate(capacity: n)
          defer {
            binStart.deallocate()
            sorted.deallocate()
            position.deallocate()
          }
          binStart.initialize(repeating: 0)
          for v in 0 ..< n { binStart[Int(degree[v]) + 1] += 1 }
          for d in 0 ..< maxDegree + 1 { binStart[d + 1] += binStart[d] }
          // Counting sort, stable: nodes of one degree in ascending id.
          let fill = UnsafeMutableBufferPointer<Int>.allocate(capacity: maxDegree + 1)
          defer { fill.deallocate() }
          for d in 0 ... maxDegree { fill[d] = binStart[d] }
          for v in 0 ..< n {
            let d = Int(degree[v])
            position[v] = fill[d]
            sorted[fill[d]] = Int32(v)
            fill[d] += 1
          }
          for i in 0 ..< n {
            let v = Int(sorted[i])
            let dv = degree[v]
            for a in offsets[v] ..< offsets[v + 1] {
              let u = Int(targets[a])
              let du = degree[u]
              if du > dv {
                // Move u to the front of its bin, then shrink the bin by one: u drops a degree.
                let bin = Int(du)
                let front = binStart[bin]
                let w = Int(sorted[front])
                if u != w {
                  let pu = position[u]
                  sorted[pu] = Int32(w)
                  position[w] = pu
                  sorted[front] = Int32(u)
                  position[u] = front
                }
                binStart[bin] += 1
                degree[u] = du - 1
              }
            }
          }
        }
      }
    }
    return degree
  }
}
