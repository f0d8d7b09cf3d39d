import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Reads the dblp XML dump (`dblp.xml`, `dblp.xml.gz`), streaming, with Foundation's `XMLParser`
/// (a SAX parser over libxml2's push parser): records are built and handed on as their end tags
/// are read, and no document tree is ever built.
///
///     <?xml version="1.0" encoding="ISO-8859-1"?>
///     <!DOCTYPE dblp SYSTEM "dblp.dtd">
///     <dblp>
///     <article mdate="2023-01-12" key="journals/cacm/Knuth74">
///     <author orcid="0000-0001-2345-6789">Donald E. Knuth</author>
///     <author>Wei Wang 0001</author>
///     <title>Structured Programming with <i>go to</i> Statements.</title>
///     <year>1974</year>
///     <journal>ACM Comput. Surv.</journal>
///     <ee>https://doi.org/10.1145/356635.356640</ee>
///     </article>
///     </dblp>
///
/// What is read, per record element (`article`, `inproceedings`, `proceedings`, `book`,
/// `incollection`, `phdthesis`, `mastersthesis`, `data`):
/// - ``Record/id`` ← the `key` attribute (`journals/cacm/Knuth74`).
/// - ``Record/authors`` ← the `author` elements in order. A dblp person name may end in a
///   four-digit homonym number (`Wei Wang 0001`); the number is **kept in the name**: it is how
///   dblp itself names the person, and it is the only thing that keeps two different people
///   called Wei Wang apart, in every output and whatever identity rules apply later.
/// - ``Record/authorIDs`` ← an author's `orcid` attribute as `orcid:<id>` (`nil` for an author
///   without one; empty when no author of the record has one). dblp's own person key is the name
///   with its homonym number, already unique, so it is not repeated as an id.
/// - ``Record/title`` ← `title`, with its inline markup (`<i>`, `<sub>`, `<sup>`, `<tt>`…)
///   reduced to its text, white space normalised, and the one final period dblp puts after
///   every title removed (`… Statements.` → `… Statements`; `?` and `!` stay).
/// - ``Record/date`` ← `year`, with `month` when it names a month.
/// - `journal`, `booktitle`, `ee`, `url`, `pages`, `volume`, `editor` and the rest are not read:
///   a venue is not a topic, so it does not become a tag (dblp records carry no keywords).
///
/// Skipped, each kind counted in one ``Diagnostic`` (`skipped-text`): `www` and `person`
/// records (dblp's person pages: homepages and name variants, not publications), records with no
/// `author` (proceedings volumes and edited books list only editors; co-editing is not
/// co-authorship), records without a title, and unknown elements under the root.
///
/// **Entities without the DTD.** dblp.xml declares `<!DOCTYPE dblp SYSTEM "dblp.dtd">` and uses
/// named entities (`&eacute;`, `&ouml;`, `&szlig;`, `&reg;`, `&times;`, `&micro;`…) that only that
/// DTD defines. The DTD is never loaded: `XMLParser`'s `shouldResolveExternalEntities` stays
/// `false` and its `externalEntityResolvingPolicy` stays `.never`, so libxml2 neither loads the
/// external subset nor fetches any entity (verified with `strace` on Linux: no `open` of
/// `dblp.dtd`, no `connect`, even with a `dblp.dtd` beside the file; swift-corelibs-foundation
/// 6.3 did not load it even with both settings turned on, apparently because its SAX mode builds
/// no document for libxml2 to attach the subset to, so on Linux the settings are a second guard
/// and on Apple platforms the first). Instead the bytes stream through an
/// ``XMLEntityRewriter`` that turns the HTML 4 entity names (a superset of dblp.dtd's) into
/// numeric references; an unknown entity is an error naming its line. Without this, libxml2 drops
/// every such entity with only a warning (`Ren&eacute;` would read `Ren`).
///
/// Errors name the file and line: malformed XML (libxml2's line at the fault, and its reason),
/// an unknown entity, a NUL byte (binary data, or UTF-16/UTF-32), a declared encoding other than
/// UTF-8 and ISO-8859-1, a root element other than `dblp`, a `year` that is not a year.
///
/// - Complexity: O(*b*) time for *b* bytes. Memory beyond the records: the parser's current
///   record and one chunk (1 MiB from ``read(path:)``, 128 KiB inside `XMLParser`), whatever the
///   size of the file; ``stream(path:_:)`` does not even keep the records.
public struct DBLPXMLReader: Sendable {
  /// The record elements read as publications.
  public static let publicationElements: Set<String> = [
    "article", "inproceedings", "proceedings", "book", "incollection", "phdthesis", "mastersthesis", "data",
  ]
  /// The record elements skipped as person pages.
  public static let personElements: Set<String> = ["www", "person"]

