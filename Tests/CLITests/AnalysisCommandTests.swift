import Foundation
import TestSupport
import Testing

/// The keys of every JSON object at nesting `depth` (1 = the top-level object), in text order.
/// A small scanner over the raw text, because `JSONSerialization` forgets key order.
func objectKeys(_ text: String, depth wanted: Int) -> [String] {
  var keys: [String] = []
  var stack: [Character] = []
  var inString = false
  var escaped = false
  var current = ""
  var lastString: String?
  for c in text {
    if inString {
      if escaped { escaped = false; current.append(c) }
      else if c == "\\" { escaped = true }
      else if c == "\"" { inString = false; lastString = current }
      else { current.append(c) }
      continue
    }
    switch c {
    case "\"": inString = true; current = ""
    case "{", "[": stack.append(c); lastString = nil
    case "}", "]": stack.removeLast(); lastString = nil
    case ":":
      if stack.count == wanted, stack.last == "{", let key = lastString { keys.append(key) }
      lastString = nil
    case ",": lastString = nil
    default: break
    }
  }
  return keys
}

// networkx 3.6.1 reference values for the bundled listing WITHOUT the alias file, computed from an
// independent parse of Examples/mats-research.txt.

@Suite struct StatsCommandTests {
  @Test func jsonCountsGraphsAndDiagnostics() throws {
    let result = try CLI.run(["stats", "--format", "json", Bundled.listing])
    #expect(result.status == 0, "\(result.err)")
    let json = try jsonObject(result)
    #expect(json["entries"] as? Int == 15)
    #expect(json["papers"] as? Int == 13)
    #expect(json["authors"] as? Int == 77)
    #expect(json["fellows"] as? Int == 19)
    #expect(json["tags"] as? Int == 9)

    let graphs = try #require(json["graphs"] as? [String: [String: Int]])
    #expect(Set(graphs.keys) == ["authors", "fellows", "tags", "terms"])  // terms: titles and abstracts
    // networkx: G.number_of_nodes(), G.number_of_edges(), nx.number_connected_components(G)
    #expect(graphs["authors"] == ["nodes": 77, "edges": 343, "components": 9])
    #expect(graphs["fellows"]?["nodes"] == 19)
    #expect(graphs["fellows"]?["edges"] == 17)
    #expect(graphs["tags"] == ["nodes": 9, "edges": 11, "components": 1])

    let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
    for d in diagnostics {
      #expect(d["kind"] is String && d["message"] is String)
      #expect(d.keys.contains("file") && d.keys.contains("line"))
    }
    let joined = diagnostics.filter { $0["kind"] as? String == "suspected-joined-names" }
    #expect(joined.count == 1)
    #expect(joined.first?["line"] as? Int == 105)
    #expect(joined.first?["file"] as? String == Bundled.listing)
    #expect((joined.first?["message"] as? String)?.contains("Alan Chan Nicholas Carlini") == true)
    let merged = diagnostics.filter { $0["kind"] as? String == "duplicate-merged" }
    #expect(merged.count == 2)
    #expect(merged.allSatisfy { $0["file"] as? String == Bundled.listing && $0["line"] is Int })
  }

  @Test func jsonKeysAreInTheDocumentedOrder() throws {
    let result = try CLI.run(["stats", "--format", "json", Bundled.listing])
    #expect(objectKeys(result.out, depth: 1) == ["entries", "papers", "authors", "fellows", "tags", "graphs", "read", "diagnostics"])
    // graphs' members, then each graph's counts
    let second = objectKeys(result.out, depth: 2)
    #expect(Array(second.prefix(4)) == ["authors", "fellows", "tags", "terms"])
    let third = objectKeys(result.out, depth: 3)
    #expect(Array(third.prefix(12)) == Array(repeating: ["nodes", "edges", "components"], count: 4).flatMap { $0 })
    #expect(third.dropFirst(12).prefix(4) == ["kind", "message", "file", "line"])
  }

