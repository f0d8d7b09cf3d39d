/// Per-paper pages (``ListingLayout/paperPage`` and ``ListingLayout/oldPaperPage``).
///
/// New style (the title may be missing):
///
///     Probing Honest Answers
///     MATS Fellow:
///     Ada Lovelace
///     Authors:
///     Ada Lovelace, Charles Babbage
///     12 Citations
///     Abstract:
///     We probe models for honest answers.
///     Recent research
///     Another Paper
///     Authors:
///     Fellow: Ada Lovelace
///     Date:
///     Oct 9, 2024
///     Citations:
///     3
///
/// Old style: the same with labels alone on a line and no colon: `MATS Alumnus` (the fellows),
/// `Collabortators` (the authors; fellows the fellow matcher does not find among them are put first), `Citations`
/// and the count on the next line, `Abstract`.
///
/// The footer's papers are other entries: they are returned as ``ReadResult/references``, never
/// as papers, and only date a paper of the same title.
extension ListingReader {
  func readPage(_ lines: [Line], file: String, layout: ListingLayout) throws(IngestError) -> ReadResult {
    var diagnostics: [Diagnostic] = []
    let footerIndex = lines.firstIndex { $0.text.lowercased() == ListingLayout.footerHeader } ?? lines.count
    let main = Array(lines[..<footerIndex])
    guard let firstLabel = main.firstIndex(where: { Self.label($0.text, page: true) != nil }) else {
      throw IngestError(file: file, reason: .noPapers, text: "expected a page with 'Authors:' and 'Abstract:' lines")
    }
    // Before the first label: the title is the last line that is neither a section header nor a
    // `Read more` link; the lines before it are page text.
    let heading = main[..<firstLabel]
    let titleIndex = heading.lastIndex {
      !Self.sectionHeaders.contains($0.text.lowercased()) && !Self.isReadMore($0.text) && !Self.isNavigation($0.text)
    }
    let skipped = heading.filter { $0.number != titleIndex.map { main[$0].number } }
    if !skipped.isEmpty {
      diagnostics.append(
        Diagnostic(
          kind: .skippedText,
          message: "skipped \(skipped.count) line(s) of page text: " + skipped.map { "'\(Self.short($0.text))'" }.joined(separator: ", "),
          file: file, line: skipped[0].number))
    }

    // The fields, in any order.
    var fields: [Field: (value: String, line: Int)] = [:]
    var stray: [Line] = []
    var i = firstLabel
    while i < main.count {
      if let skip = Self.unknownLabel(main, at: i, page: true, file: file, diagnostics: &diagnostics) {
        i += skip
        continue
      }
      guard let (field, inline) = Self.label(main[i].text, page: true) else {
        stray.append(main[i])
        i += 1
        continue
      }
      let labelLine = main[i].number
      var value = inline ?? ""
      var valueLine = labelLine
      i += 1
      switch field {
      case .abstract:
        // Every line up to the next label.
        var paragraphs = inline.map { [$0] } ?? []
        while i < main.count, Self.label(main[i].text, page: true) == nil {
          if paragraphs.isEmpty { valueLine = main[i].number }
          paragraphs.append(main[i].text)
          i += 1
        }
        value = paragraphs.joined(separator: "\n")
      case .citations:
        if inline == nil, i < main.count, Self.citationCount(main[i].text) != nil {
          value = main[i].text
          valueLine = main[i].number
          i += 1
        }
      case .authors, .fellows, .date:
        if inline == nil, i < main.count, Self.label(main[i].text, page: true) == nil, !Self.isLabelWord(main[i].text) {
          value = main[i].text
          valueLine = main[i].number
          i += 1
          // Names may stand one a line (as the page shows linked names) up to the next label.
          while field != .date, i < main.count, Self.label(main[i].text, page: true) == nil,
            !Self.isLabelWord(main[i].text), Self.isNameLine(main[i].text)
          {
            value += ", " + main[i].text
            i += 1
          }
        }
      }
      if fields[field] != nil {
        throw IngestError(
          file: file, line: labelLine,
          reason: .truncatedEntry("'\(field.rawValue)' appears twice on a page about one paper; is it a listing?"), text: value)
      }
      fields[field] = (value, valueLine)
    }
    if !stray.isEmpty {
      diagnostics.append(
        Diagnostic(
          kind: .skippedText,
          message: "skipped \(stray.count) line(s) of page text between the fields: "
            + stray.prefix(3).map { "'\(Self.short($0.text))'" }.joined(separator: ", ") + (stray.count > 3 ? ", …" : ""),
          file: file, line: stray[0].number))
    }

    let titleLine = titleIndex.map { main[$0] }
    let source = SourceLocation(file: file, line: titleLine?.number ?? main[firstLabel].number)
    let title = titleLine?.text ?? Self.untitledPlaceholder(file)
    if let titleLine, let suspicion = Self.titleSuspicion(titleLine.text) {
      diagnostics.append(Diagnostic(kind: .suspiciousTitle, message: suspicion, file: file, line: titleLine.number))
    }
    let fellows = fields[.fellows].map { Self.splitNames($0.value) } ?? []
    var authors = fields[.authors].map { Self.splitNames($0.value) } ?? []
    if layout == .oldPaperPage {
      // `Collabortators` lists the authors, on some pages without the fellows (none at all for a
      // fellow's own paper): a fellow whom the fellow matcher finds among them under any spelling
      // (`Jessica Cooper (Rumbelow)` ↔ `Jessica Cooper`) is that author; the others come first.
      let matches = IdentityResolver.matchFellows(fellows, among: authors)
      authors = zip(fellows, matches).filter { $0.1 == .none }.map(\.0) + authors
    }
    let authorsLine = fields[.authors]?.line ?? source.line
    Self.fellowsForMissingAuthors(
      &authors, fellows: fellows, title: title, at: SourceLocation(file: file, line: authorsLine), diagnostics: &diagnostics)
    let abstract = fields[.abstract].flatMap { $0.value.isEmpty ? nil : $0.value }
    let record = Record(
      title: title, authors: authors, fellows: fellows, date: try Self.date(fields[.date], file: file), abstract: abstract,
      source: source, authorsLine: authorsLine, fellowsLine: fields[.fellows]?.line,
      citations: Self.citations(fields[.citations], file: file, diagnostics: &diagnostics), titleMissing: titleLine == nil)

    // The footer: other papers, read as a listing, kept only as references.
    var references: [Record] = []
    let footer = Array(lines[min(footerIndex + 1, lines.count)...])
    if !footer.isEmpty {
      do {
        let read = try readListing(footer, file: file, reference: true, namesPerLine: true)
        references = read.records
        diagnostics += read.diagnostics
      } catch {
        diagnostics.append(
          Diagnostic(
            kind: .note, message: "cannot read the 'Recent research' footer, so it dates no paper: \(error.reason)",
            file: file, line: error.line ?? lines[footerIndex].number))
      }
    }
    return ReadResult(
      records: [record], diagnostics: diagnostics, references: references,
      reads: [FileRead(file: file, layout: layout.description, entries: 1)])
  }

