import Testing

@testable import Bibliography

/// Hand-made record sets for identity across papers: inverted names, initials with evidence, ids
/// and homonyms. Record `i` is at line `10 * i` of "t.txt".
func papers(_ authorLists: [[String]], ids: [[String?]] = []) -> [Record] {
  authorLists.enumerated().map { i, authors in
    Record(
      title: "P\(i)", authors: authors, source: Bibliography.SourceLocation(file: "t.txt", line: 10 * i),
      authorsLine: 10 * i + 1, authorIDs: i < ids.count ? ids[i] : [])
  }
}

func people(_ corpus: Corpus) -> [String] { corpus.authors }
func notes(_ corpus: Corpus, _ kind: Diagnostic.Kind) -> [String] {
  corpus.diagnostics.filter { $0.kind == kind }.map(\.message)
}

@Suite("Identity: inverted names")
struct InvertedNameTests {
  @Test(arguments: [
    ("Tong, Meg", InvertedName.inverted("Meg Tong")),
    ("Tong, M.", .inverted("M. Tong")),
    ("Tolkien, J. R. R.", .inverted("J. R. R. Tolkien")),
    ("van der Berg, Ludwig", .inverted("Ludwig van der Berg")),
    ("Smith, John, Jr.", .inverted("John Smith Jr.")),
    ("Smith Jr., John", .inverted("John Smith Jr.")),
    ("Smith, John III", .inverted("John Smith III")),
    ("John Smith, Jr.", .inverted("John Smith Jr.")),
    ("Rivera Lopez, Juan Pablo", .ambiguous("Juan Pablo Rivera Lopez")),
    ("Ann Alpha, Bob Beta", .ambiguous("Bob Beta Ann Alpha")),
    ("Ann Alpha, Bob Beta, Cid Gamma", .none),  // a list of three
    ("Smith, Jr.", .none),  // no given name
    ("Lab 7, Berlin", .none),  // digits: not a name
    ("Meg Tong", .none),
    (", Meg", .none),
  ])
  func reading(name: String, expected: InvertedName) {
    #expect(InvertedName.read(name) == expected)
  }

  @Test func invertedAndNaturalFormsAreOnePerson() {
    let corpus = resolve(papers([["Tong, Meg", "Ann Alpha"], ["Meg Tong", "Bob Beta"], ["Tong, Meg"]]))
    #expect(people(corpus) == ["Meg Tong", "Ann Alpha", "Bob Beta"])
    #expect(corpus.papers.map(\.authors) == [["Meg Tong", "Ann Alpha"], ["Meg Tong", "Bob Beta"], ["Meg Tong"]])
    // Reported once, at the first use.
    #expect(
      corpus.diagnostics == [
        Diagnostic(kind: .nameVariant, message: "'Tong, Meg' written as 'Meg Tong' (family name first)", file: "t.txt", line: 1)
      ])
    #expect(corpus.identityMerges == [IdentityMerge(variant: "Tong, Meg", person: "Meg Tong", reason: .inverted)])
  }

  @Test func suffixesAreKeptAndSeparateFatherFromSon() {
    let corpus = resolve(
      papers([["Smith, John, Jr.", "Ann Alpha"], ["John Smith Jr.", "Ann Alpha"], ["John Smith", "Ann Alpha"], ["J. Smith", "Ann Alpha"]]))
    // 'J. Smith' shares Ann Alpha with both; only 'John Smith' (no suffix) is compatible with it.
    #expect(people(corpus) == ["John Smith Jr.", "Ann Alpha", "John Smith"])
  }

  @Test func aListIsNotMistakenForAnInvertedName() {
    let corpus = resolve(papers([["Ann Alpha, Bob Beta", "Cid Gamma"]]))
    #expect(people(corpus) == ["Ann Alpha, Bob Beta", "Cid Gamma"])
    #expect(
      notes(corpus, .suspectedJoinedNames) == [
        "'Ann Alpha, Bob Beta' holds a comma: two names ('Ann Alpha' and 'Bob Beta') or one written family name first ('Bob Beta Ann Alpha')? Add 'split' or 'rename' to the alias file to decide. (on 'P0')"
      ])
  }

  @Test func anAmbiguousCommaIsInvertedWhenTheNaturalFormIsKnown() {
    let corpus = resolve(papers([["Rivera Lopez, Juan Pablo"], ["Juan Pablo Rivera Lopez", "Ann Alpha"]]))
    #expect(people(corpus) == ["Juan Pablo Rivera Lopez", "Ann Alpha"])
    #expect(notes(corpus, .suspectedJoinedNames).count == 2)  // the four-word name itself, on each paper
    #expect(
      notes(corpus, .nameVariant) == [
        "'Rivera Lopez, Juan Pablo' written as 'Juan Pablo Rivera Lopez' (family name first; 'Juan Pablo Rivera Lopez' is an author elsewhere)"
      ])
  }

  @Test func aliasRulesMatchEitherOrder() {
    let rules = AliasFile(entries: [.init(rule: .rename(from: "Meg Tong", to: "Megan Tong"), source: at(1))])
    let corpus = resolve(papers([["Tong, Meg"]]), aliases: rules)
    #expect(people(corpus) == ["Megan Tong"])
  }
}

