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
    #expect(objectKeys(result.out, depth: 1) == ["graph", "algorithm"] + quality + ["resolution", "seed", "modularity", "communities"])
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
