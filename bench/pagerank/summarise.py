#!/usr/bin/env python3
"""Summarises bench/pagerank/run.sh output (JSON lines on stdin) into one line per round, graph,
tolerance and thread count: Coauthor's and igraph PRPACK's best CPU and wall times in that round,
their ratios, sweeps, L1 error and bound, time per sweep against the bandwidth bound.

    bash bench/pagerank/run.sh 3 | tee out.jsonl | python3 bench/pagerank/summarise.py
"""
import json
import sys

igraph = {}
for line in sys.stdin:
    line = line.strip()
    if not line.startswith("{"):
        print(line)  # uptime lines
        continue
    o = json.loads(line)
    key = (o["round"], o["graph"])
    if "igraph" in o:
        i = o["igraph"]
        igraph[key] = i
        print(f"round {o['round']} {o['graph']}: igraph PRPACK cpu {i['min_cpu_seconds'] * 1e3:.1f} ms, "
              f"wall {i['min_wall_seconds'] * 1e3:.1f} ms, L1 error {i['l1_error']:.1e}")
        continue
    c = o["coauthor"]
    i = igraph.get(key)
    label = f"  [{o['build']}]" if "build" in o else ""
    print(f"{label}  read bandwidth {c['read_bandwidth_gbs']:.2f} GB/s, {c['bytes_per_sweep'] / 1e6:.1f} MB per sweep")
    for r in c["runs"]:
        cpu, wall = r["min_cpu_seconds"], r.get("min_wall_seconds")
        text = f"  {r['method']}"
        if "threads" in r:
            text += f" threads {r['threads']}"
        text += f" tol {r['tolerance']:.0e}: cpu {cpu * 1e3:.1f} ms"
        if i:
            text += f" ({cpu / i['min_cpu_seconds']:.2f}x)"
        if wall is not None:
            text += f", wall {wall * 1e3:.1f} ms"
            if i:
                text += f" ({wall / i['min_wall_seconds']:.2f}x)"
        text += f", {r['sweeps']} sweeps, L1 error {r['l1_error']:.1e}"
        if "error_bound" in r:
            text += (f" (bound {r['error_bound']:.1e}), per sweep {r['seconds_per_sweep'] * 1e3:.2f} ms = "
                     f"{r['ratio_to_bandwidth_bound']:.2f}x bound, setup+1 sweep cpu "
                     f"{r['setup_and_one_sweep_cpu_seconds'] * 1e3:.1f} / wall {r['setup_and_one_sweep_wall_seconds'] * 1e3:.1f} ms")
        print(text)
