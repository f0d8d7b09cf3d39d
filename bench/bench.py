#!/usr/bin/env python3
"""Driver behind bench/run.sh: runs every library on every graph, one process each, resumably.

Results go to bench/.cache/results/<full|quick>/ (one JSON per library and graph, memberships,
shared modularities, CLI timings, machine facts); bench/report.py turns them into RESULTS.md.
Every metric of a (library, graph) run records the configuration it was measured under (library
version, Coauthor binary hash, graph file, K, threads, repeats, accuracy threshold); a metric is
reused while that configuration is unchanged. An interrupted run resumes with the metrics it had
not finished (peak memory is then the larger of the processes' peaks). `--metrics a,b` measures
only those metrics (again, when their configuration changed, e.g. a rebuilt Coauthor) and keeps
the others as they were, marked in the report when they come from an earlier configuration.
--force reruns the requested metrics.
"""
import argparse
import hashlib
import json
import os
import platform
import subprocess
import sys
import time
from importlib import metadata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
CACHE = os.path.join(HERE, ".cache")
GRAPHS_DIR = os.path.join(CACHE, "graphs")

GRAPHS = ["ca-GrQc", "ca-CondMat", "newman-cond-mat", "com-DBLP", "paperlists"]
# Cheap metrics first, so that an interrupted run has already kept the quick answers.
METRICS = ["degree", "components", "coreness", "clustering", "pagerank", "eigenvector", "louvain",
           "leiden", "leiden-best", "betweenness", "closeness", "harmonic"]
# The weighted graph is there for the weighted iterative centralities and communities only.
GRAPH_METRICS = {"newman-cond-mat": {"components", "pagerank", "eigenvector", "louvain", "leiden", "leiden-best"}}
# Exact betweenness on the two small graphs; K sampled sources on the large ones.
SAMPLED = {"com-DBLP", "paperlists"}
NETWORKX_BUDGET = 600.0  # seconds per metric
# The O(nm) metrics on the large graphs: one BFS from every node of 137k-317k nodes. Coauthor runs
# them with all threads only; igraph and NetworKit then get Coauthor's time (times
# --peer-budget-factor, plus their own load time) and are stopped when they need longer, which is
# enough to decide the target "Coauthor <= fastest peer" (a peer still running at that time is
# slower) without waiting the hour each peer would need.
HEAVY = {"closeness", "harmonic"}
# Bumped when what a runner measures changes (3: accuracy-matched PageRank/eigenvector, leiden-best,
# weights), so that older results are measured again.
BENCH_VERSION = 3


def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=60).stdout.strip()
    except Exception:
        return ""


def load(path, default=None):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return default


def save(obj, path):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path + ".tmp", "w") as f:
        json.dump(obj, f, indent=1, sort_keys=True)
    os.replace(path + ".tmp", path)


def run_measured(cmd, timeout=None, stdout=subprocess.DEVNULL):
    """Runs cmd, returns (exit code, wall seconds, peak RSS KiB of that process, stderr tail)."""
    import tempfile
    start = time.perf_counter()
    # One file per call: two bench runs at once (e.g. --results elsewhere) must not share it.
    fd, errfile = tempfile.mkstemp(prefix="stderr-", suffix=".txt", dir=CACHE)
    os.close(fd)
    with open(errfile, "w") as err:
        proc = subprocess.Popen(cmd, stdout=stdout, stderr=err)
        deadline = None if timeout is None else start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if deadline and time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                status = -9
                break
            time.sleep(0.05)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status) if status != -9 else "timeout"
    with open(errfile, errors="replace") as f:
        tail = f.read()[-2000:]
    os.remove(errfile)
    return code, wall, usage.ru_maxrss, tail


