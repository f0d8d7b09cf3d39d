import ArgumentParser
import Bibliography
import Foundation
import GraphAlgorithms
import Networks
import Reporting

extension InputFormat: ExpressibleByArgument {}
extension Network.Kind: ExpressibleByArgument {}
extension Counting: ExpressibleByArgument {}
extension Metric: ExpressibleByArgument {}

/// Where the records come from.
struct InputOptions: ParsableArguments {
  @Argument(
    help: ArgumentHelp(
      "Input files: research listings (.txt), corpus JSON (.json), paper tables (.csv, .tsv), BibTeX (.bib), RIS (.ris), dblp XML (.xml), OpenAlex works (.jsonl, .json) or edge lists; any of them gzip-compressed (.gz).",
      valueName: "input"))
  var paths: [String] = []

  @Option(help: "Read every input as this format instead of detecting it (listing, json, table, bibtex, ris, dblp, openalex, edges).")
  var inputFormat: InputFormat?

  @Option(help: ArgumentHelp("An alias file (TSV: merge, split, rename, keep) to apply to names.", valueName: "file"))
  var aliases: String?

  @Option(
    help: ArgumentHelp(
      "Table columns for paper fields, e.g. 'title=Title,authors=Author Names,year=Year,tags=Keywords,id=Key' (fields: id, title, authors, fellows, year, date, tags, abstract; 'tags=' skips a field). Defaults read the papers.tsv schema.",
      valueName: "field=column,…"))
  var columns: String?

  @Option(help: ArgumentHelp("The separator inside table cells that hold lists (authors, fellows, tags).", valueName: "char"))
  var listSeparator: String = ";"

  func requirePaths() throws {
    if paths.isEmpty { throw ValidationError("Please provide at least one input file.") }
  }

  func validate() throws {
    if listSeparator.count != 1 { throw ValidationError("Please give a '--list-separator' of exactly one character.") }
    _ = try tableColumns()
  }

  func tableColumns() throws -> TableColumns {
    guard let columns else { return TableColumns() }
    do {
      return try TableColumns(mapping: columns)
    } catch {
      throw ValidationError("Please fix '--columns': \(error)")
    }
  }

  func corpusLoader() throws -> CorpusLoader {
    CorpusLoader(
      format: inputFormat, aliasPath: aliases,
      table: DelimitedTableReader(columns: try tableColumns(), listSeparator: listSeparator.first ?? ";"))
  }

  /// Reads paper inputs into a corpus (edge lists are refused: they have no papers).
  func loadCorpus() throws -> Corpus {
    guard case .corpus(let corpus) = try load() else {
      throw CLIError("this command needs paper records (listing, JSON, table, BibTeX or RIS), not an edge list")
    }
    return corpus
  }

  /// Reads the inputs: paper records into a corpus, or edge lists into a network.
  /// - Throws: ``IngestError`` for unreadable input; `CLIError` when edge lists and paper records
  ///   are mixed, or an alias file is given with edge lists.
  func load() throws -> LoadedInput {
    var inputs: [InputFile] = []
    for path in paths {
      try Interrupt.check()
      inputs.append(try InputFile(path: path))
    }
    let formats = inputs.map { inputFormat ?? InputFormat.detect(path: $0.path, bytes: $0.bytes) }
    try Interrupt.check()
    if formats.allSatisfy({ $0 == .edges }) {
      if aliases != nil { throw CLIError("'--aliases' applies to paper records; edge lists name nodes, not people") }
      return .network(try EdgeListReader().read(inputs))
    }
    if let i = formats.firstIndex(of: .edges) {
      throw CLIError(
        "\(paths[i]) is an edge list (a network) and cannot be combined with paper records; give edge lists on their own")
    }
    return .corpus(try corpusLoader().load(inputs))
  }
}

/// What the inputs held: paper records, or a network read from edge lists.
enum LoadedInput {
  case corpus(Corpus)
  case network(EdgeListReader.Result)

  /// The papers (none for an edge list).
  var corpus: Corpus {
    switch self {
    case .corpus(let corpus): return corpus
    case .network: return Corpus(entryCount: 0, papers: [])
    }
  }

