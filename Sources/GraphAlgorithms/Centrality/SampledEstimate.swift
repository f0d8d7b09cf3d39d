import GraphCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The accuracy asked of a sampled estimate: every value within ±``error`` of the exact one, for
/// all nodes at once, with probability at least ``confidence``. What ``error`` measures is
/// each measure's own (see ``BetweennessCentrality/estimate``, ``ClosenessCentrality/estimate``,
/// ``HarmonicCentrality/estimate``).
public struct EstimateTarget: Sendable, Hashable, Codable {
  /// ε, the additive error allowed (in the unit the measure documents).
  public var error: Double
  /// 1 − δ, the probability that every value is within the bound.
  public var confidence: Double

  public init(error: Double, confidence: Double = 0.95) {
    self.error = error
    self.confidence = confidence
  }

  /// Throws unless 0 < error and 0 < confidence < 1.
  func validate() throws(GraphError) {
    try requireParameter(error > 0 && error.isFinite, "estimate error", error, "must be positive and finite")
    try requireParameter(confidence > 0 && confidence < 1, "estimate confidence", confidence, "must be between 0 and 1 (exclusive)")
  }
}

/// How a sampled estimate was made and the bound it guarantees: with probability at least
/// ``confidence``, every returned value is within ±``errorBound`` of the exact value (all nodes at
/// once), in the unit of the returned scores.
///
///     let run = try BetweennessCentrality(estimate: EstimateTarget(error: 0.01)).estimated(for: graph)
///     run.estimate   // Estimate(method: .riondatoKornaropoulos, samples: 40_476, errorBound: 0.01, confidence: 0.95, …)
public struct Estimate: Sendable, Hashable, Codable {
  public enum Method: String, Sendable, Hashable, Codable {
    /// Betweenness from uniformly sampled shortest paths (Riondato & Kornaropoulos 2016).
    case shortestPathSamples = "shortest-path samples"
    /// Closeness or harmonic centrality from searches out of uniformly sampled sources (Eppstein &
    /// Wang 2004).
    case sampledSources = "sampled sources"
    /// Nothing was sampled: the values are exact (the sample would have been as large as the graph,
    /// or the graph admits no error, e.g. no shortest path has an inner node).
    case exact
  }

  public var method: Method
  /// Shortest paths sampled (betweenness) or source nodes searched (closeness, harmonic).
  public var samples: Int
  /// Every value is within ± this of the exact one (in the unit of the scores).
  public var errorBound: Double
  /// The probability that all values are within ``errorBound`` at once.
  public var confidence: Double
  /// The accuracy asked for.
  public var target: EstimateTarget

  public init(method: Method, samples: Int, errorBound: Double, confidence: Double, target: EstimateTarget) {
    self.method = method
    self.samples = samples
    self.errorBound = errorBound
    self.confidence = confidence
    self.target = target
  }
}

/// Sampled scores together with the bound they come with.
public struct EstimatedScores: Sendable, Equatable {
  public var scores: NodeScores
  public var estimate: Estimate

  public init(scores: NodeScores, estimate: Estimate) {
    self.scores = scores
    self.estimate = estimate
  }
}

/// A centrality that can be estimated by sampling with a stated error bound (betweenness,
/// closeness, harmonic). When ``estimateTarget`` is set, `scores(for:)` returns the estimate.
public protocol EstimatingMeasure: CentralityMeasure {
  /// The accuracy asked for, or `nil` for exact values.
  var estimateTarget: EstimateTarget? { get }
  /// The estimate and its bound (requires ``estimateTarget``).
  func estimated(for graph: Graph, progress: ProgressReporter?) throws(GraphError) -> EstimatedScores
}

/// For every node, its connected component and an upper bound on that component's diameter (in
/// hops). Two breadth-first searches per component: from its smallest node *a*, then from the
/// node *c* halfway along a longest shortest path out of *a*; the bound is `min(2·ecc(a),
/// 2·ecc(c))`, valid since `diam ≤ 2·ecc(x)` for every node *x* of the component.
/// - Complexity: O(*n* + *m*) time and space.
struct ComponentDiameterBounds {
  /// Component index of each node (components numbered by their smallest node).
  var component: [Int32]
  /// Upper bound on the diameter (hops) of each component.
  var diameter: [Int]
  /// Nodes of each component.
  var size: [Int]

  init(graph: Graph) {
    let n = graph.nodeCount
    component = [Int32](repeating: -1, count: n)
    diameter = []
    size = []
    var distance = [Int32](repeating: -1, count: n)
    var parent = [Int32](repeating: -1, count: n)
    var order = [Int32](repeating: 0, count: n)
    let offsets = graph.adjacencyOffsets
    let targets = graph.adjacencyTargets
    /// BFS from `s`; returns (eccentricity, farthest node, reached count); leaves `distance` set.
    func search(_ s: Int) -> (Int, Int, Int) {
      distance[s] = 0
      parent[s] = -1
      order[0] = Int32(s)
      var count = 1
      var head = 0
      while head < count {
        let v = Int(order[head])
        head += 1
        for a in offsets[v] ..< offsets[v + 1] {
          let w = Int(targets[a])
          if distance[w] < 0 {
            distance[w] = distance[v] + 1
            parent[w] = Int32(v)
            order[count] = Int32(w)
            count += 1
          }
        }
      }
      let last = Int(order[count - 1])
      return (Int(distance[last]), last, count)
    }
    for s in 0 ..< n where component[s] < 0 {
      let c = Int32(diameter.count)
      let (eccA, far, count) = search(s)
      for i in 0 ..< count { component[Int(order[i])] = c }
      // Halfway along the path from `far` back to `s`.
      var mid = far
      for _ in 0 ..< eccA / 2 { mid = Int(parent[mid]) }
      for i in 0 ..< count { distance[Int(order[i])] = -1 }
      let (eccC, _, _) = search(mid)
      for i in 0 ..< count { distance[Int(order[i])] = -1 }
      diameter.append(min(2 * eccA, 2 * eccC))
      size.append(count)
    }
  }
}

/// A well-mixed 64-bit seed for item `index` of a sampled computation seeded by `seed`: each
/// sample draws from its own ``SplitMix64`` stream, so the result does not depend on which
/// thread handles it.
@inline(__always)
func sampleSeed(_ seed: UInt64, _ index: Int) -> UInt64 {
  var mixer = SplitMix64(seed: UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03)
  return mixer.next() ^ seed
}

/// `ln(x)` (Foundation-free).
@inline(__always)
func naturalLog(_ x: Double) -> Double { log(x) }

/// `eˣ` (Foundation-free).
@inline(__always)
func naturalExp(_ x: Double) -> Double { exp(x) }
