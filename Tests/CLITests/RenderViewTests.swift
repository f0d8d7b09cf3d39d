import Foundation
import Testing

/// `coauthor render` views: backbone, community map, ego network, year filters, per-year strip.
@Suite("render views")
struct RenderViewTests {
  static let listing = "Examples/mats-research.txt"

  func render(_ arguments: [String], _ dir: TemporaryDirectory, _ name: String) throws -> (CLI.Result, String) {
    let result = try CLI.run(["render", Self.listing] + arguments + ["--output", dir.path(name)], in: CLI.repository)
    let text = (try? String(contentsOfFile: dir.path(name), encoding: .utf8)) ?? ""
    return (result, text)
  }

  @Test func svgIsByteIdenticalAcrossRuns() throws {
    let dir = try TemporaryDirectory()
    let (a, first) = try render([], dir, "a.svg")
    let (b, second) = try render([], dir, "b.svg")
    #expect(a.status == 0 && b.status == 0, "\(a.err)")
    #expect(!first.isEmpty && first == second)
  }

  @Test func autoViewReducesToTheBackboneAboveTheBudget() throws {
    let dir = try TemporaryDirectory()
    let (result, dot) = try render(["--max-nodes", "20"], dir, "b.dot")
    #expect(result.status == 0, "\(result.err)")
    #expect(result.err.contains("(20 nodes,"), "\(result.err)")
    #expect(dot.contains("showing the 20 of 77 nodes with the highest pagerank"), "\(dot.suffix(600))")
    let (full, _) = try render(["--view", "full", "--max-nodes", "20"], dir, "f.dot")
    #expect(full.err.contains("(77 nodes,"), "\(full.err)")  // no alias file: 77 people
  }

  /// A backbone draws at most 4 links per node: the 20 most central people have 95 links among
  /// them, of which the 80 strongest are drawn (each keeps its strongest link).
  @Test func backboneKeepsTheStrongestLinksWithinTheEdgeBudget() throws {
    let dir = try TemporaryDirectory()
    let (result, dot) = try render(["--max-nodes", "20"], dir, "b.dot")
    #expect(result.err.contains("(20 nodes, 80 edges, sfdp; showing the 20 of 77 nodes with the highest pagerank and the 80 strongest of their 95 links)"), "\(result.err)")
    #expect(dot.components(separatedBy: " -- ").count - 1 == 80)
    let (small, _) = try render(["--max-nodes", "10"], dir, "s.dot")
    #expect(small.err.contains("(10 nodes, 20 edges, sfdp; showing the 10 of 77 nodes with the highest pagerank)"), "\(small.err)")
  }

  /// Above `--layout-limit` nothing is laid out: a clear error, exit 1, no file; `.dot` is not laid out and is written.
  @Test func picturesAboveTheLayoutBudgetAreRefused() throws {
    let dir = try TemporaryDirectory()
    let (refused, _) = try render(["--layout-limit", "50"], dir, "x.svg")
    #expect(refused.status == 1)
    #expect(refused.err.contains("Error: the authors picture would have 77 nodes and 343 links, more than the layout budget of 50 nodes and 250 links"), "\(refused.err)")
    #expect(!FileManager.default.fileExists(atPath: dir.path("x.svg")))
    let (dot, _) = try render(["--layout-limit", "50"], dir, "x.dot")
    #expect(dot.status == 0, "\(dot.err)")
    let (fits, _) = try render(["--layout-limit", "77"], dir, "y.svg")  // 77 nodes, 343 ≤ 385 links
    #expect(fits.status == 0, "\(fits.err)")
  }

  @Test func communityMapHasOneNodePerCommunity() throws {
    let dir = try TemporaryDirectory()
    let (result, dot) = try render(["--view", "communities"], dir, "c.dot")
    #expect(result.status == 0, "\(result.err)")
    #expect(result.err.contains("(11 nodes,"), "\(result.err)")  // 11 Louvain communities
    #expect(dot.contains(##"URL="#community-1""##))
    #expect(dot.contains("node area: members"))
  }

  @Test func focusDrawsTheEgoNetwork() throws {
    let dir = try TemporaryDirectory()
    let (result, dot) = try render(["--focus", "Meg Tong", "--radius", "1"], dir, "e.dot")
    #expect(result.status == 0, "\(result.err)")
    #expect(result.err.contains("(25 nodes,"), "\(result.err)")  // Meg Tong and her 24 co-authors
    #expect(dot.contains("ego network of Meg Tong, radius 1"))
    let (folded, _) = try render(["--focus", "meg tong"], dir, "e2.dot")
    #expect(folded.status == 0, "\(folded.err)")
  }

  @Test func unknownFocusSuggestsCloseNames() throws {
    let dir = try TemporaryDirectory()
    let (result, _) = try render(["--focus", "Meg Tonk"], dir, "x.svg")
    #expect(result.status == 1)
    #expect(result.err.contains("nobody named 'Meg Tonk' in the authors network; did you mean 'Meg Tong'"), "\(result.err)")
    #expect(!FileManager.default.fileExists(atPath: dir.path("x.svg")))
  }

  @Test func yearFilterReportsWhatItLeftOut() throws {
    let dir = try TemporaryDirectory()
    let (result, _) = try render(["--since", "2025"], dir, "y.dot")
    #expect(result.status == 0, "\(result.err)")
    #expect(result.err.contains("years 2025 onwards: kept"), "\(result.err)")
    #expect(result.err.contains("without a date"), "\(result.err)")
    let (bad, _) = try render(["--since", "2025", "--until", "2024"], dir, "z.dot")
    #expect(bad.status == 64)
  }

  @Test func perYearWritesOnePictureEachYear() throws {
    let dir = try TemporaryDirectory()
    let (result, _) = try render(["--per-year"], dir, "g.svg")
    #expect(result.status == 0, "\(result.err)")
    #expect(try dir.contents() == ["g-2023.svg", "g-2024.svg", "g-2025.svg", "g-2026.svg"])
  }
}
