/// A small, fast, seedable pseudo-random number generator (SplitMix64).
///
/// Every randomised algorithm in the package takes a `seed` and draws from this generator, so
/// the same input and seed give the same output on every platform and Swift version (the system
/// generator cannot be seeded). The state is one `UInt64`; each call adds the golden-ratio
/// increment `0x9E3779B97F4A7C15` and returns a bijective mix of the new state.
///
///     var rng = SplitMix64(seed: 0)
///     rng.next()                          // 0xE220A8397B1DCDAF
///
/// Not cryptographically secure.
///
/// - Complexity: O(1) time and space per call.
///
/// ## References
/// - G. L. Steele Jr., D. Lea, C. H. Flood. "Fast Splittable Pseudorandom Number Generators."
///   *OOPSLA 2014*, 453–472.
///   doi:[10.1145/2714064.2660195](https://doi.org/10.1145/2714064.2660195)
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
  /// The current state; the next output is a function of `state &+ 0x9E3779B97F4A7C15`.
  @usableFromInline internal var state: UInt64

  /// Creates a generator whose first output is determined by `seed` alone.
  public init(seed: UInt64) { self.state = seed }

  /// Returns the next 64 pseudo-random bits.
  @inlinable
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform integer in `0 ..< bound`, by Lemire's multiply-and-reject method.
  ///
  /// Spelled out here (rather than using the standard library's `random(in:using:)`) so that the
  /// sequence of results is part of this package's contract and cannot change with the toolchain.
  /// - Precondition: `bound > 0`.
  @inlinable
  public mutating func next(below bound: UInt64) -> UInt64 {
    precondition(bound > 0, "bound must be positive")
    var product = next().multipliedFullWidth(by: bound)
    if product.low < bound {
      let threshold = (0 &- bound) % bound
      while product.low < threshold { product = next().multipliedFullWidth(by: bound) }
    }
    return product.high
  }

  /// A uniform `Double` in `[0, 1)` with 53 random bits.
  @inlinable
  public mutating func nextUnitInterval() -> Double { Double(next() >> 11) * 0x1p-53 }

  /// Shuffles `elements` in place (Fisher–Yates, from the back), using ``next(below:)``.
  @inlinable
  public mutating func shuffle<T>(_ elements: inout ContiguousArray<T>) {
    var i = elements.count
    while i > 1 {
      let j = Int(next(below: UInt64(i)))
      i -= 1
      elements.swapAt(i, j)
    }
  }
}
