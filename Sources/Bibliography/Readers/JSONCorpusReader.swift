/// Reads the Coauthor corpus JSON schema, the common format any source can be converted to:
///
///     {"papers": [
///       {"title": "Steering Language Models With Activation Engineering",
///        "authors": ["Alexander Matt Turner", "Lisa Thiergart"],
///        "fellows": ["Lisa Thiergart"],
///        "date": "2023-08-20",
///        "tags": ["Interpretability"],
///        "abstract": "…"}
///     ]}
///
/// `title` and `authors` are required (`authors` may be empty); `fellows`, `date`
/// (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), `tags`, `abstract` and `citations` (a whole number of at
/// least 0, the paper's citation count) are optional; unknown keys are
/// ignored. A top-level array of papers is accepted too. Every paper keeps the line its object
/// starts on, and every error names the file, line and what was wrong.
public struct JSONCorpusReader: Sendable {
  public init() {}

  public func read(_ file: TextFile) throws(IngestError) -> ReadResult {
    let root: JSONValue
    do {
      root = try JSONParser.parse(file.text)
    } catch {
      throw IngestError(file: file.path, line: error.line, column: error.column, reason: .invalidJSON(error.message))
    }
    let papers: [JSONValue]
    switch root {
    case .array(let items, _):
      papers = items
    case .object:
      guard let list = root["papers"] else {
        throw IngestError(file: file.path, line: root.line, reason: .invalidJSON("the top-level object has no \"papers\" array"))
      }
      guard case .array(let items, _) = list else {
        throw IngestError(file: file.path, line: list.line, reason: .invalidJSON("\"papers\" must be an array, not \(list.typeName)"))
      }
      papers = items
    default:
      throw IngestError(file: file.path, line: root.line, reason: .invalidJSON("expected an object with a \"papers\" array, found \(root.typeName)"))
    }
    var records: [Record] = []
    for (i, paper) in papers.enumerated() {
      records.append(try record(paper, index: i, file: file.path))
    }
    if records.isEmpty { throw IngestError(file: file.path, line: root.line, reason: .noPapers) }
    return ReadResult(records: records)
  }

  func record(_ value: JSONValue, index: Int, file: String) throws(IngestError) -> Record {
    let at = "papers[\(index)]"
    guard case .object = value else {
      throw IngestError(file: file, line: value.line, reason: .invalidJSON("\(at) must be an object, not \(value.typeName)"))
    }
    func string(_ key: String, required: Bool) throws(IngestError) -> String? {
      guard let v = value[key] else {
        if required { throw IngestError(file: file, line: value.line, reason: .missingField("\"\(key)\" in \(at)")) }
        return nil
      }
      switch v {
      case .string(let s, _): return s
      case .null where !required: return nil
      default: throw IngestError(file: file, line: v.line, reason: .invalidJSON("\(at).\(key) must be a string, not \(v.typeName)"))
      }
    }
    func strings(_ key: String, required: Bool) throws(IngestError) -> [String] {
      guard let v = value[key] else {
        if required { throw IngestError(file: file, line: value.line, reason: .missingField("\"\(key)\" in \(at)")) }
        return []
      }
      if case .null = v, !required { return [] }
      guard case .array(let items, _) = v else {
        throw IngestError(file: file, line: v.line, reason: .invalidJSON("\(at).\(key) must be an array of strings, not \(v.typeName)"))
      }
      var out: [String] = []
      for (j, item) in items.enumerated() {
        guard case .string(let s, _) = item else {
          throw IngestError(file: file, line: item.line, reason: .invalidJSON("\(at).\(key)[\(j)] must be a string, not \(item.typeName)"))
        }
        let n = NameNormalizer.normalize(s)
        if !n.isEmpty { out.append(n) }
      }
      return out
    }
    let title = NameNormalizer.normalize(try string("title", required: true) ?? "")
    if title.isEmpty { throw IngestError(file: file, line: value.line, reason: .missingField("a non-empty \"title\" in \(at)")) }
    let authors = try strings("authors", required: true)
    let fellows = try strings("fellows", required: false)
    let tags = try strings("tags", required: false)
    var date: PaperDate?
    if let text = try string("date", required: false) {
      guard let d = DateParser.parse(text) else {
        throw IngestError(file: file, line: value["date"]?.line ?? value.line, reason: .invalidDate(text), text: text)
      }
      date = d
    } else if let y = value["year"], case .number(let n, _) = y, n == n.rounded(), (1000 ... 9999).contains(n) {
      date = PaperDate(year: Int(n))
    }
    let abstract = try string("abstract", required: false).map(NameNormalizer.normalize).flatMap { $0.isEmpty ? nil : $0 }
    var citations: Int?
    if let c = value["citations"] {
      switch c {
      case .null: break
      case .number(let n, _) where n == n.rounded() && n >= 0 && n < 1e15: citations = Int(n)
      case .number(let n, _):
        throw IngestError(file: file, line: c.line, reason: .invalidJSON("\(at).citations must be a whole number of at least 0, not \(n)"))
      default:
        throw IngestError(file: file, line: c.line, reason: .invalidJSON("\(at).citations must be a whole number of at least 0, not \(c.typeName)"))
      }
    }
    return Record(
      title: title, authors: authors, fellows: fellows, date: date, tags: tags, abstract: abstract,
      source: SourceLocation(file: file, line: value.line), citations: citations)
  }
}
