#!/usr/bin/env bash
# Times the Spark job against Coauthor alone (bench/spark/README.md):
#   bash bench/spark/run.sh [dblp|million|all]   (default all)
# For each data set: `coauthor export` (release binary, degree/strength/PageRank + Louvain),
# the job on local[2], the job on a standalone master with two 1-core workers (spark/cluster.sh),
# each timed with /usr/bin/time (wall seconds, peak RSS of the driver / coauthor). On com-DBLP it
# then checks equality (edges, degrees, strengths, components, PageRank L1 <= 1e-9).
# Results are appended to bench/spark/results.tsv with the load average at the start.
set -euo pipefail
cd "$(dirname "$0")/../.."
VENV=${SPARK_VENV:-.venv-spark}
COAUTHOR=${COAUTHOR_RELEASE:-/work/main/.build/release/coauthor}
DATA=${COAUTHOR_DATA:-../shared/data}
MILLION=${MILLION:-/work/million/papers.tsv.gz}
WORK=${BENCH_WORK:-/tmp/coauthor-spark-bench}
which=${1:-all}
mkdir -p "$WORK"
export PYSPARK_PYTHON="$PWD/$VENV/bin/python" PYTHONPATH="$PWD/spark"
results=bench/spark/results.tsv
[ -f "$results" ] || printf 'date\tdata\trun\tseconds\tpeak_rss_mb\tload_1min\tnodes\tedges\tpagerank_iterations\n' >"$results"

timed() { # name data outdir cmd…
  local name=$1 data=$2 out=$3; shift 3
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f '%e %M' -o "$WORK/time.txt" "$@" >"$WORK/$name.log" 2>&1 || { tail -30 "$WORK/$name.log" >&2; return 1; }
  read -r secs kb <"$WORK/time.txt"
  local nodes="" edges="" iters=""
  if [ -f "$out/summary.csv" ]; then
    nodes=$(grep '^nodes,' "$out/summary.csv" | cut -d, -f2); edges=$(grep '^edges,' "$out/summary.csv" | cut -d, -f2)
    iters=$(grep '^pagerank_iterations,' "$out/summary.csv" | cut -d, -f2)
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$data" "$name" "$secs" "$((kb / 1024))" "$load" "$nodes" "$edges" "$iters" | tee -a "$results"
}

bench() { # data-name input
  local data=$1 input=$2
  rm -rf "$WORK/$data".*
  timed coauthor "$data" none "$COAUTHOR" export "$input" --output "$WORK/$data.coauthor.csv" --metrics degree,strength,pagerank
  timed spark-local2 "$data" "$WORK/$data.local" "$VENV/bin/python" -m coauthor_spark "$input" --output "$WORK/$data.local" --master 'local[2]' --partitions 8
  trap 'bash spark/cluster.sh stop >/dev/null' EXIT
  url=$(bash spark/cluster.sh start)
  COAUTHOR_SPARK_EXECUTOR_MEMORY=768m timed spark-standalone2 "$data" "$WORK/$data.cluster" "$VENV/bin/python" -m coauthor_spark "$input" --output "$WORK/$data.cluster" --master "$url" --partitions 8
  bash spark/cluster.sh stop >/dev/null
  trap - EXIT
}

if [ "$which" = dblp ] || [ "$which" = all ]; then
  bench com-DBLP "$DATA/snap-com-DBLP/dblp.csv.gz"
  "$VENV/bin/python" bench/spark/compare.py "$WORK/com-DBLP.local" "$WORK/com-DBLP.coauthor" | tee -a bench/spark/equality.txt
fi
if [ "$which" = million ] || [ "$which" = all ]; then
  bench million "$MILLION"
fi
