import Testing

@testable import Bibliography

/// A record from "t.txt": title at `line`, authors on the next line, fellows on the one after.
func record(
  _ title: String, authors: [String], fellows: [String] = [], line: Int = 1, date: PaperDate? = nil, tags: [String] = []
) -> Record {
  Record(
    title: title, authors: authors, fellows: fellows, date: date, tags: tags,
    source: Bibliography.SourceLocation(file: "t.txt", line: line), authorsLine: line + 1, fellowsLine: line + 2)
}

func resolve(_ records: [Record], aliases: AliasFile = AliasFile()) -> Corpus {
  IdentityResolver(aliases: aliases).resolve([ReadResult(records: records)])
}

func at(_ line: Int) -> Bibliography.SourceLocation { Bibliography.SourceLocation(file: "t.txt", line: line) }

@Suite("Identity: fellow matching")
struct FellowMatchingTests {
  @Test(arguments: [
    ("Lisa Thiergart", ["Alexander Matt Turner", "Lisa Thiergart"], "Lisa Thiergart", FellowMatch.Rule.exact),
    ("ivan arcuschin", ["Iván Arcuschin", "Bob Beta"], "Iván Arcuschin", .folded),
    ("IVAN ARCUSCHIN", ["Iván Arcuschin"], "Iván Arcuschin", .folded),
    ("Rubi J. Hudson", ["Ann Alpha", "Rubi Hudson"], "Rubi Hudson", .initials),
    ("R. Hudson", ["Rubi Hudson", "Ann Hudson"], "Rubi Hudson", .initials),
    ("Rubi Hudson", ["Rubi J. Hudson"], "Rubi J. Hudson", .initials),
    ("Iván Arcuschin Moreno", ["Iván Arcuschin", "Bob Beta"], "Iván Arcuschin", .longerForm),
    ("Iván Arcuschin", ["Iván Arcuschin Moreno"], "Iván Arcuschin Moreno", .longerForm),
    ("Alexander Turner", ["Alexander Matt Turner", "Lisa Thiergart"], "Alexander Matt Turner", .longerForm),
    ("Jessica Cooper (Rumbelow)", ["Jessica Cooper", "Matthew Watkins"], "Jessica Cooper", .parenthetical),
    ("Jessica Cooper (Rumbelow)", ["Jessica Rumbelow", "Matthew Watkins"], "Jessica Rumbelow", .parenthetical),
    ("Jeremy Rubinoff (Rubi J. Hudson)", ["Ann Alpha", "Rubi Hudson"], "Rubi Hudson", .parenthetical),
  ])
  func ruleMatchesTheAuthor(listed: String, authors: [String], expected: String, rule: FellowMatch.Rule) throws {
    let corpus = resolve([record("P", authors: authors, fellows: [listed])])
    let paper = try #require(corpus.papers.first)
    #expect(paper.authors == authors)
    #expect(paper.fellows == [expected])
    let match = try #require(corpus.fellowMatches.first)
    #expect(corpus.fellowMatches.count == 1)
    #expect(match.listed == listed)
    #expect(match.author == expected)
    #expect(match.rule == rule)
    #expect(match.paperTitle == "P")
    #expect(match.source == at(3))
    // Only non-exact matches are worth a diagnostic.
    #expect(corpus.diagnostics.map(\.kind) == (rule == .exact ? [] : [.fellowMatched]))
  }

