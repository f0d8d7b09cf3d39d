/// JSON values and strings for every JSON output (CLI `--format json`, exports, the data inside
/// the HTML report's `<script>`): one encoder.
///
/// Every string first goes through ``TextSanitizer`` (the control and bidi rule; a line break is
/// `\n`). Then, besides JSON's own escapes (`"` and `\`, RFC 8259 §7), every `<`, `>` and `&` is
/// written `\u003c`, `\u003e`, `\u0026`: the same text is then safe inside an HTML `<script>`
/// element (no `</script>`, no `<!--`, no entity), and since a JSON parser reads the same string
/// either way, all JSON output uses this one form. (U+2028 and U+2029, which end lines in older
/// JavaScript, are already line breaks by the rule.)
///
///     JSON.quoted("</script>\u{2028}")   // "\u003c/script\u003e\n"
///
/// A ``JSON`` value keeps object members in the order given, so the output is stable and
/// documented; ``text(indent:)`` writes it compact or pretty-printed.
public indirect enum JSON: Sendable, Equatable {
  case string(String)
  case int(Int)
  /// A real number in Swift's shortest round-trip form (`0.5`, `3.0`, `1e-05`); `null` when not
  /// finite (JSON has no NaN or infinity).
  case double(Double)
  case bool(Bool)
  case null
  case array([JSON])
  case object([(String, JSON)])

  public static func == (a: JSON, b: JSON) -> Bool { a.text(indent: nil) == b.text(indent: nil) }

  /// The value as JSON text: compact when `indent` is nil, else pretty-printed with `indent`
  /// spaces a level (`"key": value`, one member or item a line, `[]`/`{}` when empty).
  public func text(indent: Int? = 2) -> String {
    var out = ""
    write(into: &out, level: 0, indent: indent)
    return out
  }

  private func write(into out: inout String, level: Int, indent: Int?) {
    let newline = indent == nil ? "" : "\n"
    let pad = { (l: Int) in String(repeating: " ", count: (indent ?? 0) * l) }
    switch self {
    case .string(let s): out += JSON.quoted(s)
    case .int(let i): out += String(i)
    case .double(let d): out += JSON.number(d)
    case .bool(let b): out += b ? "true" : "false"
    case .null: out += "null"
    case .array(let items):
      if items.isEmpty { out += "[]"; return }
      out += "[" + newline
      for (i, item) in items.enumerated() {
        out += pad(level + 1)
        item.write(into: &out, level: level + 1, indent: indent)
        out += (i < items.count - 1 ? "," : "") + newline
      }
      out += pad(level) + "]"
    case .object(let members):
      if members.isEmpty { out += "{}"; return }
      out += "{" + newline
      for (i, (key, value)) in members.enumerated() {
        out += pad(level + 1) + JSON.quoted(key) + (indent == nil ? ":" : ": ")
        value.write(into: &out, level: level + 1, indent: indent)
        out += (i < members.count - 1 ? "," : "") + newline
      }
      out += pad(level) + "}"
    }
  }

  /// A JSON number: Swift's shortest round-trip form, or `null` when `value` is not finite.
  public static func number(_ value: Double) -> String { value.isFinite ? value.description : "null" }

  /// `s` as a quoted JSON string (sanitised, script-safe).
  public static func quoted(_ s: String) -> String {
    if needsNoEscaping(s) { return "\"" + s + "\"" }
    var out = "\""
    out.reserveCapacity(s.utf8.count + 2)
    TextSanitizer.forEachPiece(of: s) { piece in
      switch piece {
      case .lineBreak: out += "\\n"
      case .scalar("\""): out += "\\\""
      case .scalar("\\"): out += "\\\\"
      case .scalar("<"): out += "\\u003c"
      case .scalar(">"): out += "\\u003e"
      case .scalar("&"): out += "\\u0026"
      case .scalar(let scalar): out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  /// Appends ``quoted(_:)`` of `s` to `bytes` as UTF-8 (the same bytes; a string that needs no
  /// escaping, as most names and titles, is copied as it is).
  public static func appendQuoted(_ s: String, to bytes: inout [UInt8]) {
    if needsNoEscaping(s) {
      bytes.append(0x22)
      bytes.append(contentsOf: s.utf8)
      bytes.append(0x22)
    } else {
      bytes.append(contentsOf: quoted(s).utf8)
    }
  }

  /// Whether ``quoted(_:)`` writes `s` unchanged between its quotes: no byte is an ASCII control,
  /// DEL, `"`, `\`, `<`, `>` or `&`, and no byte is the lead byte of a character the sanitiser
  /// could replace or break a line at (U+0080–U+009F start with 0xC2, U+061C with 0xD8, the bidi
  /// formatting characters and U+2028/U+2029 with 0xE2, U+FFFE/U+FFFF with 0xEF; continuation
  /// bytes are 0x80–0xBF, so they never equal a lead byte). A false answer only means the slow,
  /// exact path is taken.
  ///
  /// - Complexity: O(*n*) in the UTF-8 length of `s`.
  static func needsNoEscaping(_ s: String) -> Bool {
    var clean = true
    var s = s
    s.withUTF8 { buffer in
      for b in buffer {
        switch b {
        case 0x00 ..< 0x20, 0x22, 0x26, 0x3C, 0x3E, 0x5C, 0x7F, 0xC2, 0xD8, 0xE2, 0xEF:
          clean = false
          return
        default: continue
        }
      }
    }
    return clean
  }
}
