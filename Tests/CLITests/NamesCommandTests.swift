import Foundation
import Testing

/// `coauthor names` end to end: a hand-made table (written by the test), the bundled listing and,
/// when `../shared/data` is present, a real DBLP-derived table.
@Suite struct NamesCommandTests {
  /// Hand-made: 'M. Tong' shares Ann Alpha with 'Meg Tong' (merged automatically); 'J. Smith'
  /// could be John or Jane; hyphen and one-letter variants share a co-author; 'Tong, Meg' is
  /// inverted.
  static let table = """
    paper_id\tyear\tvenue\tauthors\tkeywords\ttitle
    1\t2020\tv\tMeg Tong;Ann Alpha;Bob Beta\t\tP1
    2\t2021\tv\tM. Tong;Ann Alpha\t\tP2
    3\t2021\tv\tJ. Smith;Cid Gamma\t\tP3
    4\t2021\tv\tJohn Smith;Dan Delta\t\tP4
    5\t2021\tv\tJane Smith;Cid Gamma\t\tP5
    6\t2022\tv\tXiao-Ming Li;Eve Echo\t\tP6
    7\t2022\tv\tXiaoming Li;Eve Echo\t\tP7
    8\t2022\tv\tKonrad Schindler;Fay Fox\t\tP8
    9\t2022\tv\tKonrad Schinder;Fay Fox\t\tP9
    10\t2022\tv\tTong, Meg;Gus Gold\t\tP10

    """

  @Test func tsvIsAnAliasFileWithEvidence() throws {
    let dir = try TemporaryDirectory()
    let input = try dir.write("papers.tsv", Self.table)
    let result = try CLI.run(["names", input, "--format", "tsv"])
    #expect(result.status == 0, "\(result.err)")
    #expect(
      result.out == """
        # coauthor names: suspected name variants as alias rules (evidence = shared co-authors).
        # Copy the lines you accept into your alias file (--aliases); 'merge CANONICAL VARIANT' shows VARIANT as CANONICAL.
        # initials, evidence 1: 'J. Smith' (1 paper) and 'Jane Smith' (1 paper) share 'Cid Gamma'; 'J. Smith' could also be 'John Smith'
        merge\tJane Smith\tJ. Smith
        # spelling, evidence 1: 'Xiaoming Li' (1 paper) and 'Xiao-Ming Li' (1 paper) share 'Eve Echo'
        merge\tXiao-Ming Li\tXiaoming Li
        # edit-distance, evidence 1: 'Konrad Schinder' (1 paper) and 'Konrad Schindler' (1 paper) share 'Fay Fox'
        merge\tKonrad Schindler\tKonrad Schinder
        # initials, evidence 0: 'J. Smith' (1 paper) and 'John Smith' (1 paper), no shared co-author; 'J. Smith' could also be 'Jane Smith'
        merge\tJohn Smith\tJ. Smith
        # merged automatically (family name first): 'Tong, Meg' is shown as 'Meg Tong'
        # merged automatically (initials; shared co-author 'Ann Alpha'): 'M. Tong' is shown as 'Meg Tong'

        """)

