import Analysis
import ArgumentParser
import Bibliography
import Foundation
import GraphAlgorithms
import GraphvizRendering
import Networks
import Testing

@testable import CoauthorCLI

/// In-process parsing: `Coauthor.parseAsRoot` with each subcommand, and the messages and exit codes
/// of validation failures (`ValidationError` exits with 64, EX_USAGE).
@Suite struct ParseTests {
  static let listing = "Examples/mats-research.txt"

  @Test func statsParsesInputsAndFormat() throws {
    let command = try Coauthor.parseAsRoot([
      "stats", Self.listing, "--format", "json", "--aliases", "a.tsv", "--no-shared-collaborators",
    ])
    let stats = try #require(command as? Coauthor.Stats)
    #expect(stats.input.paths == [Self.listing])
    #expect(stats.input.aliases == "a.tsv")
    #expect(stats.input.inputFormat == nil)
    #expect(stats.format == .json)
    #expect(stats.noSharedCollaborators)
  }

  @Test func rankParsesEveryOption() throws {
    let command = try Coauthor.parseAsRoot([
      "rank", "a.txt", "b.json", "--input-format", "listing", "--graph", "fellows", "--metric", "betweenness",
      "--weighted", "--top", "4", "--format", "csv", "--counting", "fractional",
    ])
    let rank = try #require(command as? Coauthor.Rank)
    #expect(rank.input.paths == ["a.txt", "b.json"])
    #expect(rank.input.inputFormat == .listing)
    #expect(rank.graphOptions.graph == .fellows)
    #expect(rank.graphOptions.counting == .fractional)
    #expect(rank.metric == .betweenness)
    #expect(rank.weighted)
    #expect(rank.limit == 4)
    #expect(rank.format == .csv)
  }

  @Test func rankDefaults() throws {
    let rank = try #require(try Coauthor.parseAsRoot(["rank", "a.txt"]) as? Coauthor.Rank)
    #expect(rank.metric == .pagerank)
    #expect(rank.graphOptions.graph == .authors)
    #expect(rank.graphOptions.counting == .full)
    #expect(!rank.graphOptions.noSharedCollaborators)
    #expect(!rank.weighted)
    #expect(rank.limit == nil)
    #expect(rank.format == .text)
  }

  @Test func communitiesParsesOptions() throws {
    let command = try Coauthor.parseAsRoot([
      "communities", "a.txt", "--graph", "tags", "--resolution", "1.5", "--seed", "7", "--format", "json",
    ])
    let communities = try #require(command as? Coauthor.Communities)
    #expect(communities.graphOptions.graph == .tags)
    #expect(communities.community.resolution == 1.5)
    #expect(communities.community.seed == 7)
    #expect(communities.community.algorithm == .louvain)
    #expect(communities.format == .json)
  }

  @Test func renderParsesOptions() throws {
    let command = try Coauthor.parseAsRoot([
      "render", "a.txt", "--graph", "fellows", "--engine", "neato", "-o", "fellows.png", "--size-by", "degree",
      "--labels", "5", "--no-legend",
    ])
    let render = try #require(command as? Coauthor.Render)
    #expect(render.graphOptions.graph == .fellows)
    #expect(render.engine == .neato)
    #expect(render.output == "fellows.png")
    #expect(render.sizeBy == .metric(.degree))
    #expect(render.labels == 5)
    #expect(render.noLegend)
  }

  @Test(arguments: ["x.svg", "x.png", "x.pdf", "x.dot", "dir/x.SVG"])
  func renderAcceptsPictureExtensions(output: String) throws {
    let render = try #require(try Coauthor.parseAsRoot(["render", "a.txt", "--output", output]) as? Coauthor.Render)
    #expect(render.output == output)
    #expect(render.engine == .sfdp)
  }

