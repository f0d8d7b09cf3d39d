#!/usr/bin/env python3
"""Leiden at its best against its peers at theirs (issue 14 part 3), in one run.

For each graph and seed: Coauthor's Leiden (the `benchmark leiden-quality` executable, 1 and 2
threads), igraph `community_leiden(objective_function="modularity", weights="weight",
n_iterations=-1)` (and n_iterations=2), NetworKit `ParallelLeiden` (2 threads), leidenalg
`Optimiser.optimise_partition(ModularityVertexPartition(g, weights="weight"), n_iterations=-1)`
(repeats until an iteration does not improve). Every membership is scored by one function, igraph
`Graph.modularity(membership, weights="weight", resolution=1)` on the same graph. Times are of the
call alone (graph loaded before), the best of `--repeats` runs per seed; the table shows the mean
over seeds of those times and the mean, min and max modularity.

Usage (from the repository root, after `swift build -c release --product benchmark`):

    /work/venv-leiden/bin/python bench/leiden/leiden_quality.py \
        [--graphs ca-CondMat,newman-cond-mat,com-DBLP] [--seeds 0,1,2,3,4] [--repeats 3] \
        [--coauthor .build/release/benchmark] [--coauthor-settings converged,2] [--skip-peers]
"""
import argparse
import gzip
import json
import os
import random
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CACHE = os.path.join(HERE, ".cache")
DATA = os.environ.get("COAUTHOR_DATA", os.path.join(HERE, "..", "..", "..", "shared", "data"))

SOURCES = {
    "ca-CondMat": ("snap", "snap-ca-CondMat/edges.undirected.tsv.gz"),
    "newman-cond-mat": ("newman", "newman-cond-mat/edges.tsv.gz"),
    "com-DBLP": ("snap", "snap-com-DBLP/dblp.csv.gz"),
    "ca-GrQc": ("snap", "snap-ca-GrQc/edges.undirected.tsv.gz"),
}


def prepare(name):
    """Writes CACHE/name.weighted.tsv: '# nodes N edges M weighted' (the header benchmark's loadGraph reads) then 'u<TAB>v<TAB>w' (u < v, sorted, no loops)."""
    out = os.path.join(CACHE, name + ".weighted.tsv")
    if os.path.exists(out):
        return out
    kind, rel = SOURCES[name]
    path = os.path.join(DATA, rel)
    edges = {}
    ids = set()
    with gzip.open(path, "rt") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split()
            a, b = int(fields[0]), int(fields[1])
            w = float(fields[2]) if kind == "newman" else 1.0
            ids.add(a)
            ids.add(b)
            if a == b:
                continue
            key = (min(a, b), max(a, b))
            if key in edges:
                raise SystemExit(f"{path}: duplicate edge {key}")
            edges[key] = w
    if kind == "newman":
        n = max(ids) + 1  # ids are 0..N-1 (nodes.tsv.gz); isolated nodes included by the bound
        with gzip.open(os.path.join(os.path.dirname(path), "nodes.tsv.gz"), "rt") as f:
            n = max(n, sum(1 for line in f if line.strip() and not line.startswith("#")))
        index = {v: v for v in range(n)}
    else:
        index = {v: i for i, v in enumerate(sorted(ids))}
        n = len(index)
    rows = sorted((index[a], index[b], w) for (a, b), w in edges.items())
    os.makedirs(CACHE, exist_ok=True)
    with open(out + ".tmp", "w") as f:
        f.write(f"# nodes {n} edges {len(rows)} weighted source {rel}\n")
        for u, v, w in rows:
            f.write(f"{u}\t{v}\t{w!r}\n")
    os.replace(out + ".tmp", out)
    return out


def load_igraph(path):
    import igraph as ig

    with open(path) as f:
        header = f.readline().split()
        n = int(header[header.index("nodes") + 1])
        edges, weights = [], []
        for line in f:
            u, v, w = line.split()
            edges.append((int(u), int(v)))
            weights.append(float(w))
    g = ig.Graph(n=n, edges=edges, directed=False)
    g.es["weight"] = weights
    return g


def timed(fn, repeats):
    """(best wall seconds, best process CPU seconds, result) over `repeats` calls."""
    best, best_cpu, result = None, None, None
    for _ in range(repeats):
        start, cpu = time.perf_counter(), time.process_time()
        result = fn()
        t, c = time.perf_counter() - start, time.process_time() - cpu
        best = t if best is None else min(best, t)
        best_cpu = c if best_cpu is None else min(best_cpu, c)
    return (best, best_cpu), result


def run_peers(g, seeds, repeats, peers, networkit_iterations=(3, 50)):
    """[(tool, setting, threads, seed, seconds, membership, iterations or None)]."""
    out = []
    if "igraph" in peers:
        for n_it in (-1, 2):
            for seed in seeds:
                def call():
                    random.seed(seed)
                    return g.community_leiden(objective_function="modularity", weights="weight", n_iterations=n_it)
                t, c = timed(call, repeats)
                out.append(("igraph", f"n_iterations={n_it}", 1, seed, t, c.membership, None))
    if "networkit" in peers:
        import networkit as nk

        nk.setNumberOfThreads(2)
        ng = nk.Graph(g.vcount(), weighted=True, directed=False)
        for e, w in zip(g.get_edgelist(), g.es["weight"]):
            ng.addEdge(e[0], e[1], w)
        for iters in networkit_iterations:
            for seed in seeds:
                def call():
                    nk.setSeed(seed, False)
                    algo = nk.community.ParallelLeiden(ng, iterations=iters, randomize=True, gamma=1.0)
                    algo.run()
                    return algo.getPartition()
                t, p = timed(call, repeats)
                out.append(("NetworKit", f"ParallelLeiden iterations={iters}", 2, seed, t, p.getVector(), None))
    if "leidenalg" in peers:
        import leidenalg as la

        for seed in seeds:
            def call():
                part = la.ModularityVertexPartition(g, weights="weight")
                opt = la.Optimiser()
                opt.set_rng_seed(seed)
                opt.optimise_partition(part, n_iterations=-1)
                return part
            t, part = timed(call, repeats)
            out.append(("leidenalg", "n_iterations=-1", 1, seed, t, part.membership, None))
    return out


