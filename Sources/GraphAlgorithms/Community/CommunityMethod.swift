import GraphCore

/// A community detection method with its settings: the one place where a user's choice
/// (`--algorithm`, `--quality`, `--resolution`, `--seed`, `--restarts`, `--leiden-iterations`) becomes a configured
/// algorithm. Every
/// command that finds communities runs ``run(on:)``.
///
///     let result = try CommunityMethod(algorithm: .leiden, quality: .cpm, resolution: 0.05).run(on: graph)
public struct CommunityMethod: Sendable, Hashable, Codable {
  /// The algorithm family.
  public enum Algorithm: String, CaseIterable, Sendable, Hashable, Codable {
    /// ``Louvain`` (Blondel et al. 2008), with multilevel refinement.
    case louvain
    /// ``Leiden`` (Traag, Waltman & van Eck 2019): communities are guaranteed connected.
    case leiden
    /// ``LabelPropagation`` (Raghavan, Albert & Kumara 2007): fast, no quality function.
    case labelPropagation = "label-propagation"

    /// The name shown to people ("Louvain", "Leiden", "label propagation").
    public var displayName: String {
      switch self {
      case .louvain: "Louvain"
      case .leiden: "Leiden"
      case .labelPropagation: "label propagation"
      }
    }

    /// The reference cited in reports.
    public var citation: String {
      switch self {
      case .louvain: "Blondel et al. 2008"
      case .leiden: "Traag, Waltman and van Eck 2019"
      case .labelPropagation: "Raghavan, Albert and Kumara 2007"
      }
    }
  }

  public var algorithm: Algorithm
  /// The quality Leiden maximises; Louvain and label propagation use modularity only.
  public var quality: Leiden.Quality
  /// Resolution ≥ 0: for modularity, above 1 gives more, smaller communities; for CPM, the
  /// density a community must exceed.
  public var resolution: Double
  /// Seed for the node order; the same seed gives the same result.
  public var seed: UInt64
  /// Leiden only: independent converged runs combined by iterated core groups, the best kept
  /// (``Leiden/restarts``); at least 1 (default 1, a single run). Other algorithms take only 1.
  public var restarts: Int
  /// Leiden only: the cap on the iterations of each run (every restart, and each of the
  /// combination's runs: ``Leiden/maxIterations``), at least 1; `nil` (the default) runs each
  /// until it converges (Leiden's own safety cap of 1000 still applies). A capped run that runs
  /// out reports ``CommunityResult/converged`` false. `restarts: 4, leidenIterations: 5` is the
  /// best setting measured on com-DBLP (`bench/leiden/README.md`).
  public var leidenIterations: Int?

  public init(
    algorithm: Algorithm = .louvain, quality: Leiden.Quality = .modularity, resolution: Double = 1.0, seed: UInt64 = 0,
    restarts: Int = 1, leidenIterations: Int? = nil
  ) {
    self.algorithm = algorithm
    self.quality = quality
    self.resolution = resolution
    self.seed = seed
    self.restarts = restarts
    self.leidenIterations = leidenIterations
  }

  /// "Louvain", "Leiden (CPM)", "label propagation".
  public var name: String {
    algorithm == .leiden && quality == .cpm ? "Leiden (CPM)" : algorithm.displayName
  }

  /// "Louvain, resolution 1, seed 0": the method and every setting that changes its partition
  /// (label propagation has no resolution; Leiden's restarts are named when more than 1, its
  /// iteration cap when set: "Leiden, resolution 1, seed 0, 3 restarts, at most 10 iterations a run").
  public var summary: String {
    algorithm == .labelPropagation
      ? "\(name), seed \(seed)" : "\(name), resolution \(resolution.argumentText), seed \(seed)\(leidenText)"
  }

  /// ", 3 restarts" when ``restarts`` is more than 1, else empty: appended to a method's settings.
  public var restartsText: String {
    restarts > 1 ? ", \(restarts) restarts" : ""
  }

