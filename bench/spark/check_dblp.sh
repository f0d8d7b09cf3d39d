#!/usr/bin/env bash
# The bench check of issue 16 part 4 on com-DBLP (317,080 nodes, 1,049,866 edges):
#   bash bench/spark/check_dblp.sh
# runs Coauthor (`export --metrics degree,strength,pagerank`) and the Spark job (local[2], its
# distributed algorithms: the graph is above --driver-limit) on ../shared/data/snap-com-DBLP/dblp.csv.gz
# and checks with compare.py that the edge tables, degrees, strengths and component partition are
# identical and that PageRank agrees within 1e-9 (L1, both converged to 1e-10). Exit 1 on a
# difference. The verdict is appended to bench/spark/equality.txt with the date and the load.
# COAUTHOR_BIN: the coauthor binary (default .build/release/coauthor, else .build/debug/coauthor);
# COAUTHOR_SPARK_DRIVER_MEMORY: the job's heap (default 3g); MASTER: default local[2].
set -euo pipefail
cd "$(dirname "$0")/../.."
VENV=${SPARK_VENV:-.venv-spark}
DATA=${COAUTHOR_DATA:-../shared/data}
WORK=${BENCH_WORK:-/tmp/coauthor-spark-check}
COAUTHOR=${COAUTHOR_BIN:-}
if [ -z "$COAUTHOR" ]; then
  COAUTHOR=.build/release/coauthor
  [ -x "$COAUTHOR" ] || COAUTHOR=.build/debug/coauthor
fi
input="$DATA/snap-com-DBLP/dblp.csv.gz"
[ -f "$input" ] || { echo "check_dblp: $input is absent" >&2; exit 2; }
[ -x "$COAUTHOR" ] || { echo "check_dblp: no coauthor binary at $COAUTHOR (swift build)" >&2; exit 2; }
mkdir -p "$WORK"
export PYSPARK_PYTHON="$PWD/$VENV/bin/python" PYTHONPATH="$PWD/spark"
export COAUTHOR_SPARK_DRIVER_MEMORY=${COAUTHOR_SPARK_DRIVER_MEMORY:-3g}
load=$(cut -d' ' -f1 /proc/loadavg)
start=$(date +%s)
"$COAUTHOR" export "$input" --output "$WORK/dblp.coauthor.csv" --metrics degree,strength,pagerank --no-communities
t1=$(date +%s)
"$VENV/bin/python" -m coauthor_spark "$input" --output "$WORK/dblp.job" --overwrite --master "${MASTER:-local[2]}" --partitions 4
t2=$(date +%s)
set +e
verdict=$("$VENV/bin/python" bench/spark/compare.py "$WORK/dblp.job" "$WORK/dblp.coauthor")
rc=$?
set -e
algorithms=$(grep '^algorithms,' "$WORK/dblp.job/summary.csv" | cut -d, -f2)
iterations=$(grep '^pagerank_iterations,' "$WORK/dblp.job/summary.csv" | cut -d, -f2)
load_end=$(cut -d' ' -f1 /proc/loadavg)
line="$(date -u +%FT%TZ) check_dblp ($algorithms algorithms, ${MASTER:-local[2]}, $iterations PageRank steps; coauthor $((t1 - start)) s, job $((t2 - t1)) s, 1-minute load $load at the start, $load_end at the end): $verdict"
echo "$line" | tee -a bench/spark/equality.txt
exit $rc
