#!/usr/bin/env python3
"""One library, one graph, one process: load the graph, time each algorithm call alone, write JSON.

    runners.py --lib igraph|networkit|networkx|leidenalg --graph bench/.cache/graphs/ca-GrQc \
               --out r.json --memberships DIR [--metrics a,b] [--threads N] [--samples K]
               [--seed S] [--max-repeats 3] [--skip metric=reason ...]

`--graph` is the path without extension: `.bin` (int32 pairs) is loaded, `.tsv`'s header gives N,
and `.w.bin` (float64 weights), when present, makes the graph weighted (newman-cond-mat): every
library then uses the weights for PageRank, eigenvector centrality, Louvain and Leiden.

PageRank and eigenvector centrality are **accuracy-matched**: each library has a LADDER of
settings, from its defaults to tighter ones; they run in order, each result is compared with the
graph's reference (bench/reference.py: L1 error after unit-L1 normalisation), and the first setting
whose L1 error is <= 1e-9 is the one timed (repeats as below). When none reaches it, the setting
with the smallest error is timed and the entry says `"reached": false`. Every setting tried is in
the JSON (`tried`: setting, seconds, iterations where the library reports them, L1 error, top-100
agreement), so the defaults' accuracy is shown too. The timed vector goes to `--scores DIR`.
The JSON is rewritten after every metric, so a killed run keeps what it finished. Timing rule
(the same as Examples/benchmark): run once; if that took under `--repeat-below` seconds (default
10), run again up to `--max-repeats` times in all and keep the fastest (a cold first call, such as
igraph's first PageRank, is not what gets reported). Load time is reported apart and excluded.
Peak memory is measured by the parent (`ru_maxrss` of this process from wait4).

Exactly which call each metric makes is in CALLS below and in bench/README.md.
"""
import argparse
import json
import os
import resource
import sys
import time

import numpy as np

ALL = ["degree", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank", "coreness",
       "clustering", "components", "louvain", "leiden", "leiden-best"]
ITERATIVE = ("pagerank", "eigenvector")
EXTRA = {}  # facts a call reports about its last run (merged into the metric's JSON entry)
COMMUNITY = ("louvain", "leiden", "leiden-best")


def load_edges(stem):
    with open(stem + ".tsv") as f:
        words = f.readline().split()
    n = int(words[words.index("nodes") + 1])
    m = int(words[words.index("edges") + 1])
    pairs = np.fromfile(stem + ".bin", dtype="<i4").reshape(-1, 2)
    assert pairs.shape[0] == m, f"{stem}.bin has {pairs.shape[0]} edges, header says {m}"
    weights = np.fromfile(stem + ".w.bin", dtype="<f8") if os.path.exists(stem + ".w.bin") else None
    assert weights is None or len(weights) == m, f"{stem}.w.bin has {len(weights)} weights for {m} edges"
    return n, pairs, weights


# --- igraph (single-threaded C core) -------------------------------------------------------------

def igraph_setup(n, pairs, weights, args):
    import igraph as ig
    ig.set_random_number_generator(__import__("random").Random(args.seed))
    g = ig.Graph(n=n, edges=pairs, directed=False)
    if weights is not None:
        g.es["weight"] = weights
    return g


def igraph_calls(args):
    import igraph as ig
    w = "weight" if args.weighted else None
    exact = ig.ARPACKOptions()
    exact.tol = 0  # ARPACK: 0 means machine precision
    exact.maxiter = 100000
    def betweenness(g):
        if args.samples:
            return None, "n/a (no sampling in igraph; exact would take hours)"
        return g.betweenness(directed=False, cutoff=None), None
    return {
        "degree": lambda g: g.degree(),
        "betweenness": betweenness,
        "closeness": lambda g: g.closeness(),
        "harmonic": lambda g: g.harmonic_centrality(),
        # Ladders: (setting as written in bench/README.md, call returning (values, iterations)).
        "eigenvector": [
            ("eigenvector_centrality(scale=False) (ARPACK, default options)",
             lambda g: (g.eigenvector_centrality(scale=False, weights=w), None)),
            ("eigenvector_centrality(scale=False, arpack_options: tol=0, maxiter=100000)",
             lambda g: (g.eigenvector_centrality(scale=False, weights=w, arpack_options=exact), None)),
        ],
        "pagerank": [("pagerank(damping=0.85) (PRPACK)", lambda g: (g.pagerank(damping=0.85, weights=w), None))],
        "coreness": lambda g: g.coreness(),
        "clustering": lambda g: g.transitivity_local_undirected(mode="zero"),
        "components": lambda g: g.connected_components().membership,
        "louvain": lambda g: g.community_multilevel(weights=w).membership,
        "leiden": lambda g: g.community_leiden(objective_function="modularity", weights=w).membership,
        "leiden-best": lambda g: g.community_leiden(objective_function="modularity", weights=w,
                                                    n_iterations=-1).membership,
    }


