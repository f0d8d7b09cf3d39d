"""Graph algorithms on Spark DataFrames: degree and strength, connected components
(large-star/small-star), weighted PageRank with Coauthor's error bound, label propagation.

Nodes are keyed by their string id; `edges` has one row per undirected edge with
`source < target`, `weight` (double) and `first` orders for deterministic sums.
"""
from pyspark.sql import functions as F


def _checkpoint(df):
    """Cuts the lineage of an iterated DataFrame (kept on the executors)."""
    return df.localCheckpoint(eager=True)


def _release(df):
    """Frees the blocks of a DataFrame made by _checkpoint once nothing will read it again.

    A local checkpoint's blocks otherwise stay in the executors' storage memory until the JVM
    garbage-collects the RDD and Spark's cleaner notices (its periodic GC runs every 30 minutes):
    an iterated algorithm that checkpoints every step fills the heap with dead steps. Best effort:
    a DataFrame that is not a checkpoint is left alone."""
    if df is None:
        return
    try:
        plan = df._jdf.queryExecution().analyzed()
        if plan.getClass().getSimpleName() == "LogicalRDD":
            plan.rdd().unpersist(False)
    except Exception:  # pragma: no cover - a Spark without these internals: the cleaner frees it later
        pass


def arcs_of(edges):
    """Both directions of every edge: (node, nbr, weight)."""
    return (edges.select(F.col("source").alias("node"), F.col("target").alias("nbr"), "weight")
            .unionByName(edges.select(F.col("target").alias("node"), F.col("source").alias("nbr"), "weight")))


def degree_strength(nodes, edges):
    """degree (distinct neighbours) and strength (sum of weights, added in the order of the
    neighbours' first appearance, as Coauthor's adjacency lists hold them) of every node."""
    arcs = arcs_of(edges).join(nodes.select(F.col("id").alias("nbr"), F.col("first").alias("nfirst")), "nbr")
    agg = arcs.groupBy("node").agg(
        F.count("*").alias("degree"),
        F.expr("aggregate(array_sort(collect_list(struct(nfirst, weight))), 0D, (acc, x) -> acc + x.weight)")
        .alias("strength"))
    return (nodes.join(agg.withColumnRenamed("node", "id"), "id", "left")
            .withColumn("degree", F.coalesce("degree", F.lit(0)).cast("long"))
            .withColumn("strength", F.coalesce("strength", F.lit(0.0))))


def components(node_ids, edges, max_rounds=200):
    """Connected components by large-star/small-star (Kiveris et al., "Connected Components in
    MapReduce and Beyond", SoCC 2014): O(log n) rounds of two shuffles each. Returns
    (id, component) with component = the smallest node id (string order) of its component."""
    e = _checkpoint(edges.select(F.col("source").alias("a"), F.col("target").alias("b")).distinct())
    rounds = 0
    while True:
        rounds += 1
        # Large-star: every node links its larger neighbours to the smallest of its neighbourhood.
        both = e.select(F.col("a").alias("u"), F.col("b").alias("v")).unionByName(
            e.select(F.col("b").alias("u"), F.col("a").alias("v")))
        m = both.groupBy("u").agg(F.min("v").alias("mv")).select("u", F.least("u", "mv").alias("m"))
        large = (both.join(m, "u").where(F.col("v") > F.col("u"))
                 .select(F.col("v").alias("a"), F.col("m").alias("b")).where(F.col("a") != F.col("b")))
        # Small-star: every node links itself and its smaller neighbours to the smallest of them.
        oriented = large.select(F.greatest("a", "b").alias("u"), F.least("a", "b").alias("v")).distinct()
        m2 = oriented.groupBy("u").agg(F.min("v").alias("m"))
        small = (oriented.join(m2, "u").select(F.col("v").alias("a"), F.col("m").alias("b"))
                 .unionByName(m2.select(F.col("u").alias("a"), F.col("m").alias("b")))
                 .where(F.col("a") != F.col("b"))
                 .select(F.greatest("a", "b").alias("a"), F.least("a", "b").alias("b")).distinct())
        new = _checkpoint(small)
        changed = new.exceptAll(e.select(F.greatest("a", "b").alias("a"), F.least("a", "b").alias("b"))).limit(1).count()
        same_size = new.count() == e.count()
        _release(e)
        e = new
        if (changed == 0 and same_size) or rounds >= max_rounds:
            break
    # Converged: a star per component around its smallest node.
    comp = e.groupBy("a").agg(F.min("b").alias("component")).withColumnRenamed("a", "id")
    return (node_ids.join(comp, "id", "left")
            .select("id", F.coalesce("component", "id").alias("component"))), rounds


