import Bibliography
import Networks
import TermExtraction

extension Pipeline {
  /// The terms of `corpus` (the papers kept), when the terms graph or term labels are asked for.
  /// The alias file's `term-merge`/`term-drop` rules (``Corpus/termRules``) join ``terms``'s
  /// thesaurus.
  /// - Throws: ``PipelineError/noTermText(_:)`` for a terms graph without any title or abstract words.
  func extractTerms(_ corpus: Corpus) throws -> TermMap? {
    guard graphs.contains(.terms) || labelsCommunitiesWithTerms else { return nil }
    var settings = terms
    let fromFile = TermThesaurus(AliasFile(entries: corpus.termRules))
    settings.thesaurus.merges += fromFile.merges
    settings.thesaurus.drops += fromFile.drops
    let map = TermExtractor(settings: settings).extract(corpus: corpus)
    if map.summary.textsWithWords == 0 && graphs.contains(.terms) {
      if skipsTermsWithoutText { return nil }
      let files = corpus.reads.map(\.file)
      let named = files.isEmpty ? "the input" : files.count <= 3 ? files.joined(separator: ", ") : files.prefix(3).joined(separator: ", ") + " and \(files.count - 3) more"
      if map.summary.nonLatinWords > 0 { throw PipelineError.onlyNonLatinTermText(named, words: map.summary.nonLatinWords) }
      throw PipelineError.noTermText(named)
    }
    return map
  }
}

extension AnalysisResult {
  /// Sentences on the term extraction: what it kept, non-Latin words left out, unusable
  /// thesaurus rules. Empty when no terms were extracted.
  public var termNotes: [String] {
    guard let map = termMap else { return [] }
    var notes = ["terms: " + map.description]
    let s = map.summary
    if s.nonLatinWords > 0 {
      notes.append("terms: \(s.nonLatinWords) words in a non-Latin script (in \(s.textsWithNonLatin) \(s.textsWithNonLatin == 1 ? "paper" : "papers")) are not made into terms; terms are taken from Latin-script words only")
    }
    if s.merged > 0 || s.dropped > 0 { notes.append("terms: the thesaurus merged \(s.merged) and dropped \(s.dropped) terms") }
    notes += s.unusableRules.map { "terms: " + $0 }
    return notes
  }
}

extension LoadedInput {
  /// Whether some paper has a title or an abstract with a letter in it (terms can be taken from it).
  public var hasTermText: Bool {
    guard case .corpus(let corpus) = self else { return false }
    return corpus.papers.contains { paper in
      paper.title.unicodeScalars.contains { $0.properties.isAlphabetic }
        || (paper.abstract ?? "").unicodeScalars.contains { $0.properties.isAlphabetic }
    }
  }
}
