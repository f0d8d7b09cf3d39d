// The calls the benchmark times, one function per measured algorithm. The capability flags tell
// the driver (`bench/bench.py`) what the numbers mean; a function returning `nil` is reported as
// "n/a (not in Coauthor)".

import Foundation
import GraphAlgorithms
import GraphCore

enum Capabilities {
  static let betweennessSampling = true
  static let threads = true
  static let coreNumber = true
  static let clustering = true
  static let leiden = true
  /// The benchmark keeps its own dense-id loader (see `loadGraph`), by design.
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
  var measure = BetweennessCentrality(normalization: .pairs, weighted: false)
  measure.samples = samples
  measure.seed = seed
  measure.threads = threads
  return try measure.scores(for: graph)
}

/// Closeness (networkx `closeness_centrality`, Wasserman–Faust on disconnected graphs).
func closeness(_ graph: Graph, threads: Int) throws -> NodeScores {
  var measure = ClosenessCentrality(weighted: false)
  measure.threads = threads
  return try measure.scores(for: graph)
}

/// Harmonic centrality (networkx `harmonic_centrality`).
func harmonic(_ graph: Graph, threads: Int) throws -> NodeScores {
  var measure = HarmonicCentrality(weighted: false)
  measure.threads = threads
  return try measure.scores(for: graph)
}

/// Core number of every node (networkx `core_number`); nil until `CoreNumber` lands.
func coreNumber(_ graph: Graph, threads: Int) throws -> NodeScores? {
  try CoreNumber().scores(for: graph)
}

/// Local clustering coefficient (networkx `clustering`); nil until `ClusteringCoefficient` lands.
func localClustering(_ graph: Graph, threads: Int) throws -> NodeScores? {
  var measure = ClusteringCoefficient()
  measure.threads = threads
  return try measure.scores(for: graph)
}

/// Louvain at resolution 1.
func louvain(_ graph: Graph, seed: UInt64, threads: Int) throws -> Partition {
  try Louvain(resolution: 1, seed: seed).partition(of: graph)
}

/// Leiden optimising modularity at resolution 1; nil until `Leiden` lands.
func leiden(_ graph: Graph, seed: UInt64, threads: Int) throws -> Partition? {
  try Leiden(quality: .modularity, resolution: 1, seed: seed, threads: threads).partition(of: graph)
}

/// Loads a benchmark edge list written by `bench/prepare_graphs.py`: a first line
/// `# nodes N edges M …`, then one `u<TAB>v` line per edge with 0 ≤ u < v < N; when the header
/// has the word `weighted`, each line is `u<TAB>v<TAB>w` with a positive weight w. Returns the
/// graph and whether it is weighted.
///
/// Kept on purpose instead of the library's `EdgeListReader` (which numbers nodes by first
/// appearance): node ids stay equal to the peers' ids, so every library's membership vector is
/// scored by the same modularity function on the same node numbering. Loading is not timed.
func loadGraph(path: String) throws -> (Graph, Bool) {
  guard let data = FileManager.default.contents(atPath: path) else {
    throw BenchmarkError("cannot read \(path)")
  }
  return try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) throws -> (Graph, Bool) in
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
    let weighted = words.contains("weighted")
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
    func readWeight() -> Double? {
      while i < end && (bytes[i] == 32 || bytes[i] == 9) { i += 1 }
      var j = i
      while j < end && bytes[j] != 10 && bytes[j] != 13 && bytes[j] != 32 && bytes[j] != 9 { j += 1 }
      let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[i ..< j]), as: UTF8.self)
      i = j
      guard let w = Double(text), w > 0, w.isFinite else { return nil }
      return w
    }
    while let u = readInt() {
      guard let v = readInt(), u < n, v < n else { throw BenchmarkError("\(path): bad edge line near byte \(i)") }
      if weighted {
        guard let w = readWeight() else { throw BenchmarkError("\(path): missing or bad weight near byte \(i)") }
        builder.addEdge(u, v, weight: w)
      } else {
        builder.addEdge(u, v)
      }
    }
    guard builder.recordCount == m else {
      throw BenchmarkError("\(path): header says \(m) edges, read \(builder.recordCount)")
    }
    return (builder.build(), weighted)
  }
}

struct BenchmarkError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