# --- leidenalg (on an igraph graph; Leiden only) -------------------------------------------------

def leidenalg_setup(n, pairs, weights, args):
    return igraph_setup(n, pairs, weights, args)


def leidenalg_calls(args):
    import leidenalg
    w = "weight" if args.weighted else None

    def until_no_improvement(g):
        # leidenalg's own advice for the best partition: optimise again until an optimisation
        # round improves nothing (optimise_partition returns the improvement). Bounded by
        # --best-budget seconds: a run stopped there is recorded as not converged.
        part = leidenalg.ModularityVertexPartition(g, weights=w)
        opt = leidenalg.Optimiser()
        opt.set_rng_seed(args.seed)
        start, rounds, converged = time.perf_counter(), 0, False
        while True:
            rounds += 1
            if opt.optimise_partition(part) <= 0:
                converged = True
                break
            if time.perf_counter() - start > args.best_budget:
                break
        EXTRA.update({"rounds": rounds, "converged": converged})
        if not converged:
            EXTRA["note"] = f"stopped after {rounds} rounds (--best-budget {args.best_budget:g} s), still improving"
        return part.membership
    return {"leiden": lambda g: leidenalg.find_partition(
        g, leidenalg.ModularityVertexPartition, weights=w, seed=args.seed).membership,
        "leiden-best": until_no_improvement}


# --- NetworKit (OpenMP, all cores unless --threads) ----------------------------------------------

def networkit_setup(n, pairs, weights, args):
    import networkit as nk
    nk.setNumberOfThreads(args.threads)
    nk.setSeed(args.seed, False)
    g = nk.Graph(n, weighted=weights is not None, directed=False)
    if weights is None:
        g.addEdges((pairs[:, 0].astype(np.uint64), pairs[:, 1].astype(np.uint64)))
    else:
        g.addEdges((weights, (pairs[:, 0].astype(np.uint64), pairs[:, 1].astype(np.uint64))))
    g.indexEdges()
    return g


