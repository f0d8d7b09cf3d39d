#!/usr/bin/env bash
# The Spark part of the test suite (run by scripts/test.sh after `swift test`):
#  1. a virtual environment .venv-spark/ with pyspark 4.x (created once, reused);
#  2. the Spark tests (spark/tests, unittest) on local[2];
#  3. the same tests against a standalone master and two workers on 127.0.0.1 (spark/cluster.sh),
#     stopped by a trap whatever happens.
# Without Java or pyspark the tests are skipped with the reason, except when CI=true, where
# that is a failure. COAUTHOR_BIN (default .build/debug/coauthor) is Coauthor for the equality tests;
# paperlists equality (95k papers; algorithms on the driver, COAUTHOR_SPARK_LARGE=1: distributed) runs on local[2].
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${SPARK_VENV:-.venv-spark}
started=$(date +%s)

skip() {
  if [ "${CI:-}" = "true" ]; then
    echo "spark tests: FAILED to set up: $1 (CI=true requires them)" >&2
    exit 1
  fi
  echo "spark tests: SKIPPED: $1" >&2
  exit 0
}

command -v java >/dev/null 2>&1 || [ -n "${JAVA_HOME:-}" ] || skip "Java is missing (scripts/setup.sh installs default-jre-headless)"
if [ ! -x "$VENV/bin/python" ]; then
  echo "spark tests: creating $VENV" >&2
  python3 -m venv "$VENV" || skip "python3 -m venv failed (install python3-venv)"
fi
if ! "$VENV/bin/python" -c 'import pyspark' >/dev/null 2>&1; then
  echo "spark tests: installing pyspark into $VENV (about 70 s and 0.75 GB, once)" >&2
  "$VENV/bin/pip" install --quiet 'pyspark>=4,<5' || skip "pip install pyspark failed (no network or no PyPI?)"
fi
export PYSPARK_PYTHON="$PWD/$VENV/bin/python"
# Every JVM of the tests (driver, master, workers, executors) with the client JIT only and the
# serial collector: the jobs here are small and short, so the server compiler's and the parallel
# collector's threads cost more CPU than they save. Measured 2026-12-05 at load ~20: six job runs
# 104.4 -> 52.4 driver-JVM CPU s (session start 45.5 -> 21.8); the whole local[2] suite 176 -> 130
# CPU s and 911 -> 306 s wall. Results do not depend on the JIT; COAUTHOR_SPARK_JAVA_OPTIONS=
# (empty) runs the JVM defaults.
export JAVA_TOOL_OPTIONS="${JAVA_TOOL_OPTIONS:+$JAVA_TOOL_OPTIONS }${COAUTHOR_SPARK_JAVA_OPTIONS--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"
export COAUTHOR_REQUIRE_SPARK=1
# Spark's default 1 GB driver heap runs out on paperlists (95k papers) in local[2].
export COAUTHOR_SPARK_DRIVER_MEMORY=${COAUTHOR_SPARK_DRIVER_MEMORY:-3g}
export COAUTHOR_BIN=${COAUTHOR_BIN:-$PWD/.build/debug/coauthor}
export PYTHONPATH="$PWD/spark${PYTHONPATH:+:$PYTHONPATH}"
version=$("$VENV/bin/python" -c 'import pyspark; print(pyspark.__version__)')

echo "spark tests: pyspark $version, local[2]" >&2
COAUTHOR_SPARK_MASTER='local[2]' "$VENV/bin/python" -m unittest discover -s spark/tests -t spark/tests

echo "spark tests: standalone master + 2 workers on 127.0.0.1" >&2
trap 'bash spark/cluster.sh stop' EXIT INT TERM
url=$(bash spark/cluster.sh start)
# Everything ran on local[2] already; on the cluster (the driver here, executors in the workers)
# the made-up table's exact values and its equality with Coauthor (full and fractional counting)
# and GrQc's, to keep CI short. SPARK_CLUSTER_ALL=1 runs the whole suite there.
if [ "${SPARK_CLUSTER_ALL:-}" = 1 ]; then
  tests=(discover -s spark/tests -t spark/tests)
else
  tests=(test_job.TrickyTableTests test_equality.SmallEqualityTests.test_tricky_table_full
         test_equality.SmallEqualityTests.test_tricky_table_fractional test_equality.SmallEqualityTests.test_grqc_edge_list)
fi
PYTHONPATH="$PWD/spark/tests:$PYTHONPATH" COAUTHOR_SPARK_MASTER="$url" COAUTHOR_SPARK_EXECUTOR_MEMORY=768m \
  COAUTHOR_SPARK_SMALL_ONLY=1 "$VENV/bin/python" -m unittest "${tests[@]}"
echo "spark tests: passed on local[2] and on $url in $(( $(date +%s) - started )) s" >&2
