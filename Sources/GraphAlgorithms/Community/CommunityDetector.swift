import GraphCore

/// An algorithm that splits the nodes of a graph into disjoint communities.
///
/// The result is a canonical ``Partition`` (communities numbered by their smallest member), so
/// two runs that find the same groups compare equal. Randomised detectors take a `seed` and are
/// deterministic for a given seed.
public protocol CommunityDetector: Sendable {
  /// The communities of `graph`; an empty graph gives an empty partition.
  func partition(of graph: Graph) throws(GraphError) -> Partition
}
