import ArgumentParser
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

/// Issue 14, part 1: PageRank and eigenvector are converged by default to a stated error bound;
/// `--tolerance` and `--max-iterations` reach them through the pipeline, and a cap that runs out
/// first gives a warning with the bound reached and the best answer (exit 0).
@Suite struct ConvergenceOptionTests {
  @Test func rankStatesTheBoundReached() throws {
    let result = try CLI.run(["rank", Bundled.listing, "--format", "json", "--top", "1"])
    #expect(result.status == 0, "\(result.err)")
    let json = try jsonObject(result)
    let c = try #require(json["convergence"] as? [String: Any])
    let bound = try #require(c["errorBound"] as? Double)
    #expect(bound > 0 && bound <= 1e-10)  // the default PageRank tolerance
    #expect(c["tolerance"] as? Double == 1e-10)
    #expect(c["converged"] as? Bool == true)
    #expect((c["iterations"] as? Int).map { $0 > 5 && $0 < 1000 } == true)
    // Degree is not iterative: no convergence member.
    #expect(try jsonObject(try CLI.run(["rank", Bundled.listing, "--format", "json", "--metric", "degree"]))["convergence"] == nil)
  }

  @Test func aCapThatRunsOutWarnsAndKeepsTheBestAnswer() throws {
    let result = try CLI.run(["rank", Bundled.listing, "--format", "json", "--max-iterations", "3"])
    #expect(result.status == 0, "\(result.err)")
    #expect(result.err.contains("coauthor: warning: pagerank on the authors graph did not converge within 3 iterations: L1 error bound "), "\(result.err)")
    let c = try #require(try jsonObject(result)["convergence"] as? [String: Any])
    #expect(c["converged"] as? Bool == false)
    #expect((c["errorBound"] as? Double).map { $0 > 1e-10 } == true)
    // A looser tolerance is reached in fewer iterations than the default.
    let loose = try #require(try jsonObject(try CLI.run(["rank", Bundled.listing, "--format", "json", "--tolerance", "1e-4"]))["convergence"] as? [String: Any])
    let tight = try #require(try jsonObject(try CLI.run(["rank", Bundled.listing, "--format", "json"]))["convergence"] as? [String: Any])
    #expect((loose["iterations"] as? Int ?? 0) < (tight["iterations"] as? Int ?? 0))
  }

  @Test(arguments: [
    (["rank", "a.txt", "--tolerance", "0"], "Please give a '--tolerance' greater than 0 (got 0.0)."),
    (["rank", "a.txt", "--tolerance", "-1"], "Please give a '--tolerance' greater than 0 (got -1.0)."),
    (["export", "a.txt", "-o", "x.json", "--tolerance", "nan"], "Please give a '--tolerance' greater than 0 (got nan)."),
    (["report", "a.txt", "--max-iterations", "0"], "Please give a '--max-iterations' of at least 1 (got 0)."),
  ])
  func badSettingsAreUsageErrors(arguments: [String], message: String) {
    do {
      _ = try Coauthor.parseAsRoot(arguments)
      Issue.record("\(arguments) parsed")
    } catch {
      #expect(Coauthor.message(for: error) == message)
      #expect(Coauthor.exitCode(for: error).rawValue == 64)
    }
  }

  @Test func reportStatesConvergence() throws {
    let dir = try TemporaryDirectory()
    let result = try CLI.run(["report", Bundled.listing, "--output", dir.path("r")])
    #expect(result.status == 0, "\(result.err)")
    let md = try String(contentsOfFile: dir.path("r/report.md"), encoding: .utf8)
    #expect(md.contains("- **Convergence**: PageRank: "), "\(md.suffix(1500))")
    #expect(md.contains(" iterations, L1 error ≤ ") && md.contains("(co-authorship network)"))
  }
}
