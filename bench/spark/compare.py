"""Equality of the Spark job's output folder with Coauthor's CSV export of the same input:
    python bench/spark/compare.py JOB_OUT COAUTHOR_PREFIX   (PREFIX.nodes.csv, PREFIX.edges.csv)
Checks every edge and its weight, every node's degree and strength, the component partition (the
job's `component` column against a union-find over Coauthor's edges) and the PageRank L1
difference (<= 1e-9). Prints one line: nodes, edges, components, mismatches and the PageRank L1
difference; exits 1 on a mismatch."""
import csv
import glob
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "spark"))
from coauthor_spark import rules  # noqa: E402

csv.field_size_limit(1 << 30)


def main(job_out, prefix):
    nodes = {}
    for part in sorted(glob.glob(os.path.join(job_out, "nodes.csv", "part-*.csv"))):
        with open(part, encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                nodes[r["id"]] = r
    edges = {}
    for part in sorted(glob.glob(os.path.join(job_out, "edges.csv", "part-*.csv"))):
        with open(part, encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                edges[(r["source"], r["target"])] = float(r["weight"])
    index = {}
    bad = []
    l1 = 0.0
    with open(prefix + ".nodes.csv", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            label = r["label"][1:] if r["label"][:1] == "'" and r["label"][1:2] in "=+-@" else r["label"]
            nid = "key:" + rules.key(label)
            index[r["id"]] = nid
            mine = nodes.get(nid)
            if mine is None:
                bad.append("node %s missing" % nid)
                continue
            if int(mine["degree"]) != int(r["degree"]) or float(mine["strength"]) != float(r["strength"]):
                bad.append("node %s: degree/strength %s/%s vs %s/%s" % (nid, mine["degree"], mine["strength"], r["degree"], r["strength"]))
            l1 += abs(float(mine["pagerank"]) - float(r["pagerank"]))
    theirs = 0
    their_pairs = []
    with open(prefix + ".edges.csv", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            theirs += 1
            s, t = sorted((index[r["source"]], index[r["target"]]))
            their_pairs.append((s, t))
            if edges.get((s, t)) != float(r["weight"]):
                bad.append("edge %s-%s: %s vs %s" % (s, t, edges.get((s, t)), r["weight"]))
    # The component partition: the job's labels against a union-find over Coauthor's edges.
    parent = {v: v for v in index.values()}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x
    for s, t in their_pairs:
        a, b = find(s), find(t)
        if a != b:
            parent[max(a, b)] = min(a, b)
    theirs_groups, job_groups = {}, {}
    for v in index.values():
        theirs_groups.setdefault(find(v), set()).add(v)
        if v in nodes:
            job_groups.setdefault(nodes[v]["component"], set()).add(v)
    same = sorted(map(sorted, theirs_groups.values())) == sorted(map(sorted, job_groups.values()))
    if not same:
        bad.append("component partitions differ: job %d components, Coauthor %d" % (len(job_groups), len(theirs_groups)))
    components = len(theirs_groups)
    if len(index) != len(nodes) or theirs != len(edges):
        bad.append("sizes: job %d nodes %d edges, Coauthor %d nodes %d edges" % (len(nodes), len(edges), len(index), theirs))
    print("%s: %d nodes, %d edges, %d components (partition %s); %d mismatches; PageRank L1 difference %.3g%s" % (
        os.path.basename(job_out), len(nodes), len(edges), components, "equal" if same else "DIFFERENT", len(bad), l1, ("; first: " + bad[0]) if bad else ""))
    return 1 if bad or l1 > 1e-9 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
