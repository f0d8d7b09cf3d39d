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
/// before or after `Authors:`; dates like `Sep 15, 2023`, `Oct 9, 2024`, `March 10, 2026`, ISO,
/// or no date; no tags; bullet abstracts; no abstract; an empty author list (the fellows are then
/// the authors, with a `no-authors` note); `Read more` links; page preambles, section headers
/// ("Featured Research", "All MATS Research") and FAQ trailers, which are skipped and reported.
/// Each record keeps the line of its title.
///
/// The site's later layouts are read too (see ``ListingLayout``, which tells them apart in one
/// place): the newer listing, whose entries end with `Citations:` and the count (read into
/// ``Record/citations``), and per-paper pages, new and old style (see `ListingReader+Page.swift`).
///
/// Anything it cannot make sense of (fields without a title, a title and abstract with no
/// `Authors:` field, a field with no value at the end of the file, an unreadable date) is an
/// ``IngestError`` naming the file, line and reason. What it reads but doubts is a
/// ``Diagnostic``: a line that looks like a label but is unknown (`unknown-label`), a title that
/// is a number or a label word (`suspicious-title`), more than 50 authors (`long-author-list`),
/// a listing whose entries mostly lack authors (`suspicious-layout`).
public struct ListingReader: Sendable {
  public init() {}

  enum Field: String {
    case authors = "Authors:", fellows = "Fellows:", date = "Date:", citations = "Citations:", abstract = "Abstract:"
  }

  /// Section headers on listing pages. A line equal to one of these (ignoring case) is not a paper.
  static let sectionHeaders: Set<String> = [
    "featured research", "all mats research", "all research", "research", "publications",
    "recent research", "latest research", "selected research", "featured", "papers", "more research",
    "frequently asked questions", "faq", "faqs",
  ]
  /// Headers after which nothing is a paper.
  static let trailerHeaders: Set<String> = ["frequently asked questions", "faq", "faqs"]

  /// Authors lists longer than this in a listing are reported (`long-author-list`).
  public static let longAuthorList = 50

  struct Line {
    var number: Int
    var text: String
  }

  public func read(_ file: TextFile) throws(IngestError) -> ReadResult {
    let lines = file.lines.enumerated().compactMap { index, raw -> Line? in
      let text = NameNormalizer.normalize(raw)
      return text.isEmpty ? nil : Line(number: index + 1, text: text)
    }
    let layout = ListingLayout.detect(lines.map(\.text))
    if layout.isPaperPage { return try readPage(lines, file: file.path, layout: layout) }
    let listing = try readListing(lines, file: file.path, reference: false, namesPerLine: layout == .newerListing)
    var diagnostics = listing.diagnostics
    if listing.records.isEmpty {
      throw IngestError(
        file: file.path, reason: .noPapers,
        text: "expected entries with a title and an 'Authors:' line")
    }
    let records = listing.records
    if records.count >= 3, listing.withoutAuthors * 2 > records.count {
      diagnostics.append(
        Diagnostic(
          kind: .suspiciousLayout,
          message: "\(listing.withoutAuthors) of \(records.count) entries have no authors: is the page in a layout Coauthor does not know? (read as \(layout))",
          file: file.path, line: records[0].source.line))
    }
    return ReadResult(
      records: records, diagnostics: diagnostics,
      reads: [FileRead(file: file.path, layout: layout.description, entries: records.count)])
  }

