import GraphCore

/// The outcome of ``Louvain/run(on:)``: the final partition and the hierarchy that led to it.
public struct LouvainResult: Sendable, Equatable {
  /// The final partition, canonical: the last level after the multilevel refinement of
  /// ``Louvain/refine`` (the last of ``levels`` itself when refinement is off).
  public var partition: Partition
  /// The partition of the original nodes after each level of coarsening, finest first, each a
  /// merge of the one before (networkx `louvain_partitions`); before refinement, so with
  /// ``Louvain/refine`` the last may differ from ``partition`` (whose modularity is at least
  /// as high). Empty for an empty graph.
  public var levels: [Partition]
  /// The modularity of ``partition`` at the detector's resolution, computed on the input graph.
  public var modularity: Double

  public init(partition: Partition, levels: [Partition], modularity: Double) {
    self.partition = partition
    self.levels = levels
    self.modularity = modularity
  }
}
