import Analysis
import ArgumentParser
import Bibliography
import Foundation
import GraphAlgorithms
import Networks
import TestSupport
import Testing

@testable import CoauthorCLI

/// The counting and filter options (`FilterOptions`) on every command. Reference numbers for the
/// bundled listing come from networkx (Tests/NetworksTests/filter_reference.py, no alias file).
@Suite struct FilterCommandTests {
  /// Six papers (hand-made): t1 {a,b}, t2 {a,b}, t3 {a,c}, t4 {a}, t5 {b,c}, t6 {c}; the last one
  /// also has 12 authors. Tag occurrences s_a = 4, s_b = 3, s_c = 3; c_ab = 2, c_ac = 1, c_bc = 1.
  static let taggedJSON = """
    {"papers": [
      {"title": "t1", "authors": ["P", "Q"], "tags": ["a", "b"]},
      {"title": "t2", "authors": ["P"], "tags": ["a", "b"]},
      {"title": "t3", "authors": ["Q", "R"], "tags": ["a", "c"]},
      {"title": "t4", "authors": ["R"], "tags": ["a"]},
      {"title": "t5", "authors": ["P", "R"], "tags": ["b", "c"]},
      {"title": "Big <b>&</b> \\"team\\"", "authors": ["A1","A2","A3","A4","A5","A6","A7","A8","A9","A10","A11","A12"], "tags": ["c"]}
    ]}
    """

  func tagged(_ dir: TemporaryDirectory) throws -> String { try dir.write("tagged.json", Self.taggedJSON) }

  @Test func statsMaxAuthorsReportsTheHyperAuthoredPaper() throws {
    let result = try CLI.run(["stats", Bundled.listing, "--format", "json", "--max-authors", "10"])
    #expect(result.status == 0, "\(result.err)")
    let json = try jsonObject(result)
    #expect(json["papers"] as? Int == 12)  // networkx script: max_authors=10 keeps 12 papers
    let graphs = try #require(json["graphs"] as? [String: [String: Any]])
    #expect(graphs["authors"]?["nodes"] as? Int == 60)
    #expect(graphs["authors"]?["edges"] as? Int == 173)
    #expect(graphs["authors"]?["components"] as? Int == 9)
    let filters = try #require(json["filters"] as? [String: Any])
    #expect(filters["papersBefore"] as? Int == 13 && filters["papersKept"] as? Int == 12)
    let max = try #require(filters["maxAuthors"] as? [String: Any])
    #expect(max["limit"] as? Int == 10 && max["leftOut"] as? Int == 1)
    let largest = try #require(max["largest"] as? [[String: Any]])
    #expect(largest.first?["title"] as? String == "Towards Understanding Sycophancy in Language Models")
    #expect(largest.first?["authors"] as? Int == 19)
    #expect(largest.first?["line"] as? Int == 25)
    let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
    #expect(diagnostics.filter { $0["kind"] as? String == "hyper-authored" }.count == 1)
    #expect(objectKeys(result.out, depth: 1) == ["entries", "papers", "authors", "fellows", "tags", "graphs", "filters", "read", "diagnostics"])
  }

  @Test func statsTextListsWhatEachFilterRemoved() throws {
    let result = try CLI.run(["stats", Bundled.listing, "--max-authors", "10", "--min-weight", "2"])
    #expect(result.status == 0, "\(result.err)")
    #expect(result.out.contains("  --max-authors 10: left out 1 paper with more than 10 authors; largest: 'Towards Understanding Sycophancy in Language Models' (19)\n"))
    #expect(result.out.contains("    19 authors: Towards Understanding Sycophancy in Language Models (Examples/mats-research.txt:25)\n"))
    // networkx: 173 edges at max_authors=10, 21 of them of weight ≥ 2
    #expect(result.out.contains("  --min-weight 2: authors graph: dropped 152 of 173 edges\n"), "\(result.out)")
    #expect(result.out.contains("authors graph  60 nodes, 21 edges, "), "\(result.out)")
  }