  /// The title given to a page without one until an entry read with it names it.
  static func untitledPlaceholder(_ file: String) -> String { "[untitled page: \(file)]" }

  /// Names records read without a title (``Record/titleMissing``, per-paper pages without a
  /// heading) after the one titled entry among `results` with the same abstract (words compared
  /// ignoring case), else the same authors (as a set of name keys); otherwise the placeholder
  /// title stays. Each case is an `untitled-entry` note naming the page's file and line, and the
  /// entry it was named after. Entries are searched in the order given (sorted by file path in
  /// ``CorpusLoader``), so the result does not depend on the order of the inputs.
  public static func nameUntitledPages(_ results: inout [ReadResult]) -> [Diagnostic] {
    guard results.contains(where: { $0.records.contains(where: \.titleMissing) }) else { return [] }
    let titled = results.flatMap(\.records).filter { !$0.titleMissing }
    func words(_ text: String?) -> String? {
      guard let text else { return nil }
      let w = text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
      return w.isEmpty ? nil : w
    }
    func authorKeys(_ record: Record) -> Set<String> { Set(record.authors.map(NameNormalizer.key)) }
    /// The one title among `candidates` (by normalised title), or all of them when they differ.
    func distinct(_ candidates: [Record]) -> [Record] {
      var seen = Set<String>()
      return candidates.filter { seen.insert(NameNormalizer.titleKey($0.title)).inserted }
    }
    var diagnostics: [Diagnostic] = []
    for r in results.indices {
      for k in results[r].records.indices where results[r].records[k].titleMissing {
        let page = results[r].records[k]
        var found: [Record] = []
        var evidence = ""
        if let abstract = words(page.abstract) {
          found = distinct(titled.filter { words($0.abstract) == abstract })
          evidence = "the same abstract"
        }
        if found.isEmpty, !page.authors.isEmpty {
          let keys = authorKeys(page)
          found = distinct(titled.filter { authorKeys($0) == keys })
          evidence = "the same authors"
        }
        let message: String
        if found.count == 1 {
          results[r].records[k].title = found[0].title
          results[r].records[k].titleMissing = false
          message = "the page has no title; named '\(found[0].title)' after the entry with \(evidence) at \(found[0].source)"
        } else if found.count > 1 {
          message = "the page has no title, and entries with \(evidence) have different titles ("
            + found.prefix(3).map { "'\(short($0.title))' at \($0.source)" }.joined(separator: ", ")
            + "); it is listed as '\(page.title)'"
        } else {
          message = "the page has no title, and no entry read with it has the same abstract or authors; it is listed as '\(page.title)'"
        }
        diagnostics.append(Diagnostic(kind: .untitledEntry, message: message, at: page.source))
      }
    }
    return diagnostics
  }
}
