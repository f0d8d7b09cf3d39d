import GraphCore

/// The outcome of ``Louvain/run(on:)``: the final partition and the hierarchy that led to it.
public struct LouvainResult: Sendable, Equatable {
  /// The partition of the last level (the coarsest), canonical.
  public var partition: Partition
  /// The partition of the original nodes after each level, finest first; the last equals
  /// ``partition`` (networkx `louvain_partitions`). Empty for an empty graph.
  public var levels: [Partition]
  /// The modularity of ``partition`` at the detector's resolution, computed on the input graph.
  public var modularity: Double

  public init(partition: Partition, levels: [Partition], modularity: Double) {
    self.partition = partition
    self.levels = levels
    self.modularity = modularity
  }
}