def file_hash(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()[:16]


def graph_stats(name):
    """n, m and sum of squared degrees (for clustering cost) of a prepared graph."""
    import numpy as np
    with open(os.path.join(GRAPHS_DIR, name + ".tsv")) as f:
        w = f.readline().split()
    n, m = int(w[w.index("nodes") + 1]), int(w[w.index("edges") + 1])
    pairs = np.fromfile(os.path.join(GRAPHS_DIR, name + ".bin"), dtype="<i4")
    deg = np.bincount(pairs, minlength=n).astype(np.float64)
    return {"n": n, "m": m, "d2": float((deg * deg).sum())}


def fingerprint_key(fp):
    """A short hash of a fingerprint (without any previous key), stored with every metric."""
    fp = {k: v for k, v in fp.items() if k != "key"}
    return hashlib.sha256(json.dumps(fp, sort_keys=True).encode()).hexdigest()[:12]


def cost(metric, stats, samples):
    n, m = stats["n"], stats["m"]
    if metric == "betweenness":
        return (samples or n) * m
    if metric in ("closeness", "harmonic"):
        return n * m
    if metric == "clustering":
        return stats["d2"]
    return n + m


def estimate(metric, calib, calib_stats, stats, samples, calib_samples):
    """Seconds predicted for `metric` on a graph from the same library's time on ca-GrQc."""
    entry = (calib or {}).get("metrics", {}).get(metric, {})
    if entry.get("status") != "ok":
        return None
    base = max(entry.get("total_seconds", entry["seconds"]), 1e-4)
    return base * cost(metric, stats, samples) / cost(metric, calib_stats, calib_samples)


def score_memberships(results, graph):
    """One shared implementation for every membership: igraph Graph.modularity, resolution 1
    (weighted on a weighted graph). Then the accuracy of every PageRank/eigenvector vector
    against the graph's reference (score_vectors)."""
    import igraph as ig
    import numpy as np
    members = os.path.join(results, graph, "memberships")
    stats = graph_stats(graph)
    stem = os.path.join(GRAPHS_DIR, graph)
    pairs = np.fromfile(stem + ".bin", dtype="<i4").reshape(-1, 2)
    g = ig.Graph(n=stats["n"], edges=pairs, directed=False)
    weights = np.fromfile(stem + ".w.bin", dtype="<f8").tolist() if os.path.exists(stem + ".w.bin") else None
    out = {}
    for name in sorted(os.listdir(members) if os.path.isdir(members) else []):
        labels = np.loadtxt(os.path.join(members, name), dtype=np.int64, ndmin=1).tolist()
        if len(labels) != stats["n"]:
            out[name[:-4]] = {"error": f"{len(labels)} labels for {stats['n']} nodes"}
            continue
        out[name[:-4]] = {"modularity": g.modularity(labels, weights=weights, resolution=1.0, directed=False),
                          "communities": len(set(labels)), "weighted": weights is not None}
    save(out, os.path.join(results, graph, "modularity.json"))
    score_vectors(results, graph)


def score_vectors(results, graph):
    """L1 error and top-100 agreement of every saved score vector (<lib>-<metric>.f64) against the
    reference, by one implementation (reference.accuracy) for every library, Coauthor included."""
    import numpy as np
    import reference
    folder = os.path.join(results, graph, "scores")
    files = sorted(f for f in os.listdir(folder) if f.endswith(".f64")) if os.path.isdir(folder) else []
    if not files:
        return
    ref = reference.reference(os.path.join(GRAPHS_DIR, graph))
    out = {"threshold": reference.THRESHOLD, "reference": ref["meta"]}
    for f in files:
        metric = "pagerank" if f.endswith("-pagerank.f64") else "eigenvector" if f.endswith("-eigenvector.f64") else None
        if metric is None:
            continue
        out[f[:-4]] = reference.accuracy(np.fromfile(os.path.join(folder, f), dtype="<f8"), ref[metric])
    save(out, os.path.join(results, graph, "accuracy.json"))


class Bench:
    def __init__(self, args):
        self.args = args
        self.results = args.results or os.path.join(CACHE, "results", "quick" if args.quick else "full")
        self.nproc = os.cpu_count() or 1
        self.threads = args.threads or self.nproc
        self.py = sys.executable
        self.versions = {}
        for pkg in ("igraph", "networkit", "networkx", "leidenalg", "numpy", "scipy"):
            try:
                self.versions[pkg] = metadata.version(pkg)
            except metadata.PackageNotFoundError:
                self.versions[pkg] = None
        self.versions["swift"] = sh("swift --version 2>&1 | head -1")
        self.coauthor_hash = file_hash(args.benchmark_bin)

    def samples_for(self, graph):
        return self.args.samples if graph in SAMPLED else 0

    def fingerprint(self, lib, graph, threads):
        tsv = os.path.join(GRAPHS_DIR, graph + ".tsv")
        return {
            "lib": lib, "graph": graph, "graph_size": os.path.getsize(tsv), "threads": threads,
            "samples": self.samples_for(graph), "seed": self.args.seed, "max_repeats": self.args.max_repeats,
            "repeat_below": self.args.repeat_below,
            "version": (self.coauthor_hash if lib.startswith("coauthor") else self.versions.get(lib)),
            "coauthor_tolerance": self.args.coauthor_tolerance if lib.startswith("coauthor") else None,
            "threshold": self.args.threshold, "bench_version": BENCH_VERSION,
        } | ({"omp_num_threads": 1} if lib == "igraph" else {})

    def command(self, lib, graph, metrics, out, threads, skips):
        stem = os.path.join(GRAPHS_DIR, graph)
        members = os.path.join(self.results, graph, "memberships")
        scores = os.path.join(self.results, graph, "scores")
        os.makedirs(members, exist_ok=True)
        os.makedirs(scores, exist_ok=True)
        common = ["--out", out, "--memberships", members, "--scores", scores, "--metrics", ",".join(metrics),
                  "--threads", str(threads), "--samples", str(self.samples_for(graph)),
                  "--seed", str(self.args.seed), "--max-repeats", str(self.args.max_repeats),
                  "--repeat-below", str(self.args.repeat_below)]
        if lib.startswith("coauthor"):
            tol = []
            if self.args.coauthor_tolerance:
                tol = ["--pagerank-tolerance", str(self.args.coauthor_tolerance),
                       "--eigenvector-tolerance", str(self.args.coauthor_tolerance)]
            return [self.args.benchmark_bin, "--graph", stem + ".tsv", "--label", lib] + common + tol
        # igraph 1.0's PRPACK uses OpenMP: one thread (igraph is compared as single-threaded; with
        # its default thread count on the shared 2-core machine a PageRank call took 20× longer).
        omp = ["env", "OMP_NUM_THREADS=1"] if lib == "igraph" else []
        cmd = omp + [self.py, os.path.join(HERE, "runners.py"), "--lib", lib, "--graph", stem] + common + \
            ["--threshold", str(self.args.threshold), "--best-budget", str(self.args.best_budget)]
        for metric, why in skips.items():
            cmd += ["--skip", f"{metric}={why}"]
        return cmd

    def bandwidth_bound(self, entry):
        """Issue 14 part 3: the memory-bandwidth bound of a PageRank sweep, measured right after
        Coauthor's PageRank in a process of its own (`benchmark bandwidth`: read and triad bandwidth,
        bytes per CPU second, 64 MB arrays), so its arrays stay out of Coauthor's peak memory."""
        try:
            out = subprocess.run([self.args.benchmark_bin, "bandwidth"], capture_output=True, text=True,
                                 check=True, timeout=120).stdout.split()
            read, triad = float(out[0]), float(out[1])
        except (subprocess.SubprocessError, OSError, ValueError, IndexError) as e:
            entry["bandwidth_error"] = str(e)[:200]
            return
        entry["read_bandwidth_gbs"] = read / 1e9
        entry["triad_bandwidth_gbs"] = triad / 1e9
        entry["bound_seconds_per_sweep"] = entry["bytes_per_sweep"] / read
        if entry.get("cpu_seconds_per_sweep") is not None:
            entry["ratio_to_bandwidth_bound"] = entry["cpu_seconds_per_sweep"] / entry["bound_seconds_per_sweep"]

    def run_lib(self, lib, graph, threads, metrics, skips=None, timeout=None, limit=None):
        """Runs `metrics` of `lib` on `graph` (what is not cached). With `limit` (seconds), a metric
        still running when the process is stopped at `timeout` is recorded as "stopped" with the
        seconds it had run (wall minus load) as a lower bound on its time."""
        skips = skips or {}
        metrics = [m for m in metrics if m in GRAPH_METRICS.get(graph, METRICS)]
        path = os.path.join(self.results, graph, lib + ".json")
        fp = self.fingerprint(lib, graph, threads)
        fp_key = fingerprint_key(fp)
        old = load(path)
        old_key = None
        if old:
            # Each metric keeps the fingerprint it was measured under. A metric measured under
            # another one (a rebuilt Coauthor, a new library version) is kept for the report
            # (marked as from an earlier configuration) until it is measured again; it counts as
            # not done. --force measures the requested metrics again.
            old_key = fingerprint_key(old.get("fingerprint", {}))
            for m, e in old.get("metrics", {}).items():
                e.setdefault("fingerprint_key", old_key)
            old["fingerprint"] = fp
            if self.args.force:
                for m in metrics:
                    old["metrics"].pop(m, None)
        part = path + ".part.json"
        stale = load(part) if old else None
        if stale and stale.get("metrics"):
            # Left by an interrupted driver (Ctrl-C): keep what that process finished; its peak is
            # the in-process ru_maxrss it recorded after its last metric.
            for e in stale["metrics"].values():
                e.setdefault("fingerprint_key", old_key)
            old["metrics"].update(stale["metrics"])
            old["processes"].append({"exit": "interrupted", "peak_rss_kib": stale.get("peak_rss_kib_so_far", 0),
                                     "metrics": sorted(stale["metrics"]), "stderr_tail": ""})
            old["peak_rss_kib"] = max(p["peak_rss_kib"] for p in old["processes"])
            save(old, path)
        if os.path.exists(part):
            os.remove(part)
        done = {m for m, e in (old or {}).get("metrics", {}).items() if e.get("fingerprint_key") == fp_key}
        todo = [m for m in metrics if m not in done]
        if old and not todo:
            print(f"  {graph} {lib}: cached", flush=True)
            return old
        result = old or {"fingerprint": fp, "library": lib, "graph": graph, "threads": threads,
                         "samples": self.samples_for(graph), "metrics": {}, "processes": []}
        save(result, path)  # so that an interrupted first process can be resumed
        # One process for the metrics still to do; if it dies (crash, timeout), the metric it was
        # running is recorded as an error and a new process goes on with the rest.
        while todo:
            print(f"  {graph} {lib} (threads={threads}): {', '.join(todo)}", flush=True)
            code, wall, peak, tail = run_measured(self.command(lib, graph, todo, part, threads, skips), timeout)
            new = load(part, {}) or {}
            if os.path.exists(part):
                os.remove(part)
            for e in new.get("metrics", {}).values():
                e["fingerprint_key"] = fp_key
            result["metrics"].update(new.get("metrics", {}))
            pr = new.get("metrics", {}).get("pagerank", {})
            if lib.startswith("coauthor") and pr.get("status") == "ok" and pr.get("bytes_per_sweep"):
                self.bandwidth_bound(pr)
            for field in ("load_seconds", "rss_after_load_kib", "nodes", "edges", "capabilities"):
                if field in new:
                    result[field] = new[field]
            result["processes"].append({"exit": code, "wall_seconds": wall, "peak_rss_kib": peak,
                                        "metrics": todo, "stderr_tail": tail[-600:] if code != 0 else ""})
            result["peak_rss_kib"] = max(p["peak_rss_kib"] for p in result["processes"])
            left = [m for m in todo if m not in result["metrics"]]
            if code == "timeout" and left and limit is not None:
                ran = wall - new.get("load_seconds", result.get("load_seconds", 0))
                result["metrics"][left[0]] = {"status": "stopped", "at_least": ran, "fingerprint_key": fp_key,
                                              "note": f"stopped after {ran:.0f} s"}
                print(f"    {lib} on {graph}, {left[0]}: stopped after {ran:.0f} s", flush=True)
                left = left[1:]
            elif code != 0 and left:
                why = "timed out" if code == "timeout" else f"process exited with {code}"
                result["metrics"][left[0]] = {"status": "error", "note": f"{why}: {tail.strip()[-200:]}",
                                              "fingerprint_key": fp_key}
                print(f"    ! {lib} on {graph}, {left[0]}: {why}\n{tail[-800:]}", flush=True)
                left = left[1:]
            save(result, path)
            if code == 0 or left == todo:
                break
            todo = left
        result["complete"] = all(result["metrics"].get(m, {}).get("fingerprint_key") == fp_key for m in metrics)
        save(result, path)
        return result

    def run_heavy(self, graph, metric, coN):
        """An O(nm) metric on a large graph: Coauthor with all threads, then each peer with a time
        limit of Coauthor's time × --peer-budget-factor (plus its load time)."""
        co = self.run_lib(coN, graph, self.threads, [metric])
        entry = co["metrics"].get(metric, {})
        if coN != "coauthor-t1":
            self.mark_skipped("coauthor-t1", graph, 1, metric,
                              f"skipped: only the {self.threads}-thread run on this graph (saves time)")
        if entry.get("status") != "ok":
            for peer in ("igraph", "networkit"):
                self.mark_skipped(peer, graph, 1 if peer == "igraph" else self.threads, metric,
                                  "skipped: no Coauthor time to bound it by")
            return
        limit = entry["seconds"] * self.args.peer_budget_factor
        for peer in ("igraph", "networkit"):
            threads = 1 if peer == "igraph" else self.threads
            old = load(os.path.join(self.results, graph, peer + ".json"), {})
            timeout = limit + old.get("load_seconds", 0) + 5
            self.run_lib(peer, graph, threads, [metric], timeout=timeout, limit=limit)

    def mark_skipped(self, lib, graph, threads, metric, note):
        path = os.path.join(self.results, graph, lib + ".json")
        result = load(path)
        if result is None or result.get("fingerprint") != self.fingerprint(lib, graph, threads):
            return
        if metric not in result["metrics"] or result["metrics"][metric].get("fingerprint_key") != fingerprint_key(result["fingerprint"]):
            result["metrics"][metric] = {"status": "skipped", "note": note,
                                         "fingerprint_key": fingerprint_key(result["fingerprint"])}
            save(result, path)

    def networkx_skips(self, graph):
        """metric -> reason, for metrics networkx would need more than 10 minutes for."""
        if graph == "ca-GrQc":
            return {}, {}
        calib = load(os.path.join(self.results, "ca-GrQc", "networkx.json"))
        if calib is None:
            print("  calibrating networkx on ca-GrQc", flush=True)
            calib = self.run_lib("networkx", "ca-GrQc", 1, METRICS)
        calib_stats, stats = graph_stats("ca-GrQc"), graph_stats(graph)
        skips, estimates = {}, {}
        for m in METRICS:
            est = estimate(m, calib, calib_stats, stats, self.samples_for(graph), 0)
            estimates[m] = est
            entry = (calib or {}).get("metrics", {}).get(m, {})
            if est is None and entry.get("status") != "n/a":
                skips[m] = "skipped: no ca-GrQc time to estimate from"
            elif est is not None and est > self.args.networkx_budget:
                skips[m] = f"skipped: est. {est / 60:.1f} min > {self.args.networkx_budget / 60:g} min"
        return skips, estimates

    def print_eta(self, graph):
        """Expected time per library on `graph`, scaled from its finished ca-GrQc run (if any)."""
        if graph == "ca-GrQc":
            return
        calib_stats, stats = graph_stats("ca-GrQc"), graph_stats(graph)
        parts = []
        for lib in ("coauthor-t1", "igraph", "networkit", "leidenalg"):
            calib = load(os.path.join(self.results, "ca-GrQc", lib + ".json"))
            if not calib:
                continue
            est = [estimate(m, calib, calib_stats, stats, self.samples_for(graph), 0) for m in METRICS]
            total = sum(e for e in est if e)
            parts.append(f"{lib} ~{total / 60:.0f} min" if total >= 60 else f"{lib} ~{total:.0f} s")
        if parts:
            print("  estimated from ca-GrQc (busy-machine calibrations overestimate): " + ", ".join(parts), flush=True)

    def modularity(self, graph):
        """Scores every membership with one shared implementation, in a child process: on Linux a
        child's ru_maxrss starts from its parent's resident size, so the driver must stay small
        (loading com-DBLP into igraph here once set a 254 MiB floor under every later peak)."""
        subprocess.run([self.py, "-c", "import sys; sys.path.insert(0, sys.argv[1]); import bench; "
                        "bench.score_memberships(sys.argv[2], sys.argv[3])", HERE, self.results, graph], check=True)

    def cli(self):
        papers = os.path.join(self.args.data, "paperlists-papercopilot", "papers.tsv.gz")
        path = os.path.join(self.results, "cli.json")
        out = {"input": os.path.relpath(papers, REPO), "binary_hash": file_hash(self.args.coauthor_bin), "runs": {}}
        old = load(path)
        if old and old.get("binary_hash") == out["binary_hash"] and not self.args.force:
            print("  CLI: cached", flush=True)
            return
        for name, extra in (("stats", []), ("rank", ["--top", "10"]), ("communities", [])):
            cmd = [self.args.coauthor_bin, name, papers] + extra
            code, wall, peak, tail = run_measured(cmd, timeout=self.args.cli_timeout)
            line = next((l for l in tail.strip().splitlines() if l.strip()), "")
            out["runs"][name] = {"command": "coauthor " + " ".join([name, out["input"]] + extra),
                                 "exit": code, "seconds": wall, "peak_rss_kib": peak,
                                 "note": "" if code == 0 else line[:300]}
            print(f"  coauthor {name}: exit {code}, {wall:.2f} s {line[:120] if code else ''}", flush=True)
        save(out, path)

    def meta(self):
        cpu = ""
        try:
            cpu = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
        except (OSError, StopIteration):
            cpu = platform.processor()
        mem = sh("awk '/MemTotal/ {printf \"%.1f GiB\", $2/1048576}' /proc/meminfo")
        return {"nproc": self.nproc, "cpu": cpu, "ram": mem, "os": platform.platform(),
                "python": platform.python_version(), "versions": self.versions,
                "command": self.args.command or " ".join(sys.argv), "quick": self.args.quick,
                "git": sh(f"git -C {REPO} rev-parse --short HEAD") + (" (dirty)" if sh(f"git -C {REPO} status --porcelain -- Sources Examples Package.swift") else ""),
                "threads": self.threads, "samples": self.args.samples, "seed": self.args.seed,
                "networkx_budget": self.args.networkx_budget, "max_repeats": self.args.max_repeats,
                "peer_budget_factor": self.args.peer_budget_factor, "heavy_graphs": self.args.heavy_graphs,
                "repeat_below": self.args.repeat_below, "threshold": self.args.threshold,
                "coauthor_tolerance": self.args.coauthor_tolerance, "metrics": METRICS}

    def run(self):
        os.makedirs(self.results, exist_ok=True)
        import fcntl
        self.lock = open(os.path.join(self.results, ".lock"), "w")
        try:
            fcntl.flock(self.lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            sys.exit(f"error: another bench run is using {self.results}; wait for it or stop it first")
        meta = self.meta()
        meta["started"] = time.strftime("%Y-%m-%d %H:%M:%S %Z")
        meta["load_at_start"] = os.getloadavg()
        meta["graphs"] = self.args.graphs
        save(meta, os.path.join(self.results, "meta.json"))
        caps = json.loads(subprocess.run([self.args.benchmark_bin, "--capabilities"], capture_output=True,
                                         text=True, check=True).stdout)
        for graph in self.args.graphs:
            print(f"== {graph}", flush=True)
            if {"pagerank", "eigenvector"} & set(METRICS):
                # Once per graph, cached in bench/.cache/reference (a child process: see modularity()).
                subprocess.run([self.py, os.path.join(HERE, "reference.py"), os.path.join(GRAPHS_DIR, graph)], check=True)
            self.print_eta(graph)
            heavy = [m for m in METRICS if m in HEAVY] if graph in self.args.heavy_graphs.split(",") else []
            light = [m for m in METRICS if m not in heavy]
            coN = f"coauthor-t{self.threads}" if caps.get("threads") and self.threads > 1 else "coauthor-t1"
            self.run_lib("coauthor-t1", graph, 1, light)
            if coN != "coauthor-t1":
                self.run_lib(coN, graph, self.threads, light)
            self.run_lib("igraph", graph, 1, light)
            self.run_lib("networkit", graph, self.threads, light)
            for metric in heavy:
                self.run_heavy(graph, metric, coN)
            if {"leiden", "leiden-best"} & set(METRICS):
                self.run_lib("leidenalg", graph, 1, [m for m in ("leiden", "leiden-best") if m in METRICS])
            if not self.args.skip_networkx:
                skips, est = self.networkx_skips(graph)
                budget = sum(v for m, v in est.items() if v and m not in skips)
                self.run_lib("networkx", graph, 1, METRICS, skips, timeout=max(900, 3 * budget + 300))
            self.modularity(graph)
        if not self.args.skip_cli:
            print("== paperlists CLI", flush=True)
            self.cli()
        meta["finished"] = time.strftime("%Y-%m-%d %H:%M:%S %Z")
        meta["load_at_end"] = os.getloadavg()
        meta["capabilities"] = caps
        save(meta, os.path.join(self.results, "meta.json"))
        return self.results


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true")
    p.add_argument("--graphs", default=None)
    p.add_argument("--skip-networkx", action="store_true")
    p.add_argument("--skip-cli", action="store_true")
    p.add_argument("--force", action="store_true")
    p.add_argument("--threads", type=int, default=0, help="threads for NetworKit and Coauthor-N (default: all cores)")
    p.add_argument("--samples", type=int, default=1000)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--max-repeats", type=int, default=3)
    p.add_argument("--repeat-below", type=float, default=10.0, help="repeat calls faster than this (s)")
    p.add_argument("--networkx-budget", type=float, default=NETWORKX_BUDGET)
    p.add_argument("--cli-timeout", type=float, default=300)
    p.add_argument("--heavy-graphs", default="com-DBLP,paperlists",
                   help="graphs on which closeness/harmonic run as described for --peer-budget-factor")
    p.add_argument("--peer-budget-factor", type=float, default=1.1,
                   help="closeness/harmonic on com-DBLP and paperlists: stop igraph and NetworKit after "
                        "this times Coauthor's time")
    p.add_argument("--data", required=True)
    p.add_argument("--benchmark-bin", required=True)
    p.add_argument("--coauthor-bin", required=True)
    p.add_argument("--command", default="")
    p.add_argument("--metrics", default="", help="only these metrics (a later run without it adds the rest)")
    p.add_argument("--results", default="", help="results folder (default bench/.cache/results/full or quick)")
    p.add_argument("--threshold", type=float, default=1e-9,
                   help="L1 error vs the reference an iterative tool must reach (PageRank, eigenvector)")
    p.add_argument("--best-budget", type=float, default=900.0,
                   help="leidenalg's best setting (optimise until no improvement) stops after this many seconds")
    p.add_argument("--coauthor-tolerance", type=float, default=0.0,
                   help="run Coauthor's PageRank and eigenvector at this tolerance instead of the defaults "
                        "(to show the accuracy gate failing a loose setting)")
    args = p.parse_args()
    if args.metrics:
        chosen = args.metrics.split(",")
        unknown = [m for m in chosen if m not in METRICS]
        if unknown:
            sys.exit(f"error: unknown metric(s) {', '.join(unknown)} (choose from {', '.join(METRICS)})")
        METRICS[:] = [m for m in METRICS if m in chosen]
    default = "ca-GrQc" if args.quick else ",".join(GRAPHS)
    args.graphs = (args.graphs or default).split(",")
    for g in args.graphs:
        if g not in GRAPHS:
            sys.exit(f"error: unknown graph '{g}' (choose from {', '.join(GRAPHS)})")
    try:
        results = Bench(args).run()
    except KeyboardInterrupt:
        sys.exit("\ninterrupted: rerun the same command to resume (finished metrics are kept)")
    print(results)


if __name__ == "__main__":
    main()
