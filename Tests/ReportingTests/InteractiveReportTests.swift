import Analysis
import Foundation
import Testing
import TextEscaping

@testable import Bibliography
import Networks
@testable import Reporting

@Suite("Year filter, timeline and the interactive HTML")
struct InteractiveReportTests {
  static func paper(_ title: String, _ authors: [String], year: Int?) -> Paper {
    Paper(
      title: title, authors: authors, fellows: [], date: year.map { PaperDate(year: $0) }, tags: [],
      source: SourceLocation(file: "t.json", line: 1))
  }

  static let corpus = Corpus(entryCount: 5, papers: [
    paper("A", ["Ann", "Bob"], year: 2022),
    paper("B", ["Ann", "Cy"], year: 2023),
    paper("C", ["Bob", "Ann"], year: 2024),
    paper("D", ["Dee"], year: nil),
    paper("E", ["Eve", "Ann"], year: 2024),
  ])

  @Test func yearFilterCountsKeptOutsideAndUndated() {
    let selection = YearFilter(since: 2023).apply(to: Self.corpus)
    let (kept, result) = (selection.corpus, selection.counts)
    #expect(result == YearFilter.Result(kept: 3, outside: 1, undated: 1))
    #expect(kept.papers.map(\.title) == ["B", "C", "E"])
    let both = YearFilter(since: 2023, until: 2023).apply(to: Self.corpus).counts
    #expect(both == YearFilter.Result(kept: 1, outside: 3, undated: 1))
    let unfiltered = YearFilter().apply(to: Self.corpus)
    let (all, none) = (unfiltered.corpus, unfiltered.counts)
    #expect(all.papers.count == 5 && none == YearFilter.Result(kept: 5, outside: 0, undated: 0))
  }

  @Test func yearFilterOnTheBundledListing() throws {
    let corpus = try seedAnalysis().corpus
    let result = YearFilter(since: 2025).apply(to: corpus).counts
    #expect(result.kept + result.outside + result.undated == corpus.papers.count)
    #expect(result.kept == corpus.papers.filter { ($0.date?.year ?? 0) >= 2025 }.count)
    #expect(result.undated == corpus.papers.filter { $0.date == nil }.count)
  }

  @Test func timelineCountsNewResearchersAndCollaborations() {
    let t = Timeline(corpus: Self.corpus)
    #expect(t.years.map(\.year) == [2022, 2023, 2024])
    #expect(t.years.map(\.papers) == [1, 1, 2])
    #expect(t.years.map(\.newResearchers) == [2, 1, 1])  // Ann+Bob, Cy, Eve
    #expect(t.years.map(\.newCollaborations) == [1, 1, 1])  // Ann–Bob again in 2024 is not new
    #expect(t.years.map(\.researchersSoFar) == [2, 3, 4])
    #expect(t.undated == 1)
    #expect(t.presence(of: ["Ann", "Cy", "Dee"], in: Self.corpus) == [[true, false, false], [true, true, false], [true, true, false]])
  }

  static let hostile = "</script><!-- \u{2028}\u{2029} <img src=x onerror=alert(1)> & \"q\" 'a'"

  @Test func scriptJSONCannotCloseTheScriptElement() {
    let json = JSON.quoted(Self.hostile)
    #expect(!json.contains("<") && !json.contains(">") && !json.contains("&"))
    #expect(!json.contains("\u{2028}") && !json.contains("\u{2029}"))
    // U+2028/9 are line breaks by the shared rule (TextSanitizer), written `\n`.
    #expect(json.hasPrefix(#""\u003c/script\u003e\u003c!-- \n\n "#))
    // Still JSON, meaning the sanitised string.
    let decoded = try? JSONDecoder().decode(String.self, from: Data(json.utf8))
    #expect(decoded == TextSanitizer.sanitize(Self.hostile))
    #expect(JSON.quoted("tab\tnul\u{0}") == "\"tab nul\u{FFFD}\"")
  }

