import Foundation
import Testing

@testable import Bibliography

/// Reads a file through `ListingReader` only (no identity resolution).
private func read(_ path: String) throws -> ReadResult {
  try ListingReader().read(TextFile(path: path))
}

private func layoutFixture(_ name: String) -> String { Paths.fixture("layouts/" + name) }

@Suite("Listing layouts: detection")
struct ListingLayoutDetectionTests {
  @Test(arguments: [
    ("newer-listing.txt", ListingLayout.newerListing), ("page-new.txt", .paperPage), ("page-untitled.txt", .paperPage),
    ("page-old.txt", .oldPaperPage), ("suspicious-listing.txt", .listing),
  ])
  func fixtureLayouts(name: String, layout: ListingLayout) throws {
    let result = try read(layoutFixture(name))
    #expect(result.reads == [FileRead(file: layoutFixture(name), layout: layout.description, entries: result.records.count)])
  }

  @Test func bundledAndQuirkListingsStayListings() throws {
    for path in [Paths.seed, Paths.fixture("listing-quirks.txt"), Paths.fixture("listing-sections.txt")] {
      #expect(try read(path).reads.map(\.layout) == ["listing"])
    }
  }

  @Test func labelsOfEveryLayout() {
    #expect(ListingReader.label("Citations:", page: false)! == (.citations, nil))
    #expect(ListingReader.label("Citations", page: false)! == (.citations, nil))
    #expect(ListingReader.label("12 Citations", page: false)! == (.citations, "12"))
    #expect(ListingReader.label("1 Citation", page: false)! == (.citations, "1"))
    #expect(ListingReader.label("1,024 citations", page: false)! == (.citations, "1,024"))
    #expect(ListingReader.label("MATS Alumnus", page: true)! == (.fellows, nil))
    #expect(ListingReader.label("MATS Alumnus", page: false) == nil)
    #expect(ListingReader.label("Collabortators", page: true)! == (.authors, nil))
    #expect(ListingReader.label("Abstract", page: true)! == (.abstract, nil))
    #expect(ListingReader.label("Abstract:", page: false) == nil)
    #expect(ListingReader.label("Alumni:", page: false)! == (.fellows, nil))
    #expect(ListingReader.label("Many Citations", page: false) == nil)
    #expect(ListingReader.citationCount("1,024") == 1024)
    #expect(ListingReader.citationCount("12a") == nil)
  }
}

@Suite("Listing layouts: newer listing")
struct NewerListingTests {
  let path = layoutFixture("newer-listing.txt")

