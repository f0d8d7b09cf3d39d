/// Reads OpenAlex works: JSON Lines (one work object a line, as the OpenAlex snapshot and
/// `jq -c '.results[]'` give), a JSON array of works, or an API response page
/// `{"meta": {…}, "results": [works…]}`.
///
///     {"id": "https://openalex.org/W2741809807", "doi": "https://doi.org/10.7717/peerj.4375",
///      "title": "The state of OA", "publication_year": 2018, "publication_date": "2018-02-13",
///      "authorships": [{"author_position": "first",
///                       "author": {"id": "https://openalex.org/A5023888391", "display_name": "Heather Piwowar",
///                                  "orcid": "https://orcid.org/0000-0003-1613-5981"},
///                       "institutions": [], "raw_author_name": "Heather Piwowar"}],
///      "topics": [{"display_name": "Open Access Publishing", "score": 0.99}],
///      "abstract_inverted_index": {"Despite": [0], "growing": [1]}}
///
/// What is read:
/// - ``Record/id`` ← `id` without its `https://openalex.org/` prefix (`W2741809807`).
/// - ``Record/title`` ← `title`, else `display_name`; inline HTML tags that OpenAlex keeps from
///   publishers (`<i>`, `<b>`, `<sub>`, `<sup>`, `<scp>`, `<em>`, `<strong>`, `<u>`, `<tt>`) are
///   removed, their text kept. HTML character references, which OpenAlex passes on from some
///   publishers (`Bile Acid &amp; Tryptophan`), are decoded in titles, author names and abstract
///   words (``HTMLEntities``; reference-like text that is none is kept as written).
/// - ``Record/date`` ← `publication_date` (`YYYY-MM-DD`), else `publication_year`.
/// - ``Record/authors`` ← `authorships` in their order (OpenAlex lists them in byline order):
///   `author.display_name`, else `raw_author_name`.
/// - ``Record/authorIDs`` ← one id an author: `orcid:<id>` when the author has an ORCID, else
///   `openalex:A…`. The ORCID wins because it is the person's own identifier, the one other
///   sources (dblp, Crossref) carry too, so the same person can be recognised across inputs;
///   OpenAlex attaches it to the author profile, so every work of one `A…` id gets the same
///   choice, and an author without ORCID keeps the OpenAlex id.
/// - ``Record/tags`` ← the `topics` (OpenAlex's current classification, at most three a work,
///   best first); else `primary_topic`; else, for older records, the `concepts` of level ≥ 1 with
///   score ≥ 0.3. OpenAlex assigns a concept at score 0.3 and adds its ancestors whatever their
///   score, and the 19 level-0 concepts ("Computer science", "Medicine") are so broad that they
///   would join nearly every pair of papers in a tag graph. `keywords` are not read.
/// - ``Record/abstract`` ← rebuilt from `abstract_inverted_index` (each word at its positions).
///
/// Skipped and counted in a ``Diagnostic``: works with neither `title` nor `display_name`, and
/// authorships with no name. Unknown keys are ignored and `null` is accepted for every optional
/// field (OpenAlex uses it often).
///
/// Format: JSON Lines when the first non-blank line is a complete JSON object on its own and
/// the file holds more than that line's value; then every non-blank line is a work (or a
/// response page). Otherwise the whole text is one JSON value. Parsing uses the project's
/// ``JSONParser``, so every error names the file, the line and what was wrong.
///
/// - Complexity: O(*b*) for *b* bytes; a JSON Lines file holds one parsed line at a time
///   besides the records.
///
/// ## References
/// - OpenAlex. "Work object". <https://docs.openalex.org/api-entities/works/work-object>
/// - J. Priem, H. Piwowar, R. Orr. "OpenAlex: A fully-open index of scholarly works, authors,
///   venues, institutions, and concepts." arXiv:2205.01833, 2022.
///   doi:[10.48550/arXiv.2205.01833](https://doi.org/10.48550/arXiv.2205.01833)
public struct OpenAlexReader: Sendable {
  /// The lowest concept score taken as a tag (OpenAlex's own assignment threshold).
  public var minimumConceptScore: Double
  /// The lowest concept level taken as a tag (level 0 holds the 19 root fields).
  public var minimumConceptLevel: Int

