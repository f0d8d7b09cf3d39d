/// Reads RIS files, as Zotero, EndNote, Mendeley, Scopus and Web of Science export them.
///
///     TY  - JOUR
///     AU  - Figueira, José Rui
///     AU  - Greco, Salvatore
///     TI  - ELECTRE-SCORE: A first outranking based method
///       for scoring actions                       ← a continuation line
///     PY  - 2022///
///     DA  - 2022/03/16/
///     KW  - ELECTRE methods
///     KW  - Scoring methods
///     DO  - 10.1016/j.ejor.2021.05.017
///     ER  -
///
/// A tag line is two characters (a capital letter, then a capital or a digit), two spaces, `-`
/// and a space (`ER  -` may end there). A record runs from `TY  - ` to `ER  - `. A line that is
/// not a tag line continues the value of the tag line above it (joined with a space). CRLF line
/// ends and a byte-order mark are fine; blank lines are skipped.
///
/// **Tags read** (others are ignored):
/// - `AU`, `A1`: authors, in order (`Last, First` → `First Last`, `Last, First, Jr.` →
///   `First Last Jr.`, see ``BibTeXNames``); `A2`/`A3` (editors, series editors) are not authors;
/// - `TI`, else `T1`: title;
/// - `PY`, else `Y1`: date `2020`, `2020///`, `2020/05/01/`, `2020/05//Spring`; `DA` adds the
///   month (and day) when it has the same year and more detail;
/// - `KW`: one tag per line;
/// - `AB`, else `N2`: abstract;
/// - `DO` (lower-cased, `https://doi.org/` dropped), else `ID`: ``Record/id``.
///
/// HTML character references (`Garc&iacute;a`, `&amp;`, `&#233;`) are decoded in every value;
/// reference-like text that is none is kept and noted.
///
/// Every record keeps the line of its `TY`. Records without an author or a title are skipped
/// with a diagnostic naming their line, and so is a date that cannot be read (the record is kept
/// without a date). Text outside records is skipped and reported.
///
/// Errors (``IngestError``, naming the file and line): a `TY` inside a record (the one before
/// lacks its `ER`), a record with no `ER` at the end of the file, and a tag line outside a
/// record (a record without its `TY`).
///
/// - Complexity: O(*b*) for *b* bytes.
public struct RISReader: Sendable {
  public init() {}

  public func read(_ file: TextFile) throws(IngestError) -> ReadResult {
    var records: [Record] = []
    var diagnostics: [Diagnostic] = []
    var skippedLines: [Int] = []
    // The open record: its TY line and its fields (tag, value, line) in order.
    var open: (line: Int, fields: [(tag: String, value: String, line: Int)])?
    var lastEnd: Int?
    var unknownReferences = UnknownReferences()

    for (index, raw) in file.lines.enumerated() {
      let number = index + 1
      guard let (tag, value) = Self.tagLine(raw) else {
        let text = raw.trimmingWhitespace
        if text.isEmpty { continue }
        if open != nil, let last = open!.fields.indices.last {
          open!.fields[last].value += " " + text
        } else {
          skippedLines.append(number)
        }
        continue
      }
      switch tag {
      case "TY":
        if let current = open {
          throw IngestError(
            file: file.path, line: number,
            reason: .invalidSyntax("a new record starts (TY) before the record of line \(current.line) ended (ER)"),
            text: raw)
        }
        open = (number, [])
      case "ER":
        guard let current = open else {
          throw IngestError(
            file: file.path, line: number, reason: .invalidSyntax("'ER' without a record (no 'TY' before it)"), text: raw)
        }
        if let record = Self.record(
          current.fields, at: SourceLocation(file: file.path, line: current.line), diagnostics: &diagnostics,
          unknownReferences: &unknownReferences)
        {
          records.append(record)
        }
        open = nil
        lastEnd = number
      default:
        guard open != nil else {
          let after = lastEnd.map { " since the 'ER' at line \($0)" } ?? ""
          throw IngestError(
            file: file.path, line: number,
            reason: .invalidSyntax("tag line '\(tag)' outside a record (no 'TY'\(after))"), text: raw)
        }
        open!.fields.append((tag, value, number))
      }
    }
    if let current = open {
      throw IngestError(
        file: file.path, line: current.line,
        reason: .truncatedEntry("the record starting here has no 'ER  - ' line before the end of the file"))
    }
    if !skippedLines.isEmpty {
      let shown = skippedLines.prefix(5).map(String.init).joined(separator: ", ")
      diagnostics.insert(
        Diagnostic(
          kind: .skippedText,
          message: "skipped \(skippedLines.count) line(s) of text outside records (lines \(shown)\(skippedLines.count > 5 ? ", …" : ""))",
          file: file.path, line: skippedLines[0]),
        at: 0)
    }
    return ReadResult(records: records, diagnostics: diagnostics + unknownReferences.diagnostics(file: file.path))
  }

