// PageRank speed against the memory-bandwidth bound (issue 14 part 3), driven by
// bench/pagerank/run.sh:
//
//   benchmark pagerank-speed --graph bench/.cache/graphs/com-DBLP.tsv \
//       --reference bench/.cache/graphs/com-DBLP.ref.f64 [--repeats 5] [--tolerances 1e-9,1e-10] \
//       [--threads 1,2] [--power yes|no]
//
// Two times per run, each the fastest of the repeats: the process's CPU time (all its threads;
// on a shared machine wall time also counts other processes' turns) and the wall time (the
// user's wait; with 2 threads the twin search runs beside the renumbering).
// Prints one JSON object: the machine's bandwidth measured in the same run (STREAM-like read and
// triad kernels over 64 MB arrays, 8× the L3, bytes per CPU second), then for each tolerance and
// thread count the fastest of `--repeats` runs of `PageRank(damping: 0.85, weighted: false,
// tolerance:)`, its sweeps, its error bound, its L1 error against the reference (a power
// iteration to an L1 change < 1e-14, written by bench/pagerank/igraph_pagerank.py), the CPU time
// per sweep ((full − capped at 1 sweep)/(sweeps − 1), so the one-off setup is left out) and the
// byte-model bound per sweep (bytes / read bandwidth). It fails if the thread counts give
// different scores (they must be bit-identical). A plain power iteration (the kernel PageRank
// used before Gauss–Seidel) is timed beside it unless `--power no`.

import Foundation
import GraphAlgorithms
import GraphCore

private let clock = ContinuousClock()

/// This process's CPU time in seconds, all threads (on a shared machine, wall time includes other
/// processes' turns; CPU time does not).
func cpuSeconds() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

/// The value, the wall time and the CPU time of `body`.
private func timed<T>(_ body: () throws -> T) rethrows -> (T, Double, Double) {
  let start = clock.now
  let cpu = cpuSeconds()
  let value = try body()
  return (value, seconds(clock.now - start), cpuSeconds() - cpu)
}

/// The value and the CPU time of `body`.
private func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
  let (value, _, cpu) = try timed(body)
  return (value, cpu)
}

/// Read bandwidth (bytes/s): sum of a 64 MB array, best of `repeats`. Also used by the main
/// benchmark's PageRank entry (main.swift).
func readBandwidth(repeats: Int) -> Double {
  let count = 1 << 23
  let a = [Double](repeating: 1, count: count)
  var best = Double.infinity
  var sink = 0.0
  for _ in 0 ..< repeats {
    let (s, t) = time { () -> Double in
      a.withUnsafeBufferPointer { p in
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
        var i = 0
        while i < count {
          s0 += p[i]; s1 += p[i + 1]; s2 += p[i + 2]; s3 += p[i + 3]
          i += 4
        }
        return s0 + s1 + s2 + s3
      }
    }
    sink += s
    best = min(best, t)
  }
  precondition(sink > 0)
  return Double(count * 8) / best
}

/// STREAM triad `a[i] = b[i] + 3 c[i]` over 64 MB arrays (24 B per element, STREAM's count).
func triadBandwidth(repeats: Int) -> Double {
  let count = 1 << 23
  var a = [Double](repeating: 0, count: count)
  let b = [Double](repeating: 1, count: count)
  let c = [Double](repeating: 2, count: count)
  var best = Double.infinity
  for _ in 0 ..< repeats {
    let t = time {
      a.withUnsafeMutableBufferPointer { a in
        b.withUnsafeBufferPointer { b in
          c.withUnsafeBufferPointer { c in
            for i in 0 ..< count { a[i] = b[i] + 3 * c[i] }
          }
        }
      }
    }.1
    best = min(best, t)
  }
  precondition(a[count - 1] == 7)
  return Double(count * 24) / best
}

/// The power iteration PageRank used before (Jacobi, pull form, unweighted), to the same
/// a-posteriori bound α/(1 − α)‖x_k − x_{k−1}‖₁ ≤ tolerance, for comparison.
private func powerIteration(_ graph: Graph, tolerance: Double) -> ([Double], Int) {
  let n = graph.nodeCount, d = 0.85
  let uniform = 1 / Double(n)
  var inverse = [Double](repeating: 0, count: n)
  for v in 0 ..< n {
    let k = graph.degree(of: NodeID(v))
    inverse[v] = k > 0 ? 1 / Double(k) : 0
  }
  var x = [Double](repeating: uniform, count: n)
  var next = [Double](repeating: 0, count: n)
  var iterations = 0
  graph.adjacencyOffsets.withUnsafeBufferPointer { offsets in
    graph.adjacencyTargets.withUnsafeBufferPointer { targets in
      while iterations < 1000 {
        var dangling = 0.0
        x.withUnsafeBufferPointer { x in
          next.withUnsafeMutableBufferPointer { next in
            for v in 0 ..< n {
              var s = 0.0
              for a in offsets[v] ..< offsets[v + 1] {
                let u = Int(targets[a])
                s += x[u] * inverse[u]
              }
              next[v] = s
              if inverse[v] == 0 { dangling += x[v] }
            }
          }
        }
        var change = 0.0
        let base = d * dangling * uniform + (1 - d) * uniform
        for v in 0 ..< n {
          let value = d * next[v] + base
          change += abs(value - x[v])
          next[v] = value
        }
        swap(&x, &next)
        iterations += 1
        if d / (1 - d) * change <= tolerance { return }
      }
    }
  }
  return (x, iterations)
}

