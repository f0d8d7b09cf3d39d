import Analysis
import Foundation
import GraphAlgorithms
import GraphCore
import Networks
import Testing
import TextEscaping

@testable import Bibliography
@testable import Reporting

/// What keeps the report readable at a million papers: sampled estimates marked and bounded,
/// thousands separators in every count, and the full people list beside report.html.
@Suite("Report at scale: estimates, separators, people file")
struct ScaleReportTests {
  /// The bundled listing (78 researchers) analysed with an exact-metric limit of 10, so the path
  /// metrics are estimated as on a big input.
  static func estimatedAnalysis() throws -> CorpusAnalysis {
    let corpus = try CorpusLoader(aliasPath: repository.appendingPathComponent("Examples/mats-aliases.tsv").path)
      .load([repository.appendingPathComponent("Examples/mats-research.txt").path])
    var pipeline = Pipeline(graphs: Network.Kind.allCases, filter: NetworkFilter(), metrics: Metric.allCases)
    pipeline.pathMetricNodeLimit = 10
    return try CorpusAnalysis(corpus: corpus, pipeline: pipeline)
  }

  @Test func pipelineEstimatesAboveTheLimitInsteadOfSkipping() throws {
    let a = try Self.estimatedAnalysis()
    let b = try #require(a.authors.metric(.betweenness))
    #expect(!b.skipped)
    let e = try #require(b.estimate)
    #expect(e.method == .shortestPathSamples && e.errorBound == 0.01 && e.confidence == 0.95)
    // 78 nodes: KADABRA's adaptive stop, in rounds of 1,024 samples, below the
    // Riondato–Kornaropoulos size for the vertex-diameter bound found (over 20,000).
    #expect(e.samples >= 1024 && e.samples % 1024 == 0 && e.samples < 20_000)
    #expect(b.values.contains { $0 > 0 })
    // Closeness and harmonic: k = ⌈ln(2·78/0.05)/(2·0.05²)⌉ = 1,609 ≥ 78 sources, so exact.
    #expect(a.authors.metric(.closeness)?.estimate?.method == .exact)
    #expect(a.authors.metric(.harmonic)?.estimate?.method == .exact)
    // The tags network (9 nodes) is under the limit: exact, no estimate.
    #expect(a.tags.metric(.betweenness)?.estimate == nil)
    // With distance = 1/weight there is no estimate: skipped as before.
    var weighted = a.pipeline
    weighted.metricSettings.weighted = true
    let corpus = a.corpus
    let w = try CorpusAnalysis(corpus: corpus, pipeline: weighted)
    #expect(w.authors.metric(.betweenness)?.skipped == true)
  }

  @Test func reportMarksEstimatesAndStatesTheBound() throws {
    let a = try Self.estimatedAnalysis()
    let samples = try #require(a.authors.metric(.betweenness)?.estimate?.samples)
    var context = seedContext
    context.notes = ReportJob.filterNotes(a)
    let text = MarkdownReportWriter(figures: [:]).write(ReportBuilder(context: context).document(for: a))
    let bound = "bridging (betweenness): sampled: each value within ±0.01 of the exact one with 95 % confidence; \(samples.countText) shortest-path samples"
    #expect(text.contains("Values marked ≈ are estimates: the network is too large for exact path metrics. B" + bound.dropFirst() + "; closeness: exact (a sample would have been as large as the network)"))
    #expect(text.contains("- **Estimates**: " + bound))
    // The central table's bridging column and the leaders line carry the mark.
    let table = try #require(text.components(separatedBy: "| # | Researcher |").last?.components(separatedBy: "\n\n").first)
    #expect(table.contains("| ≈0."))
    #expect(text.contains("**Strongest bridge**: "))
    #expect(text.split(separator: "\n").first { $0.hasPrefix("- **Strongest bridge**") }?.contains("(≈0.") == true)
    // Exact closeness is not marked.
    #expect(text.split(separator: "\n").first { $0.hasPrefix("- **Closest to everyone") }?.contains("≈") == false)
  }

  @Test func boundsAreRoundedUpNeverDown() {
    #expect((0.01 as Double).boundText == "0.01")
    #expect((0.0312 as Double).boundText == "0.032")
    #expect((0.001 as Double).boundText == "0.001")
    #expect((1.5 as Double).boundText == "1.5")
    #expect((5 as Double).boundText == "5")
    #expect((12.01 as Double).boundText == "13")
    #expect((65_000.4 as Double).boundText == "65,001")
    // The paperlists run's closeness and harmonic bounds (stderr and report print the same text).
    #expect((0.04877402332222042 as Double).boundText == "0.049")
    #expect((3504.5983029955605 as Double).boundText == "3,505")
    #expect((9.991 as Double).boundText == "10")
    #expect((0.00000123 as Double).boundText == "0.0000013")
    #expect((0.95 as Double).percentText == "95 %")
    #expect((0.995 as Double).percentText == "99.5 %")
  }

