import Testing

@testable import Bibliography

/// The fellow-name variants of issue 12 (nickname, alias in parentheses, family name first,
/// middle initial, one-letter surname typo, anglicised given name), each matched within one paper
/// with its rule and note, and the cases that must stay two people.
@Suite("Identity: fellow name variants")
struct FellowVariantTests {
  @Test(arguments: [
    ("Ed Carter", ["Edward Carter", "Sofia Alvarez"], "Edward Carter", FellowMatch.Rule.nickname,
     "'Ed' is a nickname of 'Edward' (nickname table)"),
    ("Alexander Reyes", ["Alex Reyes", "Sofia Alvarez"], "Alex Reyes", .nickname, "'Alex' is a nickname of 'Alexander' (nickname table)"),
    ("Kate Morgan", ["Rohan Gupta", "Katherine Morgan"], "Katherine Morgan", .nickname,
     "'Kate' is a nickname of 'Katherine' (nickname table)"),
    ("Kate Morgan", ["Katherine J. Morgan", "Rohan Gupta"], "Katherine J. Morgan", .nickname,
     "'Kate' is a nickname of 'Katherine' (nickname table)"),
    ("Katherine (Kate) Smith", ["Kate Smith", "Rohan Gupta"], "Kate Smith", .parenthetical,
     "listed as 'Katherine (Kate) Smith': the name in parentheses as given name, 'Kate Smith', matches (exact: same name)"),
    ("Wang Xiaoming", ["Xiaoming Wang", "Sofia Alvarez"], "Xiaoming Wang", .reordered, "same names in the other order"),
    ("Chen Jia-Hui", ["Jiahui Chen", "Sofia Alvarez"], "Jiahui Chen", .reordered, "same names in the other order"),
    ("Anna Berg", ["Anna K. Berg", "Rohan Gupta"], "Anna K. Berg", .initials, "same family name and compatible given names and initials"),
    ("Marta Kowalczyk", ["Marta Kowalcyk", "Rohan Gupta"], "Marta Kowalcyk", .surnameTypo,
     "surnames differ by one letter: 'Kowalczyk' / 'Kowalcyk'"),
    ("Li Wei-Ting", ["David Li"], "David Li", .anglicised,
     "the only author left unmatched with the same surname 'Li'; given names differ (anglicised name?)"),
  ])
  func variantIsMatched(listed: String, authors: [String], expected: String, rule: FellowMatch.Rule, reason: String) throws {
    let corpus = resolve([record("P", authors: authors, fellows: [listed])])
    let paper = try #require(corpus.papers.first)
    #expect(paper.authors == authors)  // the fellow is not added as a second person
    #expect(paper.fellows == [expected])
    #expect(
      corpus.fellowMatches
        == [FellowMatch(listed: listed, author: expected, rule: rule, reason: reason, paperTitle: "P", source: at(3))])
    #expect(
      corpus.diagnostics == [
        Diagnostic(
          kind: .fellowMatched, message: "fellow '\(listed)' matched to author '\(expected)': \(reason) (on 'P')", file: "t.txt", line: 3)
      ])
  }

  @Test func anglicisedNeedsEveryOtherAuthorMatched() throws {
    // Li Wei-Ting's co-author is a fellow matched by initials, so David Li is the one left.
    let corpus = resolve([record("P", authors: ["David Li", "Anna K. Berg"], fellows: ["Li Wei-Ting", "Anna Berg"])])
    #expect(corpus.papers[0].authors == ["David Li", "Anna K. Berg"])
    #expect(corpus.fellowMatches.map(\.rule) == [.anglicised, .initials])
  }

  @Test func anglicisedBesideMentors() throws {
    // Non-fellow authors (mentors) do not block the rule: only David Li has the surname Li.
    let corpus = resolve([record("P", authors: ["Rohan Gupta", "David Li", "Sara Okafor"], fellows: ["Li Wei-Ting"])])
    #expect(corpus.papers[0].authors == ["Rohan Gupta", "David Li", "Sara Okafor"])
    #expect(corpus.papers[0].fellows == ["David Li"])
    #expect(corpus.fellowMatches.map(\.rule) == [.anglicised])
  }

  @Test(arguments: [
    // Two authors left unmatched with that surname: either could be the fellow.
    (["David Li", "Wei Li"], ["Li Wei-Ting"]),
    // Different family name.
    (["David Lu"], ["Li Wei-Ting"]),
    // Two unmatched fellows for one author.
    (["David Li"], ["Li Wei-Ting", "Li Mei"]),
    // Two different English given names are two people, not an anglicised name.
    (["Edmund Carter"], ["Edward Carter"]),
  ])
  func anglicisedIsRefused(authors: [String], fellows: [String]) {
    let corpus = resolve([record("P", authors: authors, fellows: fellows)])
    #expect(corpus.fellowMatches.isEmpty)
    #expect(corpus.papers[0].authors == authors + fellows)
    #expect(corpus.diagnostics.map(\.kind) == fellows.map { _ in .fellowUnmatched })
  }

  @Test func twoRealPeopleWithAMiddleInitialStayTwo() {
    let corpus = resolve([record("P", authors: ["Anna Berg", "Anna K. Berg", "Rohan Gupta"], fellows: ["Anna Berg"])])
    #expect(corpus.papers[0].authors == ["Anna Berg", "Anna K. Berg", "Rohan Gupta"])
    #expect(corpus.papers[0].fellows == ["Anna Berg"])
    #expect(corpus.fellowMatches.map(\.rule) == [.exact])
    #expect(corpus.diagnostics.isEmpty)
  }

  @Test func nicknameAndFullNameOnOnePaperAreTwoPeople() {
    // Listed exactly: the exact rule wins, the other author stays.
    let exact = resolve([record("P", authors: ["Ed Smith", "Edward Smith"], fellows: ["Ed Smith"])])
    #expect(exact.papers[0].authors == ["Ed Smith", "Edward Smith"])
    #expect(exact.fellowMatches.map(\.author) == ["Ed Smith"])
    #expect(exact.fellowMatches.map(\.rule) == [.exact])
    // 'Eddie' is paired with both 'Ed' and 'Edward' in the table, and 'Ed Smith' and
    // 'Edward Smith' are both authors: either could be the fellow, so nothing is merged.
    let eddie = resolve([record("P", authors: ["Ed Smith", "Edward Smith"], fellows: ["Eddie Smith"])])
    #expect(eddie.fellowMatches.isEmpty)
    #expect(eddie.papers[0].authors == ["Ed Smith", "Edward Smith", "Eddie Smith"])
    #expect(
      eddie.diagnostics.map(\.message) == [
        "fellow 'Eddie Smith' could be any of 'Ed Smith', 'Edward Smith' on 'P'; added as a separate author (add an alias rule to decide)"
      ])
  }

  @Test func edwardIsNotEdmund() {
    // 'Ed' is a nickname of both: ambiguous, never a chain Edward ↔ Ed ↔ Edmund.
    let ed = resolve([record("P", authors: ["Edward Carter", "Edmund Carter"], fellows: ["Ed Carter"])])
    #expect(ed.fellowMatches.isEmpty)
    #expect(ed.diagnostics.map(\.kind) == [.fellowUnmatched])
    let edward = resolve([record("P", authors: ["Edmund Carter", "Sofia Alvarez"], fellows: ["Edward Carter"])])
    #expect(edward.fellowMatches.isEmpty)
    #expect(edward.papers[0].authors == ["Edmund Carter", "Sofia Alvarez", "Edward Carter"])
  }

  @Test func shortSurnamesOneLetterApartAreNotTypos() {
    let corpus = resolve([record("P", authors: ["Wei Lu", "Rohan Gupta"], fellows: ["Wei Li"])])
    #expect(corpus.fellowMatches.isEmpty)
    #expect(corpus.papers[0].authors == ["Wei Lu", "Rohan Gupta", "Wei Li"])
    #expect(!IdentityResolver.surnameTypo(["anna", "nowak"], ["anna", "nowik"]))  // five letters
    #expect(IdentityResolver.surnameTypo(["anna", "kowalczyk"], ["anna", "kowalcyk"]))
    #expect(IdentityResolver.surnameTypo(["a", "kowalczyk"], ["anna", "kowalcyk"]))  // an initial
    #expect(!IdentityResolver.surnameTypo(["anna", "kowalczyk"], ["maria", "kowalcyk"]))  // other given name
    #expect(!IdentityResolver.surnameTypo(["anna", "kowalczyk"], ["anna", "kowalski"]))  // two letters
  }

  @Test(arguments: [
    (["wang", "xiaoming"], ["xiaoming", "wang"], true),
    (["chen", "jia-hui"], ["jiahui", "chen"], true),
    (["chong", "kwan", "un"], ["kwan", "un", "chong"], true),
    (["k", "c", "chan"], ["c", "k", "chan"], false),  // initials swapped, not a family name moved
    (["s", "h", "frank", "chuang"], ["frank", "s", "h", "chuang"], false),  // given names swapped
    (["wang", "xiaoming"], ["wang", "xiaoming"], false),
  ])
  func familyNameFirst(a: [String], b: [String], expected: Bool) {
    #expect(IdentityResolver.reordered(a, b) == expected)
    #expect(IdentityResolver.reordered(b, a) == expected)
  }

  @Test func looseRulesLeaveAuthorsOtherFellowsNameExactly() {
    // 'Kate Smith' and 'Katherine Smith' are both listed fellows: two people, and only one wrote P.
    let corpus = resolve([record("P", authors: ["Katherine Smith", "Rohan Gupta"], fellows: ["Kate Smith", "Katherine Smith"])])
    #expect(corpus.fellowMatches.map(\.listed) == ["Katherine Smith"])
    #expect(corpus.papers[0].authors == ["Katherine Smith", "Rohan Gupta", "Kate Smith"])
  }

  @Test func aRuleMatchingTwoAuthorsIsAmbiguous() {
    let corpus = resolve([record("P", authors: ["Xiaoming Wang", "Xiao-Ming Wang"], fellows: ["Wang Xiaoming"])])
    #expect(corpus.fellowMatches.isEmpty)
    #expect(
      corpus.diagnostics.map(\.message) == [
        "fellow 'Wang Xiaoming' could be any of 'Xiaoming Wang', 'Xiao-Ming Wang' on 'P'; added as a separate author (add an alias rule to decide)"
      ])
    let typo = resolve([record("P", authors: ["Marta Kowalcyk", "Marta Kowalczik"], fellows: ["Marta Kowalczyk"])])
    #expect(typo.fellowMatches.isEmpty)
    #expect(typo.diagnostics.map(\.kind) == [.fellowUnmatched])
  }

  @Test func nicknameTable() {
    #expect(NicknameTable.pairCount == 2691)
    #expect(NicknameTable.arePaired("ed", "edward"))
    #expect(NicknameTable.arePaired("edward", "ed"))
    #expect(!NicknameTable.arePaired("edward", "edmund"))  // both called 'Ed': two names
    #expect(!NicknameTable.arePaired("ed", "ted"))  // two nicknames of Edward
    #expect(NicknameTable.arePaired("tomek", "tomasz"))  // hand-written diminutives (Polish)
    #expect(NicknameTable.arePaired("małgorzata", "gosia") && NicknameTable.arePaired("malgorzata", "gosia"))
    #expect(NicknameTable.arePaired("dima", "dmitry"))
    #expect(!NicknameTable.arePaired("tomek", "thomas"))  // no chain through a shared form
    #expect(NicknameTable.isNickname("kate", of: "katherine"))
    #expect(!NicknameTable.isNickname("katherine", of: "kate"))
    #expect(NicknameTable.partners(of: "alexander") == ["al", "alec", "alex", "alexandria", "sandy", "sasha"])
  }
}