    // Accepting two lines into an alias file: the next run lists only what is left.
    let aliases = try dir.write("aliases.tsv", "merge\tXiao-Ming Li\tXiaoming Li\nmerge\tKonrad Schindler\tKonrad Schinder\n")
    let again = try CLI.run(["names", input, "--aliases", aliases, "--format", "tsv", "--min-evidence", "1"])
    #expect(again.status == 0, "\(again.err)")
    #expect(again.out.components(separatedBy: "\nmerge\t").count - 1 == 1)
    #expect(again.out.contains("merge\tJane Smith\tJ. Smith\n"))
  }

  @Test func textAndJSON() throws {
    let dir = try TemporaryDirectory()
    let input = try dir.write("papers.tsv", Self.table)
    let text = try CLI.run(["names", input, "--min-evidence", "1"])
    #expect(text.status == 0, "\(text.err)")
    #expect(
      text.out == """
        3 suspected name variants (evidence = shared co-authors; '--format tsv' writes them as alias rules)

        evidence  kind           variant (papers)     same person as? (papers)  shared co-authors
        --------  -------------  -------------------  ------------------------  -------------------------------------
               1  initials       J. Smith (1)         Jane Smith (1)            Cid Gamma [could also be: John Smith]
               1  spelling       Xiaoming Li (1)      Xiao-Ming Li (1)          Eve Echo
               1  edit-distance  Konrad Schinder (1)  Konrad Schindler (1)      Fay Fox

        2 names merged automatically:
          'Tong, Meg' → 'Meg Tong' (family name first)
          'M. Tong' → 'Meg Tong' (initials; shared co-author 'Ann Alpha')

        """)
    let json = try jsonObject(CLI.run(["names", input, "--format", "json"]))
    let suspected = try #require(json["suspected"] as? [[String: Any]])
    #expect(suspected.count == 4)
    #expect(suspected[0]["variant"] as? String == "J. Smith")
    #expect(suspected[0]["canonical"] as? String == "Jane Smith")
    #expect(suspected[0]["evidence"] as? Int == 1)
    #expect(suspected[0]["sharedCoauthors"] as? [String] == ["Cid Gamma"])
    #expect(suspected[0]["alternatives"] as? [String] == ["John Smith"])
    let merged = try #require(json["merged"] as? [[String: Any]])
    #expect(merged.map { $0["reason"] as? String } == ["inverted", "initials"])
    #expect(merged[1]["evidence"] as? [String] == ["Ann Alpha"])
  }

  /// The cross-paper forms of the fellow-name variants (issue 12): a nickname of the nickname
  /// table, a family name written first, a one-letter typo in a family name of six letters or
  /// more, and a diminutive of the hand-written table (`Tomek Lis` / `Tomasz Lis`). `Kate
  /// Smith` and `Katherine Smith` wrote P9 together: two people.
  @Test func fellowVariantsAcrossPapers() throws {
    let dir = try TemporaryDirectory()
    let input = try dir.write(
      "papers.tsv",
      """
      paper_id\tyear\tvenue\tauthors\tkeywords\ttitle
      1\t2020\tv\tTom Nowak;Ann Alpha;Bob Beta\t\tP1
      2\t2021\tv\tThomas Nowak;Ann Alpha;Bob Beta\t\tP2
      3\t2021\tv\tWang Xiaoming;Cid Gamma\t\tP3
      4\t2021\tv\tXiaoming Wang;Cid Gamma\t\tP4
      5\t2022\tv\tJo Kowalczyk;Dan Delta\t\tP5
      6\t2022\tv\tJo Kowalcyk;Dan Delta\t\tP6
      7\t2022\tv\tTomek Lis;Eve Echo\t\tP7
      8\t2022\tv\tTomasz Lis;Eve Echo\t\tP8
      9\t2023\tv\tKate Smith;Katherine Smith\t\tP9

      """)
    let result = try CLI.run(["names", input, "--format", "tsv"])
    #expect(result.status == 0, "\(result.err)")
    #expect(
      result.out == """
        # coauthor names: suspected name variants as alias rules (evidence = shared co-authors).
        # Copy the lines you accept into your alias file (--aliases); 'merge CANONICAL VARIANT' shows VARIANT as CANONICAL.
        # nickname, evidence 2: 'Tom Nowak' (1 paper) and 'Thomas Nowak' (1 paper) share 'Ann Alpha', 'Bob Beta'
        merge\tThomas Nowak\tTom Nowak
        # edit-distance, evidence 1: 'Jo Kowalcyk' (1 paper) and 'Jo Kowalczyk' (1 paper) share 'Dan Delta'
        merge\tJo Kowalczyk\tJo Kowalcyk
        # nickname, evidence 1: 'Tomek Lis' (1 paper) and 'Tomasz Lis' (1 paper) share 'Eve Echo'
        merge\tTomasz Lis\tTomek Lis
        # family-name-first, evidence 1: 'Xiaoming Wang' (1 paper) and 'Wang Xiaoming' (1 paper) share 'Cid Gamma'
        merge\tWang Xiaoming\tXiaoming Wang

        """)
  }

  /// A fellow matched on one paper by nickname ties the listed spelling to the author's where the
  /// listed spelling is an author elsewhere: listed as an automatic merge with the paper and reason.
  @Test func fellowMatchTiesSpellings() throws {
    let dir = try TemporaryDirectory()
    let input = try dir.write(
      "listing.txt",
      """
      Probing Refusal Directions

      Authors:
      Edward Carter, Sofia Alvarez

      Fellows:
      Ed Carter

      Date:
      Mar 4, 2025

      Reward Hacking in Coding Agents

      Authors:
      Ed Carter, Rohan Gupta

      Fellows:
      Ed Carter

      Date:
      Aug 15, 2025

      """)
    let result = try CLI.run(["names", input, "--format", "json"])
    #expect(result.status == 0, "\(result.err)")
    let merged = try #require(jsonObject(result)["merged"] as? [[String: Any]])
    #expect(merged.count == 1)
    #expect(merged.first?["reason"] as? String == "fellow-match")
    #expect(merged.first?["variant"] as? String == "Ed Carter")
    #expect(merged.first?["person"] as? String == "Edward Carter")
    #expect(
      merged.first?["evidence"] as? [String] == ["Probing Refusal Directions", "'Ed' is a nickname of 'Edward' (nickname table)"])
    let text = try CLI.run(["names", input])
    #expect(
      text.out.hasSuffix(
        "'Ed Carter' → 'Edward Carter' (fellow match on 'Probing Refusal Directions': 'Ed' is a nickname of 'Edward' (nickname table))\n"
      ))
  }

  @Test func badMinEvidence() throws {
    let result = try CLI.run(["names", Bundled.listing, "--min-evidence", "-1"])
    #expect(result.status == 64)
    #expect(result.err.contains("Please give a '--min-evidence' of 0 or more."))
  }

  /// The bundled listing's names are clean: nothing suspected, nothing merged across papers (its
  /// 77 authors are unchanged by the new rules; see AnalysisCommandTests).
  @Test func bundledListing() throws {
    let result = try CLI.run(["names", Bundled.listing, "--aliases", Bundled.aliases])
    #expect(result.status == 0, "\(result.err)")
    #expect(result.out == "0 suspected name variants (evidence = shared co-authors; '--format tsv' writes them as alias rules)\n")
  }

  /// cgm-dblp (16,599 papers): pairs checked by hand in `papers.tsv.gz`:
  /// - 'Argyris Zymnis' (paper 1229673) and 'Argyrios Zymnis' (1344080), both with Stephen P. Boyd
  ///   and Dimitry M. Gorinevsky: edit distance 1;
  /// - 'Xianda Zhang' (1149925, with Zheng Bao) and 'Xian-Da Zhang' (1149877, with Zheng Bao): spelling;
  /// - 'Alan C. Bovik' and 'Alan Conrad Bovik' share Lawrence K. Cormack, Sanghoon Lee, Robert W.
  ///   Heath Jr. and more: merged automatically as initials.
  @Test func realDataFindsVariants() throws {
    let path = CLI.repository.deletingLastPathComponent().appendingPathComponent("shared/data/cgm-dblp-graphics-multimedia/papers.tsv.gz").path
    guard FileManager.default.fileExists(atPath: path) else {
      print("skipped: \(path) is absent")
      return
    }
    let json = try jsonObject(CLI.run(["names", path, "--format", "json"]))
    let suspected = try #require(json["suspected"] as? [[String: Any]])
    func pair(_ kind: String, _ variant: String, _ canonical: String) -> [String: Any]? {
      suspected.first { $0["kind"] as? String == kind && $0["variant"] as? String == variant && $0["canonical"] as? String == canonical }
    }
    let zymnis = try #require(pair("edit-distance", "Argyrios Zymnis", "Argyris Zymnis"))
    #expect(zymnis["sharedCoauthors"] as? [String] == ["Stephen P. Boyd", "Dimitry M. Gorinevsky"])
    let zhang = try #require(pair("spelling", "Xianda Zhang", "Xian-Da Zhang"))
    #expect((zhang["sharedCoauthors"] as? [String])?.contains("Zheng Bao") == true)
    let merged = try #require(json["merged"] as? [[String: Any]])
    let bovik = try #require(merged.first { $0["variant"] as? String == "Alan C. Bovik" })
    #expect(bovik["person"] as? String == "Alan Conrad Bovik")
    #expect(bovik["reason"] as? String == "initials")
    #expect((bovik["evidence"] as? [String])?.contains("Lawrence K. Cormack") == true)
  }
}
