import ArgumentParser
import Bibliography
import Foundation
import GraphAlgorithms
import GraphCore
import TermExtraction
import Networks
import Analysis
import Reporting

extension InputFormat: ExpressibleByArgument {}
extension Network.Kind: ExpressibleByArgument {}
extension Counting: ExpressibleByArgument {}
extension Metric: ExpressibleByArgument {}
extension IdentityMode: ExpressibleByArgument {}

/// Where the records come from.
struct InputOptions: ParsableArguments {
  @Argument(
    help: ArgumentHelp(
      "Input files: research listings (.txt), corpus JSON (.json), paper tables (.csv, .tsv), BibTeX (.bib), RIS (.ris), dblp XML (.xml), OpenAlex works (.jsonl, .json) or edge lists; any of them gzip-compressed (.gz). '-' reads standard input (format detected from its content).",
      valueName: "input"))
  var paths: [String] = []

  @OptionGroup var reading: InputReadingOptions

  var inputFormat: InputFormat? {
    get { reading.inputFormat }
    set { reading.inputFormat = newValue }
  }
  var aliases: String? {
    get { reading.aliases }
    set { reading.aliases = newValue }
  }
  var noTagFolding: Bool { reading.noTagFolding }
  var columns: String? { reading.columns }
  var listSeparator: String { reading.listSeparator }

  func requirePaths() throws {
    if paths.isEmpty { throw ValidationError("Please provide at least one input file.") }
  }

  /// The library value these options stand for.
  var spec: InputSpec { reading.spec(paths: paths) }

  mutating func validate() throws {
    // Inputs are read, named and listed in one order whatever order they were given in (with
    // CorpusLoader's canonical record order, the same files give the same bytes).
    paths = spec.orderedPaths
    if paths.filter({ $0 == InputFile.standardInputPath }).count > 1 {
      throw ValidationError("Please give '-' (standard input) only once: it can be read only once.")
    }
  }

  /// The loader for these options, reading on `threads` threads (0: all cores); Ctrl-C stops it
  /// between files.
  func loader(threads: Int = 0) -> InputLoader {
    var spec = spec
    spec.threads = threads
    return InputLoader(spec, checkpoint: { try Interrupt.check() })
  }

  /// Reads paper inputs into a corpus (edge lists are refused: they have no papers).
  func loadCorpus(threads: Int = 0) throws -> Corpus { try loader(threads: threads).loadCorpus() }

  /// Reads the inputs: paper records into a corpus, or edge lists into a network.
  /// - Throws: `IngestError` for unreadable input; `InputError` when edge lists and paper records
  ///   are mixed, or an alias file is given with edge lists.
  func load(threads: Int = 0) throws -> LoadedInput { try loader(threads: threads).load() }
}

/// How inputs are read (everything but their paths): shared by ``InputOptions`` and `diff`,
/// whose two inputs are its OLD and NEW snapshots.
struct InputReadingOptions: ParsableArguments {
  @Option(help: "Read every input as this format instead of detecting it (listing, json, table, bibtex, ris, dblp, openalex, edges), or spark for a Spark job's output folder.")
  var inputFormat: InputFormat?

  @Option(help: ArgumentHelp("An alias file (TSV: merge, split, rename, keep, tag-merge, tag-split, tag-rename, tag-keep) to apply to names and tags.", valueName: "file"))
  var aliases: String?

  @Flag(help: "Keep tags that differ by an English plural or as acronym and long form (LLM, Large Language Models) apart; case and accents are still ignored.")
  var noTagFolding = false

  @Option(
    help: ArgumentHelp(
      "Who is who: full (ids, alias file, name key, then initials, nicknames and typos with evidence) or key (ids, alias file and the normalised name key only, as the Spark job does).",
      valueName: "mode"))
  var identity: IdentityMode = .full

  @Option(
    help: ArgumentHelp(
      "Table columns for paper fields, e.g. 'title=Title,authors=Author Names,year=Year,tags=Keywords,id=Key' (fields: id, title, authors, fellows, year, date, tags, abstract; 'tags=' skips a field). Defaults read the papers.tsv schema.",
      valueName: "field=column,…"))
  var columns: String?

  @Option(help: ArgumentHelp("The separator inside table cells that hold lists (authors, fellows, tags).", valueName: "char"))
  var listSeparator: String = InputSpec.defaultListSeparator