  @Test func reasonsSpellOutTheRule() {
    let corpus = resolve([
      record("P", authors: ["Jessica Rumbelow", "Rubi Hudson"], fellows: ["Jessica Cooper (Rumbelow)", "R. Hudson"])
    ])
    #expect(
      corpus.fellowMatches == [
        FellowMatch(
          listed: "Jessica Cooper (Rumbelow)", author: "Jessica Rumbelow", rule: .parenthetical,
          reason: "listed as 'Jessica Cooper (Rumbelow)': the given name with the family name in parentheses, 'Jessica Rumbelow', matches (exact: same name)",
          paperTitle: "P", source: at(3)),
        FellowMatch(
          listed: "R. Hudson", author: "Rubi Hudson", rule: .initials,
          reason: "same family name and compatible given names and initials", paperTitle: "P", source: at(3)),
      ])
    #expect(
      corpus.diagnostics[1]
        == Diagnostic(
          kind: .fellowMatched,
          message: "fellow 'R. Hudson' matched to author 'Rubi Hudson': same family name and compatible given names and initials (on 'P')",
          file: "t.txt", line: 3))
  }

  @Test func matchingStaysWithinThePaper() {
    // 'R. Hudson' is an author of another paper only: no match here.
    let corpus = resolve([
      record("P1", authors: ["Rubi Hudson"], line: 1),
      record("P2", authors: ["Ann Alpha"], fellows: ["R. Hudson"], line: 10),
    ])
    #expect(corpus.papers[1].authors == ["Ann Alpha", "R. Hudson"])
    #expect(corpus.diagnostics.map(\.kind) == [.fellowUnmatched])
  }

  @Test func ambiguousMatchIsReported() {
    let corpus = resolve([record("P", authors: ["John Smith", "Jane Smith"], fellows: ["J. Smith"])])
    #expect(corpus.papers[0].authors == ["John Smith", "Jane Smith", "J. Smith"])
    #expect(corpus.papers[0].fellows == ["J. Smith"])
    #expect(corpus.fellowMatches.isEmpty)
    #expect(
      corpus.diagnostics == [
        Diagnostic(
          kind: .fellowUnmatched,
          message: "fellow 'J. Smith' could be any of 'John Smith', 'Jane Smith' on 'P'; added as a separate author (add an alias rule to decide)",
          file: "t.txt", line: 3)
      ])
  }

  @Test func unmatchedFellowIsReportedAndAddedAsAuthor() {
    let corpus = resolve([record("P", authors: ["Ann Alpha"], fellows: ["Zed Zulu (Zee)", "Ann Alpha"])])
    #expect(corpus.papers[0].authors == ["Ann Alpha", "Zed Zulu"])
    #expect(corpus.papers[0].fellows == ["Zed Zulu", "Ann Alpha"])
    #expect(
      corpus.diagnostics == [
        Diagnostic(
          kind: .fellowUnmatched, message: "fellow 'Zed Zulu (Zee)' is not among the authors of 'P'; added as an author",
          file: "t.txt", line: 3)
      ])
  }

  @Test(arguments: [
    (["bob", "beta"], ["bob", "beta"], false),  // identical: not an initials match
    (["b", "beta"], ["bob", "beta"], true),
    (["bob", "x", "beta"], ["bob", "beta"], true),
    (["bob", "xavier", "beta"], ["bob", "beta"], false),  // a full middle name differs
    (["bob", "beta"], ["rob", "beta"], false),
    (["bob"], ["bob"], false),
  ])
  func initialsCompatibility(a: [String], b: [String], expected: Bool) {
    #expect(IdentityResolver.initialsCompatible(a, b) == expected)
    #expect(IdentityResolver.initialsCompatible(b, a) == expected)
  }
}

@Suite("Identity: papers and spellings")
struct PaperMergingTests {
  @Test func duplicatesMergeWithTagUnion() throws {
    let corpus = resolve([
      record(
        "Steering Language Models With Activation Engineering", authors: ["Ann Alpha", "Bob Beta"], fellows: ["Bob Beta"],
        line: 10, date: PaperDate(year: 2023, month: 8, day: 20), tags: ["Safeguards"]),
      record("Other Paper", authors: ["Cid Gamma"], line: 20),
      record(
        "Steering language models with activation engineering.", authors: ["Ann Alpha", "Bob Beta", "Cid Gamma"],
        fellows: ["Bob Beta"], line: 30, date: PaperDate(year: 2023, month: 9, day: 1),
        tags: ["Interpretability", "safeguards"]),
    ])
    #expect(corpus.entryCount == 3)
    #expect(corpus.papers.map(\.title) == ["Steering Language Models With Activation Engineering", "Other Paper"])
    let merged = corpus.papers[0]
    #expect(merged.tags == ["Safeguards", "Interpretability"])
    #expect(merged.authors == ["Ann Alpha", "Bob Beta", "Cid Gamma"])
    #expect(merged.fellows == ["Bob Beta"])
    #expect(merged.date == PaperDate(year: 2023, month: 8, day: 20))
    #expect(merged.source == at(10))
    #expect(merged.mergedSources == [at(30)])
    // The two spellings of 'Safeguards' are one tag (tag folding, case): said so since tag folding.
    #expect(
      corpus.diagnostics == [
        Diagnostic(
          kind: .tagFolded,
          message: "tags 'Safeguards' (1 paper), 'safeguards' (1 paper) are one tag (case or accents); shown as 'Safeguards' (tag-keep in the alias file keeps tags apart)",
          file: "t.txt", line: 30),
        Diagnostic(
          kind: .duplicateMerged,
          message: "'Steering language models with activation engineering.' repeats the entry at t.txt:10; merged (tags added: Interpretability; authors added: Cid Gamma; dates differ (2023-08-20 kept, 2023-09-01 ignored))",
          file: "t.txt", line: 30)
      ])
  }

  @Test func mergeFillsMissingDateAndAbstract() {
    var second = record("T", authors: ["A B"], line: 5, date: PaperDate(year: 2022))
    second.abstract = "Found later."
    let corpus = resolve([record("T", authors: ["A B"]), second])
    #expect(corpus.papers.count == 1)
    #expect(corpus.papers[0].date == PaperDate(year: 2022))
    #expect(corpus.papers[0].abstract == "Found later.")
    #expect(corpus.diagnostics.map(\.message) == ["'T' repeats the entry at t.txt:1; merged"])
  }

  @Test func spellingUnifiedAcrossPapers() {
    let corpus = resolve([
      record("P1", authors: ["Iván Arcuschin", "Ann Alpha"], line: 1),
      record("P2", authors: ["Ivan Arcuschin", "Bob Beta"], fellows: ["Ivan Arcuschin"], line: 20),
      record("P3", authors: ["IVAN ARCUSCHIN"], line: 40),
    ])
    #expect(corpus.papers.map(\.authors) == [["Iván Arcuschin", "Ann Alpha"], ["Iván Arcuschin", "Bob Beta"], ["Iván Arcuschin"]])
    #expect(corpus.papers[1].fellows == ["Iván Arcuschin"])
    #expect(corpus.fellowMatches.map(\.author) == ["Iván Arcuschin"])
    #expect(corpus.authors == ["Iván Arcuschin", "Ann Alpha", "Bob Beta"])
    #expect(
      corpus.diagnostics == [
        Diagnostic(
          kind: .nameVariant, message: "'Ivan Arcuschin' written as 'Iván Arcuschin' (same name up to case, accents or periods)",
          file: "t.txt", line: 20),
        Diagnostic(
          kind: .nameVariant, message: "'IVAN ARCUSCHIN' written as 'Iván Arcuschin' (same name up to case, accents or periods)",
          file: "t.txt", line: 40),
      ])
  }

  @Test func tagSpellingUnifiedAcrossPapers() {
    let corpus = resolve([
      record("P1", authors: ["A B"], tags: ["Red-Teaming"]),
      record("P2", authors: ["A B"], line: 9, tags: ["red-teaming", "Safeguards", "safeguards"]),
    ])
    #expect(corpus.papers.map(\.tags) == [["Red-Teaming"], ["Red-Teaming", "Safeguards"]])
    #expect(corpus.tags == ["Red-Teaming", "Safeguards"])
  }

  @Test func repeatedAuthorWithinAPaperIsRemoved() {
    let corpus = resolve([record("P", authors: ["Ann Alpha", "Bob Beta", "ann alpha"], line: 4)])
    #expect(corpus.papers[0].authors == ["Ann Alpha", "Bob Beta"])
    #expect(
      corpus.diagnostics == [
        Diagnostic(kind: .duplicateAuthor, message: "'ann alpha' is listed twice on 'P'; kept once", file: "t.txt", line: 5)
      ])
  }
}

