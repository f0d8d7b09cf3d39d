/// How the weight of a tag co-occurrence edge is computed from paper counts.
///
/// With *c*ᵢⱼ the number of papers carrying both tags *i* and *j*, and *s*ᵢ the number of papers
/// carrying tag *i* (its occurrences; ``Network/paperCounts``):
///
/// | case | weight of {*i*, *j*} | range |
/// |---|---|---|
/// | ``count`` | *c*ᵢⱼ | 1, 2, … |
/// | ``association`` | *c*ᵢⱼ / (*s*ᵢ *s*ⱼ) | (0, 1] |
/// | ``jaccard`` | *c*ᵢⱼ / (*s*ᵢ + *s*ⱼ − *c*ᵢⱼ) | (0, 1] |
///
/// Example: of 10 papers, 4 carry `x`, 2 carry `y` and 2 carry both: count 2, association
/// 2 / (4·2) = 0.25, Jaccard 2 / (4 + 2 − 2) = 0.5.
///
/// **Association strength** is the probabilistic similarity van Eck & Waltman (2009) recommend
/// for co-occurrence data, *S*_A = *c*ᵢⱼ / (*s*ᵢ *s*ⱼ), used here exactly, with **no scale
/// factor** and *s*ᵢ = papers carrying tag *i*. It is proportional to observed / expected
/// co-occurrences under independence (expected = *s*ᵢ *s*ⱼ / *N* for *N* papers), so multiplying by
/// *N* gives that ratio; a constant factor changes no ranking, community (modularity is scale
/// free) or layout, only the numbers `--min-weight` compares against. VOSviewer's own
/// "association strength" normalisation differs: it divides by total *link* strengths,
/// 2*m* *a*ᵢⱼ / (*k*ᵢ *k*ⱼ) with *k*ᵢ = Σⱼ *a*ᵢⱼ (Waltman, van Eck & Noyons 2010), so its values are
/// not ours.
///
/// **Jaccard** is the set-theoretic index: papers with both tags over papers with either.
///
/// ## References
/// - N. J. van Eck, L. Waltman. "How to normalize cooccurrence data? An analysis of some
///   well-known similarity measures." *JASIST* 60(8):1635–1651, 2009.
///   doi:[10.1002/asi.21075](https://doi.org/10.1002/asi.21075)
/// - L. Waltman, N. J. van Eck, E. C. M. Noyons. "A unified approach to mapping and clustering of
///   bibliometric networks." *Journal of Informetrics* 4(4):629–635, 2010.
///   doi:[10.1016/j.joi.2010.07.002](https://doi.org/10.1016/j.joi.2010.07.002)
public enum TagWeighting: String, Sendable, Codable, CaseIterable {
  /// Papers carrying both tags (raw co-occurrence count).
  case count
  /// Association strength *c*ᵢⱼ / (*s*ᵢ *s*ⱼ) (van Eck & Waltman 2009), unscaled.
  case association
  /// Jaccard index *c*ᵢⱼ / (*s*ᵢ + *s*ⱼ − *c*ᵢⱼ).
  case jaccard

  /// The weight of an edge whose tags co-occur on `both` papers and occur on `first` and
  /// `second` papers.
  /// - Precondition: 0 < `both` ≤ min(`first`, `second`).
  public func weight(both: Int, first: Int, second: Int) -> Double {
    precondition(both > 0 && both <= first && both <= second, "co-occurrences exceed occurrences")
    switch self {
    case .count: return Double(both)
    case .association: return Double(both) / (Double(first) * Double(second))
    case .jaccard: return Double(both) / Double(first + second - both)
    }
  }
}