  mutating func validate() throws {
    if listSeparator.count != 1 { throw ValidationError("Please give a '--list-separator' of exactly one character.") }
    if let columns {
      do { _ = try TableColumns(mapping: columns) } catch { throw ValidationError("Please fix '--columns': \(error)") }
    }
  }

  /// The library value for `paths` read with these options.
  func spec(paths: [String], threads: Int = 0) -> InputSpec {
    var spec = InputSpec(
      paths: paths, format: inputFormat, aliasPath: aliases, columns: columns, listSeparator: listSeparator,
      foldsTags: !noTagFolding, identity: identity)
    spec.threads = threads
    return spec
  }
}

/// How co-authorship is counted: shared by every command that builds networks.
struct CountingOptions: ParsableArguments {
  @Option(help: "Co-authorship counting: full (weight = shared papers) or fractional (Newman 2001).")
  var counting: Counting = .full

  @Flag(help: "Leave out fellow-graph links through shared non-fellow collaborators.")
  var noSharedCollaborators = false
}

/// Which network to build and how.
struct GraphOptions: ParsableArguments {
  @Option(help: "The network: authors (co-authorship), fellows, tags (topic co-occurrence) or terms (terms of titles and abstracts).")
  var graph: Network.Kind = .authors

  @OptionGroup var countingOptions: CountingOptions

  var counting: Counting { countingOptions.counting }
  var noSharedCollaborators: Bool { countingOptions.noSharedCollaborators }
}

/// Output format for data commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json, csv
}

extension CommunityMethod.Algorithm: ExpressibleByArgument {}
extension Leiden.Quality: ExpressibleByArgument {}

/// `--seed`: one seed for every randomised step of a command (community detection's node order,
/// sampled betweenness).
struct SeedOption: ParsableArguments {
  @Option(help: ArgumentHelp("Random seed <s> (community detection's node order, --samples); the same seed gives the same result.", valueName: "s"))
  var seed: UInt64 = 0
}

/// Community detection settings; ``method`` is the library value they stand for.
struct CommunityOptions: ParsableArguments {
  @Option(help: "Community detection method: louvain, leiden or label-propagation.")
  var algorithm: CommunityMethod.Algorithm = .louvain

  @Option(help: "Quality Leiden maximises: modularity (default) or cpm (constant Potts model; --resolution is then a density).")
  var quality: Leiden.Quality?

  // `.unconditional` so that `--resolution -1` reaches validate() rather than failing as "Missing value".
  @Option(parsing: .unconditional, help: ArgumentHelp("Resolution <r> ≥ 0: above 1 gives more, smaller communities.", valueName: "r"))
  var resolution: Double = 1.0

  // `.unconditional` so that `--restarts -1` reaches validate() rather than failing as "Missing value".
  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "Leiden only: <k> independent converged runs (seeds derived from --seed) combined by core groups, the best kept; costs about k times one run.",
      valueName: "k"))
  var restarts: Int?

  // `.unconditional` so that `--leiden-iterations -1` reaches validate() rather than failing as "Missing value".
  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "Leiden only: stop each run after at most <n> iterations (each restart and each run of their combination) instead of running it until it converges; '--restarts 4 --leiden-iterations 5' is the best setting measured on large graphs (bench/leiden/README.md).",
      valueName: "n"))
  var leidenIterations: Int?

  @OptionGroup var seedOption: SeedOption

  var seed: UInt64 { seedOption.seed }

  func validate() throws {
    guard resolution >= 0, resolution.isFinite else { throw ValidationError("Please give a '--resolution' of at least 0.") }
    if quality != nil && algorithm != .leiden {
      throw ValidationError("Please use '--quality' only with '--algorithm leiden'.")
    }
    if let restarts, restarts < 1 { throw ValidationError("Please give a '--restarts' of at least 1.") }
    if restarts != nil && algorithm != .leiden {
      throw ValidationError("Please use '--restarts' only with '--algorithm leiden'.")
    }
    if let leidenIterations, leidenIterations < 1 { throw ValidationError("Please give a '--leiden-iterations' of at least 1.") }
    if leidenIterations != nil && algorithm != .leiden {
      throw ValidationError("Please use '--leiden-iterations' only with '--algorithm leiden'.")
    }
  }

  /// The method these options choose.
  var method: CommunityMethod {
    CommunityMethod(
      algorithm: algorithm, quality: quality ?? .modularity, resolution: resolution, seed: seed, restarts: restarts ?? 1,
      leidenIterations: leidenIterations)
  }

  /// The options as command-line arguments, defaults left out (for "how to reproduce" lines).
  var arguments: [String] {
    var out: [String] = []
    if algorithm != .louvain { out += ["--algorithm", algorithm.rawValue] }
    if let quality { out += ["--quality", quality.rawValue] }
    if resolution != 1 { out += ["--resolution", "\(resolution)"] }
    if let restarts, restarts != 1 { out += ["--restarts", "\(restarts)"] }
    if let leidenIterations { out += ["--leiden-iterations", "\(leidenIterations)"] }
    if seed != 0 { out += ["--seed", "\(seed)"] }
    return out
  }
}

