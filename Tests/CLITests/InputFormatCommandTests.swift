import Analysis
import ArgumentParser
import Bibliography
import Foundation
import GraphAlgorithms
import Testing

@testable import CoauthorCLI

/// New inputs end to end: edge lists, paper tables, gzip; and the new options.
@Suite struct InputFormatCommandTests {
  static let edges = "Tests/AnalysisTests/Fixtures/edges.txt.gz"
  static let table = "Tests/BibliographyTests/Fixtures/dblp2-excerpt.tsv"

  @Test func statsOnAGzipEdgeList() throws {
    let result = try CLI.run(["stats", Self.edges, "--format", "json"])
    #expect(result.status == 0, "\(result.err)")
    let json = try jsonObject(result)
    #expect(json["papers"] as? Int == 0)
    #expect(json["authors"] as? Int == 3)
    let graphs = try #require(json["graphs"] as? [String: Any])
    #expect(Array(graphs.keys) == ["authors"])
    let authors = try #require(graphs["authors"] as? [String: Int])
    #expect(authors == ["nodes": 3, "edges": 3, "components": 1])
  }

  @Test func rankOnAnEdgeList() throws {
    let result = try CLI.run(["rank", Self.edges, "--metric", "strength", "--format", "csv"])
    #expect(result.status == 0, "\(result.err)")
    // strength: bob 1 + 2.5, carol 2.5 + 1, ada 2; ties by name.
    #expect(result.out == "rank,name,score,fellow\n1,bob,3.5,false\n2,carol,3.5,false\n3,ada,2.0,false\n")
  }

  @Test(arguments: ["rank", "communities"])
  func fellowsAndTagsGraphsAreUnavailableOnEdgeLists(command: String) throws {
    let result = try CLI.run([command, Self.edges, "--graph", "tags"])
    #expect(result.status == 64)
    #expect(result.err.contains("Please use '--graph authors' with an edge list"), "\(result.err)")
    #expect(result.out.isEmpty)
    let forced = try CLI.run([command, Self.edges, "--input-format", "edges", "--graph", "fellows"])
    #expect(forced.status == 64)
    #expect(forced.err.contains("Please use '--graph authors' with edge lists"), "\(forced.err)")
  }

  @Test func communitiesOnAPaperTable() throws {
    let result = try CLI.run(["communities", Self.table, "--format", "json"])
    #expect(result.status == 0, "\(result.err)")
    let json = try jsonObject(result)
    let communities = try #require(json["communities"] as? [[String: Any]])
    let members = communities.flatMap { ($0["members"] as? [String]) ?? [] }
    #expect(members.count == 61)
  }

  @Test func columnMappingFromTheCommandLine() throws {
    let dir = try TemporaryDirectory()
    try dir.write("p.csv", "Name,Who,When\nOne,Ada;Bob,2001\nTwo,\"Bob;Cy\",2002\n")
    let result = try CLI.run(["stats", "p.csv", "--columns", "title=Name,authors=Who,year=When", "--format", "json"], in: dir.url)
    #expect(result.status == 0, "\(result.err)")
    let json = try jsonObject(result)
    #expect(json["papers"] as? Int == 2)
    #expect(json["authors"] as? Int == 3)
    let missing = try CLI.run(["stats", "p.csv", "--columns", "title=Title,authors=Who"], in: dir.url)
    #expect(missing.status == 1)
    #expect(missing.err == "Error: p.csv:1: missing column 'Title' (the header has: Name, Who, When)\n")
  }

  @Test func edgeListErrorNamesFileAndLine() throws {
    let dir = try TemporaryDirectory()
    try dir.write("g.txt", "# c\n1 2\n2 3 heavy\n")
    let result = try CLI.run(["stats", "g.txt", "--input-format", "edges"], in: dir.url)
    #expect(result.status == 1)
    #expect(result.err == "Error: g.txt:3: invalid weight 'heavy': a weight must be a positive finite number (near '2 3 heavy')\n")
  }

  @Test func mixingEdgeListsAndPapersIsRefused() throws {
    let result = try CLI.run(["stats", Self.table, Self.edges])
    #expect(result.status == 1)
    #expect(result.err.contains("is an edge list (a network) and cannot be combined with paper records"), "\(result.err)")
  }

  // MARK: '-' reads standard input

  /// `coauthor stats - < Examples/mats-research.txt` is `coauthor stats Examples/mats-research.txt`
  /// with `<stdin>` for the file name.
  @Test func statsFromStandardInputMatchesTheFile() throws {
    let listing = try Data(contentsOf: CLI.repository.appendingPathComponent(Bundled.listing))
    let piped = try CLI.run(["stats", "-"], stdin: Array(listing))
    let named = try CLI.run(["stats", Bundled.listing])
    #expect(piped.status == 0, "\(piped.err)")
    #expect(named.status == 0)
    #expect(piped.out.contains("<stdin>:"))
    #expect(piped.out == named.out.replacingOccurrences(of: Bundled.listing + ":", with: "<stdin>:"))
    #expect(piped.err == named.err)
  }