def networkit_calls(args):
    import networkit as nk
    c = nk.centrality

    def run(algo, result):
        algo.run()
        return result(algo)

    def pagerank(tol, distribute, l1):
        def call(g):
            # DistributeSinks: a node without edges spreads its score uniformly, as in the
            # reference, Coauthor, igraph and networkx (NetworKit's default drops it).
            a = c.PageRank(g, 0.85, tol, False, c.SinkHandling.DistributeSinks if distribute else
                           c.SinkHandling.NoSinkHandling)
            if l1:
                a.norm = c.Norm.L1_NORM
                a.maxIterations = 1000000
            a.run()
            return a.scores(), a.numberOfIterations()
        return call

    def eigenvector(tol):
        return lambda g: (run(c.EigenvectorCentrality(g, tol), lambda a: a.scores()), None)

    def betweenness(g):
        if args.samples:
            return run(c.EstimateBetweenness(g, args.samples, normalized=True, parallel=True),
                       lambda a: a.scores()), None
        return run(c.Betweenness(g, normalized=True), lambda a: a.scores()), None
    return {
        "degree": lambda g: run(c.DegreeCentrality(g), lambda a: a.scores()),
        "betweenness": betweenness,
        "closeness": lambda g: run(c.Closeness(g, True, c.ClosenessVariant.GENERALIZED), lambda a: a.scores()),
        "harmonic": lambda g: run(c.HarmonicCloseness(g, True), lambda a: a.scores()),
        "eigenvector": [("EigenvectorCentrality(G) (tol=1e-9, default)", eigenvector(1e-9)),
                        ("EigenvectorCentrality(G, tol=1e-12)", eigenvector(1e-12)),
                        ("EigenvectorCentrality(G, tol=1e-15)", eigenvector(1e-15))],
        "pagerank": [("PageRank(G, 0.85) (tol=1e-8, L2 norm, no sink handling: defaults)", pagerank(1e-8, False, False)),
                     ("PageRank(G, 0.85, 1e-10, distributeSinks=DistributeSinks), norm=L1_NORM, maxIterations=1e6",
                      pagerank(1e-10, True, True)),
                     ("PageRank(G, 0.85, 1e-12, distributeSinks=DistributeSinks), norm=L1_NORM, maxIterations=1e6",
                      pagerank(1e-12, True, True))],
        "coreness": lambda g: run(c.CoreDecomposition(g), lambda a: a.scores()),
        "clustering": lambda g: run(c.LocalClusteringCoefficient(g), lambda a: a.scores()),
        "components": lambda g: run(nk.components.ConnectedComponents(g), lambda a: a.getPartition().getVector()),
        "louvain": lambda g: run(nk.community.PLM(g, refine=False, gamma=1.0), lambda a: a.getPartition().getVector()),
        "leiden": lambda g: run(nk.community.ParallelLeiden(g, gamma=1.0), lambda a: a.getPartition().getVector()),
        "leiden-best": lambda g: run(nk.community.ParallelLeiden(g, iterations=10, gamma=1.0),
                                     lambda a: a.getPartition().getVector()),
    }


# --- networkx (pure Python) ----------------------------------------------------------------------

def networkx_setup(n, pairs, weights, args):
    import networkx as nx
    g = nx.Graph()
    g.add_nodes_from(range(n))
    if weights is None:
        g.add_edges_from(pairs.tolist())
    else:
        g.add_weighted_edges_from((u, v, w) for (u, v), w in zip(pairs.tolist(), weights.tolist()))
    return g


def networkx_calls(args):
    import networkx as nx
    w = "weight" if args.weighted else None

    def vector(d):
        return [d[i] for i in range(len(d))]

    def pagerank(tol):
        return lambda g: (vector(nx.pagerank(g, alpha=0.85, weight=w, tol=tol, max_iter=1000000)), None)

    def eigenvector(tol, max_iter=1000):
        return lambda g: (vector(nx.eigenvector_centrality(g, max_iter=max_iter, tol=tol, weight=w)), None)

    def membership(g, communities):
        labels = [0] * g.number_of_nodes()
        for i, c in enumerate(communities):
            for v in c:
                labels[v] = i
        return labels
    return {
        "degree": lambda g: dict(g.degree()),
        "betweenness": lambda g: nx.betweenness_centrality(
            g, k=args.samples or None, seed=args.seed if args.samples else None),
        "closeness": lambda g: nx.closeness_centrality(g),
        "harmonic": lambda g: nx.harmonic_centrality(g),
        # eigenvector_centrality_numpy refuses disconnected graphs (AmbiguousSolution); power iteration
        # converges to the same vector as the other libraries (largest component, zeros elsewhere).
        # networkx stops both when the L1 change < n·tol: tol = 1e-10/n bounds PageRank's L1 error
        # by 0.85/0.15 · 1e-10.
        "eigenvector": [("eigenvector_centrality(G, max_iter=1000, tol=1e-6)", eigenvector(1e-6)),
                        (f"eigenvector_centrality(G, max_iter=100000, tol=1e-12/n = {1e-12 / args.nodes:.3g})",
                         eigenvector(1e-12 / args.nodes, 100000)),
                        (f"eigenvector_centrality(G, max_iter=100000, tol=1e-14/n = {1e-14 / args.nodes:.3g})",
                         eigenvector(1e-14 / args.nodes, 100000))],
        "pagerank": [("pagerank(G, alpha=0.85) (tol=1e-6)", pagerank(1e-6)),
                     (f"pagerank(G, alpha=0.85, tol=1e-10/n = {1e-10 / args.nodes:.3g}, max_iter=1e6)", pagerank(1e-10 / args.nodes)),
                     (f"pagerank(G, alpha=0.85, tol=1e-12/n = {1e-12 / args.nodes:.3g}, max_iter=1e6)", pagerank(1e-12 / args.nodes))],
        "coreness": lambda g: nx.core_number(g),
        "clustering": lambda g: nx.clustering(g),
        "components": lambda g: membership(g, nx.connected_components(g)),
        "louvain": lambda g: membership(g, nx.community.louvain_communities(g, weight="weight", seed=args.seed)),
        "leiden": lambda g: (None, "n/a (networkx has no Leiden without a backend)"),
        "leiden-best": lambda g: (None, "n/a (networkx has no Leiden without a backend)"),
    }