  @Test func readsEveryEntryWithItsCitations() throws {
    let result = try read(path)
    let at = { (line: Int) in Bibliography.SourceLocation(file: path, line: line) }
    #expect(
      result.records == [
        // `Citations:` with the count on the next line; `Oct 9, 2024`; no abstract.
        Record(
          title: "Probing Honest Answers", authors: ["Ada Lovelace", "Charles Babbage"], fellows: ["Ada Lovelace"],
          date: PaperDate(year: 2024, month: 10, day: 9), tags: ["Interpretability"], source: at(5), authorsLine: 11,
          fellowsLine: 15, citations: 12),
        // Spaces before commas, a one-word name, `March 10, 2026`, `7 Citations` on one line.
        Record(
          title: "Steering With Sparse Features", authors: ["Maria Lopez", "Jan Novak", "Plato"], fellows: ["Jan Novak"],
          date: PaperDate(year: 2026, month: 3, day: 10), tags: ["Steering", "Interpretability"], source: at(25),
          authorsLine: 33, fellowsLine: 37, citations: 7),
        // An empty `Authors:`: the fellow is the author; a bare `Citations`: no count.
        Record(
          title: "Untested Ideas In Oversight", authors: ["Grace Hopper"], fellows: ["Grace Hopper"],
          date: PaperDate(year: 2025, month: 1, day: 5), source: at(45), authorsLine: 47, fellowsLine: 51),
        // An abstract, no date, zero citations.
        Record(
          title: "Model Organisms Of Misalignment", authors: ["Alan Turing", "Plato"], fellows: ["Alan Turing"],
          tags: ["Model Organisms"], abstract: "This entry keeps an abstract, as a few newer entries do.", source: at(59),
          authorsLine: 67, fellowsLine: 71, citations: 0),
        // `Authors:` directly followed by `Citations:`: no author, and `Citations:` is never a name.
        Record(title: "A Paper Without Names", authors: [], source: at(77), authorsLine: 79, citations: 3),
      ])
    #expect(
      result.diagnostics == [
        Diagnostic(kind: .skippedText, message: "skipped 2 line(s) of page text: 'MATS Research', 'All research'", file: path, line: 1),
        Diagnostic(
          kind: .noAuthors, message: "'Untested Ideas In Oversight' lists no authors; its fellows (Grace Hopper) are taken as its authors",
          file: path, line: 47),
      ])
  }

  @Test func corpusHasFivePapersAndTheirCitations() throws {
    let corpus = try CorpusLoader().load([path])
    #expect(corpus.entryCount == 5)
    #expect(corpus.papers.count == 5)
    let byTitle = Dictionary(uniqueKeysWithValues: corpus.papers.map { ($0.title, $0.citations) })
    #expect(byTitle["Probing Honest Answers"] == 12)
    #expect(byTitle["Steering With Sparse Features"] == 7)
    #expect(byTitle["Untested Ideas In Oversight"] == .some(nil))
    #expect(byTitle["Model Organisms Of Misalignment"] == 0)
    #expect(byTitle["A Paper Without Names"] == 3)
    // The paper without names gets the resolver's `no-authors` note; the other empty list was
    // filled from its fellows by the reader.
    #expect(corpus.diagnostics.map(\.kind) == [.skippedText, .noAuthors, .noAuthors])
    #expect(corpus.diagnostics.map(\.line) == [1, 47, 79])
    #expect(corpus.reads == [FileRead(file: path, layout: "listing (newer, with Citations)", entries: 5)])
    #expect(corpus.readSummary == "read 5 entries from 1 file: listing (newer, with Citations) 5; 2 entries with notes")
  }

  /// The issue's case: with `Citations:` unknown, entries ran together. Each entry is its own paper now.
  @Test func thirtyFiveEntriesGiveThirtyFivePapers() throws {
    let entries = (1 ... 35).map { i in
      "Paper Number \(i)\nSafety\nAuthors:\nAuthor \(i), Mentor \(i % 3)\nAlumni:\nAuthor \(i)\nDate:\nOct \(i % 28 + 1), 2024\nCitations:\n\(i * 2)\n"
    }
    let path = Paths.temporary(entries.joined())
    let corpus = try CorpusLoader().load([path])
    #expect(corpus.papers.count == 35)
    #expect(corpus.papers.allSatisfy { $0.authors.count == 2 })
    #expect(corpus.papers.map(\.citations).compactMap { $0 }.sorted() == (1 ... 35).map { $0 * 2 })
    #expect(corpus.diagnostics.isEmpty)
  }
}

