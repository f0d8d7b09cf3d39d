import Testing

@testable import Bibliography

/// The MATS research listing bundled in Examples/ (copied from ../shared/seeds/001_730267040867bff9.txt).
@Suite("MATS listing seed")
struct SeedListingTests {
  let corpus: Corpus

  init() throws {
    corpus = try CorpusLoader().load([Paths.seed])
  }

  @Test func counts() {
    #expect(corpus.entryCount == 15)
    #expect(corpus.papers.count == 13)
    #expect(corpus.fellows.count == 19)
    #expect(corpus.tags.count == 9)
  }

  @Test func tagsAreTheNineTopics() {
    #expect(
      corpus.tags.sorted() == [
        "Agent Foundations", "Alignment Training", "Dangerous Capability Evals", "Interpretability", "Model Organisms",
        "Red-Teaming", "Safeguards", "Scalable Oversight", "Scheming and Deception",
      ])
  }

  @Test func firstPaperKeepsItsSourceLine() throws {
    let title = "Sparse Autoencoders Find Highly Interpretable Features in Language Models"
    let first = try #require(corpus.papers.first { $0.title == title })
    #expect(first.source.line == 7)
    #expect(first.authors == ["Hoagy Cunningham", "Aidan Ewart", "Logan Riggs", "Robert Huben", "Lee Sharkey"])
    #expect(first.fellows == ["Hoagy Cunningham"])
    #expect(first.date == PaperDate(year: 2023, month: 9, day: 15))
    // Featured entry has no tags; its repeat in "All MATS Research" adds Interpretability.
    #expect(first.tags == ["Interpretability"])
    #expect(first.mergedSources.map(\.line) == [136])
  }

  @Test func papersAreInCanonicalOrderOldestFirst() throws {
    // CorpusLoader sorts records by date, then title (Record.canonicallyPrecedes), whatever
    // their order in the listing.
    let dates = corpus.papers.compactMap(\.date)
    #expect(dates == dates.sorted())
    #expect(corpus.papers.first?.title == "SolidGoldMagikarp (plus, prompt generation)")
    #expect(corpus.papers.first?.source.line == 268)
  }

  @Test func steeringMergedWithUnionOfTags() throws {
    let steering = try #require(corpus.papers.first { $0.title.hasPrefix("Steering Language Models") })
    #expect(steering.tags == ["Safeguards", "Interpretability"])
    #expect(steering.fellows == ["Lisa Thiergart", "David Udell", "Ulisse Mini"])
    let merges = corpus.diagnostics.filter { $0.kind == .duplicateMerged }
    #expect(merges.count == 2)
  }

  @Test func fellowsMatchedWithReasons() throws {
    func match(_ listed: String) -> FellowMatch? { corpus.fellowMatches.first { $0.listed == listed } }
    let rubi = try #require(match("Jeremy Rubinoff (Rubi J. Hudson)"))
    #expect(rubi.author == "Rubi Hudson")
    #expect(rubi.rule == .parenthetical)
    #expect(rubi.reason.contains("initials"))
    let jessica = try #require(match("Jessica Cooper (Rumbelow)"))
    #expect(jessica.author == "Jessica Cooper")
    #expect(jessica.rule == .parenthetical)
    let ivan = try #require(match("Iván Arcuschin Moreno"))
    #expect(ivan.author == "Iván Arcuschin")
    #expect(ivan.rule == .longerForm)
    #expect(corpus.diagnostics.filter { $0.kind == .fellowUnmatched }.isEmpty)
    #expect(corpus.fellows.contains("Rubi Hudson") && !corpus.fellows.contains { $0.contains("Rubinoff") })
  }

  @Test func missingCommaIsReported() throws {
    let joined = corpus.diagnostics.filter { $0.kind == .suspectedJoinedNames }
    #expect(joined.count == 1)
    let d = try #require(joined.first)
    #expect(d.message.contains("'Alan Chan Nicholas Carlini'"))
    #expect(d.message.contains("'Alan Chan' and 'Nicholas Carlini'"))
    #expect(d.line == 105)
  }

  @Test func aliasFileSplitsJoinedName() throws {
    let fixed = try CorpusLoader(aliasPath: Paths.seedAliases).load([Paths.seed])
    #expect(fixed.diagnostics.filter { $0.kind == .suspectedJoinedNames }.isEmpty)
    let agents = try #require(fixed.papers.first { $0.title.hasPrefix("AI agents") })
    #expect(agents.authors == ["Winnie Xiao", "Cole Killian", "Henry Sleight", "Alan Chan", "Nicholas Carlini", "Alwin Peng"])
    #expect(fixed.diagnostics.contains { $0.kind == .aliasApplied })
    #expect(fixed.authors.count == corpus.authors.count + 1)
  }

  @Test func solidGoldMagikarpBulletsAndTags() throws {
    let p = try #require(corpus.papers.first { $0.title.hasPrefix("SolidGoldMagikarp") })
    #expect(p.tags == ["Interpretability", "Model Organisms", "Red-Teaming"])
    #expect(p.abstract?.hasPrefix("Anomalous tokens") == true)
    #expect(p.abstract?.contains("•") == true)
    #expect(p.date == PaperDate(year: 2023, month: 2, day: 5))
  }

  @Test func pageTextIsSkippedAndReported() {
    let skipped = corpus.diagnostics.filter { $0.kind == .skippedText }
    // Preamble + "Featured Research", "All MATS Research", and the FAQ trailer.
    #expect(skipped.count == 3)
    #expect(skipped.map(\.line) == [1, 115, 290])
    #expect(!corpus.papers.contains { $0.title.contains("Featured") || $0.title.contains("Frequently") })
  }
}

@Suite("Listing: missing fields in the middle of a file")
struct ListingMissingFieldsTests {
  static let abstract = String(repeating: "This abstract is long enough to be running text, not a title. ", count: 3)

  @Test func entryWithoutAuthorsBeforeAnotherIsAnError() throws {
    let text = """
      First Paper Title
      \(Self.abstract)
      Authors:
      A One, B Two
      Date:
      Sep 15, 2023
      Second Paper Has No Fields
      \(Self.abstract)
      Third Paper Title
      \(Self.abstract)
      Authors:
      C Three
      """
    let path = Paths.temporary(text)
    #expect(throws: IngestError(
      file: path, line: 7,
      reason: .truncatedEntry("the entry 'Second Paper Has No Fields' has no 'Authors:' field before the next entry 'Third Paper Title' at line 9"),
      text: "Second Paper Has No Fields")) {
      try CorpusLoader().load([path])
    }
  }

  @Test func emptyFellowsLabelDoesNotSwallowTheNextTitle() throws {
    let text = """
      First Paper Title
      \(Self.abstract)
      Authors:
      A One, B Two
      Fellows:
      Second Paper Title
      \(Self.abstract)
      Authors:
      C Three
      Fellows:
      C Three
      """
    let corpus = try CorpusLoader().load([Paths.temporary(text)])
    #expect(corpus.papers.map(\.title) == ["First Paper Title", "Second Paper Title"])
    #expect(corpus.papers[0].fellows == [])
    #expect(corpus.papers[1].fellows == ["C Three"])
  }

  @Test func emptyDateBeforeAnotherLabelMeansNoDate() throws {
    let text = """
      Only Paper Title
      \(Self.abstract)
      Date:
      Authors:
      A One
      """
    let corpus = try CorpusLoader().load([Paths.temporary(text)])
    #expect(corpus.papers.count == 1)
    #expect(corpus.papers[0].date == nil)
    #expect(corpus.papers[0].authors == ["A One"])
  }
}
