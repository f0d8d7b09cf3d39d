#!/usr/bin/env python3
"""One library, one graph, one process: load the graph, time each algorithm call alone, write JSON.

    runners.py --lib igraph|networkit|networkx|leidenalg --graph bench/.cache/graphs/ca-GrQc \
               --out r.json --memberships DIR [--metrics a,b] [--threads N] [--samples K]
               [--seed S] [--max-repeats 3] [--skip metric=reason ...]

`--graph` is the path without extension: `.bin` (int32 pairs) is loaded, `.tsv`'s header gives N.
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
       "clustering", "components", "louvain", "leiden"]


def load_edges(stem):
    with open(stem + ".tsv") as f:
        words = f.readline().split()
    n = int(words[words.index("nodes") + 1])
    m = int(words[words.index("edges") + 1])
    pairs = np.fromfile(stem + ".bin", dtype="<i4").reshape(-1, 2)
    assert pairs.shape[0] == m, f"{stem}.bin has {pairs.shape[0]} edges, header says {m}"
    return n, pairs


# --- igraph (single-threaded C core) -------------------------------------------------------------

def igraph_setup(n, pairs, args):
    import igraph as ig
    ig.set_random_number_generator(__import__("random").Random(args.seed))
    return ig.Graph(n=n, edges=pairs, directed=False)


def igraph_calls(args):
    def betweenness(g):
        if args.samples:
            return None, "n/a (no sampling in igraph; exact would take hours)"
        return g.betweenness(directed=False, cutoff=None), None
    return {
        "degree": lambda g: g.degree(),
        "betweenness": betweenness,
        "closeness": lambda g: g.closeness(),
        "harmonic": lambda g: g.harmonic_centrality(),
        "eigenvector": lambda g: g.eigenvector_centrality(scale=False),
        "pagerank": lambda g: g.pagerank(damping=0.85),
        "coreness": lambda g: g.coreness(),
        "clustering": lambda g: g.transitivity_local_undirected(mode="zero"),
        "components": lambda g: g.connected_components().membership,
        "louvain": lambda g: g.community_multilevel().membership,
        "leiden": lambda g: g.community_leiden(objective_function="modularity").membership,
    }


# --- leidenalg (on an igraph graph; Leiden only) -------------------------------------------------

def leidenalg_setup(n, pairs, args):
    return igraph_setup(n, pairs, args)


def leidenalg_calls(args):
    import leidenalg
    return {"leiden": lambda g: leidenalg.find_partition(
        g, leidenalg.ModularityVertexPartition, seed=args.seed).membership}


# --- NetworKit (OpenMP, all cores unless --threads) ----------------------------------------------

def networkit_setup(n, pairs, args):
    import networkit as nk
    nk.setNumberOfThreads(args.threads)
    nk.setSeed(args.seed, False)
    g = nk.Graph(n, weighted=False, directed=False)
    g.addEdges((pairs[:, 0].astype(np.uint64), pairs[:, 1].astype(np.uint64)))
    g.indexEdges()
    return g


def networkit_calls(args):
    import networkit as nk
    c = nk.centrality

    def run(algo, result):
        algo.run()
        return result(algo)

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
        "eigenvector": lambda g: run(c.EigenvectorCentrality(g), lambda a: a.scores()),
        "pagerank": lambda g: run(c.PageRank(g, 0.85, 1e-6), lambda a: a.scores()),
        "coreness": lambda g: run(c.CoreDecomposition(g), lambda a: a.scores()),
        "clustering": lambda g: run(c.LocalClusteringCoefficient(g), lambda a: a.scores()),
        "components": lambda g: run(nk.components.ConnectedComponents(g), lambda a: a.getPartition().getVector()),
        "louvain": lambda g: run(nk.community.PLM(g, refine=False, gamma=1.0), lambda a: a.getPartition().getVector()),
        "leiden": lambda g: run(nk.community.ParallelLeiden(g, gamma=1.0), lambda a: a.getPartition().getVector()),
    }


# --- networkx (pure Python) ----------------------------------------------------------------------

def networkx_setup(n, pairs, args):
    import networkx as nx
    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from(pairs.tolist())
    return g


def networkx_calls(args):
    import networkx as nx

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
        "eigenvector": lambda g: nx.eigenvector_centrality(g, max_iter=1000, tol=1e-6),
        "pagerank": lambda g: nx.pagerank(g, alpha=0.85),
        "coreness": lambda g: nx.core_number(g),
        "clustering": lambda g: nx.clustering(g),
        "components": lambda g: membership(g, nx.connected_components(g)),
        "louvain": lambda g: membership(g, nx.community.louvain_communities(g, seed=args.seed)),
        "leiden": lambda g: (None, "n/a (networkx has no Leiden without a backend)"),
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
    if metric in ("components", "louvain", "leiden"):
        counts = {}
        for c in values:
            counts[c] = counts.get(c, 0) + 1
        return {"communities": len(counts), "largest": max(counts.values()) if counts else 0}
    finite = [float(v) for v in values if np.isfinite(v)]
    return {"max": max(finite) if finite else 0.0, "sum": float(sum(finite))}


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
    args = p.parse_args()
    setup, calls = LIBS[args.lib]
    skips = dict(s.split("=", 1) for s in args.skip)

    result = {"library": args.lib, "threads": args.threads, "samples": args.samples or None,
              "seed": args.seed, "complete": False, "metrics": {}}
    t0 = time.perf_counter()
    n, pairs = load_edges(args.graph)
    graph = setup(n, pairs, args)
    result["edges"] = int(pairs.shape[0])
    del pairs
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
        else:
            try:
                runs, note, value = [], None, None
                while True:
                    start = time.perf_counter()
                    out = table[metric](graph)
                    runs.append(time.perf_counter() - start)
                    value, note = out if isinstance(out, tuple) else (out, None)
                    if value is None or runs[0] >= args.repeat_below or len(runs) >= args.max_repeats:
                        break
                if value is None:
                    entry = {"status": "n/a", "note": note}
                else:
                    values = summary(value)
                    entry = {"status": "ok", "seconds": min(runs), "runs": runs,
                             "summary": describe(metric, values)}
                    if metric in ("louvain", "leiden") and args.memberships:
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
