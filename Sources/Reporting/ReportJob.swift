public import Analysis
import Foundation
import GraphAlgorithms
import GraphCore
public import GraphvizRendering
import Networks

/// Everything `coauthor report` writes, from one ``CorpusAnalysis``: the pictures (laid out by
/// Graphviz in-process), the Markdown and the self-contained HTML page. Nothing touches the disk
/// here; ``files(for:)`` returns the bytes, so the caller writes all or nothing.
public struct ReportJob: Sendable {
  /// The default node budget per picture.
  public static let defaultMaxNodes = 300
  /// The default number of researchers with a profile.
  public static let defaultProfileLimit = 500
  /// How many researchers each picture of the growth strip shows (at most the node budget).
  public static let growthNodesPerYear = 100
  /// The default ``inlinePeopleLimit``: up to this many researchers, report.html carries everyone in its search data (one
  /// self-contained file). Above it, the page embeds only the researchers with a profile and the
  /// full list goes beside it as ``peopleFileName`` (gzip-compressed, about 15 bytes a person),
  /// which the page loads for its search box; at 20,000 people the inline list is about 1.5 MB.
  public static let defaultInlinePeopleLimit = 20_000
  /// The data file with every researcher, beside report.html, above ``inlinePeopleLimit``.
  public static let peopleFileName = "people.js"

  /// Title, inputs, the reproducing command, the ranking length (see ``ReportContext``).
  public var context: ReportContext
  /// Graphviz layout engine for the pictures.
  public var engine: LayoutEngine
  /// Node budget per picture: larger networks are drawn as their backbone.
  public var maxNodes: Int
  /// How the paper filter's author limit was set: the default rule is mentioned only when it
  /// left papers out.
  public var authorLimitIsDefault: Bool
  /// Told when each step of ``files(for:)`` finishes (for per-step timings); `nil`: not told.
  public var stepFinished: (@Sendable (String) -> Void)? = nil
  /// Above this many researchers the full search list goes to ``peopleFileName`` (see
  /// ``defaultInlinePeopleLimit``).
  public var inlinePeopleLimit: Int = ReportJob.defaultInlinePeopleLimit
  /// `report --compare OLD`: what changed since OLD (on the authors graph), shown first as
  /// "What changed" with its picture (`change.svg`); `nil`: no such section.
  public var comparison: SnapshotDiff? = nil

  public init(context: ReportContext, engine: LayoutEngine = .sfdp, maxNodes: Int = ReportJob.defaultMaxNodes, authorLimitIsDefault: Bool = false) {
    self.context = context
    self.engine = engine
    self.maxNodes = maxNodes
    self.authorLimitIsDefault = authorLimitIsDefault
  }

