/// Writes a ``ReportDocument`` as GitHub-flavoured Markdown. Pictures are referenced by file
/// name (`figures[key]`, e.g. `authors.svg`); text is escaped so names cannot inject markup.
public struct MarkdownReportWriter: Sendable {
  /// Figure file names by key, relative to the Markdown file.
  public var figures: [String: String]

  public init(figures: [String: String] = [:]) { self.figures = figures }

  public func write(_ document: ReportDocument) -> String {
    var out = "# \(Self.escape(document.title))\n"
    for block in document.blocks {
      out += "\n"
      switch block {
      case .heading(let level, let text, let anchor):
        out += "<a id=\"\(anchor)\"></a>\n\n" + String(repeating: "#", count: level) + " " + Self.escape(text) + "\n"
      case .paragraph(let inlines):
        out += Self.inline(inlines) + "\n"
      case .bullets(let items):
        for item in items { out += "- " + Self.inline(item) + "\n" }
      case .table(let headers, let rows, let numeric):
        out += "| " + headers.map(Self.cell).joined(separator: " | ") + " |\n"
        out += "|" + numeric.map { $0 ? " ---: |" : " --- |" }.joined() + "\n"
        for row in rows { out += "| " + row.map { Self.cell(Self.inline($0)) }.joined(separator: " | ") + " |\n" }
      case .figure(let key, let caption):
        if let file = figures[key] {
          out += "![\(Self.escape(caption))](\(file))\n\n*\(Self.escape(caption))*\n"
        } else {
          out += "*(picture not rendered: \(Self.escape(caption)))*\n"
        }
      case .figureRow(let keys, let captions, let caption):
        let shown = keys.indices.filter { figures[keys[$0]] != nil }
        if shown.isEmpty {
          out += "*(pictures not rendered: \(Self.escape(caption)))*\n"
        } else {
          out += "| " + shown.map { Self.escape($0 < captions.count ? captions[$0] : keys[$0]) }.joined(separator: " | ") + " |\n"
          out += "|" + String(repeating: " :---: |", count: shown.count) + "\n"
          out += "| " + shown.map { "![\(Self.escape(keys[$0]))](\(figures[keys[$0]]!))" }.joined(separator: " | ") + " |\n\n"
          out += "*\(Self.escape(caption))*\n"
        }
      case .barChart(let chart):
        out += "**\(Self.escape(chart.title))**\n\n"
        out += "| " + ([""] + chart.categories).map(Self.escape).joined(separator: " | ") + " |\n"
        out += "| --- |" + String(repeating: " ---: |", count: chart.categories.count) + "\n"
        for s in chart.series {
          out += "| " + ([Self.escape(s.name)] + s.values.map(String.init)).joined(separator: " | ") + " |\n"
        }
      case .searchBox:
        out += "*Every researcher with a profile is listed under [Researcher profiles](#researchers).*\n"
      }
    }
    return out
  }

  static func inline(_ parts: [Inline]) -> String {
    parts.map { part -> String in
      switch part {
      case .text(let s): return escape(s)
      case .strong(let s): return "**" + escape(s) + "**"
      case .emphasis(let s): return "*" + escape(s) + "*"
      case .code(let s): return code(s)
      case .anchorLink(let s, let anchor): return "[" + escape(s) + "](#" + anchor + ")"
      case .anchor(let id): return "<a id=\"" + id + "\"></a>"
      }
    }.joined()
  }

  static func cell(_ s: String) -> String { s.replacingAll("\n", with: " ") }

  /// Backslash-escapes Markdown punctuation and replaces HTML-significant characters with
  /// entities, so a name like `<script>` or `*bold*` stays literal text.
  static func escape(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.count)
    for ch in s {
      switch ch {
      case "\\", "`", "*", "_", "[", "]", "#", "|", "!", "~": out.append("\\"); out.append(ch)
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "&": out += "&amp;"
      case "\n", "\r": out += " "
      default:
        if let scalar = ch.unicodeScalars.first, ch.unicodeScalars.count == 1, scalar.value < 0x20 || (0x202A ... 0x202E).contains(scalar.value) || (0x2066 ... 0x2069).contains(scalar.value) {
          continue  // control characters and bidi overrides are dropped
        }
        out.append(ch)
      }
    }
    return out
  }

  static func code(_ s: String) -> String {
    let clean = escapeControls(s).replacingAll("`", with: "'").replacingAll("|", with: "\\|")
    return "`" + clean + "`"
  }

  static func escapeControls(_ s: String) -> String {
    String(s.unicodeScalars.filter { $0.value >= 0x20 && !(0x202A ... 0x202E).contains($0.value) && !(0x2066 ... 0x2069).contains($0.value) }.map(Character.init))
  }
}

extension String {
  func replacingAll(_ target: Character, with replacement: String) -> String {
    var out = ""
    for ch in self { if ch == target { out += replacement } else { out.append(ch) } }
    return out
  }
}