LIBS = {
    "igraph": (igraph_setup, igraph_calls),
    "leidenalg": (leidenalg_setup, leidenalg_calls),
    "networkit": (networkit_setup, networkit_calls),
    "networkx": (networkx_setup, networkx_calls),
}


def summary(value):
    if isinstance(value, dict):
        value = list(value.values())
    if hasattr(value, "membership"):
        value = value.membership
    return list(value)


def describe(metric, values):
    if metric in ("components",) + COMMUNITY:
        counts = {}
        for c in values:
            counts[c] = counts.get(c, 0) + 1
        return {"communities": len(counts), "largest": max(counts.values()) if counts else 0}
    finite = [float(v) for v in values if np.isfinite(v)]
    return {"max": max(finite) if finite else 0.0, "sum": float(sum(finite))}


def run_ladder(metric, ladder, graph, ref, threshold, args):
    """Runs the settings in order until one's L1 error vs the reference is <= threshold (or the
    most accurate one when none is); times that one with the usual repeat rule."""
    import reference
    tried, chosen = [], None
    for i, (setting, call) in enumerate(ladder):
        start, cpu = time.perf_counter(), time.process_time()
        values, iterations = call(graph)
        seconds = time.perf_counter() - start
        cpu = time.process_time() - cpu
        values = np.asarray(summary(values), dtype=np.float64)
        acc = reference.accuracy(values, ref)
        tried.append({"setting": setting, "seconds": seconds, "cpu_seconds": cpu, "iterations": iterations, **acc})
        print(f"    {args.lib} {metric} [{setting}]: {seconds:.4f} s, L1 error {acc['l1_error']:.3g}",
              file=sys.stderr, flush=True)
        if acc["l1_error"] <= threshold:
            chosen = i
            break
    reached = chosen is not None
    if not reached:
        chosen = min(range(len(tried)), key=lambda i: tried[i]["l1_error"])
    setting, call = ladder[chosen]
    runs = [tried[chosen]["seconds"]] if chosen == len(tried) - 1 else []
    cpu_runs = [tried[chosen]["cpu_seconds"]] if runs else []
    while not runs or (runs[0] < args.repeat_below and len(runs) < args.max_repeats):
        start, cpu = time.perf_counter(), time.process_time()
        values, iterations = call(graph)
        runs.append(time.perf_counter() - start)
        cpu_runs.append(time.process_time() - cpu)
    values = np.asarray(summary(values), dtype=np.float64)
    # Process CPU time (all threads), beside the wall time the report compares: on a shared
    # machine it shows how much of the wall time was other processes' turns.
    entry = {"status": "ok", "seconds": min(runs), "runs": runs, "cpu_seconds": min(cpu_runs), "setting": setting,
             "iterations": tried[chosen]["iterations"], "reached": reached, "threshold": threshold,
             "l1_error": tried[chosen]["l1_error"], "top100": tried[chosen]["top100"], "tried": tried,
             "total_seconds": sum(t["seconds"] for t in tried) + sum(runs[1:]),
             "summary": describe(metric, values)}
    if args.scores:
        os.makedirs(args.scores, exist_ok=True)
        path = os.path.join(args.scores, f"{args.lib}-{metric}.f64")
        values.astype("<f8").tofile(path)
        entry["scores"] = path
    return entry


