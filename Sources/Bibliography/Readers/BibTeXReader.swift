import Foundation

/// Reads BibTeX files, as Scopus, Web of Science, Zotero, JabRef and DBLP export them.
///
///     @string{ejor = "European Journal of Operational Research"}
///     @article{Figueira2022,
///       author   = {Figueira, J. R. and Greco, Salvatore and {The ELECTRE Group} and others},
///       title    = {{ELECTRE-SCORE}: A First Outranking Method for Scoring Actions},
///       journal  = ejor,
///       year     = 2022, month = mar,
///       keywords = {Multiple criteria analysis; ELECTRE methods},
///       doi      = {10.1016/j.ejor.2021.05.017}}
///
/// **Syntax** (as BibTeX and biber read it): entries `@type{key, name = value, …}` or
/// `@type(key, …)`; a value is `{…}` (nested braces; `\{` and `\}` do not count), `"…"`, a
/// number or an `@string` macro (the month macros `jan` … `dec` are predefined), joined by `#`;
/// field names ignore case (and may hold spaces, as `funding_text 1` in Scopus exports); a
/// repeated field keeps its first value; `@comment` and `@preamble` are skipped and counted; text
/// between entries is skipped and reported.
///
/// **Fields read** (everything else is ignored):
/// - `author`: split at ` and ` outside braces; each name in display form `First Last`
///   (``BibTeXNames``); `others` dropped with a note;
/// - `title`, `abstract`: LaTeX resolved to Unicode (``LaTeXDecoder``), braces removed;
/// - in every field read, HTML character references (`Garc&iacute;a`, `&amp;`, `&#233;`, as
///   exports assembled from web pages carry them) are decoded first (``HTMLEntities``); author
///   lists are cut at ` and ` and names at their commas before that, so a decoded character
///   never cuts a name; reference-like text that is none (`&Company;`) is kept and noted;
/// - tags: `author_keywords` (Scopus) when present, else `keywords` (WoS, Zotero, JabRef), split
///   at `;` (at `,` when there is no `;`). Scopus's own `keywords` field holds its *index* terms
///   and WoS's `keywords-plus` holds generated terms: neither is read;
/// - `year` (a four-digit year anywhere in it: `2020`, `2020a`) and `month` (`mar`, `{MAR 16}`,
///   `{March}`, `3`) → ``PaperDate``;
/// - `doi` (lower-cased, `https://doi.org/` dropped) or else the entry key → ``Record/id``;
/// - `orcid-numbers` (WoS: `Last, First/0000-0002-…` separated by `;` or line breaks) →
///   ``Record/authorIDs`` as `orcid:…`, matched to the authors by name (same name key, else the
///   same words in another order, else the same last name and first initial).
///
/// Every record keeps the line of its `@type{`. Entries without an author or a title are skipped
/// with a diagnostic naming their line. Unknown LaTeX commands are kept as text and listed, one
/// note per command.
///
/// Errors (``IngestError``, naming the file and line): an entry without its closing brace (at
/// its `@` line, also when the next entry starts first), unbalanced braces or an unterminated
/// quote in a value (at the line where the value starts), a field without `=`, a missing comma
/// between fields, an empty value, and an undefined macro. Undefined macros are errors because
/// real exports use none (Scopus and WoS quote every value) and an unquoted word is far more
/// often a missing brace than a macro defined elsewhere.
///
/// - Complexity: O(*b*) for *b* bytes; each value read is decoded once.
public struct BibTeXReader: Sendable {
  public init() {}

  public func read(_ file: TextFile) throws(IngestError) -> ReadResult {
    var parser = BibTeXParser(text: file.text, path: file.path)
    let entries = try parser.parse()
    var builder = Builder(path: file.path)
    for entry in entries { builder.add(entry) }
    var diagnostics = parser.diagnostics
    diagnostics.append(contentsOf: builder.finish())
    return ReadResult(records: builder.records, diagnostics: diagnostics)
  }

  /// Turns entries into records and collects what it noticed.
  struct Builder {
    let path: String
    var records: [Record] = []
    var diagnostics: [Diagnostic] = []
    /// Unknown LaTeX commands: count and first line, in order of first appearance.
    var unknownOrder: [String] = []
    var unknown: [String: (count: Int, line: Int)] = [:]
    var unreadMonths: [(text: String, line: Int)] = []
    var unknownReferences = UnknownReferences()

    init(path: String) { self.path = path }

