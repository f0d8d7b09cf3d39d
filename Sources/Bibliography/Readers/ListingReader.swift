import Foundation

/// Reads a research listing page saved as plain text, such as the MATS program's research page.
///
/// An entry is a title line, an optional abstract (paragraphs or bullets), optional topic tags
/// (short lines just before the fields), and labelled fields, each label on its own line with the
/// value on the next non-empty line, or inline after the colon:
///
///     Steering Language Models With Activation Engineering
///     Prompt engineering and finetuning aim to …
///     Safeguards
///     Interpretability
///     Authors:
///     Alexander Matt Turner, Lisa Thiergart, …
///     Fellows:
///     Lisa Thiergart, David Udell, Ulisse Mini
///     Date:
///     Aug 20, 2023
///
/// Accepted variations: fellows labelled `Fellows:`, `Alumni:`, `MATS Fellow(s):` or `Scholars:`,
/// before or after `Authors:`; dates like `Sep 15, 2023`, `March 10, 2026`, ISO, or no date;
/// no tags; bullet abstracts; no abstract; an empty author list; `Read more` links; page
/// preambles, section headers ("Featured Research", "All MATS Research") and FAQ trailers,
/// which are skipped and reported. Each record keeps the line of its title.
///
/// Anything it cannot make sense of (fields without a title, a title and abstract with no
/// `Authors:` field, a field with no value at the end of the file, an unreadable date) is an
/// ``IngestError`` naming the file, line and reason.
public struct ListingReader: Sendable {
  public init() {}

  enum Field: String { case authors = "Authors:", fellows = "Fellows:", date = "Date:" }

  /// Section headers on listing pages. A line equal to one of these (ignoring case) is not a paper.
  static let sectionHeaders: Set<String> = [
    "featured research", "all mats research", "all research", "research", "publications",
    "recent research", "latest research", "selected research", "featured", "papers", "more research",
    "frequently asked questions", "faq", "faqs",
  ]
  /// Headers after which nothing is a paper.
  static let trailerHeaders: Set<String> = ["frequently asked questions", "faq", "faqs"]

  struct Line {
    var number: Int
    var text: String
  }

  public func read(_ file: TextFile) throws(IngestError) -> ReadResult {
    let lines = file.lines.enumerated().compactMap { index, raw -> Line? in
      let text = NameNormalizer.normalize(raw)
      return text.isEmpty ? nil : Line(number: index + 1, text: text)
    }
    var diagnostics: [Diagnostic] = []
    var records: [Record] = []

    // 1. Split into body segments and field blocks.
    var i = 0
    var body: [Line] = []
    var segmentIndex = 0
    while i < lines.count {
      guard let (field, inline) = Self.label(lines[i].text) else {
        body.append(lines[i])
        i += 1
        continue
      }
      // A field block: labels and their values until a line that is neither.
      var fields: [Field: (value: String, line: Int)] = [:]
      let blockStart = lines[i].number
      var fieldOrderLine = blockStart
      while i < lines.count, let (f, inlineValue) = Self.label(lines[i].text) {
        let labelLine = lines[i].number
        var value = inlineValue ?? ""
        var valueLine = labelLine
        i += 1
        if inlineValue == nil || inlineValue!.isEmpty {
          if i < lines.count, Self.label(lines[i].text) == nil,
            !(i + 1 < lines.count && Self.label(lines[i + 1].text) == nil && !Self.isRunningText(lines[i].text)
              && Self.isRunningText(lines[i + 1].text))
          {
            // (A line followed by running text is the next entry's title: the label is empty.)
            value = lines[i].text
            valueLine = lines[i].number
            i += 1
          } else if i >= lines.count {
            throw IngestError(
              file: file.path, line: labelLine,
              reason: .truncatedEntry("'\(f.rawValue)' has no value at the end of the file"), text: lines[i - 1].text)
          }
        }
        if fields[f] != nil {
          throw IngestError(
            file: file.path, line: labelLine,
            reason: .truncatedEntry("'\(f.rawValue)' appears twice in one entry; is a title missing before it?"),
            text: value)
        }
        fields[f] = (value, valueLine)
        fieldOrderLine = valueLine
      }
      _ = field
      _ = inline
      _ = fieldOrderLine
      let record = try makeRecord(
        body: body, fields: fields, firstSegment: segmentIndex == 0, file: file.path, blockLine: blockStart,
        diagnostics: &diagnostics)
      records.append(record)
      body = []
      segmentIndex += 1
    }
    // 2. Whatever follows the last field block.
    try checkTrailer(body, file: file.path, diagnostics: &diagnostics)
    if records.isEmpty {
      throw IngestError(
        file: file.path, reason: .noPapers,
        text: "expected entries with a title and an 'Authors:' line")
    }
    return ReadResult(records: records, diagnostics: diagnostics)
  }