  public init(minimumConceptScore: Double = 0.3, minimumConceptLevel: Int = 1) {
    self.minimumConceptScore = minimumConceptScore
    self.minimumConceptLevel = minimumConceptLevel
  }

  public func read(_ file: TextFile) throws(IngestError) -> ReadResult {
    var state = State(file: file.path)
    if let first = file.lines.firstIndex(where: { !$0.allSatisfy(\.isWhitespace) }),
      isJSONLines(file, firstLine: first)
    {
      for (index, text) in file.lines.enumerated() where index >= first && !text.allSatisfy(\.isWhitespace) {
        let value = try parse(text, file: file.path, lineOffset: index)
        try readTopLevel(value, lineOffset: index, into: &state)
      }
    } else {
      let value = try parse(file.text, file: file.path, lineOffset: 0)
      try readTopLevel(value, lineOffset: 0, into: &state)
    }
    if state.records.isEmpty { throw IngestError(file: file.path, reason: .noPapers) }
    return ReadResult(records: state.records, diagnostics: state.diagnostics())
  }

  /// JSON Lines when the first non-blank line is one whole JSON object and more text follows.
  private func isJSONLines(_ file: TextFile, firstLine: Int) -> Bool {
    let line = file.lines[firstLine]
    guard line.drop(while: \.isWhitespace).first == "{" else { return false }
    guard (try? JSONParser.parse(line)) != nil else { return false }
    return file.lines[(firstLine + 1)...].contains { !$0.allSatisfy(\.isWhitespace) }
  }

  private func parse(_ text: String, file: String, lineOffset: Int) throws(IngestError) -> JSONValue {
    do {
      return try JSONParser.parse(text)
    } catch {
      throw IngestError(file: file, line: error.line + lineOffset, column: error.column, reason: .invalidOpenAlex(error.message))
    }
  }

  /// A work, an array of works, or a response page with `results`.
  private func readTopLevel(_ value: JSONValue, lineOffset: Int, into state: inout State) throws(IngestError) {
    switch value {
    case .array(let items, _):
      for (i, item) in items.enumerated() { try readWork(item, path: "[\(i)]", lineOffset: lineOffset, into: &state) }
    case .object:
      if let results = value["results"] {
        guard case .array(let items, _) = results else {
          throw state.error(results, lineOffset, "\"results\" must be an array of works, not \(results.typeName)")
        }
        for (i, item) in items.enumerated() { try readWork(item, path: "results[\(i)]", lineOffset: lineOffset, into: &state) }
      } else {
        try readWork(value, path: "", lineOffset: lineOffset, into: &state)
      }
    default:
      throw state.error(value, lineOffset, "expected a work object, an array of works or a page with \"results\", found \(value.typeName)")
    }
  }

