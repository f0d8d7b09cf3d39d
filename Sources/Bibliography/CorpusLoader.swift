import Foundation

/// The input formats Coauthor reads.
public enum InputFormat: String, Sendable, CaseIterable, Codable {
  /// A research listing page saved as text (the MATS research page and its variations).
  case listing
  /// The Coauthor corpus JSON schema (see ``JSONCorpusReader``).
  case json
  /// A CSV or TSV paper table with a header row (see ``DelimitedTableReader``).
  case table
  /// BibTeX (`@article{key, author = {…}, …}`), as Scopus, Web of Science, Zotero and JabRef
  /// export it (see ``BibTeXReader``).
  case bibtex
  /// RIS (`TY  - JOUR` … `ER  - `), as reference managers and databases export it (see
  /// ``RISReader``).
  case ris
  /// A SNAP-style edge list `source target [weight]`: a network, not paper records (read by
  /// `EdgeListReader` in the Analysis module).
  case edges
  /// The dblp XML dump, `dblp.xml` (see ``DBLPXMLReader``).
  case dblp
  /// OpenAlex works as JSON Lines, a JSON array or an API page (see ``OpenAlexReader``).
  case openalex
  /// The output folder of Coauthor's Spark job (`summary.csv` with `format,coauthor-spark 1`,
  /// the backbone tables): a network with the whole graph's totals, read by `SparkOutput` in the
  /// Analysis module (`coauthor stats`, `rank`, `report`), not paper records. Never detected from
  /// a file: a folder is detected by its `summary.csv`.
  case spark

  /// The format a file's name and content suggest.
  ///
  /// `.json` → OpenAlex when the content has an `"authorships"` key before any `"papers"` key
  /// (OpenAlex works), else corpus JSON; `.jsonl`, `.ndjson` → OpenAlex; `.xml` → dblp; `.bib`,
  /// `.bibtex` → BibTeX; `.ris` → RIS; `.csv`, `.tsv`, `.tab` → table, unless the content is an
  /// edge list; any other name (standard input's `<stdin>` too) → BibTeX when the first line that
  /// is neither blank nor a `%` comment starts with `@` + letters + `{` or `(`, RIS when it starts
  /// with `TY  - `, table when the first line is a header naming `title` and `authors` columns
  /// (``looksLikeTable(_:)``), dblp when
  /// the content starts with `<?xml` or `<dblp`, edge list when it is one, OpenAlex or corpus JSON
  /// (as for `.json`) when it starts like JSON, else listing. A `.gz` suffix is looked through. The content is an edge list when its first (up to five)
  /// lines that are neither blank nor `#`/`%` comments each hold two or three fields separated by
  /// spaces or tabs, the third a number, none ending in `:`, and the first is not a header
  /// (`source target`, `from to`, …); at least two such lines, or one after a `#`/`%` comment.
  public static func detect(path: String, text: String) -> InputFormat {
    var lower = path.lowercased()
    if lower.hasSuffix(".gz") { lower.removeLast(3) }
    if lower.hasSuffix(".xml") { return .dblp }
    if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { return .openalex }
    if lower.hasSuffix(".json") { return looksLikeOpenAlex(text) ? .openalex : .json }
    if lower.hasSuffix(".bib") || lower.hasSuffix(".bibtex") { return .bibtex }
    if lower.hasSuffix(".ris") { return .ris }
    let edges = looksLikeEdgeList(text)
    if lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") || lower.hasSuffix(".tab") { return edges ? .edges : .table }
    if let format = recordFormat(text) { return format }
    if looksLikeTable(text) { return .table }
    let start = text.drop { $0.isWhitespace }
    if start.hasPrefix("<?xml") || start.hasPrefix("<dblp") { return .dblp }
    if edges { return .edges }
    // JSON starts with `{"` / `{}` or `[{` / `[[` / `[]`; a listing may start with `[Preprint] Title`.
    guard let first = start.first else { return .listing }
    let next = start.dropFirst().first { !$0.isWhitespace }
    switch (first, next) {
    case ("{", "\""), ("{", "}"), ("[", "{"), ("[", "["), ("[", "]"): return looksLikeOpenAlex(text) ? .openalex : .json
    default: return .listing
    }
  }

  /// Whether JSON text holds OpenAlex works: an `"authorships"` key comes before any `"papers"`
  /// key (the corpus JSON schema's) in the text given.
  static func looksLikeOpenAlex(_ text: String) -> Bool {
    guard let authorships = keyOffset("authorships", in: text) else { return false }
    guard let papers = keyOffset("papers", in: text) else { return true }
    return authorships < papers
  }

