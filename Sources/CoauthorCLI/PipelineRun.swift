import Analysis
import ArgumentParser
import GraphAlgorithms
import GraphCore
import Networks
import Synchronization

/// Builds the ``Pipeline`` a command's options stand for: the one place where the option
/// groups become the library value every command runs.
func makePipeline(
  graphs: [Network.Kind], counting: CountingOptions, filters: FilterOptions, metrics: [Metric] = [],
  compute: MetricSettings = MetricSettings(), pathMetricNodeLimit: Int? = nil, communities: CommunityMethod? = nil
) -> Pipeline {
  var pipeline = Pipeline(
    graphs: graphs, counting: counting.counting, sharedCollaborators: !counting.noSharedCollaborators,
    tagWeighting: filters.tagWeight, filter: filters.filter, metrics: metrics, metricSettings: compute,
    pathMetricNodeLimit: pathMetricNodeLimit, communities: communities)
  pipeline.terms = filters.termSettings
  if let weight = filters.termWeight { pipeline.termWeighting = weight }
  return pipeline
}

/// Loads the inputs and runs `pipeline` on them: data-quality summary and filter notes on
/// standard error, a progress bar per O(*nm*) metric, Ctrl-C cancels (exit 130), and a pipeline
/// that does not fit the input (a fellows graph from an edge list) is a usage error (exit 64).
/// - Parameter needsPapers: refuse an edge list (the report needs papers, fellows and tags).
func runPipeline(_ pipeline: Pipeline, input: InputOptions, filters: FilterOptions, needsPapers: Bool = false) throws -> AnalysisResult {
  StepTimings.shared.begin()
  MemoryRelease.mapLargeBlocks()
  let threads = pipeline.metricSettings.threads  // `--threads` reads too
  let loaded = try Interrupt.handling {
    needsPapers ? .corpus(try input.loadCorpus(threads: threads)) : try input.load(threads: threads)
  }
  StepTimings.shared.finished("load (read, identity resolution)")
  reportDiagnostics(loaded.diagnostics)
  // Handed over, not copied: the pipeline's paper filter then works in place.
  let result = try runPipeline(pipeline, on: consume loaded, filters: filters)
  filters.printNotes(result)
  for warning in result.warnings { printError("coauthor: warning: " + warning) }
  for note in result.estimateNotes { printError("coauthor: " + note) }
  for note in result.termNotes { printError("coauthor: " + note) }
  return result
}

/// ``runPipeline(_:input:filters:)`` on inputs already loaded, without the notes.
func runPipeline(
  _ pipeline: Pipeline, on loaded: consuming LoadedInput, filters: FilterOptions, progress: any PipelineProgress = TerminalPipelineProgress()
) throws -> AnalysisResult {
  try filters.requirePapers(loaded.hasPapers)
  var handedOver: LoadedInput? = consume loaded
  return try Interrupt.handling { try analysePipeline(pipeline, on: handedOver.take()!, progress: progress) }
}

/// The pipeline's run with its errors as the CLI reports them, without the Ctrl-C handling (the
/// caller wraps it in `Interrupt.handling`: `diff` runs two at once and says "interrupted" once).
func analysePipeline(_ pipeline: Pipeline, on loaded: consuming LoadedInput, progress: any PipelineProgress) throws -> AnalysisResult {
  do {
    return try pipeline.run(on: consume loaded, progress: progress)
  } catch let error as PipelineError {
    throw ValidationError(error.description)
  } catch let error as AnalysisError {
    throw CLIError(error.description)
  }
}

/// A terminal progress bar per metric (shown for the O(*nm*) metrics, which report progress).
/// The pipeline analyses the author network and the others at the same time, so calls come from
/// two threads: one bar is drawn at a time (a metric that starts while another's bar is shown
/// only checks for Ctrl-C), and each step's timing is measured within its own network.
final class TerminalPipelineProgress: PipelineProgress, @unchecked Sendable {
  private struct Bar {
    var progress: TerminalProgress
    var metric: Metric
    var kind: Network.Kind
  }
  private let bar = Mutex<Bar?>(nil)

  func begin(_ metric: Metric, network kind: Network.Kind) -> ProgressReporter {
    let drawn = TerminalProgress(label: metric.rawValue)
    let shown = bar.withLock { bar -> Bool in
      guard bar == nil else { return false }
      bar = Bar(progress: drawn, metric: metric, kind: kind)
      return true
    }
    return shown ? ProgressReporter(drawn.report) : ProgressReporter { _, _ in !Interrupt.requested }
  }

  func end(_ metric: Metric, network kind: Network.Kind) {
    let finished = bar.withLock { bar -> TerminalProgress? in
      guard let shown = bar, shown.metric == metric, shown.kind == kind else { return nil }
      bar = nil
      return shown.progress
    }
    finished?.finish()
  }

  func finished(_ step: String, network kind: Network.Kind?) {
    guard let kind else { return StepTimings.shared.finished(step) }
    // Community detection starts after a network's filters and runs beside its metrics.
    let detection = "\(kind.rawValue) communities"
    if step == "node and edge filters" { StepTimings.shared.mark(track: detection) }
    StepTimings.shared.finished("\(kind.rawValue): \(step)", network: step.hasPrefix("communities") ? detection : kind.rawValue)
  }
}