  public init() {}

  /// Reads an input already in memory (as ``CorpusLoader`` does); the bytes are rewritten and
  /// parsed in chunks, never copied whole.
  /// - Throws: ``IngestError`` naming the file and line.
  public func read(_ input: InputFile) throws(IngestError) -> ReadResult {
    var records: [Record] = []
    let diagnostics = try stream(input) { records.append($0) }
    if records.isEmpty { throw IngestError(file: input.path, reason: .noPapers) }
    return ReadResult(records: records, diagnostics: diagnostics)
  }

  /// Reads a file from disk in 1 MiB chunks (gzip-decompressed on the fly), so the file is never
  /// held in memory.
  /// - Throws: ``IngestError`` naming the file and line.
  public func read(path: String) throws(IngestError) -> ReadResult {
    var records: [Record] = []
    let diagnostics = try stream(path: path) { records.append($0) }
    if records.isEmpty { throw IngestError(file: path, reason: .noPapers) }
    return ReadResult(records: records, diagnostics: diagnostics)
  }

  /// Hands each record to `body` as soon as its end tag is parsed and returns the diagnostics;
  /// nothing is kept, so memory stays bounded on any size of input.
  public func stream(_ input: InputFile, _ body: (Record) -> Void) throws(IngestError) -> [Diagnostic] {
    let bytes = input.bytes
    var offset = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    let chunk = 1 << 20
    return try parse(file: input.path, body) { () throws(IngestError) -> ArraySlice<UInt8>? in
      guard offset < bytes.count else { return nil }
      let end = min(offset + chunk, bytes.count)
      defer { offset = end }
      return bytes[offset ..< end]
    }
  }

  /// ``stream(_:_:)`` on a file read from disk in chunks.
  public func stream(path: String, _ body: (Record) -> Void) throws(IngestError) -> [Diagnostic] {
    let reader = try FileChunkReader(path: path)
    return try parse(file: path, body) { () throws(IngestError) -> ArraySlice<UInt8>? in try reader.next() }
  }

  /// The parse proper, over any chunk source; `largestBuffer` (for tests) receives the most bytes
  /// the entity rewriter held at once.
  func parse(
    file: String, _ body: (Record) -> Void, largestBuffer: ((Int) -> Void)? = nil,
    source: @escaping EntityRewritingInputStream.Source
  ) throws(IngestError) -> [Diagnostic] {
    // Refuse, before libxml2 sees it, an encoding other than UTF-8 and ISO-8859-1 (found by
    // fuzz/run.sh dblp: libxml2 2.9.14 dereferenced NULL converting ISO-8859-3 bytes that do not
    // convert, once the reader had stopped the parse at the first fault).
    var first = true
    let source = { () throws(IngestError) -> ArraySlice<UInt8>? in
      let chunk = try source()
      if first, let chunk {
        first = false
        try Self.checkDeclaredEncoding(chunk, file: file)
      }
      return chunk
    }
    let stream = EntityRewritingInputStream(file: file, source: source)
    let outcome: Result<[Diagnostic], IngestError> = withoutActuallyEscaping(body) { emit in
      let handler = DBLPParserDelegate(file: file, emit: emit)
      let parser = XMLParser(stream: stream)
      // The defaults, restated: no DTD loading, no external entity of any kind.
      parser.shouldResolveExternalEntities = false
      parser.externalEntityResolvingPolicy = .never
      parser.delegate = handler
      let finished = parser.parse()
      parser.delegate = nil
      if let failure = stream.failure { return .failure(failure) }
      if let failure = handler.failure { return .failure(failure) }
      if !finished {
        let code = (parser.parserError as NSError?)?.code ?? 0
        return .failure(IngestError(file: file, line: handler.lastLine, reason: .invalidXML(DBLPParserDelegate.describe(code))))
      }
      return .success(handler.diagnostics())
    }
    largestBuffer?(stream.largestBuffer)
    return try outcome.get()
  }
}

extension DBLPXMLReader {
  /// The encodings read: dblp.xml declares ISO-8859-1; UTF-8 is XML's default.
  static let encodings: Set<String> = ["utf-8", "utf8", "iso-8859-1", "iso8859-1", "latin1", "us-ascii", "ascii"]

