import GraphCore

/// The outcome of ``Leiden/run(on:)``.
public struct LeidenResult: Sendable, Equatable {
  /// The communities found, canonical; every community is connected.
  public var partition: Partition
  /// The value of the optimised quality function (modularity or CPM, at the detector's
  /// resolution) of ``partition``, computed on the input graph.
  public var quality: Double
  /// The modularity of ``partition``: at the detector's resolution when the quality is
  /// modularity (then equal to ``quality``), at resolution 1 for CPM.
  public var modularity: Double
  /// The number of Leiden iterations run (the last one changed nothing, unless the
  /// `maxIterations` cap ran out first).
  public var iterations: Int
  /// Whether the last iteration left the partition unchanged (a fixed point of Leiden); false
  /// when `maxIterations` ran out first (the partition is then the last one found).
  public var converged: Bool

  public init(partition: Partition, quality: Double, modularity: Double, iterations: Int, converged: Bool = true) {
    self.partition = partition
    self.quality = quality
    self.modularity = modularity
    self.iterations = iterations
    self.converged = converged
  }
}