  /// Recognises a field label at the start of a line; returns the field and any inline value.
  static func label(_ text: String) -> (Field, String?)? {
    guard let colon = text.firstIndex(of: ":") else { return nil }
    let name = text[..<colon].lowercased().split(separator: " ").joined(separator: " ")
    let field: Field
    switch name {
    case "authors", "author", "authored by", "by":
      field = .authors
    case "fellows", "fellow", "alumni", "alumnus", "alumna", "mats fellow", "mats fellows", "mats scholar",
      "mats scholars", "scholars", "scholar", "mats alumni":
      field = .fellows
    case "date", "published", "date published":
      field = .date
    default:
      return nil
    }
    let rest = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    return (field, rest.isEmpty ? nil : rest)
  }

  func makeRecord(
    body: [Line], fields: [Field: (value: String, line: Int)], firstSegment: Bool, file: String, blockLine: Int,
    diagnostics: inout [Diagnostic]
  ) throws(IngestError) -> Record {
    var lines = body
    // Skip everything up to and including the last section header.
    if let h = lines.lastIndex(where: { Self.sectionHeaders.contains($0.text.lowercased()) }) {
      let skipped = lines[...h]
      diagnostics.append(
        Diagnostic(
          kind: .skippedText,
          message: "skipped \(skipped.count) line(s) of page text: " + skipped.map { "'\(Self.short($0.text))'" }.joined(separator: ", "),
          file: file, line: skipped.first!.number))
      lines.removeSubrange(...h)
    } else if firstSegment, let t = Self.preambleEnd(lines), t > 0 {
      let skipped = lines[..<t]
      diagnostics.append(
        Diagnostic(
          kind: .skippedText,
          message: "skipped \(skipped.count) line(s) of page preamble: " + skipped.map { "'\(Self.short($0.text))'" }.joined(separator: ", "),
          file: file, line: skipped.first!.number))
      lines.removeSubrange(..<t)
    }
    lines.removeAll { Self.isReadMore($0.text) }
    guard let titleLine = lines.first else {
      throw IngestError(
        file: file, line: blockLine, reason: .truncatedEntry("fields with no title before them"),
        text: fields.values.sorted { $0.line < $1.line }.first?.value)
    }
    guard let authors = fields[.authors] else {
      throw IngestError(
        file: file, line: titleLine.number, reason: .missingField("'Authors:' in the entry '\(Self.short(titleLine.text))'"),
        text: titleLine.text)
    }
    var rest = Array(lines.dropFirst())
    // A title-like line between two stretches of running text is another entry whose fields are
    // missing: report it rather than fold it into this entry's abstract.
    if rest.count >= 3 {
      for k in 1 ..< rest.count - 1
      where Self.isRunningText(rest[k - 1].text) && Self.isRunningText(rest[k + 1].text) && !Self.isParagraph(rest[k].text)
        && !rest[k].text.hasSuffix(":") && rest[k].text.split(separator: " ").count >= 3
      {
        throw IngestError(
          file: file, line: titleLine.number,
          reason: .truncatedEntry(
            "the entry '\(Self.short(titleLine.text))' has no 'Authors:' field before the next entry '\(Self.short(rest[k].text))' at line \(rest[k].number)"),
          text: titleLine.text)
      }
    }
    var tags: [String] = []
    while let last = rest.last, Self.isTagLike(last.text) {
      tags.insert(last.text, at: 0)
      rest.removeLast()
    }
    let abstract = rest.isEmpty ? nil : rest.map(\.text).joined(separator: "\n")
    var date: PaperDate?
    if let d = fields[.date], !d.value.isEmpty {
      guard let parsed = DateParser.parse(d.value) else {
        throw IngestError(file: file, line: d.line, reason: .invalidDate(d.value), text: d.value)
      }
      date = parsed
    }
    return Record(
      title: titleLine.text,
      authors: Self.splitNames(authors.value),
      fellows: fields[.fellows].map { Self.splitNames($0.value) } ?? [],
      date: date, tags: tags, abstract: abstract,
      source: SourceLocation(file: file, line: titleLine.number),
      authorsLine: authors.line, fellowsLine: fields[.fellows]?.line)
  }

