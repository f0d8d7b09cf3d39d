import Foundation
import Testing

/// `--threads`, `--samples` and `--seed` on the built binary.
@Suite struct ComputeOptionTests {
  func rank(_ extra: [String]) throws -> CLI.Result {
    try CLI.run(["rank", Bundled.listing, "--metric", "betweenness", "--format", "json"] + extra)
  }

  /// Parallel betweenness merges per-chunk sums in a fixed order: any thread count, same bytes.
  @Test func threadCountDoesNotChangeTheOutput() throws {
    let one = try rank(["--threads", "1"])
    let two = try rank(["--threads", "2"])
    let all = try rank([])
    #expect(one.status == 0 && two.status == 0 && all.status == 0)
    #expect(one.stdout == two.stdout)
    #expect(one.stdout == all.stdout)
  }

  /// Sampling every node (K = n = 77) is exact betweenness, as in networkx.
  @Test func samplingEveryNodeIsExact() throws {
    let exact = try rank([])
    let sampled = try rank(["--samples", "77", "--seed", "5"])
    #expect(sampled.status == 0)
    #expect(sampled.stdout == exact.stdout)
  }

  /// A sample smaller than n gives an estimate that depends only on the seed.
  @Test func sampledBetweennessIsSeeded() throws {
    let a = try rank(["--samples", "20", "--seed", "1"])
    let b = try rank(["--samples", "20", "--seed", "1"])
    let c = try rank(["--samples", "20", "--seed", "2"])
    #expect(a.status == 0)
    #expect(a.stdout == b.stdout)
    #expect(a.stdout != c.stdout)
  }

  @Test func samplesNeedBetweenness() throws {
    let r = try CLI.run(["rank", Bundled.listing, "--metric", "pagerank", "--samples", "10"])
    #expect(r.status == 64)
    #expect(r.err.contains("Please use '--samples' only with '--metric betweenness'."))
  }
}