@Suite("Identity: initials need evidence")
struct InitialsEvidenceTests {
  @Test func sharedCoauthorJoinsInitialAndFullName() {
    let corpus = resolve(papers([["Meg Tong", "Ann Alpha"], ["M. Tong", "Ann Alpha", "Bob Beta"], ["M Tong"]]))
    // 'M Tong' (paper 2, alone) has the same key as 'M. Tong' up to the period: one person.
    #expect(people(corpus) == ["Meg Tong", "Ann Alpha", "Bob Beta"])
    #expect(
      notes(corpus, .nameVariant) == [
        "'M. Tong' written as 'Meg Tong' (initials of the same name; shared co-author 'Ann Alpha')",
        "'M Tong' written as 'Meg Tong' (initials of the same name; shared co-author 'Ann Alpha')",
      ])
    #expect(corpus.identityMerges.map(\.reason) == [.initials, .initials])
    #expect(corpus.identityMerges[0].evidence == ["Ann Alpha"])
  }

  @Test func withoutEvidenceTheyStaySeparate() {
    let corpus = resolve(papers([["Meg Tong", "Ann Alpha"], ["M. Tong", "Bob Beta"]]))
    #expect(people(corpus) == ["Meg Tong", "Ann Alpha", "M. Tong", "Bob Beta"])
    #expect(corpus.identityMerges.isEmpty)
    #expect(
      NameVariantFinder().variants(in: corpus) == [
        NameVariant(
          kind: .initials, canonical: "Meg Tong", variant: "M. Tong", canonicalPapers: 1, variantPapers: 1, sharedCoauthors: [])
      ])
  }

  @Test func anInitialThatCouldBeTwoPeopleNeverMerges() {
    let corpus = resolve(
      papers([["Meg Tong", "Ann Alpha"], ["Mark Tong", "Ann Alpha"], ["M. Tong", "Ann Alpha"]]))
    #expect(people(corpus) == ["Meg Tong", "Ann Alpha", "Mark Tong", "M. Tong"])
    let found = NameVariantFinder().variants(in: corpus)
    #expect(
      found == [
        NameVariant(
          kind: .initials, canonical: "Mark Tong", variant: "M. Tong", canonicalPapers: 1, variantPapers: 1,
          sharedCoauthors: ["Ann Alpha"], alternatives: ["Meg Tong"]),
        NameVariant(
          kind: .initials, canonical: "Meg Tong", variant: "M. Tong", canonicalPapers: 1, variantPapers: 1,
          sharedCoauthors: ["Ann Alpha"], alternatives: ["Mark Tong"]),
      ])
  }

  @Test func coauthorsOfEachOtherAreTwoPeople() {
    let corpus = resolve(papers([["Meg Tong", "M. Tong"], ["Meg Tong", "Ann Alpha"], ["M. Tong", "Ann Alpha"]]))
    #expect(people(corpus) == ["Meg Tong", "M. Tong", "Ann Alpha"])
    #expect(NameVariantFinder().variants(in: corpus).isEmpty)
  }

  @Test func severalInitialsAndTheMostSpecificForm() {
    let tolkien: [[String]] = [
      ["John Ronald Reuel Tolkien", "Ann Alpha"], ["J. R. R. Tolkien", "Ann Alpha"], ["J. Tolkien", "Ann Alpha"],
    ]
    #expect(people(resolve(papers(tolkien))) == ["John Ronald Reuel Tolkien", "Ann Alpha"])
    // 'John Tolkien' could be 'J. Tolkien' and 'J. R. R. Tolkien' too (middle initials dropped),
    // and it is not compatible with the full form: both initial forms become ambiguous.
    let corpus = resolve(papers(tolkien + [["John Tolkien", "Bob Beta"]]))
    #expect(people(corpus) == ["John Ronald Reuel Tolkien", "Ann Alpha", "J. R. R. Tolkien", "J. Tolkien", "John Tolkien", "Bob Beta"])
  }

  @Test(arguments: [
    ("m tong", "meg tong", true), ("m j tong", "meg tong", true), ("meg j tong", "meg tong", true),
    ("j r r tolkien", "john ronald reuel tolkien", true), ("john tolkien", "john ronald reuel tolkien", false),
    ("c f chan", "cheung-fat chan", true), ("c k chan", "cheung-fat chan", false),
    ("meg tong", "megan tong", false), ("m tong", "m tong", false), ("j smith", "j smith jr", false),
    ("m tong", "m tang", false),
  ])
  func compatibility(a: String, b: String, expected: Bool) throws {
    let x = try #require(PersonName(key: a))
    let y = try #require(PersonName(key: b))
    #expect(x.isCompatible(with: y) == expected)
    #expect(y.isCompatible(with: x) == expected)
  }
}