@Suite("Identity: joined names")
struct JoinedNameTests {
  func joined(_ corpus: Corpus) -> [Diagnostic] { corpus.diagnostics.filter { $0.kind == .suspectedJoinedNames } }

  @Test func fourCapitalisedTokensAreFlagged() {
    let corpus = resolve([record("P", authors: ["Ann Alpha", "Juan Pablo Rivera Lopez"])])
    #expect(
      joined(corpus) == [
        Diagnostic(
          kind: .suspectedJoinedNames,
          message: "'Juan Pablo Rivera Lopez' looks like two names joined by a missing comma: 'Juan Pablo' and 'Rivera Lopez'? Add 'split' or 'keep' to the alias file to decide. (on 'P')",
          file: "t.txt", line: 2)
      ])
  }

  @Test func halfKnownElsewhereIsNamedAsEvidence() {
    let corpus = resolve([
      record("P1", authors: ["Carl Dodd"]),
      record("P2", authors: ["Anna Maria Bell Carl Dodd", "Ann Alpha"], line: 10),
    ])
    #expect(
      joined(corpus).map(\.message) == [
        "'Anna Maria Bell Carl Dodd' looks like two names joined by a missing comma: 'Anna Maria Bell' and 'Carl Dodd'? ('Carl Dodd' appears as an author elsewhere) Add 'split' or 'keep' to the alias file to decide. (on 'P2')"
      ])
    #expect(joined(corpus).map(\.line) == [11])
  }

  @Test(arguments: [
    "Ludwig van der Berg", "Samuel R. Bowman Jones", "Mary-Jane O'Neil Smith", "bell hooks Alice Walker",
    "Ann Alpha", "Jean Claude Van Damme", "Ann B Carol Dee",
  ])
  func legitimateNamesAreNotFlagged(name: String) {
    #expect(joined(resolve([record("P", authors: [name])])).isEmpty)
  }

  @Test func keepRuleSilencesIt() {
    let keep = AliasFile(entries: [.init(rule: .keep("juan pablo rivera lópez"), source: Bibliography.SourceLocation(file: "a.tsv", line: 1))])
    let corpus = resolve([record("P", authors: ["Juan Pablo Rivera Lopez"])], aliases: keep)
    #expect(corpus.diagnostics.isEmpty)
  }
}