/// How centralities are computed: weights on paths, threads, and sampling for betweenness.
struct ComputeOptions: ParsableArguments {
  @Flag(help: "Path metrics (betweenness, closeness, harmonic) use distance = 1/weight.")
  var weighted = false

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("Worker threads <n> for betweenness, closeness, harmonic, eigenvector and clustering; 0 = all cores (results do not depend on it).", valueName: "n"))
  var threads: Int = 0

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "Estimate betweenness from <k> randomly sampled source nodes (seeded by --seed) instead of all of them (for large graphs).",
      valueName: "k"))
  var samples: Int?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "PageRank and eigenvector centrality iterate until the L1 error of the scores is at most <e> (default 1e-10 for PageRank, 1e-9 for eigenvector).",
      valueName: "e"))
  var tolerance: Double?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "Iteration cap <n> of PageRank and eigenvector centrality (default 1000); when it runs out first, a warning gives the error bound reached.",
      valueName: "n"))
  var maxIterations: Int?

  @Flag(
    help: "Estimate betweenness, closeness and harmonic centrality by sampling, with a stated error bound (betweenness within ±0.01, 95 % confidence; see the README), instead of exactly; the report does this above --exact-metrics-limit.")
  var estimate = false

  func validate() throws {
    if threads < 0 { throw ValidationError("Please give a '--threads' of 0 (all cores) or more.") }
    if estimate && weighted { throw ValidationError("Please leave out '--weighted' with '--estimate': the estimates measure hops only.") }
    if estimate && samples != nil { throw ValidationError("Please choose one of '--estimate' (with an error bound) and '--samples' (pivots, no bound).") }
    if let samples, samples < 1 { throw ValidationError("Please give a '--samples' of at least 1.") }
    if let tolerance, !(tolerance > 0 && tolerance.isFinite) {
      throw ValidationError("Please give a '--tolerance' greater than 0 (got \(tolerance)).")
    }
    if let maxIterations, maxIterations < 1 {
      throw ValidationError("Please give a '--max-iterations' of at least 1 (got \(maxIterations)).")
    }
  }

  /// The library value these options stand for, with `seed` for sampling.
  func settings(seed: UInt64) -> MetricSettings {
    var settings = MetricSettings(
      weighted: weighted, threads: threads, samples: samples, seed: seed, tolerance: tolerance, maxIterations: maxIterations)
    settings.estimated = estimate
    return settings
  }

  /// The options as command-line arguments, defaults left out (for "how to reproduce" lines).
  var arguments: [String] {
    var out: [String] = []
    if weighted { out += ["--weighted"] }
    if let samples { out += ["--samples", "\(samples)"] }
    if let tolerance { out += ["--tolerance", "\(tolerance)"] }
    if let maxIterations { out += ["--max-iterations", "\(maxIterations)"] }
    if estimate { out += ["--estimate"] }
    return out
  }
}

extension TagWeighting: ExpressibleByArgument {}

/// Counting and filters shared by every command that builds networks (`stats`, `rank`,
/// `communities`, `render`, `report`, `export`): `--since/--until`, `--max-authors`,
/// `--min-weight`, `--min-papers`, `--largest-component`, `--keep-top N --by METRIC` and
/// `--tag-weight`. All are off by default except `--max-authors`, whose default is the
/// hyper-authorship rule (``NetworkFilter/defaultMaxAuthors``; `--max-authors none` lifts it). They map to one ``NetworkFilter``, so every command applies the same rules in
/// the same order (papers by year and author count → projection with counting → min-weight →
/// min-papers → largest component → keep-top). Adopt with
/// `@OptionGroup(title: "Counting and filters") var filters: FilterOptions`, then
/// `filters.network(from: loaded, graph: graphOptions)` (or `papers(of:)` and `apply(to:)`).
struct FilterOptions: ParsableArguments {
  @Option(parsing: .unconditional, help: ArgumentHelp("Keep only papers from <year> on (papers without a date are left out).", valueName: "year"))
  var since: Int?

