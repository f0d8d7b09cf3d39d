import Bibliography
import Foundation
import GraphCore
import Networks
import Testing

/// The same five papers written in each of the four MATS page layouts (Fixtures/layouts/): the
/// listing of `Examples/mats-research.txt`, the newer listing with `Citations`, and one per-paper
/// page per paper in the new and in the old style. Whatever the layout, the author and fellow
/// networks must be the same: the same names, and the same weighted edges (and edge kinds and
/// shared collaborators in the fellow graph). Dates and tags are set aside.
@Suite("Listing layouts: the same papers in every layout give the same networks")
struct LayoutMetamorphicTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/layouts")

  static func files(_ name: String) throws -> [String] {
    let url = folder.appendingPathComponent(name)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return [] }
    if !isDirectory.boolValue { return [url.path] }
    return try FileManager.default.contentsOfDirectory(atPath: url.path).sorted().map { url.appendingPathComponent($0).path }
  }

  /// A network as names and weighted edges, independent of node numbering.
  struct Shape: Equatable, CustomStringConvertible {
    var nodes: [String]
    var fellows: [String]
    var edges: [String]
    var description: String { "nodes \(nodes)\nfellows \(fellows)\nedges \(edges)" }

    init(_ network: Network) {
      nodes = network.labels.sorted()
      fellows = zip(network.labels, network.isFellow).filter(\.1).map(\.0).sorted()
      edges = (0 ..< network.graph.edgeCount).map { e in
        let (u, v) = network.graph.endpoints(of: EdgeID(rawValue: Int32(e)))
        let pair = [network.labels[u.index], network.labels[v.index]].sorted()
        var text = "\(pair[0]) — \(pair[1]) \(network.graph.edgeWeights[e])"
        if e < network.edgeKinds.count { text += " \(network.edgeKinds[e].rawValue)" }
        if e < network.edgeVia.count, !network.edgeVia[e].isEmpty { text += " via \(network.edgeVia[e].sorted())" }
        return text
      }.sorted()
    }
  }

  static let layouts = ["listing.txt", "newer-listing.txt", "pages-new", "pages-old"]

  @Test(arguments: layouts)
  func layoutGivesTheListingsNetworks(layout: String) throws {
    let reference = try CorpusLoader().load(try Self.files("listing.txt"))
    let paths = try Self.files(layout)
    let corpus = try CorpusLoader().load(paths)
    #expect(corpus.papers.count == 5)
    #expect(corpus.papers.map(\.title).sorted() == reference.papers.map(\.title).sorted())
    #expect(Shape(Network.authors(of: corpus)) == Shape(Network.authors(of: reference)))
    #expect(Shape(Network.fellows(of: corpus)) == Shape(Network.fellows(of: reference)))
    // Nothing doubtful was read: no notes besides skipped section headers.
    #expect(corpus.diagnostics.filter { $0.kind != .skippedText } == [])
  }

  /// The fixture's networks, spelled out, so the comparison above cannot pass on empty networks.
  @Test func referenceNetworks() throws {
    let corpus = try CorpusLoader().load(try Self.files("listing.txt"))
    let authors = Shape(Network.authors(of: corpus))
    #expect(
      authors.nodes == [
        "Ada Lovelace", "Alan Turing", "Barbara Liskov", "Charles Babbage", "Edsger Dijkstra", "Grace Hopper", "John McCarthy",
        "Mary Somerville",
      ])
    #expect(authors.edges.count == 14)
    #expect(authors.edges.contains("Ada Lovelace — Charles Babbage 1.0 coauthorship"))
    #expect(authors.edges.contains("Edsger Dijkstra — Grace Hopper 1.0 coauthorship"))
    let fellows = Shape(Network.fellows(of: corpus))
    #expect(fellows.nodes == ["Ada Lovelace", "Barbara Liskov", "Edsger Dijkstra", "Grace Hopper", "John McCarthy"])
    #expect(fellows.edges.contains("Ada Lovelace — Grace Hopper 1.0 coauthorship"))
  }

  /// Pages and listings of the same papers read together: each paper once, and the newer
  /// listing's citation counts kept.
  @Test func allLayoutsTogetherGiveEachPaperOnce() throws {
    let paths = try Self.layouts.flatMap(Self.files)
    let corpus = try CorpusLoader().load(paths)
    #expect(corpus.entryCount == 20)
    #expect(corpus.papers.count == 5)
    #expect(corpus.papers.map(\.citations).sorted { ($0 ?? -1) < ($1 ?? -1) } == [nil, 0, 3, 12, 30])
    let reference = try CorpusLoader().load(try Self.files("listing.txt"))
    #expect(Shape(Network.authors(of: corpus)) == Shape(Network.authors(of: reference)))
  }
}
