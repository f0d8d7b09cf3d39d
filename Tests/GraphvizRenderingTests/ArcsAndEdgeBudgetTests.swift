import Foundation
import GraphCore
import Networks
import Testing
@testable import GraphvizRendering

/// Coauthor's own edge arcs (``NetworkStyle/Splines/arcs``) and the backbone's edge budget
/// (``Network/strongestEdges(limit:)``).
@Suite("Arcs and edge budget")
struct ArcsAndEdgeBudgetTests {
  static func network(_ n: Int, _ edges: [(Int, Int, Double)]) -> Network {
    Network(
      kind: .authors, graph: Graph(nodeCount: n, edges: edges), labels: (0 ..< n).map { "P\($0)" },
      paperCounts: [Int](repeating: 1, count: n), isFellow: [Bool](repeating: false, count: n))
  }

  /// The cubic Bézier of every edge path in an SVG: `M x0,y0 C x1,y1 x2,y2 x3,y3`.
  static func edgeCurves(_ svg: String) -> [[(Double, Double)]] {
    var curves: [[(Double, Double)]] = []
    for chunk in svg.components(separatedBy: "class=\"edge\"").dropFirst() {
      guard let d = chunk.range(of: " d=\"") else { continue }
      let rest = chunk[d.upperBound...]
      let path = rest[..<rest.firstIndex(of: "\"")!]
      let numbers = path.split(whereSeparator: { "MC ,".contains($0) }).compactMap { Double($0) }
      guard numbers.count == 8 else { continue }
      curves.append(stride(from: 0, to: 8, by: 2).map { (numbers[$0], numbers[$0 + 1]) })
    }
    return curves
  }

  /// Distance of `p` from the line through `a` and `b`.
  static func offset(_ p: (Double, Double), _ a: (Double, Double), _ b: (Double, Double)) -> Double {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1)
    return abs(dx * (a.1 - p.1) - dy * (a.0 - p.0)) / (dx * dx + dy * dy).squareRoot()
  }

  @Test func defaultStyleDrawsArcsWithStraightLineRouting() {
    let style = NetworkStyle()
    #expect(style.splines == .arcs)
    let dot = DOTWriter(style: style, engine: .sfdp).dot(for: Self.network(3, [(0, 1, 1), (1, 2, 1)]))
    #expect(dot.contains("graph [splines=line];"))
    #expect(dot.contains("graph [coauthor_arcs=0.12];"))
    #expect(!dot.contains("curved"))
  }

  @Test func everyEdgeBulgesByTheArcBend() throws {
    // A 5-cycle: every edge is a single segment that libgvc routes straight, then we bend.
    let net = Self.network(5, [(0, 1, 1), (1, 2, 1), (2, 3, 1), (3, 4, 1), (0, 4, 1)])
    let svg = try GraphvizRenderer(engine: .neato).svg(fromDOT: DOTWriter(style: NetworkStyle(showsLegend: false), engine: .neato).dot(for: net))
    let curves = Self.edgeCurves(svg)
    #expect(curves.count == 5)
    for c in curves {
      let length = ((c[3].0 - c[0].0) * (c[3].0 - c[0].0) + (c[3].1 - c[0].1) * (c[3].1 - c[0].1)).squareRoot()
      // Control points sit 4/3 × 0.12 × length off the chord (SVG coordinates are rounded to 0.01).
      for p in [c[1], c[2]] { #expect(abs(Self.offset(p, c[0], c[3]) - 0.16 * length) < 0.05) }
    }
  }

  @Test func straightStylesAreLeftStraight() throws {
    let net = Self.network(3, [(0, 1, 1), (1, 2, 1), (0, 2, 1)])
    var style = NetworkStyle(showsLegend: false)
    style.splines = .line
    let svg = try GraphvizRenderer(engine: .neato).svg(fromDOT: DOTWriter(style: style, engine: .neato).dot(for: net))
    for c in Self.edgeCurves(svg) { #expect(Self.offset(c[1], c[0], c[3]) < 0.05) }
  }

  /// Graphviz's `splines=curved` enumerates the graph's cycles: K30 took 52 s in libgvc 2.42.
  /// Arcs draw it in linear time (a regression to `curved` would make this test crawl).
  @Test func aThirtyCliqueIsDrawnWithArcs() throws {
    var edges: [(Int, Int, Double)] = []
    for a in 0 ..< 30 { for b in a + 1 ..< 30 { edges.append((a, b, 1)) } }
    let svg = try GraphvizRenderer(engine: .sfdp).svg(fromDOT: DOTWriter(style: NetworkStyle(), engine: .sfdp).dot(for: Self.network(30, edges)))
    #expect(Self.edgeCurves(svg).count == 435)
  }

  @Test func strongestEdgesKeepEachNodesHeaviestThenTheHeaviestRest() {
    // 0–1 (3), 0–2 (2), 1–2 (1), 2–3 (1), 1–3 (0.5)
    let net = Self.network(4, [(0, 1, 3), (0, 2, 2), (1, 2, 1), (2, 3, 1), (1, 3, 0.5)])
    // Per node: 0 → 0–1, 1 → 0–1, 2 → 0–2, 3 → 2–3 (1 beats 0.5): three edges even for limit 2.
    let two = net.strongestEdges(limit: 2)
    #expect(two.graph.nodeCount == 4)
    #expect(two.graph.edgeCount == 3)
    #expect(Set((0 ..< 3).map { e in let (a, b) = two.graph.endpoints(of: EdgeID(e)); return [a.index, b.index] }) == [[0, 1], [0, 2], [2, 3]])
    // One more: the heaviest left is 1–2 (1) before 1–3 (0.5).
    let four = net.strongestEdges(limit: 4)
    #expect(four.graph.edgeCount == 4)
    #expect(four.graph.edgeWeights.reduce(0, +) == 7)
    #expect(net.strongestEdges(limit: 5).graph.edgeCount == 5)
    #expect(net.strongestEdges(limit: 100).graph.edgeWeights == net.graph.edgeWeights)
  }

  @Test func strongestEdgesKeepEdgeKinds() {
    let net = Network(
      kind: .fellows, graph: Graph(nodeCount: 3, edges: [(0, 1, 5), (0, 2, 1), (1, 2, 2)]), labels: ["A", "B", "C"],
      paperCounts: [1, 1, 1], isFellow: [true, true, true], edgeKinds: [.coauthorship, .sharedCollaborator, .sharedCollaborator],
      edgeVia: [[], ["M"], ["N"]])
    let kept = net.strongestEdges(limit: 1)  // per node: A → A–B, B → A–B, C → B–C
    #expect(kept.graph.edgeCount == 2)
    #expect(kept.edgeKinds == [.coauthorship, .sharedCollaborator])
    #expect(kept.edgeVia == [[], ["N"]])
  }
}
