import Foundation
import Testing

/// BibTeX and RIS inputs end to end through the built binary.
@Suite struct BibTeXRISCommandTests {
  static let bib = "Tests/BibliographyTests/Fixtures/quirks.bib"
  static let ris = "Tests/BibliographyTests/Fixtures/quirks.ris"

  @Test func statsOnABibTeXFile() throws {
    let result = try CLI.run(["stats", Self.bib, "--format", "json"])
    #expect(result.status == 0, "\(result.err)")
    let json = try jsonObject(result)
    // 7 entries in the file; NoAuthor1999 and NoTitle2000 skipped (reported).
    #expect(json["papers"] as? Int == 5)
    #expect(json["authors"] as? Int == 14)
    #expect(json["tags"] as? Int == 8)
    let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
    let skipped = diagnostics.filter { ($0["message"] as? String)?.hasPrefix("skipped entry") == true }
    #expect(skipped.compactMap { $0["line"] as? Int } == [38, 43])
  }

  @Test func statsOnARISFileAndForcedFormat() throws {
    let result = try CLI.run(["stats", Self.ris, "--format", "json"])
    #expect(result.status == 0, "\(result.err)")
    #expect(try jsonObject(result)["papers"] as? Int == 3)
    let dir = try TemporaryDirectory()
    try dir.write("refs.txt", "@article{a, author = {Doe, Jane and Roe, Rick}, title = {T}}\n")
    let forced = try CLI.run(["stats", "refs.txt", "--input-format", "bibtex", "--format", "json"], in: dir.url)
    #expect(forced.status == 0, "\(forced.err)")
    let json = try jsonObject(forced)
    #expect(json["papers"] as? Int == 1)
    #expect(json["authors"] as? Int == 2)
  }

  @Test func aBrokenBibTeXFileStopsWithFileAndLine() throws {
    let dir = try TemporaryDirectory()
    try dir.write("bad.bib", "@article{a,\n  author = {Doe, Jane},\n  title {T}\n}\n")
    let result = try CLI.run(["stats", "bad.bib"], in: dir.url)
    #expect(result.status == 1)
    #expect(result.err == "Error: bad.bib:3: missing '=' after field name 'title' in entry 'a' (near 'title {T}')\n")
    #expect(result.out.isEmpty)
  }

  @Test func inputFormatNames() throws {
    let help = try CLI.run(["stats", "--help"])
    // The help text wraps; compare with its white space folded.
    let folded = help.out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(folded.contains("(listing, json, table, bibtex, ris, dblp, openalex, edges)"), "\(help.out)")
  }

  /// The real Scopus export (skipped without ../shared/data).
  @Test func statsOnTheScopusExport() throws {
    let path = CLI.repository.deletingLastPathComponent().appendingPathComponent("shared/data/bibtex-scopus-wos-mcda/scopus.bib.gz").path
    guard FileManager.default.fileExists(atPath: path) else {
      print("skipped: ../shared/data/bibtex-scopus-wos-mcda is absent")
      return
    }
    let result = try CLI.run(["stats", path, "--format", "json"])
    #expect(result.status == 0, "\(result.err)")
    // SOURCE.md: 263 records, 6 without authors (skipped).
    #expect(try jsonObject(result)["papers"] as? Int == 257)
  }
}
