import Foundation
import Testing

/// `--graph terms` end to end: the term map of the bundled listing, and a corpus without text.
@Suite("coauthor --graph terms")
struct TermGraphCommandTests {
  @Test func communitiesOfTheTermMap() throws {
    let result = try CLI.run(["communities", Bundled.listing, "--graph", "terms", "--format", "json"])
    #expect(result.status == 0)
    let json = try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any]
    #expect(json?["graph"] as? String == "terms")
    let communities = json?["communities"] as? [[String: Any]] ?? []
    #expect(communities.count >= 2)
    // Each term community is labelled by its top terms (its first members).
    for c in communities {
      let members = c["members"] as? [String] ?? []
      #expect(c["terms"] as? [String] == Array(members.prefix(3)))
    }
    #expect(result.err.contains("terms: ") && result.err.contains("13 papers' titles and 13 abstracts"))
  }

  /// The term map is sized by papers holding the term (as its caption says) and has no links to
  /// people's profiles; its clusters are named "Cluster n".
  @Test func termPictureSizedByPapersWithoutProfileLinks() throws {
    let dir = try TemporaryDirectory()
    let r = try CLI.run(["render", Bundled.listing, "--graph", "terms", "--output", dir.path("t.dot")])
    #expect(r.status == 0, "\(r.err)")
    let dot = try String(contentsOfFile: dir.path("t.dot"), encoding: .utf8)
    #expect(dot.contains("area: papers (2–8)"))
    #expect(!dot.contains("href=\"#"))
    #expect(dot.contains("Cluster 1"))
  }

  @Test func authorCommunitiesGetTermLabels() throws {
    let result = try CLI.run(["communities", Bundled.listing, "--format", "json"])
    #expect(result.status == 0)
    let json = try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any]
    let communities = json?["communities"] as? [[String: Any]] ?? []
    #expect(communities.contains { !((($0["terms"] as? [String]) ?? []).isEmpty) })
  }

  @Test func aCorpusWithoutTitleWordsIsRefusedNamingTheInput() throws {
    let dir = try TemporaryDirectory()
    let path = try dir.write("numbers.json", #"[{"title": "2023", "authors": ["Ann Alpha", "Bo Beta"]}, {"title": "42 — 7", "authors": ["Bo Beta"]}]"#)
    let result = try CLI.run(["rank", path, "--graph", "terms"])
    #expect(result.status == 64)
    #expect(result.stdout.isEmpty)
    #expect(result.err.contains("no terms to map") && result.err.contains("numbers.json"))
    // stats leaves the terms graph out instead.
    let stats = try CLI.run(["stats", path])
    #expect(stats.status == 0 && !stats.out.contains("terms graph"))
  }

  /// Titles only in Chinese: `--graph terms` says the words are all non-Latin (exit 64); the
  /// report leaves the Topics section out with a one-line note; a mixed corpus keeps its English
  /// terms and notes the non-Latin words.
  @Test func nonLatinTitlesAreRefusedOrNoted() throws {
    let dir = try TemporaryDirectory()
    let path = try dir.write("zh.json", #"[{"title": "基于深度学习的图像识别", "authors": ["Li Wei", "Wang Fang"]}, {"title": "图像识别", "authors": ["Wang Fang"]}]"#)
    let rank = try CLI.run(["rank", path, "--graph", "terms"])
    #expect(rank.status == 64 && rank.stdout.isEmpty)
    #expect(rank.err.contains("have 2 words, all in a non-Latin script") && rank.err.contains("zh.json"))
    let report = try CLI.run(["report", path, "--output", dir.path("out")])
    #expect(report.status == 0, "\(report.err)")
    let markdown = try String(contentsOfFile: dir.path("out/report.md"), encoding: .utf8)
    #expect(!markdown.contains("Topics from titles and abstracts"))
    #expect(markdown.contains("no term map, since the papers have no titles or abstracts with Latin-script words"))
    let mixed = try dir.write("mixed.json", #"""
      [{"title": "Transformer 模型 for 机器翻译: neural machine translation", "authors": ["Li Wei", "Ann Alpha"]},
       {"title": "Neural machine translation with a transformer", "authors": ["Ann Alpha"]},
       {"title": "Eine Untersuchung der neuronalen maschinellen Übersetzung", "authors": ["Bo Beta"]}]
      """#)
    let terms = try CLI.run(["rank", mixed, "--graph", "terms", "--format", "csv"])
    #expect(terms.status == 0, "\(terms.err)")
    #expect(terms.out.contains("neural machine translation"))
    #expect(terms.err.contains("2 words in a non-Latin script (in 1 paper) are not made into terms"))
  }

  @Test func termOptionsOnlyWithTheTermsGraph() throws {
    let result = try CLI.run(["rank", Bundled.listing, "--min-term-occurrences", "3"])
    #expect(result.status == 64 && result.err.contains("only with '--graph terms'"))
    let share = try CLI.run(["rank", Bundled.listing, "--graph", "terms", "--term-relevance-share", "0"])
    #expect(share.status == 64 && share.err.contains("'--term-relevance-share'"))
    let timeline = try CLI.run(["timeline", Bundled.listing, "--graph", "terms"])
    #expect(timeline.status == 64)
  }

  @Test func aHigherMinimumKeepsFewerTerms() throws {
    let two = try CLI.run(["rank", Bundled.listing, "--graph", "terms", "--format", "csv"])
    let three = try CLI.run(["rank", Bundled.listing, "--graph", "terms", "--format", "csv", "--min-term-occurrences", "3"])
    #expect(two.status == 0 && three.status == 0)
    let count = { (r: CLI.Result) in r.out.split(separator: "\n").count }
    #expect(count(three) < count(two) && count(three) > 2)
  }
}