  @Test func aliasFileSplitsTheJoinedName() throws {
    let result = try CLI.run(["stats", "--format", "json", Bundled.listing, "--aliases", Bundled.aliases])
    #expect(result.status == 0, "\(result.err)")
    let json = try jsonObject(result)
    #expect(json["authors"] as? Int == 78)
    #expect(json["papers"] as? Int == 13)
    let graphs = try #require(json["graphs"] as? [String: [String: Int]])
    #expect(graphs["authors"]?["nodes"] == 78)
    let kinds = try #require(json["diagnostics"] as? [[String: Any]]).compactMap { $0["kind"] as? String }
    #expect(kinds.contains("alias-applied"))
    #expect(!kinds.contains("suspected-joined-names"))
  }

  @Test func textFormatListsCountsAndNotes() throws {
    let result = try CLI.run(["stats", Bundled.listing])
    #expect(result.status == 0)
    #expect(result.out.contains("authors graph"))
    #expect(result.out.contains("77 nodes, 343 edges, 9 components"))
    #expect(result.out.contains("data-quality notes:"))
  }

  /// 25 rows without a title give 25 notes of one kind: the text lists 20 and counts the rest,
  /// `--all-notes` lists all 25, JSON always has all 25.
  @Test func textListsTwentyNotesOfEachKind() throws {
    let dir = try TemporaryDirectory()
    let rows = (1 ... 25).map { "p\($0)\t\tAnn Alpha;Bob Beta\n" }.joined()
    let path = try dir.write("untitled.tsv", "paper_id\ttitle\tauthors\n" + rows)
    let text = try CLI.run(["stats", path])
    #expect(text.status == 0, "\(text.err)")
    let listed = text.out.split(separator: "\n").filter { $0.contains("row without a title") }
    #expect(listed.count == 20)
    #expect(text.out.contains("… and 5 more 'note' notes (25 in all)"))
    let all = try CLI.run(["stats", path, "--all-notes"])
    #expect(all.out.split(separator: "\n").filter { $0.contains("row without a title") }.count == 25)
    #expect(!all.out.contains("more 'note' notes"))
    let json = try CLI.run(["stats", path, "--format", "json"])
    let diagnostics = try #require(jsonObject(json)["diagnostics"] as? [Any])
    #expect(diagnostics.count == 25)
  }
}

@Suite struct RankCommandTests {
  /// networkx `betweenness_centrality(G)`, top 4.
  static let betweenness: [(String, Double)] = [
    ("Owain Evans", 0.05894736842105263), ("Meg Tong", 0.0387719298245614),
    ("Tomasz Korbak", 0.0387719298245614), ("Neel Nanda", 0.003508771929824561),
  ]
  /// networkx `pagerank(G, alpha=0.85, weight="weight", tol=1e-15, max_iter=100000)` (converged,
  /// issue 14; Tests/NetworksTests/SeedReference.swift), top 4; Meg Tong and Tomasz Korbak tie,
  /// the tie broken by name.
  static let pagerank: [(String, Double)] = [
    ("Meg Tong", 0.02304466556885815), ("Tomasz Korbak", 0.02304466556885815),
    ("Owain Evans", 0.020200691865195526), ("Neel Nanda", 0.020086853449421425),
  ]