  /// The UTF-8 offset of the first `"name"` followed (after white space) by `:`.
  static func keyOffset(_ name: String, in text: String) -> Int? {
    let needle = Array("\"\(name)\"".utf8)
    let bytes = Array(text.utf8)
    var i = 0
    while i + needle.count <= bytes.count {
      if bytes[i] == needle[0], bytes[i ..< i + needle.count].elementsEqual(needle) {
        var j = i + needle.count
        while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x0A || bytes[j] == 0x0D { j += 1 }
        if j < bytes.count, bytes[j] == UInt8(ascii: ":") { return i }
      }
      i += 1
    }
    return nil
  }

  /// ``detect(path:text:)`` on the first 64 KiB of `bytes` (no need to decode a whole large file).
  public static func detect(path: String, bytes: [UInt8]) -> InputFormat {
    var prefix = Array(bytes.prefix(1 << 16))
    if prefix.starts(with: [0xEF, 0xBB, 0xBF]) { prefix.removeFirst(3) }
    return detect(path: path, text: String(decoding: prefix, as: UTF8.self))
  }

  /// Whether the first line that is not blank is a paper table's header: split at tabs (or at
  /// commas when it has no tab), its cells (trimmed, outer quotes dropped, any case) name both a
  /// `title` and an `authors` (or `author`) column, as ``TableColumns``' defaults read them.
  static func looksLikeTable(_ text: String) -> Bool {
    guard
      let line = text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
        .first(where: { !$0.trimmingSpaces.isEmpty })
    else { return false }
    let separator: Character = line.contains("\t") ? "\t" : ","
    let cells = Set(
      line.split(separator: separator, omittingEmptySubsequences: false).map { cell -> String in
        var c = cell.trimmingSpaces.drop { $0 == "\u{FEFF}" }
        if c.count >= 2, c.first == "\"", c.last == "\"" { c = c.dropFirst().dropLast() }
        return c.lowercased()
      })
    return cells.contains("title") && (cells.contains("authors") || cells.contains("author"))
  }

  /// BibTeX or RIS, judged by the first line that is neither blank nor a `%` comment.
  static func recordFormat(_ text: String) -> InputFormat? {
    for raw in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
      let line = raw.drop { $0 == " " || $0 == "\t" || $0 == "\u{FEFF}" }
      if line.isEmpty || line.hasPrefix("%") { continue }
      if line.hasPrefix("TY  - ") || line == "TY  -" { return .ris }
      guard line.first == "@" else { return nil }
      let rest = line.dropFirst().drop { $0.isASCII && $0.isLetter }
      guard rest.count < line.count - 1 else { return nil }
      let open = rest.drop { $0 == " " || $0 == "\t" }.first
      return open == "{" || open == "(" ? .bibtex : nil
    }
    return nil
  }

  static let headerWords: Set<String> = [
    "source", "target", "from", "to", "weight", "value", "src", "dst", "node", "node1", "node2", "u", "v", "id1", "id2",
    "fromnodeid", "tonodeid", "author1", "author2",
  ]

  static func looksLikeEdgeList(_ text: String) -> Bool {
    var checked = 0
    var sawComment = false
    for raw in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
      let fields = raw.split(whereSeparator: { $0 == " " || $0 == "\t" })
      guard let first = fields.first else { continue }
      if first.hasPrefix("#") || first.hasPrefix("%") {
        sawComment = true
        continue
      }
      guard fields.count == 2 || fields.count == 3 else { return false }
      if fields.contains(where: { $0.hasSuffix(":") }) { return false }
      if fields.count == 3, Double(fields[2]) == nil { return false }
      if checked == 0, fields.prefix(2).allSatisfy({ headerWords.contains($0.lowercased()) }) { return false }
      checked += 1
      if checked == 5 { break }
    }
    // One short line could be a listing title ("A Paper"): without a comment, want two edge lines.
    return checked >= 2 || (checked == 1 && sawComment)
  }
}

