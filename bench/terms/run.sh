#!/usr/bin/env bash
# Term extraction + terms graph on the 95,652 titles of paperlists (issue 17's speed check).
# Usage: bash bench/terms/run.sh [repeats]   (from the repository root, after
#   swift build -c release --product coauthor)
# Prints the per-step wall times of `coauthor stats` (COAUTHOR_TIMINGS=1): the steps
# "term extraction" and "build" of the terms network are what the check is about.
set -euo pipefail
bin=.build/release/coauthor
data=../shared/data/paperlists-papercopilot/papers.tsv.gz
for i in $(seq "${1:-3}"); do
  echo "== run $i: $(uptime | sed 's/.*load average/load average/')"
  COAUTHOR_TIMINGS=1 "$bin" rank "$data" --graph terms --metric degree --top 5 2>&1 >/dev/null \
    | grep -E "term extraction|build|load|terms:" || true
done