  @Test func hostileNamesStayDataInTheHTMLPage() throws {
    let document = ReportDocument(
      title: Self.hostile,
      blocks: [.heading(level: 2, text: Self.hostile, anchor: "x"), .searchBox, .figure(key: "authors", caption: Self.hostile),
        .barChart(BarChart(title: Self.hostile, categories: [Self.hostile], series: [(name: Self.hostile, values: [3])])),
        .intervalChart(IntervalChart(title: Self.hostile, years: [2023, 2024], rows: [.init(label: Self.hostile, start: 2024, end: 2024, note: Self.hostile)]))],
      searchIndex: [SearchEntry(name: Self.hostile, anchor: "person-x", detail: Self.hostile)])
    let index = FigureIndex(idPrefix: "authors-", names: [Self.hostile, "B"], neighbours: [[1], [0]], edges: [[0, 1]])
    let html = HTMLReportWriter(svgs: ["authors": "<svg></svg>"], figureIndex: ["authors": index]).write(document)
    // Exactly the page's own two script elements end, and no comment opens.
    #expect(html.components(separatedBy: "</script>").count - 1 == 2)
    #expect(!html.contains("<!--"))
    #expect(!html.contains("<img"))
    // The data element parses as JSON and holds the name as every output shows it (the shared
    // rule: U+2028/9 are line breaks).
    let start = try #require(html.range(of: #"<script type="application/json" id="coauthor-data">"#))
    let end = try #require(html[start.upperBound...].range(of: "</script>"))
    #expect(!html[start.upperBound ..< end.lowerBound].contains("\u{2028}"))
    let data = try #require(
      try JSONSerialization.jsonObject(with: Data(html[start.upperBound ..< end.lowerBound].utf8)) as? [String: Any])
    let people = try #require(data["people"] as? [[String: Any]])
    #expect(people.first?["name"] as? String == TextSanitizer.sanitize(Self.hostile))
    let figures = try #require(data["figures"] as? [String: Any])
    let authors = try #require(figures["authors"] as? [String: Any])
    #expect((authors["names"] as? [String])?.first == TextSanitizer.sanitize(Self.hostile))
  }

  @Test func markdownCarriesTheSameBlocksWithoutTheScript() {
    let document = ReportDocument(title: "T", blocks: [
      .searchBox,
      .barChart(BarChart(title: "Per year", categories: ["2023", "2024"], series: [(name: "Papers", values: [1, 2])])),
      .figureRow(keys: ["growth-2023", "growth-2024"], captions: ["up to 2023", "up to 2024"], caption: "Growth"),
    ])
    let md = MarkdownReportWriter(figures: ["growth-2023": "growth-2023.svg", "growth-2024": "growth-2024.svg"]).write(document)
    #expect(md.contains("| Papers | 1 | 2 |"))
    let bursts = MarkdownReportWriter(figures: [:]).write(ReportDocument(title: "T", blocks: [
      .intervalChart(IntervalChart(title: "Bursts", years: [2022, 2023, 2024], rows: [.init(label: "agents|x", start: 2023, end: 2024, note: "strength 3.23")]))
    ]))
    #expect(bursts.contains("|  | 2022 | 2023 | 2024 |\n| --- | :---: | :---: | :---: |\n| agents\\|x |  | ■ | ■ |\n"), "\(bursts)")
    #expect(md.contains("![growth-2023](growth-2023.svg) | ![growth-2024](growth-2024.svg)"))
    #expect(!md.contains("<script"))
  }

  @Test func profilesAndSectionsOfTheBundledReport() throws {
    let a = try seedAnalysis()
    let document = ReportBuilder(context: seedContext).document(for: a)
    let anchors = document.blocks.compactMap { b -> String? in if case .heading(_, _, let anchor) = b { return anchor } else { return nil } }
    for section in ["overview", "central", "timeline", "fellows", "fellow-collaborators", "bridges", "communities", "topics", "bursts", "researchers", "data-quality", "method"] {
      #expect(anchors.contains(section), "missing section \(section)")
    }
    // One profile per researcher (78 < the profile limit), found by the search index.
    #expect(anchors.filter { $0.hasPrefix("person-") }.count == 78)
    #expect(document.searchIndex.count == 78)
    #expect(document.searchIndex.first?.name == "Meg Tong")
    #expect(document.searchIndex.first?.anchor == "person-meg-tong")
    #expect(document.blocks.contains { if case .barChart = $0 { return true } else { return false } })
  }
}
