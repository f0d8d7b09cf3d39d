import ArgumentParser
import Bibliography
import GraphAlgorithms
import GraphCore
import Networks

extension Coauthor {
  struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Count entries, papers, people and tags, and the size of each network.",
      discussion: "With --format json the output is {\"entries\",\"papers\",\"authors\",\"fellows\",\"tags\",\"graphs\":{…},\"diagnostics\":[…]} (see README).")

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(help: "Leave out fellow-graph links through shared non-fellow collaborators.")
    var noSharedCollaborators = false

    func validate() throws {
      try input.requirePaths()
      if format == .csv { throw ValidationError("Please choose '--format text' or '--format json' for stats.") }
    }

    func run() throws {
      let corpus = try input.loadCorpus()
      var graphs: [(Network.Kind, Network, Int)] = []
      for kind in Network.Kind.allCases {
        let network = Network.build(kind, from: corpus, sharedCollaborators: !noSharedCollaborators)
        let components = try ConnectedComponents().partition(of: network.graph).communityCount
        graphs.append((kind, network, components))
      }
      switch format {
      case .json:
        let json = JSON.object([
          ("entries", .int(corpus.entryCount)),
          ("papers", .int(corpus.papers.count)),
          ("authors", .int(corpus.authors.count)),
          ("fellows", .int(corpus.fellows.count)),
          ("tags", .int(corpus.tags.count)),
          ("graphs", .object(graphs.map { kind, network, components in
            (kind.rawValue, .object([
              ("nodes", .int(network.graph.nodeCount)), ("edges", .int(network.graph.edgeCount)),
              ("components", .int(components)),
            ]))
          })),
          ("diagnostics", .array(corpus.diagnostics.map(diagnosticJSON))),
        ])
        print(json.text())
      default:
        var rows: [[String]] = [
          ["entries", "\(corpus.entryCount)"], ["papers", "\(corpus.papers.count)"], ["authors", "\(corpus.authors.count)"],
          ["fellows", "\(corpus.fellows.count)"], ["tags", "\(corpus.tags.count)"],
        ]
        for (kind, network, components) in graphs {
          rows.append(["\(kind.rawValue) graph", "\(network.graph.nodeCount) nodes, \(network.graph.edgeCount) edges, \(components) components"])
        }
        print(TextTable.render(headers: ["", "count"], rows: rows), terminator: "")
        if !corpus.diagnostics.isEmpty {
          print("\n\(corpus.diagnostics.count) data-quality notes:")
          for d in corpus.diagnostics { print("  \(d)") }
        }
      }
    }
  }
}

func diagnosticJSON(_ d: Diagnostic) -> JSON {
  .object([
    ("kind", .string(d.kind.rawValue)), ("message", .string(d.message)),
    ("file", d.file.map(JSON.string) ?? .null), ("line", d.line.map(JSON.int) ?? .null),
  ])
}

/// Prints a one-line summary of data-quality notes to standard error.
func reportDiagnostics(_ corpus: Corpus) {
  guard !corpus.diagnostics.isEmpty else { return }
  printError("coauthor: \(corpus.diagnostics.count) data-quality notes (run 'coauthor stats' to list them)")
}