  @Test func statsMinWeightMatchesNetworkx() throws {
    let result = try CLI.run(["stats", Bundled.listing, "--format", "json", "--min-weight", "2"])
    let graphs = try #require(try jsonObject(result)["graphs"] as? [String: [String: Any]])
    // filter_reference.py min_weight=2: 77 nodes, 21 edges, 71 components
    #expect(graphs["authors"]?["nodes"] as? Int == 77)
    #expect(graphs["authors"]?["edges"] as? Int == 21)
    #expect(graphs["authors"]?["components"] as? Int == 71)
    let steps = try #require(graphs["authors"]?["filters"] as? [[String: Any]])
    #expect(steps.count == 1 && steps[0]["step"] as? String == "min-weight" && steps[0]["edgesRemoved"] as? Int == 322)
  }

  @Test func rankLargestComponentAndKeepTop() throws {
    let largest = try CLI.run(["rank", Bundled.listing, "--largest-component", "--format", "json"])
    #expect(largest.status == 0, "\(largest.err)")
    #expect((try jsonObject(largest)["rows"] as? [Any])?.count == 32)  // networkx: largest component 32 nodes
    #expect(largest.err.contains("coauthor: --largest-component: authors graph: kept 1 of 9 components (32 nodes); dropped 45 nodes and 117 edges\n"), "\(largest.err)")

    let top = try CLI.run(["rank", Bundled.listing, "--keep-top", "10", "--by", "degree", "--metric", "degree", "--format", "json"])
    #expect(top.status == 0, "\(top.err)")
    let rows = try #require(try jsonObject(top)["rows"] as? [[String: Any]])
    #expect(rows.count == 10)
    // networkx keep_top=10 by degree: 10 nodes, 45 edges, i.e. a clique of 10: degree 9 each.
    #expect(rows.allSatisfy { $0["score"] as? Double == 9 })
    #expect(top.err.contains("coauthor: --keep-top 10 --by degree: authors graph: kept 10 of 77 nodes; dropped 298 edges\n"), "\(top.err)")
  }

  @Test func rankMinPapersAndYears() throws {
    let few = try CLI.run(["rank", Bundled.listing, "--min-papers", "2", "--format", "csv"])
    #expect(few.status == 0, "\(few.err)")
    #expect(few.out.split(separator: "\n").count == 1 + 8)  // networkx min_papers=2: 8 nodes
    #expect(few.err.contains("coauthor: --min-papers 2: authors graph: dropped 69 of 77 nodes and their 322 edges\n"), "\(few.err)")

    let recent = try CLI.run(["rank", Bundled.listing, "--since", "2024", "--format", "json"])
    #expect(recent.status == 0, "\(recent.err)")
    #expect((try jsonObject(recent)["rows"] as? [Any])?.count == 17)  // authors of the 3 papers from 2024 on
    #expect(recent.err.contains("coauthor: years 2024 onwards: kept 3 papers; left out 10 from other years and 0 without a date\n"))
  }

  /// Strength on the tags graph = Σ of the chosen weights (values by hand, see `taggedJSON`),
  /// highest first.
  static let strengths: [(String, [(String, Double)])] = [
    ("count", [("a", 3.0), ("b", 3.0), ("c", 2.0)]),
    // a: 2/12 + 1/12, b: 2/12 + 1/9, c: 1/12 + 1/9
    ("association", [("b", 2.0 / 12 + 1.0 / 9), ("a", 0.25), ("c", 1.0 / 12 + 1.0 / 9)]),
    // a: 0.4 + 1/6, b: 0.4 + 0.2, c: 1/6 + 0.2
    ("jaccard", [("b", 0.6), ("a", 0.4 + 1.0 / 6), ("c", 1.0 / 6 + 0.2)]),
  ]

  @Test(arguments: strengths)
  func tagWeightOnTheTagsGraph(weighting: String, expected: [(String, Double)]) throws {
    let dir = try TemporaryDirectory()
    let result = try CLI.run(["rank", try tagged(dir), "--graph", "tags", "--metric", "strength", "--tag-weight", weighting, "--format", "json"])
    #expect(result.status == 0, "\(result.err)")
    let rows = try #require(try jsonObject(result)["rows"] as? [[String: Any]])
    #expect(rows.map { $0["name"] as? String } == expected.map(\.0))
    for (row, (_, score)) in zip(rows, expected) {
      #expect(abs((row["score"] as? Double ?? .nan) - score) < 1e-12, "\(row)")
    }
  }

