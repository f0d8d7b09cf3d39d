import Foundation

/// A user's thesaurus of names: a small tab-separated file of rules applied to every author and
/// fellow name before identity resolution.
///
///     # kind   name                         replacement(s)…
///     merge    Rubi Hudson                  Rubi J. Hudson    Jeremy Rubinoff (Rubi J. Hudson)
///     split    Alan Chan Nicholas Carlini   Alan Chan         Nicholas Carlini
///     rename   Jessica Cooper (Rumbelow)    Jessica Cooper
///     keep     Juan Pablo Rivera Lopez
///
/// - `merge CANONICAL VARIANT…`: every name equal to a variant (compared by key: case, accents
///   and periods ignored) becomes CANONICAL.
/// - `split JOINED NAME…`: an author string equal to JOINED stands for several people (a missing
///   comma) and is replaced by the names given, in order.
/// - `rename OLD NEW`: OLD becomes NEW.
/// - `keep NAME`: NAME is one person even though it looks like two joined names; silences that
///   diagnostic.
/// - `tag-merge CANONICAL VARIANT…`, `tag-split JOINED TAG…`, `tag-rename OLD NEW`: the same for
///   tags (keywords, topics), which are matched by key as well. A tag rule never touches a name
///   and a name rule never touches a tag, so one file can hold both. The target of a `tag-merge`
///   or `tag-rename` is the displayed name of its folded tag (``TagFolding``).
/// - `tag-keep TAG TAG…`: automatic tag folding (``TagFolding``: plurals, acronyms) never makes
///   two of these tags one; `tag-keep TAG` alone keeps TAG from folding with any other tag.
/// - `term-merge CANONICAL VARIANT…`, `term-drop TERM…`: the thesaurus of terms taken from titles
///   and abstracts (`--graph terms`): the variants count as CANONICAL, the dropped terms are never
///   terms. Identity resolution ignores them; the term extraction reads them (``Corpus/termRules``).
///
/// Names in an alias file may be written family name first (`Tong, Meg`): an author string is
/// compared as written and, if no rule matches it, in its natural order.
///
/// Blank lines and lines starting with `#` are ignored. Fields are separated by tabs (runs of two
/// or more spaces are accepted too). Errors name the file and line.
public struct AliasFile: Sendable, Equatable {
  public enum Rule: Sendable, Equatable {
    case merge(canonical: String, variants: [String])
    case split(joined: String, into: [String])
    case rename(from: String, to: String)
    case keep(String)
    /// `tag-keep`: tags that tag folding keeps apart (one tag: kept from folding with any other).
    case keepApart([String])
    /// `term-drop`: terms that are never terms.
    case drop([String])
  }

  /// What a rule applies to: people's names (the rules without a prefix) or tags (`tag-…`).
  public enum Scope: String, Sendable, Equatable {
    case person, tag, term
  }

  public struct Entry: Sendable, Equatable {
    public var rule: Rule
    public var source: SourceLocation
    public var scope: Scope = .person
  }

  public var entries: [Entry]

  public init(entries: [Entry] = []) { self.entries = entries }

  /// Reads an alias file.
  public init(_ file: TextFile) throws(IngestError) {
    var entries: [Entry] = []
    for (i, raw) in file.lines.enumerated() {
      let fields = Self.fields(raw)
      // Blank once normalised (also lines of only zero-width or control characters), or a comment.
      guard let first = fields.first, !first.hasPrefix("#") else { continue }
      let at = SourceLocation(file: file.path, line: i + 1)
      func fail(_ why: String) -> IngestError {
        IngestError(file: file.path, line: i + 1, reason: .invalidAliasRule(why), text: raw)
      }
      var kind = first.lowercased()
      var scope = Scope.person
      if kind.hasPrefix("tag-") {
        kind.removeFirst(4)
        scope = .tag
      } else if kind.hasPrefix("term-") {
        kind.removeFirst(5)
        scope = .term
        let args = Array(fields.dropFirst())
        switch kind {
        case "merge":
          guard args.count >= 2 else { throw fail("'term-merge' needs a canonical term and at least one variant") }
          entries.append(Entry(rule: .merge(canonical: args[0], variants: Array(args.dropFirst())), source: at, scope: .term))
        case "drop":
          guard !args.isEmpty else { throw fail("'term-drop' needs at least one term") }
          entries.append(Entry(rule: .drop(args), source: at, scope: .term))
        default:
          throw fail("unknown rule '\(first)' (term rules are term-merge and term-drop)")
        }
        continue
      }
      let what = scope == .tag ? "tag" : "name"
      let verb = scope == .tag ? "tag-" + kind : kind
      let args = Array(fields.dropFirst())
      switch kind {
      case "merge":
        guard args.count >= 2 else { throw fail("'\(verb)' needs a canonical \(what) and at least one variant") }
        entries.append(Entry(rule: .merge(canonical: args[0], variants: Array(args.dropFirst())), source: at, scope: scope))
      case "split":
        guard args.count >= 3 else { throw fail("'\(verb)' needs the joined \(what) and at least two \(what)s") }
        entries.append(Entry(rule: .split(joined: args[0], into: Array(args.dropFirst())), source: at, scope: scope))
      case "rename":
        guard args.count == 2 else { throw fail("'\(verb)' needs exactly an old and a new \(what)") }
        entries.append(Entry(rule: .rename(from: args[0], to: args[1]), source: at, scope: scope))
      case "keep" where scope == .tag:
        guard !args.isEmpty else { throw fail("'tag-keep' needs at least one tag") }
        entries.append(Entry(rule: .keepApart(args), source: at, scope: .tag))
      case "keep":
        guard args.count == 1 else { throw fail("'keep' needs exactly one name") }
        entries.append(Entry(rule: .keep(args[0]), source: at))
      default:
        throw fail(
          "unknown rule '\(first)' (expected merge, split, rename, keep, tag-merge, tag-split, tag-rename, tag-keep, term-merge or term-drop)")
      }
    }
    self.entries = entries
  }

