#!/usr/bin/env bash
# Builds the package and runs the whole test suite under AddressSanitizer (with LeakSanitizer)
# and/or ThreadSanitizer, each in its own scratch folder (.build-asan, .build-tsan), with the
# suppressions in scripts/sanitizers/ (system libraries only; each entry says why).
#
#   bash scripts/sanitizers.sh [address|thread|all] [extra `swift test` arguments…]
#
# The CLI tests run the `coauthor` binary of the same build (Tests/CLITests/CLIRunner.swift looks
# beside the test executable first), so the subprocesses are sanitized too. Every report, from
# the test process or from any `coauthor` subprocess, is written to a log file
# (`log_path`) and the run fails if any report was written: a test that expects a non-zero exit
# status cannot hide a sanitizer abort in the child. COAUTHOR_SANITIZER names the sanitizer for
# the few tests that cannot run under one (they skip with a message).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
which=${1:-all}
[ $# -gt 0 ] && shift
case "$which" in
  address | thread) sanitizers=("$which") ;;
  all) sanitizers=(address thread) ;;
  *) echo "usage: scripts/sanitizers.sh [address|thread|all] [swift test arguments…]" >&2; exit 2 ;;
esac

bash scripts/setup.sh
# The export round trip reads the exports back with networkx (as in scripts/test.sh).
if ! python3 -c 'import networkx' >/dev/null 2>&1; then
  echo "sanitizers: installing networkx" >&2
  python3 -m pip install --quiet networkx || python3 -m pip install --quiet --break-system-packages networkx
fi
export COAUTHOR_REQUIRE_NETWORKX=1

supp="$root/scripts/sanitizers"
status=0
for sanitizer in "${sanitizers[@]}"; do
  case "$sanitizer" in
    address) scratch=.build-asan ;;
    thread) scratch=.build-tsan ;;
  esac
  logs="$root/$scratch/sanitizer-logs"
  start=$(date +%s)
  echo "sanitizers: building with --sanitize=$sanitizer in $scratch" >&2
  swift build --build-tests --sanitize="$sanitizer" --scratch-path "$scratch"
  built=$(date +%s)
  rm -rf "$logs" && mkdir -p "$logs"
  run_status=0
  (
    export COAUTHOR_SANITIZER="$sanitizer"
    # Symbolized reports: the toolchain's llvm-symbolizer, when the PATH does not have one.
    if ! command -v llvm-symbolizer >/dev/null 2>&1; then
      symbolizer="$(dirname "$(readlink -f "$(command -v swift)")")/llvm-symbolizer"
      [ -x "$symbolizer" ] && export ASAN_SYMBOLIZER_PATH="$symbolizer" TSAN_SYMBOLIZER_PATH="$symbolizer"
    fi
    case "$sanitizer" in
      address)
        export ASAN_OPTIONS="suppressions=$supp/asan.supp:detect_leaks=1:log_path=$logs/asan:${ASAN_OPTIONS:-}"
        export LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0:${LSAN_OPTIONS:-}"
        ;;
      thread)
        # Keep going after a report so one run lists every race; the log check below fails the run.
        export TSAN_OPTIONS="suppressions=$supp/tsan.supp:halt_on_error=0:log_path=$logs/tsan:${TSAN_OPTIONS:-}"
        ;;
    esac
    swift test --skip-build --sanitize="$sanitizer" --scratch-path "$scratch" "$@"
  ) || run_status=$?
  end=$(date +%s)
  # Report files, not the "Suppressions used" summaries that a clean process may also write.
  reports=$(grep -l -E '^(==[0-9]+==ERROR: |WARNING: ThreadSanitizer|SUMMARY: )' -r "$logs" | sort || true)
  if [ -n "$reports" ]; then
    echo "sanitizers: $sanitizer wrote $(echo "$reports" | wc -l) report file(s):" >&2
    for file in $reports; do
      echo "==== $file" >&2
      cat "$file" >&2
    done
    [ "$run_status" -ne 0 ] || run_status=1
  fi
  echo "sanitizers: $sanitizer: build $((built - start)) s, tests $((end - built)) s, exit $run_status" >&2
  [ "$run_status" -eq 0 ] || status=1
done
exit $status