  @Test func tagWeightThenMinWeight() throws {
    let dir = try TemporaryDirectory()
    let result = try CLI.run(["stats", try tagged(dir), "--format", "json", "--tag-weight", "association", "--min-weight", "0.1"])
    let graphs = try #require(try jsonObject(result)["graphs"] as? [String: [String: Any]])
    // a–b 1/6 and b–c 1/9 stay, a–c 1/12 goes
    #expect(graphs["tags"]?["edges"] as? Int == 2)
  }

  @Test func maxAuthorsOnAHandMadeCorpusEscapesTitles() throws {
    let dir = try TemporaryDirectory()
    let result = try CLI.run(["stats", try tagged(dir), "--format", "json", "--max-authors", "11"])
    #expect(result.status == 0, "\(result.err)")
    #expect(result.out.contains(#""title": "Big \u003cb\u003e\u0026\u003c/b\u003e \"team\"""#), "\(result.out)")
    let json = try jsonObject(result)
    #expect(json["papers"] as? Int == 5 && json["authors"] as? Int == 3 && json["tags"] as? Int == 3)
  }

  @Test func communitiesRenderAndReportTakeTheFilters() throws {
    let dir = try TemporaryDirectory()
    let communities = try CLI.run(["communities", Bundled.listing, "--min-papers", "2", "--format", "csv"])
    #expect(communities.status == 0, "\(communities.err)")
    #expect(communities.out.split(separator: "\n").count == 1 + 8)

    let listing = CLI.repository.appendingPathComponent(Bundled.listing).path
    let render = try CLI.run(["render", listing, "--max-authors", "10", "--largest-component", "--output", "a.dot"], in: dir.url)
    #expect(render.status == 0, "\(render.err)")
    #expect(render.err.contains("coauthor: --max-authors 10: left out 1 paper"), "\(render.err)")
    let dot = try String(contentsOfFile: dir.path("a.dot"), encoding: .utf8)
    #expect(dot.contains("papers with ≤ 10 authors, largest component"))

    let report = try CLI.run(["report", listing, "--max-authors", "10", "--min-papers", "2", "--output", "out"], in: dir.url)
    #expect(report.status == 0, "\(report.err)")
    let md = try String(contentsOfFile: dir.path("out/report.md"), encoding: .utf8)
    #expect(md.contains("1 paper with more than 10 authors was left out"))
    #expect(md.contains("The authors network is filtered: 52 of 60 researchers on fewer than 2 papers dropped."))
    #expect(md.contains("| `hyper-authored` |"))
    #expect(md.contains("--max-authors 10 --min-papers 2"))
  }

  static let invalid: [([String], String)] = [
    (["stats", Bundled.listing, "--max-authors", "0"], "Error: Please give '--max-authors' of at least 1, or 'none' (got 0)."),
    (["rank", Bundled.listing, "--max-authors", "-3"], "Error: Please give '--max-authors' of at least 1, or 'none' (got -3)."),
    (["rank", Bundled.listing, "--min-papers", "0"], "Error: Please give '--min-papers' of at least 1 (got 0)."),
    (["communities", Bundled.listing, "--min-weight", "-1"], "Error: Please give '--min-weight' as a number of at least 0 (got -1.0)."),
    (["stats", Bundled.listing, "--min-weight", "nan"], "Error: Please give '--min-weight' as a number of at least 0 (got nan)."),
    (["render", Bundled.listing, "--keep-top", "0", "--output", "x.svg"], "Error: Please give '--keep-top' of at least 1 (got 0)."),
    (["rank", Bundled.listing, "--by", "degree"], "Error: Please use '--by' only with '--keep-top <n>'."),
    (["rank", Bundled.listing, "--tag-weight", "jaccard"], "Error: Please use '--tag-weight' only with '--graph tags'."),
    (["report", Bundled.listing, "--since", "2025", "--until", "2024"], "Error: Please give '--since' no later than '--until' (got 2025 > 2024)."),
  ]

  @Test(arguments: invalid)
  func invalidValuesAreRefused(arguments: [String], message: String) throws {
    let dir = try TemporaryDirectory()
    let result = try CLI.run(arguments.map { $0 == Bundled.listing ? CLI.repository.appendingPathComponent($0).path : $0 }, in: dir.url)
    #expect(result.status == 64, "\(result.err)")
    #expect(result.stdout.isEmpty)
    #expect(result.err.hasPrefix(message + "\n"), "\(result.err)")
    #expect(try dir.contents().isEmpty)
  }

  // MARK: The hyper-authorship default

