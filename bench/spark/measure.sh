#!/usr/bin/env bash
# Issue 16 part 5's measurements, reproducible:
#   bash bench/spark/measure.sh [dblp|million|all]   (default all)
# On each data set, back to back so that their ratio means something on a shared machine:
#   1. Coauthor alone: `coauthor export INPUT --metrics degree,strength,pagerank` (release binary);
#   2. the Spark job on local[2] (driver heap COAUTHOR_SPARK_DRIVER_MEMORY, default 3g);
#   3. the job on a standalone master and two workers of 1 core and 1 GB (spark/cluster.sh),
#      executors of 768 MB.
# Each run: wall seconds and peak memory (bench/spark/measure.py: the largest sum of the resident
# sets of the whole process tree, i.e. Python driver + JVM, plus the master's and workers' trees
# with their executors for the standalone run), and the 1-minute load average at its start and
# end. One line per run is appended to bench/spark/measurements.tsv.
# RUNS: which of the three runs to make (default "coauthor local standalone"), e.g.
# RUNS=standalone bash bench/spark/measure.sh million for the one run still missing.
# HOLD_OTHERS=1: every process outside this script's tree and the cluster's is held at SCHED_IDLE
# while it runs (bench/idle_others.py; needs root), for a near-quiet figure on a shared machine.
# COAUTHOR_RELEASE: the release binary (default .build/release/coauthor, else
# /work/main/.build/release/coauthor); MILLION: the 1M-paper corpus (bench/million/make_corpus.py).
set -euo pipefail
cd "$(dirname "$0")/../.."
VENV=${SPARK_VENV:-.venv-spark}
DATA=${COAUTHOR_DATA:-../shared/data}
MILLION=${MILLION:-/work/million/papers.tsv.gz}
WORK=${BENCH_WORK:-/tmp/coauthor-spark-measure}
COAUTHOR=${COAUTHOR_RELEASE:-}
if [ -z "$COAUTHOR" ]; then
  COAUTHOR=.build/release/coauthor
  [ -x "$COAUTHOR" ] || COAUTHOR=/work/main/.build/release/coauthor
fi
which=${1:-all}
RUNS=${RUNS:-coauthor local standalone}
if [ "${HOLD_OTHERS:-0}" = 1 ]; then
  python3 bench/idle_others.py $$ "$PWD/${SPARK_CLUSTER_DIR:-${SPARK_VENV:-.venv-spark}/cluster}/*.pid" &
fi
mkdir -p "$WORK"
export PYSPARK_PYTHON="$PWD/$VENV/bin/python" PYTHONPATH="$PWD/spark"
export COAUTHOR_SPARK_DRIVER_MEMORY=${COAUTHOR_SPARK_DRIVER_MEMORY:-3g}
results=bench/spark/measurements.tsv
[ -f "$results" ] || printf 'date\tdata\trun\tseconds\tpeak_mb\tload_start\tload_end\tnodes\tedges\tpagerank_iterations\talgorithms\n' >"$results"
CLUSTER_DIR=${SPARK_CLUSTER_DIR:-$VENV/cluster}

run() { # data name outdir cmd…
  local data=$1 name=$2 out=$3; shift 3
  local load0 load1 secs mb nodes="" edges="" iters="" algo="" pids=()
  rm -f "$WORK/measure.txt"
  load0=$(cut -d' ' -f1 /proc/loadavg)
  if [ "$name" = spark-standalone2 ]; then
    for f in "$CLUSTER_DIR"/*.pid; do pids+=(--pids-from "$f"); done
  fi
  "$VENV/bin/python" bench/spark/measure.py --out "$WORK/measure.txt" "${pids[@]}" -- "$@" >"$WORK/$data.$name.log" 2>&1 ||
    { tail -20 "$WORK/$data.$name.log" >&2; echo "measure: $name on $data failed" >&2; }
  read -r secs mb <"$WORK/measure.txt"
  load1=$(cut -d' ' -f1 /proc/loadavg)
  if [ -f "$out/summary.csv" ]; then
    nodes=$(grep '^nodes,' "$out/summary.csv" | cut -d, -f2); edges=$(grep '^edges,' "$out/summary.csv" | cut -d, -f2)
    iters=$(grep '^pagerank_iterations,' "$out/summary.csv" | cut -d, -f2); algo=$(grep '^algorithms,' "$out/summary.csv" | cut -d, -f2)
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$data" "$name" "$secs" "$mb" "$load0" "$load1" \
    "$nodes" "$edges" "$iters" "$algo" | tee -a "$results"
}

bench() { # data input
  local data=$1 input=$2
  case " $RUNS " in *" coauthor "*|*" local "*|*" standalone "*) ;; *) echo "measure: RUNS='$RUNS' names none of coauthor, local, standalone" >&2; exit 64 ;; esac
  rm -rf "$WORK/$data".*
  [[ " $RUNS " != *" coauthor "* ]] || run "$data" coauthor none "$COAUTHOR" export "$input" --output "$WORK/$data.coauthor.csv" --metrics degree,strength,pagerank --no-communities
  [[ " $RUNS " != *" local "* ]] || run "$data" spark-local2 "$WORK/$data.local" "$VENV/bin/python" -m coauthor_spark "$input" --output "$WORK/$data.local" \
    --master 'local[2]' --partitions 4 --quiet
  [[ " $RUNS " == *" standalone "* ]] || return 0
  trap 'bash spark/cluster.sh stop >/dev/null' EXIT
  url=$(bash spark/cluster.sh start)
  COAUTHOR_SPARK_EXECUTOR_MEMORY=768m run "$data" spark-standalone2 "$WORK/$data.cluster" "$VENV/bin/python" -m coauthor_spark \
    "$input" --output "$WORK/$data.cluster" --master "$url" --partitions 4 --quiet
  bash spark/cluster.sh stop >/dev/null
  trap - EXIT
}

if [ "$which" = dblp ] || [ "$which" = all ]; then bench com-DBLP "$DATA/snap-com-DBLP/dblp.csv.gz"; fi
if [ "$which" = million ] || [ "$which" = all ]; then bench million "$MILLION"; fi
