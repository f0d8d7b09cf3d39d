#!/usr/bin/env python3
"""networkx round trip of `coauthor export` on the bundled MATS listing.

Runs the built `coauthor export Examples/mats-research.txt` into GraphML, GEXF and node-link
JSON, reads each back with networkx (`nx.read_graphml`, `nx.read_gexf`, `nx.node_link_graph`)
and checks it against an independent parse of the listing (no Coauthor code, the same parse as
Tests/NetworksTests/seed_reference.py: every 'Authors:' line is one paper, identical author lists
are one paper, full counting, no alias file):

* 77 nodes and 343 edges, the same names;
* every node's `papers` = papers listing the author, and `fellow` a boolean;
* every edge weight = shared papers;
* every metric equal to networkx recomputed on the reference graph: degree, strength, core
  number and clustering exactly (1e-12), betweenness, closeness, harmonic to 1e-9, PageRank
  (converged: `tol=1e-15`) to 1e-9 and eigenvector to 1e-6 (as described in `eigenvector` below);
* `community` numbers a partition into communities numbered 1..k, largest first.

Usage: export_roundtrip.py <coauthor binary> <repository root>
Prints one 'ok' line per check; exits 1 on the first failure, 0 when every check passed.
Called by Tests/CLITests/ExportCommandTests.swift (skipped there when networkx is missing,
unless COAUTHOR_REQUIRE_NETWORKX=1, which scripts/test.sh sets).
"""
import itertools
import json
import math
import pathlib
import subprocess
import sys
import tempfile

import networkx as nx


def fail(message):
    print(f"FAIL {message}")
    sys.exit(1)


def ok(message):
    print(f"ok   {message}")


def reference_graph(listing):
    """The author graph parsed independently from the listing, with papers per author."""
    lines = [l.strip().replace("\xa0", " ") for l in open(listing, encoding="utf-8")]
    lines = [l for l in lines if l]
    papers = []
    for i, l in enumerate(lines):
        if l == "Authors:":
            a = tuple(x.strip() for x in lines[i + 1].split(",") if x.strip())
            if a not in papers:
                papers.append(a)
    G = nx.Graph()
    for a in papers:
        for name in a:
            if name not in G:
                G.add_node(name, papers=0)
            G.nodes[name]["papers"] += 1
        for u, v in itertools.combinations(a, 2):
            w = G[u][v]["weight"] + 1 if G.has_edge(u, v) else 1
            G.add_edge(u, v, weight=w)
    return G


def eigenvector(R):
    """networkx `eigenvector_centrality_numpy(C, weight="weight")` of the component C with the
    largest spectral radius, zero elsewhere: the package's convention on disconnected graphs (the
    numpy variant refuses them with AmbiguousSolution; this is the limit of the power iteration)."""
    import numpy
    radius = {}
    for nodes in nx.connected_components(R):
        C = R.subgraph(nodes)
        radius[frozenset(nodes)] = max(numpy.linalg.eigvalsh(nx.to_numpy_array(C, weight="weight")))
    ranked = sorted(radius.values(), reverse=True)
    if len(ranked) > 1 and ranked[0] - ranked[1] < 1e-9:
        fail("two components tie for the largest spectral radius")
    top = max(radius, key=radius.get)
    values = dict.fromkeys(R.nodes, 0.0)
    values.update(nx.eigenvector_centrality_numpy(R.subgraph(top), weight="weight"))
    return values


def by_label(G):
    """The exported graph relabelled by its `label` attribute (names are unique)."""
    labels = {v: d["label"] for v, d in G.nodes(data=True)}
    if len(set(labels.values())) != len(labels):
        fail("labels are not unique")
    return nx.relabel_nodes(G, labels)


def close(a, b, tolerance):
    return abs(a - b) <= tolerance


