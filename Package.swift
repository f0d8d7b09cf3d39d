// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [.enableUpcomingFeature("MemberImportVisibility")]

let package = Package(
  name: "coauthor",
  products: [
    .executable(name: "coauthor", targets: ["coauthor"]),
    .library(name: "GraphCore", targets: ["GraphCore"]),
    .library(name: "GraphAlgorithms", targets: ["GraphAlgorithms"]),
    .library(name: "Bibliography", targets: ["Bibliography"]),
    .library(name: "Networks", targets: ["Networks"]),
    .library(name: "GraphvizRendering", targets: ["GraphvizRendering"]),
    .library(name: "Analysis", targets: ["Analysis"]),
    .library(name: "Reporting", targets: ["Reporting"]),
    .library(name: "Exporting", targets: ["Exporting"]),
    .library(name: "TextEscaping", targets: ["TextEscaping"]),
    .library(name: "TermExtraction", targets: ["TermExtraction"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
  ],
  targets: [
    .systemLibrary(
      name: "CGraphviz", pkgConfig: "libgvc",
      providers: [.apt(["libgraphviz-dev"]), .brew(["graphviz"])]),
    .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
    .target(name: "GraphCore", swiftSettings: strict),
    // One escaper per output language, after one rule for control and bidi characters.
    .target(name: "TextEscaping", swiftSettings: strict),
    // Release builds call libm's `sqrt` for `Double.squareRoot()`; without Foundation nothing else
    // links libm, so a Foundation-free executable (e.g. a benchmark) would fail to link on Linux.
    .target(
      name: "GraphAlgorithms", dependencies: ["GraphCore"], swiftSettings: strict,
      linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]),
    .target(name: "Bibliography", dependencies: ["CZlib"],
      exclude: ["Identity/Nicknames/License.txt", "Identity/Nicknames/SOURCE.md"], swiftSettings: strict),
    // Terms of titles and abstracts (VOSviewer-style text mining); plain Swift, no dependencies.
    .target(
      name: "TermExtraction", swiftSettings: strict,
      linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]),
    // GraphAlgorithms: `NetworkFilter` keeps the top nodes by a metric and the largest component.
    .target(name: "Networks", dependencies: ["GraphCore", "GraphAlgorithms", "Bibliography", "TermExtraction"], swiftSettings: strict),
    // The pipeline every command runs: inputs → networks → filters → metrics → communities.
    .target(
      name: "Analysis", dependencies: ["GraphCore", "GraphAlgorithms", "Bibliography", "Networks", "TermExtraction"],
      swiftSettings: strict),
    .target(
      name: "GraphvizRendering", dependencies: ["GraphCore", "GraphAlgorithms", "Networks", "Analysis", "CGraphviz", "TextEscaping"],
      swiftSettings: strict),
    .target(
      name: "Reporting",
      dependencies: ["GraphCore", "GraphAlgorithms", "Networks", "Bibliography", "Analysis", "GraphvizRendering", "TextEscaping"],
      swiftSettings: strict),
    .target(
      name: "Exporting", dependencies: ["GraphCore", "GraphAlgorithms", "Networks", "Bibliography", "Analysis", "TextEscaping"], swiftSettings: strict),
    .target(
      name: "CoauthorCLI",
      dependencies: [
        "GraphCore", "GraphAlgorithms", "Bibliography", "Networks", "Analysis", "GraphvizRendering", "Reporting",
        "Exporting", "TextEscaping", "TermExtraction",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strict),
    .executableTarget(
      name: "coauthor",
      dependencies: ["CoauthorCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")],
      swiftSettings: strict),

    // The benchmark driven by bench/run.sh (see bench/README.md); not a product, no extra dependency.
    .executableTarget(
      name: "benchmark", dependencies: ["GraphCore", "GraphAlgorithms"],
      path: "Examples/benchmark", swiftSettings: strict),

    .target(
      name: "TestSupport", dependencies: ["GraphCore", "GraphAlgorithms"], path: "Tests/TestSupport",
      exclude: ["generate_fixtures.py"],
      swiftSettings: strict),
    .testTarget(name: "GraphCoreTests", dependencies: ["GraphCore", "TestSupport"], swiftSettings: strict),
    .testTarget(
      name: "GraphAlgorithmsTests", dependencies: ["GraphCore", "GraphAlgorithms", "TestSupport"],
      exclude: [
        "Golden", "generate_structure_references.py", "generate_convergence_references.py",
        "generate_near_tie_references.py",
      ],
      swiftSettings: strict),
    .testTarget(
      name: "BibliographyTests", dependencies: ["Bibliography", "TestSupport"],
      resources: [.copy("Fixtures")], swiftSettings: strict),
    .testTarget(
      name: "NetworksTests", dependencies: ["Networks", "Bibliography", "GraphCore", "GraphAlgorithms", "TestSupport", "TermExtraction"],
      exclude: ["seed_reference.py", "filter_reference.py", "Fixtures", "Golden"], swiftSettings: strict),
    .testTarget(
      name: "AnalysisTests",
      dependencies: ["Analysis", "Networks", "Bibliography", "GraphCore", "GraphAlgorithms", "TestSupport", "TermExtraction"],
      exclude: ["Fixtures", "burst_reference.py"], swiftSettings: strict),
    .testTarget(
      name: "GraphvizRenderingTests",
      dependencies: ["GraphvizRendering", "Networks", "Bibliography", "GraphCore", "TestSupport", "TextEscaping"],
      exclude: ["Golden"], swiftSettings: strict),
    .testTarget(
      name: "ReportingTests",
      dependencies: [
        "Reporting", "Analysis", "GraphvizRendering", "Networks", "Bibliography", "GraphCore", "GraphAlgorithms", "TestSupport",
        "TextEscaping",
      ],
      exclude: ["Golden"], swiftSettings: strict),
    .testTarget(
      name: "ExportingTests",
      dependencies: ["Exporting", "Networks", "GraphCore", "GraphAlgorithms", "TestSupport", "TextEscaping"],
      exclude: ["Golden"], swiftSettings: strict),
    .testTarget(name: "TextEscapingTests", dependencies: ["TextEscaping"], swiftSettings: strict),
    .testTarget(name: "TermExtractionTests", dependencies: ["TermExtraction"], swiftSettings: strict),
    .testTarget(
      name: "CLITests", dependencies: ["CoauthorCLI", "Analysis", "GraphAlgorithms", "TestSupport"], exclude: ["export_roundtrip.py", "diff_check.py", "Fixtures", "Golden"],
      swiftSettings: strict),
  ]
)
