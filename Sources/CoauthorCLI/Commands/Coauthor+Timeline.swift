import Analysis
import ArgumentParser
import Bibliography
import Foundation
import GraphCore
import Networks
import TextEscaping

extension Coauthor {
  struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "timeline",
      abstract: "Change over time within one corpus: the network year by year, or the topics that burst.",
      discussion: """
        Per year: papers, active nodes (researchers, fellows or tags: --graph), new nodes, new ties (pairs sharing a paper for the first time), mean team size (authors per paper), active fellows, nodes so far, and the connected components of the network of all dated papers up to the end of that year (cumulative) with the size and share of the largest. Paper filters (--since, --until, --max-authors) apply as in every command; node filters do not (the counts are of the whole network of each period).

        With --bursts: Kleinberg's two-state burst detection on every tag (Kleinberg 2002, as in CiteSpace): per year d = dated papers with at least one tag, r = those with the tag; base rate p0 = R/D, burst rate s·p0 (--burst-ratio, default \(BurstDetection.defaultRatio.argumentText)); entering a burst costs gamma·ln(years) (--burst-gamma, default \(BurstDetection.defaultTransitionCost.argumentText)). Strength = the sum over the burst years of cost(state 0) - cost(state 1). Strongest first.

        --format json: {"graph","undated","years":[{"year","papers","active","new","newTies","meanTeamSize" (null in a year without papers),"fellows","soFar","components","largestComponent","largestShare"}]}; with --bursts {"ratio","gamma","years","taggedPapers","tags","bursts":[{"tag","start","end","strength","papers"}]}.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
      case text, json, csv, markdown
    }

    @OptionGroup var input: InputOptions
    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup(title: "Counting and filters") var filters: FilterOptions

    @Option(help: "Output format: text, json, csv or markdown.")
    var format: Format = .text

    @Flag(help: "List the tags that burst (Kleinberg 2002) instead of the per-year table.")
    var bursts = false

    @Option(
      parsing: .unconditional,
      help: ArgumentHelp("With --bursts: the burst rate over the base rate (s > 1). Default \(BurstDetection.defaultRatio.argumentText).", valueName: "s"))
    var burstRatio: Double = BurstDetection.defaultRatio

    @Option(
      parsing: .unconditional,
      help: ArgumentHelp("With --bursts: the cost of entering a burst, in units of ln(years) (gamma >= 0). Default \(BurstDetection.defaultTransitionCost.argumentText).", valueName: "gamma"))
    var burstGamma: Double = BurstDetection.defaultTransitionCost

    @Option(name: .customLong("top"), parsing: .unconditional, help: ArgumentHelp("With --bursts: list only the <n> strongest bursts.", valueName: "n"))
    var limit: Int?

    var detection: BurstDetection { BurstDetection(ratio: burstRatio, transitionCost: burstGamma) }

    func validate() throws {
      try input.requirePaths()
      if filters.minWeight != nil || filters.minPapers != nil || filters.largestComponent || filters.keepTop != nil {
        throw ValidationError("Please leave out '--min-weight', '--min-papers', '--largest-component' and '--keep-top': the timeline counts the whole network of each period (paper filters such as '--since' apply).")
      }
      try filters.validate(graph: graphOptions.graph)
      if graphOptions.graph == .terms {
        throw ValidationError("Please choose '--graph authors', 'fellows' or 'tags' for the timeline: it counts names and tags per year, not terms.")
      }
      if let limit, limit < 1 { throw ValidationError("Please specify a '--top' of at least 1.") }
      if !bursts && (limit != nil || burstRatio != BurstDetection.defaultRatio || burstGamma != BurstDetection.defaultTransitionCost) {
        throw ValidationError("Please use '--top', '--burst-ratio' and '--burst-gamma' only with '--bursts'.")
      }
      do { try detection.validate(targets: [], totals: []) } catch {
        throw ValidationError("Please give " + (burstRatio > 1 && burstRatio.isFinite ? "'--burst-gamma' as a number of at least 0 (got \(burstGamma.argumentText))." : "'--burst-ratio' as a number above 1 (got \(burstRatio.argumentText))."))
      }
    }

    func run() throws {
      // Only the papers after the paper filters are needed; the network itself is not measured.
      let pipeline = makePipeline(graphs: [graphOptions.graph], counting: graphOptions.countingOptions, filters: filters)
      let corpus = try runPipeline(pipeline, input: input, filters: filters, needsPapers: true).corpus
      if bursts {
        let result: TagBursts
        do { result = try TagBursts(corpus: corpus, detection: detection) } catch { throw CLIError("\(error)") }
        StepTimings.shared.finished("burst detection (\(result.tagCount) tags, \(result.years.count) years)")
        print(Self.burstOutput(result, format: format, limit: limit), terminator: "")
      } else {
        let timeline = Timeline(corpus: corpus, kind: graphOptions.graph)
        StepTimings.shared.finished("timeline (\(corpus.papers.count) papers)")
        guard !timeline.years.isEmpty else { throw CLIError("no paper has a date, so there is no timeline (\(corpus.papers.count.countText) \(corpus.papers.count == 1 ? "paper" : "papers") read)") }
        print(Self.output(timeline, format: format), terminator: "")
      }
    }

    /// Column names of the per-year table (JSON keys and CSV header).
    static let keys = ["year", "papers", "active", "new", "newTies", "meanTeamSize", "fellows", "soFar", "components", "largestComponent", "largestShare"]

    static func fixed(_ x: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", x) }

    static func output(_ t: Timeline, format: Format) -> String {
      let nodes = t.kind == .authors ? "researchers" : t.kind.rawValue
      switch format {
      case .json:
        let rows = t.years.map { y -> JSON in
          .object([
            ("year", .int(y.year)), ("papers", .int(y.papers)), ("active", .int(y.active)), ("new", .int(y.newResearchers)),
            ("newTies", .int(y.newCollaborations)), ("meanTeamSize", y.papers == 0 ? .null : .double(y.meanTeamSize)), ("fellows", .int(y.fellowsActive)),
            ("soFar", .int(y.researchersSoFar)), ("components", .int(y.components)), ("largestComponent", .int(y.largestComponent)),
            ("largestShare", .double(y.largestShare)),
          ])
        }
        return JSON.object([("graph", .string(t.kind.rawValue)), ("undated", .int(t.undated)), ("years", .array(rows))]).text() + "\n"
      case .csv:
        var out = CSV.row(keys)
        for y in t.years {
          out += CSV.row([
            "\(y.year)", "\(y.papers)", "\(y.active)", "\(y.newResearchers)", "\(y.newCollaborations)", y.papers == 0 ? "" : "\(y.meanTeamSize)",
            "\(y.fellowsActive)", "\(y.researchersSoFar)", "\(y.components)", "\(y.largestComponent)", "\(y.largestShare)",
          ])
        }
        return out
      case .text, .markdown:
        let headers = ["year", "papers", "active", "new", "new ties", "mean team", "fellows", "so far", "components", "largest", "share"]
        let rows = t.years.map { y in
          [
            String(y.year), y.papers.countText, y.active.countText, y.newResearchers.countText, y.newCollaborations.countText,
            y.papers == 0 ? "–" : fixed(y.meanTeamSize, 2), y.fellowsActive.countText, y.researchersSoFar.countText, y.components.countText,
            y.largestComponent.countText, y.largestShare.percentText,
          ]
        }
        let title = "The \(t.kind.rawValue) network year by year: active, new and so far count \(nodes); new ties are pairs sharing a paper for the first time; mean team = authors per paper; components, largest and share describe the network of all dated papers up to the end of the year (cumulative)."
          + (t.undated > 0 ? " \(t.undated.countText) undated \(t.undated == 1 ? "paper is" : "papers are") in no year." : "")
        if format == .markdown {
          var out = Markdown.text(title) + "\n\n| " + headers.joined(separator: " | ") + " |\n|" + String(repeating: " ---: |", count: headers.count) + "\n"
          for row in rows { out += "| " + row.map(Markdown.text).joined(separator: " | ") + " |\n" }
          return out
        }
        return TextSanitizer.sanitize(title) + "\n\n" + TextTable.render(headers: headers, rows: rows, numeric: Set(0 ..< headers.count))
      }
    }

    static func burstOutput(_ b: TagBursts, format: Format, limit: Int?) -> String {
      let shown = b.bursts.prefix(limit ?? .max)
      switch format {
      case .json:
        return JSON.object([
          ("ratio", .double(b.detection.ratio)), ("gamma", .double(b.detection.transitionCost)),
          ("years", .array(b.years.map(JSON.int))), ("taggedPapers", .array(b.taggedPapers.map(JSON.int))), ("tags", .int(b.tagCount)),
          ("bursts", .array(shown.map { e in
            .object([
              ("tag", .string(e.tag)), ("start", .int(e.startYear)), ("end", .int(e.endYear)), ("strength", .double(e.strength)),
              ("papers", .int(e.papers)),
            ])
          })),
        ]).text() + "\n"
      case .csv:
        var out = CSV.row(["tag", "start", "end", "strength", "papers"])
        for e in shown { out += CSV.row([e.tag, "\(e.startYear)", "\(e.endYear)", "\(e.strength)", "\(e.papers)"]) }
        return out
      case .text, .markdown:
        let span = b.years.first.map { first in first == b.years.last! ? "\(first)" : "\(first)–\(b.years.last!)" } ?? "no dated paper with a tag"
        let title = "Tags that burst (Kleinberg 2002; s = \(b.detection.ratio.argumentText), gamma = \(b.detection.transitionCost.argumentText)): \(b.bursts.count.countText) \(b.bursts.count == 1 ? "burst" : "bursts") among \(b.tagCount.countText) tags, \(span), d = dated papers with a tag (\(b.taggedPapers.reduce(0, +).countText)); strongest first."
          + (shown.count < b.bursts.count ? (shown.count == 1 ? " The strongest is listed." : " The \(shown.count.countText) strongest are listed.") : "")
        let headers = ["tag", "from", "to", "strength", "papers"]
        let rows = shown.map { e in [e.tag, String(e.startYear), String(e.endYear), fixed(e.strength, 2), e.papers.countText] }
        if format == .markdown {
          var out = Markdown.text(title) + "\n\n| tag | from | to | strength | papers |\n| --- | ---: | ---: | ---: | ---: |\n"
          for row in rows { out += "| " + row.map(Markdown.text).joined(separator: " | ") + " |\n" }
          return out
        }
        return TextSanitizer.sanitize(title) + "\n" + (rows.isEmpty ? "" : "\n" + TextTable.render(headers: headers, rows: rows, numeric: [1, 2, 3, 4]))
      }
    }
  }
}
