import Analysis
import ArgumentParser

/// The `coauthor` command: co-authorship graph analytics from research listings.
public struct Coauthor: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "coauthor",
    abstract: "Co-authorship networks from research listings: rankings, communities, pictures and reports.",
    discussion: """
      Inputs are MATS-style research listings (plain text), Coauthor corpus JSON, paper tables (CSV/TSV), BibTeX, RIS, dblp XML, OpenAlex works (JSON Lines) or edge lists, any of them gzip-compressed; the format comes from the extension or the content (--input-format overrides). Data goes to standard output, diagnostics to standard error.
      """,
    version: "0.1.0",
    subcommands: [Stats.self, Rank.self, Communities.self, Render.self, Report.self, Export.self, Names.self, Diff.self, TimelineCommand.self])

  public init() {}
}