  /// After the last entry: FAQ trailers and page footers are skipped; a title with an abstract
  /// and no fields is a truncated entry.
  func checkTrailer(_ lines: [Line], file: String, diagnostics: inout [Diagnostic]) throws(IngestError) {
    guard !lines.isEmpty else { return }
    let headerIndex = lines.firstIndex { Self.sectionHeaders.contains($0.text.lowercased()) }
    let beforeHeader = lines[..<(headerIndex ?? lines.count)]
    if let first = beforeHeader.first {
      let looksLikeEntry =
        beforeHeader.contains { Self.isReadMore($0.text) }
        || (beforeHeader.count >= 2 && !Self.isParagraph(first.text) && Self.isParagraph(beforeHeader[beforeHeader.startIndex + 1].text))
      if looksLikeEntry {
        throw IngestError(
          file: file, line: first.number,
          reason: .truncatedEntry("the entry '\(Self.short(first.text))' ends without an 'Authors:' field"),
          text: first.text)
      }
    }
    diagnostics.append(
      Diagnostic(
        kind: .skippedText,
        message: "skipped \(lines.count) line(s) after the last entry: " + lines.prefix(3).map { "'\(Self.short($0.text))'" }.joined(separator: ", ")
          + (lines.count > 3 ? ", …" : ""),
        file: file, line: lines[0].number))
  }

  /// In a first segment without section headers: where the preamble ends, i.e. the index of the
  /// title, found as the last short line that follows a paragraph and precedes one.
  static func preambleEnd(_ lines: [Line]) -> Int? {
    var best: Int?
    for i in 1 ..< max(1, lines.count - 1)
    where !isParagraph(lines[i].text) && isParagraph(lines[i - 1].text) && isParagraph(lines[i + 1].text)
      && !isBullet(lines[i - 1].text)
    {
      best = i
    }
    return best
  }

  static func isReadMore(_ text: String) -> Bool {
    let t = text.lowercased().trimmingCharacters(in: .whitespaces)
    return t == "read more" || t == "read more →" || t == "read more ›" || t == "read more..." || t == "read more »"
      || t == "learn more"
  }

  static func isBullet(_ text: String) -> Bool {
    guard let first = text.first else { return false }
    return "•◦▪‣-*–·".contains(first)
  }

  /// A line of running text: long, or ending like a sentence, or a bullet.
  static func isParagraph(_ text: String) -> Bool {
    isBullet(text) || text.count >= 120 || text.hasSuffix(".") || text.hasSuffix("?") || text.hasSuffix("!")
  }

  /// Running text for sure: a bullet or a long line (titles are shorter).
  static func isRunningText(_ text: String) -> Bool { isBullet(text) || text.count >= 120 }

  /// A topic tag: a short phrase, not a sentence, not a bullet.
  static func isTagLike(_ text: String) -> Bool {
    guard text.count <= 60, !isBullet(text), !isReadMore(text), let first = text.first,
      first.isUppercase || first.isNumber
    else { return false }
    if let last = text.last, ".:;?!,".contains(last) { return false }
    return text.split(separator: " ").count <= 6
  }

  /// Splits a name list on commas and semicolons (not inside parentheses), dropping a
  /// leading `and` / `&` from the last name and empty items.
  public static func splitNames(_ text: String) -> [String] {
    var names: [String] = []
    var current = ""
    var depth = 0
    for ch in text {
      switch ch {
      case "(", "[": depth += 1; current.append(ch)
      case ")", "]": depth = max(0, depth - 1); current.append(ch)
      case "," where depth == 0, ";" where depth == 0:
        names.append(current)
        current = ""
      default: current.append(ch)
      }
    }
    names.append(current)
    var result: [String] = []
    for raw in names {
      var name = NameNormalizer.normalize(raw)
      for prefix in ["and ", "& "] where name.lowercased().hasPrefix(prefix) {
        name = String(name.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
      }
      // "A and B" inside one comma item (two-author lists).
      let parts = name.components(separatedBy: " and ")
      for part in parts {
        let p = NameNormalizer.normalize(part)
        if !p.isEmpty { result.append(p) }
      }
    }
    return result
  }

  static func short(_ text: String) -> String { text.count > 60 ? String(text.prefix(57)) + "…" : text }
}
