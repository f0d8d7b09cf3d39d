public import Analysis
import Bibliography
import Foundation
import GraphAlgorithms
import GraphCore
public import GraphvizRendering
import Networks

extension ReportJob {
  /// The figure key (and file name, `backbone.svg`) of a Spark job's backbone picture.
  public static let backboneFigureKey = "backbone"

  /// The picture of a Spark job's backbone: `analysis` is the backbone through the pipeline
  /// (``SparkOutput/analyse(_:progress:)``: whole-graph PageRank sets node size, colours are
  /// Coauthor's communities of the backbone); at most `maxNodes` nodes; the legend says it is
  /// the backbone of N of M nodes with the whole graph's totals. No links to profiles (a
  /// backbone report has none).
  public static func backboneFigure(_ spark: SparkOutput, analysis: CommunityAnalysis, maxNodes: Int, labelCount: Int) throws -> Figure {
    let sizes = try analysis.analysis.sizes(.metric(.pagerank), corpus: Corpus(entryCount: 0, papers: []))
    var figure = ReportFigures.view(
      .auto, of: analysis, maxNodes: maxNodes, people: analysis.network.labels, sizes: sizes, labelCount: labelCount)
    figure.style.nodeURLs = nil
    figure.style.legendNotes.insert(spark.backboneNote, at: 0)
    figure.style.legendNotes.append("colours: communities of the backbone (Coauthor, \(analysis.detection.method.summary))")
    figure.style.legendNotes.append("node size: whole-graph PageRank")
    return figure
  }

  /// The caption of the backbone picture in the report.
  public static func backboneCaption(_ spark: SparkOutput, figure: Figure, method: CommunityMethod) -> String {
    let drawn = figure.network.graph.nodeCount
    let shown = drawn < spark.nodes.count ? "the \(drawn.countText) nodes with the highest PageRank of " : ""
    return "The backbone of the Spark run: \(shown)\(spark.nodes.count.countText) of \(spark.integer("nodes").countText) nodes "
      + "(top by \(spark["backbone_metric"])) and \(figure.network.graph.edgeCount.countText) of the \(spark.edges.count.countText) edges among them "
      + "(the whole graph has \(spark.integer("edges").countText) edges). Node size: whole-graph PageRank; colours: communities "
      + "Coauthor finds on the backbone (\(method.summary)); the job's whole-graph communities are listed below."
  }

  /// `coauthor report JOBDIR`: the backbone document (``ReportBuilder/backboneDocument(_:title:command:top:)``)
  /// with the backbone picture after the whole graph's totals; files `backbone.svg`, `report.md`,
  /// `report.html`, nothing written here.
  /// - Throws: ``LayoutBudgetError`` before layout when the picture is too large; Graphviz errors.
  public static func backboneFiles(
    _ spark: SparkOutput, analysis: CommunityAnalysis, title: String, command: String, top: Int, engine: LayoutEngine, maxNodes: Int
  ) throws -> [(name: String, bytes: Data)] {
    var figure = try backboneFigure(spark, analysis: analysis, maxNodes: maxNodes, labelCount: 30)
    figure.style.idPrefix = "\(backboneFigureKey)-"
    try LayoutBudget().check(figure, name: backboneFigureKey)
    let svg = SVGPolish.polished(try GraphvizRenderer(engine: engine).svg(fromDOT: figure.dot(engine: engine)))
    var document = ReportBuilder.backboneDocument(spark, title: title, command: command, top: top)
    let at = document.blocks.firstIndex { if case .table = $0 { return true } else { return false } }.map { $0 + 1 } ?? document.blocks.count
    document.blocks.insert(.figure(key: backboneFigureKey, caption: backboneCaption(spark, figure: figure, method: analysis.detection.method)), at: at)
    let markdown = MarkdownReportWriter(figures: [backboneFigureKey: "\(backboneFigureKey).svg"]).write(document)
    let html = HTMLReportWriter(
      svgs: [backboneFigureKey: svg], figureIndex: [backboneFigureKey: FigureIndex(network: figure.network, prefix: "\(backboneFigureKey)-")]
    ).write(document)
    return [("\(backboneFigureKey).svg", Data(svg.utf8)), ("report.md", Data(markdown.utf8)), ("report.html", Data(html.utf8))]
  }
}