  /// Gzip by its magic bytes, a table by its header, `--input-format`, and `-` among other files
  /// (the inputs are read in one order whatever order they are given in).
  @Test func standardInputFormatsAndOrder() throws {
    let table = "paper_id\tyear\tauthors\ttitle\n1\t2020\tGarc&iacute;a, Mar&iacute;a; Smith, John\tT &amp; U\n"
    let gz = try CLI.run(["stats", "-", "--format", "json"], stdin: Gzip.compress(Array(table.utf8)))
    #expect(gz.status == 0, "\(gz.err)")
    #expect(try jsonObject(gz)["authors"] as? Int == 2)
    let bib = "@article{k, author = {Ann Alpha and Bob Beta}, title = {T}, year = 2020}\n"
    let forced = try CLI.run(["stats", "-", "--input-format", "bibtex", "--format", "json"], stdin: Array(bib.utf8))
    #expect(forced.status == 0, "\(forced.err)")
    #expect(try jsonObject(forced)["authors"] as? Int == 2)
    let mixed = try CLI.run(["rank", Self.table, "-", "--format", "csv"], stdin: Array(table.utf8))
    let swapped = try CLI.run(["rank", "-", Self.table, "--format", "csv"], stdin: Array(table.utf8))
    #expect(mixed.status == 0, "\(mixed.err)")
    #expect(mixed.out == swapped.out)
    #expect(mixed.out.split(separator: "\n").count == 1 + 61 + 2)
  }

  @Test func standardInputErrors() throws {
    let bad = try CLI.run(["stats", "-"], stdin: Array("paper_id\tyear\tauthors\ttitle\n1\t2020\tA\tT\n2\t2020\tB\tU\n3\tabc\tC\tV\n".utf8))
    #expect(bad.status == 1)
    #expect(bad.err == "Error: <stdin>:4: column 'year': cannot read year 'abc' (near 'abc')\n")
    let empty = try CLI.run(["stats", "-"], stdin: [])
    #expect(empty.status == 1)
    #expect(empty.err == "Error: <stdin>: the file is empty\n")
    let twice = try CLI.run(["stats", "-", "-"], stdin: Array("x".utf8))
    #expect(twice.status == 64)
    #expect(twice.err.hasPrefix("Error: Please give '-' (standard input) only once: it can be read only once.\n"), "\(twice.err)")
  }

  @Test func computeOptionsParseAndValidate() throws {
    let rank = try #require(
      try Coauthor.parseAsRoot(["rank", "a.txt", "--metric", "betweenness", "--threads", "2", "--samples", "100", "--seed", "3"])
        as? Coauthor.Rank)
    #expect(rank.compute.threads == 2)
    #expect(rank.compute.samples == 100)
    #expect(rank.seedOption.seed == 3)
    #expect(rank.pipeline.metricSettings == MetricSettings(threads: 2, samples: 100, seed: 3))
    let defaults = try #require(try Coauthor.parseAsRoot(["rank", "a.txt"]) as? Coauthor.Rank)
    #expect(defaults.compute.threads == 0)
    #expect(defaults.compute.samples == nil)
    for (arguments, message) in [
      (["rank", "a.txt", "--threads", "-1"], "Please give a '--threads' of 0 (all cores) or more."),
      (["rank", "a.txt", "--metric", "betweenness", "--samples", "0"], "Please give a '--samples' of at least 1."),
      (["rank", "a.txt", "--samples", "10"], "Please use '--samples' only with '--metric betweenness'."),
      (["stats", "a.txt", "--list-separator", ";;"], "Please give a '--list-separator' of exactly one character."),
    ] {
      #expect(throws: (any Error).self) { try Coauthor.parseAsRoot(arguments) }
      do {
        _ = try Coauthor.parseAsRoot(arguments)
      } catch {
        #expect(Coauthor.message(for: error) == message)
        #expect(Coauthor.exitCode(for: error) == ExitCode(64))
      }
    }
  }

  @Test func inputFormatValues() throws {
    for value in ["listing", "json", "table", "edges"] {
      let stats = try #require(try Coauthor.parseAsRoot(["stats", "a", "--input-format", value]) as? Coauthor.Stats)
      #expect(stats.input.inputFormat?.rawValue == value)
    }
  }

  @Test func progressLine() {
    #expect(
      TerminalProgress.line(label: "betweenness", completed: 45, total: 100, elapsed: .seconds(9), width: 20)
        == "betweenness [#########···········]  45%  ETA 11s")
    #expect(TerminalProgress.line(label: "x", completed: 10, total: 10, elapsed: .seconds(1), width: 4) == "x [####] 100%")
    #expect(TerminalProgress.format(seconds: 72) == "1m 12s")
    #expect(TerminalProgress.format(seconds: 3_700) == "1h 1m")
    // Quiet when standard error is not a terminal (as under the test runner): no output, and it
    // keeps going.
    #expect(TerminalProgress(label: "x", enabled: false).report(1, 2))
  }
}