  /// One work; `path` locates it in its JSON value (`results[3]`, or empty for a work that is
  /// the whole value, as on a JSON Lines line) for the messages, which name the line too.
  private func readWork(_ work: JSONValue, path: String, lineOffset: Int, into state: inout State) throws(IngestError) {
    guard case .object = work else { throw state.error(work, lineOffset, "\(path) must be a work object, not \(work.typeName)") }
    func at(_ name: String) -> String { path.isEmpty ? name : "\(path).\(name)" }
    func string(_ value: JSONValue?, _ name: String) throws(IngestError) -> String? {
      guard let value else { return nil }
      switch value {
      case .null: return nil
      case .string(let s, _): return s
      default: throw state.error(value, lineOffset, "\(at(name)) must be a string, not \(value.typeName)")
      }
    }
    func array(_ value: JSONValue?, _ name: String) throws(IngestError) -> [JSONValue] {
      guard let value else { return [] }
      switch value {
      case .null: return []
      case .array(let items, _): return items
      default: throw state.error(value, lineOffset, "\(at(name)) must be an array, not \(value.typeName)")
      }
    }
    let line = work.line + lineOffset
    var rawTitle = try string(work["title"], "title")
    if rawTitle == nil { rawTitle = try string(work["display_name"], "display_name") }
    let title = NameNormalizer.normalize(Self.removingInlineTags(HTMLEntities.decoded(rawTitle ?? "")))
    if title.isEmpty {
      state.untitled += 1
      return
    }
    let id = try string(work["id"], "id").map(Self.stripPrefix)

    var date: PaperDate?
    if let text = try string(work["publication_date"], "publication_date") {
      guard let d = DateParser.parse(text) else {
        throw IngestError(file: state.file, line: (work["publication_date"]?.line ?? work.line) + lineOffset, reason: .invalidDate(text), text: text)
      }
      date = d
    } else if let year = work["publication_year"], case .number(let n, _) = year, n == n.rounded(), (1000 ... 9999).contains(n) {
      date = PaperDate(year: Int(n))
    }

    var authors: [String] = []
    var ids: [String?] = []
    var authorsLine: Int?
    for (i, authorship) in try array(work["authorships"], "authorships").enumerated() {
      let slot = "authorships[\(i)]"
      guard case .object = authorship else {
        throw state.error(authorship, lineOffset, "\(at(slot)) must be an object, not \(authorship.typeName)")
      }
      let author = authorship["author"]
      if let author, !author.isNullOrObject {
        throw state.error(author, lineOffset, "\(at(slot)).author must be an object, not \(author.typeName)")
      }
      let displayName = try string(author?["display_name"], "\(slot).author.display_name")
      let raw = try string(authorship["raw_author_name"], "\(slot).raw_author_name")
      let name = NameNormalizer.normalize(HTMLEntities.decoded(displayName ?? raw ?? ""))
      if name.isEmpty {
        state.unnamedAuthors += 1
        continue
      }
      if authorsLine == nil { authorsLine = authorship.line + lineOffset }
      authors.append(name)
      if let orcid = try string(author?["orcid"], "\(slot).author.orcid").map(Self.stripPrefix), !orcid.isEmpty {
        ids.append("orcid:" + orcid)
      } else if let openalex = try string(author?["id"], "\(slot).author.id").map(Self.stripPrefix), !openalex.isEmpty {
        ids.append("openalex:" + openalex)
      } else {
        ids.append(nil)
      }
    }

    var tags: [String] = []
    for (i, topic) in try array(work["topics"], "topics").enumerated() {
      if let name = try string(topic["display_name"], "topics[\(i)].display_name").map(NameNormalizer.normalize), !name.isEmpty {
        tags.append(name)
      }
    }
    if tags.isEmpty, let primary = work["primary_topic"], case .object = primary,
      let name = try string(primary["display_name"], "primary_topic.display_name").map(NameNormalizer.normalize), !name.isEmpty
    {
      tags.append(name)
    }
    if tags.isEmpty {
      for (i, concept) in try array(work["concepts"], "concepts").enumerated() {
        guard case .number(let score, _)? = concept["score"], case .number(let level, _)? = concept["level"],
          score >= minimumConceptScore, level >= Double(minimumConceptLevel),
          let name = try string(concept["display_name"], "concepts[\(i)].display_name").map(NameNormalizer.normalize), !name.isEmpty
        else { continue }
        tags.append(name)
      }
    }
    var seen: Set<String> = []
    tags = tags.filter { seen.insert($0).inserted }

    let abstract = try Self.abstract(work["abstract_inverted_index"], path: at("abstract_inverted_index"), lineOffset: lineOffset, state: state)

    state.records.append(
      Record(
        title: title, authors: authors, date: date, tags: tags, abstract: abstract,
        source: SourceLocation(file: state.file, line: line), authorsLine: authorsLine == line ? nil : authorsLine,
        id: id, authorIDs: ids.contains { $0 != nil } ? ids : []))
  }

