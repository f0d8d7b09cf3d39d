import GraphCore

/// The connected components of a graph, as a partition.
///
/// Two nodes share a community exactly when a path joins them. The partition is canonical, so
/// components are numbered by their smallest node (networkx `connected_components`, ordered by
/// smallest member). Weights are ignored.
///
///     let g = Graph(nodeCount: 5, unweightedEdges: [(0, 1), (2, 3)])
///     try ConnectedComponents().partition(of: g).membership   // [0, 0, 1, 1, 2]
///
/// - Complexity: O(*n* + *m*) time, O(*n*) additional space (one breadth-first search per
///   component over a preallocated queue).
///
/// ## References
/// - J. Hopcroft, R. Tarjan. "Algorithm 447: efficient algorithms for graph manipulation."
///   *Communications of the ACM* 16(6):372–378, 1973.
///   doi:[10.1145/362248.362272](https://doi.org/10.1145/362248.362272)
public struct ConnectedComponents: CommunityDetector, Hashable, Codable {
  public init() {}

  /// - Returns: the components; an empty graph gives an empty partition.
  /// - Throws: never; the signature is the protocol's.
  public func partition(of graph: Graph) throws(GraphError) -> Partition {
    graph.connectedComponents()
  }
}

extension Graph {
  /// The connected components of the graph (``ConnectedComponents``), numbered by smallest node.
  /// - Complexity: O(*n* + *m*) time, O(*n*) additional space.
  public func connectedComponents() -> Partition {
    let n = nodeCount
    var label = [Int32](repeating: -1, count: n)
    var queue = ContiguousArray<Int32>(repeating: 0, count: n)
    adjacencyOffsets.withUnsafeBufferPointer { offsets in
      adjacencyTargets.withUnsafeBufferPointer { targets in
        label.withUnsafeMutableBufferPointer { label in
          queue.withUnsafeMutableBufferPointer { queue in
            var next: Int32 = 0
            for root in 0 ..< n where label[root] < 0 {
              label[root] = next
              queue[0] = Int32(root)
              var head = 0
              var tail = 1
              while head < tail {
                let v = Int(queue[head])
                head += 1
                for a in offsets[v] ..< offsets[v + 1] {
                  let w = Int(targets[a])
                  if label[w] < 0 {
                    label[w] = next
                    queue[tail] = Int32(w)
                    tail += 1
                  }
                }
              }
              next += 1
            }
          }
        }
      }
    }
    // Roots are visited in ascending order, so the labels are already canonical.
    return Partition(labels: label)
  }
}

extension Graph {
  /// A renumbering for memory locality: `numbering[v]` is the position of `v` in a breadth-first
  /// traversal that starts at the smallest unvisited node of each component and visits neighbours
  /// in ascending order (Cuthill–McKee without the degree sort). Deterministic.
  /// - Complexity: O(*n* + *m*) time, O(*n*) space.
  func breadthFirstNumbering() -> [Int] {
    let n = nodeCount
    var numbering = [Int](repeating: -1, count: n)
    var queue = [Int32](repeating: 0, count: n)
    var tail = 0
    adjacencyOffsets.withUnsafeBufferPointer { offsets in
      adjacencyTargets.withUnsafeBufferPointer { targets in
        for root in 0 ..< n where numbering[root] < 0 {
          var head = tail
          numbering[root] = tail
          queue[tail] = Int32(root)
          tail += 1
          while head < tail {
            let v = Int(queue[head])
            head += 1
            for a in offsets[v] ..< offsets[v + 1] {
              let w = Int(targets[a])
              if numbering[w] < 0 {
                numbering[w] = tail
                queue[tail] = Int32(w)
                tail += 1
              }
            }
          }
        }
      }
    }
    return numbering
  }
}