@Suite("Identity: ids win over strings")
struct IdentifierTests {
  @Test func sameIdIsOnePersonWhateverTheSpelling() {
    let corpus = resolve(
      papers(
        [["M. Tong", "Ann Alpha"], ["Meg Tong", "Bob Beta"], ["M. Tong"]],
        ids: [["orcid:0000-0001", nil], ["orcid:0000-0001", nil], ["orcid:0000-0001"]]))
    // Most frequent spelling: 'M. Tong' (2 of 3).
    #expect(people(corpus) == ["M. Tong", "Ann Alpha", "Bob Beta"])
    #expect(
      corpus.diagnostics == [
        Diagnostic(kind: .nameVariant, message: "'Meg Tong' written as 'M. Tong' (same id orcid:0000-0001)", file: "t.txt", line: 10)
      ])
    #expect(corpus.identityMerges == [IdentityMerge(variant: "Meg Tong", person: "M. Tong", reason: .sameID, evidence: ["orcid:0000-0001"])])
  }

  @Test func displayTieGoesToTheFirstSeen() {
    let corpus = resolve(papers([["Meg Tong"], ["Tong Meg"]], ids: [["openalex:A1"], ["openalex:A1"]]))
    #expect(people(corpus) == ["Meg Tong"])
  }

  @Test func homonymsAreToldApartByTheirIds() {
    let corpus = resolve(
      papers(
        [["Wei Wang", "Ann Alpha"], ["Wei Wang", "Bob Beta"], ["Wei Wang", "Cid Gamma"], ["wei wang"]],
        ids: [["orcid:A", nil], ["orcid:B", nil], [nil, nil], ["orcid:B"]]))
    #expect(
      corpus.papers.map(\.authors) == [
        ["Wei Wang (orcid:A)", "Ann Alpha"], ["Wei Wang (orcid:B)", "Bob Beta"], ["Wei Wang", "Cid Gamma"], ["Wei Wang (orcid:B)"],
      ])
    #expect(
      notes(corpus, .homonym) == [
        "'Wei Wang' is 3 people told apart by their ids (orcid:A, orcid:B and one without an id); shown as 'Wei Wang (orcid:A)', 'Wei Wang (orcid:B)', 'Wei Wang'"
      ])
  }

  @Test func anIdlessSpellingJoinsItsOnlyId() {
    let corpus = resolve(papers([["Wei Wang"], ["Wei Wang"]], ids: [["orcid:A"], []]))
    #expect(people(corpus) == ["Wei Wang"])
    #expect(corpus.diagnostics.isEmpty)
  }

  @Test func differentIdsNeverJoinByInitials() {
    let corpus = resolve(
      papers([["Meg Tong", "Ann Alpha"], ["M. Tong", "Ann Alpha"]], ids: [["orcid:X", nil], ["orcid:Y", nil]]))
    #expect(people(corpus) == ["Meg Tong", "Ann Alpha", "M. Tong"])
  }

  @Test func mostFrequentSpellingIsShown() {
    let corpus = resolve(papers([["Ivan Arcuschin"], ["Iván Arcuschin"], ["Iván Arcuschin"]]))
    #expect(people(corpus) == ["Iván Arcuschin"])
    #expect(notes(corpus, .nameVariant) == ["'Ivan Arcuschin' written as 'Iván Arcuschin' (same name up to case, accents or periods)"])
  }
}

