import Foundation
import TestSupport
import Testing

@testable import CoauthorCLI

/// Issue 13: a community choice reaches every command that draws or lists communities by one
/// route (``Pipeline``): `communities`, `render`, `export` and `report` change their output when
/// `--algorithm`/`--quality` change, and say which method they used.
@Suite struct PipelineRouteTests {
  static let leidenCPM = ["--algorithm", "leiden", "--quality", "cpm", "--resolution", "0.05"]
  static let propagation = ["--algorithm", "label-propagation"]

  @Test func communitiesListsTheChosenMethod() throws {
    let louvain = try CLI.run(["communities", Bundled.listing])
    let leiden = try CLI.run(["communities", Bundled.listing] + Self.leidenCPM)
    let lp = try CLI.run(["communities", Bundled.listing] + Self.propagation)
    #expect(louvain.status == 0 && leiden.status == 0 && lp.status == 0)
    #expect(louvain.out.contains("(Louvain, resolution 1.0, seed 0)"), "\(louvain.out)")
    #expect(leiden.out.contains("(Leiden (CPM), resolution 0.05, seed 0)"), "\(leiden.out)")
    #expect(lp.out.contains("(label propagation, resolution 1.0, seed 0)"), "\(lp.out)")
    #expect(louvain.out != leiden.out && louvain.out != lp.out)
  }

  @Test func renderColoursByTheChosenMethodAndSaysSo() throws {
    let dir = try TemporaryDirectory()
    let louvain = try CLI.run(["render", Bundled.listing, "--output", dir.path("louvain.svg")])
    let lp = try CLI.run(["render", Bundled.listing, "--output", dir.path("lp.svg")] + Self.propagation)
    #expect(louvain.status == 0 && lp.status == 0, "\(louvain.err)\(lp.err)")
    let a = try String(contentsOfFile: dir.path("louvain.svg"), encoding: .utf8)
    let b = try String(contentsOfFile: dir.path("lp.svg"), encoding: .utf8)
    #expect(a != b)
    #expect(!a.contains("colours: communities by"))  // the default method is not mentioned
    #expect(b.contains("colours: communities by label propagation, seed 0"))
    // The community map too.
    let map = try CLI.run(["render", Bundled.listing, "--view", "communities", "--output", dir.path("map.dot")] + Self.leidenCPM)
    #expect(map.status == 0, "\(map.err)")
    #expect(try String(contentsOfFile: dir.path("map.dot"), encoding: .utf8).contains("colours: communities by Leiden (CPM), resolution 0.05, seed 0"))
  }

  @Test func exportWritesTheChosenCommunities() throws {
    let dir = try TemporaryDirectory()
    func communities(_ extra: [String], _ name: String) throws -> (column: [String], err: String) {
      let result = try CLI.run(["export", Bundled.listing, "--metrics", "none", "--output", dir.path(name)] + extra)
      #expect(result.status == 0, "\(result.err)")
      let lines = try String(contentsOfFile: dir.path(name.replacingOccurrences(of: ".csv", with: ".nodes.csv")), encoding: .utf8)
        .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
      let column = try #require(lines.first?.firstIndex(of: "community"))
      return (lines.dropFirst().map { $0[column] }, result.err)
    }
    let louvain = try communities([], "a.csv")
    let leiden = try communities(Self.leidenCPM, "b.csv")
    #expect(louvain.column != leiden.column)
    #expect(!louvain.err.contains("communities by"))
    #expect(leiden.err.contains("; communities by Leiden (CPM), resolution 0.05, seed 0)"), "\(leiden.err)")
  }

  @Test func reportUsesAndNamesTheChosenMethod() throws {
    let dir = try TemporaryDirectory()
    let louvain = try CLI.run(["report", Bundled.listing, "--output", dir.path("a")])
    let leiden = try CLI.run(["report", Bundled.listing, "--output", dir.path("b")] + Self.leidenCPM)
    #expect(louvain.status == 0 && leiden.status == 0, "\(louvain.err)\(leiden.err)")
    let a = try String(contentsOfFile: dir.path("a/report.md"), encoding: .utf8)
    let b = try String(contentsOfFile: dir.path("b/report.md"), encoding: .utf8)
    #expect(a.contains("| Communities (Louvain) |"))
    #expect(b.contains("| Communities (Leiden, CPM) |"), "\(b.prefix(2000))")
    #expect(b.contains("Leiden (CPM) (resolution 0.05, seed 0) splits the co-authorship network into "))
    #expect(b.contains("**Communities**: Leiden (CPM) (Traag, Waltman and van Eck 2019), resolution 0.05, seed 0"))
    #expect(b.contains("--algorithm leiden --quality cpm --resolution 0.05"))  // the reproducing command
    #expect(!b.contains("Louvain"))
    let html = try String(contentsOfFile: dir.path("b/report.html"), encoding: .utf8)
    #expect(html.contains("colours: communities by Leiden (CPM), resolution 0.05, seed 0"))  // inline pictures
    #expect(html.contains("Communities (Leiden, CPM)"))
  }
}
