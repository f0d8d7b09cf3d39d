#!/usr/bin/env python3
"""igraph PRPACK PageRank timing and the tight reference vector, for bench/pagerank/run.sh.

    igraph_pagerank.py GRAPH.bin N REFERENCE_OUT.f64 [--repeats 5]

GRAPH.bin: the little-endian int32 (u, v) pairs written by bench/prepare_graphs.py (N nodes).
Writes the reference (power iteration, scipy sparse, until the L1 change < 1e-14; its L1 error is
then ≤ 0.85/0.15 · 1e-14 ≈ 6e-14) as N little-endian float64 to REFERENCE_OUT.f64 (computed once,
reused when the file exists), times `Graph.pagerank(damping=0.85)` (PRPACK) --repeats times and
prints one JSON line: min and all CPU (process) and wall times, PRPACK's L1 error against the reference, igraph version.
"""
import json
import os
import sys
import time

import igraph
import numpy as np
import scipy.sparse as sp


def reference(edges, n):
    rows = np.concatenate([edges[:, 0], edges[:, 1]])
    cols = np.concatenate([edges[:, 1], edges[:, 0]])
    a = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))
    deg = np.asarray(a.sum(axis=1)).ravel()
    inv = np.where(deg > 0, 1.0 / np.where(deg > 0, deg, 1), 0.0)
    dangling = deg == 0
    x = np.full(n, 1.0 / n)
    for k in range(10000):
        nxt = 0.85 * (a @ (x * inv)) + (0.85 * x[dangling].sum() + 0.15) / n
        change = np.abs(nxt - x).sum()
        x = nxt
        if change < 1e-14:
            return x, k + 1
    raise SystemExit("reference did not converge")


def main():
    path, n, ref_path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    repeats = int(sys.argv[sys.argv.index("--repeats") + 1]) if "--repeats" in sys.argv else 5
    edges = np.fromfile(path, dtype="<i4").reshape(-1, 2)
    if os.path.exists(ref_path):
        ref = np.fromfile(ref_path, dtype="<f8")
        steps = None
    else:
        ref, steps = reference(edges, n)
        ref.astype("<f8").tofile(ref_path)
    g = igraph.Graph(n=n, edges=edges.tolist(), directed=False)
    times, cpu = [], []
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        pr = g.pagerank(damping=0.85)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    error = float(np.abs(np.asarray(pr) - ref).sum())
    print(json.dumps({"library": "igraph", "version": igraph.__version__,
                      "omp_num_threads": os.environ.get("OMP_NUM_THREADS"),
                      "min_cpu_seconds": min(cpu), "min_wall_seconds": min(times), "cpu_seconds": cpu,
                      "wall_seconds": times, "l1_error": error, "reference_steps": steps}))


if __name__ == "__main__":
    main()
