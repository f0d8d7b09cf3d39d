#!/usr/bin/env bash
# The diff benchmark of issue 15: `coauthor diff` of two ~100k-paper snapshots (paperlists up to
# 2023: 83,714 papers; up to 2024: 90,900), release build, wall-clock time of the whole command
# (read both, identity resolution over both, the authors pipeline twice: PageRank and Louvain,
# the diff, JSON to /dev/null). Target: under 5 s on the 2-core machine.
#
#   bash bench/diff/run.sh [runs]         # default 3 runs; prints each time and the load average
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
data=../shared/data/paperlists-papercopilot/papers.tsv.gz
cache=bench/.cache/diff
[ -f "$cache/upto-2024.tsv.gz" ] || python3 bench/diff/split_paperlists.py "$data" "$cache" 2023 2024
swift build -c release --product coauthor   # incremental: a stale binary would time old code
for i in $(seq "$runs"); do
  start=$(date +%s.%N)
  .build/release/coauthor diff "$cache/upto-2023.tsv.gz" "$cache/upto-2024.tsv.gz" --format json > /dev/null 2> "$cache/stderr.txt"
  end=$(date +%s.%N)
  printf 'run %d: %.2f s (load %s)\n' "$i" "$(echo "$end - $start" | bc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
done
