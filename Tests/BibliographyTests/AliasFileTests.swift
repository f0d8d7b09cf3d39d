import Testing

@testable import Bibliography

@Suite("Alias file")
struct AliasFileTests {
  let path = Paths.fixture("aliases.tsv")

  func aliases() throws -> AliasFile { try AliasFile(TextFile(path: path)) }

  @Test func parsesEachRuleKind() throws {
    let file = try aliases()
    let loc = { (line: Int) in Bibliography.SourceLocation(file: path, line: line) }
    #expect(
      file.entries == [
        .init(rule: .merge(canonical: "Rubi Hudson", variants: ["Rubi J. Hudson", "Jeremy Rubinoff"]), source: loc(4)),
        .init(rule: .split(joined: "Alan Chan Nicholas Carlini", into: ["Alan Chan", "Nicholas Carlini"]), source: loc(5)),
        .init(rule: .rename(from: "Jessica Cooper (Rumbelow)", to: "Jessica Cooper"), source: loc(7)),
        .init(rule: .keep("Juan Pablo Rivera Lopez"), source: loc(8)),
      ])
  }

  @Test func fieldSeparators() {
    #expect(AliasFile.fields("merge\tA B\tC  D") == ["merge", "A B", "C", "D"])
    #expect(AliasFile.fields("split  Ann B Cid   Ann B  Cid") == ["split", "Ann B Cid", "Ann B", "Cid"])
    #expect(AliasFile.fields("  keep\t\tJuan\u{00A0}Pablo  ") == ["keep", "Juan Pablo"])
  }

  @Test func invisibleOnlyLinesAreBlank() throws {
    // A line holding only a zero-width space or a vertical tab has no fields.
    let file = try AliasFile(TextFile(path: Paths.temporary("keep\tAnn Alpha\n\u{200B}\n\u{0B}\n", name: "a.tsv")))
    #expect(file.entries.map(\.rule) == [.keep("Ann Alpha")])
  }

  @Test(arguments: [
    ("frobnicate\tA B\tC D", "unknown rule 'frobnicate' (expected merge, split, rename, keep, tag-merge, tag-split, tag-rename, tag-keep, term-merge or term-drop)"),
    ("merge\tRubi Hudson", "'merge' needs a canonical name and at least one variant"),
    ("split\tAnn Alpha Bob Beta\tAnn Alpha", "'split' needs the joined name and at least two names"),
    ("rename\tA B", "'rename' needs exactly an old and a new name"),
    ("rename\tA B\tC D\tE F", "'rename' needs exactly an old and a new name"),
    ("keep", "'keep' needs exactly one name"),
    ("keep\tA B\tC D", "'keep' needs exactly one name"),
  ])
  func badRulesNameTheLine(rule: String, why: String) {
    let path = Paths.temporary("# header\n\n\(rule)\n", name: "aliases.tsv")
    #expect(throws: IngestError(file: path, line: 3, reason: .invalidAliasRule(why), text: rule)) {
      try AliasFile(TextFile(path: path))
    }
  }

  @Test func loaderReportsAliasFileErrors() {
    let aliasPath = Paths.temporary("merge\tOnly\n", name: "aliases.tsv")
    #expect(
      throws: IngestError(
        file: aliasPath, line: 1, reason: .invalidAliasRule("'merge' needs a canonical name and at least one variant"),
        text: "merge\tOnly")
    ) {
      try CorpusLoader(aliasPath: aliasPath).load([Paths.fixture("listing-sections.txt")])
    }
  }

  @Test func everyRuleKindApplies() throws {
    let corpus = resolve(
      [
        record(
          "P", authors: ["rubi j. hudson", "Alan Chan Nicholas Carlini", "Jessica Cooper", "Juan Pablo Rivera Lopez"],
          fellows: ["Jeremy Rubinoff", "Jessica Cooper (Rumbelow)"])
      ], aliases: try aliases())
    let paper = try #require(corpus.papers.first)
    #expect(paper.authors == ["Rubi Hudson", "Alan Chan", "Nicholas Carlini", "Jessica Cooper", "Juan Pablo Rivera Lopez"])
    #expect(paper.fellows == ["Rubi Hudson", "Jessica Cooper"])
    #expect(
      corpus.diagnostics.filter { $0.kind == .aliasApplied }.map(\.message) == [
        "merge 'Rubi J. Hudson', 'Jeremy Rubinoff' into 'Rubi Hudson' (rule at line 4) in 'P'",
        "split 'Alan Chan Nicholas Carlini' into 'Alan Chan', 'Nicholas Carlini' (rule at line 5) in 'P'",
        "merge 'Rubi J. Hudson', 'Jeremy Rubinoff' into 'Rubi Hudson' (rule at line 4) for fellow in 'P'",
        "rename 'Jessica Cooper (Rumbelow)' to 'Jessica Cooper' (rule at line 7) for fellow in 'P'",
      ])
    #expect(corpus.diagnostics.map(\.kind) == [.aliasApplied, .aliasApplied, .aliasApplied, .aliasApplied, .fellowMatched, .fellowMatched])
  }

  @Test func mergeAppliesToFellows() {
    let corpus = resolve(
      [record("P", authors: ["Ann Alpha", "Rubi Hudson"], fellows: ["Jeremy Rubinoff"])],
      aliases: AliasFile(entries: [
        .init(rule: .merge(canonical: "Rubi Hudson", variants: ["Jeremy Rubinoff"]), source: Bibliography.SourceLocation(file: "a.tsv", line: 2))
      ]))
    #expect(corpus.papers[0].fellows == ["Rubi Hudson"])
    #expect(
      corpus.fellowMatches == [
        FellowMatch(
          listed: "Jeremy Rubinoff", author: "Rubi Hudson", rule: .alias,
          reason: "the alias file maps 'Jeremy Rubinoff' to 'Rubi Hudson'; same name", paperTitle: "P", source: at(3))
      ])
  }

  @Test func unusedRuleIsReported() {
    let corpus = resolve(
      [record("P", authors: ["Ann Alpha"])],
      aliases: AliasFile(entries: [
        .init(rule: .rename(from: "Nobody Here", to: "Someone"), source: Bibliography.SourceLocation(file: "a.tsv", line: 3)),
        .init(rule: .keep("Not Used Either"), source: Bibliography.SourceLocation(file: "a.tsv", line: 4)),
      ]))
    #expect(
      corpus.diagnostics == [
        Diagnostic(kind: .aliasUnused, message: "alias rule matched no name: rename 'Nobody Here' to 'Someone'", file: "a.tsv", line: 3)
      ])
    #expect(corpus.diagnostics[0].description == "a.tsv:3: alias-unused: alias rule matched no name: rename 'Nobody Here' to 'Someone'")
  }
}
