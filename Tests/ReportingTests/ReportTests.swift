import Analysis
import Foundation
import GraphAlgorithms
import GraphCore
import GraphvizRendering
import Networks
import TestSupport
import Testing
import TextEscaping

@testable import Bibliography
@testable import Reporting

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()
let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden").path

/// The bundled listing with its alias file, as `coauthor report` reads it.
func seedAnalysis() throws -> CorpusAnalysis {
  let corpus = try CorpusLoader(aliasPath: repository.appendingPathComponent("Examples/mats-aliases.tsv").path)
    .load([repository.appendingPathComponent("Examples/mats-research.txt").path])
  return try CorpusAnalysis(corpus: corpus)
}

let seedContext = ReportContext(
  title: "mats-research", inputs: ["Examples/mats-research.txt"], aliasFile: "Examples/mats-aliases.tsv",
  command: "coauthor report Examples/mats-research.txt --aliases Examples/mats-aliases.tsv --output Reports")

/// The text with the checkout's absolute path removed, so goldens match in any clone.
func relativePaths(_ text: String) -> String {
  text.replacingOccurrences(of: repository.path + "/", with: "")
}

/// Stand-in pictures: Reporting takes SVG as text and is tested without libgraphviz.
let stubSVGs = [
  "authors": "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><title>authors</title></svg>",
  "fellows": "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>fellows</title></svg>",
  "tags": "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>tags</title></svg>",
]

@Suite("Report of the bundled listing")
struct SeedReportTests {
  @Test func analysisFigures() throws {
    let a = try seedAnalysis()
    #expect(a.corpus.papers.count == 13)
    #expect(a.authors.network.graph.nodeCount == 78)
    // networkx: sorted(map(len, connected_components(G)), reverse=True) on the same papers
    #expect(a.authors.componentSizes == [32, 10, 8, 7, 6, 5, 4, 4, 2])
    // Every author is in exactly one community, communities are ordered largest first.
    #expect(a.authors.communities.map(\.members.count).reduce(0, +) == 78)
    #expect(a.authors.communities.map(\.members.count) == a.authors.communities.map(\.members.count).sorted(by: >))
    #expect(a.tags.network.graph.nodeCount == 9)
    #expect(a.fellows.network.graph.nodeCount == 19)
    // Most influential by PageRank: the Meg Tong / Tomasz Korbak tie, broken by name.
    let top = try #require(a.authors.ranking(by: .pagerank)).prefix(2).map { a.authors.network.labels[$0.index] }
    #expect(top == ["Meg Tong", "Tomasz Korbak"])
  }

  @Test func communityTagsCharacteriseTheirPapers() throws {
    let a = try seedAnalysis()
    let labels = a.authors.network.labels
    // The community holding the Reversal Curse / situational-awareness authors is about evals.
    let berglund = try #require(labels.firstIndex(of: "Lukas Berglund"))
    let c = a.authors.communities[a.authors.communityOfNode[berglund]]
    #expect(c.tags.first?.tag == "Dangerous Capability Evals")
    for community in a.authors.communities {
      for t in community.tags {
        // A community's tag count never exceeds the papers it touches, nor the tag's corpus count.
        #expect(t.papers <= community.papers)
        #expect(t.papers <= a.corpus.papers.filter { $0.tags.contains(t.tag) }.count)
      }
    }
  }

  @Test func markdownGolden() throws {
    let document = ReportBuilder(context: seedContext).document(for: try seedAnalysis())
    let markdown = MarkdownReportWriter(figures: ["authors": "authors.svg", "fellows": "fellows.svg", "tags": "tags.svg"]).write(document)
    assertGolden(relativePaths(markdown), file: "seed-report.md", in: goldenDirectory)
  }

  @Test func htmlGoldenIsSelfContained() throws {
    let document = ReportBuilder(context: seedContext).document(for: try seedAnalysis())
    let html = HTMLReportWriter(svgs: stubSVGs).write(document)
    assertGolden(relativePaths(html), file: "seed-report.html", in: goldenDirectory)
    #expect(html.components(separatedBy: "<script").count - 1 == 2)  // the page's data and script only
    #expect(!html.contains("src=\""))
    #expect(!html.contains("href=\"http"))
    #expect(!html.contains("<?xml"))  // the SVG's XML declaration is dropped when inlined
    #expect(html.contains("<title>authors</title>"))
    // Every in-page link has its target.
    let anchors = Set(html.matches(of: /id="([^"]+)"/).map { String($0.1) })
    for link in html.matches(of: /href="#([^"]+)"/) {
      #expect(anchors.contains(String(link.1)), "dangling link #\(link.1)")
    }
  }

  @Test func sameInputSameBytes() throws {
    let one = HTMLReportWriter(svgs: stubSVGs).write(ReportBuilder(context: seedContext).document(for: try seedAnalysis()))
    let two = HTMLReportWriter(svgs: stubSVGs).write(ReportBuilder(context: seedContext).document(for: try seedAnalysis()))
    #expect(one == two)
  }

  @Test func dataQualityListsEveryDiagnosticAndMatch() throws {
    let a = try seedAnalysis()
    let markdown = MarkdownReportWriter().write(ReportBuilder(context: seedContext).document(for: a))
    for m in a.corpus.fellowMatches { #expect(markdown.contains(Markdown.text(m.listed))) }
    #expect(markdown.contains("alias-applied"))
    #expect(markdown.contains("duplicate-merged"))
    #expect(a.notes.count > 0)
    let rows = markdown.components(separatedBy: "\n").filter { $0.hasPrefix("| `") }
    #expect(rows.count == a.notes.count)
  }
}

