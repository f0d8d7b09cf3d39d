import Analysis
import Bibliography
import Foundation
import GraphAlgorithms
import Networks
import Testing

@testable import Reporting

/// The report's data-quality notes are a value of their own (``CorpusAnalysis/notes``), taken
/// from the pipeline's corpus; the analysis lets the notes themselves go (at a million papers
/// they are 1.4 million strings), so nothing may read them from its corpus.
@Suite("Report: data-quality notes summarised")
struct ReportNotesTests {
  /// The seed listing's pipeline result, notes and all.
  func seedResult() throws -> AnalysisResult {
    let corpus = try CorpusLoader(aliasPath: repository.appendingPathComponent("Examples/mats-aliases.tsv").path)
      .load([repository.appendingPathComponent("Examples/mats-research.txt").path])
    var pipeline = Pipeline(graphs: CorpusAnalysis.standardKinds, filter: NetworkFilter(), metrics: Metric.allCases)
    pipeline.communities = CommunityMethod()
    return try pipeline.run(on: .corpus(corpus))
  }

  @Test func notesAreSummarisedAndLetGo() throws {
    let result = try seedResult()
    let diagnostics = result.corpus.diagnostics
    #expect(diagnostics.count == 9)
    let analysis = try CorpusAnalysis(result)
    #expect(analysis.corpus.diagnostics.isEmpty)
    #expect(analysis.paperFilter.corpus.diagnostics.isEmpty)
    #expect(analysis.notes.count == 9)
    #expect(analysis.notes.perKind == ReportBuilder.notesPerKind)
    #expect(analysis.notes.shown == diagnostics)
    #expect(analysis.notes.entriesWithNotes == result.corpus.entriesWithNotes)
    #expect(analysis.notes.counts == diagnostics.limited(perKind: 1).counts)
    let markdown = MarkdownReportWriter().write(ReportBuilder(context: seedContext).document(for: analysis))
    #expect(markdown.contains("Data-quality notes | 9 |"))
    let rows = markdown.components(separatedBy: "\n").filter { $0.hasPrefix("| `") }
    #expect(rows.count == 9)
    #expect(!markdown.contains("Only the first"))
  }

  /// A pipeline asked to summarise the notes (the report's) lets them go before the networks are
  /// built: its result holds the summary and no notes, and the report's analysis of it is the
  /// same as of a run that kept them.
  @Test func thePipelineSummarisesTheNotesWhenAsked() throws {
    let kept = try seedResult()
    let corpus = try CorpusLoader(aliasPath: repository.appendingPathComponent("Examples/mats-aliases.tsv").path)
      .load([repository.appendingPathComponent("Examples/mats-research.txt").path])
    var pipeline = Pipeline(graphs: CorpusAnalysis.standardKinds, filter: NetworkFilter(), metrics: Metric.allCases)
    pipeline.communities = CommunityMethod()
    pipeline.notesPerKind = 2
    let summarised = try pipeline.run(on: .corpus(corpus))
    #expect(summarised.corpus.diagnostics.isEmpty)
    #expect(summarised.paperFilter?.corpus.diagnostics.isEmpty == true)
    #expect(summarised.corpus.papers == kept.corpus.papers)
    #expect(summarised.notes == NoteSummary(kept.corpus, perKind: 2))
    #expect(summarised.notes?.count == 9)
    #expect(kept.notes == nil)
    // The report's view: at most 2 of each kind either way, and 1 when it asks for fewer.
    #expect(try CorpusAnalysis(summarised).notes == CorpusAnalysis(kept, notesPerKind: 2).notes)
    #expect(try CorpusAnalysis(summarised, notesPerKind: 1).notes == CorpusAnalysis(kept, notesPerKind: 1).notes)
    #expect(try CorpusAnalysis(summarised, notesPerKind: 1).notes.shown.count == kept.corpus.diagnostics.limited(perKind: 1).counts.count)
  }

  /// With one note of each kind kept, the report lists one of each and says how many there are.
  @Test func aSmallLimitListsTheFirstOfEachKind() throws {
    let result = try seedResult()
    let kinds = result.corpus.diagnostics.limited(perKind: 1).counts
    let analysis = try CorpusAnalysis(result, notesPerKind: 1)
    #expect(analysis.notes.count == 9)
    #expect(analysis.notes.shown.count == kinds.count)
    #expect(analysis.notes.shown == result.corpus.diagnostics.limited(perKind: 1).shown)
    for limit in [1, 2, 100] {
      #expect(try CorpusAnalysis(result).notes(perKind: limit) == NoteSummary(result.corpus, perKind: limit), "\(limit)")
    }
  }
}