  /// ", at most 10 iterations a run" when ``leidenIterations`` is set, else empty ("a run": each
  /// restart and each run of their combination has that cap).
  public var iterationCapText: String {
    guard let leidenIterations else { return "" }
    return ", at most \(leidenIterations) iteration\(leidenIterations == 1 ? "" : "s") a run"
  }

  /// Leiden's settings beyond resolution and seed, as appended to a method's settings:
  /// ``restartsText`` then ``iterationCapText`` (", 3 restarts, at most 10 iterations a run"; empty
  /// for the defaults).
  public var leidenText: String { restartsText + iterationCapText }

  /// The communities of `graph` by this method.
  /// - Throws: ``GraphError`` for invalid settings or weights (from the algorithm), and
  ///   ``GraphError/invalidParameter(name:value:reason:)`` for `quality: .cpm` or `restarts` other
  ///   than 1 with an algorithm other than Leiden, and for `restarts < 1`; likewise for
  ///   `leidenIterations` below 1 or set with another algorithm.
  public func run(on graph: Graph) throws(GraphError) -> CommunityResult {
    if quality == .cpm && algorithm != .leiden {
      throw .invalidParameter(name: "quality", value: resolution, reason: "CPM is optimised by Leiden only")
    }
    if restarts < 1 {
      throw .invalidParameter(name: "restarts", value: Double(restarts), reason: "must be at least 1")
    }
    if restarts != 1 && algorithm != .leiden {
      throw .invalidParameter(name: "restarts", value: Double(restarts), reason: "restarts are a setting of Leiden only")
    }
    if let leidenIterations {
      if leidenIterations < 1 {
        throw .invalidParameter(name: "leidenIterations", value: Double(leidenIterations), reason: "must be at least 1")
      }
      if algorithm != .leiden {
        throw .invalidParameter(
          name: "leidenIterations", value: Double(leidenIterations), reason: "an iteration cap per run is a setting of Leiden only")
      }
    }
    switch algorithm {
    case .louvain:
      let r = try Louvain(resolution: resolution, seed: seed).run(on: graph)
      return CommunityResult(
        method: self, partition: r.partition, quality: r.modularity, modularity: r.modularity, iterations: r.levels.count)
    case .leiden:
      var leiden = Leiden(quality: quality, resolution: resolution, seed: seed, restarts: restarts)
      if let leidenIterations { leiden.maxIterations = leidenIterations }
      let r = try leiden.run(on: graph)
      return CommunityResult(
        method: self, partition: r.partition, quality: r.quality, modularity: r.modularity, iterations: r.iterations,
        converged: r.converged)
    case .labelPropagation:
      let r = try LabelPropagation(seed: seed).run(on: graph)
      let q = try Modularity(resolution: resolution).value(of: r.partition, in: graph)
      return CommunityResult(method: self, partition: r.partition, quality: q, modularity: q, iterations: r.iterations)
    }
  }
}

/// What a ``CommunityMethod`` found: the partition and how good it is.
public struct CommunityResult: Sendable, Equatable {
  /// The method and settings that produced this result.
  public var method: CommunityMethod
  /// The communities, canonical (numbered by smallest member).
  public var partition: Partition
  /// The value of the function the method optimised at its resolution: modularity, or CPM for
  /// Leiden with CPM; for label propagation (which optimises nothing) the modularity.
  public var quality: Double
  /// The modularity of ``partition``: at the method's resolution, except for CPM (resolution 1).
  public var modularity: Double
  /// Louvain: levels of coarsening; Leiden and label propagation: iterations run.
  public var iterations: Int
  /// Leiden: whether it stopped because its stopping rule held (false when its iteration cap,
  /// ``CommunityMethod/leidenIterations`` or the safety cap, ran out first; with restarts, that of
  /// the run kept); true for the other methods, which stop on their own rule.
  public var converged: Bool

  public init(
    method: CommunityMethod, partition: Partition, quality: Double, modularity: Double, iterations: Int,
    converged: Bool = true
  ) {
    self.method = method
    self.partition = partition
    self.quality = quality
    self.modularity = modularity
    self.iterations = iterations
    self.converged = converged
  }
}
