import Foundation
import Testing

@testable import Bibliography

/// Titles of 120 characters or more, or ending in `?`, just after a `Date:` value: the value is the
/// date and the long line the title (it was read the other way round: the date became the title).
@Suite("Listing reader: long titles after a field value")
struct ListingLongTitleTests {
  let path = Paths.fixture("layouts/long-titles.txt")

  /// `layouts/long-titles.txt`: two entries copied from `Examples/mats-research.txt` (lines
  /// 212–248; the second title is 120 characters long and has a `?` inside), then an entry whose
  /// title ends in `?`.
  @Test func longTitleAfterADateValueIsTheTitle() throws {
    let result = try ListingReader().read(TextFile(path: path))
    #expect(
      result.records.map(\.title) == [
        "Finding Neurons in a Haystack: Case Studies with Sparse Probing",
        "Do the Rewards Justify the Means? Measuring Trade-Offs Between Rewards and Ethical Behavior in the MACHIAVELLI Benchmark",
        "Are Emergent Abilities of Large Language Models a Mirage?",
      ])
    // Each date goes to the entry whose fields it ends.
    #expect(
      result.records.map(\.date) == [
        PaperDate(year: 2023, month: 5, day: 2), PaperDate(year: 2023, month: 4, day: 6),
        PaperDate(year: 2023, month: 4, day: 28),
      ])
    #expect(result.records.map(\.source.line) == [1, 19, 39])
    #expect(result.records[1].abstract?.hasPrefix("Artificial agents have traditionally been trained") == true)
    #expect(result.records[1].tags == ["Dangerous Capability Evals", "Alignment Training", "Scalable Oversight"])
    #expect(result.records[1].fellows == ["Jonathan Ng", "Hanlin Zhang"])
    #expect(result.diagnostics.isEmpty)
  }

  @Test func titleThatIsADateIsSuspicious() throws {
    // An inline `Date:` value, then a stray date line: the date is read as the next title, with a note.
    let file = Paths.temporary(
      """
      First Paper
      We study the first thing.
      Authors: Ada Lovelace
      Date: May 28, 2023
      May 2, 2023
      Second Paper
      We study the second thing.
      Authors: Grace Hopper
      """)
    let result = try ListingReader().read(TextFile(path: file))
    #expect(result.records.map(\.title) == ["First Paper", "May 2, 2023"])
    #expect(
      result.diagnostics.map(\.description) == [
        "\(file):5: suspicious-title: the entry's title 'May 2, 2023' is a date: is it the 'Date:' value of the entry before it, or is the page in a layout Coauthor does not know?"
      ])
  }

  @Test func dateLabelFollowedByTitleAndAbstractStaysEmpty() throws {
    // `Date:` with no value, then the next entry's title and abstract: no date, no note.
    let file = Paths.temporary(
      """
      First Paper
      We study the first thing.
      Authors:
      Ada Lovelace
      Date:
      Second Paper
      \(String(repeating: "We study the second thing in some detail. ", count: 4))
      Authors:
      Grace Hopper
      """)
    let result = try ListingReader().read(TextFile(path: file))
    #expect(result.records.map(\.title) == ["First Paper", "Second Paper"])
    #expect(result.records.map(\.date) == [nil, nil])
    #expect(result.diagnostics.isEmpty)
  }

  @Test func namesFollowedByALongTitleAreTheValueWithANote() throws {
    // No `Date:`: after the fellows' names comes a 120-character title, then its abstract. The
    // shape alone cannot tell a long title from a paragraph: the names are the value, with a note.
    let title =
      "Do the Rewards Justify the Means? Measuring Trade-Offs Between Rewards and Ethical Behavior in the MACHIAVELLI Benchmark"
    let file = Paths.temporary(
      """
      First Paper
      We study the first thing.
      Authors:
      Ada Lovelace, Jonathan Ng
      Fellows:
      Jonathan Ng
      \(title)
      Artificial agents have traditionally been trained to maximize reward, which may incentivize power-seeking and deception.
      Authors:
      Alexander Pan
      """)
    let result = try ListingReader().read(TextFile(path: file))
    #expect(result.records.map(\.title) == ["First Paper", title])
    #expect(result.records[0].fellows == ["Jonathan Ng"])
    #expect(
      result.diagnostics.map(\.description) == [
        "\(file):6: suspicious-title: cannot tell whether 'Jonathan Ng' after 'Fellows:' is its value or the next entry's title: line 7 'Do the Rewards Justify the Means? Measuring Trade-Offs Be…' may be a long title (running text follows it) or running text; read 'Jonathan Ng' as the value and line 7 as the next entry's title"
      ])
  }
}