  /// Throws unless the XML declaration at the start of `chunk` (the first chunk of the input)
  /// declares no encoding or one of ``encodings``. Looks at the first 512 bytes only.
  static func checkDeclaredEncoding(_ chunk: ArraySlice<UInt8>, file: String) throws(IngestError) {
    var head = chunk.prefix(512)
    // Byte-order marks and the EBCDIC `<?xm` that libxml2 would detect and convert from (UCS-4
    // needs NUL bytes, which the entity rewriter refuses). Found by fuzz/run.sh dblp: `FF FE`
    // followed by bytes that do not convert crashed libxml2 2.9.14 like ISO-8859-3 did.
    for (signature, name) in [([0xFF, 0xFE], "UTF-16"), ([0xFE, 0xFF], "UTF-16"), ([0x4C, 0x6F, 0xA7, 0x94], "EBCDIC")] as [([UInt8], String)]
    where head.starts(with: signature) {
      throw IngestError(file: file, line: 1, reason: .invalidXML("the encoding '\(name)' is not read (dblp XML is ISO-8859-1 or UTF-8)"))
    }
    if head.starts(with: [0xEF, 0xBB, 0xBF]) { head = head.dropFirst(3) }
    guard head.starts(with: Array("<?xml".utf8)) else { return }
    let declaration = String(decoding: head.prefix { $0 != UInt8(ascii: ">") }, as: UTF8.self)
    guard let range = declaration.range(of: "encoding") else { return }
    let rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
    guard let quote = rest.first, quote == "\"" || quote == "'" else { return }
    let name = String(rest.dropFirst().prefix { $0 != quote })
    if !encodings.contains(name.lowercased()) {
      throw IngestError(
        file: file, line: 1,
        reason: .invalidXML("the encoding '\(name)' is not read (dblp XML is ISO-8859-1 or UTF-8)"), text: name)
    }
  }
}

/// The SAX handler behind ``DBLPXMLReader``: a small state machine over element depth
/// (1 = root, 2 = record, 3 = field, 4+ = inline markup inside a field).
private final class DBLPParserDelegate: NSObject, XMLParserDelegate {
  let file: String
  let emit: (Record) -> Void
  private(set) var failure: IngestError?
  private(set) var lastLine: Int?

  private var depth = 0
  // The record being read.
  private var inRecord = false
  private var key: String?
  private var recordLine = 0
  private var authors: [String] = []
  private var orcids: [String?] = []
  private var authorsLine: Int?
  private var title = ""
  private var year: String?
  private var yearLine = 0
  private var month: String?
  // The field being read.
  private var field: String?
  private var fieldText = ""
  private var orcid: String?
  // Counts of what was skipped.
  private var skippedPersonPages: [String: Int] = [:]
  private var skippedNoAuthors = 0
  private var skippedUntitled = 0
  private var skippedUnknown: [String: Int] = [:]

  init(file: String, emit: @escaping (Record) -> Void) {
    self.file = file
    self.emit = emit
  }

  private static let fields: Set<String> = ["author", "title", "year", "month"]

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    depth += 1
    switch depth {
    case 1:
      if name != "dblp" {
        fail(parser, line: parser.lineNumber, "the root element is <\(name)>, not <dblp>: this is not a dblp XML file")
      }
    case 2:
      if DBLPXMLReader.publicationElements.contains(name) {
        inRecord = true
        key = attributes["key"]
        recordLine = parser.lineNumber
        authors = []
        orcids = []
        authorsLine = nil
        title = ""
        year = nil
        month = nil
      } else if DBLPXMLReader.personElements.contains(name) {
        skippedPersonPages[name, default: 0] += 1
      } else {
        skippedUnknown[name, default: 0] += 1
      }
    case 3:
      guard inRecord, Self.fields.contains(name) else { return }
      field = name
      fieldText = ""
      if name == "author" {
        orcid = attributes["orcid"].map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        if authorsLine == nil { authorsLine = parser.lineNumber }
      } else if name == "year" {
        yearLine = parser.lineNumber
      }
    default:
      break  // inline markup: its text goes to the field being read
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if field != nil { fieldText += string }
  }

