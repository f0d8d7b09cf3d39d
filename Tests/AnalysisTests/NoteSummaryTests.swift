import Bibliography
import Testing

@testable import Analysis

/// ``NoteSummary``'s count of entries with notes is ``Corpus/entriesWithNotes`` without a hash
/// per paper and per note: both must agree on every case of the rule.
@Suite("NoteSummary: entries with notes")
struct NoteSummaryTests {
  static func paper(_ file: String, _ line: Int, merged: [Bibliography.SourceLocation] = []) -> Paper {
    Paper(title: "\(file) \(line)", authors: ["A"], source: Bibliography.SourceLocation(file: file, line: line), mergedSources: merged)
  }

  static func note(_ kind: Diagnostic.Kind, _ file: String?, _ line: Int?) -> Diagnostic {
    Diagnostic(kind: kind, message: "m", file: file, line: line)
  }

  /// Two files read alternately, a merged source in the other file, two entries starting on the
  /// same line, notes before the first entry, on an entry's first line, between entries, past the
  /// last, `skipped-text` notes, notes of a file with no entries and notes without a line.
  @Test func agreesWithTheCorpusRule() {
    let papers = [
      Self.paper("a.txt", 10), Self.paper("a.txt", 20, merged: [Bibliography.SourceLocation(file: "b.txt", line: 7)]),
      Self.paper("b.txt", 1), Self.paper("a.txt", 30), Self.paper("b.txt", 7), Self.paper("a.txt", 5),
    ]
    let diagnostics = [
      Self.note(.duplicateMerged, "a.txt", 3),  // before a.txt's first entry (5): no entry
      Self.note(.duplicateMerged, "a.txt", 5),  // entry a:5
      Self.note(.duplicateMerged, "a.txt", 12),  // entry a:10
      Self.note(.duplicateMerged, "a.txt", 14),  // entry a:10 again
      Self.note(.skippedText, "a.txt", 25),  // skipped text: not counted (would be a:20)
      Self.note(.duplicateMerged, "b.txt", 8),  // entry b:7 (two entries start there: one)
      Self.note(.duplicateMerged, "b.txt", 7),  // b:7 again
      Self.note(.duplicateMerged, "a.txt", 99),  // past the last: entry a:30
      Self.note(.duplicateMerged, "c.txt", 1),  // no entries in c.txt
      Self.note(.duplicateMerged, "a.txt", nil),  // no line
      Self.note(.duplicateMerged, nil, nil),  // no file
      Self.note(.duplicateMerged, "b.txt", 2),  // entry b:1
    ]
    let corpus = Corpus(entryCount: 6, papers: papers, diagnostics: diagnostics)
    #expect(corpus.entriesWithNotes == 5)  // a:5, a:10, a:30, b:1, b:7
    #expect(NoteSummary.entriesWithNotes(corpus) == 5)
    #expect(NoteSummary(corpus, perKind: 2).entriesWithNotes == 5)
    #expect(NoteSummary(corpus, perKind: 2).count == 12)
    #expect(NoteSummary(corpus, perKind: 2).shown.count == 3)  // two duplicate-merged, one skipped-text
    #expect(NoteSummary(corpus, perKind: 2).counts == [.duplicateMerged: 11, .skippedText: 1])
    #expect(NoteSummary.entriesWithNotes(Corpus(entryCount: 0, papers: [], diagnostics: diagnostics)) == 0)
  }
}