  /// 1,200 made-up papers (one author each plus a shared co-author every tenth): every count of
  /// the overview, the timeline and the notes carries separators; years do not.
  @Test func countsHaveThousandsSeparators() throws {
    var rows = ["paper_id\tyear\tvenue\tauthors\tkeywords\ttitle"]
    for i in 0 ..< 1200 { rows.append("p\(i)\t2021\tV\tPerson \(i)\(i % 10 == 0 ? ";Hub" : "")\t\tPaper \(i)") }
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-sep-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let path = dir.appendingPathComponent("papers.tsv").path
    try Data((rows.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
    let analysis = try CorpusAnalysis(corpus: try CorpusLoader().load([path]))
    let context = ReportContext(title: "sep", inputs: ["papers.tsv"], command: "coauthor report papers.tsv")
    let document = ReportBuilder(context: context).document(for: analysis)
    let text = MarkdownReportWriter(figures: [:]).write(document)
    #expect(text.contains("From 1,200 entries in papers.tsv, Coauthor found 1,200 papers from 2021 by 1,201 researchers"))
    #expect(text.contains("| Papers (duplicates merged) | 1,200 |"))
    #expect(text.contains("| Researchers | 1,201 |"))
    #expect(text.contains("| Separate groups (connected components) | 1,081 |"))
    // year plain, counts grouped: papers, active, new, new collaborations, mean team size, fellows,
    // so far, groups so far, largest group so far (Hub and its 120 co-authors).
    #expect(text.contains("| 2021 | 1,200 | 1,201 | 1,201 | 120 | 1.10 | 0 | 1,201 | 1,081 | 121 (10.1 %) |"))
    #expect(text.contains("Coauthor read 1,200 entries from 1 file"))
    #expect(!text.contains("1200"))
    let html = HTMLReportWriter().write(document)
    #expect(html.contains("<td class=\"num\">1,201</td>"))
    #expect(html.contains(">1,200</text>"))  // the bar chart's value label
  }

  /// Above the inline limit the page embeds the profiled people only and every person goes to
  /// people.js (gzip, base64); at or below it, one self-contained file as before.
  @Test func peopleFileAboveTheInlineLimit() throws {
    let a = try seedAnalysis()
    var context = seedContext
    context.profileLimit = 5
    var job = ReportJob(context: context, maxNodes: 300)
    job.inlinePeopleLimit = 78
    let small = try job.files(for: a)
    #expect(!small.map(\.name).contains("people.js"))
    job.inlinePeopleLimit = 77
    let files = try job.files(for: a)
    let names = files.map(\.name)
    #expect(names.suffix(3) == ["report.md", "report.html", "people.js"])
    let html = String(decoding: try #require(files.first { $0.name == "report.html" }).bytes, as: UTF8.self)
    let data = try #require(html.components(separatedBy: "<script type=\"application/json\" id=\"coauthor-data\">").last?.components(separatedBy: "</script>").first)
    let page = try #require(JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any])
    #expect(page["peopleFile"] as? String == "people.js")
    #expect(page["peopleCount"] as? Int == 78)
    let inline = try #require(page["people"] as? [[String: Any]])
    // The 5 most influential plus every fellow (19) have a profile; Meg Tong is both.
    #expect(inline.count == a.authors.network.graph.nodeCount - ReportBuilder.profiledNodes(a, limit: 5).filter { !$0 }.count)
    #expect(inline.allSatisfy { $0["anchor"] is String })
    let script = String(decoding: try #require(files.first { $0.name == "people.js" }).bytes, as: UTF8.self)
    #expect(script.hasPrefix("window.coauthorPeople={\"count\":78,\"gzip\":\""))
    let base64 = try #require(script.components(separatedBy: "\"gzip\":\"").last?.components(separatedBy: "\"").first)
    let packed = try #require(Data(base64Encoded: base64))
    let json = try Gzip.decompress(Array(packed), file: "people.js")
    let rows = try #require(JSONSerialization.jsonObject(with: Data(json)) as? [[Any]])
    #expect(rows.count == 78)
    #expect(rows.first?.first as? String == "Meg Tong")
    #expect(rows.contains { $0[1] is NSNull })  // people without a profile are searchable too
    // Written directly, byte for byte the compact text of the `JSON` value it stands for.
    let document = ReportBuilder(context: context).document(for: a)
    let tree = JSON.array(document.searchIndex.map { e in .array([.string(e.name), e.anchor.map(JSON.string) ?? .null, .string(e.detail)]) })
    #expect(String(decoding: json, as: UTF8.self) == tree.text(indent: nil))
  }

  /// The people file is the same bytes whether its text is written in one piece or many, and
  /// whether the pieces are compressed beside the writing (two threads) or after it (one).
  @Test func peopleFileSameBytesForAnyPiecesAndThreads() throws {
    let document = ReportBuilder(context: seedContext).document(for: try seedAnalysis())
    #expect(document.searchIndex.count == 78)
    let writer = HTMLReportWriter(peopleFile: ReportJob.peopleFileName)
    let whole = writer.peopleScript(document, threads: 1, rowsPerPiece: 1_000)
    for rows in [1, 5, 77, 78] {
      #expect(writer.peopleScript(document, threads: 1, rowsPerPiece: rows) == whole)
      #expect(writer.peopleScript(document, threads: 2, rowsPerPiece: rows) == whole)
    }
    #expect(writer.peopleScript(document) == whole)
    // No one to search: an empty array.
    var empty = document
    empty.searchIndex = []
    let script = writer.peopleScript(empty, threads: 2, rowsPerPiece: 5)
    let base64 = try #require(script.components(separatedBy: "\"gzip\":\"").last?.components(separatedBy: "\"").first)
    let json = try Gzip.decompress(Array(try #require(Data(base64Encoded: base64))), file: "people.js")
    #expect(String(decoding: json, as: UTF8.self) == "[]")
    #expect(script.hasPrefix("window.coauthorPeople={\"count\":0,"))
  }
}
