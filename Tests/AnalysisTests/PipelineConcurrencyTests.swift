import Analysis
import Bibliography
import Dispatch
import Foundation
import GraphAlgorithms
import GraphCore
import Networks
import Synchronization
import Testing

/// The report pipeline uses both cores: the author network is analysed while the fellow and tag
/// networks are, and each network's communities are detected while its metrics are computed.
/// None of it may change a result.
@Suite("Pipeline: networks and communities at the same time")
struct PipelineConcurrencyTests {
  static let listing = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Examples/mats-research.txt").path

  struct Failure: Error, Equatable { var name: String }

  @Test func bothRunAtTheSameTime() throws {
    // Each side waits for the other's signal: run one after the other, the first would time out.
    let (a, b) = (DispatchSemaphore(value: 0), DispatchSemaphore(value: 0))
    let (x, y) = try concurrently(
      { () -> Bool in
        a.signal()
        return b.wait(timeout: .now() + 20) == .success
      },
      { () -> Bool in
        b.signal()
        return a.wait(timeout: .now() + 20) == .success
      })
    #expect(x && y)
  }

  /// `--threads 1`: the two closures run one after the other, both on the calling thread.
  @Test func oneThreadRunsOneAfterTheOther() throws {
    let caller = pthread_self()
    let firstDone = Atomic<Bool>(false)
    let (a, b) = try concurrently(
      threads: 1,
      { () -> (pthread_t, Bool) in
        usleep(50_000)  // long enough for a second thread to have started
        firstDone.store(true, ordering: .sequentiallyConsistent)
        return (pthread_self(), true)
      },
      { () -> (pthread_t, Bool) in (pthread_self(), firstDone.load(ordering: .sequentiallyConsistent)) })
    #expect(pthread_equal(a.0, caller) != 0)
    #expect(pthread_equal(b.0, caller) != 0)
    #expect(b.1, "the second closure started before the first had finished")
    // With two threads the second runs on a thread of its own.
    let (c, d) = try concurrently(threads: 2, { pthread_self() }, { pthread_self() })
    #expect(pthread_equal(c, caller) != 0)
    #expect(pthread_equal(d, caller) == 0)
  }

  /// libdispatch runs a `concurrentPerform` nested in another one serially; `concurrently` must
  /// not be one, or a nested `concurrently` (a network's communities beside its metrics, inside
  /// the networks run side by side) and the parallel measures inside it get one thread.
  @Test func nestedStillRunsAtTheSameTime() throws {
    let (outer, _) = try concurrently(
      threads: 2,
      { () throws -> Bool in
        let (a, b) = (DispatchSemaphore(value: 0), DispatchSemaphore(value: 0))
        let (x, y) = try concurrently(
          threads: 2,
          { () -> Bool in
            a.signal()
            return b.wait(timeout: .now() + 20) == .success
          },
          { () -> Bool in
            b.signal()
            return a.wait(timeout: .now() + 20) == .success
          })
        return x && y
      },
      { 0 })
    #expect(outer)
  }

  /// The pipeline passes its thread count on: with `threads = 1` a network's communities are
  /// detected after its metrics, on the same thread (the steps' order shows it).
  @Test func pipelineWithOneThreadRunsInOrder() throws {
    let corpus = try CorpusLoader().load([Self.listing])
    var pipeline = Pipeline.report
    pipeline.metricSettings.threads = 1
    let steps = Steps()
    _ = try pipeline.run(on: .corpus(corpus), progress: steps)
    let all = steps.all.map { "\($0.1?.rawValue ?? "-"): \($0.0)" }
    // Authors first, all of it but its community tags, then fellows, then tags, then the
    // authors' community tags (after both threads' work); communities after the last metric.
    let kinds = steps.all.compactMap(\.1)
    let beforeLast = Array(kinds.dropLast())
    #expect(beforeLast == beforeLast.sorted { Network.Kind.allCases.firstIndex(of: $0)! < Network.Kind.allCases.firstIndex(of: $1)! }, "\(all)")
    #expect(all.last == "authors: community tags", "\(all)")
    let authors = steps.of(.authors)
    let lastMetric = try #require(authors.lastIndex { Metric(rawValue: $0) != nil })
    let detection = try #require(authors.firstIndex { $0.hasPrefix("communities (") })
    #expect(detection > lastMetric, "\(authors)")
  }