def write_json(obj, path):
    with open(path + ".tmp", "w") as f:
        json.dump(obj, f, indent=1, sort_keys=True)
    os.replace(path + ".tmp", path)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--lib", required=True, choices=sorted(LIBS))
    p.add_argument("--graph", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--memberships", default="")
    p.add_argument("--metrics", default=",".join(ALL))
    p.add_argument("--threads", type=int, default=os.cpu_count())
    p.add_argument("--samples", type=int, default=0)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--max-repeats", type=int, default=3)
    p.add_argument("--repeat-below", type=float, default=10.0)
    p.add_argument("--skip", action="append", default=[], help="metric=reason: record as skipped")
    p.add_argument("--scores", default="", help="folder for the timed PageRank/eigenvector vectors (.f64)")
    p.add_argument("--threshold", type=float, default=None, help="L1 error to reach (default reference.THRESHOLD)")
    p.add_argument("--best-budget", type=float, default=900.0,
                   help="seconds after which leidenalg's optimise-until-no-improvement loop stops")
    args = p.parse_args()
    setup, calls = LIBS[args.lib]
    skips = dict(s.split("=", 1) for s in args.skip)
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import reference
    threshold = args.threshold if args.threshold is not None else reference.THRESHOLD
    refs = None

    result = {"library": args.lib, "threads": args.threads, "samples": args.samples or None,
              "seed": args.seed, "complete": False, "metrics": {}}
    t0 = time.perf_counter()
    n, pairs, weights = load_edges(args.graph)
    args.nodes, args.weighted = n, weights is not None
    graph = setup(n, pairs, weights, args)
    result["edges"] = int(pairs.shape[0])
    result["weighted"] = args.weighted
    del pairs, weights
    result["load_seconds"] = time.perf_counter() - t0
    result["nodes"] = n
    result["rss_after_load_kib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    table = calls(args)
    write_json(result, args.out)
    for metric in args.metrics.split(","):
        entry = {}
        if metric in skips:
            entry = {"status": "skipped", "note": skips[metric]}
        elif metric not in table:
            entry = {"status": "n/a", "note": f"n/a ({args.lib} has no {metric} here)"}
        elif isinstance(table[metric], list):
            try:
                if refs is None:
                    refs = reference.reference(args.graph)
                entry = run_ladder(metric, table[metric], graph, refs[metric], threshold, args)
            except Exception as e:
                entry = {"status": "error", "note": f"{type(e).__name__}: {e}"[:300]}
        else:
            try:
                runs, cpu_runs, note, value = [], [], None, None
                while True:
                    start, cpu = time.perf_counter(), time.process_time()
                    out = table[metric](graph)
                    runs.append(time.perf_counter() - start)
                    cpu_runs.append(time.process_time() - cpu)
                    value, note = out if isinstance(out, tuple) else (out, None)
                    if value is None or runs[0] >= args.repeat_below or len(runs) >= args.max_repeats:
                        break
                if value is None:
                    entry = {"status": "n/a", "note": note}
                else:
                    values = summary(value)
                    entry = {"status": "ok", "seconds": min(runs), "runs": runs, "cpu_seconds": min(cpu_runs),
                             "summary": describe(metric, values), **EXTRA}
                    EXTRA.clear()
                    if metric in COMMUNITY and args.memberships:
                        path = os.path.join(args.memberships, f"{args.lib}-{metric}.txt")
                        with open(path, "w") as f:
                            f.writelines(f"{int(c)}\n" for c in values)
                        entry["membership"] = path
            except Exception as e:  # recorded, not fatal: the other metrics still run
                entry = {"status": "error", "note": f"{type(e).__name__}: {e}"[:300]}
        result["metrics"][metric] = entry
        result["peak_rss_kib_so_far"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        write_json(result, args.out)
        print(f"    {args.lib} {metric}: {entry.get('seconds', entry.get('note'))}", file=sys.stderr, flush=True)
    result["complete"] = True
    write_json(result, args.out)


if __name__ == "__main__":
    main()
