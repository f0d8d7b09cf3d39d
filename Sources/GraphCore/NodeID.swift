/// A dense, typed index of a node in a ``Graph``: `0 ..< graph.nodeCount`.
///
/// Node IDs are `Int32` so that adjacency arrays of large graphs stay small
/// (4 bytes per arc) and so that they cannot be confused with counts or edge IDs.
public struct NodeID: RawRepresentable, Hashable, Comparable, Sendable, Codable,
  ExpressibleByIntegerLiteral, CustomStringConvertible
{
  public var rawValue: Int32

  @inlinable public init(rawValue: Int32) { self.rawValue = rawValue }
  @inlinable public init(_ index: Int) { self.rawValue = Int32(index) }
  @inlinable public init(integerLiteral value: Int32) { self.rawValue = value }

  /// The node's position in arrays indexed by node.
  @inlinable public var index: Int { Int(rawValue) }

  @inlinable public static func < (lhs: NodeID, rhs: NodeID) -> Bool { lhs.rawValue < rhs.rawValue }
  public var description: String { "n\(rawValue)" }
}

/// A dense, typed index of an undirected edge in a ``Graph``: `0 ..< graph.edgeCount`.
public struct EdgeID: RawRepresentable, Hashable, Comparable, Sendable, Codable,
  ExpressibleByIntegerLiteral, CustomStringConvertible
{
  public var rawValue: Int32

  @inlinable public init(rawValue: Int32) { self.rawValue = rawValue }
  @inlinable public init(_ index: Int) { self.rawValue = Int32(index) }
  @inlinable public init(integerLiteral value: Int32) { self.rawValue = value }
  @inlinable public var index: Int { Int(rawValue) }

  @inlinable public static func < (lhs: EdgeID, rhs: EdgeID) -> Bool { lhs.rawValue < rhs.rawValue }
  public var description: String { "e\(rawValue)" }
}