    /// A value as text: HTML character references (`Garc&iacute;a`, `&amp;`, `&#233;`, which
    /// exports built from web pages carry) decoded, then LaTeX.
    mutating func decode(_ raw: String, line: Int) -> String {
      var raw = raw
      if raw.utf8.contains(UInt8(ascii: "&")) {
        let html = HTMLEntities.decode(raw, escapingLaTeX: true)
        unknownReferences.add(html.unknown, line: line)
        raw = html.items[0]
      }
      let output = LaTeXDecoder.decode(raw)
      for command in output.unknownCommands {
        if let seen = unknown[command] {
          unknown[command] = (seen.count + 1, seen.line)
        } else {
          unknown[command] = (1, line)
          unknownOrder.append(command)
        }
      }
      return output.text
    }

    mutating func add(_ entry: BibTeXParser.Entry) {
      let at = SourceLocation(file: path, line: entry.line)
      let label = entry.key.isEmpty ? "the @\(entry.type) entry" : "entry '\(entry.key)'"
      // Authors.
      var authors: [String] = []
      var rawAuthors: [String] = []
      if let field = entry.field("author") {
        let (names, hadOthers) = BibTeXNames.split(field.value)
        for name in names {
          let display = decode(BibTeXNames.displayOrder(name), line: field.line)
          if !display.isEmpty {
            authors.append(display)
            rawAuthors.append(name)
          }
        }
        if hadOthers {
          diagnostics.append(
            Diagnostic(kind: .note, message: "\(label): 'and others' (more authors, not named) left out", file: path, line: field.line))
        }
      }
      let title = entry.field("title").map { decode($0.value, line: $0.line) } ?? ""
      if authors.isEmpty {
        diagnostics.append(Diagnostic(kind: .noAuthors, message: "skipped \(label): no author", at: at))
        return
      }
      if title.isEmpty {
        diagnostics.append(Diagnostic(kind: .note, message: "skipped \(label): no title", at: at))
        return
      }
      // Tags: author keywords; Scopus's `keywords` are index terms.
      var tags: [String] = []
      let isScopus = entry.field("source").map { NameNormalizer.key($0.value) == "scopus" } ?? false
      if let field = entry.field("author_keywords") ?? (isScopus ? nil : entry.field("keywords")) {
        tags = Self.splitTags(decode(field.value, line: field.line))
      }
      // Date.
      var date: PaperDate?
      if let field = entry.field("year") {
        let text = decode(field.value, line: field.line)
        if let year = Self.year(in: text) {
          date = PaperDate(year: year)
          if let month = entry.field("month") {
            let monthText = decode(month.value, line: month.line)
            if let m = Self.month(in: monthText) {
              date?.month = m
            } else {
              unreadMonths.append((monthText, month.line))
            }
          }
        } else {
          diagnostics.append(
            Diagnostic(kind: .note, message: "\(label): cannot read year '\(text)'; kept without a date", file: path, line: field.line))
        }
      }
      let abstract = entry.field("abstract").map { decode($0.value, line: $0.line) }.flatMap { $0.isEmpty ? nil : $0 }
      var id = entry.key.isEmpty ? nil : entry.key
      if let doi = entry.field("doi").map({ Self.doi(Self.verbatim(HTMLEntities.decoded($0.value))) }), !doi.isEmpty {
        id = doi  // SICI DOIs hold `<` `>`, which web-made exports write `&lt;` `&gt;`
      }
      var authorIDs: [String?] = []
      if let field = entry.field("orcid-numbers") {
        authorIDs = orcids(decode(field.value, line: field.line), authors: authors, raw: rawAuthors, label: label, line: field.line)
      }
      let authorField = entry.field("author")
      records.append(
        Record(
          title: title, authors: authors, date: date, tags: tags, abstract: abstract, source: at,
          authorsLine: authorField.flatMap { $0.line == entry.line ? nil : $0.line }, id: id, authorIDs: authorIDs))
    }

    mutating func finish() -> [Diagnostic] {
      var out = diagnostics
      for command in unknownOrder {
        let seen = unknown[command]!
        out.append(
          Diagnostic(
            kind: .note, message: "unknown LaTeX command \(command) kept as text (\(seen.count) time(s), first here)",
            file: path, line: seen.line))
      }
      out += unknownReferences.diagnostics(file: path)
      if let first = unreadMonths.first {
        out.append(
          Diagnostic(
            kind: .note,
            message: "\(unreadMonths.count) month value(s) not read as a month, e.g. '\(first.text)'; the year is kept",
            file: path, line: first.line))
      }
      return out
    }

    /// Tags of a keyword field: split at `;`, or at `,` when there is no `;`.
    static func splitTags(_ text: String) -> [String] {
      let separator: Character = text.contains(";") ? ";" : ","
      return text.split(separator: separator).map { NameNormalizer.normalize(String($0)) }.filter { !$0.isEmpty }
    }

