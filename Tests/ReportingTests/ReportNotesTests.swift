import Analysis
import Bibliography
import Networks
import Testing

@testable import Reporting

/// `coauthor report` lets the data-quality notes go once the analysis is done
/// (``CorpusAnalysis/compactNotes(perKind:)``: at a million papers they are 1.4 million strings);
/// the report must read exactly as it did with the notes.
@Suite("Report: compacted data-quality notes")
struct ReportNotesTests {
  @Test func compactedNotesGiveTheSameReport() throws {
    let full = try seedAnalysis()
    #expect(full.corpus.diagnostics.count > 0)
    var compact = full
    compact.compactNotes(perKind: ReportBuilder.notesPerKind)
    #expect(compact.corpus.diagnostics.isEmpty)
    #expect(compact.paperFilter.corpus.diagnostics.isEmpty)
    let summary = try #require(compact.noteSummary)
    #expect(summary.count == full.corpus.diagnostics.count)
    #expect(summary.entriesWithNotes == full.corpus.entriesWithNotes)
    let before = MarkdownReportWriter().write(ReportBuilder(context: seedContext).document(for: full))
    let after = MarkdownReportWriter().write(ReportBuilder(context: seedContext).document(for: compact))
    #expect(before == after)
    #expect(before.contains("Data-quality notes | \(full.corpus.diagnostics.count)"))
  }

  /// A smaller limit than the one kept trims the sample per kind (as the notes themselves would).
  @Test func smallerLimitTrimsTheSample() throws {
    let full = try seedAnalysis()
    var compact = full
    compact.compactNotes(perKind: 100)
    for limit in [1, 2, 100] {
      #expect(compact.notes(perKind: limit) == NoteSummary(full.corpus, perKind: limit), "\(limit)")
    }
    let perKind = full.corpus.diagnostics.limited(perKind: 1).counts
    #expect(compact.notes(perKind: 1).shown.count == perKind.count)
  }
}
