import Bibliography
import Foundation
import Testing

/// dblp XML and OpenAlex works through the built binary.
@Suite struct DBLPOpenAlexCommandTests {
  static let dblp = "Tests/BibliographyTests/Fixtures/dblp-excerpt.xml"
  static let openalex = "Tests/BibliographyTests/Fixtures/openalex-works.jsonl"

  @Test func statsOnDBLPXML() throws {
    let result = try CLI.run(["stats", Self.dblp, "--format", "json"])
    #expect(result.status == 0, "\(result.err)")
    let json = try jsonObject(result)
    #expect(json["papers"] as? Int == 3)
    #expect(json["authors"] as? Int == 5)
    #expect(json["tags"] as? Int == 0)
    let graphs = try #require(json["graphs"] as? [String: Any])
    // Edges: Müller–Wang 0001, Müller–Álvarez-Straßer, Wang 0001–Álvarez-Straßer (article);
    // Wang 0002–Müller (inproceedings). Østergaard is alone: two components.
    #expect(graphs["authors"] as? [String: Int] == ["nodes": 5, "edges": 4, "components": 2])
    let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
    #expect(
      diagnostics.compactMap { $0["message"] as? String } == [
        "skipped 1 <www> record (person pages, not publications)",
        "skipped 1 record without <author> (proceedings volumes and edited books list editors only)",
      ])
  }

  @Test func gzipDBLPAndForcedFormat() throws {
    let dir = try TemporaryDirectory()
    let bytes = try Data(contentsOf: CLI.repository.appendingPathComponent(Self.dblp))
    try dir.write("dump.gz", Gzip.compress(Array(bytes)))  // the name says nothing of the format
    let detected = try CLI.run(["stats", "dump.gz", "--format", "json"], in: dir.url)
    #expect(detected.status == 0, "\(detected.err)")  // content starts with <?xml
    #expect(try jsonObject(detected)["papers"] as? Int == 3)
    let forced = try CLI.run(["stats", "dump.gz", "--input-format", "dblp", "--format", "json"], in: dir.url)
    #expect(try jsonObject(forced)["papers"] as? Int == 3)
  }

  @Test func rankOnOpenAlexWorks() throws {
    let result = try CLI.run(["rank", Self.openalex, "--metric", "strength", "--format", "csv"])
    #expect(result.status == 0, "\(result.err)")
    // Piwowar and Priem share two works (weight 2) and one with Haustein; López and the
    // consortium share one.
    #expect(
      result.out
        == "rank,name,score,fellow\n1,Heather Piwowar,3.0,false\n2,Jason Priem,3.0,false\n3,Stefanie Haustein,2.0,false\n"
        + "4,Anonymous Consortium,1.0,false\n5,José María López,1.0,false\n")
  }

  @Test func openAlexTopicsMakeTheTagGraph() throws {
    let result = try CLI.run(["stats", Self.openalex, "--format", "json"])
    #expect(result.status == 0, "\(result.err)")
    let json = try jsonObject(result)
    #expect(json["papers"] as? Int == 3)
    #expect(json["tags"] as? Int == 4)
    let graphs = try #require(json["graphs"] as? [String: Any])
    // Tag pairs: scientometrics–Open Access (W1), Quantum mechanics–Spin (W2); W4 has one tag.
    #expect(graphs["tags"] as? [String: Int] == ["nodes": 4, "edges": 2, "components": 2])
  }

  @Test func malformedDBLPStopsWithFileAndLine() throws {
    let dir = try TemporaryDirectory()
    try dir.write("bad.xml", "<?xml version=\"1.0\"?>\n<dblp>\n<article key=\"a\">\n<author>A &Zzz; B</author>\n</article>\n</dblp>\n")
    let result = try CLI.run(["rank", "bad.xml"], in: dir.url)
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(
      result.err
        == "Error: bad.xml:4: invalid XML: unknown entity '&Zzz;' (known: the XML built-ins and the HTML 4 entities) (near '&Zzz;')\n")
  }

  @Test func malformedOpenAlexStopsWithFileAndLine() throws {
    let dir = try TemporaryDirectory()
    try dir.write("w.jsonl", "{\"id\": \"W1\", \"title\": \"A\", \"authorships\": []}\n{\"id\": \"W2\", \"title\": \"B\", \"authorships\": 5}\n")
    let result = try CLI.run(["stats", "w.jsonl"], in: dir.url)
    #expect(result.status == 1)
    #expect(result.err == "Error: w.jsonl:2: invalid OpenAlex JSON: authorships must be an array, not a number\n")
  }
}