  /// Reads listing entries (either listing layout; the fields tell them apart). With `reference`
  /// (a page footer), entries may lack `Authors:` and only label notes are kept. With
  /// `namesPerLine` (the newer listing and page footers, whose entries end with a citations
  /// label), an `Authors:` or fellows value may go on over further lines of names (one name a
  /// line, as a page shows linked names) when the next label after them is another field of the
  /// same entry (`Alumni:`, `Date:`, `Citations`); in the bundled layout a line after the value
  /// may be the next entry's title, so the value is one line there.
  func readListing(
    _ lines: [Line], file: String, reference: Bool, namesPerLine: Bool
  ) throws(IngestError) -> (records: [Record], diagnostics: [Diagnostic], withoutAuthors: Int) {
    var diagnostics: [Diagnostic] = []
    var records: [Record] = []
    var withoutAuthors = 0

    // Body segments (title, abstract, tags) each followed by a block of fields.
    var i = 0
    var body: [Line] = []
    var fields: [Field: (value: String, line: Int)] = [:]
    var blockStart = 0
    var segmentIndex = 0
    func finishEntry() throws(IngestError) {
      let (record, noAuthors) = try makeRecord(
        body: body, fields: fields, firstSegment: segmentIndex == 0, file: file, blockLine: blockStart,
        reference: reference, diagnostics: &diagnostics)
      records.append(record)
      if noAuthors { withoutAuthors += 1 }
      body = []
      fields = [:]
      segmentIndex += 1
    }
    while i < lines.count {
      if let skip = Self.unknownLabel(lines, at: i, page: false, file: file, diagnostics: &diagnostics) {
        i += skip
        continue
      }
      guard let (f, inlineValue) = Self.label(lines[i].text, page: false) else {
        if !fields.isEmpty { try finishEntry() }
        body.append(lines[i])
        i += 1
        continue
      }
      // A field: the value inline after the colon, or on the next line.
      let labelLine = lines[i].number
      if fields.isEmpty { blockStart = labelLine }
      var value = inlineValue ?? ""
      var valueLine = labelLine
      i += 1
      if inlineValue == nil {
        if f == .citations {
          // The count, if the next line is one; a bare `Citations` has none.
          if i < lines.count, Self.citationCount(lines[i].text) != nil {
            value = lines[i].text
            valueLine = lines[i].number
            i += 1
          }
        } else if i < lines.count, Self.label(lines[i].text, page: false) == nil, !Self.isLabelWord(lines[i].text),
          Self.isValueAfterLabel(lines, at: i, field: f, file: file, diagnostics: &diagnostics)
        {
          // (A line followed by running text is the next entry's title, and a label word such as
          // `Citations` is no value: the label is empty; see `isValueAfterLabel`.)
          value = lines[i].text
          valueLine = lines[i].number
          i += 1
          if namesPerLine, f == .authors || f == .fellows {
            var j = i
            while j < lines.count, Self.label(lines[j].text, page: false) == nil, !Self.isLabelWord(lines[j].text),
              Self.isNameLine(lines[j].text)
            { j += 1 }
            if j > i, j < lines.count, let (next, _) = Self.label(lines[j].text, page: false), next != .authors, next != f,
              fields[next] == nil
            {
              value += ", " + lines[i ..< j].map(\.text).joined(separator: ", ")
              i = j
            }
          }
        } else if i >= lines.count {
          throw IngestError(
            file: file, line: labelLine,
            reason: .truncatedEntry("'\(f.rawValue)' has no value at the end of the file"), text: lines[i - 1].text)
        }
      }
      if fields[f] != nil {
        throw IngestError(
          file: file, line: labelLine,
          reason: .truncatedEntry("'\(f.rawValue)' appears twice in one entry; is a title missing before it?"),
          text: value)
      }
      fields[f] = (value, valueLine)
    }
    if !fields.isEmpty { try finishEntry() }
    // Whatever follows the last field block.
    try checkTrailer(body, file: file, diagnostics: &diagnostics)
    if reference { diagnostics.removeAll { $0.kind != .unknownLabel && $0.kind != .suspiciousTitle } }
    return (records, diagnostics, withoutAuthors)
  }

  /// Labels alone on a line, without a colon, and the field they stand for. Per-paper pages
  /// write all of them so; listings only `Citations`.
  static let bareLabels: [String: Field] = [
    "citations": .citations, "citation": .citations, "abstract": .abstract, "mats alumnus": .fellows,
    "mats alumna": .fellows, "mats alumni": .fellows, "mats fellow": .fellows, "mats fellows": .fellows,
    "collabortators": .authors, "collaborators": .authors, "authors": .authors, "date": .date,
  ]