  @Test func resultsAndErrorsInFixedOrder() throws {
    let (n, s) = try concurrently({ 6 * 7 }, { "forty-two" })
    #expect(n == 42 && s == "forty-two")
    // When both throw, the first one's error, however the two are timed.
    for delay in [0, 20_000] {
      #expect(throws: Failure(name: "first")) {
        _ = try concurrently(
          { () throws -> Int in
            usleep(UInt32(delay))
            throw Failure(name: "first")
          },
          { () throws -> Int in throw Failure(name: "second") })
      }
    }
    #expect(throws: Failure(name: "second")) { _ = try concurrently({ 1 }, { () throws -> Int in throw Failure(name: "second") }) }
  }

  /// Records every `finished` step, from any thread.
  ///
  /// Behind an `NSLock` (a pthread mutex), not `Synchronization.Mutex`: ThreadSanitizer cannot
  /// see `Mutex`'s hand-over on Linux when the lock is contended (the waiter sleeps in the kernel,
  /// see GraphAlgorithms' `PosixMutex`), and reports every access after one as a race; the
  /// pipeline's networks now finish steps on two threads at once often enough to hit it.
  final class Steps: PipelineProgress, @unchecked Sendable {
    // @unchecked: `steps` is only touched while holding `lock`.
    private let lock = NSLock()
    private var steps: [(String, Network.Kind?)] = []
    func begin(_ metric: Metric, network kind: Network.Kind) -> ProgressReporter { .none }
    func end(_ metric: Metric, network kind: Network.Kind) {}
    func finished(_ step: String, network kind: Network.Kind?) { lock.withLock { steps.append((step, kind)) } }
    func of(_ kind: Network.Kind) -> [String] { lock.withLock { steps.filter { $0.1 == kind }.map(\.0) } }
    /// Every step so far, in the order they finished.
    var all: [(String, Network.Kind?)] { lock.withLock { steps } }
  }

  @Test func threeNetworksAtOnceEqualEachAlone() throws {
    let corpus = try CorpusLoader().load([Self.listing])
    var pipeline = Pipeline.report
    pipeline.pathMetricNodeLimit = 10  // estimates too (sampled, seeded)
    let steps = Steps()
    let together = try pipeline.run(on: .corpus(corpus), progress: steps)
    #expect(together.networks.map(\.network.kind) == [.authors, .fellows, .tags])
    for kind in CorpusAnalysis.standardKinds {
      var alone = pipeline
      alone.graphs = [kind]
      let one = try #require(try alone.run(on: .corpus(corpus)).networks.first)
      let both = try together.network(kind)
      #expect(both.network.labels == one.network.labels)
      #expect(both.metrics == one.metrics, "\(kind)")
      #expect(both.components == one.components)
      #expect(both.communities?.detection == one.communities?.detection)
      #expect(both.communities?.communityOfNode == one.communities?.communityOfNode)
      #expect(both.communities?.list.map(\.members) == one.communities?.list.map(\.members))
      // Each network's steps arrive in order, whichever thread they come from.
      let order = steps.of(kind)
      #expect(order.first == "build")
      #expect(order.last == "community tags")
      #expect(order.contains { $0.hasPrefix("communities (") })
      #expect(order.filter { Metric(rawValue: $0) != nil } == pipeline.computedMetrics.map(\.rawValue).filter { order.contains($0) })
    }
  }

  @Test func sameResultWithOneThread() throws {
    let corpus = try CorpusLoader().load([Self.listing])
    var pipeline = Pipeline.report
    pipeline.pathMetricNodeLimit = 10
    let all = try pipeline.run(on: .corpus(corpus))
    pipeline.metricSettings.threads = 1
    let one = try pipeline.run(on: .corpus(corpus))
    for (a, b) in zip(all.networks, one.networks) {
      #expect(a.metrics == b.metrics)
      #expect(a.communities?.communityOfNode == b.communities?.communityOfNode)
    }
  }

  /// The report's pipeline with the terms graph and term labels: the terms are extracted while
  /// the author network is analysed (on the second thread, before the fellows and tags), and the
  /// author communities get their tags and term labels afterwards; nothing differs from a
  /// one-thread run.
  @Test func termsBesideTheAuthorNetwork() throws {
    let corpus = try CorpusLoader().load([Self.listing])
    var pipeline = Pipeline.report
    pipeline.graphs += [.terms]
    pipeline.labelsCommunitiesWithTerms = true
    pipeline.skipsTermsWithoutText = true
    let steps = Steps()
    let both = try pipeline.run(on: .corpus(corpus), progress: steps)
    pipeline.metricSettings.threads = 1
    let oneSteps = Steps()
    let one = try pipeline.run(on: .corpus(corpus), progress: oneSteps)
    #expect(both.networks.map(\.network.kind) == [.authors, .fellows, .tags, .terms])
    #expect(one.networks.map(\.network.kind) == [.authors, .fellows, .tags, .terms])
    #expect(both.termMap != nil)
    for (a, b) in zip(both.networks, one.networks) {
      #expect(a.network.labels == b.network.labels)
      #expect(a.metrics == b.metrics)
      #expect(a.communities?.list == b.communities?.list, "\(a.network.kind)")
    }
    let authorTerms = try #require(both[.authors]?.communities?.list.map(\.terms))
    #expect(authorTerms.contains { !$0.isEmpty }, "author communities are labelled with terms")
    // One thread: the author network first, then the term extraction, then the others.
    let order = oneSteps.all.map { "\($0.1?.rawValue ?? "-"): \($0.0)" }
    let extraction = try #require(order.firstIndex(of: "-: term extraction"))
    #expect(order[..<extraction].allSatisfy { $0.hasPrefix("authors: ") || $0 == "-: paper filter" }, "\(order)")
    // The author communities' tags and term labels after both (side by side; one thread here).
    #expect(order[(extraction + 1)...].allSatisfy { !$0.hasPrefix("authors: ") || $0 == "authors: community tags" }, "\(order)")
    #expect(order.suffix(2) == ["authors: community tags", "-: authors community term labels"], "\(order)")
    #expect(steps.all.contains { $0.0 == "term extraction" })
  }

  /// A terms graph asked for on papers without words is refused (``PipelineError/noTermText``),
  /// as before, although the author network is analysed at the same time.
  @Test func noTermTextIsStillRefused() throws {
    var corpus = try CorpusLoader().load([Self.listing])
    for i in corpus.papers.indices {
      corpus.papers[i].title = "1234"
      corpus.papers[i].abstract = nil
    }
    var pipeline = Pipeline.report
    pipeline.graphs += [.terms]
    #expect(throws: PipelineError.self) { _ = try pipeline.run(on: .corpus(corpus)) }
    do {
      _ = try pipeline.run(on: .corpus(corpus))
    } catch let error as PipelineError {
      guard case .noTermText = error else { Issue.record("\(error)"); return }
    }
    pipeline.skipsTermsWithoutText = true
    let result = try pipeline.run(on: .corpus(corpus))
    #expect(result.networks.map(\.network.kind) == [.authors, .fellows, .tags])
    #expect(result.termMap == nil)
  }

  /// The terms graph first: it needs the terms, so they are extracted before both threads start;
  /// the same route otherwise (terms network on the calling thread, the others beside it), and
  /// nothing differs from a one-thread run. Without text (and ``Pipeline/skipsTermsWithoutText``)
  /// the next network leads; a terms graph alone then gives no networks rather than a crash.
  @Test func termsGraphFirst() throws {
    let corpus = try CorpusLoader().load([Self.listing])
    var pipeline = Pipeline(graphs: [.terms, .authors, .tags], metrics: [.pagerank, .degree])
    let both = try pipeline.run(on: .corpus(corpus))
    pipeline.metricSettings.threads = 1
    let one = try pipeline.run(on: .corpus(corpus))
    #expect(both.networks.map(\.network.kind) == [.terms, .authors, .tags])
    #expect(both.termMap != nil)
    #expect(String(describing: both.termMap) == String(describing: one.termMap))
    for (a, b) in zip(both.networks, one.networks) {
      #expect(a.network.labels == b.network.labels)
      #expect(a.metrics == b.metrics)
      #expect(a.communities?.list == b.communities?.list, "\(a.network.kind)")
    }
    #expect((both[.terms]?.network.graph.nodeCount ?? 0) > 10)

    var wordless = corpus
    for i in wordless.papers.indices {
      wordless.papers[i].title = "1234"
      wordless.papers[i].abstract = nil
    }
    pipeline.metricSettings.threads = 0
    #expect(throws: PipelineError.self) { _ = try pipeline.run(on: .corpus(wordless)) }
    pipeline.skipsTermsWithoutText = true
    let skipped = try pipeline.run(on: .corpus(wordless))
    #expect(skipped.networks.map(\.network.kind) == [.authors, .tags])
    #expect(skipped.termMap == nil)
    #expect(skipped[.authors]?.network.labels == both[.authors]?.network.labels)
    pipeline.graphs = [.terms]
    let none = try pipeline.run(on: .corpus(wordless))
    #expect(none.networks.isEmpty)
    #expect(none.corpus.papers.count == wordless.papers.count)
  }
}
