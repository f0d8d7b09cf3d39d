import Foundation
import TextEscaping

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Parses a small XML document with Foundation's `XMLParser` (libxml2 on Linux): the character
/// data of the root and the `a` attribute of the root; `nil` when it is not well-formed.
enum XMLProbe {
  struct Result {
    var text: String
    var attribute: String?
  }

  static func parse(_ document: String) -> Result? {
    final class Collector: NSObject, XMLParserDelegate {
      var text = ""
      var attribute: String?
      func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
      ) { attribute = attributes["a"] }
      func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    }
    let parser = XMLParser(data: Data(document.utf8))
    let collector = Collector()
    parser.delegate = collector
    parser.shouldResolveExternalEntities = false
    return parser.parse() ? Result(text: collector.text, attribute: collector.attribute) : nil
  }
}

/// A small RFC 4180 reader for one record ending in `\n`: fields separated by `,`; a quoted
/// field may hold `,`, `\n` and `""` (one quote); an unquoted field may hold no quote or line
/// break. `nil` when the text is not one well-formed record.
enum RFC4180 {
  static func parseRecord(_ text: String) -> [String]? {
    var fields: [String] = []
    var scalars = Array(text.unicodeScalars)[...]
    guard scalars.last == "\n" else { return nil }
    scalars = scalars.dropLast()
    while true {
      var field = ""
      if scalars.first == "\"" {
        scalars = scalars.dropFirst()
        while true {
          guard let c = scalars.first else { return nil }  // unterminated
          scalars = scalars.dropFirst()
          if c == "\"" {
            if scalars.first == "\"" {
              field += "\""
              scalars = scalars.dropFirst()
            } else {
              break
            }
          } else {
            field.unicodeScalars.append(c)
          }
        }
        guard scalars.isEmpty || scalars.first == "," else { return nil }
      } else {
        while let c = scalars.first, c != "," {
          if c == "\"" || c == "\n" || c == "\r" { return nil }
          field.unicodeScalars.append(c)
          scalars = scalars.dropFirst()
        }
      }
      fields.append(field)
      if scalars.isEmpty { return fields }
      scalars = scalars.dropFirst()  // the comma
    }
  }
}

/// Decodes what Graphviz reads from a DOT quoted string (the escapes our writer produces); `nil`
/// when the string is not closed, holds an unescaped quote, or uses an escape we never write.
enum DOTProbe {
  static func decode(_ quoted: String, context: DOT.Context) -> String? {
    var scalars = Array(quoted.unicodeScalars)[...]
    guard scalars.count >= 2, scalars.first == "\"", scalars.last == "\"" else { return nil }
    scalars = scalars.dropFirst().dropLast()
    var out = ""
    while let c = scalars.first {
      scalars = scalars.dropFirst()
      switch c {
      case "\"": return nil
      case "\\":
        if context == .tooltip, scalars.starts(with: ["\\", "\\", "\\"]) {
          out += "\\"
          scalars = scalars.dropFirst(3)
          continue
        }
        guard let next = scalars.first else { return nil }
        scalars = scalars.dropFirst()
        switch next {
        case "\"": out += "\""
        case "\\" where context != .tooltip: out += "\\"
        case "n" where context != .plain: out += "\n"
        default: return nil
        }
      case "&" where context == .label || context == .tooltip:
        guard scalars.starts(with: "amp;".unicodeScalars) else { return nil }
        scalars = scalars.dropFirst(4)
        out += "&"
      default:
        out.unicodeScalars.append(c)
      }
    }
    return out
  }

  /// Text of an HTML-like label: XML entities, `<BR/>`, `\\`.
  static func decodeHTMLLabel(_ text: String) -> String? {
    let entities: [(String, String)] = [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("<BR/>", "\n"), ("\\\\", "\\")]
    var scalars = Array(text.unicodeScalars)[...]
    var out = ""
    outer: while let c = scalars.first {
      for (entity, value) in entities where scalars.starts(with: entity.unicodeScalars) {
        out += value
        scalars = scalars.dropFirst(entity.unicodeScalars.count)
        continue outer
      }
      if "&<>\"'\\".unicodeScalars.contains(c) || c.value < 0x20 { return nil }
      out.unicodeScalars.append(c)
      scalars = scalars.dropFirst()
    }
    return out
  }
}

/// Decodes Markdown inline text as a CommonMark reader would for the escapes our writer
/// produces; `nil` when markup could still be read (an unescaped punctuation character, `<`, `>`,
/// a bare `&`, a line break).
enum MarkdownProbe {
  static func decodeText(_ text: String) -> String? {
    let punctuation = "\\`*_[]#|!~".unicodeScalars
    var scalars = Array(text.unicodeScalars)[...]
    var out = ""
    while let c = scalars.first {
      scalars = scalars.dropFirst()
      if c == "\\" {
        guard let next = scalars.first, punctuation.contains(next) else { return nil }
        out.unicodeScalars.append(next)
        scalars = scalars.dropFirst()
      } else if c == "&" {
        var matched = false
        for (entity, value) in [("amp;", "&"), ("lt;", "<"), ("gt;", ">")] where scalars.starts(with: entity.unicodeScalars) {
          out += value
          scalars = scalars.dropFirst(entity.unicodeScalars.count)
          matched = true
          break
        }
        if !matched { return nil }
      } else if punctuation.contains(c) || c == "<" || c == ">" || c == "\n" || c == "\r" {
        return nil
      } else {
        out.unicodeScalars.append(c)
      }
    }
    return out
  }
}
