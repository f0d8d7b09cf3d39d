#!/usr/bin/env python3
"""Prepare the benchmark graphs once into bench/.cache/graphs/ (standard library only).

Every graph is written in one form that all libraries load the same way:

    <name>.tsv   '# nodes N edges M source PATH' then one 'u<TAB>v' line per edge,
                 0 <= u < v < N, contiguous ids, no self-loops, no duplicates, sorted
    <name>.bin   the same edges as little-endian int32 pairs (for the Python runners: they load
                 with numpy.fromfile, so parsing text does not inflate their peak memory)

A weighted graph (newman-cond-mat) has the word `weighted` in its header, a third column
`w` (Python repr of the float) on every line, and `<name>.w.bin`: the weights as little-endian
float64, in edge order.

SNAP ids are relabelled 0..N-1 in increasing order of the original id; a node whose only edge is a
self-loop stays as an isolated node (it is in N). The paperlists author graph is derived from
papers.tsv.gz: the `authors` column split on ';', names kept exactly (no normalisation), each paper
contributing every pair of its distinct authors; node ids in order of first appearance; every
author string is a node, including authors with no co-author. newman-cond-mat keeps Newman's node
ids (0..16725, every node of nodes.tsv.gz, isolated ones included) and his collaboration weight
(sum over shared papers of 1/(authors - 1)) as the edge weight.

Usage: prepare_graphs.py --data ../shared/data --out bench/.cache/graphs NAME...
"""
import argparse
import array
import gzip
import os
import sys

SOURCES = {
    "ca-GrQc": "snap-ca-GrQc/edges.undirected.tsv.gz",
    "ca-CondMat": "snap-ca-CondMat/edges.undirected.tsv.gz",
    "com-DBLP": "snap-com-DBLP/dblp.csv.gz",
    "paperlists": "paperlists-papercopilot/papers.tsv.gz",
    "newman-cond-mat": "newman-cond-mat/edges.tsv.gz",
}


def read_snap(path):
    pairs = set()
    ids = set()
    with gzip.open(path, "rt") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            a, b = line.split()[:2]
            a, b = int(a), int(b)
            ids.add(a)
            ids.add(b)
            if a != b:
                pairs.add((min(a, b), max(a, b)))
    index = {v: i for i, v in enumerate(sorted(ids))}
    return len(index), {(index[a], index[b]) for a, b in pairs}


def read_paperlists(path):
    index = {}
    pairs = set()
    with gzip.open(path, "rt", encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        col = header.index("authors")
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) <= col or not fields[col]:
                continue
            names = []
            for name in fields[col].split(";"):
                if name and name not in names:
                    names.append(name)
            ids = []
            for name in names:
                if name not in index:
                    index[name] = len(index)
                ids.append(index[name])
            for i in range(len(ids)):
                for j in range(i + 1, len(ids)):
                    a, b = ids[i], ids[j]
                    pairs.add((a, b) if a < b else (b, a))
    return len(index), pairs


def read_newman(path):
    """Newman's weighted cond-mat: 'source<TAB>target<TAB>value' lines, ids 0..N-1 (N from the
    nodes.tsv.gz beside it, which lists isolated authors too)."""
    weights = {}
    with gzip.open(path, "rt") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            a, b, w = line.split("\t")[:3]
            a, b, w = int(a), int(b), float(w)
            if a == b or not w > 0:
                sys.exit(f"error: {path}: unexpected self-loop or non-positive weight in line {line!r}")
            key = (min(a, b), max(a, b))
            if key in weights:
                sys.exit(f"error: {path}: duplicate edge {key}")
            weights[key] = w
    with gzip.open(os.path.join(os.path.dirname(path), "nodes.tsv.gz"), "rt") as f:
        n = sum(1 for line in f if line.strip() and not line.startswith("#"))
    if max(b for _, b in weights) >= n:
        sys.exit(f"error: {path}: a node id is not below the {n} nodes of nodes.tsv.gz")
    return n, weights


def write(name, n, pairs, source, out):
    edges = sorted(pairs)
    weights = pairs if isinstance(pairs, dict) else None
    tsv = os.path.join(out, name + ".tsv")
    binary = os.path.join(out, name + ".bin")
    with open(tsv + ".tmp", "w") as f:
        f.write(f"# nodes {n} edges {len(edges)} source {source}{' weighted' if weights else ''}\n")
        if weights:
            f.writelines(f"{a}\t{b}\t{weights[(a, b)]!r}\n" for a, b in edges)
        else:
            f.writelines(f"{a}\t{b}\n" for a, b in edges)
    flat = array.array("i")
    for a, b in edges:
        flat.append(a)
        flat.append(b)
    if sys.byteorder != "little":
        flat.byteswap()
    with open(binary + ".tmp", "wb") as f:
        flat.tofile(f)
    os.replace(binary + ".tmp", binary)
    if weights:
        w = array.array("d", (weights[e] for e in edges))
        if sys.byteorder != "little":
            w.byteswap()
        with open(binary[:-4] + ".w.bin", "wb") as f:
            w.tofile(f)
    os.replace(tsv + ".tmp", tsv)  # last: its presence means the graph is complete
    print(f"  {name}: {n} nodes, {len(edges)} edges -> {tsv}", flush=True)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("graphs", nargs="+", choices=sorted(SOURCES))
    args = p.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for name in args.graphs:
        if os.path.exists(os.path.join(args.out, name + ".tsv")):
            print(f"  {name}: cached", flush=True)
            continue
        path = os.path.join(args.data, SOURCES[name])
        if not os.path.exists(path):
            sys.exit(f"error: {path} is missing (expected the shared data sets in {args.data})")
        if name == "paperlists":
            n, pairs = read_paperlists(path)
        elif name == "newman-cond-mat":
            n, pairs = read_newman(path)
        else:
            n, pairs = read_snap(path)
        write(name, n, pairs, SOURCES[name], args.out)


if __name__ == "__main__":
    main()