def pagerank(nodes, edges, damping=0.85, tolerance=1e-10, max_iterations=1000, log=None):
    """Weighted PageRank as Coauthor defines it (GraphAlgorithms/Centrality/PageRank.swift):
    T(x)_v = (1 - a)/n + a (sum_u x_u w_uv / s_u + D/n), D the mass on dangling (isolated) nodes.

    Method: Chebyshev semi-iteration on T, distributed (one join and one aggregation a step).
    Dangling nodes have the exact value g = (1 - a)/(n - a k) (k of them), so D = k g and T is
    affine with linear part a M on the other nodes; M = W S^-1 is similar to a symmetric matrix
    with eigenvalues in [-1, 1], so the Chebyshev recurrence for the interval [-a, a]
    (x_{k+1} = w_{k+1} (T(x_k) - x_{k-1}) + x_{k-1}, w_1 = 1, w_2 = 1/(1 - a^2/2),
    w_{k+1} = 1/(1 - a^2 w_k/4), tending to Young's 2/(1 + sqrt(1 - a^2)) = 1.31 for a = 0.85)
    shrinks the error about 0.56 a step instead of the power iteration's 0.85.

    Stopping rule, Coauthor's: T is an L1 contraction with factor a, so for any x,
    ||T(x) - x*||_1 <= a/(1 - a) ||T(x) - x||_1; the job returns T(x_k) at the first step where
    that bound is <= tolerance, and reports the bound.

    `nodes` needs (id, strength). Returns (DataFrame (id, pagerank), iterations, bound)."""
    a = float(damping)
    n = nodes.count()
    if n == 0:
        return nodes.select("id", F.lit(0.0).alias("pagerank")), 0, 0.0
    k = nodes.where(F.col("strength") == 0).count()
    g = (1 - a) / (n - a * k)
    base = (1 - a) / n + a * k * g / n
    arcs = arcs_of(edges).join(nodes.select(F.col("id").alias("node"), "strength"), "node") \
        .select(F.col("node").alias("src"), F.col("nbr").alias("dst"), (F.col("weight") / F.col("strength")).alias("p"))
    # The adjacency once, hash-partitioned by source, and the rank vector partitioned the same
    # way by id: the join of a step then moves neither (only the sums by target are shuffled).
    arcs = _checkpoint(arcs.repartition("src"))
    start = F.when(F.col("strength") == 0, F.lit(g)).otherwise(F.lit(1.0 / n))
    state = _checkpoint(nodes.select("id", "strength", start.alias("x"), start.alias("xprev")).repartition("id"))
    iterations = 0
    bound = float("inf")
    omega = 1.0
    result = None
    previous = state
    while iterations < max_iterations:
        gathered = (arcs.join(state.select(F.col("id").alias("src"), "x"), "src")
                    .groupBy("dst").agg(F.sum(F.col("p") * F.col("x")).alias("gathered")))
        t = F.when(F.col("strength") == 0, F.lit(g)).otherwise(F.lit(base) + F.lit(a) * F.coalesce("gathered", F.lit(0.0)))
        step = (state.join(gathered.withColumnRenamed("dst", "id"), "id", "left")
                .select("id", "strength", "x", "xprev", t.alias("t")))
        # Every step is checkpointed, and the one before it freed. The state of a step is read
        # twice by the next (the join and the sums), so without a cut at every step the query
        # plan doubles each step (2^k copies after k steps), and cached-but-uncut steps kept
        # the whole chain: that ran the driver out of Java heap on paperlists (95k papers).
        step = _checkpoint(step)
        change = step.agg(F.sum(F.abs(F.col("t") - F.col("x")))).first()[0] or 0.0
        _release(previous)
        previous = step
        iterations += 1
        bound = a / (1 - a) * change
        result = step
        if log:
            log("pagerank step %d: L1 error bound %.3g" % (iterations, bound))
        if bound <= tolerance:
            break
        omega = 1.0 if iterations == 1 else (1 / (1 - a * a / 2) if iterations == 2 else 1 / (1 - a * a * omega / 4))
        state = step.select("id", "strength", (F.lit(omega) * (F.col("t") - F.col("xprev")) + F.col("xprev")).alias("x"),
                            F.col("x").alias("xprev"))
    return result.select("id", F.col("t").alias("pagerank")), iterations, bound


