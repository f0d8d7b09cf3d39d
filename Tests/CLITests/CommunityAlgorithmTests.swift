import ArgumentParser
import Foundation
import GraphAlgorithms
import TestSupport
import Testing
@testable import CoauthorCLI

@Suite struct CommunityAlgorithmTests {
  @Test func parsesAlgorithmAndQuality() throws {
    let leiden = try #require(
      try Coauthor.parseAsRoot(["communities", "a.txt", "--algorithm", "leiden", "--quality", "cpm", "--resolution", "0.1"])
        as? Coauthor.Communities)
    #expect(leiden.community.algorithm == .leiden)
    #expect(leiden.community.quality == .cpm)
    let propagation = try #require(
      try Coauthor.parseAsRoot(["communities", "a.txt", "--algorithm", "label-propagation"]) as? Coauthor.Communities)
    #expect(propagation.community.algorithm == .labelPropagation)
    #expect(propagation.community.quality == nil)
  }

  @Test func qualityNeedsLeiden() {
    do {
      _ = try Coauthor.parseAsRoot(["communities", "a.txt", "--quality", "cpm"])
      Issue.record("expected a validation error")
    } catch {
      #expect(Coauthor.message(for: error) == "Please use '--quality' only with '--algorithm leiden'.")
    }
  }

  @Test(arguments: ["leiden", "label-propagation"])
  func jsonShapeAndDeterminism(algorithm: String) throws {
    let arguments = ["communities", "--format", "json", "--algorithm", algorithm, Bundled.listing]
    let result = try CLI.run(arguments)
    #expect(result.status == 0, "\(result.err)")
    // Leiden also names the quality it maximised.
    let quality = algorithm == "leiden" ? ["quality"] : []
    // Issue 14 part 3: Leiden states its restarts, its iteration cap and whether it converged.
    let restarts = algorithm == "leiden" ? ["restarts", "leidenIterations"] : []
    let converged = algorithm == "leiden" ? ["converged"] : []
    #expect(
      objectKeys(result.out, depth: 1)
        == ["graph", "algorithm"] + quality + ["resolution", "seed"] + restarts + ["modularity"] + converged + ["communities"])
    let json = try jsonObject(result)
    #expect(json["algorithm"] as? String == algorithm)
    #expect(json["seed"] as? Int == 0)
    let communities = try #require(json["communities"] as? [[String: Any]])
    let all = communities.flatMap { $0["members"] as? [String] ?? [] }
    #expect(all.count == 77 && Set(all).count == 77)
    let modularity = try #require(json["modularity"] as? Double)
    if algorithm == "leiden" {
      // Leiden reaches at least the best Louvain value over seeds (networkx, see the Louvain test).
      #expect(modularity >= 0.6471570651154064 - 1e-9)
    } else {
      #expect(modularity > 0)
    }
    #expect(try CLI.run(arguments).stdout == result.stdout)  // same seed, same bytes
  }

  @Test func leidenCPMAndTextOutput() throws {
    let cpm = try CLI.run(["communities", "--algorithm", "leiden", "--quality", "cpm", "--resolution", "0.05", Bundled.listing])
    #expect(cpm.status == 0, "\(cpm.err)")
    #expect(cpm.out.contains(", CPM quality "), "\(cpm.out)")
    #expect(cpm.out.contains("(Leiden (CPM), resolution 0.05, seed 0)"), "\(cpm.out)")
    let json = try jsonObject(try CLI.run(["communities", "--format", "json", "--algorithm", "leiden", "--quality", "cpm", "--resolution", "0.05", Bundled.listing]))
    #expect(json["quality"] as? String == "cpm")
    #expect((json["cpm"] as? Double).map { $0 > 0 } == true)
  }
}

/// Issue 14 part 3: `--restarts k` reaches Leiden through ``CommunityMethod`` (the one route) on
/// every command with `--algorithm`, is stated in the outputs, and is refused where it cannot apply.
@Suite struct RestartsOptionTests {
  /// Les Misérables (weighted) as an edge list of character names (Fixtures/lesmis/README.md).
  static let lesMiserables = CLI.repository.appendingPathComponent("Tests/CLITests/Fixtures/lesmis/edges.tsv").path

