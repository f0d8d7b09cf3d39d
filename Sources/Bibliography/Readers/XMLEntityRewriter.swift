/// Rewrites named character entities that an XML document takes from an external DTD (such as
/// dblp.xml's `&eacute;`, declared only in `dblp.dtd`) into numeric character references
/// (`&#233;`), chunk by chunk, so an XML parser can read the document without loading the DTD.
///
///     var rewriter = XMLEntityRewriter(file: "dblp.xml")
///     var out: [UInt8] = []
///     try rewriter.rewrite(Array("Ren&eacute; &amp; J&#246;rg".utf8)[...], isLast: true, into: &out)
///     String(decoding: out, as: UTF8.self)   // "Ren&#233; &amp; J&#246;rg"
///
/// - The five XML built-ins (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`) and character
///   references (`&#233;`, `&#xE9;`) pass through unchanged.
/// - The 248 other names of HTML 4.01 (``HTMLEntities``) become decimal character references.
/// - Any other `&name;` is an ``IngestError`` (`.invalidXML`) naming the file and line: the reader
///   never guesses, and never drops text silently (libxml2 drops an undeclared entity with only a
///   warning when the document has an external subset).
/// - An `&` that does not start `&name;` passes through, for the XML parser to report.
/// - Line breaks are LF, CRLF or a lone CR, as XML counts them, so the lines in errors agree with
///   the XML parser's.
/// - A NUL byte is an ``IngestError`` (`.binaryFile`) naming its line: XML has no U+0000, and an
///   ASCII-compatible encoding has no other character with a zero byte.
///
/// Works on bytes, so it suits any ASCII-compatible encoding (dblp.xml declares ISO-8859-1 and
/// uses only ASCII plus entities); UTF-16 and UTF-32 are refused by the NUL check. The rewriter does not parse XML: an entity inside a comment or a
/// CDATA section is rewritten too (harmless), and entities declared in an internal DTD subset are
/// not known to it.
///
/// - Complexity: O(*b*) for *b* bytes; the state kept between chunks is at most
///   ``maxNameLength`` + 1 bytes (an entity cut by a chunk boundary).
struct XMLEntityRewriter {
  /// The file named in errors.
  var file: String
  /// The line the rewriter has reached (1-based).
  private(set) var line = 1
  /// The start of an entity cut by the end of the previous chunk.
  private var carry: [UInt8] = []
  private var previousWasCR = false

  /// Longer names are not entities of the table (the longest is `thetasym`), so a scan stops there.
  static let maxNameLength = 32

  init(file: String) { self.file = file }

  /// Appends the rewritten `chunk` to `out`. `isLast` marks the end of the input (an entity cut
  /// at the end is then passed through as it is).
  /// - Throws: ``IngestError`` (`.invalidXML`) for an entity name that is neither an XML
  ///   built-in nor an HTML 4 entity; `.binaryFile` for a NUL byte.
  mutating func rewrite(_ chunk: ArraySlice<UInt8>, isLast: Bool, into out: inout [UInt8]) throws(IngestError) {
    var input = carry
    carry = []
    input.append(contentsOf: chunk)
    var failure: IngestError?
    input.withUnsafeBufferPointer { buffer in
      failure = rewrite(buffer, isLast: isLast, into: &out)
    }
    if let failure { throw failure }
  }

  private mutating func rewrite(_ buffer: UnsafeBufferPointer<UInt8>, isLast: Bool, into out: inout [UInt8]) -> IngestError? {
    let n = buffer.count
    var i = 0
    var runStart = 0
    while i < n {
      let byte = buffer[i]
      if byte == 0x0A {
        if !previousWasCR { line += 1 }
        previousWasCR = false
        i += 1
        continue
      }
      previousWasCR = byte == 0x0D
      if byte == 0x0D { line += 1 }
      if byte == 0 {
        // XML allows no U+0000, and in an ASCII-compatible encoding no other character holds a
        // zero byte: this is binary data, or UTF-16/UTF-32, which libxml2 would guess from the
        // first bytes and then fail to convert without a line (found by fuzz/run.sh dblp).
        return IngestError(file: file, line: line, reason: .binaryFile)
      }
      guard byte == UInt8(ascii: "&") else {
        i += 1
        continue
      }
      var j = i + 1
      while j < n, j - i <= Self.maxNameLength + 1, Self.isNameByte(buffer[j]) { j += 1 }
      if j == n, !isLast, j - i <= Self.maxNameLength + 1 {
        // The entity may go on in the next chunk: keep it for then.
        out.append(contentsOf: buffer[runStart ..< i])
        carry = Array(buffer[i ..< n])
        return nil
      }
      if j < n, buffer[j] == UInt8(ascii: ";"), j > i + 1, buffer[i + 1] != UInt8(ascii: "#") {
        let name = String(decoding: buffer[(i + 1) ..< j], as: UTF8.self)
        if HTMLEntities.xmlBuiltins.contains(name) {
          i = j + 1
          continue
        }
        guard let code = HTMLEntities.codePoints[name] else {
          return IngestError(
            file: file, line: line,
            reason: .invalidXML("unknown entity '&\(name);' (known: the XML built-ins and the HTML 4 entities)"),
            text: "&\(name);")
        }
        out.append(contentsOf: buffer[runStart ..< i])
        out.append(contentsOf: "&#\(code);".utf8)
        i = j + 1
        runStart = i
        continue
      }
      i += 1  // a character reference, or a bare `&` for the XML parser to judge
    }
    out.append(contentsOf: buffer[runStart ..< n])
    return nil
  }

  /// Bytes that may occur in an entity name or a character reference: ASCII letters, digits,
  /// `#`, `_`, `-`, `.` and `:`.
  static func isNameByte(_ b: UInt8) -> Bool {
    switch b {
    case UInt8(ascii: "a") ... UInt8(ascii: "z"), UInt8(ascii: "A") ... UInt8(ascii: "Z"), UInt8(ascii: "0") ... UInt8(ascii: "9"),
      UInt8(ascii: "#"), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: ":"):
      return true
    default:
      return false
    }
  }
}
