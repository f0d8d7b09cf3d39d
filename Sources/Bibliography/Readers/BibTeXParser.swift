import Foundation

/// The BibTeX grammar over UTF-8 bytes (every structural character is ASCII): entries with their
/// raw field values (braces and LaTeX kept, `@string` macros expanded, `#` joined). Used by
/// ``BibTeXReader``, which documents the syntax.
struct BibTeXParser {
  /// One `@type{key, …}` entry: raw field values (braces and LaTeX kept, macros expanded).
  struct Entry {
    struct Field {
      var name: String
      var value: String
      var line: Int
    }
    var type: String
    var key: String
    var line: Int
    var fields: [Field]

    /// The first field called `name` (lower case).
    func field(_ name: String) -> Field? { fields.first { $0.name == name } }
  }

  let bytes: [UInt8]
  let path: String
  var pos = 0
  /// Offsets where lines start (after LF, CRLF or a lone CR, as ``TextFile`` counts lines).
  let lineStarts: [Int]
  var macros: [String: String] = [
    "jan": "January", "feb": "February", "mar": "March", "apr": "April", "may": "May", "jun": "June",
    "jul": "July", "aug": "August", "sep": "September", "oct": "October", "nov": "November", "dec": "December",
  ]
  var diagnostics: [Diagnostic] = []

  init(text: String, path: String) {
    self.bytes = Array(text.utf8)
    self.path = path
    var starts = [0]
    var i = 0
    let n = bytes.count
    while i < n {
      if bytes[i] == 0x0A {
        starts.append(i + 1)
      } else if bytes[i] == 0x0D {
        if i + 1 < n && bytes[i + 1] == 0x0A { i += 1 }
        starts.append(i + 1)
      }
      i += 1
    }
    self.lineStarts = starts
  }

