import GraphCore

/// How an iterative centrality (``PageRank``, ``EigenvectorCentrality``) reached its answer.
///
/// ``errorBound`` bounds the L1 distance between the returned scores and the exact answer; each
/// measure documents how it is derived. The iteration stops as soon as `errorBound ≤ tolerance`.
///
///     let result = try PageRank().run(on: karateClub)   // weighted Zachary karate club
///     result.convergence   // Convergence(iterations: 24, errorBound: (≤ 1e-10), tolerance: 1e-10)
public struct Convergence: Sendable, Hashable, Codable {
  /// Matrix–vector products used (PageRank: over-relaxed Gauss–Seidel sweeps).
  public var iterations: Int
  /// An upper bound on `Σ_v |x_v − x*_v|`, the L1 error of the returned scores.
  public var errorBound: Double
  /// The L1 error bound that was asked for.
  public var tolerance: Double

  /// Eigenvector centrality only: set when the iteration stopped before its cap because the
  /// tolerance could not be reached within it (the residual was falling too slowly, or the
  /// tolerance would need a residual below double precision's reach): the largest eigenvalues
  /// are tied or nearly tied, and this is the residual reached, about the width of the window
  /// of eigenvalues next to the largest that were not separated. ``errorBound`` then bounds the
  /// distance to the space of their eigenvectors, not to one eigenvector (see
  /// ``EigenvectorCentrality``). `nil` otherwise.
  public var tieWidth: Double?

  public init(iterations: Int, errorBound: Double, tolerance: Double, tieWidth: Double? = nil) {
    self.iterations = iterations
    self.errorBound = errorBound
    self.tolerance = tolerance
    self.tieWidth = tieWidth
  }

  /// Whether the bound reached is within the tolerance asked for (false only for a result of
  /// `run(on:allowingUnconverged: true)` that ran out of iterations).
  public var isConverged: Bool { errorBound <= tolerance }
}

/// Scores of an iterative centrality together with how they were reached.
public struct IterativeScores: Sendable, Equatable {
  public var scores: NodeScores
  public var convergence: Convergence

  public init(scores: NodeScores, convergence: Convergence) {
    self.scores = scores
    self.convergence = convergence
  }
}

/// A centrality computed by iterating to an error bound (``PageRank``, ``EigenvectorCentrality``).
public protocol IterativeMeasure: CentralityMeasure {
  /// The scores and how they were reached; with `allowingUnconverged`, a cap that runs out
  /// returns the last iterate and the bound it reached instead of throwing.
  func run(on graph: Graph, allowingUnconverged: Bool) throws(GraphError) -> IterativeScores
}

extension PageRank: IterativeMeasure {}
extension EigenvectorCentrality: IterativeMeasure {}
