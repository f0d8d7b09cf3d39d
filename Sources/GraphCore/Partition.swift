/// An assignment of every node to a community.
///
/// The membership vector is **canonical**: communities are numbered 0, 1, 2, … in the order of
/// their smallest member, so two partitions with the same groups compare equal whatever labels
/// an algorithm used internally.
public struct Partition: Sendable, Equatable, Hashable, Codable {
  /// `membership[v]` is the community of node `v`, in `0 ..< communityCount`.
  public let membership: [Int32]
  /// The number of communities.
  public let communityCount: Int

  /// Builds a canonical partition from arbitrary integer labels.
  public init<S: Sequence>(labels: S) where S.Element: BinaryInteger {
    var map: [Int: Int32] = [:]
    var out: [Int32] = []
    for label in labels {
      let key = Int(label)
      if let c = map[key] {
        out.append(c)
      } else {
        let c = Int32(map.count)
        map[key] = c
        out.append(c)
      }
    }
    membership = out
    communityCount = map.count
  }

  /// Every node in its own community.
  public static func singletons(_ n: Int) -> Partition { Partition(labels: 0 ..< n) }

  @inlinable public subscript(node: NodeID) -> Int { Int(membership[node.index]) }

  public var nodeCount: Int { membership.count }

  /// The members of each community, communities in canonical order, members ascending.
  public var communities: [[NodeID]] {
    var groups = [[NodeID]](repeating: [], count: communityCount)
    for (v, c) in membership.enumerated() { groups[Int(c)].append(NodeID(v)) }
    return groups
  }

  /// Community sizes, indexed by community.
  public var sizes: [Int] {
    var s = [Int](repeating: 0, count: communityCount)
    for c in membership { s[Int(c)] += 1 }
    return s
  }
}
