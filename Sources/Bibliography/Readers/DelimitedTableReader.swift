import Foundation

/// Reads paper tables: CSV (RFC 4180) or TSV, one paper a row, a header row naming the columns.
///
///     paper_id	year	venue	authors	keywords	title
///     iclr2018#0	2018	iclr	Ada Lovelace;Alan Turing	graphs;learning	On Engines
///
/// - **CSV**: fields separated by commas; a field may be quoted with `"`, and then holds commas,
///   line breaks and doubled quotes (`""` is one `"`), as RFC 4180 says.
/// - **TSV**: fields separated by tabs, no quoting (a tab or line break cannot occur in a field).
/// - The delimiter comes from ``delimiter`` or, when it is `nil`, from the name (`.csv` comma,
///   `.tsv`/`.tab` tab, also under `.gz`), else from the header (a tab means TSV).
/// - ``columns`` maps header names to paper fields; the defaults read the `papers.tsv` schema
///   (`paper_id`, `year`, `authors`, `keywords`, `title`) with no options. Authors, fellows and
///   tags are lists joined by ``listSeparator`` (`;` by default).
/// - Every paper keeps the line its row starts on. A row without a title is kept as
///   `(untitled <id>)` with a note (its authors still collaborated); rows with different
///   `paper_id`s are different papers even when their titles agree.
///
/// Errors name the file, the line and the column: a required column missing from the header, a
/// year or date that cannot be read, a row too short to hold a required column, an unterminated
/// quote (at the line where the field starts).
///
/// - Complexity: O(*b*) for *b* bytes; one `String` per cell read (cells of unmapped columns are
///   skipped).
public struct DelimitedTableReader: Sendable {
  public enum Delimiter: String, Sendable, CaseIterable {
    case tab, comma
    var byte: UInt8 { self == .tab ? 0x09 : 0x2C }
  }

  public var columns: TableColumns
  /// The separator inside authors, fellows and tags cells.
  public var listSeparator: Character
  /// `nil` detects it from the name or the header.
  public var delimiter: Delimiter?
  /// Threads that read a large TSV table's rows (stretches of at least 1 MiB each, joined in
  /// file order: the records and notes do not depend on it); 0 uses every active processor.
  public var threads: Int = 0

  public init(columns: TableColumns = TableColumns(), listSeparator: Character = ";", delimiter: Delimiter? = nil) {
    self.columns = columns
    self.listSeparator = listSeparator
    self.delimiter = delimiter
  }

  /// The delimiter a file's name or first line suggests.
  public static func detectDelimiter(path: String, text: String) -> Delimiter {
    var lower = path.lowercased()
    if lower.hasSuffix(".gz") { lower.removeLast(3) }
    if lower.hasSuffix(".csv") { return .comma }
    if lower.hasSuffix(".tsv") || lower.hasSuffix(".tab") { return .tab }
    let firstLine = text.utf8.prefix { $0 != 0x0A && $0 != 0x0D }
    return firstLine.contains(0x09) ? .tab : .comma
  }

  public func read(_ file: TextFile) throws(IngestError) -> ReadResult {
    let separator = (delimiter ?? Self.detectDelimiter(path: file.path, text: file.text))
    var text = file.text
    let path = file.path
    let outcome: Result<ReadResult, IngestError> = text.withUTF8 { buffer in
      do throws(IngestError) {
        return .success(try read(buffer, path: path, delimiter: separator))
      } catch {
        return .failure(error)
      }
    }
    return try outcome.get()
  }

  /// A cell: a byte range, and whether it holds doubled quotes to undo.
  private struct Cell {
    var start: Int
    var end: Int
    var escaped: Bool
  }

  /// What one stretch of rows gives: its records, notes, references that are none, and the list
  /// fields split somewhere in it.
  private struct Rows {
    var records: [Record] = []
    var diagnostics: [Diagnostic] = []
    var unknownReferences = UnknownReferences()
    var splitFields = Set<TableColumns.Field>()
  }