  func rows(_ arguments: [String]) throws -> (json: [String: Any], rows: [[String: Any]]) {
    let result = try CLI.run(arguments)
    #expect(result.status == 0, "\(result.err)")
    let json = try jsonObject(result)
    return (json, try #require(json["rows"] as? [[String: Any]]))
  }

  @Test func betweennessMatchesNetworkx() throws {
    let (json, rows) = try rows(["rank", "--format", "json", "--metric", "betweenness", "--top", "4", Bundled.listing])
    #expect(json["graph"] as? String == "authors")
    #expect(json["metric"] as? String == "betweenness")
    #expect(rows.count == 4)
    #expect(rows.map { $0["rank"] as? Int } == [1, 2, 3, 4])
    #expect(rows.map { $0["name"] as? String } == Self.betweenness.map(\.0))
    expectApproximatelyEqual(rows.map { $0["score"] as? Double ?? .nan }, Self.betweenness.map(\.1), tolerance: 1e-9)
  }

  @Test func pagerankIsTheDefaultAndMatchesNetworkx() throws {
    let (json, rows) = try rows(["rank", "--format", "json", "--top", "4", Bundled.listing])
    #expect(json["metric"] as? String == "pagerank")
    #expect(rows.map { $0["name"] as? String } == Self.pagerank.map(\.0))
    let scores = rows.map { $0["score"] as? Double ?? .nan }
    expectApproximatelyEqual(scores, Self.pagerank.map(\.1), tolerance: 1e-10)
    expectApproximatelyEqual(scores[0], scores[1], tolerance: 1e-12, "Meg Tong and Tomasz Korbak tie")
    #expect(rows.map { $0["fellow"] as? Bool } == [true, false, false, false])
  }

  @Test func jsonKeysAreInTheDocumentedOrder() throws {
    let result = try CLI.run(["rank", "--format", "json", "--top", "2", Bundled.listing])
    // PageRank states how it converged; other metrics have no "convergence" member.
    #expect(objectKeys(result.out, depth: 1) == ["graph", "metric", "convergence", "rows"])
    #expect(objectKeys(result.out, depth: 2) == ["iterations", "errorBound", "tolerance", "converged"])
    #expect(objectKeys(result.out, depth: 3) == ["rank", "name", "score", "fellow", "rank", "name", "score", "fellow"])
  }

  @Test func csvHasAHeaderAndOneRowPerNode() throws {
    let result = try CLI.run(["rank", "--format", "csv", Bundled.listing])
    #expect(result.status == 0)
    let lines = result.out.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.first == "rank,name,score,fellow")
    #expect(lines.last == "", "ends with a newline")
    #expect(lines.count - 2 == 77)
    // nx.pagerank(G, weight="weight", tol=1e-15, max_iter=100000) gives Meg Tong 0.02304466556885815
    // (converged; the default error bound is 1e-10 in L1).
    let top1 = lines[1].split(separator: ",")
    #expect(top1.count == 4 && top1[0] == "1" && top1[1] == "Meg Tong" && top1[3] == "true")
    #expect(abs((Double(top1[2]) ?? 0) - 0.02304466556885815) < 1e-10)
    let top = try CLI.run(["rank", "--format", "csv", "--top", "3", Bundled.listing])
    #expect(top.out.split(separator: "\n").count == 4)
  }

  @Test func textMarksFellowsWithAStar() throws {
    let result = try CLI.run(["rank", "--top", "5", Bundled.listing])
    #expect(result.status == 0)
    let lines = result.out.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix("rank") == true)
    #expect(lines.first?.hasSuffix("pagerank") == true)
    #expect(lines.count == 2 + 5 + 1)
    #expect(lines[2].contains("Meg Tong *"))
    #expect(lines[2].hasSuffix("0.023045"))  // converged PageRank 0.02304466556885815 (issue 14)
    #expect(lines[3].contains("Tomasz Korbak") && !lines[3].contains("*"))
    #expect(lines.last == "* program fellow")
    // Data-quality notes go to standard error only.
    #expect(result.err.contains("data-quality notes"))
    #expect(!result.out.contains("data-quality"))
  }

  @Test(arguments: ["fellows", "tags"])
  func otherGraphsRank(graph: String) throws {
    let (json, rows) = try rows(["rank", "--format", "json", "--graph", graph, "--metric", "degree", Bundled.listing])
    #expect(json["graph"] as? String == graph)
    #expect(rows.count == (graph == "tags" ? 9 : 19))
    let scores = rows.compactMap { $0["score"] as? Double }
    #expect(scores == scores.sorted(by: >))
  }
}

