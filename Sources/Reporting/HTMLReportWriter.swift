import Foundation

/// Writes a ``ReportDocument`` as one self-contained HTML page: styles inline, pictures as
/// inline SVG, no external resources, no scripts. All text is escaped.
public struct HTMLReportWriter: Sendable {
  /// SVG text by figure key (`authors`, `fellows`, `tags`).
  public var svgs: [String: String]

  public init(svgs: [String: String] = [:]) { self.svgs = svgs }

  static let style = """
    body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;max-width:72rem;margin:0 auto;padding:1.5rem;color:#1b1b1b;line-height:1.5}
    h1{font-size:1.8rem;border-bottom:2px solid #0072B2;padding-bottom:.3rem}
    h2{margin-top:2.2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
    table{border-collapse:collapse;margin:.8rem 0;font-size:.92rem}
    th,td{border:1px solid #ddd;padding:.3rem .55rem;vertical-align:top;text-align:left}
    th{background:#f3f6f9}
    td.num{text-align:right;font-variant-numeric:tabular-nums}
    tr:nth-child(even) td{background:#fafafa}
    figure{margin:1rem 0;border:1px solid #e3e3e3;border-radius:6px;padding:.5rem;overflow:auto;background:#fff}
    figure svg{max-width:100%;height:auto}
    figcaption{color:#555;font-size:.9rem;margin-top:.3rem}
    code{background:#f1f1f1;padding:0 .25rem;border-radius:3px}
    nav{background:#f7f9fb;border:1px solid #e3e8ee;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}
    nav a{margin-right:1rem}
    :target{background:#fff3bf}
    """

  public func write(_ document: ReportDocument) -> String {
    var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    out += "<title>\(Self.escape(document.title))</title>\n<style>\n\(Self.style)\n</style>\n</head>\n<body>\n"
    out += "<h1>\(Self.escape(document.title))</h1>\n"
    let sections = document.blocks.compactMap { b -> (String, String)? in
      if case .heading(2, let text, let anchor) = b { return (text, anchor) }
      return nil
    }
    out += "<nav>" + sections.map { "<a href=\"#\($0.1)\">\(Self.escape($0.0))</a>" }.joined(separator: " ") + "</nav>\n"
    for block in document.blocks {
      switch block {
      case .heading(let level, let text, let anchor):
        out += "<h\(level) id=\"\(Self.escape(anchor))\">\(Self.escape(text))</h\(level)>\n"
      case .paragraph(let inlines):
        out += "<p>" + Self.inline(inlines) + "</p>\n"
      case .bullets(let items):
        out += "<ul>\n" + items.map { "<li>" + Self.inline($0) + "</li>\n" }.joined() + "</ul>\n"
      case .table(let headers, let rows, let numeric):
        out += "<table>\n<thead><tr>" + headers.map { "<th>\(Self.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows {
          out += "<tr>"
          for (i, cell) in row.enumerated() {
            out += (i < numeric.count && numeric[i] ? "<td class=\"num\">" : "<td>") + Self.inline(cell) + "</td>"
          }
          out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
      case .figure(let key, let caption):
        out += "<figure id=\"figure-\(Self.escape(key))\">\n"
        if let svg = svgs[key] {
          out += Self.inlineSVG(svg)
        } else {
          out += "<p><em>(picture not rendered)</em></p>\n"
        }
        out += "<figcaption>\(Self.escape(caption))</figcaption>\n</figure>\n"
      }
    }
    out += "</body>\n</html>\n"
    return out
  }

  /// Drops the XML declaration and DOCTYPE so the SVG can sit inside HTML.
  static func inlineSVG(_ svg: String) -> String {
    guard let start = svg.range(of: "<svg") else { return "" }
    var body = String(svg[start.lowerBound...])
    if !body.hasSuffix("\n") { body += "\n" }
    return body
  }

  static func inline(_ parts: [Inline]) -> String {
    parts.map { part -> String in
      switch part {
      case .text(let s): return escape(s)
      case .strong(let s): return "<strong>" + escape(s) + "</strong>"
      case .emphasis(let s): return "<em>" + escape(s) + "</em>"
      case .code(let s): return "<code>" + escape(s) + "</code>"
      case .anchorLink(let s, let anchor): return "<a href=\"#" + escape(anchor) + "\">" + escape(s) + "</a>"
      case .anchor(let id): return "<span id=\"" + escape(id) + "\"></span>"
      }
    }.joined()
  }

  /// Escapes text for HTML element content and attribute values; drops control characters.
  public static func escape(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.count)
    for scalar in s.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\n", "\t": out.unicodeScalars.append(scalar)
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
