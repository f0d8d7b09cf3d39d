import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The hostile corpus (`Tests/CLITests/Fixtures/hostile`, see its README): every command and output
/// format on every input format, checked well-formed (XML parses, with `xmllint --noout` too; JSON
/// parses; CSV rows have the header's width, no cell starts a formula) and inert (no `<script>`
/// element, event-handler attribute or `javascript:` link comes from the data; the HTML report runs
/// no injected script in headless Chromium). Each check also finds the hostile text back, decoded,
/// so a writer that dropped the names would fail too.
@Suite("Hostile input: every output well-formed and inert")
struct HostileInputTests {
  static let folder = CLI.repository.appendingPathComponent("Tests/CLITests/Fixtures/hostile")
  static func fixture(_ name: String) -> String { folder.appendingPathComponent(name).path }

  /// The paper-record files, one per input format.
  static let recordFiles = [
    "listing.txt", "corpus.json", "table.csv", "table.tsv", "records.bib", "records.ris", "records.xml", "works.jsonl",
  ]
  /// A payload every record file carries in a name (markup stays markup only if a writer forgets to escape).
  static let payload = "<script>window.__pwned=1"

  static let xmllint = BrowserTests.which("xmllint")
  /// `scripts/test.sh` sets this (after `scripts/setup.sh` installed xmllint and Chromium): there a
  /// missing tool fails instead of skipping.
  static let required = BrowserTests.required

  // MARK: - Every output of every input

  @Test(arguments: recordFiles)
  func everyOutputIsWellFormedAndInert(_ name: String) throws {
    let dir = try TemporaryDirectory()
    var inputs = [Self.fixture(name)]
    if name == "listing.txt" { inputs += ["--aliases", Self.fixture("aliases.tsv")] }
    try Self.run(inputs, records: true, in: dir)
  }

  @Test func edgeListOutputsAreWellFormedAndInert() throws {
    let dir = try TemporaryDirectory()
    try Self.run([Self.fixture("edges.txt")], records: false, in: dir)
    // The report needs papers (fellows, tags, years): a clear refusal, nothing written.
    let report = try CLI.run(["report", Self.fixture("edges.txt"), "--output", dir.path("e")])
    #expect(report.status == 1)
    #expect(report.err.contains("needs paper records"), "\(report.err)")
    #expect(!FileManager.default.fileExists(atPath: dir.path("e")))
    // A picture of the network an edge list holds is drawn like any other (the same pipeline);
    // other graphs are refused before anything is written.
    let render = try CLI.run(["render", Self.fixture("edges.txt"), "--output", dir.path("e.svg")])
    #expect(render.status == 0, "\(render.err)")
    let fellows = try CLI.run(["render", Self.fixture("edges.txt"), "--graph", "fellows", "--output", dir.path("f.svg")])
    #expect(fellows.status == 64)
    #expect(fellows.err.contains("Please use '--graph authors' with an edge list"), "\(fellows.err)")
    #expect(!FileManager.default.fileExists(atPath: dir.path("f.svg")))
  }