@Suite("Listing layouts: per-paper pages")
struct PaperPageTests {
  @Test func newStylePageWithFooter() throws {
    let path = layoutFixture("page-new.txt")
    let result = try read(path)
    #expect(
      result.records == [
        Record(
          title: "Probing Honest Answers", authors: ["Ada Lovelace", "Charles Babbage"], fellows: ["Ada Lovelace"],
          abstract: "We probe language models for honest answers.\nA second paragraph follows.",
          source: .init(file: path, line: 2), authorsLine: 6, fellowsLine: 4, citations: 14)
      ])
    // The footer's papers are references, not papers: title, date and citations only matter.
    #expect(result.references.map(\.title) == ["Model Organisms Of Misalignment", "Old Style Paper", "A Footer-Only Paper"])
    #expect(
      result.references.map(\.date) == [
        PaperDate(year: 2024, month: 11, day: 1), PaperDate(year: 2023, month: 6, day: 3), PaperDate(year: 2025, month: 2, day: 2),
      ])
    #expect(result.references.map(\.fellows) == [["Alan Turing"], [], []])
    #expect(result.references.map(\.citations) == [5, 4, 1])
    #expect(result.diagnostics == [Diagnostic(kind: .skippedText, message: "skipped 1 line(s) of page text: 'Research'", file: path, line: 1)])
    #expect(result.reads == [FileRead(file: path, layout: "per-paper page (new style)", entries: 1)])
  }

  @Test func oldStylePagePutsTheAlumnusFirst() throws {
    let path = layoutFixture("page-old.txt")
    let result = try read(path)
    #expect(
      result.records == [
        Record(
          title: "Old Style Paper", authors: ["Barbara Liskov", "John McCarthy", "Plato"], fellows: ["Barbara Liskov"],
          abstract: "We study the old layout of research pages.", source: .init(file: path, line: 1), authorsLine: 5,
          fellowsLine: 3, citations: 4)
      ])
    #expect(result.references.isEmpty)
    #expect(result.diagnostics.isEmpty)
  }

  @Test func oldStylePageWithoutCollaboratorsIsTheFellowsOwn() throws {
    let path = Paths.temporary("Solo Paper\nMATS Alumnus\nAda Lovelace\nCollabortators\nCitations\n2\nAbstract\nAlone.\n")
    let result = try read(path)
    #expect(result.records.map(\.authors) == [["Ada Lovelace"]])
    #expect(result.records.map(\.citations) == [2])
    #expect(result.diagnostics.isEmpty)
  }

  @Test func untitledPageAloneKeepsAPlaceholderAndSaysSo() throws {
    let path = layoutFixture("page-untitled.txt")
    let record = try #require(try read(path).records.first)
    #expect(record.titleMissing)
    #expect(record.title == "[untitled page: \(path)]")
    #expect(record.citations == nil)
    #expect(record.authors == ["Grace Hopper"])
    let corpus = try CorpusLoader().load([path])
    #expect(corpus.papers.map(\.title) == ["[untitled page: \(path)]"])
    #expect(
      corpus.diagnostics == [
        Diagnostic(
          kind: .untitledEntry,
          message: "the page has no title, and no entry read with it has the same abstract or authors; it is listed as '[untitled page: \(path)]'",
          file: path, line: 1)
      ])
  }

  @Test func untitledPageTakesTheTitleOfTheEntryWithTheSameAbstract() throws {
    let listing = Paths.temporary("Oversight Paper\nOversight ideas that nobody has tested yet.\nAuthors:\nGrace Hopper, Alan Turing\n")
    let page = layoutFixture("page-untitled.txt")
    let corpus = try CorpusLoader().load([page, listing])
    #expect(corpus.papers.map(\.title) == ["Oversight Paper"])
    // The page comes first in canonical order (fewer authors), so the listing entry merges into it.
    #expect(corpus.papers[0].source == .init(file: page, line: 1))
    #expect(corpus.papers[0].mergedSources == [.init(file: listing, line: 1)])
    #expect(corpus.papers[0].authors == ["Grace Hopper", "Alan Turing"])
    #expect(
      corpus.diagnostics.first
        == Diagnostic(
          kind: .untitledEntry, message: "the page has no title; named 'Oversight Paper' after the entry with the same abstract at \(listing):1",
          file: page, line: 1))
  }

  @Test func footerHeaderWithoutAPageAboveIsASectionHeader() throws {
    // Without an `Abstract:` above it, `Recent research` is a listing's section header.
    let path = Paths.temporary("Recent research\nA Paper\nAuthors:\nAda Lovelace\n")
    let result = try read(path)
    #expect(result.records.map(\.title) == ["A Paper"])
    #expect(result.reads.map(\.layout) == ["listing"])
  }
}

@Suite("Listing layouts: pages and listings read together")
struct PagesWithListingTests {
  let files = ["newer-listing.txt", "page-new.txt", "page-old.txt", "page-untitled.txt"].map(layoutFixture)

