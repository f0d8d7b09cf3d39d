#!/usr/bin/env python3
"""One reference per graph for the iterative centralities, and the accuracy check against it.

    reference.py GRAPH_STEM...      computes (or reuses) bench/.cache/reference/<name>.npz

PageRank reference: damping d = 0.85, uniform teleport, a dangling node (degree 0: isolated
authors) spreads its score uniformly over all nodes (the convention of Coauthor, igraph PRPACK,
networkx and NetworKit's `SinkHandling.DISTRIBUTE_SINKS`), by power iteration in float64 with
scipy sparse matrices,

    x_{k+1} = d · P^T x_k + (d · Σ_{dangling} x_k + 1 − d) / n,    P = D^{-1} A (row-stochastic),

from the uniform vector until the L1 change ‖x_{k+1} − x_k‖₁ < 1e-14 (the L1 error is then
≤ change · d/(1 − d) < 5.7e-14). Eigenvector reference: `scipy.sparse.linalg.eigsh(A, k=1,
which="LA", tol=0)` on the whole (symmetric, weighted when the graph is) adjacency matrix: the
principal eigenvector of the component with the largest spectral radius, zero elsewhere, which is
what every library's power/Lanczos/ARPACK iteration from a positive start converges to.

Every vector (reference and tool) is compared in one normalisation: sign made positive (sum > 0),
then scaled to unit L1 norm (sum 1). L1 error = Σ_v |x̂_v − r̂_v|. Top-100 agreement =
|top100(tool) ∩ top100(reference)|, where a node counts as in the reference's top 100 when its
reference score is ≥ the 100th largest reference score − 1e-12 · that score (ties at the cut are
not counted as disagreement); ties in the tool's order are broken by node id.
"""
import hashlib
import os
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
REF_DIR = os.path.join(HERE, ".cache", "reference")
DAMPING = 0.85
PAGERANK_STOP = 1e-14   # L1 change of the reference power iteration
THRESHOLD = 1e-9        # L1 error a tool must reach for its time to be compared
TOP = 100
VERSION = 1             # bump when the reference computation changes


def load_matrix(stem):
    """n and the symmetric CSR adjacency matrix (float64; weighted when <stem>.w.bin exists)."""
    import scipy.sparse as sp
    with open(stem + ".tsv") as f:
        words = f.readline().split()
    n = int(words[words.index("nodes") + 1])
    pairs = np.fromfile(stem + ".bin", dtype="<i4").reshape(-1, 2)
    w = np.fromfile(stem + ".w.bin", dtype="<f8") if os.path.exists(stem + ".w.bin") else np.ones(len(pairs))
    rows = np.concatenate([pairs[:, 0], pairs[:, 1]])
    cols = np.concatenate([pairs[:, 1], pairs[:, 0]])
    a = sp.csr_matrix((np.concatenate([w, w]), (rows, cols)), shape=(n, n), dtype=np.float64)
    return n, a


def pagerank_reference(a, damping=DAMPING, stop=PAGERANK_STOP, cap=20000):
    n = a.shape[0]
    strength = np.asarray(a.sum(axis=1)).ravel()
    dangling = strength == 0
    inv = np.where(dangling, 0.0, 1.0 / np.where(dangling, 1.0, strength))
    at = a.T.tocsr()  # = a (symmetric), kept general
    x = np.full(n, 1.0 / n)
    change, k = np.inf, 0
    while change >= stop and k < cap:
        nxt = damping * (at @ (x * inv)) + (damping * x[dangling].sum() + 1 - damping) / n
        change = np.abs(nxt - x).sum()
        x = nxt
        k += 1
    if change >= stop:
        raise RuntimeError(f"reference PageRank did not reach an L1 change < {stop} in {cap} steps ({change:.3g})")
    return x / x.sum(), k, change


def eigenvector_reference(a):
    from scipy.sparse.linalg import eigsh
    vals, vecs = eigsh(a, k=1, which="LA", tol=0)
    return normalise(vecs[:, 0]), float(vals[0])


def normalise(x):
    x = np.asarray(x, dtype=np.float64)
    s = x.sum()
    if s < 0:
        x, s = -x, -s
    return x / s if s != 0 else x


def top_agreement(x, ref, top=TOP):
    """|top(x) ∩ top(ref)|, ties at the reference's cut counted as agreement (see module doc)."""
    top = min(top, len(ref))
    if top == 0:
        return 0
    order = np.lexsort((np.arange(len(x)), -x))[:top]     # by score desc, then node id
    cut = np.sort(ref)[::-1][top - 1]
    return int(np.count_nonzero(ref[order] >= cut - 1e-12 * abs(cut)))


def accuracy(values, ref):
    """L1 error (unit-L1, positive-sign normalisation) and top-100 agreement of `values`."""
    x = normalise(values)
    if len(x) != len(ref) or not np.all(np.isfinite(x)):
        return {"l1_error": float("inf"), "top100": 0, "note": "wrong length or non-finite values"}
    return {"l1_error": float(np.abs(x - ref).sum()), "top100": top_agreement(x, ref)}


def graph_hash(stem):
    h = hashlib.sha256()
    for ext in (".bin", ".w.bin"):
        if os.path.exists(stem + ext):
            with open(stem + ext, "rb") as f:
                h.update(f.read())
    h.update(str(VERSION).encode())
    return h.hexdigest()[:16]


def reference(stem):
    """{"pagerank": vector, "eigenvector": vector, "meta": {...}}, computed once per graph file."""
    name = os.path.basename(stem)
    path = os.path.join(REF_DIR, name + ".npz")
    key = graph_hash(stem)
    if os.path.exists(path):
        z = np.load(path, allow_pickle=False)
        if str(z["key"]) == key:
            return {"pagerank": z["pagerank"], "eigenvector": z["eigenvector"],
                    "meta": {k: float(z[k]) for k in ("pagerank_steps", "pagerank_change", "eigenvalue", "seconds")}}
    t0 = time.perf_counter()
    n, a = load_matrix(stem)
    pr, steps, change = pagerank_reference(a)
    ev, lam = eigenvector_reference(a)
    seconds = time.perf_counter() - t0
    os.makedirs(REF_DIR, exist_ok=True)
    np.savez(path + ".tmp.npz", key=key, pagerank=pr, eigenvector=ev, pagerank_steps=steps,
             pagerank_change=change, eigenvalue=lam, seconds=seconds)
    os.replace(path + ".tmp.npz", path)
    print(f"  reference {name}: PageRank {steps} steps (L1 change {change:.2g}), eigsh λ₁ = {lam:.6f}, "
          f"{seconds:.1f} s -> {path}", flush=True)
    return {"pagerank": pr, "eigenvector": ev,
            "meta": {"pagerank_steps": steps, "pagerank_change": change, "eigenvalue": lam, "seconds": seconds}}


if __name__ == "__main__":
    for stem in sys.argv[1:]:
        reference(stem[:-4] if stem.endswith(".tsv") else stem)
