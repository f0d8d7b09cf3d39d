import GraphCore
import Networks
import Testing
import TextEscaping
@testable import GraphvizRendering

@Suite("DOT writer")
struct DOTWriterTests {
  @Test func styledNetworkMatchesGolden() throws {
    let dot = DOTWriter(style: SampleNetwork.style, engine: .neato).dot(for: SampleNetwork.network)
    try expectMatchesGolden(dot, named: "fellows-styled.neato.dot")
  }

  @Test func defaultStyleMatchesGolden() throws {
    let dot = DOTWriter(style: NetworkStyle(), engine: .dot).dot(for: SampleNetwork.network)
    try expectMatchesGolden(dot, named: "fellows-default.dot.dot")
  }

  @Test func outputIsDeterministic() {
    let writer = DOTWriter(style: SampleNetwork.style, engine: .sfdp)
    #expect(writer.dot(for: SampleNetwork.network) == writer.dot(for: SampleNetwork.network))
  }

  @Test func nodesAndEdgesAppearInIDOrder() {
    let dot = DOTWriter(style: SampleNetwork.style, engine: .neato).dot(for: SampleNetwork.network)
    let lines = dot.split(separator: "\n").map { $0.trimmingPrefix("  ") }
    let nodeLines = lines.filter { $0.first == "n" && $0.dropFirst().first?.isNumber == true && !$0.contains(" -- ") }
    #expect(nodeLines.map { $0.prefix { $0 != " " } } == ["n0", "n1", "n2", "n3", "n4", "n5"])
    let edgeLines = lines.filter { $0.contains(" -- ") }
    #expect(edgeLines.map { $0.prefix { $0 != " " && $0 != "[" } }.count == 7)
    #expect(edgeLines.first?.hasPrefix("n0 -- n1 ") == true)
    #expect(edgeLines.last?.hasPrefix("n3 -- n5 ") == true)
  }

  @Test func seedIsWrittenOnlyForForceDirectedEngines() {
    for engine in LayoutEngine.allCases {
      let dot = DOTWriter(style: SampleNetwork.style, engine: engine).dot(for: SampleNetwork.network)
      #expect(dot.contains("graph [start=7];") == engine.usesStartSeed, "\(engine)")
      #expect(dot.contains("graph [layout=\(engine.rawValue)];"))
      #expect(dot.contains("graph [outputorder=edgesfirst];"))
    }
  }