  /// Words that are labels, never a title or a name.
  static let labelWords: Set<String> = [
    "citations", "citation", "abstract", "authors", "author", "fellows", "fellow", "alumni", "alumnus", "alumna",
    "date", "collaborators", "collabortators", "mats alumnus", "mats alumna", "mats alumni", "mats fellow",
    "mats fellows", "scholars", "tags", "read more",
  ]

  static func isLabelWord(_ text: String) -> Bool { labelWords.contains(text.lowercased()) }

  /// Recognises a field label at the start of a line; returns the field and any inline value.
  /// `page`: a per-paper page, where labels may stand alone without a colon (`MATS Alumnus`,
  /// `Collabortators`, `Abstract`) and `Abstract:` is a field; in listings only `Citations` may.
  /// `12 Citations` is the citations field with the value `12`.
  static func label(_ text: String, page: Bool) -> (Field, String?)? {
    let lower = text.lowercased()
    if let bare = bareLabels[lower], page || bare == .citations { return (bare, nil) }
    let words = lower.split(separator: " ")
    if words.count == 2, words[1] == "citations" || words[1] == "citation", citationCount(String(words[0])) != nil {
      return (.citations, String(words[0]))
    }
    guard let colon = text.firstIndex(of: ":") else { return nil }
    let name = text[..<colon].lowercased().split(separator: " ").joined(separator: " ")
    let field: Field
    switch name {
    case "authors", "author", "authored by", "by", "collaborators", "collabortators", "co-authors", "coauthors":
      field = .authors
    case "fellows", "fellow", "alumni", "alumnus", "alumna", "mats fellow", "mats fellows", "mats scholar",
      "mats scholars", "scholars", "scholar", "mats alumni", "mats alumnus", "mats alumna":
      field = .fellows
    case "date", "published", "date published":
      field = .date
    case "citations", "citation", "cited by":
      field = .citations
    case "abstract" where page:
      field = .abstract
    default:
      return nil
    }
    let rest = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    return (field, rest.isEmpty ? nil : rest)
  }

  /// A citation count: digits, perhaps grouped with commas (`1,024`).
  static func citationCount(_ text: String) -> Int? {
    let digits = text.filter { $0 != "," }
    guard !digits.isEmpty, digits.count <= 12, digits.allSatisfy(\.isASCIIDigit), text.first != "," else { return nil }
    return Int(digits)
  }

  /// A line that looks like a field label but is none Coauthor reads (`Venue:` or `Funding:`
  /// alone on a line: one to three capitalised words and a colon, not followed by running text
  /// or bullets, which make it part of an abstract). Reports it and returns how
  /// many lines to skip: the label, and its value when the next line is a short one that is
  /// neither a label nor running text. `nil` when the line is no such label.
  static func unknownLabel(
    _ lines: [Line], at i: Int, page: Bool, file: String, diagnostics: inout [Diagnostic]
  ) -> Int? {
    let text = lines[i].text
    guard text.hasSuffix(":"), text.count <= 40, let first = text.first, first.isUppercase, label(text, page: page) == nil
    else { return nil }
    let name = text.dropLast()
    let words = name.split(separator: " ")
    guard (1 ... 3).contains(words.count),
      name.allSatisfy({ $0.isLetter || $0 == " " || $0 == "-" || $0 == "'" || $0 == "&" })
    else { return nil }
    // Followed by running text or bullets, it is a sentence of an abstract ("Key findings:"),
    // unless it is a label word of another layout (`Abstract:` in a listing).
    if i + 1 < lines.count, isParagraph(lines[i + 1].text), !isLabelWord(String(name)) { return nil }
    var skip = 1
    var what = ""
    if i + 1 < lines.count {
      let next = lines[i + 1].text
      if label(next, page: true) == nil, !isParagraph(next), next.count <= 80, !next.hasSuffix(":") {
        skip = 2
        what = " and its value '\(short(next))'"
      }
    }
    diagnostics.append(
      Diagnostic(
        kind: .unknownLabel,
        message: "'\(short(text))' is not a field Coauthor reads (it reads Authors, Fellows or Alumni, Date, Citations); skipped it\(what)",
        file: file, line: lines[i].number))
    return skip
  }

