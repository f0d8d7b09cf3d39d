/// How a paper with *n* authors contributes to the weight of each co-author pair.
public enum Counting: String, Sendable, Codable, CaseIterable {
  /// Every pair gets 1 per shared paper: weight = number of shared papers.
  case full
  /// Every pair gets 1/(*n*−1), so each author's total contribution per paper is 1
  /// (Newman 2001, "Scientific collaboration networks. II", doi:10.1103/PhysRevE.64.016132).
  case fractional

  func pairWeight(authors n: Int) -> Double {
    switch self {
    case .full: return 1
    case .fractional: return n > 1 ? 1 / Double(n - 1) : 0
    }
  }
}