    /// The one four-digit run in `text` (`2020`, `2020a`, `{2020}`), if exactly one.
    static func year(in text: String) -> Int? {
      var runs: [Int] = []
      var current = ""
      for c in text + " " {
        if c.isASCIIDigit {
          current.append(c)
        } else {
          if current.count == 4, let y = Int(current) { runs.append(y) }
          current = ""
        }
      }
      return runs.count == 1 ? runs[0] : nil
    }

    /// The month in `mar`, `March`, `MAR 16`, `3`, `03`.
    static func month(in text: String) -> Int? {
      let word = text.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "/" || $0 == "." }).first.map(String.init) ?? ""
      if let n = Int(word) { return (1 ... 12).contains(n) ? n : nil }
      return DateParser.month(word)
    }

    /// A value read as it is, not as LaTeX (DOIs, URLs): braces dropped, `\_` `\&` `\%` `\#`
    /// `\{` `\}` unescaped, white space folded.
    static func verbatim(_ raw: String) -> String {
      var out = ""
      var escaped = false
      for c in raw {
        if escaped {
          if !"_&%#{}$".contains(c) { out.append("\\") }
          out.append(c)
          escaped = false
        } else if c == "\\" {
          escaped = true
        } else if c != "{" && c != "}" {
          out.append(c)
        }
      }
      if escaped { out.append("\\") }
      return NameNormalizer.normalize(out)
    }

    /// A DOI without a resolver prefix, lower-cased (DOIs ignore case).
    static func doi(_ text: String) -> String {
      var s = text
      for prefix in ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"]
      where s.lowercased().hasPrefix(prefix) {
        s = String(s.dropFirst(prefix.count))
      }
      return s.trimmingWhitespace.lowercased()
    }

    /// A name's key for ORCID matching: ``NameNormalizer/key(_:)`` with hyphens as spaces
    /// (`Romero Ania` = `Romero-Ania`).
    static func matchKey(_ name: String) -> String {
      NameNormalizer.key(name.replacingOccurrences(of: "-", with: " "))
    }

    /// ORCID ids of `Name/0000-0000-0000-000X` items, matched to the authors.
    mutating func orcids(_ text: String, authors: [String], raw: [String], label: String, line: Int) -> [String?] {
      var ids = [String?](repeating: nil, count: authors.count)
      let pattern = try! Regex(#"([^;/]*)/\s*([0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9Xx])"#)
      let keys = authors.map(Self.matchKey)
      let wordSets = keys.map { Array($0.split(separator: " ").sorted()) }
      // Last name and first initial of each author, from its raw `Last, First` form when it has one.
      func lastAndInitial(_ rawName: String) -> (String, Character?) {
        let parts = BibTeXNames.commaParts(rawName)
        if parts.count >= 2 {
          let last = NameNormalizer.key(LaTeXDecoder.decode(parts[0]).text)
          let first = NameNormalizer.key(LaTeXDecoder.decode(parts.last!).text)
          return (last, first.first)
        }
        let words = Self.matchKey(LaTeXDecoder.decode(rawName).text).split(separator: " ")
        return (words.last.map(String.init) ?? "", words.first?.first)
      }
      let lasts = raw.map(lastAndInitial)
      var matched = 0
    var unmatched: [String] = []
    for match in text.matches(of: pattern) {
      let rawName = match.output[1].substring.map(String.init)?.trimmingWhitespace ?? ""
      let orcid = (match.output[2].substring.map(String.init) ?? "").uppercased()
      let display = Self.matchKey(BibTeXNames.displayOrder(rawName))
      let words = Array(display.split(separator: " ").sorted())
      let (last, initial) = lastAndInitial(rawName)
      var index = keys.firstIndex(of: display) ?? wordSets.firstIndex(of: words)
      if index == nil {
        let candidates = lasts.indices.filter { lasts[$0].0 == last && lasts[$0].1 == initial }
        if candidates.count == 1 { index = candidates[0] }
      }
      if let index, ids[index] == nil {
        ids[index] = "orcid:" + orcid
        matched += 1
      } else {
        unmatched.append("'\(rawName)' (\(orcid))")
      }
    }
    if !unmatched.isEmpty {
      diagnostics.append(
        Diagnostic(
          kind: .note,
          message: "\(label): \(unmatched.count) ORCID id(s) match no author (or one already matched), not used: \(unmatched.joined(separator: ", "))",
          file: path, line: line))
    }
    return matched == 0 ? [] : ids
    }
  }
}