  @Test func parsesIntoTheMethod() throws {
    let parsed = try #require(
      try Coauthor.parseAsRoot(["communities", "a.txt", "--algorithm", "leiden", "--restarts", "3"]) as? Coauthor.Communities)
    #expect(parsed.community.method.restarts == 3)
    #expect(parsed.community.method.summary == "Leiden, resolution 1, seed 0, 3 restarts")
    #expect(parsed.community.arguments == ["--algorithm", "leiden", "--restarts", "3"])
    let plain = try #require(try Coauthor.parseAsRoot(["communities", "a.txt", "--algorithm", "leiden"]) as? Coauthor.Communities)
    #expect(plain.community.method.restarts == 1)
    #expect(plain.community.method.summary == "Leiden, resolution 1, seed 0")
    let leiden = ["--algorithm", "leiden", "--restarts", "2"]
    let export = try #require(try Coauthor.parseAsRoot(["export", "a.txt", "--output", "x.csv"] + leiden) as? Coauthor.Export)
    let render = try #require(try Coauthor.parseAsRoot(["render", "a.txt", "--output", "x.svg"] + leiden) as? Coauthor.Render)
    let report = try #require(try Coauthor.parseAsRoot(["report", "a.txt", "--output", "x"] + leiden) as? Coauthor.Report)
    #expect(export.community.method.restarts == 2)
    #expect(render.community.method.restarts == 2)
    #expect(report.community.method.restarts == 2)
  }

  @Test(arguments: [
    (["--algorithm", "leiden", "--restarts", "0"], "Please give a '--restarts' of at least 1."),
    (["--algorithm", "leiden", "--restarts", "-2"], "Please give a '--restarts' of at least 1."),
    (["--restarts", "2"], "Please use '--restarts' only with '--algorithm leiden'."),
    (["--algorithm", "label-propagation", "--restarts", "1"], "Please use '--restarts' only with '--algorithm leiden'."),
  ])
  func badRestartsAreUsageErrors(extra: [String], message: String) {
    do {
      _ = try Coauthor.parseAsRoot(["communities", "a.txt"] + extra)
      Issue.record("expected a validation error for \(extra)")
    } catch {
      #expect(Coauthor.message(for: error) == message)
    }
  }

  /// On Les Misérables with seed `improvingSeed`, one converged run stops below the best
  /// partition that three restarts find; the CLI's numbers move with `--restarts` and say so.
  static let improvingSeed = "4"

  @Test func communitiesStatesAndUsesRestarts() throws {
    let edges = Self.lesMiserables
    func run(_ restarts: [String]) throws -> [String: Any] {
      let result = try CLI.run(
        ["communities", edges, "--format", "json", "--algorithm", "leiden", "--seed", Self.improvingSeed] + restarts)
      #expect(result.status == 0, "\(result.err)")
      return try jsonObject(result)
    }
    let one = try run([]), three = try run(["--restarts", "3"])
    #expect(one["restarts"] as? Int == 1)
    #expect(three["restarts"] as? Int == 3)
    let q1 = try #require(one["modularity"] as? Double), q3 = try #require(three["modularity"] as? Double)
    #expect(abs(q1 - 0.5658216835217132) < 1e-9, "\(q1)")
    // The optimum: igraph 1.0 `g.community_optimal_modularity(weights="weight")` on this edge list scores 0.5666879833432482.
    #expect(abs(q3 - 0.5666879833432481) < 1e-9, "\(q3)")
    let text = try CLI.run(["communities", edges, "--algorithm", "leiden", "--restarts", "3", "--seed", Self.improvingSeed])
    #expect(text.out.contains("(Leiden, resolution 1.0, seed \(Self.improvingSeed), 3 restarts)"), "\(text.out.prefix(300))")
  }

  @Test func exportRenderAndReportNameTheRestarts() throws {
    let dir = try TemporaryDirectory()
    let leiden = ["--algorithm", "leiden", "--restarts", "2"]
    let export = try CLI.run(["export", Bundled.listing, "--metrics", "none", "--output", dir.path("a.csv")] + leiden)
    #expect(export.status == 0, "\(export.err)")
    #expect(export.err.contains("; communities by Leiden, resolution 1, seed 0, 2 restarts)"), "\(export.err)")
    let render = try CLI.run(["render", Bundled.listing, "--output", dir.path("map.dot"), "--view", "communities"] + leiden)
    #expect(render.status == 0, "\(render.err)")
    #expect(try String(contentsOfFile: dir.path("map.dot"), encoding: .utf8).contains("colours: communities by Leiden, resolution 1, seed 0, 2 restarts"))
    let report = try CLI.run(["report", Bundled.listing, "--output", dir.path("r")] + leiden)
    #expect(report.status == 0, "\(report.err)")
    let md = try String(contentsOfFile: dir.path("r/report.md"), encoding: .utf8)
    #expect(md.contains("**Communities**: Leiden (Traag, Waltman and van Eck 2019), resolution 1.00, seed 0, 2 restarts (independent converged runs combined by core groups, the best kept)"), "\(md.prefix(3000))")
    #expect(md.contains("Leiden (resolution 1.00, seed 0, 2 restarts) splits the co-authorship network into "))
    #expect(md.contains("--algorithm leiden --restarts 2"))  // the reproducing command
  }
}

