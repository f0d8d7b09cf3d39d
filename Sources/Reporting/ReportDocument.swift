/// Inline text of a report: plain text is data and is escaped by each writer.
public enum Inline: Sendable, Equatable {
  case text(String)
  case strong(String)
  case emphasis(String)
  case code(String)
  /// A link to an anchor within the report (`#id`).
  case anchorLink(String, anchor: String)
  /// An invisible link target (`id`) at this point of the text.
  case anchor(String)
}

/// A block of a report, written out by ``MarkdownReportWriter`` and ``HTMLReportWriter``.
public enum Block: Sendable, Equatable {
  case heading(level: Int, text: String, anchor: String)
  case paragraph([Inline])
  case bullets([[Inline]])
  /// A table; `numeric[i]` right-aligns column `i`.
  case table(headers: [String], rows: [[[Inline]]], numeric: [Bool])
  /// A network picture, by key (`authors`, `fellows`, `tags`), with a caption.
  case figure(key: String, caption: String)
}

/// A report as a list of blocks: built once from an ``Analysis``, written as Markdown or HTML.
public struct ReportDocument: Sendable, Equatable {
  public var title: String
  public var blocks: [Block]

  public init(title: String, blocks: [Block]) {
    self.title = title
    self.blocks = blocks
  }
}

/// What the report says about how it was made.
public struct ReportContext: Sendable, Equatable {
  /// Shown in the title: usually the listing's name.
  public var title: String
  /// Input files as the user named them.
  public var inputs: [String]
  /// The alias file, if one was applied.
  public var aliasFile: String?
  /// The command that reproduces the report.
  public var command: String
  /// The Graphviz layout engine used for the pictures.
  public var engine: String
  /// How many researchers the ranking tables show.
  public var topCount: Int

  public init(title: String, inputs: [String], aliasFile: String? = nil, command: String, engine: String = "sfdp", topCount: Int = 10) {
    self.title = title
    self.inputs = inputs
    self.aliasFile = aliasFile
    self.command = command
    self.engine = engine
    self.topCount = topCount
  }
}

/// Turns a name into an anchor id: ASCII letters and digits kept (lowercased), other letters
/// and digits as `u` + hex code point (so `Iván` and `Ivan` differ and CJK names stay distinct),
/// anything else a single hyphen.
public func anchorID(_ prefix: String, _ text: String) -> String {
  var out = ""
  var lastHyphen = false
  for scalar in text.lowercased().unicodeScalars {
    if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
      out.unicodeScalars.append(scalar)
      lastHyphen = false
    } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
      out += "u" + String(scalar.value, radix: 16)
      lastHyphen = false
    } else if !lastHyphen && !out.isEmpty {
      out.append("-")
      lastHyphen = true
    }
  }
  while out.hasSuffix("-") { out.removeLast() }
  return prefix + "-" + (out.isEmpty ? "x" : out)
}

/// One unique anchor per name: ``anchorID(_:_:)``, with `-2`, `-3`, … added where two names
/// would share one. Built from the author network's labels, so report and pictures agree.
public struct PersonAnchors: Sendable {
  private var ids: [String: String] = [:]

  public init(names: [String]) {
    var used = Set<String>()
    for name in names where ids[name] == nil {
      let base = anchorID("person", name)
      var id = base
      var k = 2
      while used.contains(id) {
        id = "\(base)-\(k)"
        k += 1
      }
      used.insert(id)
      ids[name] = id
    }
  }

  /// The anchor of `name`, or a plain slug for a name not in the list.
  public subscript(name: String) -> String { ids[name] ?? anchorID("person", name) }
}
