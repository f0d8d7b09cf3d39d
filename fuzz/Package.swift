// swift-tools-version:6.1
// The libFuzzer campaign over every Coauthor reader (see README.md). A separate package so that
// the parent's `swift build` / `swift test` never build the fuzz targets, which only link when
// built with `-sanitize=fuzzer` (fuzz/run.sh does that): each one's `main` calls libFuzzer's
// `LLVMFuzzerRunDriver`.
//
// The parent is reached through the link `../.build-fuzz/coauthor -> ..` that run.sh makes: a
// path dependency's package identity is the last component of its path, and the worktree's own
// folder name varies (and may even be `fuzz`, the same as this package's).
import PackageDescription

let strict: [SwiftSetting] = [.enableUpcomingFeature("MemberImportVisibility")]

/// One executable a reader: `fuzz-<name>` in `Sources/fuzz-<name>/`.
let readers = ["listing", "json", "table", "bibtex", "ris", "dblp", "openalex", "edgelist", "aliases"]

let package = Package(
  name: "coauthor-fuzz",
  dependencies: [.package(path: "../.build-fuzz/coauthor")],
  targets: [
    .target(name: "CFuzzerDriver"),
    .target(
      name: "FuzzSupport", dependencies: ["CFuzzerDriver", .product(name: "Bibliography", package: "coauthor")],
      swiftSettings: strict)
  ]
    + readers.map { name in
      .executableTarget(
        name: "fuzz-\(name)",
        dependencies: [
          "FuzzSupport",
          .product(name: "Bibliography", package: "coauthor"),
          .product(name: "Networks", package: "coauthor"),
          .product(name: "Analysis", package: "coauthor"),
        ],
        swiftSettings: strict)
    }
)
