extension Graph {
  /// Traps if the CSR arrays are inconsistent. Used by tests after every builder operation.
  public func _checkInvariants() {
    precondition(adjacencyOffsets.count == nodeCount + 1, "offsets length")
    precondition(adjacencyOffsets.first == 0 && adjacencyOffsets.last == 2 * edgeCount, "offsets bounds")
    precondition(adjacencyTargets.count == 2 * edgeCount && adjacencyWeights.count == 2 * edgeCount)
    for v in 0 ..< nodeCount {
      let lo = adjacencyOffsets[v]
      let hi = adjacencyOffsets[v + 1]
      precondition(lo <= hi, "offsets not monotone at \(v)")
      for a in lo ..< hi {
        let t = Int(adjacencyTargets[a])
        precondition(t != v, "self-loop at \(v)")
        precondition(t >= 0 && t < nodeCount, "target out of range")
        if a > lo { precondition(adjacencyTargets[a - 1] < adjacencyTargets[a], "row \(v) not strictly sorted") }
        let e = Int(adjacencyEdges[a])
        precondition(
          (Int(edgeSources[e]) == v && Int(edgeTargets[e]) == t) || (Int(edgeSources[e]) == t && Int(edgeTargets[e]) == v),
          "arc/edge mismatch")
        precondition(adjacencyWeights[a] == edgeWeights[e], "arc weight differs from edge weight")
      }
    }
    for e in 0 ..< edgeCount {
      precondition(edgeSources[e] < edgeTargets[e], "edge \(e) not ordered")
      if e > 0 {
        precondition(
          (edgeSources[e - 1], edgeTargets[e - 1]) < (edgeSources[e], edgeTargets[e]), "edges not sorted/unique")
      }
    }
  }
}