  @Test func eachPaperOnceWithDatesAndCitationsCombined() throws {
    let corpus = try CorpusLoader().load(files)
    #expect(corpus.entryCount == 8)
    #expect(
      // Canonical order (by the dates read, undated last, then title): footer dates come later.
      corpus.papers.map(\.title) == [
        "Probing Honest Answers", "Untested Ideas In Oversight", "Steering With Sparse Features", "A Paper Without Names",
        "Model Organisms Of Misalignment", "Old Style Paper",
      ])
    let paper = { (title: String) in corpus.papers.first { $0.title == title } }
    // Page (14) and listing (12): the larger count, and the difference noted.
    #expect(paper("Probing Honest Answers")?.citations == 14)
    #expect(paper("Probing Honest Answers")?.date == PaperDate(year: 2024, month: 10, day: 9))
    // Dated by the footer of page-new.txt: a listing entry without `Date:` and another page.
    #expect(paper("Model Organisms Of Misalignment")?.date == PaperDate(year: 2024, month: 11, day: 1))
    #expect(paper("Old Style Paper")?.date == PaperDate(year: 2023, month: 6, day: 3))
    // The footer-only paper is no paper.
    #expect(paper("A Footer-Only Paper") == nil)
    // The untitled page takes the listing entry's title (same authors) and merges with it.
    #expect(paper("Untested Ideas In Oversight")?.mergedSources.map(\.file) == [layoutFixture("page-untitled.txt")])
    let notes = corpus.diagnostics.filter { $0.kind == .untitledEntry || $0.kind == .duplicateMerged }.map(\.message)
    #expect(
      notes == [
        "the page has no title; named 'Untested Ideas In Oversight' after the entry with the same authors at \(files[0]):45",
        "'Probing Honest Answers' repeats the entry at \(files[0]):5; merged (citation counts differ (14 kept, 12 ignored))",
        "'Untested Ideas In Oversight' repeats the entry at \(files[0]):45; merged",
      ])
    #expect(
      corpus.readSummary
        == "read 8 entries from 4 files: listing (newer, with Citations) 5, per-paper page (new style) 2, per-paper page (old style) 1; 4 entries with notes"
    )
  }

  @Test func inputOrderDoesNotMatter() throws {
    let a = try CorpusLoader().load(files)
    let b = try CorpusLoader().load(files.reversed())
    #expect(a.papers == b.papers)
    #expect(a.readSummary == b.readSummary)
  }

  @Test func ownDateWinsOverAFooterThatDisagrees() throws {
    let listing = Paths.temporary("Old Style Paper\nAuthors:\nBarbara Liskov\nDate:\n2022\n")
    let corpus = try CorpusLoader().load([listing, layoutFixture("page-new.txt")])
    #expect(corpus.papers.first { $0.title == "Old Style Paper" }?.date == PaperDate(year: 2022))
    #expect(
      corpus.diagnostics.contains(
        Diagnostic(
          kind: .note,
          message: "'Old Style Paper' is dated 2022 but 2023-06-03 where a page footer lists it (\(layoutFixture("page-new.txt")):19); 2022 kept",
          file: listing, line: 1)))
  }
}