  /// `("AU", "Smith, J.")` from `AU  - Smith, J.`; `nil` for any other line.
  static func tagLine(_ line: String) -> (String, String)? {
    let u = Array(line.utf8.prefix(6))
    guard u.count >= 5 else { return nil }
    func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    guard isUpper(u[0]), isUpper(u[1]) || isDigit(u[1]), u[2] == 0x20, u[3] == 0x20, u[4] == 0x2D else { return nil }
    if u.count == 5 { return (String(decoding: u[0 ..< 2], as: UTF8.self), "") }
    guard u[5] == 0x20 else { return nil }
    let value = String(decoding: line.utf8.dropFirst(6), as: UTF8.self)
    return (String(decoding: u[0 ..< 2], as: UTF8.self), value.trimmingWhitespace)
  }

  static func record(
    _ rawFields: [(tag: String, value: String, line: Int)], at: SourceLocation, diagnostics: inout [Diagnostic],
    unknownReferences: inout UnknownReferences
  ) -> Record? {
    // HTML character references decoded in every value (one name per AU line: nothing to cut).
    let fields = rawFields.map { field -> (tag: String, value: String, line: Int) in
      guard field.value.utf8.contains(UInt8(ascii: "&")) else { return field }
      let decoded = HTMLEntities.decode(field.value)
      unknownReferences.add(decoded.unknown, line: field.line)
      return (field.tag, decoded.items[0], field.line)
    }
    func first(_ tags: String...) -> (value: String, line: Int)? {
      for tag in tags {
        if let f = fields.first(where: { $0.tag == tag && !$0.value.isEmpty }) { return (f.value, f.line) }
      }
      return nil
    }
    let authorFields = fields.filter { ($0.tag == "AU" || $0.tag == "A1") && !$0.value.isEmpty }
    let authors = authorFields.map { NameNormalizer.normalize(BibTeXNames.displayOrder($0.value, suffixLast: true)) }.filter { !$0.isEmpty }
    let title = first("TI", "T1").map { NameNormalizer.normalize($0.value) } ?? ""
    if authors.isEmpty {
      diagnostics.append(Diagnostic(kind: .noAuthors, message: "skipped the record: no author (AU or A1)", at: at))
      return nil
    }
    if title.isEmpty {
      diagnostics.append(Diagnostic(kind: .note, message: "skipped the record: no title (TI or T1)", at: at))
      return nil
    }
    var date: PaperDate?
    if let year = first("PY", "Y1") {
      date = Self.date(year.value)
      if date == nil {
        diagnostics.append(
          Diagnostic(
            kind: .note, message: "cannot read date '\(year.value)'; the record is kept without a date", file: at.file,
            line: year.line))
      }
    }
    if let da = first("DA") {
      if let detailed = Self.date(da.value) {
        if date == nil || (date!.year == detailed.year && date!.month == nil) { date = detailed }
      } else if date == nil {
        diagnostics.append(
          Diagnostic(
            kind: .note, message: "cannot read date '\(da.value)'; the record is kept without a date", file: at.file,
            line: da.line))
      }
    }
    let tags = fields.filter { $0.tag == "KW" }.map { NameNormalizer.normalize($0.value) }.filter { !$0.isEmpty }
    let abstract = first("AB", "N2").map { NameNormalizer.normalize($0.value) }
    var id = first("ID").map { NameNormalizer.normalize($0.value) }
    if let doi = first("DO").map({ BibTeXReader.Builder.doi(NameNormalizer.normalize($0.value)) }), !doi.isEmpty { id = doi }
    return Record(
      title: title, authors: authors, date: date, tags: tags, abstract: abstract, source: at,
      authorsLine: authorFields.first?.line, id: id)
  }

  /// `2020`, `2020///`, `2020/05/01/`, `2020/05//Spring`, `2020-05-01`: year, then month and day
  /// when they are numbers in range.
  static func date(_ text: String) -> PaperDate? {
    let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "/" || $0 == "-" })
      .map { $0.trimmingWhitespace }
    guard let first = parts.first, first.count == 4, let year = Int(first), first.allSatisfy(\.isASCIIDigit) else {
      return nil
    }
    let month = parts.count > 1 ? Int(parts[1]).flatMap { (1 ... 12).contains($0) ? $0 : nil } : nil
    let day = month != nil && parts.count > 2 ? Int(parts[2]) : nil
    return DateParser.make(year: year, month: month, day: day) ?? PaperDate(year: year, month: month)
  }
}
