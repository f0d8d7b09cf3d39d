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
      let loaded = try Interrupt.handling { try input.load() }
      let corpus = loaded.corpus
      var graphs: [(Network.Kind, Network, Int)] = []
      try Interrupt.handling {
        switch loaded {
        case .corpus:
          for kind in Network.Kind.allCases {
            let network = Network.build(kind, from: corpus, sharedCollaborators: !noSharedCollaborators)
            let components = try ConnectedComponents().partition(of: network.graph).communityCount
            graphs.append((kind, network, components))
            try Interrupt.check()
          }
        case .network(let result):
          let components = try ConnectedComponents().partition(of: result.network.graph).communityCount
          graphs.append((.authors, result.network, components))
        }
      }
      // Edge lists have no papers: authors = nodes, no fellows or tags.
      let authorCount: Int
      if case .network(let result) = loaded { authorCount = result.network.graph.nodeCount } else { authorCount = corpus.authors.count }
      let diagnostics = loaded.diagnostics
      switch format {
      case .json:
        let json = JSON.object([
          ("entries", .int(corpus.entryCount)),
          ("papers", .int(corpus.papers.count)),
          ("authors", .int(authorCount)),
          ("fellows", .int(corpus.fellows.count)),
          ("tags", .int(corpus.tags.count)),
          ("graphs", .object(graphs.map { kind, network, components in
            (kind.rawValue, .object([
              ("nodes", .int(network.graph.nodeCount)), ("edges", .int(network.graph.edgeCount)),
              ("components", .int(components)),
            ]))
          })),
          ("diagnostics", .array(diagnostics.map(diagnosticJSON))),
        ])
        print(json.text())
      default:
        var rows: [[String]]
        if case .network(let result) = loaded {
          rows = [["edge lines", "\(result.edgeLines)"], ["nodes", "\(authorCount)"]]
        } else {
          rows = [
            ["entries", "\(corpus.entryCount)"], ["papers", "\(corpus.papers.count)"], ["authors", "\(authorCount)"],
            ["fellows", "\(corpus.fellows.count)"], ["tags", "\(corpus.tags.count)"],
          ]
        }
        for (kind, network, components) in graphs {
          rows.append(["\(kind.rawValue) graph", "\(network.graph.nodeCount) nodes, \(network.graph.edgeCount) edges, \(components) components"])
        }
        print(TextTable.render(headers: ["", "count"], rows: rows), terminator: "")
        if !diagnostics.isEmpty {
          print("\n\(diagnostics.count) data-quality notes:")
          for d in diagnostics { print("  \(d)") }
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
func reportDiagnostics(_ corpus: Corpus) { reportDiagnostics(corpus.diagnostics) }

/// Prints a one-line summary of data-quality notes to standard error.
func reportDiagnostics(_ diagnostics: [Diagnostic]) {
  guard !diagnostics.isEmpty else { return }
  printError("coauthor: \(diagnostics.count) data-quality notes (run 'coauthor stats' to list them)")
}
