import Analysis
import Foundation
import Testing

@testable import Bibliography
@testable import Reporting

/// What the report leaves out on big inputs, so it stays readable: long tag clusters, long tag
/// tables, floods of one kind of note, and the fellow section of an input without fellows.
@Suite("Report of a big input")
struct BigInputReportTests {
  /// A papers.tsv table (hand-made): one paper with 20 keywords, 120 papers listing their
  /// author twice (120 duplicate-author notes) and one row without a title (1 note).
  static func markdown() throws -> String {
    var rows = ["paper_id\tyear\tvenue\tauthors\tkeywords\ttitle"]
    rows.append("p0\t2020\tV\tAda Lovelace;Alan Turing\t" + (1 ... 20).map { "tag\($0)" }.joined(separator: ";") + "\tMany tags")
    for i in 1 ... 120 { rows.append("p\(i)\t2021\tV\tPerson \(i);Person \(i)\t\tPaper \(i)") }
    rows.append("p121\t2022\tV\tAda Lovelace\t\t")
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-big-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let path = dir.appendingPathComponent("papers.tsv").path
    try Data((rows.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
    let corpus = try CorpusLoader().load([path])
    #expect(corpus.diagnostics.filter { $0.kind == .duplicateAuthor }.count == 120)
    let analysis = try CorpusAnalysis(corpus: corpus)
    let context = ReportContext(title: "big", inputs: [path], aliasFile: nil, command: "coauthor report papers.tsv")
    return MarkdownReportWriter(figures: [:]).write(ReportBuilder(context: context).document(for: analysis))
  }

  @Test func clustersNameTheirFifteenMostCommonTags() throws {
    let text = try Self.markdown()
    let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("- **Cluster 1**") })
    #expect(line.hasSuffix(" and 5 more"))
    #expect(line.components(separatedBy: " (1)").count - 1 == 15)
  }

  @Test func notesAreCappedPerKindAndSaySo() throws {
    let text = try Self.markdown()
    let notes = text.components(separatedBy: "### All notes")[1]
    #expect(notes.components(separatedBy: "| `duplicate-author` |").count - 1 == 100)
    #expect(notes.components(separatedBy: "| `note` |").count - 1 == 1)
    #expect(notes.contains("Only the first 100 notes of each kind are listed (101 of 121)"))
  }

  @Test func noFellowsMeansOneSentenceAndNoFellowTables() throws {
    let text = try Self.markdown()
    #expect(text.contains("This input names no program fellows"))
    #expect(!text.contains("Fellows and their collaborators"))
    #expect(!text.contains("fellows.svg"))
    #expect(text.contains("### Who bridges groups"))
  }

  /// PageRank on 130,000 people is about 0.00001: shown with 3 significant digits, not as 0.000.
  @Test func tinyScoresKeepThreeSignificantDigits() {
    #expect(ReportBuilder.number(0.0123) == "0.012")
    #expect(ReportBuilder.number(0.000302) == "0.000302")
    #expect(ReportBuilder.number(0.0000302) == "0.0000302")
    #expect(ReportBuilder.number(-0.000302) == "-0.000302")
    #expect(ReportBuilder.number(0.0005) == "0.001")  // rounds to a visible 0.001 already
    #expect(ReportBuilder.number(0) == "0")
  }
}