def label_propagation(node_ids, edges, max_rounds=20):
    """Communities by weighted label propagation (Raghavan et al. 2007), synchronous and
    deterministic: every node takes the label with the largest total edge weight among its
    neighbours (ties: the larger label; isolated nodes keep their own); stops when no label
    changes or after `max_rounds` (synchronous updates can oscillate between two labellings:
    the cap ends that). Returns (id, label) and the rounds run."""
    arcs = _checkpoint(arcs_of(edges))
    labels = _checkpoint(node_ids.select("id", F.col("id").alias("label")))  # 'label': the community label here
    previous = labels
    rounds = 0
    while rounds < max_rounds:
        rounds += 1
        votes = (arcs.join(labels.select(F.col("id").alias("nbr"), "label"), "nbr")
                 .groupBy("node", "label").agg(F.sum("weight").alias("score")))
        best = votes.groupBy("node").agg(F.max(F.struct("score", "label")).alias("best")) \
            .select(F.col("node").alias("id"), F.col("best.label").alias("new"))
        nxt = _checkpoint(labels.join(best, "id", "left")
                          .select("id", F.coalesce("new", "label").alias("label"), F.col("label").alias("old")))
        changed = nxt.where(F.col("label") != F.col("old")).limit(1).count()
        _release(previous)
        previous = nxt
        labels = nxt.select("id", "label")
        if changed == 0:
            break
    return labels, rounds


# MARK: the same algorithms on the driver, for graphs small enough to collect

def local_components(ids, edges):
    """Union-find; component = the smallest id (string order) of its component."""
    parent = {i: i for i in ids}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x
    for s, t, _ in edges:
        a, b = find(s), find(t)
        if a != b:
            if b < a:
                a, b = b, a
            parent[b] = a
    return {i: find(i) for i in ids}


def local_pagerank(strength, edges, damping=0.85, tolerance=1e-10, max_iterations=1000):
    """pagerank() on the driver: the same Chebyshev recurrence and stopping rule."""
    a = float(damping)
    ids = list(strength)
    n = len(ids)
    if n == 0:
        return {}, 0, 0.0
    index = {v: i for i, v in enumerate(ids)}
    s = [strength[v] for v in ids]
    k = sum(1 for x in s if x == 0)
    g = (1 - a) / (n - a * k)
    base = (1 - a) / n + a * k * g / n
    arcs = []
    for u, v, w in edges:
        i, j = index[u], index[v]
        arcs.append((i, j, w / s[i]))
        arcs.append((j, i, w / s[j]))
    x = [g if s[i] == 0 else 1.0 / n for i in range(n)]
    xprev = list(x)
    omega = 1.0
    iterations = 0
    bound = float("inf")
    t = x
    while iterations < max_iterations:
        gathered = [0.0] * n
        for i, j, p in arcs:
            gathered[j] += p * x[i]
        t = [g if s[i] == 0 else base + a * gathered[i] for i in range(n)]
        change = sum(abs(t[i] - x[i]) for i in range(n))
        iterations += 1
        bound = a / (1 - a) * change
        if bound <= tolerance:
            break
        omega = 1.0 if iterations == 1 else (1 / (1 - a * a / 2) if iterations == 2 else 1 / (1 - a * a * omega / 4))
        x, xprev = [omega * (t[i] - xprev[i]) + xprev[i] for i in range(n)], x
    return {ids[i]: t[i] for i in range(n)}, iterations, bound


def local_label_propagation(ids, edges, max_rounds=10):
    """label_propagation() on the driver: the same synchronous rule (ties: the larger label)."""
    nbrs = {i: [] for i in ids}
    for s, t, w in edges:
        nbrs[s].append((t, w))
        nbrs[t].append((s, w))
    labels = {i: i for i in ids}
    rounds = 0
    while rounds < max_rounds:
        rounds += 1
        new = {}
        for v in ids:
            if not nbrs[v]:
                new[v] = labels[v]
                continue
            score = {}
            for u, w in nbrs[v]:
                score[labels[u]] = score.get(labels[u], 0.0) + w
            new[v] = max(score.items(), key=lambda kv: (kv[1], kv[0]))[0]
        changed = any(new[v] != labels[v] for v in ids)
        labels = new
        if not changed:
            break
    return labels, rounds