  /// The report's files, by name (`report.md`, `report.html`, `<picture>.svg`, and `people.js`
  /// above ``inlinePeopleLimit`` researchers), pictures in name order, then the documents.
  /// - Throws: ``LayoutBudgetError`` before any layout runs when a picture is too large, and
  ///   Graphviz errors.
  public func files(for analysis: CorpusAnalysis) throws -> [(name: String, bytes: Data)] {
    var notes = Self.filterNotes(analysis, limitIsDefault: authorLimitIsDefault)
    let authorCount = analysis.authors.network.graph.nodeCount
    let estimated = Metric.pathMetrics.contains { m in analysis.authors.metric(m).map { !$0.skipped && $0.estimate.map { $0.method != .exact } == true } ?? false }
    if estimated, let limit = analysis.pipeline.pathMetricNodeLimit {
      notes.append("With \(authorCount.countText) researchers (more than \(limit.countText)), bridging (betweenness), closeness and harmonic centrality are estimated by sampling rather than computed exactly (that takes time proportional to researchers × links); their values are marked ≈ and the error bounds are stated under Method.")
    }
    if Metric.pathMetrics.contains(where: { analysis.authors.metric($0)?.skipped ?? false }),
      let limit = analysis.pipeline.pathMetricNodeLimit
    {
      notes.append("With \(authorCount.countText) researchers (more than \(limit.countText)), bridging (betweenness), closeness and harmonic centrality were not computed: they take time proportional to researchers × links. Sizes and rankings use influence (PageRank) and co-author counts.")
    }

    let people = analysis.authors.network.labels
    let corpus = analysis.corpus
    let growthYears: (Timeline) -> [Int] = { $0.years.count >= 2 ? Array($0.years.map(\.year).suffix(8)) : [] }
    let perYear = min(maxNodes, Self.growthNodesPerYear)
    // The anchors (once for every picture: a million names take seconds) while the years are
    // counted and the growth strip's people chosen.
    let ((profiled, anchors), (timeline, years, growth)) = try concurrently(
      threads: analysis.pipeline.metricSettings.threads,
      {
        (
          ReportBuilder.profiledNodes(analysis, limit: self.context.profileLimit),
          PersonAnchors(names: people, threads: analysis.pipeline.metricSettings.threads)
        )
      },
      { () -> (Timeline, [Int], Growth?) in
        // The author timeline, counted once for the growth strip and the document; it reads the
        // author network's paper nodes when no node filter changed that network (every author
        // of every paper is then a node).
        let network = analysis.authors.network
        let graph = network.graph
        let timeline = Timeline(
          corpus: corpus, kind: .authors, nodes: analysis.authors.filterSteps.isEmpty ? network.paperNodes : nil,
          expected: (graph.nodeCount, graph.edgeCount))
        let years = growthYears(timeline)
        guard !years.isEmpty else { return (timeline, years, nil) }
        // Each year: that year's most active researchers and the links they had made by then.
        let authors = analysis.authors
        let pagerank = authors.metric(.pagerank)?.values ?? []
        return (timeline, years, Growth(network: authors.network, corpus: corpus, years: years, perYear: perYear, scores: pagerank))
      })
    var figures: [String: Figure] = [:]
    for kind in analysis.kinds {
      let a = analysis[kind]
      let n = a.network.graph.nodeCount
      let sizes = try a.analysis.sizes(.defaultMeasure(for: kind), corpus: analysis.corpus)
      let nodes = n > maxNodes ? NetworkViews.backbone(scores: sizes.values, limit: maxNodes) : nil
      var figure = ReportFigures.figure(
        for: a, nodes: nodes, people: people, sizes: sizes, labelCount: kind == .authors ? 30 : 40, linkable: profiled,
        anchors: anchors)
      if let note = figure.note { notes.append("The \(kind.rawValue) picture is the network's backbone: \(note); the community map shows the whole network.") }
      figure.style.idPrefix = "\(kind.rawValue)-"
      figures[kind.rawValue] = figure
    }
    if let comparison {
      let sizes = try analysis.authors.analysis.sizes(.defaultMeasure(for: .authors), corpus: analysis.corpus)
      var figure = ReportFigures.change(comparison, new: analysis.authors, maxNodes: maxNodes, people: people, sizes: sizes, labelCount: 30)
      figure.style.idPrefix = "\(ReportBuilder.changeFigureKey)-"
      figures[ReportBuilder.changeFigureKey] = figure
    }
    var map = ReportFigures.communityMap(for: analysis.authors, limit: min(maxNodes, 60))
    map.style.idPrefix = "communities-"
    if let note = map.note { notes.append("The community map shows \(note).") }
    figures["communities"] = map

    // The growth strip: the author picture year by year, in one layout.
    if let growth {
      let authors = analysis.authors
      let sizes = (name: "papers", values: authors.network.paperCounts.map(Double.init))
      for (year, var frame) in ReportFigures.growth(of: authors, growth: growth, people: people, sizes: sizes, labelCount: 10, anchors: anchors) {
        frame.style.minimumNodeDiameter = 0.12
        frame.style.maximumNodeDiameter = 0.5
        figures["growth-\(year)"] = frame
      }
    }

    stepFinished?("pictures chosen (backbones, community map, growth strip)")
    // Refuse before any layout runs, rather than leave Graphviz running for hours.
    let keys = figures.keys.sorted()
    for key in keys { if let figure = figures[key] { try LayoutBudget().check(figure, name: key) } }
    var context = self.context
    context.notes = notes
    context.growthYears = years
    // Graphviz (one picture at a time: libgraphviz has global state) on one thread, the document
    // and its Markdown on another; neither reads what the other makes.
    let clock = ContinuousClock()
    let ((svgs, drawing), (document, markdown, writing)) = try concurrently(
      threads: analysis.pipeline.metricSettings.threads,
      { () throws -> ([String: String], Duration) in
        var svgs: [String: String] = [:]
        let drawing = try clock.measure {
          for key in keys {
            guard let figure = figures[key] else { continue }
            svgs[key] = SVGPolish.polished(try GraphvizRenderer(engine: engine).svg(fromDOT: figure.dot(engine: engine)))
          }
        }
        return (svgs, drawing)
      },
      { () -> (ReportDocument, String, Duration) in
        var document: ReportDocument?
        var markdown = ""
        let writing = clock.measure {
          document = ReportBuilder(context: context).document(for: analysis, anchors: anchors, timeline: timeline)
          if let comparison {
            document!.blocks.insert(contentsOf: ReportBuilder.changeSection(comparison, top: context.topCount), at: 0)
          }
          let fileNames = Dictionary(uniqueKeysWithValues: keys.map { ($0, "\($0).svg") })
          markdown = MarkdownReportWriter(figures: fileNames).write(document!)
        }
        return (document!, markdown, writing)
      })
    stepFinished?(
      "pictures laid out and drawn (Graphviz, \(keys.count) pictures, \(Self.seconds(drawing)) s) alongside the report document and Markdown (\(Self.seconds(writing)) s)")
    var index: [String: FigureIndex] = [:]
    for key in ["authors", "fellows", "tags", "communities"] {
      if let figure = figures[key] { index[key] = FigureIndex(network: figure.network, prefix: "\(key)-") }
    }
    let external = document.searchIndex.count > inlinePeopleLimit
    let writer = HTMLReportWriter(svgs: svgs, figureIndex: index, peopleFile: external ? Self.peopleFileName : nil)
    // The page and the people file (at a million researchers 66 MB of JSON to compress; its text
    // is written beside its compression, see ``HTMLReportWriter/peopleScript(_:threads:)``) at
    // the same time; neither reads what the other makes.
    let threads = analysis.pipeline.metricSettings.threads
    let (html, peopleScript): (String, String?) = try concurrently(
      threads: threads, { writer.write(document) }, { external ? writer.peopleScript(document, threads: threads) : nil })
    var files: [(name: String, bytes: Data)] = keys.compactMap { key in svgs[key].map { ("\(key).svg", Data($0.utf8)) } }
    files += [("report.md", Data(markdown.utf8)), ("report.html", Data(html.utf8))]
    if let peopleScript { files.append((Self.peopleFileName, Data(peopleScript.utf8))) }
    return files
  }

