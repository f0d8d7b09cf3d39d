import ArgumentParser
import Bibliography
import GraphAlgorithms
import Networks
import Reporting

extension InputFormat: ExpressibleByArgument {}
extension Network.Kind: ExpressibleByArgument {}
extension Counting: ExpressibleByArgument {}
extension Metric: ExpressibleByArgument {}

/// Where the records come from.
struct InputOptions: ParsableArguments {
  @Argument(help: ArgumentHelp("Input files: research listings (.txt) or corpus JSON (.json).", valueName: "input"))
  var paths: [String] = []

  @Option(help: "Read every input as this format instead of detecting it (listing, json).")
  var inputFormat: InputFormat?

  @Option(help: ArgumentHelp("An alias file (TSV: merge, split, rename, keep) to apply to names.", valueName: "file"))
  var aliases: String?

  func requirePaths() throws {
    if paths.isEmpty { throw ValidationError("Please provide at least one input file.") }
  }

  func loadCorpus() throws -> Corpus {
    try CorpusLoader(format: inputFormat, aliasPath: aliases).load(paths)
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
