"""Reference values for BurstDetectionTests.swift.

Runs the PyPI package burst_detection 0.1.3 (Kleinberg's batched two-state automaton) and, as a
second independent check, an exhaustive search over all 2^n state sequences with the same costs
(the package picks each state greedily; Coauthor finds the least-cost sequence, so the two agree
unless a burst needs looking ahead).

    python3 -m venv /work/venv-burst && /work/venv-burst/bin/pip install burst_detection==0.1.3 "numpy==1.23.5" "pandas==1.5.3"
    /work/venv-burst/bin/python Tests/AnalysisTests/burst_reference.py
"""
import itertools
import math

import numpy as np
import pandas as pd

# burst_detection 0.1.3 needs numpy < 1.24 (np.float; q[t] = np.where(...)): pip install "numpy==1.23.5" "pandas==1.5.3"
import burst_detection as bd  # noqa: E402


def package(r, d, s=2.0, gamma=1.0):
    n = len(r)
    q, d_, r_, p = bd.burst_detection(pd.Series(r, dtype=float), pd.Series(d, dtype=float), n, s, gamma, 1)
    bursts = bd.enumerate_bursts(q, "tag")
    weights = bd.burst_weights(bursts, pd.Series(r, dtype=float), pd.Series(d, dtype=float), p)
    rows = sorted((int(b), int(e), float(w)) for b, e, w in zip(weights.begin, weights.end, weights.weight))
    return [int(x) for x in q.flatten()], rows, p


def exhaustive(r, d, s=2.0, gamma=1.0):
    n = len(r)
    p0 = sum(r) / sum(d)
    p1 = min(s * p0, 0.99999)
    tau = gamma * math.log(n)

    def fit(t, p):
        return -((r[t] * math.log(p) if r[t] else 0) + ((d[t] - r[t]) * math.log(1 - p) if d[t] > r[t] else 0))

    best = None
    for q in itertools.product((0, 1), repeat=n):
        cost, prev = 0.0, 0
        for t, j in enumerate(q):
            cost += (tau if j > prev else 0) + fit(t, p1 if j else p0)
            prev = j
        # ties: the sequence with fewer burst years, then the lexicographically smaller
        key = (round(cost, 9), sum(q), q)
        if best is None or key < best[0]:
            best = (key, q)
    q = best[1]
    bursts, t = [], 0
    while t < n:
        if q[t]:
            b = t
            w = 0.0
            while t < n and q[t]:
                w += fit(t, p0) - fit(t, p1)
                t += 1
            bursts.append((b, t - 1, w))
        else:
            t += 1
    return list(q), bursts


SERIES = {
    # made up: a two-year burst in the middle and a weaker one at the end
    "made-up": ([0, 1, 1, 0, 9, 8, 2, 1, 5, 6], [20, 22, 25, 24, 30, 28, 26, 30, 32, 35]),
    # paperlists-papercopilot papers.tsv.gz, keyword "Imitation Learning" (exact string), years
    # 2017..2025 (2019 has no paper with keywords); d = papers with at least one keyword that year
    "paperlists Imitation Learning": ([0, 3, 0, 0, 13, 17, 11, 35, 33], [395, 889, 0, 779, 874, 1057, 1281, 2243, 1468]),
    # the same, keyword "Large Language Models"
    "paperlists Large Language Models": ([0, 0, 0, 0, 0, 2, 2, 32, 64], [395, 889, 0, 779, 874, 1057, 1281, 2243, 1468]),
    # Tests/CLITests/Fixtures/timeline/papers.json: tags "agents", "x" and "y", 2020..2023, d = [3, 3, 3, 3]
    "fixture agents": ([0, 1, 3, 3], [3, 3, 3, 3]),
    "fixture x": ([3, 2, 0, 0], [3, 3, 3, 3]),
    "fixture y": ([1, 1, 0, 0], [3, 3, 3, 3]),
    # a series where the greedy package and the least-cost sequence differ: year 4's gain alone
    # (6 of 30) does not pay for tau = ln 10, years 4 and 5 together do
    "look-ahead": ([0, 1, 1, 0, 6, 8, 2, 1, 0, 1], [20, 22, 25, 24, 30, 28, 26, 30, 32, 35]),
}

if __name__ == "__main__":
    for name, (r, d) in SERIES.items():
        q, rows, p = package(r, d)
        eq, ebursts = exhaustive(r, d)
        print(f"{name}: r={r} d={d}")
        print(f"  p0={p[0]!r} p1={p[1]!r}")
        print(f"  burst_detection q={q} bursts={rows}")
        print(f"  exhaustive      q={eq} bursts={[(b, e, repr(w)) for b, e, w in ebursts]}")
