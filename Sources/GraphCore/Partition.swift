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
  /// - Complexity: O(*n*); labels in `0 ..< n` (the usual case) are mapped through an array,
  ///   others through a dictionary.
  public init<S: Sequence>(labels: S) where S.Element: BinaryInteger {
    // Concrete fast paths: the generic `Int(_:)` conversion is slow when not specialised.
    let values: [Int]
    if let array = labels as? [Int32] {
      values = array.map { Int($0) }
    } else if let array = labels as? ContiguousArray<Int32> {
      values = array.map { Int($0) }
    } else if let array = labels as? [Int] {
      values = array
    } else {
      values = labels.map { Int($0) }
    }
    let n = values.count
    var out = [Int32](repeating: 0, count: n)
    var count: Int32 = 0
    if values.allSatisfy({ $0 >= 0 && $0 < n }) {
      var map = [Int32](repeating: -1, count: n)
      for (v, key) in values.enumerated() {
        if map[key] < 0 {
          map[key] = count
          count += 1
        }
        out[v] = map[key]
      }
    } else {
      var map: [Int: Int32] = [:]
      for (v, key) in values.enumerated() {
        if let c = map[key] {
          out[v] = c
        } else {
          map[key] = count
          out[v] = count
          count += 1
        }
      }
    }
    membership = out
    communityCount = Int(count)
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