  /// Reads one row's cells starting at byte `i` (line `line`), moving both past its line end.
  private func scanRow(
    _ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ line: inout Int, into cells: inout [Cell], header: [String]?,
    path: String, delimiter: Delimiter
  ) throws(IngestError) {
    let quoting = delimiter == .comma
    let sep = delimiter.byte
    let n = bytes.count
    cells.removeAll(keepingCapacity: true)
    var atEnd = false
    while !atEnd {
      if quoting && i < n && bytes[i] == 0x22 {
        let openLine = line
        var j = i + 1
        var escaped = false
        while true {
          guard j < n else {
            let column = header.flatMap { cells.count < $0.count ? $0[cells.count] : nil }
            throw IngestError(
              file: path, line: openLine,
              reason: column.map { .invalidField(column: $0, "unterminated quoted field") }
                ?? .invalidField(column: "#\(cells.count + 1)", "unterminated quoted field"))
          }
          let b = bytes[j]
          if b == 0x22 {
            if j + 1 < n && bytes[j + 1] == 0x22 { escaped = true; j += 2; continue }
            break
          }
          if b == 0x0A || (b == 0x0D && !(j + 1 < n && bytes[j + 1] == 0x0A)) { line += 1 }
          j += 1
        }
        cells.append(Cell(start: i + 1, end: j, escaped: escaped))
        i = j + 1
        if i < n && bytes[i] != sep && bytes[i] != 0x0A && bytes[i] != 0x0D {
          let column = header.flatMap { cells.count <= $0.count ? $0[cells.count - 1] : nil } ?? "#\(cells.count)"
          throw IngestError(file: path, line: line, reason: .invalidField(column: column, "text after a closing quote"))
        }
      } else {
        let start = i
        while i < n && bytes[i] != sep && bytes[i] != 0x0A && bytes[i] != 0x0D { i += 1 }
        cells.append(Cell(start: start, end: i, escaped: false))
      }
      // After a cell: a delimiter, a line end or the end of the text.
      if i < n && bytes[i] == sep {
        i += 1
      } else {
        if i < n {
          i += (bytes[i] == 0x0D && i + 1 < n && bytes[i + 1] == 0x0A) ? 2 : 1
          line += 1
        }
        atEnd = true
      }
    }
  }

  private func read(_ bytes: UnsafeBufferPointer<UInt8>, path: String, delimiter: Delimiter) throws(IngestError)
    -> ReadResult
  {
    let n = bytes.count
    var i = 0
    var line = 1
    var header: [String]? = nil
    var indices: [TableColumns.Field: Int] = [:]
    var cells: [Cell] = []
    while i < n, header == nil {
      let recordLine = line
      try scanRow(bytes, &i, &line, into: &cells, header: nil, path: path, delimiter: delimiter)
      if cells.count == 1 && cells[0].start == cells[0].end { continue }  // blank line
      let names = cells.map { string($0, in: bytes).trimmingSpaces }
      header = names
      indices = try columns.resolve(header: names, file: path, line: recordLine)
    }
    guard let header else { throw IngestError(file: path, reason: .emptyFile) }
    // TSV rows end at every line end, so the rows can be cut into stretches at line ends and
    // read at the same time (CSV quotes may hold line ends: one stretch). Stretches are joined
    // in file order, so the result is the one a single pass gives.
    let parts = delimiter == .tab && n - i >= minimumBytesPerThread * 2
      ? min(resolvedThreads, (n - i) / minimumBytesPerThread) : 1
    var stretches: [(start: Int, end: Int, line: Int)] = []
    var start = i
    var startLine = line
    for k in 1 ..< max(parts, 1) {
      var cut = i + (n - i) * k / parts
      while cut < n && bytes[cut - 1] != 0x0A { cut += 1 }  // just after an LF: never inside a CRLF
      guard cut > start, cut < n else { continue }
      stretches.append((start, cut, startLine))
      startLine += Self.lineEnds(in: UnsafeBufferPointer(rebasing: bytes[start ..< cut]))
      start = cut
    }
    stretches.append((start, n, startLine))
    let base = UncheckedSendableBox(value: bytes)
    let outcomes = orderedParallelMap(stretches.count, threads: resolvedThreads) { k in
      Result { () throws(IngestError) -> Rows in
        try readRows(
          base.value, from: stretches[k].start, to: stretches[k].end, line: stretches[k].line, header: header,
          indices: indices, path: path, delimiter: delimiter)
      }
    }
    var rows = Rows()
    for outcome in outcomes {
      var part = try outcome.get()  // the first error in file order, as one pass would throw it
      if rows.records.isEmpty { swap(&rows.records, &part.records) } else { rows.records += part.records }
      rows.diagnostics += part.diagnostics
      rows.unknownReferences.merge(part.unknownReferences)
      rows.splitFields.formUnion(part.splitFields)
    }
    if rows.records.isEmpty { throw IngestError(file: path, line: 1, reason: .noPapers) }
    invertNames(in: &rows.records, fields: rows.splitFields, diagnostics: &rows.diagnostics)
    return ReadResult(records: rows.records, diagnostics: rows.diagnostics + rows.unknownReferences.diagnostics(file: path))
  }

