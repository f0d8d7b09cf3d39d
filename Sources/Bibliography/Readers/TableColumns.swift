/// Which header columns of a paper table hold which paper fields.
///
/// The defaults read the common `papers.tsv` schema (`paper_id year venue authors keywords title
/// …`) and the usual spellings with no options: for each field the first header name present
/// (compared ignoring case and surrounding spaces) is used, and a field whose column is absent is
/// simply not read, except `title` and `authors`, which are required.
///
/// A mapping given by the user (`title=Paper Title,authors=Author Names,tags=`) names exactly one
/// column per field it mentions; that column must exist; an empty name (`tags=`) switches the field
/// off.
public struct TableColumns: Sendable, Equatable {
  /// The paper fields a table can provide.
  public enum Field: String, Sendable, CaseIterable, Comparable {
    case id, title, authors, fellows, year, date, tags, abstract

    public static func < (a: Field, b: Field) -> Bool {
      allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
  }

  /// Header names tried for each field, first present wins; an empty list switches the field off.
  public var candidates: [Field: [String]]
  /// Fields whose column must exist (`title`, `authors`, and every field the user named).
  public var required: Set<Field>

  /// The defaults: `id` ← `paper_id`/`id`/`key`; `title` ← `title`; `authors` ← `authors`/`author`;
  /// `fellows` ← `fellows`; `year` ← `year`; `date` ← `date`; `tags` ← `keywords`/`tags`;
  /// `abstract` ← `abstract`.
  public init() {
    candidates = [
      .id: ["paper_id", "id", "key"], .title: ["title"], .authors: ["authors", "author"], .fellows: ["fellows"],
      .year: ["year"], .date: ["date"], .tags: ["keywords", "tags"], .abstract: ["abstract"],
    ]
    required = [.title, .authors]
  }

  /// The defaults with the user's `field=column,…` mapping applied.
  /// - Throws: ``MappingError`` for an unknown field, a pair without `=`, a field named twice, or
  ///   an empty `title`/`authors` column.
  public init(mapping: String) throws(MappingError) {
    self.init()
    var seen = Set<Field>()
    for pair in mapping.split(separator: ",", omittingEmptySubsequences: true) {
      guard let eq = pair.firstIndex(of: "=") else {
        throw MappingError("'\(pair)' is not field=column (fields: \(Self.fieldList))")
      }
      let name = pair[..<eq].trimmingSpaces.lowercased()
      let column = String(pair[pair.index(after: eq)...].trimmingSpaces)
      guard let field = Field(rawValue: name == "keywords" ? "tags" : name) else {
        throw MappingError("unknown field '\(name)' (fields: \(Self.fieldList))")
      }
      guard seen.insert(field).inserted else { throw MappingError("field '\(name)' is mapped twice") }
      if column.isEmpty {
        if field == .title || field == .authors { throw MappingError("field '\(name)' needs a column") }
        candidates[field] = []
        required.remove(field)
      } else {
        candidates[field] = [column]
        required.insert(field)
      }
    }
  }

  static var fieldList: String { Field.allCases.map(\.rawValue).joined(separator: ", ") }

  /// A bad `--columns` value.
  public struct MappingError: Error, Equatable, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
  }

  /// For each field, the index of its column in `header`, or `nil` when it is not read.
  /// - Throws: ``IngestError/Reason/missingColumn(_:available:)`` (at line 1 of `file`) for a
  ///   required field whose column is absent.
  func resolve(header: [String], file: String, line: Int) throws(IngestError) -> [Field: Int] {
    let keys = header.map { $0.trimmingSpaces.lowercased() }
    var indices: [Field: Int] = [:]
    for field in Field.allCases {
      let names = candidates[field] ?? []
      if let index = names.lazy.compactMap({ keys.firstIndex(of: $0.lowercased()) }).first {
        indices[field] = index
      } else if required.contains(field), let name = names.first {
        throw IngestError(file: file, line: line, reason: .missingColumn(name, available: header))
      }
    }
    return indices
  }
}

extension StringProtocol {
  /// Without leading and trailing spaces and tabs.
  var trimmingSpaces: String {
    guard let first = firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
    let last = lastIndex(where: { $0 != " " && $0 != "\t" })!
    return String(self[first ... last])
  }
}
