import Analysis
import Bibliography
import Foundation
import GraphCore
import Networks
import Synchronization
import Testing

/// The one-paper (or one-graph) fixtures of `Fixtures/inputs/`, one a format.
enum Inputs {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/inputs")
  static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

  /// Every paper fixture: its name, the format it is detected as, and its paper's title.
  static let papers: [(name: String, format: InputFormat, title: String)] = [
    ("listing.txt", .listing, "A Listing Paper"),
    ("corpus.json", .json, "A Corpus JSON Paper"),
    ("papers.tsv", .table, "A Table Paper"),
    ("papers-gz.tsv.gz", .table, "A Gzip Table Paper"),
    ("refs.bib", .bibtex, "A BibTeX Paper"),
    ("refs.ris", .ris, "A RIS Paper"),
    ("dblp.xml", .dblp, "A dblp Paper"),
    ("works.jsonl", .openalex, "An OpenAlex Paper"),
  ]

  /// A copy of fixture `name` in a fresh temporary folder, as `newName`.
  static func copy(_ name: String, as newName: String) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-inputs-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let target = dir.appendingPathComponent(newName)
    try FileManager.default.copyItem(at: folder.appendingPathComponent(name), to: target)
    return target.path
  }
}

/// Counts calls, from any thread.
final class CallCounter: Sendable {
  let calls = Mutex(0)
  func count() { calls.withLock { $0 += 1 } }
  var value: Int { calls.withLock { $0 } }
}

struct Stop: Error, Equatable {}

@Suite("Input loader: one place decides each input's kind")
struct InputLoaderTests {
  // MARK: Deciding the kind

  struct Kind: Sendable, CustomTestStringConvertible {
    var name: String
    var format: InputFormat
    var testDescription: String { name }
  }

  static let kinds: [Kind] = Inputs.papers.map { Kind(name: $0.name, format: $0.format) } + [Kind(name: "graph.txt", format: .edges)]

  /// Each fixture is detected as its format, by name or content; only dblp XML stays on disk
  /// (streamed), every other input is read whole.
  @Test(arguments: kinds)
  func eachKindIsDecidedOnOpening(kind: Kind) throws {
    let input = try DetectedInput.open(Inputs.path(kind.name))
    #expect(input.format == kind.format)
    #expect(input.name == Inputs.path(kind.name))
    switch input.content {
    case .onDisk(let path):
      #expect(kind.format == .dblp)
      #expect(path == Inputs.path(kind.name))
    case .inMemory(let file):
      #expect(kind.format != .dblp)
      #expect(file.wasCompressed == kind.name.hasSuffix(".gz"))
    }
  }

  /// Each paper fixture alone loads as a corpus of its one paper, read in its format.
  @Test(arguments: Inputs.papers.map(\.name))
  func eachPaperFormatLoadsAsACorpus(name: String) throws {
    let expected = try #require(Inputs.papers.first { $0.name == name })
    let loaded = try InputLoader(InputSpec(paths: [Inputs.path(name)])).load()
    guard case .corpus(let corpus) = loaded else {
      Issue.record("\(name) did not load as paper records")
      return
    }
    #expect(corpus.papers.map(\.title) == [expected.title])
    #expect(corpus.papers.first?.authors == ["Ann Alpha", "Bob Beta"])
    #expect(corpus.reads == [FileRead(file: Inputs.path(name), layout: expected.format.rawValue, entries: 1)])
  }

  /// An edge list loads as a network (no papers, no notes).
  @Test func edgeListLoadsAsANetwork() throws {
    let loaded = try InputLoader(InputSpec(paths: [Inputs.path("graph.txt")])).load()
    guard case .network(let result) = loaded else {
      Issue.record("graph.txt did not load as a network")
      return
    }
    #expect(result.network.labels == ["ann", "bob", "cid"])
    #expect(Array(result.network.graph.edgeWeights) == [1, 2])
    #expect(loaded.corpus.papers.isEmpty)
    #expect(loaded.diagnostics.isEmpty)
  }

