import Foundation
import Testing

/// The bundled MATS listing written in the site's other layouts (`Fixtures/mats-layouts`, made by
/// its `make_layouts.py`) reads as the same papers, people and networks: every entry once, every
/// fellow matched, no fake author. This is the end-to-end check of the layout readers through the
/// command line, as a user runs it.
@Suite("Every MATS layout gives the same networks")
struct LayoutEquivalenceTests {
  static let fixtures = "Tests/CLITests/Fixtures/mats-layouts"

  /// The inputs of one layout, as command-line paths relative to the repository.
  static func inputs(_ layout: String) throws -> [String] {
    let dir = CLI.repository.appendingPathComponent(fixtures).appendingPathComponent(layout)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDirectory), isDirectory.boolValue else {
      return [fixtures + "/" + layout]
    }
    return try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".txt") }.sorted()
      .map { fixtures + "/" + layout + "/" + $0 }
  }

  /// What must agree between layouts: the counts of the networks and every person's degree and
  /// strength in the author and fellow networks (ties ordered by name, so node numbering, which
  /// follows dates, does not matter).
  static func fingerprint(_ inputs: [String]) throws -> [String: String] {
    var out: [String: String] = [:]
    let stats = try CLI.run(["stats", "--format", "json"] + inputs)
    #expect(stats.status == 0, "\(inputs): \(stats.err)")
    let json = try jsonObject(stats)
    for key in ["papers", "authors", "fellows"] { out[key] = "\(json[key] ?? "missing")" }
    let graphs = try #require(json["graphs"] as? [String: Any])
    for graph in ["authors", "fellows"] {
      let g = try #require(graphs[graph] as? [String: Any])
      out[graph + " graph"] = "\(g["nodes"] ?? "") nodes, \(g["edges"] ?? "") edges, \(g["components"] ?? "") components"
      for metric in ["degree", "strength"] {
        let rank = try CLI.run(["rank", "--graph", graph, "--metric", metric, "--format", "csv"] + inputs)
        #expect(rank.status == 0, "\(inputs): \(rank.err)")
        out[graph + " " + metric] = rank.out
      }
    }
    return out
  }

  @Test("newer listing, per-paper pages new and old style equal the bundled listing", arguments: [
    "listing-newer.txt", "pages-new", "pages-old",
  ])
  func layoutEqualsBundledListing(_ layout: String) throws {
    let expected = try Self.fingerprint([Bundled.listing])
    #expect(expected["papers"] == "13" && expected["authors"] == "77" && expected["fellows"] == "19")
    let actual = try Self.fingerprint(try Self.inputs(layout))
    for key in expected.keys.sorted() {
      #expect(actual[key] == expected[key], "\(layout): \(key) differs")
    }
  }

  /// Listing pages and per-paper pages read together give each paper once (the title-less page
  /// included), with the same networks.
  @Test func pagesAndListingTogetherGiveEachPaperOnce() throws {
    let all = try Self.inputs("listing-newer.txt") + Self.inputs("pages-new") + Self.inputs("pages-old")
    let expected = try Self.fingerprint([Bundled.listing])
    let actual = try Self.fingerprint(all)
    for key in expected.keys.sorted() {
      #expect(actual[key] == expected[key], "all layouts together: \(key) differs")
    }
  }

  /// The newer listing keeps its citation counts and reads no label as a name or title.
  @Test func newerListingHasNoLabelAsNameOrTitle() throws {
    let result = try CLI.run(["stats", "--format", "json"] + Self.inputs("listing-newer.txt"))
    #expect(result.status == 0, "\(result.err)")
    let rank = try CLI.run(["rank", "--metric", "degree", "--format", "csv"] + Self.inputs("listing-newer.txt"))
    for label in ["Citations", "Alumni", "Authors", "Date", "Abstract"] {
      #expect(!rank.out.contains("\n\(label)"), "'\(label)' read as an author")
      #expect(!rank.out.contains(",\(label),"), "'\(label)' read as an author")
    }
  }
}