def check(fmt, H, R, expected):
    if H.number_of_nodes() != 77 or H.number_of_edges() != 343:
        fail(f"{fmt}: {H.number_of_nodes()} nodes, {H.number_of_edges()} edges; expected 77, 343")
    ok(f"{fmt}: 77 nodes, 343 edges")
    if set(H.nodes) != set(R.nodes):
        fail(f"{fmt}: names differ: {sorted(set(H.nodes) ^ set(R.nodes))[:5]}")
    ok(f"{fmt}: the same 77 names as the independent parse")
    for v in R.nodes:
        if H.nodes[v]["papers"] != R.nodes[v]["papers"]:
            fail(f"{fmt}: papers of {v!r} = {H.nodes[v]['papers']}, expected {R.nodes[v]['papers']}")
        if not isinstance(H.nodes[v]["fellow"], bool):
            fail(f"{fmt}: fellow of {v!r} is {H.nodes[v]['fellow']!r}, not a boolean")
    ok(f"{fmt}: papers of every author (e.g. Meg Tong: {H.nodes['Meg Tong']['papers']})")
    for u, v, d in R.edges(data=True):
        if not H.has_edge(u, v) or H[u][v]["weight"] != d["weight"]:
            fail(f"{fmt}: weight of {u!r} -- {v!r} is {H[u][v].get('weight') if H.has_edge(u, v) else None}, expected {d['weight']}")
    ok(f"{fmt}: all 343 edge weights equal the shared papers")
    for metric, (values, tolerance) in expected.items():
        worst = max(abs(H.nodes[v][metric] - values[v]) for v in R.nodes)
        if worst > tolerance:
            v = max(R.nodes, key=lambda v: abs(H.nodes[v][metric] - values[v]))
            fail(f"{fmt}: {metric} of {v!r} = {H.nodes[v][metric]!r}, networkx {values[v]!r}")
        ok(f"{fmt}: {metric} of every node matches networkx (largest difference {worst:.1e})")
    communities = {}
    for v in H.nodes:
        communities.setdefault(H.nodes[v]["community"], []).append(v)
    numbers = sorted(communities)
    if numbers != list(range(1, len(numbers) + 1)):
        fail(f"{fmt}: communities are numbered {numbers}, not 1..{len(numbers)}")
    sizes = [len(communities[c]) for c in numbers]
    if sizes != sorted(sizes, reverse=True):
        fail(f"{fmt}: communities are not numbered largest first: {sizes}")
    modularity = nx.community.modularity(R, communities.values())
    ok(f"{fmt}: {len(numbers)} communities numbered 1..{len(numbers)}, largest first, modularity {modularity:.4f}")
    return {v: dict(H.nodes[v]) for v in H.nodes}


def main():
    binary, root = sys.argv[1], pathlib.Path(sys.argv[2])
    listing = root / "Examples/mats-research.txt"
    R = reference_graph(listing)
    betweenness = nx.betweenness_centrality(R)
    expected = {
        "degree": (dict(R.degree()), 0),
        "strength": (dict(R.degree(weight="weight")), 1e-12),
        "betweenness": (betweenness, 1e-9),
        "closeness": (nx.closeness_centrality(R), 1e-9),
        "harmonic": (nx.harmonic_centrality(R), 1e-9),
        # Converged (issue 14): networkx's default tol stops up to 2e-5 per node away.
        "pagerank": (nx.pagerank(R, alpha=0.85, weight="weight", tol=1e-15, max_iter=100000), 1e-9),
        "coreness": (nx.core_number(R), 0),
        "clustering": (nx.clustering(R), 1e-12),
    }
    try:
        expected["eigenvector"] = (eigenvector(R), 1e-6)
    except ImportError:
        print("skip eigenvector: numpy is not installed")

    with tempfile.TemporaryDirectory() as tmp:
        readers = {
            "graphml": lambda p: nx.read_graphml(p),
            "gexf": lambda p: nx.read_gexf(p),
            "json": lambda p: nx.node_link_graph(json.load(open(p, encoding="utf-8"))),
        }
        seen = {}
        for fmt, read in readers.items():
            path = f"{tmp}/authors.{fmt}"
            run = subprocess.run([binary, "export", str(listing), "--output", path], cwd=root, capture_output=True, text=True)
            if run.returncode != 0:
                fail(f"coauthor export --output {path}: exit {run.returncode}: {run.stderr}")
            G = read(path)
            if G.is_directed() or G.is_multigraph():
                fail(f"{fmt}: read back as {type(G).__name__}, expected Graph")
            seen[fmt] = check(fmt, by_label(G), R, expected)
        # The three files carry the same attributes (GEXF adds its viz; GraphML/JSON the label).
        for fmt in ("gexf", "json"):
            for v, attrs in seen["graphml"].items():
                other = {k: x for k, x in seen[fmt][v].items() if k != "viz"}
                if other != attrs:
                    fail(f"{fmt} and graphml differ at {v!r}: {other} vs {attrs}")
        ok("graphml, gexf and json carry identical node attributes")
        name = "Meg Tong"
        print(f"ok   e.g. {name}: papers {seen['json'][name]['papers']}, betweenness {seen['json'][name]['betweenness']!r} "
              f"(networkx {betweenness[name]!r})")


if __name__ == "__main__":
    main()
