// Adapters between the benchmark and APIs that are still landing on other branches.
//
// Every place that must change when a branch lands is marked `ADAPTER(<branch>)`; grep for it.
// Until then each adapter returns `nil` (the runner reports the metric as
// "n/a (not yet in Coauthor)") or ignores a parameter the API does not take yet, and the
// capability flags below tell the driver (`bench/bench.py`) what the numbers mean.

import Foundation
import GraphAlgorithms
import GraphCore

enum Capabilities {
  /// ADAPTER(perf): set to true once `BetweennessCentrality` takes `samples:` and `seed:`.
  static let betweennessSampling = false
  /// ADAPTER(perf): set to true once the algorithms take a `threads:` parameter. While false,
  /// the driver runs Coauthor once (1 thread) and reports the N-thread column as "= 1 thread".
  static let threads = false
  /// ADAPTER(perf): set to true once `CoreNumber` exists.
  static let coreNumber = false
  /// ADAPTER(perf): set to true once `ClusteringCoefficient` exists.
  static let clustering = false
  /// ADAPTER(communities): set to true once `Leiden` exists.
  static let leiden = false
  /// ADAPTER(inputs): set to true once `loadGraph` uses the library's `EdgeListReader`.
  static let edgeListReader = false

  static var json: [String: Any] {
    [
      "betweennessSampling": betweennessSampling, "threads": threads, "coreNumber": coreNumber,
      "clustering": clustering, "leiden": leiden, "edgeListReader": edgeListReader,
    ]
  }
}

/// Betweenness normalised over unordered pairs (networkx `betweenness_centrality`).
/// `samples == nil` means exact; otherwise `samples` random sources (networkx `k=`, Brandes–Pich).
/// Returns nil when sampling was asked for but the API cannot sample yet.
func betweenness(_ graph: Graph, samples: Int?, seed: UInt64, threads: Int) throws -> NodeScores? {
  if let samples {
    guard Capabilities.betweennessSampling else { return nil }
    // ADAPTER(perf): replace the line below with the new API, e.g.
    //   return try BetweennessCentrality(normalization: .pairs, weighted: false,
    //                                    samples: samples, seed: seed, threads: threads).scores(for: graph)
    _ = (samples, seed)
  }
  // ADAPTER(perf): pass `threads: threads` here.
  return try BetweennessCentrality(normalization: .pairs, weighted: false).scores(for: graph)
}

/// Closeness (networkx `closeness_centrality`, Wasserman–Faust on disconnected graphs).
func closeness(_ graph: Graph, threads: Int) throws -> NodeScores {
  try ClosenessCentrality(weighted: false).scores(for: graph)  // ADAPTER(perf): threads
}

/// Harmonic centrality (networkx `harmonic_centrality`).
func harmonic(_ graph: Graph, threads: Int) throws -> NodeScores {
  try HarmonicCentrality(weighted: false).scores(for: graph)  // ADAPTER(perf): threads
}

/// Core number of every node (networkx `core_number`); nil until `CoreNumber` lands.
func coreNumber(_ graph: Graph, threads: Int) throws -> NodeScores? {
  guard Capabilities.coreNumber else { return nil }
  // ADAPTER(perf): return try CoreNumber().scores(for: graph)
  return nil
}

/// Local clustering coefficient (networkx `clustering`); nil until `ClusteringCoefficient` lands.
func localClustering(_ graph: Graph, threads: Int) throws -> NodeScores? {
  guard Capabilities.clustering else { return nil }
  // ADAPTER(perf): return try ClusteringCoefficient().scores(for: graph)
  return nil
}

/// Louvain at resolution 1.
func louvain(_ graph: Graph, seed: UInt64, threads: Int) throws -> Partition {
  // ADAPTER(communities): if the faster Louvain takes `threads:`, pass it here.
  try Louvain(resolution: 1, seed: seed).partition(of: graph)
}

/// Leiden optimising modularity at resolution 1; nil until `Leiden` lands.
func leiden(_ graph: Graph, seed: UInt64, threads: Int) throws -> Partition? {
  guard Capabilities.leiden else { return nil }
  // ADAPTER(communities): return try Leiden(resolution: 1, seed: seed).partition(of: graph)
  return nil
}

/// Loads a benchmark edge list written by `bench/prepare_graphs.py`: a first line
/// `# nodes N edges M …`, then one `u<TAB>v` line per edge with 0 ≤ u < v < N.
///
/// ADAPTER(inputs): TODO switch to the library's `EdgeListReader` (Networks) once it is on main,
/// and set `Capabilities.edgeListReader`. This minimal loader exists only so that the benchmark
/// runs today; it parses bytes directly and is not part of what is timed.
func loadGraph(path: String) throws -> Graph {
  guard let data = FileManager.default.contents(atPath: path) else {
    throw BenchmarkError("cannot read \(path)")
  }
  return try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) throws -> Graph in
    let bytes = raw.bindMemory(to: UInt8.self)
    var i = 0
    let end = bytes.count
    // Header: "# nodes N edges M"
    guard end > 0, bytes[0] == UInt8(ascii: "#") else { throw BenchmarkError("\(path): missing '# nodes N edges M' header") }
    var lineEnd = 0
    while lineEnd < end && bytes[lineEnd] != 10 { lineEnd += 1 }
    let header = String(decoding: UnsafeBufferPointer(rebasing: bytes[0 ..< lineEnd]), as: UTF8.self)
    let words = header.split(separator: " ")
    guard let ni = words.firstIndex(of: "nodes"), ni + 1 < words.count, let n = Int(words[ni + 1]),
      let mi = words.firstIndex(of: "edges"), mi + 1 < words.count, let m = Int(words[mi + 1])
    else { throw BenchmarkError("\(path): bad header '\(header)'") }
    i = lineEnd + 1
    var builder = GraphBuilder(nodeCount: n)
    builder.reserveCapacity(m)
    @inline(__always) func readInt() -> Int? {
      while i < end && (bytes[i] == 32 || bytes[i] == 9 || bytes[i] == 10 || bytes[i] == 13) { i += 1 }
      guard i < end else { return nil }
      var value = 0
      var digits = 0
      while i < end, bytes[i] >= 48, bytes[i] <= 57 {
        value = value * 10 + Int(bytes[i] - 48)
        i += 1
        digits += 1
      }
      return digits > 0 ? value : nil
    }
    while let u = readInt() {
      guard let v = readInt(), u < n, v < n else { throw BenchmarkError("\(path): bad edge line near byte \(i)") }
      builder.addEdge(u, v)
    }
    guard builder.recordCount == m else {
      throw BenchmarkError("\(path): header says \(m) edges, read \(builder.recordCount)")
    }
    return builder.build()
  }
}

struct BenchmarkError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
