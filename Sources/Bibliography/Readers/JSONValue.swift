/// A parsed JSON value that remembers the line it started on, so that schema errors can point
/// at the offending record.
indirect enum JSONValue: Sendable {
  case null(line: Int)
  case bool(Bool, line: Int)
  case number(Double, line: Int)
  case string(String, line: Int)
  case array([JSONValue], line: Int)
  case object([(key: String, value: JSONValue)], line: Int)

  var line: Int {
    switch self {
    case .null(let l), .bool(_, let l), .number(_, let l), .string(_, let l), .array(_, let l), .object(_, let l): return l
    }
  }

  var typeName: String {
    switch self {
    case .null: return "null"
    case .bool: return "a boolean"
    case .number: return "a number"
    case .string: return "a string"
    case .array: return "an array"
    case .object: return "an object"
    }
  }

  subscript(key: String) -> JSONValue? {
    guard case .object(let members, _) = self else { return nil }
    return members.last { $0.key == key }?.value
  }
}

/// A strict RFC 8259 parser over UTF-8 bytes with line and column tracking. Nesting is bounded
/// so hostile input cannot exhaust the stack.
struct JSONParser {
  struct Failure: Error {
    var line: Int
    var column: Int
    var message: String
  }

  private let bytes: [UInt8]
  private var index = 0
  private var line = 1
  private var lineStart = 0
  private var depth = 0
  static let maxDepth = 256

  init(_ text: String) { bytes = Array(text.utf8) }

  static func parse(_ text: String) throws(Failure) -> JSONValue {
    var parser = JSONParser(text)
    parser.skipWhitespace()
    let value = try parser.parseValue()
    parser.skipWhitespace()
    if parser.index < parser.bytes.count { throw parser.failure("unexpected text after the JSON value") }
    return value
  }

  /// The failure at the current position. The column counts Unicode scalars (not UTF-8 bytes)
  /// from the start of the line, so text before the error may hold any non-ASCII letters.
  private func failure(_ message: String) -> Failure {
    let end = min(index, bytes.count)
    let scalars = bytes[lineStart ..< end].reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
    return Failure(line: line, column: scalars + 1, message: message)
  }