@Suite("Report escaping")
struct ReportEscapingTests {
  /// Names and titles are data: nothing in them may become markup.
  static let hostile = [
    "<script>alert(1)</script>", "Robert\"); DROP TABLE", "Ann & <b>Bob</b>", "a]]>b", "x-->y", "*star* _under_ `tick` |pipe|",
    "Evil\u{202E}Reversed", "Ctrl\u{0007}Char",
  ]

  func hostileAnalysis() throws -> CorpusAnalysis {
    let at = SourceLocation(file: "hostile.txt", line: 1)
    let records = [
      Record(title: "<img src=x onerror=alert(1)>", authors: Array(Self.hostile.prefix(4)), fellows: [Self.hostile[0]], tags: ["<svg onload=alert(1)>", "T&C"], source: at),
      Record(title: "[link](javascript:alert(1))", authors: Array(Self.hostile.suffix(5)), tags: ["T&C"], source: at),
    ]
    return try CorpusAnalysis(corpus: IdentityResolver().resolve([ReadResult(records: records)]))
  }

  @Test func htmlHasNoInjectedMarkup() throws {
    let html = HTMLReportWriter(svgs: [:]).write(ReportBuilder(context: ReportContext(title: "<script>x</script>", inputs: ["a<b>.txt"], command: "coauthor report")).document(for: try hostileAnalysis()))
    #expect(html.components(separatedBy: "<script").count - 1 == 2)  // the page's data and script only
    #expect(!html.contains("<img"))
    #expect(!html.contains("<svg onload"))
    #expect(!html.contains("<b>Bob"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(!html.contains("\u{0007}"))
    #expect(!html.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    // The shared rule (TextSanitizer): the bidi override and the bell are a visible U+FFFD.
    #expect(!html.contains("\u{202E}"))
    #expect(html.contains("Evil\u{FFFD}Reversed") && html.contains("Ctrl\u{FFFD}Char"))
  }

  @Test func markdownEscapesMarkupAndPunctuation() throws {
    let md = MarkdownReportWriter().write(ReportBuilder(context: ReportContext(title: "t", inputs: ["in.txt"], command: "c")).document(for: try hostileAnalysis()))
    #expect(!md.contains("<script"))
    #expect(!md.contains("<img"))
    #expect(md.contains("&lt;script&gt;"))
    #expect(md.contains("\\*star\\* \\_under\\_ \\`tick\\` \\|pipe\\|"))
    #expect(md.contains("\\[link\\](javascript:alert(1))"))
    #expect(!md.contains("\u{202E}"))
    #expect(md.contains("Evil\u{FFFD}Reversed") && md.contains("Ctrl\u{FFFD}Char"))
  }

  @Test func escapeFunctions() {
    #expect(XML.text("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&#39;")
    #expect(Markdown.text("1|2*3_4") == "1\\|2\\*3\\_4")
    #expect(anchorID("person", "Iván Arcuschin") == "person-ivue1n-arcuschin")
    #expect(PersonAnchors(names: ["A-B", "A B", "王芳"])["A B"] == "person-a-b-2")
    #expect(anchorID("person", "王芳") == "person-u738bu82b3")
    #expect(anchorID("person", "<script>") == "person-script")
  }

  /// From `PersonAnchors.parallelNames` names the slugs are made in two halves at the same time;
  /// the anchors, numbered in name order, are those of one thread, also where names of both
  /// halves share a slug.
  @Test func anchorsOfManyNamesSameForAnyThreads() {
    var names = (0 ..< 60_000).map { "Person \($0 % 25_000) Ünal\($0 >= 25_000 ? " \($0)" : "")" }
    names += ["A-B", "Person 7 Ünal", "A B", "a.b", "王芳"]
    names.insert("a b", at: 10)
    #expect(names.count >= PersonAnchors.parallelNames)
    let one = PersonAnchors(names: names, threads: 1)
    let two = PersonAnchors(names: names, threads: 2)
    #expect(names.map { one[$0] } == names.map { two[$0] })
    #expect(one["a b"] == "person-a-b" && one["A-B"] == "person-a-b-2" && one["A B"] == "person-a-b-3")
  }
}