private func l1(_ a: [Double], _ b: [Double]) -> Double {
  var s = 0.0
  for i in a.indices { s += abs(a[i] - b[i]) }
  return s
}

func pageRankSpeed(_ arguments: [String]) throws {
  var graphPath = "", referencePath = "", repeats = 5
  var tolerances = [1e-9, 1e-10]
  var threadCounts = [1, 2]
  var withPower = true
  var args = arguments[...]
  while let arg = args.popFirst() {
    guard let value = args.popFirst() else { throw BenchmarkError("\(arg) needs a value") }
    switch arg {
    case "--graph": graphPath = value
    case "--reference": referencePath = value
    case "--repeats": repeats = max(1, Int(value) ?? 5)
    case "--tolerances": tolerances = value.split(separator: ",").compactMap { Double($0) }
    case "--threads": threadCounts = value.split(separator: ",").compactMap { Int($0) }
    case "--power": withPower = value != "no"
    default: throw BenchmarkError("unknown argument \(arg)")
    }
  }
  let (graph, _) = try loadGraph(path: graphPath)
  guard let data = FileManager.default.contents(atPath: referencePath), data.count == graph.nodeCount * 8 else {
    throw BenchmarkError("\(referencePath): want \(graph.nodeCount) little-endian float64")
  }
  let reference = data.withUnsafeBytes { raw in (0 ..< graph.nodeCount).map { raw.loadUnaligned(fromByteOffset: $0 * 8, as: Double.self) } }
  let n = graph.nodeCount, arcs = graph.adjacencyTargets.count
  // Byte model of one unweighted sweep: 4 B target + 8 B gathered score per arc; per node 4 B
  // offset, 4 B lower degree, 8 B score read + 8 B written (the gathered scores counted as if
  // each came from memory, which the breadth-first numbering mostly avoids).
  let bytesPerSweep = Double(arcs * 12 + n * 24)

  let read = readBandwidth(repeats: 5)
  let triad = triadBandwidth(repeats: 5)
  var runs: [[String: Any]] = []
  for tolerance in tolerances {
    var results: [Int: IterativeScores] = [:]
    for threads in threadCounts {
      var measure = PageRank(damping: 0.85, weighted: false, tolerance: tolerance)
      measure.threads = threads
      var best = Double.infinity, bestWall = Double.infinity
      var result: IterativeScores? = nil
      for _ in 0 ..< repeats {
        let (r, wall, t) = try timed { try measure.run(on: graph) }
        best = min(best, t)
        bestWall = min(bestWall, wall)
        result = r
      }
      let r = result!
      results[threads] = r
      // Setup (renumbering, twins) plus one sweep: the cap of 1, best of the repeats.
      var capped = measure
      capped.maxIterations = 1
      var bestOne = Double.infinity, bestOneWall = Double.infinity
      for _ in 0 ..< repeats {
        let (_, wall, t) = try timed { try capped.run(on: graph, allowingUnconverged: true) }
        bestOne = min(bestOne, t)
        bestOneWall = min(bestOneWall, wall)
      }
      let perSweep = (best - bestOne) / Double(r.convergence.iterations - 1)
      runs.append([
        "method": "gauss-seidel", "threads": threads, "tolerance": tolerance, "min_cpu_seconds": best, "min_wall_seconds": bestWall,
        "sweeps": r.convergence.iterations, "error_bound": r.convergence.errorBound, "l1_error": l1(r.scores.values, reference),
        "seconds_per_sweep": perSweep, "setup_and_one_sweep_cpu_seconds": bestOne, "setup_and_one_sweep_wall_seconds": bestOneWall,
        "bound_seconds_per_sweep": bytesPerSweep / read, "ratio_to_bandwidth_bound": perSweep / (bytesPerSweep / read),
      ])
    }
    // The result does not depend on the thread count (bit for bit).
    if let first = results[threadCounts[0]] {
      for threads in threadCounts where results[threads] != first {
        throw BenchmarkError("PageRank with \(threads) threads differs from \(threadCounts[0]) thread(s)")
      }
    }
    if !withPower { continue }
    var bestPower = Double.infinity
    var power: ([Double], Int) = ([], 0)
    for _ in 0 ..< repeats {
      let (p, t) = time { powerIteration(graph, tolerance: tolerance) }
      bestPower = min(bestPower, t)
      power = p
    }
    runs.append([
      "method": "power", "tolerance": tolerance, "min_cpu_seconds": bestPower, "sweeps": power.1,
      "l1_error": l1(power.0, reference), "seconds_per_sweep": bestPower / Double(power.1),
    ])
  }
  let object: [String: Any] = [
    "graph": graphPath, "nodes": n, "arcs": arcs, "bytes_per_sweep": bytesPerSweep,
    "read_bandwidth_gbs": read / 1e9, "triad_bandwidth_gbs": triad / 1e9, "runs": runs,
  ]
  let json = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
  print(String(decoding: json, as: UTF8.self))
}