  private mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09: index += 1
      case 0x0A, 0x0D:
        // LF, CRLF and a lone CR each end a line, as in `TextFile.lines`.
        if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
        index += 1
        line += 1
        lineStart = index
      default: return
      }
    }
  }

  private mutating func parseValue() throws(Failure) -> JSONValue {
    guard index < bytes.count else { throw failure("unexpected end of input") }
    let startLine = line
    switch bytes[index] {
    case UInt8(ascii: "{"): return try parseObject()
    case UInt8(ascii: "["): return try parseArray()
    case UInt8(ascii: "\""): return .string(try parseString(), line: startLine)
    case UInt8(ascii: "t"): try expectWord("true"); return .bool(true, line: startLine)
    case UInt8(ascii: "f"): try expectWord("false"); return .bool(false, line: startLine)
    case UInt8(ascii: "n"): try expectWord("null"); return .null(line: startLine)
    case UInt8(ascii: "-"), UInt8(ascii: "0") ... UInt8(ascii: "9"): return try parseNumber()
    default: throw failure("unexpected character '\(Character(Unicode.Scalar(bytes[index])))'")
    }
  }

  private mutating func expectWord(_ word: String) throws(Failure) {
    let w = Array(word.utf8)
    guard index + w.count <= bytes.count, Array(bytes[index ..< index + w.count]) == w else {
      throw failure("invalid literal (expected '\(word)')")
    }
    index += w.count
  }

  private mutating func parseNumber() throws(Failure) -> JSONValue {
    let start = index
    let startLine = line
    while index < bytes.count, "+-0123456789.eE".utf8.contains(bytes[index]) { index += 1 }
    let text = String(decoding: bytes[start ..< index], as: UTF8.self)
    guard Self.isJSONNumber(bytes[start ..< index]), let value = Double(text) else {
      throw failure("invalid number '\(text)'")
    }
    return .number(value, line: startLine)
  }

  /// RFC 8259 number grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
  static func isJSONNumber(_ text: ArraySlice<UInt8>) -> Bool {
    var i = text.startIndex
    func isDigit(_ at: Int) -> Bool { at < text.endIndex && (0x30 ... 0x39).contains(text[at]) }
    func digits() -> Bool {
      guard isDigit(i) else { return false }
      while isDigit(i) { i += 1 }
      return true
    }
    if i < text.endIndex, text[i] == UInt8(ascii: "-") { i += 1 }
    if i < text.endIndex, text[i] == UInt8(ascii: "0") {
      i += 1
    } else if !digits() {
      return false
    }
    if i < text.endIndex, text[i] == UInt8(ascii: ".") {
      i += 1
      guard digits() else { return false }
    }
    if i < text.endIndex, text[i] == UInt8(ascii: "e") || text[i] == UInt8(ascii: "E") {
      i += 1
      if i < text.endIndex, text[i] == UInt8(ascii: "+") || text[i] == UInt8(ascii: "-") { i += 1 }
      guard digits() else { return false }
    }
    return i == text.endIndex
  }

  private mutating func parseString() throws(Failure) -> String {
    index += 1  // opening quote
    var out: [UInt8] = []
    while true {
      guard index < bytes.count else { throw failure("unterminated string") }
      let b = bytes[index]
      switch b {
      case UInt8(ascii: "\""):
        index += 1
        return String(decoding: out, as: UTF8.self)
      case UInt8(ascii: "\\"):
        index += 1
        guard index < bytes.count else { throw failure("unterminated escape") }
        let e = bytes[index]
        index += 1
        switch e {
        case UInt8(ascii: "\""): out.append(0x22)
        case UInt8(ascii: "\\"): out.append(0x5C)
        case UInt8(ascii: "/"): out.append(0x2F)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
          var code = try hex4()
          if (0xD800 ... 0xDBFF).contains(code) {
            // A surrogate pair.
            if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
              index += 2
              let low = try hex4()
              guard (0xDC00 ... 0xDFFF).contains(low) else { throw failure("invalid surrogate pair") }
              code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            } else {
              throw failure("lone surrogate in \\u escape")
            }
          } else if (0xDC00 ... 0xDFFF).contains(code) {
            throw failure("lone surrogate in \\u escape")
          }
          out.append(contentsOf: Array(String(Character(Unicode.Scalar(code)!)).utf8))
        default: throw failure("invalid escape '\\\(Character(Unicode.Scalar(e)))'")
        }
      case 0x00 ..< 0x20:
        throw failure("control character in string (escape it)")
      default:
        out.append(b)
        index += 1
      }
    }
  }

  private mutating func hex4() throws(Failure) -> UInt32 {
    guard index + 4 <= bytes.count else { throw failure("truncated \\u escape") }
    var v: UInt32 = 0
    for _ in 0 ..< 4 {
      let c = bytes[index]
      let d: UInt32
      switch c {
      case UInt8(ascii: "0") ... UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
      case UInt8(ascii: "a") ... UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A") ... UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
      default: throw failure("invalid \\u escape")
      }
      v = v * 16 + d
      index += 1
    }
    return v
  }

  private mutating func enter() throws(Failure) {
    depth += 1
    if depth > Self.maxDepth { throw failure("nesting deeper than \(Self.maxDepth) levels") }
  }

  private mutating func parseArray() throws(Failure) -> JSONValue {
    let startLine = line
    try enter()
    defer { depth -= 1 }
    index += 1
    var items: [JSONValue] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return .array(items, line: startLine)
    }
    while true {
      skipWhitespace()
      items.append(try parseValue())
      skipWhitespace()
      guard index < bytes.count else { throw failure("unterminated array") }
      if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
      if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items, line: startLine) }
      throw failure("expected ',' or ']' in array")
    }
  }

  private mutating func parseObject() throws(Failure) -> JSONValue {
    let startLine = line
    try enter()
    defer { depth -= 1 }
    index += 1
    var members: [(key: String, value: JSONValue)] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return .object(members, line: startLine)
    }
    while true {
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw failure("expected a quoted key in object") }
      let key = try parseString()
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw failure("expected ':' after key") }
      index += 1
      skipWhitespace()
      members.append((key, try parseValue()))
      skipWhitespace()
      guard index < bytes.count else { throw failure("unterminated object") }
      if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
      if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members, line: startLine) }
      throw failure("expected ',' or '}' in object")
    }
  }
}