  static func fields(_ line: String) -> [String] {
    var parts: [String] = []
    for tabPart in line.split(separator: "\t", omittingEmptySubsequences: true) {
      // Two or more spaces also separate fields.
      var current = ""
      var spaces = 0
      for ch in tabPart {
        if ch == " " {
          spaces += 1
          continue
        }
        if spaces >= 2 {
          parts.append(current)
          current = ""
        } else if spaces == 1 && !current.isEmpty {
          current.append(" ")
        }
        spaces = 0
        current.append(ch)
      }
      if !current.isEmpty { parts.append(current) }
    }
    return parts.map(NameNormalizer.normalize).filter { !$0.isEmpty }
  }

  /// Names (by key) that are deliberately one person.
  var keptKeys: Set<String> {
    Set(entries.compactMap { if case .keep(let n) = $0.rule, $0.scope == .person { return NameNormalizer.key(n) } else { return nil } })
  }

  /// What a name (or, with `scope: .tag`, a tag) becomes under the rules: one name, or several
  /// for a split; `nil` if no rule applies. Returns the index of the entry that applied; the first
  /// rule in the file wins.
  /// - Complexity: O(rules) per call; ``Index`` answers in O(1) after an O(rules) build.
  func apply(to name: String, scope: Scope = .person) -> (names: [String], entry: Int)? {
    if entries.isEmpty { return nil }
    return Index(self).apply(to: name, scope: scope)
  }

  /// The rules by the key of the name each one replaces, for applying a large alias file (say,
  /// thousands of accepted `coauthor names` suggestions) to every author of a large corpus.
  struct Index {
    let file: AliasFile
    private var person: [String: Int] = [:]
    private var tag: [String: Int] = [:]

    init(_ file: AliasFile) {
      self.file = file
      for (i, entry) in file.entries.enumerated() {
        var keys: [String] = []
        switch entry.rule {
        case .merge(_, let variants): keys = variants
        case .split(let joined, _): keys = [joined]
        case .rename(let from, _): keys = [from]
        case .keep, .keepApart, .drop: continue
        }
        if entry.scope == .term { continue }
        for name in keys {
          let key = Self.key(name, scope: entry.scope)
          switch entry.scope {
          case .person: if person[key] == nil { person[key] = i }
          case .tag: if tag[key] == nil { tag[key] = i }
          case .term: break
          }
        }
      }
    }

    /// A name's key in its natural order (`Tong, Meg` → `meg tong`); a tag's plain key.
    static func key(_ name: String, scope: Scope) -> String {
      if scope == .person, case .inverted(let natural) = InvertedName.read(NameNormalizer.normalize(name)) {
        return NameNormalizer.key(natural)
      }
      return NameNormalizer.key(name)
    }

    var isEmpty: Bool { person.isEmpty && tag.isEmpty }
    /// Whether some rule rewrites names of people (else ``apply(to:scope:)`` never does).
    var hasPersonRules: Bool { !person.isEmpty }
    /// Whether some rule rewrites tags.
    var hasTagRules: Bool { !tag.isEmpty }

    func apply(to name: String, scope: Scope) -> (names: [String], entry: Int)? {
      guard scope != .term else { return nil }
      let table = scope == .person ? person : tag
      if table.isEmpty { return nil }
      guard let i = table[Self.key(name, scope: scope)] else { return nil }
      switch file.entries[i].rule {
      case .merge(let canonical, _): return ([canonical], i)
      case .split(_, let names): return (names, i)
      case .rename(_, let to): return ([to], i)
      case .keep, .keepApart, .drop: return nil
      }
    }
  }
}

extension AliasFile.Rule: CustomStringConvertible {
  public var description: String {
    switch self {
    case .merge(let c, let v): return "merge \(v.map { "'\($0)'" }.joined(separator: ", ")) into '\(c)'"
    case .split(let j, let n): return "split '\(j)' into \(n.map { "'\($0)'" }.joined(separator: ", "))"
    case .rename(let f, let t): return "rename '\(f)' to '\(t)'"
    case .keep(let n): return "keep '\(n)' as one person"
    case .keepApart(let tags):
      return tags.count == 1 ? "keep '\(tags[0])' from folding with other tags" : "keep \(tags.map { "'\($0)'" }.joined(separator: ", ")) apart"
    case .drop(let terms): return "drop \(terms.map { "'\($0)'" }.joined(separator: ", "))"
    }
  }
}

extension AliasFile.Entry: CustomStringConvertible {
  /// The rule, with `tag ` before it for a tag rule (`tag rename 'LLM' to 'LLMs'`).
  public var description: String { (scope == .tag ? "tag " : scope == .term ? "term " : "") + rule.description }
}
