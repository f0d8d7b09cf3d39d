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
/// - A processing instruction without data, `<?target?>`, gets a space: `<?target ?>`, which
///   means the same in XML. libxml2 reports the first with a NULL data pointer, on which
///   swift-corelibs-foundation 6.3's `XMLParser` calls `strlen` and crashes the process (found by
///   `fuzz/run.sh dblp`). Like entities, this applies inside comments and CDATA sections too.
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
  /// Where the scan is in a processing instruction's start: after `<`, or in the target name
  /// after `<?` (with the target's length so far). Kept across chunks: no bytes are held back.
  private var instruction = InstructionState.none

  enum InstructionState: Equatable {
    case none, afterLessThan
    case inTarget(length: Int)
  }

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
        instruction = .none
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
      switch (instruction, byte) {
      case (_, UInt8(ascii: "<")):
        instruction = .afterLessThan
      case (.afterLessThan, UInt8(ascii: "?")):
        instruction = .inTarget(length: 0)
      case (.inTarget(let length), UInt8(ascii: "?")):
        if length > 0 {
          // `<?target?>`: a space before `?>` keeps libxml2 from handing XMLParser a NULL data
          // pointer, on which swift-corelibs-foundation 6.3 calls strlen and crashes.
          out.append(contentsOf: buffer[runStart ..< i])
          out.append(0x20)
          runStart = i
        }
        instruction = .none
      case (.inTarget(let length), _) where !Self.isSpace(byte) && byte != UInt8(ascii: ">"):
        instruction = .inTarget(length: length + 1)
      default:
        instruction = .none
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

  /// XML white space (`S`): space, tab, CR, LF.
  static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A }

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
