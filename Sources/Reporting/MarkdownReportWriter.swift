import GraphCore
import TextEscaping

/// Writes a ``ReportDocument`` as GitHub-flavoured Markdown. Pictures are referenced by file
/// name (`figures[key]`, e.g. `authors.svg`); text is escaped by the TextEscaping module
/// (`Markdown`, after its one rule for control and bidi characters) so names cannot inject
/// markup or reorder the text around them.
public struct MarkdownReportWriter: Sendable {
  /// Figure file names by key, relative to the Markdown file.
  public var figures: [String: String]

  public init(figures: [String: String] = [:]) { self.figures = figures }

  public func write(_ document: ReportDocument) -> String {
    var out = "# \(Markdown.text(document.title))\n"
    for block in document.blocks {
      out += "\n"
      switch block {
      case .heading(let level, let text, let anchor):
        out += "<a id=\"\(anchor)\"></a>\n\n" + String(repeating: "#", count: level) + " " + Markdown.text(text) + "\n"
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
          out += "![\(Markdown.text(caption))](\(file))\n\n*\(Markdown.text(caption))*\n"
        } else {
          out += "*(picture not rendered: \(Markdown.text(caption)))*\n"
        }
      case .figureRow(let keys, let captions, let caption):
        let shown = keys.indices.filter { figures[keys[$0]] != nil }
        if shown.isEmpty {
          out += "*(pictures not rendered: \(Markdown.text(caption)))*\n"
        } else {
          out += "| " + shown.map { Markdown.text($0 < captions.count ? captions[$0] : keys[$0]) }.joined(separator: " | ") + " |\n"
          out += "|" + String(repeating: " :---: |", count: shown.count) + "\n"
          out += "| " + shown.map { "![\(Markdown.text(keys[$0]))](\(figures[keys[$0]]!))" }.joined(separator: " | ") + " |\n\n"
          out += "*\(Markdown.text(caption))*\n"
        }
      case .barChart(let chart):
        out += "**\(Markdown.text(chart.title))**\n\n"
        out += "| " + ([""] + chart.categories).map(Markdown.text).joined(separator: " | ") + " |\n"
        out += "| --- |" + String(repeating: " ---: |", count: chart.categories.count) + "\n"
        for s in chart.series {
          out += "| " + ([Markdown.text(s.name)] + s.values.map(\.countText)).joined(separator: " | ") + " |\n"
        }
      case .intervalChart(let chart):
        out += "**\(Markdown.text(chart.title))**\n\n"
        out += "| " + ([""] + chart.years.map(String.init)).joined(separator: " | ") + " |\n"
        out += "| --- |" + String(repeating: " :---: |", count: chart.years.count) + "\n"
        for row in chart.rows {
          let marks = chart.years.map { $0 >= row.start && $0 <= row.end ? "■" : "" }
          out += "| " + ([Markdown.text(row.label)] + marks).joined(separator: " | ") + " |\n"
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
      case .text(let s): return Markdown.text(s)
      case .strong(let s): return "**" + Markdown.text(s) + "**"
      case .emphasis(let s): return "*" + Markdown.text(s) + "*"
      case .code(let s): return Markdown.code(s)
      case .anchorLink(let s, let anchor): return "[" + Markdown.text(s) + "](#" + anchor + ")"
      case .anchor(let id): return "<a id=\"" + id + "\"></a>"
      }
    }.joined()
  }

  static func cell(_ s: String) -> String { s.replacingAll("\n", with: " ") }
}

extension String {
  func replacingAll(_ target: Character, with replacement: String) -> String {
    var out = ""
    for ch in self { if ch == target { out += replacement } else { out.append(ch) } }
    return out
  }
}
