import Analysis
import ArgumentParser
import TextEscaping
import Bibliography
import GraphAlgorithms
import GraphCore
import Networks

extension Coauthor {
  struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Count entries, papers, people and tags, and the size of each network.",
      discussion: "The text output starts with one line saying what was read: entries, files, the layout or format of each (for research pages: listing, listing (newer, with Citations), per-paper page (new style), per-paper page (old style)) and how many entries have notes. With --format json the output is {\"entries\",\"papers\",\"authors\",\"fellows\",\"tags\",\"graphs\":{…},\"read\":{…},\"diagnostics\":[…]} (see README).")

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var countingOptions: CountingOptions

    var noSharedCollaborators: Bool { countingOptions.noSharedCollaborators }

    @OptionGroup(title: "Counting and filters") var filters: FilterOptions

    @Flag(help: "List every data-quality note (the text output lists the first 20 of each kind).")
    var allNotes = false

    /// How many hyper-authored papers stats lists by name.
    static let listedHyperAuthored = 5
    /// How many notes of each kind the text output lists without --all-notes.
    static let listedNotesPerKind = 20

    func validate() throws {
      try input.requirePaths()
      if format == .csv { throw ValidationError("Please choose '--format text' or '--format json' for stats.") }
    }

    func run() throws {
      if let spark = try input.sparkOutput() { return printText(SparkCommands.stats(spark, format: format), terminator: "") }
      let loaded = try Interrupt.handling { try input.load() }
      let filter = filters.filter
      // Only counts: networks, filters and components; no metrics, no communities.
      var pipeline = makePipeline(
        graphs: loaded.hasPapers ? CorpusAnalysis.standardKinds + (loaded.hasTermText ? [.terms] : []) : [.authors],
        counting: countingOptions, filters: filters)
      pipeline.skipsTermsWithoutText = true  // counted when there are terms, left out otherwise
      let result = try runPipeline(pipeline, on: loaded, filters: filters)
      let corpus = result.corpus
      var papers: PaperFilterResult?
      if let result = result.paperFilter, filter.filtersPapers {
        // The default author limit is reported only when it leaves papers out.
        let silent = filters.authorLimitIsDefault && filters.since == nil && filters.until == nil && result.hyperAuthored.isEmpty
        if !silent { papers = result }
        if filters.authorLimitIsDefault, let limit = result.maxAuthors, !result.hyperAuthored.isEmpty {
          printError("coauthor: warning: " + FilterNotes.hyperAuthoredSentence(result.hyperAuthored, limit: limit) + " ('--max-authors none' keeps every paper)")
        }
      }
      let graphs = result.networks.map { g in
        (kind: g.network.kind, network: g.network, components: g.components.communityCount, steps: g.filterSteps)
      }
      // Edge lists have no papers: authors = nodes, no fellows or tags.
      let authorCount: Int
      if case .network(let result) = loaded { authorCount = result.network.graph.nodeCount } else { authorCount = corpus.authors.count }
      let diagnostics: [Diagnostic]
      if case .network = loaded { diagnostics = loaded.diagnostics } else { diagnostics = corpus.diagnostics }
      switch format {
      case .json:
        var members: [(String, JSON)] = [
          ("entries", .int(corpus.entryCount)),
          ("papers", .int(corpus.papers.count)),
          ("authors", .int(authorCount)),
          ("fellows", .int(corpus.fellows.count)),
          ("tags", .int(corpus.tags.count)),
          ("graphs", .object(graphs.map { g in
            var counts: [(String, JSON)] = [
              ("nodes", .int(g.network.graph.nodeCount)), ("edges", .int(g.network.graph.edgeCount)),
              ("components", .int(g.components)),
            ]
            if filter.filtersGraph { counts.append(("filters", .array(g.steps.map(Self.stepJSON)))) }
            return (g.kind.rawValue, .object(counts))
          })),
        ]
        if let papers { members.append(("filters", paperFilterJSON(papers, filter: filter))) }
        let folded = Self.foldedTags(corpus)
        if !folded.isEmpty {
          members.append(("tagVariants", .array(folded.map { tag in
            .object([("tag", .string(tag)), ("variants", .array(corpus.tagVariants[tag]!.map(JSON.string)))])
          })))
        }
        if case .corpus(let read) = loaded { members.append(("read", Self.readJSON(read))) }
        members.append(("diagnostics", .array(diagnostics.map(diagnosticJSON))))
        print(JSON.object(members).text())
      default:
        if case .corpus(let read) = loaded { printText(read.readSummary) }
        var rows: [[String]]
        if case .network(let result) = loaded {
          rows = [["edge lines", "\(result.edgeLines)"], ["nodes", "\(authorCount)"]]
        } else {
          rows = [
            ["entries", "\(corpus.entryCount)"], ["papers", "\(corpus.papers.count)"], ["authors", "\(authorCount)"],
            ["fellows", "\(corpus.fellows.count)"], ["tags", "\(corpus.tags.count)"],
          ]
        }
        for g in graphs {
          rows.append(["\(g.kind.rawValue) graph", "\(g.network.graph.nodeCount) nodes, \(g.network.graph.edgeCount) edges, \(g.components) components"])
        }
        printText(TextTable.render(headers: ["", "count"], rows: rows), terminator: "")
        var lines: [String] = []
        if let papers {
          lines += FilterNotes.papers(papers, filter: filter, limitIsDefault: filters.authorLimitIsDefault)
          for p in papers.hyperAuthored.prefix(Self.listedHyperAuthored) {
            lines.append("  \(p.authors) authors: \(p.title) (\(p.source))")
          }
        }
        for g in graphs {
          for step in g.steps { lines.append(FilterNotes.step(step, filter: filter, graph: g.kind)) }
        }
        if !lines.isEmpty {
          printText("\nfilters (papers by year and author count, then counting, min-weight, min-papers, largest component, keep-top):")
          for line in lines { printText("  " + line) }
        }
        let folded = Self.foldedTags(corpus)
        if !folded.isEmpty {
          printText("\n\(folded.count) \(folded.count == 1 ? "tag is" : "tags are") shown for several spellings (--no-tag-folding keeps them apart):")
          for tag in folded.prefix(allNotes ? .max : Self.listedNotesPerKind) { printText("  " + corpus.tagWithVariants(tag)) }
          if !allNotes && folded.count > Self.listedNotesPerKind { printText("  … and \(folded.count - Self.listedNotesPerKind) more") }
        }
        if !diagnostics.isEmpty {
          printText("\n\(diagnostics.count) data-quality notes:")
          let (shown, counts) = diagnostics.limited(perKind: allNotes ? .max : Self.listedNotesPerKind)
          for d in shown { printText("  \(d)") }
          let cut = counts.filter { $0.value > Self.listedNotesPerKind }.sorted { $0.key < $1.key }
          if !allNotes && !cut.isEmpty {
            for (kind, count) in cut {
              printText("  … and \(count - Self.listedNotesPerKind) more '\(kind.rawValue)' notes (\(count) in all)")
            }
            printText("  (--all-notes lists every note; --format json has them all)")
          }
        }
      }
    }

    /// Tags with folded variants, in order of first appearance.
    static func foldedTags(_ corpus: Corpus) -> [String] {
      corpus.tagVariants.isEmpty ? [] : corpus.tags.filter { corpus.tagVariants[$0] != nil }
    }

    /// What was read, as the parse summary says it: entries per file and layout (or format),
    /// per layout, and how many entries have notes.
    static func readJSON(_ corpus: Corpus) -> JSON {
      .object([
        ("entries", .int(corpus.entryCount)),
        ("files", .array(corpus.reads.map { r in
          .object([("file", .string(r.file)), ("layout", .string(r.layout)), ("entries", .int(r.entries))])
        })),
        ("layouts", .array(corpus.entriesByLayout.map { l in .object([("layout", .string(l.layout)), ("entries", .int(l.entries))]) })),
        ("entriesWithNotes", .int(corpus.entriesWithNotes)),
        ("summary", .string(corpus.readSummary)),
      ])
    }

    static func stepJSON(_ step: FilterStep) -> JSON {
      var members: [(String, JSON)] = [
        ("step", .string(step.kind.rawValue)), ("nodesRemoved", .int(step.nodesRemoved)),
        ("edgesRemoved", .int(step.edgesRemoved)),
      ]
      if let components = step.componentsBefore { members.append(("componentsBefore", .int(components))) }
      return .object(members)
    }

    func paperFilterJSON(_ result: PaperFilterResult, filter: NetworkFilter) -> JSON {
      var members: [(String, JSON)] = [("papersBefore", .int(result.papersBefore)), ("papersKept", .int(result.papersKept))]
      if let years = result.years {
        members.append(
          ("years", .object([
            ("since", filter.years.since.map(JSON.int) ?? .null), ("until", filter.years.until.map(JSON.int) ?? .null),
            ("kept", .int(years.kept)), ("outside", .int(years.outside)), ("undated", .int(years.undated)),
          ])))
      }
      if let limit = result.maxAuthors {
        members.append(
          ("maxAuthors", .object([
            ("limit", .int(limit)), ("default", .bool(filters.authorLimitIsDefault)), ("leftOut", .int(result.hyperAuthored.count)),
            ("largest", .array(result.hyperAuthored.prefix(Self.listedHyperAuthored).map { p in
              .object([
                ("title", .string(p.title)), ("authors", .int(p.authors)), ("file", .string(p.source.file)),
                ("line", .int(p.source.line)),
              ])
            })),
          ])))
      }
      return .object(members)
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
