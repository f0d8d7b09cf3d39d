import Foundation

/// Distinct strings numbered in order of first sight: `id(of:)` gives a new string the next
/// number (0, 1, 2, …) and a known one its number, `find(_:)` only looks.
///
/// Identity resolution looks up every author slot (hundreds of thousands, most names repeating),
/// and a `[String: Int32]` hashes each lookup with a seeded SipHash; this table hashes the UTF-8
/// bytes with 64-bit FNV-1a, probes linearly in a power-of-two array of `UInt64` slots, each
/// holding an id and the upper half of its string's hash, and compares candidates by that half
/// first, then as strings (the same equality as `Dictionary`: canonically equivalent spellings
/// are one entry, as they are one `String` key). With a million names the slot array and the
/// strings are far larger than the caches, so each array read on a probe is a cache miss: the
/// hash kept in the slot itself saves the miss on a separate hash array (about a third of the
/// lookup time on the million-paper corpus).
///
///     var table = NameTable()
///     table.id(of: "Ada Lovelace")   // 0
///     table.id(of: "Alan Turing")    // 1
///     table.id(of: "Ada Lovelace")   // 0
///     table.find("Grace Hopper")     // nil
///     table[1]                       // "Alan Turing"
///
/// - Complexity: `id(of:)` and `find(_:)` O(*b*) for a string of *b* bytes, amortised (the slot
///   array doubles when half full); O(*n*) memory for *n* strings.
struct NameTable {
  /// The strings, by id.
  private(set) var strings: [String] = []
  private var hashes: [UInt64] = []
  /// Open addressing (``TaggedSlots``): the upper 32 bits of the hash and id + 1, or 0 for an
  /// empty slot.
  private var slots: [UInt64]

  /// A table sized for about `capacity` strings without growing.
  init(capacity: Int = 0) {
    var size = 64
    while size < capacity * 2 { size *= 2 }
    slots = [UInt64](repeating: 0, count: size)
    strings.reserveCapacity(capacity)
    hashes.reserveCapacity(capacity)
  }

  /// How many distinct strings the table holds.
  var count: Int { strings.count }

  subscript(id: Int32) -> String { strings[Int(id)] }

  /// The id of `string`, added as the next id when it is new.
  mutating func id(of string: String) -> Int32 {
    id(of: string, hash: Self.hash(string))
  }

  /// ``id(of:)`` with the string's ``hash(_:)`` computed by the caller (several threads can
  /// hash the strings of one pass beforehand; the numbering itself is one pass in order).
  mutating func id(of string: String, hash: UInt64) -> Int32 {
    let (slot, found) = locate(string, hash: hash)
    if let found { return found }
    let id = Int32(strings.count)
    strings.append(string)
    hashes.append(hash)
    slots[slot] = TaggedSlots.slot(id: Int(id), hash: hash)
    if strings.count * 2 > slots.count { slots = TaggedSlots.make(hashes: hashes, size: slots.count * 2) }
    return id
  }

  /// The id of `string`, or `nil` when the table does not hold it.
  func find(_ string: String) -> Int32? {
    locate(string, hash: Self.hash(string)).id
  }

  /// The slot holding `string` and its id, or the empty slot where it would go and `nil`.
  private func locate(_ string: String, hash: UInt64) -> (slot: Int, id: Int32?) {
    let mask = slots.count - 1
    let tag = TaggedSlots.tag(hash)
    var i = Int(truncatingIfNeeded: hash) & mask
    while true {
      let slot = slots[i]
      if slot == 0 { return (i, nil) }
      if slot & TaggedSlots.tagMask == tag {
        let s = TaggedSlots.entry(slot)
        if strings[s] == string { return (i, Int32(s)) }
      }
      i = (i + 1) & mask
    }
  }

  /// 64-bit FNV-1a of the UTF-8 bytes, finished with a multiply-shift mix so that the low bits
  /// (the slot) depend on every byte. Text with a non-ASCII byte is hashed in its NFC form, so
  /// that strings equal as `String`s (canonically equivalent: `é` as one scalar or two, the
  /// Kelvin sign and `K`) have one hash.
  static func hash(_ string: String) -> UInt64 {
    var (hash, ascii) = fnv(string)
    if !ascii { hash = fnv(string.precomposedStringWithCanonicalMapping).hash }
    hash ^= hash >> 32
    hash &*= 0x9E37_79B9_7F4A_7C15
    return hash ^ (hash >> 29)
  }

  private static func fnv(_ string: String) -> (hash: UInt64, ascii: Bool) {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    var high: UInt8 = 0
    let done: Bool? = string.utf8.withContiguousStorageIfAvailable { bytes in
      for b in bytes {
        high |= b
        hash = (hash ^ UInt64(b)) &* 0x0000_0100_0000_01B3
      }
      return true
    }
    if done == nil {
      for b in string.utf8 {
        high |= b
        hash = (hash ^ UInt64(b)) &* 0x0000_0100_0000_01B3
      }
    }
    return (hash, high < 0x80)
  }
}