  @Test func onlyTopNodesAreLabelledButAllHaveTooltips() {
    let dot = DOTWriter(style: SampleNetwork.style, engine: .neato).dot(for: SampleNetwork.network)
    let nodeLines = dot.split(separator: "\n").filter {
      $0.hasPrefix("  n") && $0.dropFirst(3).first?.isNumber == true && !$0.contains(" -- ")
    }
    #expect(nodeLines.count == 6)
    let labelled = nodeLines.filter { $0.contains(#", label=""#) }.map { $0.dropFirst(2).prefix { $0 != " " } }
    #expect(labelled == ["n0", "n1", "n2", "n3"])  // scores 0.5, 0.2, 0.4, 0.45 are the top four
    #expect(nodeLines.allSatisfy { $0.contains("tooltip=") })
  }

  @Test func fellowsAreMarkedAndSharedCollaboratorEdgesDashed() {
    let dot = DOTWriter(style: SampleNetwork.style, engine: .neato).dot(for: SampleNetwork.network)
    let lines = dot.split(separator: "\n")
    let fellowLines = lines.filter { $0.contains("peripheries=2") }
    #expect(fellowLines.map { $0.dropFirst(2).prefix { $0 != " " } } == ["n0", "n3", "n5"])
    let dashed = lines.filter { $0.contains("style=dashed") }
    #expect(dashed.count == 1 && dashed[0].hasPrefix("  n0 -- n5 "))
  }

  /// The legend and the edge tooltips say what the weight measures, from the network's own
  /// ``Network/EdgeWeight``: not "papers with both tags" for association strength.
  @Test func legendSaysWhatTheWeightMeasures() {
    let graph = Graph(nodeCount: 3, edges: [(0, 1, 0.25), (1, 2, 0.5)])
    func dot(_ kind: Network.Kind, _ weight: Network.EdgeWeight?) -> String {
      let n = Network(
        kind: kind, graph: graph, labels: ["a", "b", "c"], paperCounts: [4, 2, 2], isFellow: [false, false, false],
        edgeWeight: weight)
      return DOTWriter(style: NetworkStyle(showsLegend: true), engine: .neato).dot(for: n)
    }
    #expect(dot(.tags, nil).contains("edge width: papers with both tags (0.250–0.500)"))
    let association = dot(.tags, .cooccurrence(.association))
    #expect(association.contains("edge width: association strength of the two tags (0.250–0.500)"))
    #expect(association.contains("association strength of the two tags: 0.250"))
    #expect(!association.contains("papers with both"))
    #expect(dot(.terms, nil).contains("edge width: association strength of the two terms"))
    #expect(dot(.authors, .fractionalPapers).contains("edge width: shared papers, fractionally counted"))
    #expect(dot(.authors, .given).contains("edge width: edge weight from the input"))
  }

  @Test func nodeAreaIsLinearInScore() {
    var style = NetworkStyle(sizeScores: NodeScores(values: [0, 1, 0.5, 0, 0, 0]), labelCount: 0, showsLegend: false)
    style.minimumNodeDiameter = 0
    style.maximumNodeDiameter = 1
    let dot = DOTWriter(style: style, engine: .neato).dot(for: SampleNetwork.network)
    #expect(dot.contains("n0 [width=0.000, height=0.000,"))
    #expect(dot.contains("n1 [width=1.000, height=1.000,"))
    #expect(dot.contains("n2 [width=0.707, height=0.707,"))  // area ½ ⇒ diameter √½
  }

  @Test func communitiesBeyondThePaletteAreGrey() {
    var style = NetworkStyle(communities: Partition.singletons(6), showsLegend: true)
    style.palette = ["#111111", "#222222"]
    let dot = DOTWriter(style: style, engine: .neato).dot(for: SampleNetwork.network)
    #expect(dot.contains("n1 [width=") && dot.contains("fillcolor=\"#222222\""))
    #expect(dot.split(separator: "\n").filter { $0.contains("fillcolor=\"#BBBBBB\"") }.count == 4)
    #expect(dot.contains("4 more communities (4)"))
  }

  @Test func hostileNamesAreInertInDOT() {
    let dot = DOTWriter(style: SampleNetwork.style, engine: .neato).dot(for: SampleNetwork.network)
    // In DOT, `<script>` is text inside quoted strings; what matters is that no quote or
    // backslash ends the string early and no escString sequence (`\N`) survives.
    #expect(dot.contains(#"label="Eve \"R&amp;D\" <script>alert('x')</script> ]]> \\N back\\slash""#))
    #expect(dot.contains(#"tooltip="Eve \"R&amp;D\" <script>alert('x')</script> ]]> \\\\N back\\\\slash\npapers: 2"#))
    #expect(dot.contains("Safety &amp; &lt;Evals&gt; &quot;2&quot;"))
    #expect(dot.contains(##"URL="#person-eve-r-d-script-alert-x-script-n-back-slash""##))
  }
}

@Suite("DOT escaping")
struct DOTEscapingTests {
  @Test func plainQuotedStrings() {
    #expect(DOT.quoted("plain") == #""plain""#)
    #expect(DOT.quoted(#"a "b" c"#) == #""a \"b\" c""#)
    #expect(DOT.quoted(#"back\slash\"#) == #""back\\slash\\""#)
    #expect(DOT.quoted("a&b") == #""a&b""#)
    #expect(DOT.quoted("two\nlines") == #""two lines""#)
  }

  @Test func labels() {
    #expect(DOT.quoted(#"\N"#, as: .label) == #""\\N""#)
    #expect(DOT.quoted("AT&T", as: .label) == #""AT&amp;T""#)
    #expect(DOT.quoted("one\ntwo\r\nthree\rfour", as: .label) == #""one\ntwo\nthree\nfour""#)
    #expect(DOT.quoted("Iván Arcuschin", as: .label) == "\"Iván Arcuschin\"")
    #expect(DOT.quoted("<script>]]>", as: .label) == #""<script>]]>""#)
  }

  @Test func tooltipsDoubleBackslashesTwice() {
    #expect(DOT.quoted(#"a\N"#, as: .tooltip) == #""a\\\\N""#)
    #expect(DOT.quoted("x\ny", as: .tooltip) == #""x\ny""#)
  }

  @Test func controlCharactersNeverPassThrough() {
    #expect(DOT.quoted("a\tb", as: .label) == #""a b""#)
    #expect(DOT.quoted("a\u{0}b\u{7}c\u{1B}d\u{7F}e\u{85}f", as: .label) == "\"a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}f\"")
    #expect(DOT.quoted("a\u{2028}b", as: .label) == #""a\nb""#)
    #expect(DOT.htmlLabelText("a\u{1}b\nc") == "a\u{FFFD}b<BR/>c")
    // Bidi overrides and isolates (the shared rule in TextEscaping): U+FFFD, so Graphviz's SVG
    // never carries them into the HTML report.
    #expect(DOT.quoted("Evil\u{202E}Reversed\u{2066}x", as: .tooltip) == "\"Evil\u{FFFD}Reversed\u{FFFD}x\"")
  }

  @Test func htmlLikeLabelText() {
    #expect(DOT.htmlLabelText(#"<b>"R&D"</b> it's \N"#) == #"&lt;b&gt;&quot;R&amp;D&quot;&lt;/b&gt; it&#39;s \\N"#)
  }

  @Test func urlsArePercentEncoded() {
    #expect(DOT.quotedURL("#person-ada") == ##""#person-ada""##)
    #expect(DOT.quotedURL(##"#x"onload="y"##) == ##""#x%22onload=%22y""##)
    #expect(DOT.quotedURL("https://e.org/a b?q=<&>\\") == ##""https://e.org/a%20b?q=%3C%26%3E%5C""##)
    #expect(DOT.quotedURL("#Iván") == ##""#Iv%C3%A1n""##)
  }

  @Test func slugs() {
    #expect(DOTWriter.slug("Iván Arcuschin") == "ivan-arcuschin")
    #expect(DOTWriter.slug("Iva\u{301}n  Arcuschin") == "ivan-arcuschin")  // decomposed á
    #expect(DOTWriter.slug("  O'Brien, Łukasz ") == "o-brien-lukasz")
    #expect(DOTWriter.slug("<script>") == "script")
  }

  @Test func fixedDecimals() {
    #expect(DOTWriter.fixed(2.0 / 3, 3) == "0.667")
    #expect(DOTWriter.fixed(1, 2) == "1.00")
    #expect(DOTWriter.fixed(-0.0004, 3) == "0.000")
    #expect(DOTWriter.fixed(-1.25, 1) == "-1.3")
    #expect(DOTWriter.fixed(0.05, 2) == "0.05")
    #expect(DOTWriter.fixed(12, 0) == "12")
    #expect(DOTWriter.weightText(3) == "3")
    #expect(DOTWriter.weightText(0.5) == "0.500")
  }

  @Test func renderFormatFromExtension() {
    #expect(RenderFormat(fileExtension: "svg") == .svg)
    #expect(RenderFormat(fileExtension: ".PNG") == .png)
    #expect(RenderFormat(fileExtension: "pdf") == .pdf)
    #expect(RenderFormat(fileExtension: "gv") == .dot)
    #expect(RenderFormat(fileExtension: "dot") == .dot)
    #expect(RenderFormat(fileExtension: "jpeg") == nil)
  }
}
