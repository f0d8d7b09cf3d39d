#!/usr/bin/env bash
# PageRank speed against igraph PRPACK and against the memory-bandwidth bound (issue 14 part 3).
#
#   bench/pagerank/run.sh [ROUNDS]        (from the package root; default 3 rounds)
#
# Needs: the release benchmark (swift build -c release --product benchmark), a venv with igraph,
# numpy and scipy in $VENV (default /work/venv-pr; bench/.venv works too), and the graphs in
# bench/.cache/graphs (python3 bench/prepare_graphs.py --data ../shared/data --out
# bench/.cache/graphs ca-CondMat com-DBLP). Each round runs igraph then Coauthor on each graph, so
# both see the same machine load; take the minimum over rounds. Output: one JSON line per run.
# OLD=/path/to/benchmark also times an older build of the benchmark in each round, right before
# the current one (lines tagged "build": "old" / "new"; summarise.py prints the tag).
set -euo pipefail
ROUNDS=${1:-3}
VENV=${VENV:-/work/venv-pr}
G=bench/.cache/graphs
declare -A NODES=([ca-CondMat]=23133 [com-DBLP]=317080)
uptime
for round in $(seq "$ROUNDS"); do
  for g in ca-CondMat com-DBLP; do
    # igraph's PRPACK uses OpenMP; one thread is its fastest setting on this 2-core shared machine
    # (CPU time is what is compared) and what bench/ runs.
    echo "{\"round\": $round, \"graph\": \"$g\", \"igraph\": $(OMP_NUM_THREADS=1 "$VENV/bin/python" bench/pagerank/igraph_pagerank.py "$G/$g.bin" "${NODES[$g]}" "$G/$g.ref.f64" --repeats 5)}"
    if [ -n "${OLD:-}" ]; then
      echo "{\"round\": $round, \"graph\": \"$g\", \"build\": \"old\", \"coauthor\": $("$OLD" pagerank-speed --graph "$G/$g.tsv" --reference "$G/$g.ref.f64" --repeats 5 --power no)}"
      echo "{\"round\": $round, \"graph\": \"$g\", \"build\": \"new\", \"coauthor\": $(.build/release/benchmark pagerank-speed --graph "$G/$g.tsv" --reference "$G/$g.ref.f64" --repeats 5 --power no)}"
    else
      echo "{\"round\": $round, \"graph\": \"$g\", \"coauthor\": $(.build/release/benchmark pagerank-speed --graph "$G/$g.tsv" --reference "$G/$g.ref.f64" --repeats 5)}"
    fi
  done
done
uptime
