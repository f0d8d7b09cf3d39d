// Coauthor's side of `bench/leiden/leiden_quality.py` (issue 14 part 3): Leiden on one weighted
// edge list, several seeds, each run timed alone, memberships written for shared scoring.
//
//   benchmark leiden-quality --graph bench/leiden/.cache/newman-cond-mat.tsv --out r.json \
//             --memberships DIR [--seeds 0,1,2] [--threads 1] [--max-iterations N|converged] \
//             [--stable 2] [--restarts 1] [--randomness θ] [--repeats 3] [--label coauthor-t1]
//
// The graph file is `# nodes N edges M` then `u<TAB>v[<TAB>w]` lines (w defaults to 1).

import Foundation
#if canImport(Glibc)
  import Glibc
#endif
import GraphAlgorithms
import GraphCore

/// CPU seconds used by this process so far (all threads): less noisy than wall time on a shared machine.
func processCPUSeconds() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

/// `benchmark leiden-quality …`; returns the exit status.
func runLeidenQuality() -> Int32 {
  do {
    var graphPath = "", out = "", memberships = "", label = "coauthor"
    var seeds: [UInt64] = [0], threads = 1, repeats = 1
    var stable = 2  // Leiden.stableIterations
    var restarts = 1  // Leiden.restarts
    var iterationSetting = "default"  // "default", "converged" or a number
    var randomness: Double? = nil  // Leiden.randomness (θ); nil: the library default
    var args = CommandLine.arguments.dropFirst(2)
    func value(_ name: String) throws -> String {
      guard let v = args.popFirst() else { throw BenchmarkError("\(name) needs a value") }
      return v
    }
    while let arg = args.popFirst() {
      switch arg {
      case "--graph": graphPath = try value(arg)
      case "--out": out = try value(arg)
      case "--memberships": memberships = try value(arg)
      case "--label": label = try value(arg)
      case "--seeds": seeds = try value(arg).split(separator: ",").compactMap { UInt64($0) }
      case "--threads": threads = Int(try value(arg)) ?? 1
      case "--repeats": repeats = max(1, Int(try value(arg)) ?? 1)
      case "--stable": stable = max(1, Int(try value(arg)) ?? 2)
      case "--restarts": restarts = max(1, Int(try value(arg)) ?? 1)
      case "--max-iterations":
        iterationSetting = try value(arg)
      case "--randomness":
        guard let theta = Double(try value(arg)), theta > 0, theta.isFinite else { throw BenchmarkError("--randomness needs a positive number") }
        randomness = theta
      default: throw BenchmarkError("unknown argument \(arg)")
      }
    }
    let (graph, _) = try loadGraph(path: graphPath)  // bench/leiden writes every graph with weights (1 on SNAP graphs)
    let clock = ContinuousClock()
    var runs: [[String: Any]] = []
    for seed in seeds {
      var times: [Double] = []
      var cpuTimes: [Double] = []
      var result: LeidenResult? = nil
      for _ in 0 ..< repeats {
        var detector = Leiden(seed: seed, stableIterations: stable, threads: threads, restarts: restarts)
        if let randomness { detector.randomness = randomness }
        if iterationSetting == "converged" {
          detector.maxIterations = nil
        } else if let cap = Int(iterationSetting) {
          detector.maxIterations = cap
        }
        let start = clock.now
        let cpuStart = processCPUSeconds()
        result = try detector.run(on: graph)
        times.append(seconds(clock.now - start))
        cpuTimes.append(processCPUSeconds() - cpuStart)
      }
      let r = result!
      var entry: [String: Any] = [
        "seed": seed, "seconds": times.min()!, "runs": times, "cpu_seconds": cpuTimes.min()!, "iterations": r.iterations,
        "own_modularity": r.modularity, "communities": r.partition.communityCount,
      ]
      if !memberships.isEmpty {
        let file = "\(memberships)/\(label)-seed\(seed).txt"
        try writeMembership(r.partition, to: file)
        entry["membership"] = file
      }
      runs.append(entry)
    }
    let json: [String: Any] = [
      "library": label, "threads": threads, "nodes": graph.nodeCount, "edges": graph.edgeCount,
      "max_iterations": iterationSetting, "stable_iterations": stable, "restarts": restarts, "runs": runs,
    ]
    try writeJSON(json, to: out)
    return 0
  } catch {
    FileHandle.standardError.write(Data("benchmark leiden-quality: \(error)\n".utf8))
    return 1
  }
}