  /// A paper of 150 authors (A0…A149) on line 3 and one of two authors on line 4.
  static func hyperJSON(_ dir: TemporaryDirectory) throws -> String {
    let many = (0 ..< 150).map { "\"A\($0)\"" }.joined(separator: ",")
    return try dir.write(
      "hyper.json",
      """
      {"papers": [
      {"title": "Small", "authors": ["Ann", "Bob"], "date": "2024"},
      {"title": "Big team", "authors": [\(many)], "date": "2024"}
      ]}
      """)
  }

  static let hyperSentence = "1 paper with more than 100 authors was left out of the networks: 'Big team' (150 authors)"

  @Test func hyperAuthoredPapersAreLeftOutByDefaultAndSaidSo() throws {
    let dir = try TemporaryDirectory()
    let path = try Self.hyperJSON(dir)
    let stats = try CLI.run(["stats", path])
    #expect(stats.status == 0, "\(stats.err)")
    #expect(stats.err == "coauthor: warning: \(Self.hyperSentence) ('--max-authors none' keeps every paper)\n")
    #expect(stats.out.contains("authors graph  2 nodes, 1 edges, 1 components\n"), "\(stats.out)")
    #expect(
      stats.out.contains(
        "\n  \(Self.hyperSentence) (default rule: papers with more than 100 authors are left out; '--max-authors <n>' changes the limit, '--max-authors none' keeps every paper)\n    150 authors: Big team (\(path):3)\n"),
      "\(stats.out)")
    #expect(stats.out.contains("  \(path):3: hyper-authored: left out 'Big team': 150 authors, more than the limit of 100\n"))
    let json = try jsonObject(try CLI.run(["stats", path, "--format", "json"]))
    let max = try #require((json["filters"] as? [String: Any])?["maxAuthors"] as? [String: Any])
    #expect(max["limit"] as? Int == 100 && max["default"] as? Bool == true && max["leftOut"] as? Int == 1)
    // The other commands warn on standard error the same way.
    let rank = try CLI.run(["rank", path])
    #expect(rank.err.hasPrefix("coauthor: warning: \(Self.hyperSentence) (default rule: "), "\(rank.err)")
    #expect(rank.out.contains("Ann") && !rank.out.contains("A149"))
  }

  @Test func maxAuthorsChangesOrLiftsTheLimit() throws {
    let dir = try TemporaryDirectory()
    let path = try Self.hyperJSON(dir)
    for option in [["--max-authors", "150"], ["--max-authors", "none"], ["--max-authors", "NONE"]] {
      let stats = try CLI.run(["stats", path, "--format", "json"] + option)
      #expect(stats.status == 0 && stats.err.isEmpty, "\(option) \(stats.err)")
      let json = try jsonObject(stats)
      let graphs = try #require(json["graphs"] as? [String: [String: Any]])
      #expect(graphs["authors"]?["nodes"] as? Int == 152, "\(option)")
      #expect(graphs["authors"]?["edges"] as? Int == 150 * 149 / 2 + 1, "\(option)")
      let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
      #expect(!diagnostics.contains { $0["kind"] as? String == "hyper-authored" })
    }
    let lower = try CLI.run(["stats", path, "--max-authors", "149"])
    #expect(lower.err.isEmpty, "an explicit limit is not a warning: \(lower.err)")
    #expect(lower.out.contains("  --max-authors 149: left out 1 paper with more than 149 authors; largest: 'Big team' (150)\n"), "\(lower.out)")
  }

  @Test func reportSaysWhatTheDefaultRuleDid() throws {
    let dir = try TemporaryDirectory()
    let path = try Self.hyperJSON(dir)
    let report = try CLI.run(["report", path, "--output", "out"], in: dir.url)
    #expect(report.status == 0, "\(report.err)")
    let md = try String(contentsOfFile: dir.path("out/report.md"), encoding: .utf8)
    #expect(
      md.contains(
        "1 paper with more than 100 authors was left out, so that one huge author list does not join everyone on it: “Big team” (150 authors) (each is listed under data quality); this is the default rule, and “--max-authors none” keeps every paper."),
      "\(md.prefix(3000))")
    #expect(!md.contains("--max-authors"  + " 100"))
  }

  /// The bundled listing (largest paper: 19 authors) is untouched by the default rule: no
  /// warning, no filter section, no note.
  @Test func bundledListingIsUnaffectedByTheDefault() throws {
    let stats = try CLI.run(["stats", Bundled.listing, "--format", "json"])
    #expect(stats.status == 0 && stats.err.isEmpty, "\(stats.err)")
    let json = try jsonObject(stats)
    #expect(json["papers"] as? Int == 13 && json["filters"] == nil)
    let text = try CLI.run(["stats", Bundled.listing])
    #expect(!text.out.contains("filters (") && !text.out.contains("hyper-authored"))
  }

  /// `--no-tag-folding` keeps plural and acronym spellings apart (BibliographyTests' tags.json).
  @Test func noTagFoldingSwitch() throws {
    let path = CLI.repository.appendingPathComponent("Tests/BibliographyTests/Fixtures/tags.json").path
    let folded = try jsonObject(try CLI.run(["stats", path, "--format", "json"]))
    let plain = try jsonObject(try CLI.run(["stats", path, "--format", "json", "--no-tag-folding"]))
    #expect(folded["tags"] as? Int == 15 && plain["tags"] as? Int == 21)
    let kinds = { (json: [String: Any]) in ((json["diagnostics"] as? [[String: Any]]) ?? []).compactMap { $0["kind"] as? String } }
    #expect(kinds(folded).filter { $0 == "tag-folded" }.count == 4)
    #expect(kinds(plain).filter { $0 == "tag-folded" || $0 == "tag-ambiguous" }.isEmpty)
    let rank = try CLI.run(["rank", path, "--graph", "tags", "--metric", "degree", "--format", "csv"])
    #expect(rank.out.contains("Large Language Models"), "\(rank.out)")
    #expect(!rank.out.contains("LLMs"))
    let variants = try #require(folded["tagVariants"] as? [[String: Any]])
    #expect(variants.map { $0["tag"] as? String } == ["Large Language Models", "Policies", "Analyses", "Chain of Thought"])
    #expect(variants.first?["variants"] as? [String] == ["LLM", "LLMs", "Large language model", "large language models"])
    #expect(plain["tagVariants"] == nil)
    let text = try CLI.run(["stats", path])
    #expect(
      text.out.contains(
        "\n4 tags are shown for several spellings (--no-tag-folding keeps them apart):\n  Large Language Models (also: LLM, LLMs, Large language model, large language models)\n  Policies (also: Policy)\n  Analyses (also: Analysis)\n  Chain of Thought (also: CoT)\n"),
      "\(text.out)")
    // The report's tag table names the other spellings.
    let dir = try TemporaryDirectory()
    let report = try CLI.run(["report", path, "--output", "out"], in: dir.url)
    #expect(report.status == 0, "\(report.err)")
    let md = try String(contentsOfFile: dir.path("out/report.md"), encoding: .utf8)
    let plainReport = try CLI.run(["report", path, "--no-tag-folding", "--output", "plain"], in: dir.url)
    #expect(plainReport.status == 0, "\(plainReport.err)")
    let plainMD = try String(contentsOfFile: dir.path("plain/report.md"), encoding: .utf8)
    #expect(plainMD.contains("--no-tag-folding --output plain`") && !plainMD.contains("(also:"))
    #expect(md.contains("\n| Large Language Models (also: LLM, LLMs, Large language model, large language models) | 6 | "), "\(md)")
    #expect(md.contains("\n| Chain of Thought (also: CoT) | 1 | "))
    // Exports carry them as a `variants` node attribute.
    let export = try CLI.run(["export", path, "--graph", "tags", "--output", "tags.json", "--no-communities", "--metrics", "degree"], in: dir.url)
    #expect(export.status == 0, "\(export.err)")
    let json = try String(contentsOfFile: dir.path("tags.json"), encoding: .utf8)
    #expect(json.contains("\"variants\": [\"LLM\", \"LLMs\", \"Large language model\", \"large language models\"]"), "\(json)")
    #expect(json.contains("\"variants\": []"))
  }

  @Test func edgeListsTakeGraphFiltersButNotPaperFilters() throws {
    let dir = try TemporaryDirectory()
    let edges = try dir.write("g.edges", "a b 2\nb c 1\nd e 1\n")
    let ok = try CLI.run(["stats", edges, "--input-format", "edges", "--format", "json", "--min-weight", "2", "--largest-component"])
    #expect(ok.status == 0, "\(ok.err)")
    let graphs = try #require(try jsonObject(ok)["graphs"] as? [String: [String: Any]])
    #expect(graphs["authors"]?["nodes"] as? Int == 2 && graphs["authors"]?["edges"] as? Int == 1)
    for option in [["--max-authors", "3"], ["--since", "2020"], ["--min-papers", "1"]] {
      let bad = try CLI.run(["rank", edges, "--input-format", "edges"] + option)
      #expect(bad.status == 64, "\(option) \(bad.err)")
      #expect(bad.err.hasPrefix("Error: Please leave out '--"), "\(bad.err)")
    }
  }
}