  @Option(parsing: .unconditional, help: ArgumentHelp("Keep only papers up to <year> (papers without a date are left out).", valueName: "year"))
  var until: Int?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "Leave out papers with more than <n> authors (hyper-authored papers; they are counted and listed). Default \(NetworkFilter.defaultMaxAuthors); 'none' keeps every paper.",
      valueName: "n|none"))
  var maxAuthors: AuthorLimit?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("Drop edges with weight below <w> (after counting / --tag-weight); their nodes stay.", valueName: "w"))
  var minWeight: Double?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("Keep only nodes on at least <n> papers (tags graph: tags on at least <n> papers).", valueName: "n"))
  var minPapers: Int?

  @Flag(help: "Keep only the largest connected component (ties: the one holding the first node).")
  var largestComponent = false

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("Keep only the <n> nodes with the highest --by score, and the edges among them.", valueName: "n"))
  var keepTop: Int?

  @Option(help: ArgumentHelp("The metric --keep-top ranks by (default pagerank).", valueName: "metric"))
  var by: Metric?

  @Option(help: "Tags graph edge weight: count (papers with both tags), association (van Eck & Waltman 2009: c_ij / (s_i s_j)) or jaccard (c_ij / (s_i + s_j - c_ij)).")
  var tagWeight: TagWeighting = .count

  @Option(
    help: ArgumentHelp(
      "Terms graph: keep terms in at least <n> papers (default max(2, round(sqrt(papers with text) / 4))).", valueName: "n"))
  var minTermOccurrences: Int?

  @Option(
    help: ArgumentHelp(
      "Terms graph: keep this share of the candidate terms, the most relevant first (default \(TermSettings.defaultRelevanceShare.argumentText)).",
      valueName: "share"))
  var termRelevanceShare: Double?

  @Option(help: "Terms graph edge weight: association (default; c_ij / (s_i s_j)), count or jaccard, as --tag-weight.")
  var termWeight: TagWeighting?

  /// The term settings these options stand for (defaults from ``TermSettings``).
  var termSettings: TermSettings {
    TermSettings(minOccurrences: minTermOccurrences, relevanceShare: termRelevanceShare ?? TermSettings.defaultRelevanceShare)
  }

  /// Whether any terms-graph option is given.
  var hasTermOptions: Bool { minTermOccurrences != nil || termRelevanceShare != nil || termWeight != nil }

  func validate() throws {
    if let since, let until, since > until {
      throw ValidationError("Please give '--since' no later than '--until' (got \(since) > \(until)).")
    }
    if case .limit(let n)? = maxAuthors, n < 1 {
      throw ValidationError("Please give '--max-authors' of at least 1, or 'none' (got \(n)).")
    }
    if let minWeight, !(minWeight >= 0 && minWeight.isFinite) {
      throw ValidationError("Please give '--min-weight' as a number of at least 0 (got \(minWeight)).")
    }
    if let minPapers, minPapers < 1 { throw ValidationError("Please give '--min-papers' of at least 1 (got \(minPapers)).") }
    if let keepTop, keepTop < 1 { throw ValidationError("Please give '--keep-top' of at least 1 (got \(keepTop)).") }
    if by != nil && keepTop == nil { throw ValidationError("Please use '--by' only with '--keep-top <n>'.") }
    if let n = minTermOccurrences, n < 1 {
      throw ValidationError("Please give '--min-term-occurrences' of at least 1 (got \(n)).")
    }
    if let share = termRelevanceShare, !(share > 0 && share <= 1) {
      throw ValidationError("Please give '--term-relevance-share' as a number above 0 and at most 1 (got \(share.argumentText)).")
    }
  }

  /// For commands that draw one network: `--tag-weight` only means something for `--graph tags`.
  func validate(graph: Network.Kind) throws {
    if tagWeight != .count && graph != .tags {
      throw ValidationError("Please use '--tag-weight' only with '--graph tags'.")
    }
    if hasTermOptions && graph != .terms {
      throw ValidationError("Please use '--min-term-occurrences', '--term-relevance-share' and '--term-weight' only with '--graph terms'.")
    }
  }

  /// The author limit in force: `--max-authors N`, none for `--max-authors none`, else the
  /// default hyper-authorship rule (``NetworkFilter/defaultMaxAuthors``).
  var authorLimit: Int? {
    switch maxAuthors {
    case .limit(let n)?: n
    case .none?: nil
    case nil: NetworkFilter.defaultMaxAuthors
    }
  }

  /// Whether the author limit is the default one (no `--max-authors`): it is then mentioned
  /// only when it leaves a paper out.
  var authorLimitIsDefault: Bool { maxAuthors == nil }

  /// The library value these options stand for (with the default author limit when no
  /// `--max-authors` is given).
  var filter: NetworkFilter {
    NetworkFilter(
      years: YearFilter(since: since, until: until), maxAuthors: authorLimit, minWeight: minWeight, minPapers: minPapers,
      largestComponent: largestComponent, keepTop: keepTop, rankBy: by ?? .pagerank)
  }

  /// The options as command-line arguments (for a report's "how to reproduce" line).
  var arguments: [String] {
    var out: [String] = []
    if let since { out += ["--since", "\(since)"] }
    if let until { out += ["--until", "\(until)"] }
    if let maxAuthors { out += ["--max-authors", maxAuthors.description] }
    if let minWeight { out += ["--min-weight", minWeight.argumentText] }
    if let minPapers { out += ["--min-papers", "\(minPapers)"] }
    if largestComponent { out += ["--largest-component"] }
    if let keepTop { out += ["--keep-top", "\(keepTop)"] + (by.map { ["--by", $0.rawValue] } ?? []) }
    if tagWeight != .count { out += ["--tag-weight", tagWeight.rawValue] }
    if let minTermOccurrences { out += ["--min-term-occurrences", "\(minTermOccurrences)"] }
    if let termRelevanceShare { out += ["--term-relevance-share", termRelevanceShare.argumentText] }
    if let termWeight { out += ["--term-weight", termWeight.rawValue] }
    return out
  }

  /// Refuses the options that need paper records when the input is an edge list (an explicit
  /// `--max-authors`; the pipeline refuses the others).
  func requirePapers(_ hasPapers: Bool) throws {
    guard !hasPapers else { return }
    if since != nil || until != nil || maxAuthors != nil {
      throw ValidationError("Please leave out '--since', '--until' and '--max-authors': an edge list has no papers, dates or author lists.")
    }
    if minPapers != nil { throw ValidationError("Please leave out '--min-papers': an edge list has no paper counts.") }
  }

  /// One line on standard error per paper filter and per node or edge step of `result`.
  func printNotes(_ result: AnalysisResult) {
    if let papers = result.paperFilter {
      FilterNotes.printPapers(papers, filter: filter, limitIsDefault: authorLimitIsDefault)
    }
    for analysis in result.networks {
      for step in analysis.filterSteps {
        printError("coauthor: " + FilterNotes.step(step, filter: filter, graph: analysis.network.kind))
      }
    }
  }
}