  /// Whether the line `lines[i]` just after a field label (not itself a label) is the field's
  /// value, or the next entry's title with the label empty. A line followed by running text is
  /// normally a title (`Date:` left empty, then a title and its abstract), except:
  /// - after `Date:`, a line that reads as a date is always the value (a date is never a title);
  /// - when the running text after it is shaped like a long title (no bullet, not ending in `.`,
  ///   `!`, `:`, `;` or `,`; a title of 120 characters or more, or ending in `?`), the reader
  ///   cannot tell from the shape alone: it takes a line of names as the value (the long line is
  ///   then the title) and anything else as the title, and says so with a `suspicious-title`
  ///   note naming both lines.
  static func isValueAfterLabel(
    _ lines: [Line], at i: Int, field: Field, file: String, diagnostics: inout [Diagnostic]
  ) -> Bool {
    let line = lines[i]
    if field == .date, DateParser.parse(line.text) != nil { return true }
    guard i + 1 < lines.count else { return true }
    let next = lines[i + 1]
    guard label(next.text, page: false) == nil, !isRunningText(line.text), isRunningText(next.text) else { return true }
    // `line` is followed by running text: the next entry's title, unless that text is a title.
    guard isLongTitleShaped(next.text) else { return false }
    let isValue = field != .date && isNameLine(line.text)
    let abstractFollows = i + 2 < lines.count && isParagraph(lines[i + 2].text)
    let reading =
      isValue
      ? "read '\(short(line.text))' as the value and line \(next.number) as the next entry's title"
      : "read the label as empty and '\(short(line.text))' as the next entry's title"
    diagnostics.append(
      Diagnostic(
        kind: .suspiciousTitle,
        message: "cannot tell whether '\(short(line.text))' after '\(field.rawValue)' is its value or the next entry's title: line \(next.number) '\(short(next.text))' may be a long title\(abstractFollows ? " (running text follows it)" : "") or running text; \(reading)",
        file: file, line: line.number))
    return isValue
  }

  /// A line of running text by its length that may still be a title: no bullet, and no sentence
  /// or list punctuation at its end (a question mark is allowed: titles ask questions).
  static func isLongTitleShaped(_ text: String) -> Bool {
    guard !isBullet(text), let last = text.last else { return false }
    return !".!:;,".contains(last)
  }

  /// A title that is a number, a label word or a date: a sign of a layout misread.
  static func titleSuspicion(_ title: String) -> String? {
    if citationCount(title) != nil {
      return "the entry's title '\(short(title))' is a number: is the page in a layout Coauthor does not know?"
    }
    if DateParser.parse(title) != nil {
      return "the entry's title '\(short(title))' is a date: is it the 'Date:' value of the entry before it, or is the page in a layout Coauthor does not know?"
    }
    let lower = title.lowercased()
    if labelWords.contains(lower) || labelWords.contains(String(lower.dropLast())) && title.hasSuffix(":") {
      return "the entry's title '\(short(title))' is a field label, not a title: is the page in a layout Coauthor does not know?"
    }
    return nil
  }

