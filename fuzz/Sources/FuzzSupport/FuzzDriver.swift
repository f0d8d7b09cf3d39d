internal import CFuzzerDriver
import Foundation

/// Runs libFuzzer on one target function, with the process's command line as libFuzzer's
/// options (`-runs=`, `-max_total_time=`, corpus directories…).
public enum FuzzDriver {
  /// The callback libFuzzer calls once an input (`LLVMFuzzerTestOneInput`'s signature).
  public typealias Target = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

  /// Hands control to libFuzzer's driver and exits with its status.
  public static func run(_ target: Target) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    let status = withUnsafeMutablePointer(to: &argv) { argvPointer in
      LLVMFuzzerRunDriver(&argc, argvPointer, target)
    }
    exit(status)
  }
}