/// The one-line notes the filters print (standard error) and the report shows.
enum FilterNotes {
  /// One line per paper filter that is set. The default author limit (`limitIsDefault`) gets a
  /// line only when it leaves papers out: a warning naming them and how to keep them.
  static func papers(_ result: PaperFilterResult, filter: NetworkFilter, limitIsDefault: Bool = false) -> [String] {
    var lines: [String] = []
    if let years = result.years {
      lines.append(
        "years \(filter.years.description): kept \(years.kept) papers; left out \(years.outside) from other years and \(years.undated) without a date")
    }
    if let limit = result.maxAuthors, limitIsDefault {
      let dropped = result.hyperAuthored
      if !dropped.isEmpty {
        lines.append(
          hyperAuthoredSentence(dropped, limit: limit)
            + " (default rule: papers with more than \(limit) authors are left out; '--max-authors <n>' changes the limit, '--max-authors none' keeps every paper)")
      }
    } else if let limit = result.maxAuthors {
      let dropped = result.hyperAuthored
      if dropped.isEmpty {
        lines.append("--max-authors \(limit): no paper has more than \(limit) authors")
      } else {
        let largest = dropped.prefix(3).map { "'\($0.title)' (\($0.authors))" }.joined(separator: ", ")
        lines.append(
          "--max-authors \(limit): left out \(dropped.count) \(dropped.count == 1 ? "paper" : "papers") with more than \(limit) \(limit == 1 ? "author" : "authors"); largest: \(largest)\(dropped.count > 3 ? ", …" : "")")
      }
    }
    return lines
  }