/// Reads paper inputs, applies an alias file and resolves identities into one ``Corpus``.
///
/// It reads inputs whose format is already decided (``DetectedInput``); the path and `InputFile`
/// forms decide it first, through ``DetectedInput`` too, so a format is detected once per input.
/// The command line goes through the `Analysis` target's `InputLoader`, which also decides
/// between paper records and edge lists.
public struct CorpusLoader: Sendable {
  /// Forces a format for every input given by path or as an ``InputFile``; `nil` detects it per
  /// file. (A ``DetectedInput`` carries its own format.)
  public var format: InputFormat?
  /// An alias (thesaurus) file to apply, if any.
  public var aliasPath: String?
  /// How paper tables (CSV/TSV) are read: column mapping, list separator.
  public var table: DelimitedTableReader
  /// Whether tags are folded by plural and acronym (``IdentityResolver/foldsTags``; default `true`).
  public var foldsTags: Bool
  /// Keeps entries apart as duplicates unless their sources share a scope
  /// (``IdentityResolver/duplicateScope``); `nil` by default.
  public var duplicateScope: (@Sendable (SourceLocation) -> Int)?
  /// Which rules decide who is who (``IdentityResolver/identity``; default ``IdentityMode/full``).
  public var identity: IdentityMode = .full
  /// Threads for reading: several inputs are read at the same time, a large TSV table in
  /// stretches (``DelimitedTableReader/threads``); 0 uses every active processor, 1 reads on the
  /// calling thread only. The corpus does not depend on it.
  public var threads: Int = 0
  /// From this many records, the canonical sort and the set of author keys are made at the same
  /// time (when there are threads for it).
  var minimumRecordsToOverlap = 40_000

  public init(
    format: InputFormat? = nil, aliasPath: String? = nil, table: DelimitedTableReader = DelimitedTableReader(),
    foldsTags: Bool = true
  ) {
    self.format = format
    self.aliasPath = aliasPath
    self.table = table
    self.foldsTags = foldsTags
  }

  /// Reads every file into one corpus (records in canonical order, as the ``DetectedInput`` form
  /// says); dblp XML (by name or forced format) is streamed from disk. The path `-` reads
  /// standard input (named `<stdin>`, its format detected from its content unless forced).
  /// - Throws: ``IngestError`` for the first file that cannot be read, including an edge list.
  public func load(_ paths: [String]) throws(IngestError) -> Corpus {
    var clock = LoadClock()
    var inputs: [DetectedInput] = []
    for path in paths { inputs.append(try DetectedInput.open(path, format: format)) }
    clock.lap("open (read, gunzip)")
    return try load(consume inputs)
  }

  /// Reads inputs already read from disk into one corpus.
  /// - Throws: ``IngestError`` for the first input that cannot be read, including an edge list
  ///   (a network, which has no paper records).
  public func load(_ inputs: [InputFile]) throws(IngestError) -> Corpus {
    try load(inputs.map { DetectedInput($0, format: format) })
  }

  /// Reads inputs into one corpus, each in its ``DetectedInput/format``. The order of the
  /// inputs, and of the records inside them, does not change the corpus: records are put in
  /// ``Record/canonicallyPrecedes(_:_:)`` order before identities are resolved, and the readers'
  /// diagnostics are listed by file path, so the same data gives the same papers, names,
  /// networks and reports (only the line numbers named in diagnostics follow the files).
  /// - Throws: ``IngestError`` for the first input that cannot be read (in the order given),
  ///   including an edge list (``IngestError/Reason/notPaperRecords(_:)``).
  ///
  /// Each input's bytes are let go as soon as it is read (when the caller gives up its copy of
  /// `inputs`, e.g. `load(open())`): a million-paper table is 222 MB of text.
  public func load(_ inputs: consuming [DetectedInput]) throws(IngestError) -> Corpus {
    var clock = LoadClock()
    let aliases = try loadAliases()
    var inputs = inputs
    var results: [(path: String, index: Int, result: ReadResult)] = []
    let workers = threads > 0 ? threads : ProcessInfo.processInfo.activeProcessorCount
    if inputs.count > 1 && workers > 1 {
      // Inputs read at the same time (each reader on its own input), kept in the order given,
      // so the first error in that order is the one thrown, as when they are read one by one.
      // The table reader's own threads are left to single inputs.
      var reader = self
      reader.table.threads = 1
      let shared = UncheckedSendableBox(value: inputs)
      inputs = []
      let outcomes = orderedParallelMap(shared.value.count, threads: workers) { index in
        Result { () throws(IngestError) -> ReadResult in try reader.read(shared.value[index]) }
      }
      for (index, outcome) in outcomes.enumerated() { results.append((shared.value[index].name, index, try outcome.get())) }
    } else {
      var reader = self
      reader.table.threads = workers
      for index in inputs.indices {
        let input = inputs[index]
        inputs[index].content = .onDisk(path: input.name)  // the array's reference to the bytes goes
        results.append((input.name, index, try reader.read(input)))
      }
    }
    inputs = []
    clock.lap("read records")
    results.sort { a, b in
      a.path.utf8.elementsEqual(b.path.utf8) ? a.index < b.index : a.path.utf8.lexicographicallyPrecedes(b.path.utf8)
    }
    // Per-paper pages without a title take one from an entry read with them (or a placeholder).
    var readResults = results.map(\.result)
    results = []  // one copy of the records at a time: a million records take hundreds of MB
    let naming = ListingReader.nameUntitledPages(&readResults)
    var records = readResults.count == 1 ? readResults[0].records : readResults.flatMap(\.records)
    for i in readResults.indices { readResults[i].records = [] }
    // The identity resolver's set of author keys does not depend on the order of the records:
    // it is built while they are sorted (each takes seconds, on one thread, for a million
    // records). Both only read the records until the sorted order is applied.
    var authorKeys: NameTable?
    if workers > 1 && records.count >= minimumRecordsToOverlap {
      let shared = UncheckedSendableBox(value: records)
      let (order, keys) = Self.sortedOrderAndAuthorKeys(shared)
      authorKeys = keys
      _ = consume shared  // `records` holds the only reference again: sorted in place
      Record.arrange(&records, in: order)
    } else {
      Record.sortCanonically(&records)
    }
    clock.lap("sort canonically")
    var references = readResults.flatMap(\.references)
    references.sort(by: Record.canonicallyPrecedes)
    var canonical = [ReadResult(
      records: [], diagnostics: readResults.flatMap(\.diagnostics) + naming, references: references,
      reads: readResults.flatMap(\.reads))]
    readResults = []
    canonical[0].records = records
    records = []
    var resolver = IdentityResolver(aliases: aliases, foldsTags: foldsTags)
    resolver.threads = threads
    resolver.duplicateScope = duplicateScope
    resolver.identity = identity
    resolver.authorKeys = authorKeys
    clock.lap("before resolve")
    return resolver.resolve(consuming: &canonical)
  }