  /// Below this many bytes of rows a table is read on one thread.
  var minimumBytesPerThread = 1 << 20

  /// The threads to read with: ``threads``, or the active processors when it is 0.
  var resolvedThreads: Int { threads > 0 ? threads : ProcessInfo.processInfo.activeProcessorCount }

  /// Line ends (LF, CRLF, lone CR) in `bytes`, counted as the row scanner counts them.
  static func lineEnds(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var count = 0
    var k = 0
    let n = bytes.count
    while k < n {
      let b = bytes[k]
      if b == 0x0A || (b == 0x0D && !(k + 1 < n && bytes[k + 1] == 0x0A)) { count += 1 }
      k += 1
    }
    return count
  }

  private func string(_ c: Cell, in bytes: UnsafeBufferPointer<UInt8>) -> String {
    let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[c.start ..< c.end]), as: UTF8.self)
    return c.escaped ? raw.replacing("\"\"", with: "\"") : raw
  }

  /// The records of the rows in `bytes[from ..< to]`, the first on line `line`.
  private func readRows(
    _ bytes: UnsafeBufferPointer<UInt8>, from: Int, to n: Int, line firstLine: Int, header columnNames: [String],
    indices: [TableColumns.Field: Int], path: String, delimiter: Delimiter
  ) throws(IngestError) -> Rows {
    let bytes = UnsafeBufferPointer(rebasing: bytes[0 ..< n])
    var i = from
    var line = firstLine
    var rows = Rows()
    var cells: [Cell] = []
    // Names and tags recur on many rows: one normalised string each.
    var interned = StringInterner(transform: NameNormalizer.normalize)

    func string(_ c: Cell) -> String { self.string(c, in: bytes) }
    // The column of each field, looked up once (not a dictionary lookup per cell).
    let columnOf = TableColumns.Field.allCases.map { indices[$0] }
    func columnIndex(_ field: TableColumns.Field) -> Int? {
      switch field {
      case .id: columnOf[0]
      case .title: columnOf[1]
      case .authors: columnOf[2]
      case .fellows: columnOf[3]
      case .year: columnOf[4]
      case .date: columnOf[5]
      case .tags: columnOf[6]
      case .abstract: columnOf[7]
      }
    }

    while i < n {
      // One record: cells up to an unquoted line end.
      let recordLine = line
      try scanRow(bytes, &i, &line, into: &cells, header: columnNames, path: path, delimiter: delimiter)
      if cells.count == 1 && cells[0].start == cells[0].end { continue }  // blank line
      func cell(_ field: TableColumns.Field) throws(IngestError) -> String? {
        guard let index = columnIndex(field) else { return nil }
        guard index < cells.count else {
          if columns.required.contains(field) {
            throw IngestError(
              file: path, line: recordLine,
              reason: .invalidField(
                column: columnNames[index], "missing: the row has \(cells.count) fields, the header \(columnNames.count)"))
          }
          return nil
        }
        return string(cells[index])
      }
      let at = SourceLocation(file: path, line: recordLine)
      let id = try cell(.id).map { $0.trimmingSpaces }.flatMap { $0.isEmpty ? nil : $0 }
      /// A text cell with its HTML character references decoded.
      func decoded(_ text: String?) -> String? {
        guard let text, text.utf8.contains(UInt8(ascii: "&")) else { return text }
        let out = HTMLEntities.decode(text)
        rows.unknownReferences.add(out.unknown, line: recordLine)
        return out.items[0]
      }
      var title = NameNormalizer.normalize(decoded(try cell(.title)) ?? "")
      if title.isEmpty {
        title = "(untitled \(id ?? "paper at line \(recordLine)"))"
        rows.diagnostics.append(Diagnostic(kind: .note, message: "row without a title, kept as '\(title)'", at: at))
      }
      var date: PaperDate?
      if let text = try cell(.date), !text.trimmingSpaces.isEmpty {
        guard let d = DateParser.parse(text) else {
          throw IngestError(
            file: path, line: recordLine, reason: .invalidField(column: columnNames[indices[.date]!], "cannot read date '\(text)'"),
            text: text)
        }
        date = d
      } else if let text = try cell(.year).map({ $0.trimmingSpaces }), !text.isEmpty {
        guard let year = Int(text), (1 ... 9999).contains(year) else {
          throw IngestError(
            file: path, line: recordLine, reason: .invalidField(column: columnNames[indices[.year]!], "cannot read year '\(text)'"),
            text: text)
        }
        date = PaperDate(year: year)
      }
      let abstract = decoded(try cell(.abstract)).map(NameNormalizer.normalize).flatMap { $0.isEmpty ? nil : $0 }
      // List cells: split on the separator byte without making the whole cell a String first
      // (unless it holds an `&`: character references are decoded as the cell is split).
      func items(_ field: TableColumns.Field) throws(IngestError) -> [String] {
        func slow(_ text: String?) -> [String] {
          let out = list(text)
          rows.unknownReferences.add(out.unknown, line: recordLine)
          if out.wasSplit { rows.splitFields.insert(field) }
          return out.items
        }
        guard let separator = listSeparator.asciiValue else { return slow(try cell(field)) }
        guard let index = columnIndex(field), index < cells.count else { return slow(try cell(field)) }
        let c = cells[index]
        if c.escaped || bytes[c.start ..< c.end].contains(UInt8(ascii: "&")) { return slow(string(c)) }
        var out: [String] = []
        var start = c.start
        var split = false
        defer { if split { rows.splitFields.insert(field) } }
        for k in c.start ... c.end where k == c.end || bytes[k] == separator {
          if k < c.end { split = true }
          if k > start {
            let name = interned.intern(UnsafeBufferPointer(rebasing: bytes[start ..< k]))
            if !name.isEmpty { out.append(name) }
          }
          start = k + 1
        }
        return out
      }
      rows.records.append(
        Record(
          title: title, authors: try items(.authors), fellows: try items(.fellows), date: date,
          tags: try items(.tags), abstract: abstract, source: at, id: id))
    }
    return rows
  }

  /// Reads names written family name first (`de la Cruz Pérez, Juan Carlos`) in natural order,
  /// in the authors and fellows columns that are lists split at a separator other than `,`
  /// (`fields`: the separator occurs in some cell of the column, so the file really writes lists
  /// that way and a comma inside an item cannot be between two people).
  ///
  /// Names ``InvertedName/read(_:)`` reads as inverted are left for the identity resolver, which
  /// inverts them everywhere and lists each as a merge (`coauthor names`). The others, which
  /// without knowing the separator could be two names (`Henriques de Gusmao, Ana Paula`), are
  /// inverted here with a `name-variant` note at their first row. In a column that is never split
  /// (one author per row, or a comma-separated list read with the default `;`), nothing changes.
  private func invertNames(in records: inout [Record], fields: Set<TableColumns.Field>, diagnostics: inout [Diagnostic]) {
    guard listSeparator != "," else { return }
    var seen: [String: String?] = [:]
    func natural(_ name: String, at: SourceLocation) -> String {
      guard name.utf8.contains(UInt8(ascii: ",")) else { return name }
      if let known = seen[name] { return known ?? name }
      var form: String? = nil
      if case .inverted = InvertedName.read(name) {
      } else if let natural = InvertedName.readUnambiguous(name) {
        form = natural
        diagnostics.append(
          Diagnostic(
            kind: .nameVariant,
            message: "'\(name)' written as '\(natural)' (family name first: the list is split at '\(listSeparator)', so its comma is not between two names)",
            at: at))
      }
      seen[name] = form
      return form ?? name
    }
    // Only lists holding a comma are rewritten (most hold none: no copy of them).
    func hasComma(_ names: [String]) -> Bool { names.contains { $0.utf8.contains(UInt8(ascii: ",")) } }
    let (authors, fellows) = (fields.contains(.authors), fields.contains(.fellows))
    for k in records.indices {
      if authors, hasComma(records[k].authors) { records[k].authors = records[k].authors.map { natural($0, at: records[k].source) } }
      if fellows, hasComma(records[k].fellows) { records[k].fellows = records[k].fellows.map { natural($0, at: records[k].source) } }
    }
  }

  /// The non-empty, normalised items of a list cell, character references decoded (a reference's
  /// `;` never splits an item), and the reference-like texts that are none.
  func list(_ cell: String?) -> HTMLEntities.Decoded {
    guard let cell, !cell.isEmpty else { return HTMLEntities.Decoded(items: [], unknown: []) }
    var out = HTMLEntities.decode(cell, separator: listSeparator)
    out.items = out.items.compactMap { item in
      let name = NameNormalizer.normalize(item)
      return name.isEmpty ? nil : name
    }
    return out
  }
}