  /// Runs every command on `inputs` and checks every output.
  static func run(_ inputs: [String], records: Bool, in dir: TemporaryDirectory) throws {
    var printed: [(String, Data)] = []
    func ok(_ arguments: [String]) throws -> CLI.Result {
      let result = try CLI.run(arguments)
      #expect(result.status == 0, "coauthor \(arguments.joined(separator: " ")): \(result.err)")
      printed.append((arguments.joined(separator: " "), result.stdout))
      return result
    }
    var xmlFiles: [String] = []
    // export: every format.
    for ext in ["graphml", "gexf"] {
      _ = try ok(["export"] + inputs + ["--output", dir.path("net.\(ext)")])
      xmlFiles.append(dir.path("net.\(ext)"))
    }
    _ = try ok(["export"] + inputs + ["--output", dir.path("net.json")])
    _ = try ok(["export"] + inputs + ["--format", "vosviewer", "--output", dir.path("vos.json")])
    _ = try ok(["export"] + inputs + ["--output", dir.path("net.csv")])
    _ = try ok(["export"] + inputs + ["--output", dir.path("net.dot")])
    for file in ["net.json", "vos.json"] {
      let strings = try jsonStrings(Data(contentsOf: URL(fileURLWithPath: dir.path(file))))
      #expect(strings.contains { $0.contains(payload) }, "\(file) lost the names")
    }
    for file in ["net.nodes.csv", "net.edges.csv"] {
      let rows = try checkCSV(String(decoding: Data(contentsOf: URL(fileURLWithPath: dir.path(file))), as: UTF8.self), file)
      #expect(rows.joined().contains { $0.contains(payload) }, "\(file) lost the names")
    }
    try checkDOT(dir.path("net.dot"))

    // stats, rank, communities: JSON and CSV.
    _ = try jsonStrings(ok(["stats"] + inputs + ["--format", "json"]).stdout)
    for command in ["rank", "communities"] {
      let strings = try jsonStrings(ok([command] + inputs + ["--format", "json"]).stdout)
      #expect(strings.contains { $0.contains(payload) }, "\(command) --format json lost the names")
      let rows = try checkCSV(ok([command] + inputs + ["--format", "csv"]).out, "\(command) --format csv")
      #expect(rows.joined().contains { $0.contains(payload) }, "\(command) --format csv lost the names")
    }

    if records {
      // render: SVG and DOT, every graph.
      for graph in ["authors", "fellows", "tags"] {
        let svg = dir.path("\(graph).svg")
        let result = try CLI.run(["render"] + inputs + ["--graph", graph, "--output", svg])
        // A corpus without fellows or tags has no such picture: refused, not drawn empty.
        if result.status != 0 {
          #expect(graph != "authors" && result.status == 1 && result.err.contains("no "), "\(graph): \(result.err)")
          continue
        }
        xmlFiles.append(svg)
        _ = try ok(["render"] + inputs + ["--graph", graph, "--output", dir.path("\(graph).dot")])
        try checkDOT(dir.path("\(graph).dot"))
      }
      // report: HTML, Markdown and every picture.
      _ = try ok(["report"] + inputs + ["--output", dir.path("report")])
      let names = try FileManager.default.contentsOfDirectory(atPath: dir.path("report")).sorted()
      #expect(names.contains("report.html") && names.contains("report.md"), "\(names)")
      xmlFiles += names.filter { $0.hasSuffix(".svg") }.map { dir.path("report/\($0)") }
      try checkHTML(dir.path("report/report.html"))
      try checkMarkdown(dir.path("report/report.md"))
    }

    var found = false
    for file in xmlFiles {
      let scan = try XMLScan(path: file)
      #expect(scan.error == nil, "\(file): \(scan.error ?? "")")
      #expect(!scan.elements.contains { $0.lowercased() == "script" || $0.lowercased() == "foreignobject" }, "\(file) has a script element")
      #expect(scan.unsafeAttributes.isEmpty, "\(file): \(scan.unsafeAttributes.prefix(3))")
      found = found || scan.text.contains(payload) || scan.attributeValues.contains { $0.contains(payload) }
    }
    #expect(found, "the XML outputs lost the names")
    try xmllintAccepts(xmlFiles)
    // The one rule for control and bidi characters (TextEscaping), in every file and every
    // standard output: no bidi control or mark, no C0/C1 control but line feed.
    var outputs = printed
    let files = FileManager.default.enumerator(atPath: dir.url.path)?.compactMap { $0 as? String }.sorted() ?? []
    for name in files {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: dir.path(name), isDirectory: &isDirectory), !isDirectory.boolValue {
        outputs.append((name, try Data(contentsOf: URL(fileURLWithPath: dir.path(name)))))
      }
    }
    #expect(outputs.count > 10)
    for (name, data) in outputs {
      let bad = String(decoding: data, as: UTF8.self).unicodeScalars.first {
        ($0.value < 0x20 && $0 != "\n") || (0x7F ... 0x9F).contains($0.value) || (0x202A ... 0x202E).contains($0.value)
          || (0x2066 ... 0x2069).contains($0.value) || [0x200E, 0x200F, 0x061C, 0x2028, 0x2029].contains($0.value)
      }
      #expect(bad == nil, "\(name) holds U+\(String(bad?.value ?? 0, radix: 16, uppercase: true))")
    }
  }

  // MARK: - Invalid UTF-8, huge papers

  /// Every reader refuses invalid UTF-8 the same way: the file, the line, exit 1, nothing written.
  @Test(arguments: recordFiles + ["edges.txt", "aliases.tsv"])
  func invalidUTF8IsAnErrorNamingFileAndLine(_ name: String) throws {
    let dir = try TemporaryDirectory()
    var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.fixture(name))))
    // 0xFF (never valid in UTF-8) at the start of line 4.
    var ends = 0
    let index = try #require(bytes.indices.first { i in
      if bytes[i] == 0x0A { ends += 1 }
      return ends == 3
    }) + 1
    bytes.insert(0xFF, at: index)
    let path = try dir.write(name, bytes)
    var arguments = ["stats", path]
    if name == "aliases.tsv" { arguments = ["stats", Self.fixture("listing.txt"), "--aliases", path] }
    let result = try CLI.run(arguments, in: dir.url)
    #expect(result.status == 1)
    if name == "records.xml" {
      // libxml2 decodes the XML: the same place, its own words.
      #expect(result.err.hasPrefix("Error: \(path):4: invalid XML: invalid character (not valid in the declared encoding"), "\(result.err)")
    } else {
      #expect(result.err == "Error: \(path):4: the file is not valid UTF-8 text\n", "\(result.err)")
    }
    let export = try CLI.run(["export", path, "--output", dir.path("out.graphml")], in: dir.url)
    #expect(export.status == 1 && !FileManager.default.fileExists(atPath: dir.path("out.graphml")))
  }

  /// A paper with 10,000 authors (generated here, not committed) is read whole; the default
  /// hyper-authorship rule, or `--max-authors`, leaves it out by name (its clique would have
  /// 49,995,000 edges), and the rest is written.
  @Test func tenThousandAuthors() throws {
    let dir = try TemporaryDirectory()
    let many = (0 ..< 10_000).map { "\"Author \($0) <b>&amp;</b> \\u202e\"" }.joined(separator: ",")
    let json = """
      {"papers": [
        {"title": "Ten thousand <script>window.__pwned=1</script>", "authors": [\(many)], "date": "2024"},
        {"title": "Small", "authors": ["Ann <script>window.__pwned=1</script>", "Bob", "Author 5 <b>&amp;</b> \\u202e"], "date": "2023"}
      ]}
      """
    let path = try dir.write("tenk.json", json)
    // By default (no --max-authors) the paper is left out with a warning naming it.
    let byDefault = try CLI.run(["stats", path])
    #expect(byDefault.status == 0, "\(byDefault.err)")
    #expect(
      byDefault.err
        == "coauthor: warning: 1 paper with more than 100 authors was left out of the networks: 'Ten thousand <script>window.__pwned=1</script>' (10,000 authors) ('--max-authors none' keeps every paper)\n")
    #expect(byDefault.out.contains("authors graph  3 nodes, 3 edges, 1 components\n"), "\(byDefault.out)")
    let stats = try CLI.run(["stats", path, "--max-authors", "100", "--format", "json"])
    #expect(stats.status == 0, "\(stats.err)")
    let text = try CLI.run(["stats", path, "--max-authors", "100"])
    #expect(text.out.contains("10000 authors: Ten thousand <script>window.__pwned=1</script>"), "\(text.out)")
    let export = try CLI.run(["export", path, "--max-authors", "100", "--output", dir.path("net.graphml")])
    #expect(export.status == 0, "\(export.err)")
    let scan = try XMLScan(path: dir.path("net.graphml"))
    #expect(scan.error == nil)
    // The override at the end of the name is removed when the name is normalised
    // (NameNormalizer drops direction marks and bidi controls), then the trailing space.
    #expect(scan.text.contains("Author 5 <b>&amp;</b>") && !scan.text.contains("Author 5 <b>&amp;</b> \u{FFFD}"))
    #expect(!scan.text.unicodeScalars.contains("\u{202E}"))
    try Self.xmllintAccepts([dir.path("net.graphml")])
  }

  // MARK: - The browser

  /// One report of all eight record files together, opened in headless Chromium by
  /// `scripts/browser_check.py --hostile`; and the same check on a copy with one injected
  /// `onerror`, which must fail (the sentinel works).
  @Test(.enabled(if: required || (BrowserTests.chromium != nil && BrowserTests.python != nil), "chromium or python3 is not installed; run scripts/setup.sh"))
  func hostileReportRunsNoScriptInChromium() throws {
    try #require(BrowserTests.chromium != nil && BrowserTests.python != nil, "COAUTHOR_REQUIRE_BROWSER=1 but chromium or python3 is missing")
    let dir = try TemporaryDirectory()
    let report = try CLI.run(["report"] + Self.recordFiles.map(Self.fixture) + ["--output", dir.path("report")])
    #expect(report.status == 0, "\(report.err)")
    let html = dir.path("report/report.html")
    let (status, output) = try Self.browserCheck(html)
    #expect(status == 0, "browser check failed:\n\(output)")
    for line in ["ok   no injected script ran (typeof window.__pwned: undefined)", "ok   no JavaScript dialog opened ([])", "ok   no console errors ([])"] {
      #expect(output.contains(line), "\(output)")
    }
    #expect(output.contains("ok   hovered"), "\(output)")

    var page = try String(contentsOfFile: html, encoding: .utf8)
    page = page.replacingOccurrences(of: "<body>", with: "<body><img src=x onerror=\"window.__pwned=1;alert(1)\">")
    try page.write(toFile: dir.path("tampered.html"), atomically: true, encoding: .utf8)
    let (badStatus, badOutput) = try Self.browserCheck(dir.path("tampered.html"))
    #expect(badStatus == 1, "\(badOutput)")
    #expect(badOutput.contains("FAIL no injected script ran (typeof window.__pwned: number)"), "\(badOutput)")
    #expect(badOutput.contains("FAIL no JavaScript dialog opened (['1'])"), "\(badOutput)")
  }

  static func browserCheck(_ html: String) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: BrowserTests.python!)
    process.arguments = [
      CLI.repository.appendingPathComponent("scripts/browser_check.py").path, "--hostile", html,
      "--chromium", BrowserTests.chromium!,
    ]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, output)
  }

  // MARK: - Checks

  /// `xmllint --noout` accepts every file (skipped with a message when xmllint is missing, except
  /// under `scripts/test.sh`).
  static func xmllintAccepts(_ files: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
    guard let xmllint else {
      if required { Issue.record("xmllint is missing; run scripts/setup.sh", sourceLocation: sourceLocation) }
      print("HostileInputTests: xmllint not installed (apt-get install libxml2-utils); XMLParser checked the files")
      return
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: xmllint)
    process.arguments = ["--noout", "--nonet"] + files
    let pipe = Pipe()
    process.standardError = pipe
    process.standardOutput = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "xmllint: \(output.prefix(2000))", sourceLocation: sourceLocation)
  }

  /// Every string in a JSON document (keys and values), or a failure when it does not parse.
  static func jsonStrings(_ data: Data) throws -> [String] {
    var out: [String] = []
    func walk(_ value: Any) {
      if let s = value as? String { out.append(s) }
      if let a = value as? [Any] { a.forEach(walk) }
      if let d = value as? [String: Any] { for (k, v) in d { out.append(k); walk(v) } }
    }
    walk(try JSONSerialization.jsonObject(with: data))
    return out
  }

  /// Parses RFC 4180 CSV; checks every row has the header's width and no cell starts like a
  /// spreadsheet formula (`=`, `+`, `-`, `@`, tab, CR) unless it is a number. Returns the rows.
  @discardableResult
  static func checkCSV(_ text: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var cell = ""
    var quoted = false
    var chars = Array(text.unicodeScalars)[...]
    while let c = chars.popFirst() {
      if quoted {
        if c == "\"" {
          if chars.first == "\"" { cell.unicodeScalars.append("\""); chars.removeFirst() } else { quoted = false }
        } else {
          cell.unicodeScalars.append(c)
        }
      } else if c == "\"" {
        #expect(cell.isEmpty, "\(what): a quote inside an unquoted cell: \(cell)", sourceLocation: sourceLocation)
        quoted = true
      } else if c == "," {
        row.append(cell); cell = ""
      } else if c == "\n" {
        row.append(cell); cell = ""; rows.append(row); row = []
      } else {
        #expect(c != "\r", "\(what): a bare CR outside quotes", sourceLocation: sourceLocation)
        cell.unicodeScalars.append(c)
      }
    }
    #expect(!quoted, "\(what): unterminated quoted cell", sourceLocation: sourceLocation)
    #expect(cell.isEmpty && row.isEmpty, "\(what): no final line break", sourceLocation: sourceLocation)
    let width = rows.first?.count ?? 0
    for (i, r) in rows.enumerated() {
      #expect(r.count == width, "\(what): row \(i + 1) has \(r.count) cells, the header \(width): \(r.prefix(4))", sourceLocation: sourceLocation)
      for c in r {
        if let first = c.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Double(c) == nil {
          Issue.record("\(what): a formula-like cell \(c.prefix(40).debugDescription)", sourceLocation: sourceLocation)
        }
      }
    }
    return rows
  }

  /// DOT: Graphviz's own parser accepts it (`dot -Tcanon`, when installed; libgraphviz always is,
  /// but the `dot` program may not be), and no raw line break sits inside a quoted string.
  static func checkDOT(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.hasSuffix("}\n"), "\(path) is not closed", sourceLocation: sourceLocation)
    guard let dot = BrowserTests.which("dot") else {
      print("skipped: dot -Tcanon check (Graphviz command-line tools not installed; scripts/setup.sh installs them)")
      return
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: dot)
    process.arguments = ["-Tcanon", "-o", "/dev/null", path]
    let pipe = Pipe()
    process.standardError = pipe
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0 && !output.contains("syntax error"), "dot: \(output)", sourceLocation: sourceLocation)
  }

  /// The HTML report: the report's own two `<script>` elements and nothing else (so no `</script`
  /// inside the data block), no markup from the data, and the names present as escaped text.
  static func checkHTML(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let html = try String(contentsOfFile: path, encoding: .utf8)
    let lower = html.lowercased()
    #expect(lower.components(separatedBy: "<script").count - 1 == 2, "script elements", sourceLocation: sourceLocation)
    #expect(lower.components(separatedBy: "</script").count - 1 == 2, "script end tags", sourceLocation: sourceLocation)
    // (Event-handler text such as `onerror=` does occur, inside escaped attribute values and text:
    // the browser check and XMLScan judge the structure.)
    for bad in ["<img", "<svg onload", "href=\"javascript:", "]]>"] {
      #expect(!lower.contains(bad.lowercased()), "report.html holds \(bad.debugDescription)", sourceLocation: sourceLocation)
    }
    #expect(html.contains("&lt;script&gt;window.__pwned=1"), "report.html lost the names", sourceLocation: sourceLocation)
  }

  /// The Markdown report: no raw HTML from the data (only the writer's own `<a id=…></a>` anchors).
  static func checkMarkdown(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let markdown = try String(contentsOfFile: path, encoding: .utf8)
    var rest = markdown.replacingOccurrences(of: "</a>", with: "")
    while let r = rest.range(of: "<a id=\"") { rest.removeSubrange(r) }
    #expect(!rest.contains("<"), "report.md holds raw markup: \(rest.components(separatedBy: "<").dropFirst().first?.prefix(60) ?? "")", sourceLocation: sourceLocation)
    #expect(markdown.contains("&lt;script&gt;window.\\_\\_pwned=1"), "report.md lost the names", sourceLocation: sourceLocation)
  }
}

/// Parses an XML file with Foundation's XMLParser (libxml2) and collects element names, text,
/// attribute values, and attributes that would run script (`on…`, `javascript:` links).
final class XMLScan: NSObject, XMLParserDelegate {
  var elements: Set<String> = []
  var text = ""
  var attributeValues: [String] = []
  var unsafeAttributes: [String] = []
  var error: String?

  init(path: String) throws {
    super.init()
    let parser = XMLParser(data: try Data(contentsOf: URL(fileURLWithPath: path)))
    parser.shouldResolveExternalEntities = false
    parser.delegate = self
    if !parser.parse() { error = "line \(parser.lineNumber): \(parser.parserError.map { "\($0)" } ?? "parse error")" }
  }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    elements.insert(elementName)
    for (name, value) in attributes {
      attributeValues.append(value)
      let v = value.trimmingCharacters(in: .whitespaces).lowercased()
      if name.lowercased().hasPrefix("on") || (name.lowercased().hasSuffix("href") && v.hasPrefix("javascript:")) {
        unsafeAttributes.append("\(elementName)[\(name)=\(value.prefix(40))]")
      }
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
  func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) { text += String(decoding: CDATABlock, as: UTF8.self) }
}