  func makeRecord(
    body: [Line], fields: [Field: (value: String, line: Int)], firstSegment: Bool, file: String, blockLine: Int,
    reference: Bool, diagnostics: inout [Diagnostic]
  ) throws(IngestError) -> (record: Record, noAuthors: Bool) {
    var lines = body
    /// Drops the first `count` lines as page text of the given kind, with a `skipped-text` note.
    func skip(_ count: Int, as what: String) {
      let skipped = lines[..<count]
      diagnostics.append(
        Diagnostic(
          kind: .skippedText,
          message: "skipped \(skipped.count) line(s) of \(what): " + skipped.map { "'\(Self.short($0.text))'" }.joined(separator: ", "),
          file: file, line: skipped.first!.number))
      lines.removeSubrange(..<count)
    }
    // Skip everything up to and including the last section header.
    var pageStart = firstSegment
    if let h = lines.lastIndex(where: { Self.sectionHeaders.contains($0.text.lowercased()) }) {
      skip(h + 1, as: "page text")
      pageStart = true
    }
    if pageStart, let t = Self.introductionEnd(lines) {
      // Running text under the page's heading, before the first title (`Research` / `MATS
      // fellows' research on …` / the title): an introduction, not the entry.
      skip(t, as: "page introduction")
    } else if firstSegment, let t = Self.preambleEnd(lines), t > 0 {
      skip(t, as: "page preamble")
    }
    lines.removeAll { Self.isReadMore($0.text) }
    let navigation = lines.filter { Self.isNavigation($0.text) }
    if let first = navigation.first {
      diagnostics.append(
        Diagnostic(
          kind: .skippedText,
          message: "skipped \(navigation.count) navigation line(s): " + navigation.map { "'\(Self.short($0.text))'" }.joined(separator: ", "),
          file: file, line: first.number))
      lines.removeAll { Self.isNavigation($0.text) }
    }
    guard let titleLine = lines.first else {
      throw IngestError(
        file: file, line: blockLine, reason: .truncatedEntry("fields with no title before them"),
        text: fields.values.sorted { $0.line < $1.line }.first?.value)
    }
    let authorsField: (value: String, line: Int)
    if let field = fields[.authors] {
      authorsField = field
    } else if reference {
      authorsField = ("", titleLine.number)
    } else {
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
    let date = try Self.date(fields[.date], file: file)
    let citations = Self.citations(fields[.citations], file: file, diagnostics: &diagnostics)
    if let suspicion = Self.titleSuspicion(titleLine.text) {
      diagnostics.append(Diagnostic(kind: .suspiciousTitle, message: suspicion, file: file, line: titleLine.number))
    }
    let fellows = fields[.fellows].map { Self.splitNames($0.value) } ?? []
    var authors = Self.splitNames(authorsField.value)
    let noAuthors = authors.isEmpty
    if !reference {
      if authors.count > Self.longAuthorList {
        diagnostics.append(
          Diagnostic(
            kind: .longAuthorList,
            message: "'\(Self.short(titleLine.text))' lists \(authors.count) authors (more than \(Self.longAuthorList) in a listing): were several entries read as one?",
            file: file, line: authorsField.line))
      }
      Self.fellowsForMissingAuthors(&authors, fellows: fellows, title: titleLine.text, at: SourceLocation(file: file, line: authorsField.line), diagnostics: &diagnostics)
    }
    let record = Record(
      title: titleLine.text, authors: authors, fellows: fellows,
      date: date, tags: tags, abstract: abstract,
      source: SourceLocation(file: file, line: titleLine.number),
      authorsLine: authorsField.line, fellowsLine: fields[.fellows]?.line, citations: citations)
    return (record, noAuthors)
  }

  /// An entry with an empty author list but fellows: the fellows are its authors, with a
  /// `no-authors` note. (Without fellows, the paper has no authors and ``IdentityResolver``
  /// notes that.)
  static func fellowsForMissingAuthors(
    _ authors: inout [String], fellows: [String], title: String, at location: SourceLocation, diagnostics: inout [Diagnostic]
  ) {
    guard authors.isEmpty, !fellows.isEmpty else { return }
    authors = fellows
    diagnostics.append(
      Diagnostic(
        kind: .noAuthors,
        message: "'\(title)' lists no authors; its fellows (\(fellows.joined(separator: ", "))) are taken as its authors",
        at: location))
  }

  /// The date of a `Date:` field; an empty field is no date, an unreadable one an error.
  static func date(_ field: (value: String, line: Int)?, file: String) throws(IngestError) -> PaperDate? {
    guard let field, !field.value.isEmpty else { return nil }
    guard let parsed = DateParser.parse(field.value) else {
      throw IngestError(file: file, line: field.line, reason: .invalidDate(field.value), text: field.value)
    }
    return parsed
  }

  /// The count of a citations field; an empty field is no count, an unreadable one a note.
  static func citations(_ field: (value: String, line: Int)?, file: String, diagnostics: inout [Diagnostic]) -> Int? {
    guard let field, !field.value.isEmpty else { return nil }
    if let count = citationCount(field.value) { return count }
    diagnostics.append(
      Diagnostic(kind: .note, message: "cannot read the citation count '\(short(field.value))'; left out", file: file, line: field.line))
    return nil
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

  /// At the top of a page (the first segment, or after a section header): when the entry's lines
  /// start with running text that is not a question (a sentence ending in `.`, a long line or a
  /// bullet) and the first short line after it is followed by short lines only (tags; the newer
  /// listing layout has no abstract), that short line is the title and the running text before it
  /// an introduction. `nil` when the lines start with a title, or when running text follows the
  /// short line (then ``preambleEnd(_:)`` decides, as for the bundled layout).
  static func introductionEnd(_ lines: [Line]) -> Int? {
    guard let first = lines.first, isParagraph(first.text), !first.text.hasSuffix("?"),
      let k = lines.firstIndex(where: { !isParagraph($0.text) && !isReadMore($0.text) }), k > 0,
      lines[(k + 1)...].allSatisfy({ !isParagraph($0.text) })
    else { return nil }
    return k
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

  /// A navigation or sharing line of a saved page (`← Back to all research`, `Home / Research`,
  /// `Share`, `Copy link`): page text, never a title.
  static func isNavigation(_ text: String) -> Bool {
    let t = text.lowercased()
    if let first = t.unicodeScalars.first, "←‹«<⟵⬅↩".unicodeScalars.contains(first) { return true }
    for prefix in ["back to ", "return to ", "go back", "share this", "copy link", "view all ", "see all "] where t.hasPrefix(prefix) {
      return true
    }
    if ["back", "share", "home", "menu", "close"].contains(t) { return true }
    // A breadcrumb: a few words separated by `/`, `>` or `›`, one of them `home` or `research`.
    let parts = t.split(whereSeparator: { "/>›»|".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }
    return parts.count >= 2 && parts.count <= 5 && parts.allSatisfy { $0.split(separator: " ").count <= 3 }
      && parts.contains { $0 == "home" || $0 == "research" || $0.hasSuffix(" research") }
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

  /// Name particles written in lower case inside a name (`Juan de la Cruz`, `Anna van der Berg`).
  static let nameParticles: Set<String> = [
    "de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "la", "le", "y", "e", "bin", "ibn", "al", "el",
    "dos", "das", "ten", "ter", "zu", "and",
  ]

  /// A line that can only be names: one or more comma-separated items of 1–6 words, each word
  /// starting with a letter that is not lower case (or a name particle, or `(`), and no sentence,
  /// bullet or label. Used where a value may run over several lines.
  static func isNameLine(_ text: String) -> Bool {
    guard !isRunningText(text), !text.hasSuffix(":"), !text.hasSuffix("?"), !text.hasSuffix("!") else { return false }
    for item in text.split(separator: ",") {
      let words = item.split(separator: " ")
      guard (1 ... 6).contains(words.count) else { return false }
      for word in words {
        guard let c = word.first else { return false }
        if c == "(" || nameParticles.contains(word.lowercased()) { continue }
        guard c.isLetter, !c.isLowercase else { return false }
      }
    }
    return true
  }

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