def run_coauthor(binary, graph_path, name, seeds, repeats, settings, threads_list, stables=(2,)):
    out = []
    mdir = os.path.join(CACHE, "memberships", name)
    os.makedirs(mdir, exist_ok=True)
    for setting, stable in [(x, y) for x in settings for y in stables]:
        for threads in threads_list:
            label = f"coauthor-{setting}-s{stable}-t{threads}"
            res = os.path.join(CACHE, f"{name}-{label}.json")
            cmd = [binary, "leiden-quality", "--graph", graph_path, "--out", res, "--memberships", mdir,
                   "--label", label, "--seeds", ",".join(map(str, seeds)), "--threads", str(threads),
                   "--repeats", str(repeats), "--max-iterations", setting, "--stable", str(stable)]
            subprocess.run(cmd, check=True)
            with open(res) as f:
                data = json.load(f)
            for r in data["runs"]:
                with open(r["membership"]) as f:
                    membership = [int(x) for x in f.read().split()]
                out.append(("Coauthor", f"maxIterations={setting}, stableIterations={stable}", threads, r["seed"], (r["seconds"], r["cpu_seconds"]), membership,
                            r["iterations"]))
    return out


def print_tables(rows):
    """One Markdown table per graph: mean, min and max modularity over seeds, mean wall and CPU seconds."""
    for name in dict.fromkeys(r["graph"] for r in rows):
        rs = [r for r in rows if r["graph"] == name]
        print(f"\n### {name}: {rs[0]['nodes']:,} nodes, {rs[0]['edges']:,} edges\n")
        print("| tool | setting | threads | seeds | modularity mean | min … max | CPU s (mean) | wall s (mean) | iterations |")
        print("|---|---|---:|---|---:|---|---:|---:|---|")
        groups = {}
        for r in rs:
            groups.setdefault((r["tool"], r["setting"], r["threads"]), []).append(r)
        for (tool, setting, threads), g in groups.items():
            qs = [r["modularity"] for r in g]
            its = [str(r["iterations"]) for r in g if r["iterations"] is not None]
            seeds = ",".join(str(r["seed"]) for r in g)
            print(f"| {tool} | {setting} | {threads} | {seeds} | {statistics.mean(qs):.5f} | {min(qs):.5f} … {max(qs):.5f} "
                  f"| {statistics.mean(r['cpu_seconds'] for r in g):.3f} | {statistics.mean(r['seconds'] for r in g):.3f} "
                  f"| {', '.join(its) if its else '—'} |")
        sys.stdout.flush()


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--graphs", default="ca-CondMat,newman-cond-mat,com-DBLP")
    p.add_argument("--seeds", default="0,1,2,3,4")
    p.add_argument("--repeats", type=int, default=3, help="timed runs per seed, best kept (1 on com-DBLP)")
    p.add_argument("--coauthor", default=os.path.join(HERE, "..", "..", ".build", "release", "benchmark"))
    p.add_argument("--coauthor-settings", default="default",
                   help="comma list of --max-iterations values: default, converged or a number")
    p.add_argument("--coauthor-threads", default="1,2")
    p.add_argument("--coauthor-stable", default="2", help="comma list of Leiden.stableIterations values")
    p.add_argument("--peers", default="igraph,networkit,leidenalg")
    p.add_argument("--skip-peers", action="store_true")
    p.add_argument("--skip-coauthor", action="store_true")
    p.add_argument("--networkit-iterations", default="3,50", help="ParallelLeiden `iterations` values to run")
    p.add_argument("--report", help="comma list of results JSON files: print their tables (merged) and exit")
    p.add_argument("--json", default=os.path.join(CACHE, "results.json"))
    args = p.parse_args()
    if args.report:
        rows = []
        for path in args.report.split(","):
            with open(path) as f:
                rows += json.load(f)
        print_tables(rows)
        return
    seeds = [int(s) for s in args.seeds.split(",")]
    rows = []
    for name in args.graphs.split(","):
        path = prepare(name)
        g = load_igraph(path)
        repeats = 1 if g.ecount() > 500_000 else args.repeats
        runs = []
        if not args.skip_coauthor:
            runs += run_coauthor(args.coauthor, path, name, seeds, repeats, args.coauthor_settings.split(","),
                                 [int(t) for t in args.coauthor_threads.split(",")],
                                 [int(x) for x in args.coauthor_stable.split(",")])
        if not args.skip_peers:
            runs += run_peers(g, seeds, repeats, args.peers.split(","),
                              [int(x) for x in args.networkit_iterations.split(",")])
        for tool, setting, threads, seed, t, membership, iterations in runs:
            q = g.modularity(membership, weights="weight", resolution=1)
            rows.append({"graph": name, "nodes": g.vcount(), "edges": g.ecount(), "tool": tool, "setting": setting,
                         "threads": threads, "seed": seed, "seconds": t[0], "cpu_seconds": t[1], "modularity": q,
                         "iterations": iterations})
        print_tables([r for r in rows if r["graph"] == name])
        with open(args.json, "w") as f:  # after every graph, so a stopped run keeps what it finished
            json.dump(rows, f, indent=1)


if __name__ == "__main__":
    main()