  /// ``Record/canonicalOrder(_:)`` and ``IdentityResolver/authorKeys(of:)`` of the same
  /// records, computed at the same time on two threads.
  static func sortedOrderAndAuthorKeys(_ records: UncheckedSendableBox<[Record]>) -> ([Int], NameTable) {
    var order: [Int] = []
    var keys = NameTable()
    let both = orderedParallelMap(2, threads: 2) { k -> (order: [Int], keys: NameTable?) in
      k == 0 ? (Record.canonicalOrder(records.value), nil) : ([], IdentityResolver.authorKeys(of: records.value))
    }
    for part in both {
      if let k = part.keys { keys = k } else { order = part.order }
    }
    return (order, keys)
  }

  func loadAliases() throws(IngestError) -> AliasFile {
    guard let aliasPath else { return AliasFile() }
    return try AliasFile(TextFile(path: aliasPath))
  }

  /// The records of one input, in the forced or detected format.
  public func read(_ input: InputFile) throws(IngestError) -> ReadResult {
    try read(DetectedInput(input, format: format))
  }

  /// The records of one input, in its ``DetectedInput/format``; dblp XML left on disk is
  /// streamed. Readers that do not say how they read a file (``ReadResult/reads``) get one
  /// ``FileRead`` naming the format, built here only.
  /// - Throws: ``IngestError`` when the input cannot be read;
  ///   ``IngestError/Reason/notPaperRecords(_:)`` for an edge list, which holds a network.
  public func read(_ input: consuming DetectedInput) throws(IngestError) -> ReadResult {
    var result: ReadResult
    let (name, format) = (input.name, input.format)
    if format == .dblp, case .onDisk(let path) = input.content {
      result = try DBLPXMLReader().read(path: path)
    } else {
      let file = try input.file()
      _ = consume input
      result = try readRecords(file, as: format)
    }
    if result.reads.isEmpty {
      result.reads = [FileRead(file: name, layout: format.rawValue, entries: result.records.count)]
    }
    return result
  }

  /// The records of `input` in `format`; a reader that needs text gets it decoded from `input`,
  /// whose bytes are then let go (when the caller has no other copy), before the records are made.
  func readRecords(_ input: consuming InputFile, as format: InputFormat) throws(IngestError) -> ReadResult {
    func text() throws(IngestError) -> TextFile {
      let file = input
      input = InputFile(path: file.path, decoded: [])
      return try TextFile(file)
    }
    switch format {
    case .edges:
      throw IngestError(
        file: input.path,
        reason: .notPaperRecords("it is read as an edge list (a network); give edge lists on their own"))
    // dblp.xml is not read as text: it declares ISO-8859-1, and the XML parser decodes it.
    case .dblp: return try DBLPXMLReader().read(input)
    case .listing: return try ListingReader().read(text())
    case .json: return try JSONCorpusReader().read(text())
    case .table: return try table.read(text())
    case .bibtex: return try BibTeXReader().read(text())
    case .ris: return try RISReader().read(text())
    case .openalex: return try OpenAlexReader().read(text())
    case .spark:
      throw IngestError(
        file: input.path, reason: .notPaperRecords("'--input-format spark' reads a Spark job's output folder, not a file"))
    }
  }
}