  /// `d` in seconds with two decimals, for ``stepFinished``.
  static func seconds(_ d: Duration) -> String {
    let hundredths = Int((Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18) * 100 + 0.5)
    return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
  }

  /// The report's sentences about what the filters left out.
  public static func filterNotes(_ analysis: CorpusAnalysis, limitIsDefault: Bool = false) -> [String] {
    let filter = analysis.pipeline.filter
    var notes: [String] = []
    let papers = analysis.paperFilter
    if let result = papers.years {
      notes.append("Only papers from \(filter.years.description): \(result.kept.countText) kept, \(result.outside.countText) from other years and \(result.undated.countText) without a date left out.")
    }
    if let limit = papers.maxAuthors {
      let dropped = papers.hyperAuthored
      if dropped.isEmpty && limitIsDefault {
        // The default rule left nothing out: nothing to say.
      } else if dropped.isEmpty {
        notes.append("Papers with more than \(limit.countText) authors are left out; there were none.")
      } else {
        let largest = dropped.prefix(5).map { "“\($0.title)” (\($0.authors.countText) authors)" }.joined(separator: ", ")
        notes.append("\(dropped.count.countText) \(dropped.count == 1 ? "paper" : "papers") with more than \(limit.countText) authors \(dropped.count == 1 ? "was" : "were") left out, so that one huge author list does not join everyone on it: \(largest)\(dropped.count > 5 ? ", …" : "") (each is listed under data quality)\(limitIsDefault ? "; this is the default rule, and “--max-authors none” keeps every paper" : "").")
      }
    }
    for kind in analysis.kinds {
      let steps = analysis[kind].filterSteps
      guard !steps.isEmpty else { continue }
      let nodes = kind == .tags ? "tags" : kind == .terms ? "terms" : kind == .fellows ? "fellows" : "researchers"
      let parts = steps.map { step -> String in
        switch step.kind {
        case .minWeight: "\(step.edgesRemoved.countText) of \(step.edgesBefore.countText) links lighter than \((filter.minWeight ?? 0).argumentText) dropped"
        case .minPapers: "\(step.nodesRemoved.countText) of \(step.nodesBefore.countText) \(nodes) on fewer than \((filter.minPapers ?? 1).countText) papers dropped"
        case .largestComponent: "only the largest of \((step.componentsBefore ?? 0).countText) connected groups kept (\(step.nodesAfter.countText) \(nodes))"
        case .keepTop: "only the \(step.nodesAfter.countText) \(nodes) with the highest \(filter.rankBy.rawValue) kept"
        }
      }
      notes.append("The \(kind.rawValue) network is filtered: " + parts.joined(separator: "; ") + ".")
    }
    return notes
  }
}

extension FigureIndex {
  /// What the HTML page's script needs to find the nodes of a picture of `network`.
  public init(network: Network, prefix: String) {
    let g = network.graph
    self.init(
      idPrefix: prefix, names: network.labels,
      neighbours: (0 ..< g.nodeCount).map { v in g.neighbors(of: NodeID(v)).map(\.index) },
      edges: (0 ..< g.edgeCount).map { e in let (u, v) = g.endpoints(of: EdgeID(e)); return [u.index, v.index] })
  }
}