@Suite("Listing layouts: never silently wrong")
struct LayoutDiagnosticsTests {
  @Test func suspiciousListingIsReadWithANoteForEachDoubt() throws {
    let path = layoutFixture("suspicious-listing.txt")
    let result = try read(path)
    #expect(result.records.map(\.title) == ["Probing Honest Answers", "42", "Abstract", "A Crowded Paper"])
    #expect(result.records[0].abstract == "We probe models.")
    #expect(result.records[0].tags == [])
    #expect(result.records[3].authors.count == 51)
    #expect(
      result.diagnostics == [
        Diagnostic(
          kind: .unknownLabel,
          message: "'Funding:' is not a field Coauthor reads (it reads Authors, Fellows or Alumni, Date, Citations); skipped it",
          file: path, line: 3),
        Diagnostic(
          kind: .unknownLabel,
          message: "'Venue:' is not a field Coauthor reads (it reads Authors, Fellows or Alumni, Date, Citations); skipped it and its value 'NeurIPS 2024'",
          file: path, line: 4),
        Diagnostic(
          kind: .suspiciousTitle, message: "the entry's title '42' is a number: is the page in a layout Coauthor does not know?",
          file: path, line: 10),
        Diagnostic(
          kind: .suspiciousTitle,
          message: "the entry's title 'Abstract' is a field label, not a title: is the page in a layout Coauthor does not know?",
          file: path, line: 13),
        Diagnostic(
          kind: .longAuthorList,
          message: "'A Crowded Paper' lists 51 authors (more than 50 in a listing): were several entries read as one?", file: path,
          line: 18),
      ])
  }

  @Test func listingMostlyWithoutAuthorsIsSuspicious() throws {
    let path = Paths.temporary("One\nAuthors:\nDate:\n2024\nTwo\nAuthors:\nDate:\n2023\nThree\nAuthors: Ada Lovelace\n")
    let result = try read(path)
    #expect(result.records.map(\.authors) == [[], [], ["Ada Lovelace"]])
    #expect(
      result.diagnostics == [
        Diagnostic(
          kind: .suspiciousLayout,
          message: "2 of 3 entries have no authors: is the page in a layout Coauthor does not know? (read as listing)", file: path,
          line: 1)
      ])
  }

  @Test func labelWordIsNeverAName() throws {
    let path = Paths.temporary("A Paper\nAuthors:\nAbstract\nB Paper\nAuthors:\nAda Lovelace\n")
    let result = try read(path)
    // `Authors:` followed by the label word `Abstract`: empty, and `Abstract` starts the next entry.
    #expect(result.records.map(\.title) == ["A Paper", "Abstract"])
    #expect(result.records.map(\.authors) == [[], ["Ada Lovelace"]])
    #expect(result.diagnostics.map(\.kind) == [.suspiciousTitle])
  }

  @Test func colonLineBeforeBulletsIsAbstractText() throws {
    let path = Paths.temporary("A Paper\nKey findings:\n• Models lie.\n• Probes see it.\nAuthors:\nAda Lovelace\n")
    let result = try read(path)
    #expect(result.records.map(\.abstract) == ["Key findings:\n• Models lie.\n• Probes see it."])
    #expect(result.diagnostics.isEmpty)
  }

  @Test func abstractLabelInAListingIsUnknown() throws {
    // (With one entry, this would be a per-paper page; two `Authors:` make it a listing.)
    let path = Paths.temporary(
      "A Paper\nAbstract:\nWe probe models for honest answers in many settings.\nAuthors:\nAda Lovelace\nB Paper\nAuthors: Bob\n")
    let result = try read(path)
    #expect(result.reads.map(\.layout) == ["listing"])
    #expect(result.records.map(\.abstract) == ["We probe models for honest answers in many settings.", nil])
    #expect(result.diagnostics.map(\.kind) == [.unknownLabel])
    #expect(result.diagnostics.map(\.line) == [2])
  }
}