  /// Every paper format at once, in any order: one corpus, files listed in byte order of path.
  @Test func allPaperFormatsTogetherInAnyOrder() throws {
    let paths = Inputs.papers.map { Inputs.path($0.name) }
    let forward = try InputLoader(InputSpec(paths: paths)).loadCorpus()
    let backward = try InputLoader(InputSpec(paths: paths.reversed())).loadCorpus()
    #expect(forward.papers.count == 8)
    #expect(Set(forward.papers.map(\.title)) == Set(Inputs.papers.map(\.title)))
    #expect(forward.reads.map(\.file) == paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    #expect(forward.reads.map(\.layout) == ["json", "dblp", "listing", "table", "table", "bibtex", "ris", "openalex"])
    #expect(backward.papers.map(\.title) == forward.papers.map(\.title))
    #expect(backward.reads == forward.reads)
  }

  /// dblp XML by a forced format streams even without the `.xml` name; by content alone it is
  /// read whole; both give the same paper.
  @Test func dblpStreamsByNameOrForcedFormat() throws {
    let renamed = try Inputs.copy("dblp.xml", as: "dump.txt")
    let forced = try DetectedInput.open(renamed, format: .dblp)
    guard case .onDisk = forced.content else {
      Issue.record("a forced dblp input was read whole")
      return
    }
    let byContent = try DetectedInput.open(renamed)
    #expect(byContent.format == .dblp)
    guard case .inMemory = byContent.content else {
      Issue.record("dblp detected by content should be read whole (its name does not say dblp)")
      return
    }
    let a = try InputLoader(InputSpec(paths: [renamed], format: .dblp)).loadCorpus()
    let b = try InputLoader(InputSpec(paths: [renamed])).loadCorpus()
    #expect(a.papers.map(\.title) == ["A dblp Paper"])
    #expect(b.papers.map(\.title) == a.papers.map(\.title))
    #expect(a.reads == b.reads)
  }

  /// Standard input has no name: its format comes from its content (gzip looked through), and
  /// it is named `<stdin>`.
  @Test func standardInputBytesAreDetectedByContent() throws {
    let ris = try Data(contentsOf: Inputs.folder.appendingPathComponent("refs.ris"))
    let file = try InputFile(path: InputFile.standardInputName, bytes: Gzip.compress([UInt8](ris)))
    let input = DetectedInput(file)
    #expect(input.format == .ris)
    #expect(input.name == "<stdin>")
    let loaded = try InputLoader(InputSpec(paths: ["-"])).load([input])
    #expect(loaded.corpus.papers.map(\.title) == ["A RIS Paper"])
    #expect(loaded.corpus.reads == [FileRead(file: "<stdin>", layout: "ris", entries: 1)])
  }

  // MARK: Detection happens once

