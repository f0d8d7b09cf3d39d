/// JSON text that is safe inside an HTML `<script>` element.
///
/// Besides JSON's own escapes (`"`, `\`, control characters), every `<`, `>` and `&` is written
/// as `\u003c`, `\u003e`, `\u0026`, so no data can close the element (`</script>`), open a
/// comment (`<!--`) or form an entity; U+2028 and U+2029 are escaped because older JavaScript
/// parsers end a line there. The result is still valid JSON meaning the same strings.
///
///     ScriptJSON.string("</script>")   // "\u003c/script\u003e"
public enum ScriptJSON {
  /// A JSON value: string, integer, array or object (keys in the given order).
  public indirect enum Value: Sendable, Equatable {
    case string(String)
    case int(Int)
    case null
    case array([Value])
    case object([(String, Value)])

    public static func == (a: Value, b: Value) -> Bool { a.text == b.text }

    /// The value as script-safe JSON text.
    public var text: String {
      var out = ""
      write(into: &out)
      return out
    }

    func write(into out: inout String) {
      switch self {
      case .string(let s): out += ScriptJSON.string(s)
      case .int(let i): out += String(i)
      case .null: out += "null"
      case .array(let items):
        out += "["
        for (i, item) in items.enumerated() {
          if i > 0 { out += "," }
          item.write(into: &out)
        }
        out += "]"
      case .object(let members):
        out += "{"
        for (i, (key, value)) in members.enumerated() {
          if i > 0 { out += "," }
          out += ScriptJSON.string(key) + ":"
          value.write(into: &out)
        }
        out += "}"
      }
    }
  }

  /// `s` as a quoted, script-safe JSON string.
  public static func string(_ s: String) -> String {
    let hex = Array("0123456789abcdef".unicodeScalars)
    var out = "\""
    out.reserveCapacity(s.utf8.count + 2)
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "<", ">", "&", "\u{2028}", "\u{2029}":
        out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          out += "\\u00"
          out.unicodeScalars.append(hex[Int(scalar.value >> 4)])
          out.unicodeScalars.append(hex[Int(scalar.value & 0xF)])
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
