import Foundation
import Testing

@testable import Bibliography

/// Tag folding (``TagFolding``) on `Fixtures/tags.json`: six papers whose tags spell one topic
/// several ways (`Large Language Models`, `Large language model`, `large language models`, `LLM`,
/// `LLMs`; `Policies`/`Policy`; `Analyses`/`Analysis`; `Chain of Thought`/`CoT`), an acronym with
/// two long forms (`RL`: `Reinforcement Learning`, `Robot Learning`) and words that end in `s`
/// without being plurals (`Bias`/`Bia`, `News`/`New`, `Physics`/`Physic`, `Series`/`Sery`).
@Suite struct TagFoldingTests {
  static let path = Paths.fixture("tags.json")

  func load(aliases: String? = nil, folding: Bool = true) throws -> Corpus {
    let aliasPath = aliases.map { Paths.temporary($0, name: "aliases.tsv") }
    return try CorpusLoader(aliasPath: aliasPath, foldsTags: folding).load([Self.path])
  }

  static let llm = "Large Language Models"

  @Test func foldsCasePluralsAndAcronyms() throws {
    let corpus = try load()
    #expect(
      corpus.papers.map(\.tags) == [
        [Self.llm, "Reinforcement Learning"],
        [Self.llm, "RL", "Policies"],
        [Self.llm, "Policies", "Bias"],
        [Self.llm, "Robot Learning", "Bia", "Analyses"],
        [Self.llm, "Analyses", "News", "New", "Physics", "Physic"],
        [Self.llm, "Chain of Thought", "Series", "Sery"],
      ])
    #expect(corpus.tags.count == 15)
    #expect(
      corpus.tagVariants == [
        Self.llm: ["LLM", "LLMs", "Large language model", "large language models"],
        "Policies": ["Policy"],  // a tie (1 paper each): byte order
        "Analyses": ["Analysis"],
        "Chain of Thought": ["CoT"],
      ])
    #expect(corpus.tagWithVariants(Self.llm) == "Large Language Models (also: LLM, LLMs, Large language model, large language models)")
    #expect(corpus.tagWithVariants("Bias") == "Bias")
    let notes = corpus.diagnostics.filter { $0.kind == .tagFolded || $0.kind == .tagAmbiguous }
    #expect(
      notes.map(\.description) == [
        "\(Self.path):4: tag-ambiguous: tag 'RL' could stand for 'Reinforcement Learning' or 'Robot Learning'; not folded (add 'tag-merge' to the alias file to decide)",
        "\(Self.path):4: tag-folded: tags 'Large Language Models' (2 papers), 'LLM' (1 paper), 'LLMs' (1 paper), 'Large language model' (1 paper), 'large language models' (1 paper) are one tag (case or accents, plural, acronym, shared author 'Ann Alpha'); shown as 'Large Language Models' (tag-keep in the alias file keeps tags apart)",
        "\(Self.path):5: tag-folded: tags 'Policies' (1 paper), 'Policy' (1 paper) are one tag (plural); shown as 'Policies' (tag-keep in the alias file keeps tags apart)",
        "\(Self.path):7: tag-folded: tags 'Analyses' (1 paper), 'Analysis' (1 paper) are one tag (plural); shown as 'Analyses' (tag-keep in the alias file keeps tags apart)",
        "\(Self.path):8: tag-folded: tags 'Chain of Thought' (1 paper), 'CoT' (1 paper) are one tag (acronym, both on 'P6'); shown as 'Chain of Thought' (tag-keep in the alias file keeps tags apart)",
      ])
  }

  /// Words ending in `s` that are not plurals, and the candidates of real plurals.
  @Test(arguments: [
    ("bias", []), ("chaos", []), ("physics", []), ("news", []), ("series", []), ("species", []), ("ethics", []),
    ("loss", []), ("corpus", []), ("analysis", []), ("gas", []), ("bus", []), ("means", []), ("lens", []),
    ("models", ["model"]), ("policies", ["policy", "policiis", "polici", "policie"]), ("analyses", ["analysis", "analys", "analyse"]),
    ("matrices", ["matricis", "matrix", "matrex", "matric", "matrice"]), ("processes", ["processis", "process", "processe"]),
  ] as [(String, [String])])
  func singularCandidates(word: String, expected: [String]) {
    #expect(TagFolding.singularCandidates(of: word) == expected)
  }

  @Test func acronymSpellings() {
    #expect(TagFolding.acronymLetters("LLM") == ["llm"])
    #expect(TagFolding.acronymLetters("LLMs") == ["llm"])
    #expect(TagFolding.acronymLetters("CoT") == ["cot", "ct"])
    #expect(TagFolding.acronymLetters("Bias") == [])  // one capital
    #expect(TagFolding.acronymLetters("Physics") == [])
    #expect(TagFolding.acronymLetters("A") == [])
    #expect(TagFolding.acronymLetters("AutoML") == [])  // three lowercase letters: a word, not an acronym
    #expect(TagFolding.acronymLetters("A3C") == ["a3c"])  // a digit: never the capitals alone
    #expect(TagFolding.acronymLetters("GANs") == ["gan"])
  }

  /// A plural with two singulars in the corpus is left alone, and said so.
  @Test func ambiguousPlural() {
    var papers = [
      Paper(title: "a", authors: ["A"], tags: ["Bases"], source: SourceLocation(file: "f", line: 1)),
      Paper(title: "b", authors: ["A"], tags: ["Base"], source: SourceLocation(file: "f", line: 2)),
      Paper(title: "c", authors: ["A"], tags: ["Basis"], source: SourceLocation(file: "f", line: 3)),
    ]
    let result = TagFolding().fold(&papers)
    #expect(papers.map(\.tags) == [["Bases"], ["Base"], ["Basis"]])
    #expect(result.variants.isEmpty)
    #expect(
      result.diagnostics.map(\.description) == [
        "f:1: tag-ambiguous: tag 'Bases' could be the plural of 'Basis' or 'Base'; not folded (add 'tag-merge' to the alias file to decide)"
      ])
  }

  /// Two entries of one paper (same title, merged later) count as one paper in the notes.
  @Test func duplicateEntriesCountOnce() {
    var papers = [
      Paper(title: "Same Paper", authors: ["A"], tags: ["LLM"], source: SourceLocation(file: "f", line: 1)),
      Paper(title: "Same paper.", authors: ["A"], tags: ["LLM"], source: SourceLocation(file: "f", line: 2)),
      Paper(title: "Other", authors: ["B"], tags: ["LLMs"], source: SourceLocation(file: "f", line: 3)),
      Paper(title: "Third", authors: ["B"], tags: ["LLMs"], source: SourceLocation(file: "f", line: 4)),
    ]
    let result = TagFolding().fold(&papers)
    #expect(papers.map(\.tags) == Array(repeating: ["LLMs"], count: 4))
    #expect(
      result.diagnostics.map(\.description) == [
        "f:1: tag-folded: tags 'LLMs' (2 papers), 'LLM' (1 paper) are one tag (plural); shown as 'LLMs' (tag-keep in the alias file keeps tags apart)"
      ])
  }

  /// Hyphens read as spaces; an acronym's full letters before its capitals alone (from the
  /// Scopus MCDA keywords in ../shared/data: `QoS` is `Quality of service`, not `Quality services`).
  @Test func hyphensAndAcronymLetters() {
    let at = { (line: Int) in SourceLocation(file: "f", line: line) }
    var papers = [
      Paper(title: "a", authors: ["A"], tags: ["Multi-criteria analysis", "QoS"], source: at(1)),
      Paper(title: "b", authors: ["A"], tags: ["Multi criteria analysis", "Quality services"], source: at(2)),
      Paper(title: "c", authors: ["A"], tags: ["multi-criteria analyses", "Quality of service"], source: at(3)),
    ]
    let result = TagFolding().fold(&papers)
    #expect(
      papers.map(\.tags) == [
        ["Multi criteria analysis", "QoS"], ["Multi criteria analysis", "Quality services"],
        ["Multi criteria analysis", "QoS"],
      ])
    #expect(
      result.diagnostics.map(\.message) == [
        "tags 'Multi criteria analysis' (1 paper), 'Multi-criteria analysis' (1 paper), 'multi-criteria analyses' (1 paper) are one tag (hyphens, plural); shown as 'Multi criteria analysis' (tag-keep in the alias file keeps tags apart)",
        "tags 'QoS' (1 paper), 'Quality of service' (1 paper) are one tag (acronym, shared author 'A'); shown as 'QoS' (tag-keep in the alias file keeps tags apart)",
      ])
  }

  /// An acronym folds only with evidence: its papers and the long form's share an author or
  /// another tag (as in the paperlists keywords, where `SQL` (databases) spells the initials of
  /// `soft Q-learning` (reinforcement learning) with nothing else in common).
  @Test func acronymWithoutEvidenceIsNotFolded() {
    let at = { (line: Int) in SourceLocation(file: "f", line: line) }
    var papers = [
      Paper(title: "a", authors: ["Ann"], tags: ["SQL", "Databases"], source: at(1)),
      Paper(title: "b", authors: ["Bob"], tags: ["soft Q-learning", "Reinforcement Learning"], source: at(2)),
      Paper(title: "c", authors: ["Cid"], tags: ["SLAM", "Robotics"], source: at(3)),
      Paper(title: "d", authors: ["Dan"], tags: ["Simultaneous Localization and Mapping", "Robotics"], source: at(4)),
    ]
    let result = TagFolding().fold(&papers)
    #expect(papers.map(\.tags) == [["SQL", "Databases"], ["soft Q-learning", "Reinforcement Learning"], ["SLAM", "Robotics"], ["SLAM", "Robotics"]])
    #expect(
      result.diagnostics.map(\.description) == [
        "f:1: tag-ambiguous: tag 'SQL' could stand for 'soft Q-learning', but no author or other tag is on papers of both; not folded (add 'tag-merge' to the alias file to fold them)",
        "f:4: tag-folded: tags 'SLAM' (1 paper), 'Simultaneous Localization and Mapping' (1 paper) are one tag (acronym, shared tag 'Robotics'); shown as 'SLAM' (tag-keep in the alias file keeps tags apart)",
      ])
  }

  /// `tag-keep A B` keeps two tags apart (the rest still folds); `tag-keep A` keeps A alone;
  /// the target of `tag-merge` is the displayed name; unused `tag-keep` rules are reported.
  @Test func aliasFileOverrides() throws {
    let corpus = try load(
      aliases: "tag-keep\tLLM\tLarge Language Models\ntag-keep\tCoT\ntag-merge\tPolicy\tPolicies\ntag-keep\tNothing\tHere\n")
    #expect(corpus.papers[1].tags == ["LLM", "RL", "Policy"])
    #expect(corpus.papers[0].tags == [Self.llm, "Reinforcement Learning"])
    #expect(corpus.papers[5].tags == [Self.llm, "Chain of Thought", "CoT", "Series", "Sery"])
    #expect(
      corpus.tagVariants == [
        Self.llm: ["Large language model", "large language models"], "LLM": ["LLMs"], "Analyses": ["Analysis"],
      ])
    let notes = corpus.diagnostics.filter { $0.kind == .aliasApplied || $0.kind == .aliasUnused }.map(\.message)
    #expect(notes.contains("tag-keep (rule at line 1) kept 'LLM' apart from 'Large Language Models' (acronym)"), "\(notes)")
    #expect(notes.contains("tag-keep (rule at line 2) kept 'CoT' apart from 'Chain of Thought' (acronym)"), "\(notes)")
    #expect(notes.contains("alias rule matched no tag: tag keep 'Nothing', 'Here' apart"), "\(notes)")
    // Policies became Policy by the alias rule before folding: nothing left to fold.
    #expect(corpus.tagVariants["Policy"] == nil)
  }

  /// The merge target wins the display name even when other spellings are more frequent.
  @Test func aliasTargetIsTheDisplayName() throws {
    let corpus = try load(aliases: "tag-rename\tLLMs\tLLM\n")
    #expect(corpus.papers.map { $0.tags[0] } == Array(repeating: "LLM", count: 6))
    #expect(corpus.tagVariants["LLM"] == [Self.llm, "Large language model", "large language models"])
  }

  @Test func foldingOff() throws {
    let corpus = try load(folding: false)
    #expect(corpus.tags.count == 21)
    #expect(corpus.tagVariants.isEmpty)
    #expect(!corpus.diagnostics.contains { $0.kind == .tagFolded || $0.kind == .tagAmbiguous })
    // Case and accents are still ignored: the first spelling is shown.
    #expect(corpus.papers[5].tags[0] == Self.llm)  // written 'large language models'
    #expect(corpus.papers[2].tags[0] == "Large language model")
    #expect(corpus.papers[4].tags[0] == "LLMs")
  }

  @Test func tagKeepRulesParse() throws {
    let path = Paths.temporary("tag-keep\tRL\tRobot Learning\ntag-keep  CoT\n", name: "aliases.tsv")
    let file = try AliasFile(TextFile(path: path))
    #expect(file.entries.map(\.rule) == [.keepApart(["RL", "Robot Learning"]), .keepApart(["CoT"])])
    #expect(file.entries.allSatisfy { $0.scope == .tag })
    #expect(file.keptKeys.isEmpty)
  }
}