  var diagnostics: [Diagnostic] {
    switch self {
    case .corpus(let corpus): return corpus.diagnostics
    case .network(let result): return result.diagnostics
    }
  }

  /// The network `options` asks for.
  /// - Throws: `ValidationError` for `--graph fellows|tags` or `--counting fractional` on an edge
  ///   list, which has neither fellows, tags nor papers.
  func network(_ options: GraphOptions) throws -> Network {
    switch self {
    case .corpus(let corpus):
      return options.network(from: corpus)
    case .network(let result):
      guard options.graph == .authors else {
        throw ValidationError(
          "Please use '--graph authors' with an edge list: it holds only the co-authorship network, so there is no '\(options.graph.rawValue)' graph.")
      }
      guard options.counting == .full else {
        throw ValidationError("Please leave out '--counting': an edge list's weights are used as given.")
      }
      return result.network
    }
  }
}

/// Which network to build and how.
struct GraphOptions: ParsableArguments {
  @Option(help: "The network: authors (co-authorship), fellows or tags (topic co-occurrence).")
  var graph: Network.Kind = .authors

  @Option(help: "Co-authorship counting: full (weight = shared papers) or fractional (Newman 2001).")
  var counting: Counting = .full

  @Flag(help: "Leave out fellow-graph links through shared non-fellow collaborators.")
  var noSharedCollaborators = false

  func network(from corpus: Corpus) -> Network {
    Network.build(graph, from: corpus, counting: counting, sharedCollaborators: !noSharedCollaborators)
  }
}

/// Output format for data commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json, csv
}

/// Community detection settings.
struct CommunityOptions: ParsableArguments {
  enum Algorithm: String, ExpressibleByArgument, CaseIterable {
    case louvain, leiden
    case labelPropagation = "label-propagation"

    /// The name shown in text output.
    var displayName: String {
      switch self {
      case .louvain: "Louvain"
      case .leiden: "Leiden"
      case .labelPropagation: "label propagation"
      }
    }
  }

  /// Leiden's quality function.
  enum Quality: String, ExpressibleByArgument, CaseIterable {
    case modularity, cpm

    var leiden: Leiden.Quality { self == .cpm ? .cpm : .modularity }
  }

  @Option(help: "Community detection method: louvain, leiden or label-propagation.")
  var algorithm: Algorithm = .louvain

  @Option(help: "Quality Leiden maximises: modularity (default) or cpm (constant Potts model; --resolution is then a density).")
  var quality: Quality?

  // `.unconditional` so that `--resolution -1` reaches validate() rather than failing as "Missing value".
  @Option(parsing: .unconditional, help: ArgumentHelp("Resolution <r> ≥ 0: above 1 gives more, smaller communities.", valueName: "r"))
  var resolution: Double = 1.0

  @Option(help: ArgumentHelp("Random seed <s> for the node order; the same seed gives the same result.", valueName: "s"))
  var seed: UInt64 = 0

  func validate() throws {
    guard resolution >= 0, resolution.isFinite else { throw ValidationError("Please give a '--resolution' of at least 0.") }
    if quality != nil && algorithm != .leiden {
      throw ValidationError("Please use '--quality' only with '--algorithm leiden'.")
    }
  }
}

/// How centralities are computed: threads, and sampling for betweenness.
struct ComputeOptions: ParsableArguments {
  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("Worker threads <n> for betweenness, closeness and harmonic; 0 = all cores.", valueName: "n"))
  var threads: Int = 0

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "Estimate betweenness from <k> randomly sampled source nodes instead of all of them (for large graphs).",
      valueName: "k"))
  var samples: Int?

  @Option(help: ArgumentHelp("Random seed <s> for --samples; the same seed gives the same result.", valueName: "s"))
  var seed: UInt64 = 0

  func validate() throws {
    if threads < 0 { throw ValidationError("Please give a '--threads' of 0 (all cores) or more.") }
    if let samples, samples < 1 { throw ValidationError("Please give a '--samples' of at least 1.") }
  }

  /// The thread count to use: `--threads`, or every core for 0.
  var resolvedThreads: Int { threads == 0 ? ProcessInfo.processInfo.activeProcessorCount : threads }
}
