public import GraphCore

extension Network {
  /// The network restricted to the nodes where `keepsNode` is true and, among the edges joining
  /// two kept nodes, those where `keepsEdge` is true. Kept nodes keep their relative order (node
  /// `v` becomes the number of kept nodes before it) and every per-node and per-edge attribute
  /// (labels, paper counts, fellow flags, edge kinds, shared collaborators) follows its node or
  /// edge; ``paperNodes`` are renumbered, a dropped node left out of its papers.
  ///
  /// - Complexity: O(*n* + *m*).
  public func subnetwork(keepingNodes keepsNode: [Bool], edges keepsEdge: (EdgeID) -> Bool = { _ in true }) -> Network {
    precondition(keepsNode.count == graph.nodeCount, "one flag per node")
    var newIndex = [Int](repeating: -1, count: graph.nodeCount)
    var kept: [Int] = []
    for v in 0 ..< graph.nodeCount where keepsNode[v] {
      newIndex[v] = kept.count
      kept.append(v)
    }
    var builder = GraphBuilder(nodeCount: kept.count)
    var kinds: [EdgeKind] = []
    var via: [[String]] = []
    // Edges are ordered by (lower, higher) endpoint and the renumbering is monotone, so adding
    // them in EdgeID order keeps that order: new edge i is the i-th kept old edge.
    for e in 0 ..< graph.edgeCount {
      let a = newIndex[Int(graph.edgeSources[e])]
      let b = newIndex[Int(graph.edgeTargets[e])]
      guard a >= 0, b >= 0, keepsEdge(EdgeID(e)) else { continue }
      builder.addEdge(a, b, weight: graph.edgeWeights[e])
      kinds.append(edgeKinds[e])
      via.append(edgeVia[e])
    }
    return Network(
      kind: kind, graph: builder.build(), labels: kept.map { labels[$0] }, paperCounts: kept.map { paperCounts[$0] },
      isFellow: kept.map { isFellow[$0] }, edgeKinds: kinds, edgeVia: via, edgeWeight: edgeWeight,
      paperNodes: paperNodes?.renumbered(newIndex))
  }
}