@Suite("Citations in the corpus JSON")
struct CitationsJSONTests {
  @Test func citationsAreRead() throws {
    let path = Paths.temporary(#"{"papers": [{"title": "A", "authors": ["X Y"], "citations": 12}, {"title": "B", "authors": [], "citations": null}]}"#, name: "c.json")
    let result = try JSONCorpusReader().read(TextFile(path: path))
    #expect(result.records.map(\.citations) == [12, nil])
  }

  @Test(arguments: [("1.5", "not 1.5"), ("-3", "not -3.0"), (#""12""#, "not a string")])
  func badCitationsAreErrors(value: String, what: String) {
    let path = Paths.temporary("{\"papers\": [{\"title\": \"A\", \"authors\": [],\n \"citations\": \(value)}]}", name: "c.json")
    #expect(
      throws: IngestError(file: path, line: 2, reason: .invalidJSON("papers[0].citations must be a whole number of at least 0, \(what)"))
    ) { try JSONCorpusReader().read(TextFile(path: path)) }
  }
}

@Suite("Citation totals")
struct CitationTotalsTests {
  @Test func sumsEachPersonsPapers() throws {
    let corpus = try CorpusLoader().load([layoutFixture("newer-listing.txt")])
    // Plato: Steering (7) + Model Organisms (0); Ada: Probing (12); Grace: no count; Nobody: no papers.
    #expect(corpus.citationTotals(for: ["Plato", "Ada Lovelace", "Grace Hopper", "Nobody"]) == [7, 12, 0, 0])
    #expect(corpus.citationTotals(for: ["Jan Novak", "Alan Turing"], in: \.fellows) == [7, 0])
    #expect(corpus.citationTotals(for: ["Interpretability"], in: \.tags) == [19])
  }
}

/// Names one a line (a page shows each name as its own link, and copying it gives one a line):
/// every name is read, none taken as the next entry's title, and a line that is not a name stays
/// page text.
@Suite("Listing layouts: one name a line")
struct NamesPerLineTests {
  @Test func newerListingReadsEveryNameOfAMultiLineList() throws {
    let result = try read(layoutFixture("names-per-line-listing.txt"))
    #expect(result.records.map(\.title) == ["Probing Honest Answers", "Another Paper About Models", "Third Paper"])
    #expect(result.records[0].authors == ["Ada Lovelace", "Charles Babbage", "Jan de la Cruz"])
    #expect(result.records[0].fellows == ["Ada Lovelace", "Jan de la Cruz"])
    #expect(result.records[0].citations == 12)
    #expect(result.records[1].authors == ["Jan de la Cruz", "Mary Shelley"])
    #expect(result.records[2].authors == ["Mary Shelley"] && result.records[2].tags == ["Safeguards"])
    #expect(result.diagnostics.isEmpty)
  }

  @Test func oldPageReadsEveryAlumnusOfAMultiLineList() throws {
    let result = try read(layoutFixture("names-per-line-page-old.txt"))
    #expect(result.records.count == 1)
    #expect(result.records[0].fellows == ["Ada Lovelace", "Jan Novak"])
    // Both alumni are missing from `Collabortators`: they come first.
    #expect(result.records[0].authors == ["Ada Lovelace", "Jan Novak", "Charles Babbage"])
  }

  @Test func newPageKeepsNamesAndSkipsTextThatIsNoName() throws {
    let path = layoutFixture("names-per-line-page-new.txt")
    let result = try read(path)
    #expect(result.records[0].authors == ["Ada Lovelace", "Charles Babbage"])
    #expect(result.diagnostics.map(\.kind) == [.skippedText])
    #expect(result.diagnostics.first?.line == 7)
  }

  @Test(arguments: [
    ("Ada Lovelace", true), ("Jan de la Cruz", true), ("Li Wei-Ting, Anna K. Berg", true), ("王小明", true),
    ("share this page", false), ("We probe models.", false), ("Date:", false), ("2024", false),
    ("A Title With Far Too Many Words For A Name", false),
  ])
  func nameLines(text: String, isName: Bool) {
    #expect(ListingReader.isNameLine(text) == isName)
  }
}

/// Navigation and sharing lines of a saved page are page text, never a title: a page without a
/// title whose first line is `← Back to all research` is untitled (with its note), not titled so.
@Suite("Listing layouts: navigation lines")
struct NavigationLineTests {
  @Test func pageWithOnlyANavigationLineIsUntitled() throws {
    let path = layoutFixture("page-navigation.txt")
    let result = try read(path)
    #expect(result.records.count == 1)
    #expect(result.records[0].titleMissing)
    #expect(!result.records[0].title.contains("Back"))
    #expect(result.diagnostics.map(\.kind).contains(.skippedText))
  }

  @Test func listingSkipsBreadcrumbsAndShareButtonsWithANote() throws {
    let path = layoutFixture("listing-navigation.txt")
    let result = try read(path)
    #expect(result.records.map(\.title) == ["Probing Honest Answers", "Second Paper Title Here"])
    #expect(result.records[0].tags == ["Interpretability"])
    #expect(
      result.diagnostics.map(\.description) == [
        "\(path):1: skipped-text: skipped 1 navigation line(s): 'Home / Research'",
        "\(path):10: skipped-text: skipped 1 navigation line(s): 'Share'",
      ])
  }

  @Test(arguments: [
    ("← Back to all research", true), ("Back to research", true), ("Home / Research", true), ("Share", true),
    ("Copy link", true), ("Probing Honest Answers", false), ("Research Agenda for Safe AI", false),
    ("Sparse Autoencoders / Superposition in Large Language Models", false), ("Backdoors in Language Models", false),
  ])
  func navigationLines(text: String, isNavigation: Bool) {
    #expect(ListingReader.isNavigation(text) == isNavigation)
  }
}