@Suite("Identity: alias file tags")
struct AliasTagTests {
  @Test func tagVerbsParse() throws {
    let path = Paths.temporary(
      "tag-merge\tLLMs\tLarge Language Models\tLLM\ntag-split\tRL and Safety\tRL\tSafety\ntag-rename\tInterp\tInterpretability\nrename\tA B\tC D\n",
      name: "aliases.tsv")
    let file = try AliasFile(TextFile(path: path))
    let loc = { (line: Int) in Bibliography.SourceLocation(file: path, line: line) }
    #expect(
      file.entries == [
        .init(rule: .merge(canonical: "LLMs", variants: ["Large Language Models", "LLM"]), source: loc(1), scope: .tag),
        .init(rule: .split(joined: "RL and Safety", into: ["RL", "Safety"]), source: loc(2), scope: .tag),
        .init(rule: .rename(from: "Interp", to: "Interpretability"), source: loc(3), scope: .tag),
        .init(rule: .rename(from: "A B", to: "C D"), source: loc(4)),
      ])
  }

  @Test(arguments: [
    ("tag-keep", "'tag-keep' needs at least one tag"),
    ("tag-merge\tLLMs", "'tag-merge' needs a canonical tag and at least one variant"),
    ("tag-split\tA B\tA", "'tag-split' needs the joined tag and at least two tags"),
    ("tag-rename\tA", "'tag-rename' needs exactly an old and a new tag"),
  ])
  func badTagRules(rule: String, why: String) {
    let path = Paths.temporary("\(rule)\n", name: "aliases.tsv")
    #expect(throws: IngestError(file: path, line: 1, reason: .invalidAliasRule(why), text: rule)) {
      try AliasFile(TextFile(path: path))
    }
  }

  @Test func tagRulesApplyToTagsOnly() {
    let rules = AliasFile(entries: [
      .init(rule: .merge(canonical: "LLMs", variants: ["LLM", "Large Language Models"]), source: at(1), scope: .tag),
      .init(rule: .split(joined: "RL and Safety", into: ["RL", "Safety"]), source: at(2), scope: .tag),
      .init(rule: .rename(from: "Unused Tag", to: "X"), source: at(3), scope: .tag),
    ])
    let corpus = resolve(
      [
        record("P", authors: ["LLM", "Ann Alpha"], tags: ["large language models", "RL and Safety", "Safety"]),
        record("Q", authors: ["Ann Alpha"], line: 9, tags: ["LLM"]),
      ], aliases: rules)
    #expect(corpus.papers.map(\.tags) == [["LLMs", "RL", "Safety"], ["LLMs"]])
    #expect(corpus.papers[0].authors == ["LLM", "Ann Alpha"])  // a person named like a tag is untouched
    #expect(
      notes(corpus, .aliasApplied) == [
        "tag merge 'LLM', 'Large Language Models' into 'LLMs' (rule at line 1) in 'P'",
        "tag split 'RL and Safety' into 'RL', 'Safety' (rule at line 2) in 'P'",
        "tag merge 'LLM', 'Large Language Models' into 'LLMs' (rule at line 1) in 'Q'",
      ])
    #expect(notes(corpus, .aliasUnused) == ["alias rule matched no tag: tag rename 'Unused Tag' to 'X'"])
  }
}