/// In-process: every network command parses the shared filter group into the same `NetworkFilter`.
@Suite struct FilterOptionParseTests {
  static let options = [
    "--since", "2020", "--until", "2025", "--max-authors", "30", "--min-weight", "1.5", "--min-papers", "2",
    "--largest-component", "--keep-top", "40", "--by", "betweenness",
  ]
  static let expected = NetworkFilter(
    years: YearFilter(since: 2020, until: 2025), maxAuthors: 30, minWeight: 1.5, minPapers: 2, largestComponent: true,
    keepTop: 40, rankBy: .betweenness)

  @Test(arguments: ["stats", "rank", "communities", "render", "report"])
  func everyCommandTakesTheFilters(command name: String) throws {
    var arguments = [name, "a.txt"] + Self.options
    if name == "render" { arguments += ["--output", "x.svg"] }
    let command = try Coauthor.parseAsRoot(arguments)
    let filters: FilterOptions
    switch command {
    case let c as Coauthor.Stats: filters = c.filters
    case let c as Coauthor.Rank: filters = c.filters
    case let c as Coauthor.Communities: filters = c.filters
    case let c as Coauthor.Render: filters = c.filters
    case let c as Coauthor.Report: filters = c.filters
    default: Issue.record("unexpected command \(command)"); return
    }
    #expect(filters.filter == Self.expected)
    #expect(filters.arguments == Self.options)
  }

