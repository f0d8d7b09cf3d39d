#!/usr/bin/env bash
# One command for the whole benchmark: Coauthor vs igraph, NetworKit, networkx (+ leidenalg).
#
#   bench/run.sh [--quick] [--graphs a,b] [--metrics a,b] [--skip-networkx] [--skip-cli] [--force]
#
#   --quick          ca-GrQc only (unless --graphs), results in bench/.cache/results/quick/,
#                    report in bench/RESULTS.quick.md (a smoke run; numbers not for quoting)
#   --graphs a,b     any of ca-GrQc, ca-CondMat, newman-cond-mat, com-DBLP, paperlists (default: all)
#   --metrics a,b    only these (e.g. pagerank,eigenvector,louvain,leiden,leiden-best); the others
#                    keep their cached results, marked † when measured with an older build
#   --skip-networkx  leave networkx out (it is also skipped per metric where it would need > 10 min)
#   --skip-cli       leave out the `coauthor stats|rank|communities` timings on papers.tsv.gz
#   --force          measure the requested metrics again (otherwise finished ones are reused)
#   other options go to bench/bench.py (--threads, --samples K, --seed, --max-repeats,
#   --threshold 1e-9, --coauthor-tolerance E, ...)
#
# Creates bench/.venv (igraph, networkit, networkx, leidenalg) when missing, builds Coauthor in
# release mode, prepares the graphs once into bench/.cache/graphs/ and their PageRank/eigenvector
# references into bench/.cache/reference/, runs, and writes bench/RESULTS.md (or RESULTS.quick.md).
# Safe to rerun after an interruption. `bench/report.py --self-check` shows the accuracy gate.
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$BENCH")"
cd "$REPO"
DATA="${COAUTHOR_DATA:-$REPO/../shared/data}"
SCRATCH="${COAUTHOR_SCRATCH:-.build}"   # swift build --scratch-path
VENV="$BENCH/.venv"

quick=0
graphs=""
args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) quick=1; args+=("$1") ;;
    --graphs) graphs="$2"; args+=("$1" "$2"); shift ;;
    --graphs=*) graphs="${1#--graphs=}"; args+=("$1") ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) args+=("$1") ;;
  esac
  shift
done
if [[ -z "$graphs" ]]; then
  if [[ $quick == 1 ]]; then graphs="ca-GrQc"; else graphs="ca-GrQc,ca-CondMat,newman-cond-mat,com-DBLP,paperlists"; fi
fi

if [[ ! -d "$DATA" ]]; then
  echo "error: the shared data sets are not at $DATA" >&2
  echo "       (expected ../shared/data beside the repository, or set COAUTHOR_DATA=/path/to/data)" >&2
  exit 1
fi

DATA="$(cd "$DATA" && pwd)"

step() { printf '\n### %s\n' "$*"; }

step "Python environment ($VENV)"
if ! "$VENV/bin/python" -c 'import igraph, networkit, networkx, leidenalg, numpy, scipy' 2>/dev/null; then
  python3 -m venv "$VENV" || { echo "error: cannot create $VENV (on Debian/Ubuntu: apt-get install python3-venv)" >&2; exit 1; }
  "$VENV/bin/pip" install --quiet --upgrade pip
  "$VENV/bin/pip" install --quiet igraph networkit networkx leidenalg numpy scipy
fi
"$VENV/bin/python" -c 'import igraph, networkit, networkx, leidenalg; print("igraph", igraph.__version__, "| networkit", networkit.__version__, "| networkx", networkx.__version__, "| leidenalg", leidenalg.__version__)'

step "Building Coauthor (release, scratch path $SCRATCH)"
swift build -c release --scratch-path "$SCRATCH" --product benchmark
swift build -c release --scratch-path "$SCRATCH" --product coauthor
BIN="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)"

step "Preparing graphs ($graphs) into bench/.cache/graphs"
# ca-GrQc is always prepared: networkx's time budget is estimated from its ca-GrQc times.
"$VENV/bin/python" "$BENCH/prepare_graphs.py" --data "$DATA" --out "$BENCH/.cache/graphs" \
  $(echo "ca-GrQc,$graphs" | tr ',' '\n' | sort -u)

step "Running (finished runs are reused; interrupted ones resume)"
command="bench/run.sh${args[*]:+ ${args[*]}}"
"$VENV/bin/python" "$BENCH/bench.py" --data "$DATA" --benchmark-bin "$BIN/benchmark" \
  --coauthor-bin "$BIN/coauthor" --command "$command" ${args[@]+"${args[@]}"}

step "Report"
if [[ $quick == 1 ]]; then
  "$VENV/bin/python" "$BENCH/report.py" --results "$BENCH/.cache/results/quick" --out "$BENCH/RESULTS.quick.md"
else
  "$VENV/bin/python" "$BENCH/report.py" --results "$BENCH/.cache/results/full" --out "$BENCH/RESULTS.md"
fi