  @Test func reportParsesOptionsAndNeedsNoInput() throws {
    // Without input, `report` reads the bundled listing, so it validates only where that exists.
    if FileManager.default.fileExists(atPath: Self.listing) {
      let report = try #require(try Coauthor.parseAsRoot(["report"]) as? Coauthor.Report)
      #expect(report.input.paths.isEmpty)
      #expect(report.output == "Reports")
      #expect(report.topCount == 10)
    } else {
      #expect(throws: (any Error).self) { try Coauthor.parseAsRoot(["report"]) }
    }
    let custom = try #require(
      try Coauthor.parseAsRoot([
        "report", "a.txt", "--output", "out", "--engine", "dot", "--title", "T", "--top", "3",
        "--counting", "fractional", "--seed", "2", "--resolution", "0.5",
      ]) as? Coauthor.Report)
    #expect(custom.input.paths == ["a.txt"])
    #expect(custom.output == "out")
    #expect(custom.engine == .dot)
    #expect(custom.title == "T")
    #expect(custom.topCount == 3)
    #expect(custom.counting == .fractional)
    #expect(custom.community.seed == 2)
    #expect(custom.community.resolution == 0.5)
  }

  /// Arguments that fail validation, and the message they give.
  static let validationFailures: [([String], String)] = [
    (["rank", "a.txt", "--top", "0"], "Please specify a '--top' of at least 1."),
    (["rank", "a.txt", "--top", "-3"], "Please specify a '--top' of at least 1."),
    (["render", "a.txt", "--output", "x.gif"], "Please give an '--output' ending in .svg, .png, .pdf or .dot (got 'x.gif')."),
    (["render", "a.txt", "--output", "x.svg", "--labels", "-1"], "Please give '--labels' of at least 0."),
    (["communities", "a.txt", "--resolution", "-1"], "Please give a '--resolution' of at least 0."),
    (["communities", "a.txt", "--resolution=-1"], "Please give a '--resolution' of at least 0."),
    (["communities", "a.txt", "--resolution", "nan"], "Please give a '--resolution' of at least 0."),
    (["report", "--top", "0"], "Please specify a '--top' of at least 1."),
    (["stats", "a.txt", "--format", "csv"], "Please choose '--format text' or '--format json' for stats."),
    (["stats"], "Please provide at least one input file."),
    (["rank"], "Please provide at least one input file."),
    (["communities"], "Please provide at least one input file."),
    (["render", "--output", "x.svg"], "Please provide at least one input file."),
  ]

  @Test(arguments: validationFailures)
  func validationFailure(arguments: [String], message: String) {
    do {
      let command = try Coauthor.parseAsRoot(arguments)
      Issue.record("\(arguments) parsed as \(command), expected a validation error")
    } catch {
      #expect(Coauthor.message(for: error) == message)
      #expect(Coauthor.exitCode(for: error) == ExitCode(64))
    }
  }

  /// Usage errors found by the parser itself (unknown values and options, a missing required
  /// option) name the option and exit with 64 too.
  @Test(arguments: [
    (["rank", "a.txt", "--metric", "fame"], "--metric"),
    (["rank", "a.txt", "--graph", "people"], "--graph"),
    (["render", "a.txt"], "--output"),
    (["render", "a.txt", "--output", "x.svg", "--engine", "gimp"], "--engine"),
    (["stats", "a.txt", "--frobnicate"], "--frobnicate"),
    (["communities", "a.txt", "--seed", "x"], "--seed"),
    (["rank", "a.txt", "--top", "--format", "json"], "--top"),
    (["communities", "a.txt", "--resolution"], "--resolution"),
  ])
  func usageErrorNamesTheOption(arguments: [String], option: String) {
    do {
      let command = try Coauthor.parseAsRoot(arguments)
      Issue.record("\(arguments) parsed as \(command), expected a usage error")
    } catch {
      #expect(Coauthor.message(for: error).contains(option), "\(Coauthor.message(for: error))")
      #expect(Coauthor.exitCode(for: error) == ExitCode(64))
    }
  }

  @Test func unknownSubcommandFails() {
    #expect(throws: (any Error).self) { try Coauthor.parseAsRoot(["centrality", "a.txt"]) }
  }

  @Test func versionIsACleanExit() {
    do {
      _ = try Coauthor.parseAsRoot(["--version"])
      Issue.record("--version did not exit")
    } catch {
      #expect(Coauthor.exitCode(for: error) == .success)
      #expect(Coauthor.message(for: error) == "0.1.0")
    }
  }

  @Test func helpNamesEverySubcommandAndValueName() {
    let help = Coauthor.helpMessage()
    for name in ["stats", "rank", "communities", "render", "report"] { #expect(help.contains(name)) }
    #expect(Coauthor.helpMessage(for: Coauthor.Rank.self).contains("--top <n>"))
    #expect(Coauthor.helpMessage(for: Coauthor.Communities.self).contains("--resolution <r>"))
    #expect(Coauthor.helpMessage(for: Coauthor.Render.self).contains("--output <file>"))
  }
}
