#!/usr/bin/env bash
# A Spark standalone cluster on this machine: one master and two workers on 127.0.0.1
# (1 core and 1 GB each), for the Spark tests and benchmarks.
#   bash spark/cluster.sh start   # prints the master URL (spark://127.0.0.1:PORT)
#   bash spark/cluster.sh stop    # stops exactly the processes 'start' started (by pid)
# SPARK_HOME defaults to the pyspark of .venv-spark; state and logs go to $SPARK_CLUSTER_DIR
# (default .venv-spark/cluster). WORKER_MEMORY (default 1g) and WORKERS (default 2) change the size.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${SPARK_VENV:-.venv-spark}
DIR=${SPARK_CLUSTER_DIR:-$VENV/cluster}
if [ -z "${SPARK_HOME:-}" ]; then
  SPARK_HOME=$("$VENV/bin/python" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')
fi
export SPARK_HOME
export PYSPARK_PYTHON=${PYSPARK_PYTHON:-$PWD/$VENV/bin/python}
export SPARK_LOCAL_IP=127.0.0.1
class="$SPARK_HOME/bin/spark-class"

free_port() { "$VENV/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

stop() {
  [ -d "$DIR" ] || return 0
  for f in "$DIR"/*.pid; do
    [ -e "$f" ] || continue
    pid=$(cat "$f")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$f"
  done
  rm -f "$DIR/master-url"
}

start() {
  stop
  mkdir -p "$DIR"
  port=$(free_port)
  url="spark://127.0.0.1:$port"
  "$class" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" --webui-port "$(free_port)" \
    >"$DIR/master.log" 2>&1 &
  echo $! >"$DIR/master.pid"
  for _ in $(seq 1 300); do
    grep -q "I have been elected leader" "$DIR/master.log" 2>/dev/null && break
    kill -0 "$(cat "$DIR/master.pid")" 2>/dev/null || { cat "$DIR/master.log" >&2; echo "cluster: the master did not start" >&2; stop; exit 1; }
    sleep 0.2
  done
  for i in $(seq 1 "${WORKERS:-2}"); do
    mkdir -p "$DIR/work$i"
    "$class" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 --memory "${WORKER_MEMORY:-1g}" \
      --webui-port "$(free_port)" --work-dir "$PWD/$DIR/work$i" "$url" >"$DIR/worker$i.log" 2>&1 &
    echo $! >"$DIR/worker$i.pid"
  done
  for _ in $(seq 1 300); do
    [ "$(grep -c "Registering worker" "$DIR/master.log" || true)" -ge "${WORKERS:-2}" ] && break
    sleep 0.2
  done
  if [ "$(grep -c "Registering worker" "$DIR/master.log" || true)" -lt "${WORKERS:-2}" ]; then
    tail -20 "$DIR"/worker*.log >&2
    echo "cluster: the workers did not register within 60 s" >&2
    stop
    exit 1
  fi
  echo "$url" | tee "$DIR/master-url"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 64 ;;
esac