  /// Every filter is off by default except the hyper-authorship rule (papers with more than 100
  /// authors left out), which `--max-authors none` turns off.
  @Test func defaultsKeepEverythingButHyperAuthoredPapers() throws {
    let rank = try #require(try Coauthor.parseAsRoot(["rank", "a.txt"]) as? Coauthor.Rank)
    #expect(rank.filters.filter == NetworkFilter(maxAuthors: 100) && !rank.filters.filter.filtersGraph)
    #expect(rank.filters.authorLimitIsDefault && rank.filters.legendNote() == nil)
    #expect(rank.filters.legendNote(droppedPapers: true) == "papers with ≤ 100 authors")
    #expect(rank.filters.tagWeight == .count && rank.filters.arguments.isEmpty)
    let none = try #require(try Coauthor.parseAsRoot(["rank", "a.txt", "--max-authors", "none"]) as? Coauthor.Rank)
    #expect(none.filters.filter == NetworkFilter() && none.filters.filter.isEmpty)
    #expect(none.filters.arguments == ["--max-authors", "none"])
    #expect(throws: (any Error).self) { try Coauthor.parseAsRoot(["rank", "a.txt", "--max-authors", "many"]) }
  }

  /// `--no-tag-folding` goes through the input options, so every command that reads papers takes it.
  @Test(arguments: ["stats", "rank", "communities", "render", "report", "export"])
  func everyCommandTakesNoTagFolding(command name: String) throws {
    var arguments = [name, "a.txt", "--no-tag-folding"]
    if name == "render" { arguments += ["--output", "x.svg"] }
    if name == "export" { arguments += ["--output", "x.graphml"] }
    let command = try Coauthor.parseAsRoot(arguments)
    let input: InputOptions
    switch command {
    case let c as Coauthor.Stats: input = c.input
    case let c as Coauthor.Rank: input = c.input
    case let c as Coauthor.Communities: input = c.input
    case let c as Coauthor.Render: input = c.input
    case let c as Coauthor.Report: input = c.input
    case let c as Coauthor.Export: input = c.input
    default: Issue.record("unexpected command \(command)"); return
    }
    #expect(input.noTagFolding)
    #expect(input.spec.foldsTags == false)
    #expect(try input.spec.corpusLoader().foldsTags == false)
  }
}
