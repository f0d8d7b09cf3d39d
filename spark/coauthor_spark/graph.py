"""Graph algorithms on Spark DataFrames: degree and strength, connected components
(large-star/small-star), weighted PageRank with Coauthor's error bound, label propagation.

Nodes are keyed by their string id; `edges` has one row per undirected edge with
`source < target`, `weight` (double) and `first` orders for deterministic sums.
"""
from pyspark.sql import functions as F


def _checkpoint(df):
    """Cuts the lineage of an iterated DataFrame (kept on the executors)."""
    return df.localCheckpoint(eager=True)


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
        e = new
        if (changed == 0 and same_size) or rounds >= max_rounds:
            break
    # Converged: a star per component around its smallest node.
    comp = e.groupBy("a").agg(F.min("b").alias("component")).withColumnRenamed("a", "id")
    return (node_ids.join(comp, "id", "left")
            .select("id", F.coalesce("component", "id").alias("component"))), rounds


def pagerank(nodes, edges, damping=0.85, tolerance=1e-10, max_iterations=1000, log=None):
    """Weighted PageRank as Coauthor defines it (GraphAlgorithms/Centrality/PageRank.swift):
    x_v = (1 - a)/n + a (sum_u x_u w_uv / s_u + D/n), D the mass on dangling (isolated) nodes.

    Method: the power iteration, distributed (one join and one aggregation a step), with the
    mass of every component moved to its exact value |C| g/(1 - a) before each step along the
    strengths (the walk's stationary direction, as Coauthor does), and dangling nodes set to
    their exact value g = (1 - a)/(n - a k). Stopping rule, Coauthor's: T is an L1 contraction
    with factor a, so after y -> T(y), ||T(y) - x*||_1 <= a/(1 - a) ||T(y) - y||_1; the job stops
    at the first step where that bound is <= tolerance and reports it.

    `nodes` needs (id, strength, component). Returns (DataFrame (id, pagerank), iterations,
    bound)."""
    a = float(damping)
    n = nodes.count()
    if n == 0:
        return nodes.select("id", F.lit(0.0).alias("pagerank")), 0, 0.0
    k = nodes.where(F.col("strength") == 0).count()
    g = (1 - a) / (n - a * k)
    info = _checkpoint(nodes.select("id", "strength", "component"))
    comp = _checkpoint(info.where(F.col("strength") > 0).groupBy("component").agg(
        F.count("*").alias("size"), F.sum("strength").alias("comp_strength"))
        .withColumn("mass", F.col("size") * F.lit(g / (1 - a))))
    arcs = arcs_of(edges).join(info.select(F.col("id").alias("node"), "strength"), "node") \
        .select(F.col("node").alias("src"), F.col("nbr").alias("dst"), (F.col("weight") / F.col("strength")).alias("p"))
    arcs = _checkpoint(arcs.repartition("src"))
    x = _checkpoint(info.select("id", "strength", "component", F.lit(1.0 / n).alias("x")))
    iterations = 0
    bound = float("inf")
    while iterations < max_iterations:
        # Move each component's mass to its exact value along the strengths; dangling: g.
        sums = x.where(F.col("strength") > 0).groupBy("component").agg(F.sum("x").alias("cur"))
        c = sums.join(comp, "component").select(
            "component", ((F.col("cur") - F.col("mass")) / F.col("comp_strength")).alias("c"))
        y = (x.join(c, "component", "left")
             .select("id", "strength", "component",
                     F.when(F.col("strength") == 0, F.lit(g))
                     .otherwise(F.col("x") - F.coalesce("c", F.lit(0.0)) * F.col("strength")).alias("y")))
        y = _checkpoint(y)
        dangling = y.where(F.col("strength") == 0).agg(F.sum("y")).first()[0] or 0.0
        gathered = (arcs.join(y.select(F.col("id").alias("src"), "y"), "src")
                    .groupBy("dst").agg(F.sum(F.col("p") * F.col("y")).alias("in")))
        base = (1 - a) / n + a * dangling / n
        nxt = (y.join(gathered.withColumnRenamed("dst", "id"), "id", "left")
               .select("id", "strength", "component", "y",
                       (F.lit(base) + F.lit(a) * F.coalesce("in", F.lit(0.0))).alias("x")))
        nxt = _checkpoint(nxt)
        change = nxt.agg(F.sum(F.abs(F.col("x") - F.col("y")))).first()[0] or 0.0
        iterations += 1
        bound = a / (1 - a) * change
        x = nxt.select("id", "strength", "component", "x")
        if log:
            log("pagerank step %d: L1 error bound %.3g" % (iterations, bound))
        if bound <= tolerance:
            break
    return x.select("id", F.col("x").alias("pagerank")), iterations, bound


def label_propagation(node_ids, edges, max_rounds=20):
    """Communities by weighted label propagation (Raghavan et al. 2007), synchronous and
    deterministic: every node takes the label with the largest total edge weight among its
    neighbours (ties: the larger label; isolated nodes keep their own); stops when no label
    changes or after `max_rounds` (synchronous updates can oscillate between two labellings:
    the cap ends that). Returns (id, label) and the rounds run."""
    arcs = _checkpoint(arcs_of(edges))
    labels = _checkpoint(node_ids.select("id", F.col("id").alias("label")))
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
        labels = nxt.select("id", "label")
        if changed == 0:
            break
    return labels, rounds
