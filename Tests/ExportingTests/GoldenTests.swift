import Foundation
import TestSupport
import Testing
@testable import Exporting

/// Each writer on ``SampleExport`` against its golden file (`UPDATE_GOLDEN=1` rewrites them).
@Suite("Export writers: golden files")
struct GoldenTests {
  static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden").path

  @Test func graphML() { assertGolden(SampleExport.export.graphML(), file: "sample.graphml", in: Self.golden) }
  @Test func gexf() { assertGolden(SampleExport.export.gexf(), file: "sample.gexf", in: Self.golden) }
  @Test func nodeLinkJSON() { assertGolden(SampleExport.export.nodeLinkJSON(), file: "sample.json", in: Self.golden) }
  @Test func csvNodes() { assertGolden(SampleExport.export.csvNodes(), file: "sample.nodes.csv", in: Self.golden) }
  @Test func csvEdges() { assertGolden(SampleExport.export.csvEdges(), file: "sample.edges.csv", in: Self.golden) }
  @Test func dot() { assertGolden(SampleExport.export.dot(), file: "sample.dot", in: Self.golden) }
  @Test func vosviewer() { assertGolden(SampleExport.export.vosviewerJSON(), file: "sample.vosviewer.json", in: Self.golden) }

  @Test func textDispatchesToTheWriters() {
    let export = SampleExport.export
    #expect(export.text(.graphml) == export.graphML())
    #expect(export.text(.gexf) == export.gexf())
    #expect(export.text(.json) == export.nodeLinkJSON())
    #expect(export.text(.dot) == export.dot())
    #expect(export.text(.vosviewer) == export.vosviewerJSON())
  }
}