/// Issue 14 part 3: `--leiden-iterations n` (Leiden's cap on the iterations of each run) reaches
/// Leiden through ``CommunityMethod/leidenIterations`` from every command that finds communities,
/// is stated in the outputs with whether the runs converged, and is refused where it cannot apply.
@Suite struct LeidenIterationsOptionTests {
  static let lesMiserables = RestartsOptionTests.lesMiserables

  @Test func parsesIntoTheMethodOnEveryCommand() throws {
    let best = ["--algorithm", "leiden", "--restarts", "3", "--leiden-iterations", "10"]
    let parsed = try #require(try Coauthor.parseAsRoot(["communities", "a.txt"] + best) as? Coauthor.Communities)
    #expect(parsed.community.method == CommunityMethod(algorithm: .leiden, restarts: 3, leidenIterations: 10))
    #expect(parsed.community.method.summary == "Leiden, resolution 1, seed 0, 3 restarts, at most 10 iterations a run")
    #expect(parsed.community.arguments == best)
    let one = try #require(
      try Coauthor.parseAsRoot(["communities", "a.txt", "--algorithm", "leiden", "--leiden-iterations", "1"]) as? Coauthor.Communities)
    #expect(one.community.method.summary == "Leiden, resolution 1, seed 0, at most 1 iteration a run")
    let plain = try #require(try Coauthor.parseAsRoot(["communities", "a.txt", "--algorithm", "leiden"]) as? Coauthor.Communities)
    #expect(plain.community.method.leidenIterations == nil)
    #expect(plain.community.arguments == ["--algorithm", "leiden"])
    let capped = ["--algorithm", "leiden", "--leiden-iterations", "4"]
    let export = try #require(try Coauthor.parseAsRoot(["export", "a.txt", "--output", "x.csv"] + capped) as? Coauthor.Export)
    let render = try #require(try Coauthor.parseAsRoot(["render", "a.txt", "--output", "x.svg"] + capped) as? Coauthor.Render)
    let report = try #require(try Coauthor.parseAsRoot(["report", "a.txt", "--output", "x"] + capped) as? Coauthor.Report)
    let diff = try #require(try Coauthor.parseAsRoot(["diff", "a.txt", "b.txt"] + capped) as? Coauthor.Diff)
    #expect(export.community.method.leidenIterations == 4)
    #expect(render.community.method.leidenIterations == 4)
    #expect(report.community.method.leidenIterations == 4)
    #expect(diff.community.method.leidenIterations == 4)
  }

  @Test(arguments: [
    (["--algorithm", "leiden", "--leiden-iterations", "0"], "Please give a '--leiden-iterations' of at least 1."),
    (["--algorithm", "leiden", "--leiden-iterations", "-3"], "Please give a '--leiden-iterations' of at least 1."),
    (["--leiden-iterations", "10"], "Please use '--leiden-iterations' only with '--algorithm leiden'."),
    (["--algorithm", "label-propagation", "--leiden-iterations", "10"], "Please use '--leiden-iterations' only with '--algorithm leiden'."),
  ])
  func badValuesAreUsageErrors(extra: [String], message: String) throws {
    let result = try CLI.run(["communities", Self.lesMiserables] + extra)
    #expect(result.status == 64, "\(result.err)")
    #expect(result.err.contains(message), "\(result.err)")
    #expect(result.out.isEmpty)
  }

  /// One iteration from singletons changes the partition, so a run capped at 1 cannot converge:
  /// the JSON says so and the text line says so; a cap that does not run out changes nothing.
  @Test func communitiesStatesTheCapAndConvergence() throws {
    let edges = Self.lesMiserables
    func run(_ extra: [String]) throws -> [String: Any] {
      let result = try CLI.run(["communities", edges, "--format", "json", "--algorithm", "leiden", "--seed", "4"] + extra)
      #expect(result.status == 0, "\(result.err)")
      #expect(!result.err.contains("still changing"), "a cap the user set is not a warning: \(result.err)")
      return try jsonObject(result)
    }
    let converged = try run([]), capped = try run(["--leiden-iterations", "1"]), roomy = try run(["--leiden-iterations", "100"])
    #expect(converged["leidenIterations"] is NSNull)
    #expect(converged["converged"] as? Bool == true)
    #expect(capped["leidenIterations"] as? Int == 1)
    #expect(capped["converged"] as? Bool == false)
    #expect(roomy["leidenIterations"] as? Int == 100)
    #expect(roomy["converged"] as? Bool == true)
    let q = try #require(converged["modularity"] as? Double), q1 = try #require(capped["modularity"] as? Double)
    #expect(abs(q - 0.5658216835217132) < 1e-9, "\(q)")  // RestartsOptionTests' single converged run
    #expect(roomy["modularity"] as? Double == q)  // a cap that does not run out changes nothing
    // Here one iteration already finds the converged run's modularity, but nothing can tell it is
    // converged before an iteration leaves it unchanged: `converged` is false all the same.
    #expect(abs(q1 - q) < 1e-12, "\(q1)")
    let text = try CLI.run(["communities", edges, "--algorithm", "leiden", "--seed", "4", "--restarts", "2", "--leiden-iterations", "1"])
    #expect(text.status == 0, "\(text.err)")
    #expect(
      text.out.contains("(Leiden, resolution 1.0, seed 4, 2 restarts, at most 1 iteration a run; not converged: stopped at the iteration cap)"),
      "\(text.out.prefix(300))")
  }

  @Test func exportRenderAndReportNameTheCap() throws {
    let dir = try TemporaryDirectory()
    let capped = ["--algorithm", "leiden", "--restarts", "2", "--leiden-iterations", "1"]
    let export = try CLI.run(["export", Bundled.listing, "--metrics", "none", "--output", dir.path("a.csv")] + capped)
    #expect(export.status == 0, "\(export.err)")
    #expect(export.err.contains("; communities by Leiden, resolution 1, seed 0, 2 restarts, at most 1 iteration a run)"), "\(export.err)")
    let render = try CLI.run(["render", Bundled.listing, "--output", dir.path("map.dot"), "--view", "communities"] + capped)
    #expect(render.status == 0, "\(render.err)")
    #expect(
      try String(contentsOfFile: dir.path("map.dot"), encoding: .utf8)
        .contains("colours: communities by Leiden, resolution 1, seed 0, 2 restarts, at most 1 iteration a run"))
    let report = try CLI.run(["report", Bundled.listing, "--output", dir.path("r")] + capped)
    #expect(report.status == 0, "\(report.err)")
    let md = try String(contentsOfFile: dir.path("r/report.md"), encoding: .utf8)
    #expect(
      md.contains(
        "**Communities**: Leiden (Traag, Waltman and van Eck 2019), resolution 1.00, seed 0, 2 restarts (independent runs combined by core groups, the best kept), at most 1 iteration a run (stopped at the cap, not converged)"),
      "\(md.prefix(3000))")
    #expect(md.contains("Leiden (resolution 1.00, seed 0, 2 restarts, at most 1 iteration a run) splits the co-authorship network into "))
    #expect(md.contains("--algorithm leiden --restarts 2 --leiden-iterations 1"))  // the reproducing command
  }
}
