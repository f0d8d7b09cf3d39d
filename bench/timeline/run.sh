#!/usr/bin/env bash
# `coauthor timeline` and `coauthor timeline --bursts` on paperlists (95,652 papers), timed.
#
#   bench/timeline/run.sh [--corpus PATH] [--repeats N] [--skip-build]
#
# Builds the release `coauthor`, runs each command N times (default 3) with COAUTHOR_TIMINGS=1 and
# prints the timeline and burst-detection steps (wall and CPU seconds; loading the corpus is a
# separate step and not part of either). Exits non-zero when the best burst-detection wall time
# is 1 s or more (MAX_BURST_SECONDS) or the best timeline wall time 1 s or more
# (MAX_TIMELINE_SECONDS). A measurement, not a test: on a shared machine compare the CPU column.
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus=${COAUTHOR_DATA:-../shared/data}/paperlists-papercopilot/papers.tsv.gz
repeats=3
build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --corpus) corpus=$2; shift 2 ;;
    --repeats) repeats=$2; shift 2 ;;
    --skip-build) build=0; shift ;;
    -h|--help) sed -n 2,10p "$0"; exit 0 ;;
    *) echo "run.sh: unknown option '$1' (see --help)" >&2; exit 64 ;;
  esac
done
MAX_BURST_SECONDS=${MAX_BURST_SECONDS:-1}
MAX_TIMELINE_SECONDS=${MAX_TIMELINE_SECONDS:-1}
[ -s "$corpus" ] || { echo "run.sh: no corpus at $corpus (set COAUTHOR_DATA or --corpus)" >&2; exit 1; }
if [ "$build" = 1 ]; then swift build -c release --product coauthor >&2; fi
bin=$(swift build -c release --show-bin-path)/coauthor
[ -x "$bin" ] || { echo "run.sh: no release binary at $bin (run without --skip-build)" >&2; exit 1; }

best() { sort -g | head -1; }
log=$(mktemp)
trap 'rm -f "$log"' EXIT
timeline=(); bursts=()
for i in $(seq "$repeats"); do
  COAUTHOR_TIMINGS=1 "$bin" timeline "$corpus" 2> "$log" > /dev/null
  line=$(grep '^coauthor: timing: timeline' "$log"); echo "$line"
  timeline+=("$(sed -E 's/.*\) ([0-9.]+) s \(total.*/\1/' <<< "$line")")
  COAUTHOR_TIMINGS=1 "$bin" timeline "$corpus" --bursts 2> "$log" > /dev/null
  line=$(grep '^coauthor: timing: burst detection' "$log"); echo "$line"
  bursts+=("$(sed -E 's/.*\) ([0-9.]+) s \(total.*/\1/' <<< "$line")")
done
t=$(printf '%s\n' "${timeline[@]}" | best)
b=$(printf '%s\n' "${bursts[@]}" | best)
echo "best of $repeats: timeline $t s, burst detection $b s (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
awk -v t="$t" -v b="$b" -v mt="$MAX_TIMELINE_SECONDS" -v mb="$MAX_BURST_SECONDS" 'BEGIN {
  if (t >= mt) { print "run.sh: timeline took " t " s, limit " mt " s" > "/dev/stderr"; exit 1 }
  if (b >= mb) { print "run.sh: burst detection took " b " s, limit " mb " s" > "/dev/stderr"; exit 1 } }'
