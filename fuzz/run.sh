#!/usr/bin/env bash
# Builds the libFuzzer targets (one a reader, see fuzz/README.md) and runs each for a given time.
#
#   fuzz/run.sh [--seconds N] [--max-len BYTES] [--no-build] [target…]
#
# Targets: listing json table bibtex ris dblp openalex edgelist aliases (default: all, in that
# order). Each runs for N seconds (default 60) on one core (libFuzzer in-process: no -jobs, no
# -workers), each input bounded by -timeout=10 s, -rss_limit_mb=2048 and -max_len (default
# 4096 bytes). The corpus grows in fuzz/corpus/<target>/ (gitignored) and is reused by the next
# run; the seeds are the committed fixtures, copied to .build-fuzz/seeds/<target>/ at each run.
# A crash, leak, timeout or out-of-memory input is written to fuzz/artifacts/<target>/ and the
# script exits 1 after running the remaining targets. Each run appends a line to
# fuzz/artifacts/runs.tsv (date, target, wall seconds, executions, executions per second, result).
#
# Quick smoke check: fuzz/run.sh --seconds 10
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
all=(listing json table bibtex ris dblp openalex edgelist aliases)
seconds=60
max_len=4096
build=1
targets=()
while (($#)); do
  case $1 in
    --seconds) seconds=$2; shift 2 ;;
    --max-len) max_len=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    *)
      if [[ " ${all[*]} " != *" $1 "* ]]; then echo "run.sh: unknown target '$1' (targets: ${all[*]})" >&2; exit 2; fi
      targets+=("$1"); shift ;;
  esac
done
((${#targets[@]})) || targets=("${all[@]}")

scratch=$root/.build-fuzz
fixtures=$root/Tests/BibliographyTests/Fixtures
mkdir -p "$scratch"
# fuzz/Package.swift reaches the parent package through this link (see the comment there).
ln -sfn .. "$scratch/coauthor"

if ((build)); then
  for t in "${targets[@]}"; do
    echo "== building fuzz-$t" >&2
    # Release (-O) with the checks Swift keeps in release (overflow, bounds, preconditions):
    # about ten times the executions per second of a debug build. -j 1: one core.
    (cd "$root/fuzz" && swift build -c release -j 1 -Xswiftc -sanitize=fuzzer,address \
      --scratch-path "$scratch" --product "fuzz-$t" 2>&1 | grep -E 'error|Compiling|Build of' >&2) || true
  done
fi
bin=$(cd "$root/fuzz" && swift build -c release --scratch-path "$scratch" --show-bin-path)

seed() {  # seed <target>: the committed fixtures for that reader
  case $1 in
    listing) echo "$root/Examples/mats-research.txt" "$fixtures"/listing-*.txt ;;
    json) echo "$fixtures/corpus.json" ;;
    table) echo "$fixtures/dblp2-excerpt.tsv" ;;
    bibtex) echo "$fixtures"/*.bib ;;
    ris) echo "$fixtures"/*.ris ;;
    dblp) echo "$fixtures"/*.xml ;;
    openalex) echo "$fixtures"/*.jsonl ;;
    edgelist) ;;  # gzip-compressed; decompressed below
    aliases) echo "$root/Examples/mats-aliases.tsv" "$fixtures/aliases.tsv" ;;
  esac
}

status=0
printf '%-9s %8s %12s %8s %7s  %s\n' target seconds executions exec/s corpus result
for t in "${targets[@]}"; do
  exe=$bin/fuzz-$t
  if [[ ! -x $exe ]]; then echo "run.sh: $exe was not built" >&2; status=1; continue; fi
  seeds=$scratch/seeds/$t corpus=$root/fuzz/corpus/$t artifacts=$root/fuzz/artifacts/$t
  rm -rf "$seeds"; mkdir -p "$seeds" "$corpus" "$artifacts"
  for f in $(seed "$t"); do cp "$f" "$seeds/"; done
  [[ $t == edgelist ]] && gunzip -c "$root/Tests/AnalysisTests/Fixtures/edges.txt.gz" >"$seeds/edges.txt"
  # A fixed dictionary of the format's keywords helps libFuzzer past string comparisons.
  dict=()
  [[ -f $root/fuzz/dictionaries/$t.dict ]] && dict=(-dict="$root/fuzz/dictionaries/$t.dict")
  log=$artifacts/last-run.log
  before=$(find "$artifacts" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
  started=$SECONDS
  set +e
  # SWIFT_BACKTRACE: Swift's own crash handler would race libFuzzer's (and can wait forever).
  SWIFT_BACKTRACE=enable=no LSAN_OPTIONS=suppressions=$root/fuzz/lsan.supp:print_suppressions=0 "$exe" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" \
    -print_final_stats=1 -artifact_prefix="$artifacts/" "${dict[@]}" "$corpus" "$seeds" >"$log" 2>&1
  code=$?
  set -e
  elapsed=$((SECONDS - started))
  after=$(find "$artifacts" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  result=ok
  if ((code != 0 || after > before)); then
    result="FAILED (exit $code): $(grep -m1 -E '^==[0-9]+==ERROR|^SUMMARY|Fatal error|deadly signal|ERROR: libFuzzer' "$log" || echo 'see log')"
    result+="; artifact: $( (ls -t "$artifacts"/{crash,leak,timeout,oom}-* 2>/dev/null || true) | head -1); log: $log"
    status=1
  fi
  units=$(find "$corpus" -type f | wc -l)
  printf '%-9s %8s %12s %8s %7s  %s\n' "$t" "$elapsed" "${execs:-?}" "${rate:-?}" "$units" "$result"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$t" "$elapsed" "${execs:-?}" "${rate:-?}" "$result" \
    >>"$root/fuzz/artifacts/runs.tsv"
done
exit $status