@Suite struct CommunitiesCommandTests {
  @Test func louvainModularityMatchesNetworkx() throws {
    let result = try CLI.run(["communities", "--format", "json", "--seed", "0", Bundled.listing])
    #expect(result.status == 0, "\(result.err)")
    #expect(objectKeys(result.out, depth: 1) == ["graph", "algorithm", "resolution", "seed", "modularity", "communities"])
    let json = try jsonObject(result)
    #expect(json["graph"] as? String == "authors")
    #expect(json["algorithm"] as? String == "louvain")
    #expect(json["resolution"] as? Double == 1.0)
    #expect(json["seed"] as? Int == 0)
    // networkx: max over seeds of modularity(G, louvain_communities(G, seed=s)) (weight="weight")
    expectApproximatelyEqual(try #require(json["modularity"] as? Double), 0.6471570651154064, tolerance: 1e-9)
  }

  @Test func everyAuthorIsInExactlyOneCommunity() throws {
    let result = try CLI.run(["communities", "--format", "json", Bundled.listing])
    let json = try jsonObject(result)
    let communities = try #require(json["communities"] as? [[String: Any]])
    #expect(communities.map { $0["id"] as? Int } == Array(1 ... communities.count).map(Optional.some))
    let members = communities.map { $0["members"] as? [String] ?? [] }
    #expect(members.allSatisfy { !$0.isEmpty })
    #expect(members.map(\.count) == members.map(\.count).sorted(by: >), "largest first")
    let all = members.flatMap { $0 }
    #expect(all.count == 77)
    #expect(Set(all).count == all.count, "no author in two communities")

    let ranking = try CLI.run(["rank", "--format", "csv", Bundled.listing])
    let names = ranking.out.split(separator: "\n").dropFirst().map { line in
      // rank,name,score,fellow — no name in the bundled listing contains a comma.
      String(line.split(separator: ",")[1])
    }
    #expect(Set(all) == Set(names))
  }

  @Test func sameSeedGivesIdenticalBytes() throws {
    for seed in ["0", "3"] {
      let first = try CLI.run(["communities", "--format", "json", "--seed", seed, Bundled.listing])
      let second = try CLI.run(["communities", "--format", "json", "--seed", seed, Bundled.listing])
      #expect(first.status == 0)
      #expect(first.stdout == second.stdout)
      #expect(!first.stdout.isEmpty)
    }
  }

  @Test func tagsGraph() throws {
    let result = try CLI.run(["communities", "--format", "json", "--graph", "tags", Bundled.listing])
    #expect(result.status == 0, "\(result.err)")
    let json = try jsonObject(result)
    #expect(json["graph"] as? String == "tags")
    let communities = try #require(json["communities"] as? [[String: Any]])
    let all = communities.flatMap { $0["members"] as? [String] ?? [] }
    #expect(all.count == 9)
    #expect(Set(all).count == 9)
    let modularity = try #require(json["modularity"] as? Double)
    #expect(modularity >= 0 && modularity <= 1)
  }

  @Test func csvAndTextFormats() throws {
    let csv = try CLI.run(["communities", "--format", "csv", Bundled.listing])
    #expect(csv.status == 0)
    let lines = csv.out.split(separator: "\n")
    #expect(lines.first == "community,name,fellow")
    #expect(lines.count == 1 + 77)
    let text = try CLI.run(["communities", Bundled.listing])
    #expect(text.status == 0)
    let count = try #require(try jsonObject(CLI.run(["communities", "--format", "json", Bundled.listing]))["communities"] as? [Any]).count
    #expect(text.out.hasPrefix("\(count) communities, modularity 0.6472 (Louvain, resolution 1.0, seed 0)\n"))
  }
}

@Suite struct CorpusJSONInputTests {
  /// A corpus JSON file end to end, with names that need CSV quoting and formula neutralising.
  /// Equal scores are ordered by name ('=' sorts before 'A'). ('Lab 7, Berlin' keeps its comma: a
  /// plausible 'Smith, John' would be read as 'John Smith'.)
  @Test func csvQuotesAndNeutralisesFields() throws {
    let dir = try TemporaryDirectory()
    let corpus = try dir.write(
      "corpus.json",
      #"{"papers": [{"title": "A", "authors": ["=cmd()", "Lab 7, Berlin", "Ann \"Q\" Lee"], "fellows": ["Lab 7, Berlin"]}]}"#)
    let result = try CLI.run(["rank", corpus, "--metric", "degree", "--format", "csv"])
    #expect(result.status == 0, "\(result.err)")
    #expect(
      result.out == """
        rank,name,score,fellow
        1,'=cmd(),2.0,false
        2,"Ann ""Q"" Lee",2.0,false
        3,"Lab 7, Berlin",2.0,true

        """)
    let stats = try jsonObject(CLI.run(["stats", "--format", "json", corpus]))
    #expect(stats["papers"] as? Int == 1)
    #expect(stats["authors"] as? Int == 3)
    #expect(stats["fellows"] as? Int == 1)
  }
}