@Suite("Identity: suspected variants")
struct NameVariantFinderTests {
  @Test func handMadeCorpus() {
    let corpus = resolve(
      papers([
        ["Xiao-Ming Li", "Eve Echo", "Fay Fox"], ["Xiaoming Li", "Eve Echo", "Fay Fox"],
        ["Konrad Schindler", "Gus Gold"], ["Konrad Schinder", "Gus Gold"],
        ["Konrad Schindler", "Hal Hill"], ["Sam Short", "Gus Gold"], ["Sam Shirt", "Gus Gold"],
      ]))
    #expect(
      NameVariantFinder().variants(in: corpus) == [
        NameVariant(
          kind: .spelling, canonical: "Xiao-Ming Li", variant: "Xiaoming Li", canonicalPapers: 1, variantPapers: 1,
          sharedCoauthors: ["Eve Echo", "Fay Fox"]),
        NameVariant(
          kind: .editDistance, canonical: "Konrad Schindler", variant: "Konrad Schinder", canonicalPapers: 2, variantPapers: 1,
          sharedCoauthors: ["Gus Gold"]),
      ])
    // 'Sam Short' / 'Sam Shirt': one letter apart but too short to suspect.
  }

  /// The cross-paper forms of the fellow variants: nickname, family name first, a one-letter typo
  /// in a family name of six letters or more (the key is under ten characters), a middle initial;
  /// none when the two wrote a paper together; `Tomek` / `Tomasz` from the hand-written diminutives.
  @Test func fellowVariantsAcrossPapers() {
    let corpus = resolve(
      papers([
        ["Tom Nowak", "Ann Alpha", "Bob Beta"], ["Thomas Nowak", "Ann Alpha", "Bob Beta"],
        ["Wang Xiaoming", "Cid Gamma"], ["Xiaoming Wang", "Cid Gamma"],
        ["Jo Kowalczyk", "Dan Delta"], ["Jo Kowalcyk", "Dan Delta"],
        ["Anna Berg", "Eve Echo"], ["Anna K. Berg", "Fay Fox"],
        ["Kate Smith", "Katherine Smith", "Gus Gold"],
        ["Tomek Lis", "Hal Hill"], ["Tomasz Lis", "Hal Hill"],
      ]))
    #expect(
      NameVariantFinder().variants(in: corpus) == [
        NameVariant(
          kind: .nickname, canonical: "Thomas Nowak", variant: "Tom Nowak", canonicalPapers: 1, variantPapers: 1,
          sharedCoauthors: ["Ann Alpha", "Bob Beta"]),
        NameVariant(
          kind: .editDistance, canonical: "Jo Kowalczyk", variant: "Jo Kowalcyk", canonicalPapers: 1, variantPapers: 1,
          sharedCoauthors: ["Dan Delta"]),
        NameVariant(
          kind: .nickname, canonical: "Tomasz Lis", variant: "Tomek Lis", canonicalPapers: 1, variantPapers: 1,
          sharedCoauthors: ["Hal Hill"]),
        NameVariant(
          kind: .reordered, canonical: "Wang Xiaoming", variant: "Xiaoming Wang", canonicalPapers: 1, variantPapers: 1,
          sharedCoauthors: ["Cid Gamma"]),
        NameVariant(
          kind: .initials, canonical: "Anna K. Berg", variant: "Anna Berg", canonicalPapers: 1, variantPapers: 1, sharedCoauthors: []),
      ])
  }

  @Test(arguments: [
    ("kitten", "sitting", 3, 3), ("kitten", "sitting", 2, 3), ("konrad schindler", "konrad schinder", 2, 1),
    ("abc", "abc", 1, 0), ("abcdef", "abcxef", 1, 1), ("abcdef", "abdcef", 1, 2),
  ])
  func editDistance(a: String, b: String, limit: Int, expected: Int) {
    #expect(NameVariantFinder.editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: limit) == expected)
  }
}