  /// The 1-based line of byte `offset`.
  func line(at offset: Int) -> Int {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
    }
    return low + 1
  }

  func error(_ why: String, at offset: Int, text: String? = nil) -> IngestError {
    IngestError(file: path, line: line(at: min(offset, max(bytes.count - 1, 0))), reason: .invalidSyntax(why), text: text)
  }

  func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

  static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }
  static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
  static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

  mutating func skipSpaces() {
    while pos < bytes.count {
      let b = bytes[pos]
      if Self.isSpace(b) {
        pos += 1
      } else if b == 0xC2 && pos + 1 < bytes.count && bytes[pos + 1] == 0xA0 {
        pos += 2  // U+00A0
      } else {
        break
      }
    }
  }

  /// Whether an entry starts at `offset`: `@`, letters, optional spaces, `{` or `(`.
  func entryStarts(at offset: Int) -> Bool {
    guard offset < bytes.count, bytes[offset] == 0x40 else { return false }
    var j = offset + 1
    guard j < bytes.count, Self.isLetter(bytes[j]) else { return false }
    while j < bytes.count && Self.isLetter(bytes[j]) { j += 1 }
    while j < bytes.count && (bytes[j] == 0x20 || bytes[j] == 0x09) { j += 1 }
    return j < bytes.count && (bytes[j] == 0x7B || bytes[j] == 0x28)
  }

  mutating func parse() throws(IngestError) -> [Entry] {
    var entries: [Entry] = []
    var skippedLines: [Int] = []
    var comments = 0
    var preambles = 0
    let n = bytes.count
    while pos < n {
      // Text between entries: skipped, remembered by line. A `%` line is a comment (an `@` in
      // it starts nothing) and is not reported.
      while pos < n && bytes[pos] != 0x40 {
        let b = bytes[pos]
        if !Self.isSpace(b) {
          let l = line(at: pos)
          if b == 0x25 && bytes[lineStarts[l - 1] ..< pos].allSatisfy(Self.isSpace) {
            while pos < n && bytes[pos] != 0x0A && bytes[pos] != 0x0D { pos += 1 }
            continue
          }
          if skippedLines.last != l { skippedLines.append(l) }
        }
        pos += 1
      }
      guard pos < n else { break }
      let at = pos
      pos += 1
      skipSpaces()
      let typeStart = pos
      while pos < n && (Self.isLetter(bytes[pos]) || Self.isDigit(bytes[pos]) || bytes[pos] == 0x5F || bytes[pos] == 0x2D) {
        pos += 1
      }
      let type = string(typeStart ..< pos).lowercased()
      if type.isEmpty {
        // A lone '@' in text between entries (an e-mail address, say).
        let l = line(at: at)
        if skippedLines.last != l { skippedLines.append(l) }
        continue
      }
      skipSpaces()
      let open = pos < n ? bytes[pos] : 0
      if type == "comment" && open != 0x7B && open != 0x28 {
        // `@comment` without a group comments out the rest of its line.
        while pos < n && bytes[pos] != 0x0A && bytes[pos] != 0x0D { pos += 1 }
        comments += 1
        continue
      }
      guard open == 0x7B || open == 0x28 else {
        // `@word` without a group (an e-mail address in free text, say): text, skipped.
        let l = line(at: at)
        if skippedLines.last != l { skippedLines.append(l) }
        continue
      }
      let close: UInt8 = open == 0x7B ? 0x7D : 0x29
      pos += 1
      switch type {
      case "comment":
        try skipGroup(close: close, entryStart: at)
        comments += 1
      case "preamble":
        _ = try value(field: "@preamble", entryStart: at, close: close)
        try expectClose(close, after: "@preamble", entryStart: at)
        preambles += 1
      case "string":
        let field = try fieldName(close: close, entryStart: at, key: "@string")
        let text = try value(field: field.name, entryStart: at, close: close)
        try expectClose(close, after: "@string \(field.name)", entryStart: at)
        macros[field.name] = text
      default:
        entries.append(try entry(type: type, start: at, close: close))
      }
    }
    if !skippedLines.isEmpty {
      let shown = skippedLines.prefix(5).map(String.init).joined(separator: ", ")
      let more = skippedLines.count > 5 ? ", …" : ""
      diagnostics.append(
        Diagnostic(
          kind: .skippedText,
          message: "skipped \(skippedLines.count) line(s) of text outside entries (lines \(shown)\(more))",
          file: path, line: skippedLines[0]))
    }
    if comments + preambles > 0 {
      diagnostics.append(
        Diagnostic(kind: .skippedText, message: "skipped \(comments) @comment and \(preambles) @preamble block(s)", file: path))
    }
    return entries
  }

  /// Skips a `@comment{…}` body up to its closing delimiter.
  mutating func skipGroup(close: UInt8, entryStart: Int) throws(IngestError) {
    var depth = 0
    while pos < bytes.count {
      let b = bytes[pos]
      pos += 1
      if b == 0x5C { pos += 1; continue }
      if b == 0x7B { depth += 1 } else if b == 0x7D && close != 0x7D { depth -= 1 }
      if b == close {
        if depth == 0 { return }
        depth -= 1
      }
    }
    throw IngestError(
      file: path, line: line(at: entryStart), reason: .truncatedEntry("the @comment starting here is never closed"))
  }

  mutating func expectClose(_ close: UInt8, after what: String, entryStart: Int) throws(IngestError) {
    skipSpaces()
    if pos < bytes.count && bytes[pos] == 0x2C {  // a trailing comma
      pos += 1
      skipSpaces()
    }
    guard pos < bytes.count else {
      throw IngestError(
        file: path, line: line(at: entryStart),
        reason: .truncatedEntry("the entry starting here has no closing '\(Character(Unicode.Scalar(close)))'"))
    }
    guard bytes[pos] == close else {
      throw error("expected '\(Character(Unicode.Scalar(close)))' after \(what)", at: pos, text: preview(at: pos))
    }
    pos += 1
  }

  /// Up to 40 characters of the line at `offset`, for messages.
  func preview(at offset: Int) -> String {
    var end = offset
    while end < bytes.count && end - offset < 40 && bytes[end] != 0x0A && bytes[end] != 0x0D { end += 1 }
    // Do not cut a UTF-8 sequence.
    while end < bytes.count && end > offset && bytes[end] & 0xC0 == 0x80 { end -= 1 }
    return string(offset ..< end)
  }

  /// `name =` of a field, the position left after the `=`.
  mutating func fieldName(close: UInt8, entryStart: Int, key: String) throws(IngestError) -> (name: String, line: Int) {
    skipSpaces()
    let start = pos
    if entryStarts(at: start) {
      throw IngestError(
        file: path, line: line(at: entryStart),
        reason: .truncatedEntry(
          "the entry '\(key)' starting here has no closing '\(Character(Unicode.Scalar(close)))' before the next entry at line \(line(at: start))"
        ))
    }
    while pos < bytes.count {
      let b = bytes[pos]
      if b == 0x3D || b == 0x2C || b == 0x7B || b == 0x7D || b == 0x22 || b == 0x23 || b == close { break }
      pos += 1
    }
    let raw = string(start ..< pos)
    let name = NameNormalizer.normalize(raw).lowercased()
    guard pos < bytes.count else {
      throw IngestError(
        file: path, line: line(at: entryStart),
        reason: .truncatedEntry("the entry '\(key)' starting here has no closing '\(Character(Unicode.Scalar(close)))'"))
    }
    guard bytes[pos] == 0x3D else {
      if name.isEmpty {
        throw error("expected a field name in entry '\(key)'", at: pos, text: preview(at: pos))
      }
      throw error("missing '=' after field name '\(name)' in entry '\(key)'", at: start, text: preview(at: start))
    }
    if name.isEmpty { throw error("a field without a name in entry '\(key)'", at: pos, text: preview(at: pos)) }
    pos += 1
    return (name, line(at: start))
  }

  mutating func entry(type: String, start: Int, close: UInt8) throws(IngestError) -> Entry {
    skipSpaces()
    let keyStart = pos
    while pos < bytes.count {
      let b = bytes[pos]
      if b == 0x2C || b == close || Self.isSpace(b) { break }
      pos += 1
    }
    let key = string(keyStart ..< pos)
    var result = Entry(type: type, key: key, line: line(at: start), fields: [])
    skipSpaces()
    guard pos < bytes.count else {
      throw IngestError(
        file: path, line: line(at: start),
        reason: .truncatedEntry("the entry '\(key)' starting here has no closing '\(Character(Unicode.Scalar(close)))'"))
    }
    if bytes[pos] == close {
      pos += 1
      return result
    }
    guard bytes[pos] == 0x2C else {
      throw error("expected ',' after the key '\(key)'", at: pos, text: preview(at: pos))
    }
    pos += 1
    while true {
      skipSpaces()
      guard pos < bytes.count else {
        throw IngestError(
          file: path, line: line(at: start),
          reason: .truncatedEntry("the entry '\(key)' starting here has no closing '\(Character(Unicode.Scalar(close)))'"))
      }
      if bytes[pos] == close {
        pos += 1
        return result
      }
      let field = try fieldName(close: close, entryStart: start, key: key)
      let text = try value(field: field.name, entryStart: start, close: close)
      if result.field(field.name) == nil {
        result.fields.append(Entry.Field(name: field.name, value: text, line: field.line))
      }
      skipSpaces()
      guard pos < bytes.count else {
        throw IngestError(
          file: path, line: line(at: start),
          reason: .truncatedEntry("the entry '\(key)' starting here has no closing '\(Character(Unicode.Scalar(close)))'"))
      }
      if bytes[pos] == 0x2C {
        pos += 1
      } else if bytes[pos] != close {
        if entryStarts(at: pos) {
          throw IngestError(
            file: path, line: line(at: start),
            reason: .truncatedEntry(
              "the entry '\(key)' starting here has no closing '\(Character(Unicode.Scalar(close)))' before the next entry at line \(line(at: pos))"
            ))
        }
        throw error(
          "expected ',' or '\(Character(Unicode.Scalar(close)))' after the value of '\(field.name)' in entry '\(key)'", at: pos,
          text: preview(at: pos))
      }
    }
  }

  /// A field value: parts joined by `#`, macros expanded; braces inside parts are kept.
  mutating func value(field: String, entryStart: Int, close: UInt8) throws(IngestError) -> String {
    var parts: [String] = []
    while true {
      skipSpaces()
      let start = pos
      guard pos < bytes.count else {
        throw IngestError(
          file: path, line: line(at: entryStart),
          reason: .truncatedEntry("the entry starting here ends inside the value of '\(field)'"))
      }
      let b = bytes[pos]
      if b == 0x7B {
        pos += 1
        var depth = 1
        while true {
          guard pos < bytes.count else {
            throw error("unbalanced braces: the value of '\(field)' starting here is never closed", at: start)
          }
          let c = bytes[pos]
          if c == 0x5C {
            pos += 2
            continue
          }
          if c == 0x7B {
            depth += 1
          } else if c == 0x7D {
            depth -= 1
            if depth == 0 { break }
          } else if (c == 0x0A || c == 0x0D) && entryStarts(at: pos + 1) {
            throw error(
              "unbalanced braces: the value of '\(field)' starting here runs into the next entry at line \(line(at: pos + 1))",
              at: start)
          }
          pos += 1
        }
        parts.append(string(start + 1 ..< pos))
        pos += 1
      } else if b == 0x22 {
        pos += 1
        var depth = 0
        while true {
          guard pos < bytes.count else {
            throw error("unterminated quoted value of '\(field)' starting here", at: start)
          }
          let c = bytes[pos]
          if c == 0x5C {
            pos += 2
            continue
          }
          if c == 0x7B {
            depth += 1
          } else if c == 0x7D {
            depth -= 1
            if depth < 0 { throw error("unbalanced braces: a '}' without '{' in the value of '\(field)'", at: pos) }
          } else if c == 0x22 && depth == 0 {
            break
          } else if (c == 0x0A || c == 0x0D) && entryStarts(at: pos + 1) {
            throw error(
              "unterminated quoted value of '\(field)' starting here: it runs into the next entry at line \(line(at: pos + 1))",
              at: start)
          }
          pos += 1
        }
        parts.append(string(start + 1 ..< pos))
        pos += 1
      } else if Self.isDigit(b) {
        while pos < bytes.count && Self.isDigit(bytes[pos]) { pos += 1 }
        parts.append(string(start ..< pos))
      } else if Self.isLetter(b) {
        while pos < bytes.count {
          let c = bytes[pos]
          if Self.isSpace(c) || c == 0x23 || c == 0x2C || c == 0x7D || c == 0x7B || c == 0x22 || c == 0x3D || c == close
            || c == 0x28 || c == 0x29 || c == 0x25 || c == 0x27
          {
            break
          }
          pos += 1
        }
        let name = string(start ..< pos)
        guard let expansion = macros[name.lowercased()] else {
          throw error("undefined macro '\(name)' in the value of '\(field)' (a value in braces needs {…})", at: start, text: name)
        }
        parts.append(expansion)
      } else {
        throw error("missing value of '\(field)'", at: start, text: preview(at: start))
      }
      skipSpaces()
      if pos < bytes.count && bytes[pos] == 0x23 {
        pos += 1
        continue
      }
      return parts.joined()
    }
  }
}