  /// `load(_:)` reads each input in the format `open()` decided and never detects again: a
  /// listing whose recorded format is changed to `table` is read as a table (and fails as one).
  @Test func loadingFollowsTheRecordedFormat() throws {
    let loader = InputLoader(InputSpec(paths: [Inputs.path("listing.txt")]))
    var inputs = try loader.open()
    #expect(inputs.map(\.format) == [.listing])
    inputs[0].format = .table
    #expect(
      throws: IngestError(
        file: Inputs.path("listing.txt"), line: 1, reason: .missingColumn("title", available: ["A Listing Paper"]))
    ) { try loader.load(inputs) }
    // And an edge list recorded as a listing is not turned back into a network.
    var graph = try InputLoader(InputSpec(paths: [Inputs.path("graph.txt")])).open()
    graph[0].format = .json
    #expect(throws: IngestError.self) { try loader.load(graph) }
  }

  /// The checkpoint runs before each input and once after all (the command line checks for
  /// Ctrl-C there), and what it throws stops the loading.
  @Test func checkpointRunsBetweenInputs() throws {
    let counter = CallCounter()
    let paths = [Inputs.path("refs.bib"), Inputs.path("refs.ris")]
    _ = try InputLoader(InputSpec(paths: paths), checkpoint: { counter.count() }).load()
    #expect(counter.value == 3)
    #expect(throws: Stop()) { try InputLoader(InputSpec(paths: paths), checkpoint: { throw Stop() }).load() }
  }

  // MARK: Mixing rules (typed errors, the command line's texts)

  @Test func edgeListsWithPaperRecordsAreRefusedNamingTheEdgeList() throws {
    let edges = Inputs.path("graph.txt")
    let error = InputError(.edgeListWithPaperRecords, file: edges)
    #expect(throws: error) { try InputLoader(InputSpec(paths: [Inputs.path("refs.bib"), edges])).load() }
    #expect(
      error.description
        == "\(edges) is an edge list (a network) and cannot be combined with paper records; give edge lists on their own")
  }

  @Test func aliasesWithEdgeListsAreRefused() throws {
    let spec = InputSpec(paths: [Inputs.path("graph.txt")], aliasPath: Inputs.path("refs.bib"))
    #expect(throws: InputError(.aliasesWithEdgeLists)) { try InputLoader(spec).load() }
    #expect(InputError(.aliasesWithEdgeLists).description == "'--aliases' applies to paper records; edge lists name nodes, not people")
  }

  @Test func papersAskedOfAnEdgeList() throws {
    #expect(throws: InputError(.needsPaperRecords)) {
      try InputLoader(InputSpec(paths: [Inputs.path("graph.txt")])).loadCorpus()
    }
  }

  // MARK: A forced edge-list format on paper records

  /// `--input-format edges` on a BibTeX file: the edge-list reader's error naming file and line,
  /// no crash.
  @Test func forcedEdgesOnBibTeXIsAnIngestError() throws {
    let bib = Inputs.path("refs.bib")
    #expect(
      throws: IngestError(
        file: bib, line: 1, reason: .invalidEdge("only one field; expected 'source target [weight]'"), text: "@article{k1,")
    ) { try InputLoader(InputSpec(paths: [bib], format: .edges)).load() }
  }

  /// The paper path given an edge list (the library's `CorpusLoader`, where a
  /// `preconditionFailure` used to sit behind the check): a thrown error naming the file.
  @Test func corpusLoaderRefusesEdgeListsWithAnError() throws {
    let bib = Inputs.path("refs.bib")
    let error = IngestError(
      file: bib, reason: .notPaperRecords("it is read as an edge list (a network); give edge lists on their own"))
    #expect(throws: error) { try CorpusLoader(format: .edges).load([bib]) }
    #expect(throws: error) { try CorpusLoader().load([DetectedInput(try InputFile(path: bib), format: .edges)]) }
    #expect(
      error.description == "\(bib): not paper records: it is read as an edge list (a network); give edge lists on their own")
    let graph = Inputs.path("graph.txt")
    #expect(throws: IngestError(file: graph, reason: error.reason)) { try CorpusLoader().load([graph]) }
  }

  // MARK: The spec

  @Test func specSettingsAreCheckedBeforeReading() throws {
    let bib = Inputs.path("refs.bib")
    #expect(throws: InputError(.noInputs)) { try InputLoader(InputSpec()).load() }
    // Refused before standard input would be read.
    #expect(throws: InputError(.standardInputTwice)) { try InputLoader(InputSpec(paths: ["-", bib, "-"])).open() }
    #expect(throws: InputError(.invalidListSeparator("||"))) {
      try InputLoader(InputSpec(paths: [bib], listSeparator: "||")).open()
    }
    #expect(throws: InputError(.invalidColumns("unknown field 'name' (fields: id, title, authors, fellows, year, date, tags, abstract)"))) {
      try InputLoader(InputSpec(paths: [bib], columns: "name=Title")).open()
    }
  }

  /// Table settings reach the table reader: a `,` list separator and a column mapping.
  @Test func tableSettingsAreUsed() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-inputs-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let path = dir.appendingPathComponent("t.csv").path
    try Data("Name,Who\nA Paper,\"Ann Alpha, Bob Beta\"\n".utf8).write(to: URL(fileURLWithPath: path))
    let spec = InputSpec(paths: [path], columns: "title=Name,authors=Who", listSeparator: ",")
    let corpus = try InputLoader(spec).loadCorpus()
    #expect(corpus.papers.map(\.title) == ["A Paper"])
    #expect(corpus.papers.first?.authors == ["Ann Alpha", "Bob Beta"])
  }

  /// The spec is `Codable` with the fields named as in the source; a round trip keeps it.
  @Test func specRoundTripsThroughJSON() throws {
    let spec = InputSpec(
      paths: ["a.tsv", "-"], format: .table, aliasPath: "aliases.tsv", columns: "title=Name", listSeparator: ",",
      foldsTags: false)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let json = String(decoding: try encoder.encode(spec), as: UTF8.self)
    #expect(
      json
        == #"{"aliasPath":"aliases.tsv","columns":"title=Name","foldsTags":false,"format":"table","listSeparator":",","paths":["a.tsv","-"]}"#
    )
    #expect(try JSONDecoder().decode(InputSpec.self, from: Data(json.utf8)) == spec)
    #expect(InputSpec(paths: ["b", "-", "a"]).orderedPaths == ["-", "a", "b"])
  }
}