  /// The abstract from OpenAlex's inverted index `{"word": [positions…]}`: each word placed at
  /// its positions, the words joined by single spaces (positions nobody fills are left out).
  static func abstract(_ value: JSONValue?, path: String, lineOffset: Int, state: State) throws(IngestError) -> String? {
    guard let value else { return nil }
    if case .null = value { return nil }
    guard case .object(let members, _) = value else {
      throw state.error(value, lineOffset, "\(path) must be an object, not \(value.typeName)")
    }
    var placed: [(position: Int, word: String)] = []
    for (word, positions) in members {
      guard case .array(let items, _) = positions else {
        throw state.error(positions, lineOffset, "\(path)[\"\(word)\"] must be an array of positions")
      }
      for item in items {
        guard case .number(let n, _) = item, n >= 0, n == n.rounded(), n < 1_000_000 else {
          throw state.error(item, lineOffset, "\(path)[\"\(word)\"] holds \(item.typeName), not a position")
        }
        placed.append((Int(n), word))
      }
    }
    // Positions are unique in OpenAlex data; on a tie the word listed first comes first.
    let text = placed.enumerated().sorted { ($0.element.position, $0.offset) < ($1.element.position, $1.offset) }
      .map(\.element.word).joined(separator: " ")
    let normalized = NameNormalizer.normalize(HTMLEntities.decoded(text))
    return normalized.isEmpty ? nil : normalized
  }

  /// `https://openalex.org/W123` → `W123`, `https://orcid.org/0000-…` → `0000-…`: the text after
  /// the last `/`.
  static func stripPrefix(_ url: String) -> String {
    let trimmed = NameNormalizer.normalize(url)
    guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
    return String(trimmed[trimmed.index(after: slash)...])
  }

  static let inlineTags: Set<String> = ["i", "b", "em", "strong", "sub", "sup", "scp", "sc", "u", "tt", "span"]

  /// `text` without the inline HTML tags of ``inlineTags`` (opening, closing or with attributes);
  /// any other `<` is kept, so `a < b` stays.
  static func removingInlineTags(_ text: String) -> String {
    guard text.contains("<") else { return text }
    var out = ""
    var rest = text[...]
    while let open = rest.firstIndex(of: "<") {
      out += rest[..<open]
      let after = rest[rest.index(after: open)...]
      if let close = after.firstIndex(of: ">") {
        var name = after[..<close].drop { $0 == "/" }
        name = name.prefix { $0.isLetter }
        if Self.inlineTags.contains(name.lowercased()) {
          rest = after[after.index(after: close)...]
          continue
        }
      }
      out.append("<")
      rest = after
    }
    out += rest
    return out
  }

  /// The records read so far and what was skipped.
  struct State {
    var file: String
    var records: [Record] = []
    var untitled = 0
    var unnamedAuthors = 0

    func error(_ value: JSONValue, _ lineOffset: Int, _ message: String) -> IngestError {
      IngestError(file: file, line: value.line + lineOffset, reason: .invalidOpenAlex(message))
    }

    func diagnostics() -> [Diagnostic] {
      var out: [Diagnostic] = []
      if untitled > 0 {
        out.append(Diagnostic(kind: .skippedText, message: "skipped \(untitled) work\(untitled == 1 ? "" : "s") without a title", file: file))
      }
      if unnamedAuthors > 0 {
        out.append(
          Diagnostic(kind: .skippedText, message: "skipped \(unnamedAuthors) authorship\(unnamedAuthors == 1 ? "" : "s") without a name", file: file))
      }
      return out
    }
  }
}

extension JSONValue {
  fileprivate var isNullOrObject: Bool {
    switch self {
    case .null, .object: return true
    default: return false
    }
  }
}
