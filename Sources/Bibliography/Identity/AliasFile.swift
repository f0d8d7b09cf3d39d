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
///
/// Blank lines and lines starting with `#` are ignored. Fields are separated by tabs (runs of two
/// or more spaces are accepted too). Errors name the file and line.
public struct AliasFile: Sendable, Equatable {
  public enum Rule: Sendable, Equatable {
    case merge(canonical: String, variants: [String])
    case split(joined: String, into: [String])
    case rename(from: String, to: String)
    case keep(String)
  }

  public struct Entry: Sendable, Equatable {
    public var rule: Rule
    public var source: SourceLocation
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
      let kind = first.lowercased()
      let args = Array(fields.dropFirst())
      switch kind {
      case "merge":
        guard args.count >= 2 else { throw fail("'merge' needs a canonical name and at least one variant") }
        entries.append(Entry(rule: .merge(canonical: args[0], variants: Array(args.dropFirst())), source: at))
      case "split":
        guard args.count >= 3 else { throw fail("'split' needs the joined name and at least two names") }
        entries.append(Entry(rule: .split(joined: args[0], into: Array(args.dropFirst())), source: at))
      case "rename":
        guard args.count == 2 else { throw fail("'rename' needs exactly an old and a new name") }
        entries.append(Entry(rule: .rename(from: args[0], to: args[1]), source: at))
      case "keep":
        guard args.count == 1 else { throw fail("'keep' needs exactly one name") }
        entries.append(Entry(rule: .keep(args[0]), source: at))
      default:
        throw fail("unknown rule '\(first)' (expected merge, split, rename or keep)")
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
    Set(entries.compactMap { if case .keep(let n) = $0.rule { return NameNormalizer.key(n) } else { return nil } })
  }

  /// What a name becomes under the rules: one name, or several for a split; `nil` if no rule applies.
  /// Returns the index of the entry that applied.
  func apply(to name: String) -> (names: [String], entry: Int)? {
    if entries.isEmpty { return nil }
    let key = NameNormalizer.key(name)
    for (i, entry) in entries.enumerated() {
      switch entry.rule {
      case .merge(let canonical, let variants):
        if variants.contains(where: { NameNormalizer.key($0) == key }) { return ([canonical], i) }
      case .split(let joined, let names):
        if NameNormalizer.key(joined) == key { return (names, i) }
      case .rename(let from, let to):
        if NameNormalizer.key(from) == key { return ([to], i) }
      case .keep:
        continue
      }
    }
    return nil
  }
}

extension AliasFile.Rule: CustomStringConvertible {
  public var description: String {
    switch self {
    case .merge(let c, let v): return "merge \(v.map { "'\($0)'" }.joined(separator: ", ")) into '\(c)'"
    case .split(let j, let n): return "split '\(j)' into \(n.map { "'\($0)'" }.joined(separator: ", "))"
    case .rename(let f, let t): return "rename '\(f)' to '\(t)'"
    case .keep(let n): return "keep '\(n)' as one person"
    }
  }
}