  func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
    defer { depth -= 1 }
    switch depth {
    case 3:
      guard let current = field, current == name else { return }
      field = nil
      let text = NameNormalizer.normalize(fieldText)
      switch current {
      case "author":
        if !text.isEmpty {
          authors.append(text)
          orcids.append(orcid.map { "orcid:" + $0 })
        }
      case "title": title = text
      case "year": year = text
      case "month": month = text
      default: break
      }
    case 2:
      guard inRecord else { return }
      inRecord = false
      finishRecord(parser)
    default:
      break
    }
  }

  private func finishRecord(_ parser: XMLParser) {
    if authors.isEmpty {
      skippedNoAuthors += 1
      return
    }
    var title = self.title
    if title.hasSuffix(".") { title.removeLast() }
    if title.isEmpty {
      skippedUntitled += 1
      return
    }
    var date: PaperDate?
    if let year {
      guard let y = Int(year), (1000 ... 9999).contains(y) else {
        fail(parser, line: yearLine, reason: .invalidDate(year), text: year)
        return
      }
      date = PaperDate(year: y, month: month.flatMap { DateParser.month($0) })
    }
    let ids = orcids.contains { $0 != nil } ? orcids : []
    emit(
      Record(
        title: title, authors: authors, date: date, source: SourceLocation(file: file, line: recordLine),
        authorsLine: authorsLine == recordLine ? nil : authorsLine, id: key, authorIDs: ids))
  }

  func parser(_ parser: XMLParser, parseErrorOccurred error: Error) {
    let code = (error as NSError).code
    // Warnings that lose nothing (unknown XML version, namespace and xml:lang quirks) are not
    // errors; every other report is.
    if [93, 97, 98, 99, 100, 102, 106].contains(code) { return }
    fail(parser, line: parser.lineNumber, Self.describe(code))
  }

  private func fail(_ parser: XMLParser, line: Int, _ message: String) {
    fail(parser, line: line, reason: .invalidXML(message), text: nil)
  }

  private func fail(_ parser: XMLParser, line: Int, reason: IngestError.Reason, text: String?) {
    // libxml2 reports line 0 for a fault found before it has read a line (an encoding it cannot
    // convert, say); the fault is then on line 1.
    let line = max(line, 1)
    lastLine = line
    guard failure == nil else { return }
    failure = IngestError(file: file, line: line, reason: reason, text: text)
    parser.abortParsing()
  }

  /// libxml2's `xmlParserErrors` code as words, for the codes malformed XML usually gives.
  static func describe(_ code: Int) -> String {
    switch code {
    case 4: return "the document is empty"
    case 5, 86: return "extra content at the end of the document"
    case 6, 7, 8: return "invalid character reference"
    // libxml2 reports bytes that are not valid in the declared encoding (invalid UTF-8 in a
    // UTF-8 file) with this code too, so say both; the other readers say "not valid UTF-8 text".
    case 9: return "invalid character (not valid in the declared encoding, or a control character XML 1.0 does not allow)"
    case 22, 23: return "'&' that does not start an entity or character reference (write '&amp;')"
    case 26, 27: return "undeclared entity"
    case 31, 32: return "unsupported encoding"
    case 38: return "'<' in an attribute value"
    case 39, 40, 41: return "malformed attribute"
    case 45: return "unterminated comment"
    case 65: return "white space required"
    case 68: return "a name is missing (a bare '&' or '<'? write '&amp;' or '&lt;')"
    case 73: return "'>' expected"
    case 74: return "'</' expected"
    case 76: return "mismatched end tag"
    case 77: return "element not closed before the end of the document"
    case 81: return "invalid byte for the declared encoding"
    case 85: return "unbalanced elements"
    case 6003: return "the bytes cannot be converted from the document's encoding"
    default: return "libxml2 error \(code)"
    }
  }

  /// One diagnostic per kind of skipped element, in a fixed order.
  func diagnostics() -> [Diagnostic] {
    var out: [Diagnostic] = []
    for name in skippedPersonPages.keys.sorted() {
      let n = skippedPersonPages[name]!
      out.append(Diagnostic(kind: .skippedText, message: "skipped \(n) <\(name)> record\(n == 1 ? "" : "s") (person pages, not publications)", file: file))
    }
    if skippedNoAuthors > 0 {
      out.append(
        Diagnostic(
          kind: .skippedText,
          message: "skipped \(skippedNoAuthors) record\(skippedNoAuthors == 1 ? "" : "s") without <author> (proceedings volumes and edited books list editors only)",
          file: file))
    }
    if skippedUntitled > 0 {
      out.append(Diagnostic(kind: .skippedText, message: "skipped \(skippedUntitled) record\(skippedUntitled == 1 ? "" : "s") without a title", file: file))
    }
    for name in skippedUnknown.keys.sorted() {
      let n = skippedUnknown[name]!
      out.append(Diagnostic(kind: .skippedText, message: "skipped \(n) unknown <\(name)> element\(n == 1 ? "" : "s")", file: file))
    }
    return out
  }
}
