// Anchor ids shared by the pictures (node links) and the report (profile sections), so a
// click on a circle lands on the right profile.

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

  public init(names: [String]) {
    var used = Set<String>()
    // Room up front: growing a hash table rehashes every entry again (a million names).
    ids.reserveCapacity(names.count)
    used.reserveCapacity(names.count)
    for name in names where ids[name] == nil {
      let base = anchorID("person", name)
      var id = base
      var k = 2
      while used.contains(id) {
        id = "\(base)-\(k)"
        k += 1
      }
      used.insert(id)
      ids[name] = id
    }
  }

  /// The anchor of `name`, or a plain slug for a name not in the list.
  public subscript(name: String) -> String { ids[name] ?? anchorID("person", name) }
}