  /// ``papers(_:filter:limitIsDefault:)`` on standard error; the default author limit's line,
  /// the only one printed when no paper filter was asked for, is a warning.
  static func printPapers(_ result: PaperFilterResult, filter: NetworkFilter, limitIsDefault: Bool) {
    for line in papers(result, filter: filter, limitIsDefault: limitIsDefault) {
      let warns = limitIsDefault && line.hasSuffix("'--max-authors none' keeps every paper)")
      printError("coauthor: " + (warns ? "warning: " : "") + line)
    }
  }

  /// "1 paper with more than 100 authors was left out of the networks: 'X' (10,000 authors)";
  /// the three largest are named.
  static func hyperAuthoredSentence(_ dropped: [HyperAuthoredPaper], limit: Int) -> String {
    let named = dropped.prefix(3).map { "'\($0.title)' (\(groupedThousands($0.authors)) authors)" }.joined(separator: ", ")
    let n = dropped.count
    return "\(n) \(n == 1 ? "paper" : "papers") with more than \(limit) \(limit == 1 ? "author" : "authors") \(n == 1 ? "was" : "were") left out of the networks: \(named)\(n > 3 ? ", …" : "")"
  }

  /// What one node or edge step removed.
  static func step(_ step: FilterStep, filter: NetworkFilter, graph: Network.Kind) -> String {
    let on = "\(graph.rawValue) graph"
    switch step.kind {
    case .minWeight:
      return "--min-weight \((filter.minWeight ?? 0).argumentText): \(on): dropped \(step.edgesRemoved) of \(step.edgesBefore) edges"
    case .minPapers:
      return "--min-papers \(filter.minPapers ?? 1): \(on): dropped \(step.nodesRemoved) of \(step.nodesBefore) nodes and their \(step.edgesRemoved) edges"
    case .largestComponent:
      return "--largest-component: \(on): kept \(min(1, step.componentsBefore ?? 0)) of \(step.componentsBefore ?? 0) components (\(step.nodesAfter) nodes); dropped \(step.nodesRemoved) nodes and \(step.edgesRemoved) edges"
    case .keepTop:
      return "--keep-top \(filter.keepTop ?? 0) --by \(filter.rankBy.rawValue): \(on): kept \(step.nodesAfter) of \(step.nodesBefore) nodes; dropped \(step.edgesRemoved) edges"
    }
  }
}

/// `--max-authors`: a limit, or `none`.
enum AuthorLimit: Equatable, ExpressibleByArgument, CustomStringConvertible {
  case limit(Int)
  case none

  init?(argument: String) {
    if argument.lowercased() == "none" {
      self = .none
    } else if let n = Int(argument) {
      self = .limit(n)
    } else {
      return nil
    }
  }

  var description: String {
    switch self {
    case .limit(let n): "\(n)"
    case .none: "none"
    }
  }
}

/// `10000` → `10,000` (locale-independent, so the output is the same everywhere).
func groupedThousands(_ n: Int) -> String {
  let digits = String(n.magnitude)
  var out = ""
  for (i, c) in digits.enumerated() {
    if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
    out.append(c)
  }
  return (n < 0 ? "-" : "") + out
}

extension FilterOptions {
  /// A short line for a picture's legend naming the filters other than years, or `nil`. The
  /// default author limit is named only when it left papers out (`droppedPapers`).
  func legendNote(droppedPapers: Bool = false) -> String? {
    var parts: [String] = []
    if let limit = authorLimit, !authorLimitIsDefault || droppedPapers { parts.append("papers with ≤ \(limit) authors") }
    if let minWeight { parts.append("links of weight ≥ \(minWeight.argumentText)") }
    if let minPapers { parts.append("nodes on ≥ \(minPapers) papers") }
    if largestComponent { parts.append("largest component") }
    if let keepTop { parts.append("top \(keepTop) by \((by ?? .pagerank).rawValue)") }
    return parts.isEmpty ? nil : parts.joined(separator: ", ")
  }
}
