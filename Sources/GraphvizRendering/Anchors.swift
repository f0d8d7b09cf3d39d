// Anchor ids shared by the pictures (node links) and the report (profile sections), so a
// click on a circle lands on the right profile.

import Analysis

/// Turns a name into an anchor id: ASCII letters and digits kept (lowercased), other letters
/// and digits as `u` + hex code point (so `Iván` and `Ivan` differ and CJK names stay distinct),
/// anything else a single hyphen.
public func anchorID(_ prefix: String, _ text: String) -> String {
  var out = ""
  var lastHyphen = false
  for scalar in text.lowercased().unicodeScalars {
    if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
      out.unicodeScalars.append(scalar)
      lastHyphen = false
    } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
      out += "u" + String(scalar.value, radix: 16)
      lastHyphen = false
    } else if !lastHyphen && !out.isEmpty {
      out.append("-")
      lastHyphen = true
    }
  }
  while out.hasSuffix("-") { out.removeLast() }
  return prefix + "-" + (out.isEmpty ? "x" : out)
}

/// One unique anchor per name: ``anchorID(_:_:)``, with `-2`, `-3`, … added where two names
/// would share one. Built from the author network's labels, so report and pictures agree.
public struct PersonAnchors: Sendable {
  private var ids: [String: String] = [:]

  /// Names from this many up have their ``anchorID(_:_:)`` made in two halves at the same time.
  public static let parallelNames = 50_000

  /// The anchors of `names`, each numbered in the order of `names` (the first of two names
  /// with the same slug gets it plain).
  ///
  /// The slugs are made first, for large lists in two halves at the same time (`threads`: the
  /// thread budget, 0 = every processor; at a million names about a third of the time, the
  /// lowercasing and Unicode properties), then numbered one name after another, so the anchors
  /// do not depend on the thread count.
  public init(names: [String], threads: Int = 0) {
    let half = names.count / 2
    func slugs(_ part: ArraySlice<String>) -> [String] { part.map { anchorID("person", $0) } }
    // Neither closure throws, so `concurrently` does not either.
    let (first, second) = try! concurrently(
      threads: names.count >= Self.parallelNames ? threads : 1, { slugs(names[..<half]) }, { slugs(names[half...]) })
    var used = Set<String>()
    // Room up front: growing a hash table rehashes every entry again (a million names).
    ids.reserveCapacity(names.count)
    used.reserveCapacity(names.count)
    for (i, name) in names.enumerated() where ids[name] == nil {
      let base = i < half ? first[i] : second[i - half]
      var id = base
      var k = 2
      while !used.insert(id).inserted {
        id = "\(base)-\(k)"
        k += 1
      }
      ids[name] = id
    }
  }

  /// The anchor of `name`, or a plain slug for a name not in the list.
  public subscript(name: String) -> String { ids[name] ?? anchorID("person", name) }
}