@Suite("Identity: a fellow match ties two spellings across papers")
struct FellowTieTests {
  @Test func listedSpellingElsewhereIsTheAuthorsSpelling() {
    let corpus = resolve([
      record("P1", authors: ["Katherine Morgan", "Rohan Gupta"], fellows: ["Kate Morgan"], line: 1),
      record("P2", authors: ["Kate Morgan", "Sofia Alvarez"], fellows: ["Kate Morgan"], line: 10),
    ])
    #expect(corpus.papers.map(\.authors) == [["Katherine Morgan", "Rohan Gupta"], ["Katherine Morgan", "Sofia Alvarez"]])
    #expect(corpus.papers.map(\.fellows) == [["Katherine Morgan"], ["Katherine Morgan"]])
    #expect(corpus.fellowMatches.map(\.author) == ["Katherine Morgan", "Katherine Morgan"])
    #expect(
      corpus.identityMerges == [
        IdentityMerge(
          variant: "Kate Morgan", person: "Katherine Morgan", reason: .fellowMatch,
          evidence: ["P1", "'Kate' is a nickname of 'Katherine' (nickname table)"])
      ])
    #expect(
      notes(corpus, .nameVariant) == [
        "'Kate Morgan' shown as 'Katherine Morgan': fellow 'Kate Morgan' is author 'Katherine Morgan' on 'P1' (nickname: 'Kate' is a nickname of 'Katherine' (nickname table))"
      ])
  }

  @Test func bothSpellingsOnOnePaperStayTwo() {
    let corpus = resolve([
      record("P1", authors: ["Katherine Morgan"], fellows: ["Kate Morgan"], line: 1),
      record("P2", authors: ["Kate Morgan", "Katherine Morgan"], line: 10),
    ])
    #expect(corpus.papers[1].authors == ["Kate Morgan", "Katherine Morgan"])
    #expect(corpus.identityMerges.isEmpty)
  }

  @Test func anOccurrenceWithAnIdIsLeftToItsId() {
    let corpus = resolve([
      record("P1", authors: ["Katherine Morgan"], fellows: ["Kate Morgan"], line: 1),
      Record(
        title: "P2", authors: ["Kate Morgan", "Rohan Gupta"], source: at(10), authorsLine: 11,
        authorIDs: ["orcid:0000-0002-1825-0097", nil]),
    ])
    #expect(corpus.papers[1].authors == ["Kate Morgan", "Rohan Gupta"])
    #expect(corpus.identityMerges.isEmpty)
  }

  @Test func anglicisedAndConflictingMatchesTieNothing() {
    let corpus = resolve([
      record("P1", authors: ["David Li"], fellows: ["Li Wei-Ting"], line: 1),
      record("P2", authors: ["Li Wei-Ting", "Rohan Gupta"], line: 10),
      // 'Ed Carter' is Edward on P3 and Edwin on P4: which one P5's 'Ed Carter' is, nobody knows.
      record("P3", authors: ["Edward Carter"], fellows: ["Ed Carter"], line: 20),
      record("P4", authors: ["Edwin Carter"], fellows: ["Ed Carter"], line: 30),
      record("P5", authors: ["Ed Carter", "Rohan Gupta"], line: 40),
    ])
    #expect(corpus.fellowMatches.map(\.rule) == [.anglicised, .nickname, .nickname])
    #expect(corpus.papers[1].authors == ["Li Wei-Ting", "Rohan Gupta"])
    #expect(corpus.papers[4].authors == ["Ed Carter", "Rohan Gupta"])
    #expect(corpus.identityMerges.isEmpty)
  }
}
