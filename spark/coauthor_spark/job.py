"""The Coauthor Spark job: co-authorship (or tag) networks with Coauthor's rules, on any Spark
master. Output folder format: spark/SCHEMA.md.

    spark-submit spark/coauthor_spark/job.py papers.tsv.gz --output OUT [--counting fractional]
    python -m coauthor_spark papers.tsv.gz --output OUT --master 'local[2]'
"""
import argparse
import csv
import os
import shutil
import sys
import time
import uuid

if __package__ in (None, ""):
    # Run as a script (spark-submit spark/coauthor_spark/job.py): make the package importable.
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    __package__ = "coauthor_spark"

from coauthor_spark import rules  # noqa: E402

FORMAT = "coauthor-spark 1"
NODE_COLUMNS = ["id", "label", "papers", "degree", "strength", "component", "pagerank", "community"]
EDGE_COLUMNS = ["source", "target", "weight", "papers"]


class JobError(Exception):
    pass


def parse_args(argv):
    p = argparse.ArgumentParser(prog="coauthor_spark", description="Coauthor's networks on Spark (see spark/SCHEMA.md).")
    p.add_argument("inputs", nargs="+", help="paper tables (.tsv/.csv[.gz], Parquet), OpenAlex works (.jsonl[.gz]), "
                   "SNAP edge lists, or Coauthor's CSV export (PREFIX.edges.csv)")
    p.add_argument("--output", required=True, help="output folder (must not exist unless --overwrite)")
    p.add_argument("--overwrite", action="store_true")
    p.add_argument("--graph", choices=["authors", "tags"], default="authors")
    p.add_argument("--counting", choices=["full", "fractional"], default="full")
    p.add_argument("--max-authors", default="100", help="leave out papers with more authors (default 100; 'none' keeps all)")
    p.add_argument("--aliases", help="Coauthor alias file (merge/split/rename/keep, tag-…)")
    p.add_argument("--input-format", choices=["table", "parquet", "openalex", "edges", "coauthor-export"])
    p.add_argument("--list-separator", default=";")
    p.add_argument("--backbone", type=int, default=1000, help="backbone size (top N nodes)")
    p.add_argument("--backbone-metric", choices=["pagerank", "degree", "strength", "papers"], default="pagerank")
    p.add_argument("--damping", type=float, default=0.85)
    p.add_argument("--tolerance", type=float, default=1e-10, help="PageRank L1 error bound (Coauthor's default 1e-10)")
    p.add_argument("--max-iterations", type=int, default=1000)
    p.add_argument("--lpa-rounds", type=int, default=10, help="label propagation rounds at most")
    p.add_argument("--driver-limit", type=int, default=200000,
                   help="graphs with at most this many edges run components, PageRank and label propagation "
                        "on the driver (the same algorithms; 0: always distributed)")
    p.add_argument("--master", help="Spark master when not run by spark-submit (default local[2])")
    p.add_argument("--partitions", type=int, help="spark.sql.shuffle.partitions (default: 2 x cores)")
    p.add_argument("--quiet", action="store_true")
    args = p.parse_args(argv)
    if args.max_authors.lower() == "none":
        args.max_authors = None
    else:
        try:
            args.max_authors = int(args.max_authors)
        except ValueError:
            p.error("--max-authors must be a number or 'none'")
        if args.max_authors < 1:
            p.error("--max-authors must be at least 1")
    if not (0 <= args.damping < 1):
        p.error("--damping must be in [0, 1)")
    if not (args.tolerance > 0):
        p.error("--tolerance must be positive")
    if args.backbone < 0:
        p.error("--backbone must be >= 0")
    return args


def check_environment(args):
    """Java and the input paths, before Spark starts: one clear message each."""
    if not os.environ.get("JAVA_HOME") and shutil.which("java") is None:
        raise JobError("Java is not installed (no 'java' on PATH and JAVA_HOME unset); Spark needs Java 17 or 21 "
                       "(Debian/Ubuntu: apt-get install openjdk-17-jre-headless)")
    for path in args.inputs:
        local = path[7:] if path.startswith("file://") else (None if "://" in path else path)
        if local is not None and any(c in local for c in "*?["):
            import glob
            if not glob.glob(local):
                raise JobError("input not found: %s (no file matches)" % path)
            continue
        if local is not None and not os.path.exists(local):
            raise JobError("input not found: %s" % path)
        if local is not None and local.endswith(".edges.csv"):
            nodes = local[: -len(".edges.csv")] + ".nodes.csv"
            if not os.path.exists(nodes):
                raise JobError("input not found: %s (the nodes file beside %s)" % (nodes, path))
    out = args.output.rstrip("/")
    if os.path.exists(out) and not args.overwrite:
        raise JobError("output folder exists: %s (use --overwrite to replace it)" % out)
    if args.aliases and not os.path.exists(args.aliases):
        raise JobError("alias file not found: %s" % args.aliases)


def package_zip():
    """The coauthor_spark package as a zip for the executors (their UDFs import it)."""
    import tempfile
    import zipfile
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(tempfile.mkdtemp(prefix="coauthor-spark-"), "coauthor_spark.zip")
    with zipfile.ZipFile(path, "w") as z:
        for name in sorted(os.listdir(here)):
            if name.endswith(".py"):
                z.write(os.path.join(here, name), "coauthor_spark/" + name)
    return path


def session(args):
    from pyspark.sql import SparkSession
    builder = SparkSession.builder.appName("coauthor-spark")
    if args.master:
        builder = builder.master(args.master)
    elif not os.environ.get("SPARK_ENV_LOADED") and "spark.master" not in os.environ.get("PYSPARK_SUBMIT_ARGS", ""):
        builder = builder.master(os.environ.get("COAUTHOR_SPARK_MASTER", "local[2]"))
    builder = builder.config("spark.sql.shuffle.partitions", str(args.partitions or 4)) \
        .config("spark.ui.enabled", "false").config("spark.sql.adaptive.enabled", "true") \
        .config("spark.ui.showConsoleProgress", os.environ.get("COAUTHOR_SPARK_PROGRESS", "false"))
    # The driver's heap (in local[N] the executors live in it too): Spark's default of 1 GB runs
    # out of heap on the 95k-paper paperlists table; set before the JVM starts (python launch).
    driver_memory = os.environ.get("COAUTHOR_SPARK_DRIVER_MEMORY")
    if driver_memory:
        builder = builder.config("spark.driver.memory", driver_memory)
    memory = os.environ.get("COAUTHOR_SPARK_EXECUTOR_MEMORY")
    if memory:
        builder = builder.config("spark.executor.memory", memory)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    global _SHIPPED
    if _SHIPPED is not spark.sparkContext:
        spark.sparkContext.addPyFile(package_zip())
        _SHIPPED = spark.sparkContext
    return spark


_SHIPPED = None


def run(args, log):
    from pyspark.sql import functions as F
    from pyspark.sql import types as T
    from coauthor_spark import graph, readers

    started = time.time()
    check_environment(args)
    aliases = None
    if args.aliases:
        with open(args.aliases, encoding="utf-8") as f:
            try:
                aliases = rules.Aliases.parse(f.read(), args.aliases)
            except rules.AliasError as e:
                raise JobError(str(e))
    spark = session(args)
    sc = spark.sparkContext
    log("Spark %s, master %s" % (spark.version, sc.master))

    kinds = [readers.detect(spark, p, args.input_format) for p in args.inputs]
    paper_kinds = {"table", "parquet", "openalex"}
    if any(k in paper_kinds for k in kinds) and not all(k in paper_kinds for k in kinds):
        raise JobError("edge lists and Coauthor exports cannot be mixed with paper records (inputs: %s)" %
                       ", ".join("%s (%s)" % (p, k) for p, k in zip(args.inputs, kinds)))
    summary = {}
    malformed_rdds = []
    sep = args.list_separator

    if all(k in paper_kinds for k in kinds):
        rdds = []
        table_inputs = set()
        untitled = sc.accumulator(0)
        for i, (path, kind) in enumerate(zip(args.inputs, kinds)):
            if kind == "table":
                lower = path.lower()[:-3] if path.lower().endswith(".gz") else path.lower()
                tsv = lower.endswith(".tsv") or lower.endswith(".tab") or (
                    not lower.endswith(".csv") and "\t" in readers.first_line(spark, path))
                rdd, _ = (readers.read_tsv if tsv else readers.read_csv)(spark, path, i, sep)
                if sep != ",":
                    table_inputs.add(i)
            elif kind == "parquet":
                rdd, _ = readers.read_parquet(spark, path, i, sep)
                if sep != ",":
                    table_inputs.add(i)
            else:
                rdd, _ = readers.read_openalex(spark, path, i, sep)
            rdds.append(rdd)
        tagged = sc.union(rdds).cache() if len(rdds) > 1 else rdds[0].cache()
        malformed_rdds.append(tagged.filter(lambda t: t[0] == "bad").map(lambda t: t[1]))
        summary["works_untitled"] = tagged.filter(lambda t: t[0] == "untitled").count()
        papers = spark.createDataFrame(
            tagged.filter(lambda t: t[0] == "ok").map(lambda t: t[1][:5]), readers.paper_schema())
        nodes, edges, counts = paper_network(spark, papers, args, aliases, table_inputs, log)
        summary.update(counts)
    else:
        nodes, edges, counts, bad = edge_network(spark, args, kinds, log)
        malformed_rdds.extend(bad)
        summary.update(counts)

    malformed_all = sc.union(malformed_rdds) if malformed_rdds else sc.emptyRDD()
    rows_malformed = malformed_all.count()
    malformed_rows = malformed_all.take(1000)

    nodes = nodes.localCheckpoint(eager=True)
    edges = edges.localCheckpoint(eager=True)
    log("network: %d nodes, %d edges" % (nodes.count(), edges.count()))
    nodes = graph.degree_strength(nodes, edges).localCheckpoint(eager=True)
    n_edges = edges.count()
    if n_edges <= args.driver_limit:
        # Small enough to collect: the same algorithms on the driver (no per-step Spark jobs).
        method = "driver"
        strength = {r["id"]: r["strength"] for r in nodes.select("id", "strength").collect()}
        elist = [(r[0], r[1], r[2]) for r in edges.select("source", "target", "weight").collect()]
        comp_of = graph.local_components(list(strength), elist)
        cc_rounds = 0
        ranks, iterations, bound = graph.local_pagerank(strength, elist, args.damping, args.tolerance, args.max_iterations)
        lpa, lpa_rounds = graph.local_label_propagation(sorted(strength), elist, args.lpa_rounds)
        local = spark.createDataFrame(
            [(v, comp_of[v], ranks[v], lpa[v]) for v in sorted(strength)],
            T.StructType([T.StructField("id", T.StringType()), T.StructField("component", T.StringType()),
                          T.StructField("pagerank", T.DoubleType()), T.StructField("lpa", T.StringType())]))
        nodes = nodes.join(local, "id")
        labels = nodes.select("id", "lpa")
    else:
        method = "distributed"
        comp, cc_rounds = graph.components(nodes.select("id"), edges)
        nodes = nodes.join(comp, "id").localCheckpoint(eager=True)
        log("components: %d large-star/small-star rounds" % cc_rounds)
        pr, iterations, bound = graph.pagerank(nodes, edges, args.damping, args.tolerance, args.max_iterations,
                                               log=None if args.quiet else log)
        nodes = nodes.join(pr, "id").localCheckpoint(eager=True)
        labels, lpa_rounds = graph.label_propagation(nodes.select("id"), edges, args.lpa_rounds)
        labels = labels.withColumnRenamed("label", "lpa")
        nodes = nodes.join(labels, "id")
    log("%s: pagerank %d iterations, L1 error bound %.3g; label propagation %d rounds" % (method, iterations, bound, lpa_rounds))
    from pyspark.sql import Window
    sizes = labels.groupBy("lpa").agg(F.count("*").alias("size"))
    numbered = sizes.withColumn("community", F.row_number().over(Window.orderBy(F.desc("size"), "lpa")))
    nodes = (nodes.join(numbered.select("lpa", "community"), "lpa")
             .select(*NODE_COLUMNS).localCheckpoint(eager=True))

    # Totals.
    n_nodes = nodes.count()
    total_weight = edges.agg(F.sum("weight")).first()[0] or 0.0
    comp_sizes = nodes.groupBy("component").agg(F.count("*").alias("n"))
    n_components = comp_sizes.count()
    largest = comp_sizes.orderBy(F.desc("n"), "component").first()
    largest_edges = 0
    if largest is not None:
        cid = largest["component"]
        largest_edges = edges.join(nodes.where(F.col("component") == cid).select(F.col("id").alias("source")), "source").count()
    n_communities = numbered.count()

    # Backbone.
    metric = args.backbone_metric
    ordered = nodes.orderBy(F.desc(metric), "id")
    backbone = ordered.limit(args.backbone).collect() if args.backbone > 0 else []
    ids = [r["id"] for r in backbone]
    bb_ids = spark.createDataFrame([(i,) for i in ids], T.StructType([T.StructField("id", T.StringType())]))
    bb_edges = (edges.join(F.broadcast(bb_ids.withColumnRenamed("id", "source")), "source")
                .join(F.broadcast(bb_ids.withColumnRenamed("id", "target")), "target")
                .select(*EDGE_COLUMNS).orderBy("source", "target").collect())

    # Output: a temporary folder, renamed when complete.
    out = args.output.rstrip("/")
    tmp = "%s.tmp-%s" % (out, uuid.uuid4().hex[:12])
    os.makedirs(tmp)
    try:
        fmt = F.udf(lambda x: None if x is None else repr(float(x)), T.StringType())
        nodes.write.parquet(os.path.join(tmp, "nodes.parquet"))
        edges.select(*EDGE_COLUMNS).write.parquet(os.path.join(tmp, "edges.parquet"))
        csv_opts = dict(header=True, escape='"', quote='"', emptyValue="", nullValue="")
        nodes.select("id", "label", "papers", "degree", fmt("strength").alias("strength"), "component",
                     fmt("pagerank").alias("pagerank"), "community").write.options(**csv_opts).csv(os.path.join(tmp, "nodes.csv"))
        edges.select("source", "target", fmt("weight").alias("weight"), "papers").write.options(**csv_opts).csv(
            os.path.join(tmp, "edges.csv"))
        write_csv(os.path.join(tmp, "backbone-nodes.csv"), NODE_COLUMNS, [[r[c] for c in NODE_COLUMNS] for r in backbone])
        write_csv(os.path.join(tmp, "backbone-edges.csv"), EDGE_COLUMNS, [[r[c] for c in EDGE_COLUMNS] for r in bb_edges])
        write_csv(os.path.join(tmp, "malformed.csv"), ["file", "line", "reason"], [list(r) for r in malformed_rows])
        rows = [
            ("format", FORMAT), ("graph", args.graph), ("counting", args.counting),
            ("max_authors", "none" if args.max_authors is None else args.max_authors),
            ("inputs", ";".join(args.inputs)),
            ("papers_read", summary.get("papers_read", "")), ("papers_used", summary.get("papers_used", "")),
            ("papers_hyper_authored", summary.get("papers_hyper_authored", "")),
            ("rows_malformed", rows_malformed), ("nodes", n_nodes), ("edges", n_edges),
            ("total_weight", float(total_weight)), ("components", n_components),
            ("largest_component_nodes", largest["n"] if largest else 0), ("largest_component_edges", largest_edges),
            ("pagerank_damping", args.damping), ("pagerank_iterations", iterations), ("pagerank_error_bound", bound),
            ("pagerank_tolerance", args.tolerance), ("community_method", "label-propagation"),
            ("communities", n_communities), ("backbone_metric", metric), ("backbone_nodes", len(backbone)),
            ("backbone_edges", len(bb_edges)), ("spark_version", spark.version),
            ("elapsed_seconds", round(time.time() - started, 3)),
            ("components_rounds", cc_rounds), ("label_propagation_rounds", lpa_rounds), ("algorithms", method),
        ]
        for k in ("self_loops", "works_untitled", "master"):
            if k in summary:
                rows.append((k, summary[k]))
        rows.append(("master", sc.master))
        write_csv(os.path.join(tmp, "summary.csv"), ["key", "value"], rows)
        if os.path.exists(out):
            old = "%s.old-%s" % (out, uuid.uuid4().hex[:12])
            os.rename(out, old)
            os.rename(tmp, out)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.rename(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return dict(rows)


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow([rules.shortest_repr(x) for x in r])


def paper_network(spark, papers, args, aliases, table_inputs, log):
    """Nodes and edges from paper records, with Coauthor's identity and counting rules."""
    from pyspark.sql import functions as F
    from pyspark.sql import types as T
    from coauthor_spark.readers import STRIDE

    papers = papers.localCheckpoint(eager=True)
    papers_read = papers.count()
    # Which table inputs write their lists cut at the separator (some row has two items or more).
    split_inputs = set()
    if table_inputs:
        split_inputs = {r[0] for r in papers.where(F.size("authors") > 1)
                        .select(F.floor(F.col("paper") / F.lit(STRIDE)).alias("i")).distinct().collect()}
        split_inputs &= table_inputs
    split_list = sorted(split_inputs)

    occ = papers.select("paper", F.posexplode(F.arrays_zip("authors", "ids")).alias("pos", "a")) \
        .select("paper", "pos", F.col("a.authors").alias("raw"), F.col("a.ids").alias("aid"))
    occ = occ.withColumn("split", F.floor(F.col("paper") / F.lit(STRIDE)).isin(split_list) if split_list else F.lit(False))
    tn = F.udf(rules.table_natural, T.StringType())
    occ = occ.withColumn("name1", F.when(F.col("split"), tn("raw")).otherwise(F.col("raw")))
    key_udf = F.udf(rules.key, T.StringType())
    names1 = occ.select("name1").distinct().localCheckpoint(eager=True)
    all_keys = names1.select(key_udf("name1").alias("k")).distinct()

    res_type = T.ArrayType(T.StructType([T.StructField("name", T.StringType()), T.StructField("natural", T.StringType())]))

    def resolve(name):
        names, natural = rules.resolve_name(name, aliases, False)
        return [(n, natural) for n in names]
    res_udf = F.udf(resolve, res_type)
    resolved = names1.select("name1", F.posexplode(res_udf("name1")).alias("sub", "r")) \
        .select("name1", "sub", F.col("r.name").alias("name"), F.col("r.natural").alias("natural"))
    resolved = resolved.withColumn("nk", key_udf("natural"))
    resolved = (resolved.join(all_keys.withColumnRenamed("k", "nk").withColumn("known", F.lit(True)), "nk", "left")
                .select("name1", "sub", F.when(F.col("known") & F.col("natural").isNotNull(), F.col("natural"))
                        .otherwise(F.col("name")).alias("name")))
    counts = resolved.groupBy("name1").agg(F.count("*").alias("parts"))
    resolved = resolved.join(counts, "name1").withColumn("key", key_udf("name")).localCheckpoint(eager=True)
    occ = (occ.join(resolved, "name1")
           .select("paper", "pos", "sub", "name", "key", F.when(F.col("parts") == 1, F.col("aid")).alias("aid")))
    # Repeated authors of a paper (by key): the first is kept.
    occ = occ.groupBy("paper", "key").agg(F.min(F.struct("pos", "sub", "name", "aid")).alias("o")) \
        .select("paper", "key", "o.pos", "o.sub", "o.name", "o.aid")
    # Ids win over strings: a key seen with exactly one id claims its id-less occurrences.
    claimed = occ.where(F.col("aid").isNotNull()).groupBy("key").agg(
        F.countDistinct("aid").alias("nid"), F.min("aid").alias("claim")).where(F.col("nid") == 1).select("key", "claim")
    occ = (occ.join(claimed, "key", "left")
           .withColumn("node", F.coalesce("aid", "claim", F.concat(F.lit("key:"), F.col("key")))))
    # Two spellings of one person (one id) on one paper: kept once.
    occ = occ.groupBy("paper", "node").agg(F.min(F.struct("pos", "sub", "name")).alias("o")) \
        .select("paper", "node", "o.pos", "o.sub", "o.name").localCheckpoint(eager=True)

    # The hyper-authorship cap.
    sizes = occ.groupBy("paper").agg(F.count("*").alias("n"))
    all_papers = papers.select("paper").join(sizes, "paper", "left").withColumn("n", F.coalesce("n", F.lit(0)))
    if args.max_authors is not None:
        used = all_papers.where(F.col("n") <= args.max_authors)
    else:
        used = all_papers
    used = used.localCheckpoint(eager=True)
    papers_used = used.count()
    counts = dict(papers_read=papers_read, papers_used=papers_used, papers_hyper_authored=papers_read - papers_used)

    if args.graph == "tags":
        tag_res = T.ArrayType(T.StringType())

        def tag_names(tag):
            r = aliases.apply(tag, "tag") if aliases is not None else None
            return [rules.normalize(t) for t in r] if r is not None else [tag]
        tu = F.udf(tag_names, tag_res)
        tocc = (papers.join(used.select("paper"), "paper")
                .select("paper", F.posexplode("tags").alias("pos", "raw"))
                .select("paper", "pos", F.posexplode(tu("raw")).alias("sub", "name"))
                .withColumn("node", F.concat(F.lit("tag:"), key_udf("name"))))
        tocc = tocc.groupBy("paper", "node").agg(F.min(F.struct("pos", "sub", "name")).alias("o")) \
            .select("paper", "node", "o.pos", "o.sub", "o.name").localCheckpoint(eager=True)
        tsizes = tocc.groupBy("paper").agg(F.count("*").alias("n"))
        return build_from_occurrences(tocc, tsizes, "full", log) + (counts,)
    occ_used = occ.join(used.select("paper", "n"), "paper")
    return build_from_occurrences(occ_used.drop("n"), used, args.counting, log) + (counts,)


def build_from_occurrences(occ, sizes, counting, log):
    """(paper, node, pos, sub, name) occurrences and (paper, n) sizes -> nodes and edges."""
    from pyspark.sql import functions as F
    first = F.struct("paper", "pos", "sub")
    spell = occ.groupBy("node", "name").agg(F.count("*").alias("c"), F.min(first).alias("f"))
    label = spell.groupBy("node").agg(F.max(F.struct("c", F.struct(-F.col("f.paper"), -F.col("f.pos"), -F.col("f.sub")).alias("nf"), "name")).alias("b")) \
        .select(F.col("node").alias("id"), F.col("b.name").alias("label"))
    nodes = (occ.groupBy("node").agg(F.count("*").alias("papers"), F.min(first).alias("first"))
             .withColumnRenamed("node", "id").join(label, "id"))
    o = occ.join(sizes.select("paper", "n"), "paper")
    w = F.lit(1.0) if counting == "full" else F.lit(1.0) / (F.col("n") - F.lit(1))
    pairs = (o.select("paper", F.col("node").alias("source"), "n").join(
        o.select("paper", F.col("node").alias("target")), "paper")
        .where(F.col("source") < F.col("target")).withColumn("w", w))
    edges = pairs.groupBy("source", "target").agg(
        F.count("*").alias("papers"),
        F.expr("aggregate(array_sort(collect_list(struct(paper, w))), 0D, (acc, x) -> acc + x.w)").alias("weight"))
    return nodes.select("id", "label", "papers", "first"), edges.select("source", "target", "weight", "papers")


def edge_network(spark, args, kinds, log):
    """Nodes and edges of networks given directly (SNAP edge lists, Coauthor CSV exports)."""
    from pyspark.sql import functions as F
    from pyspark.sql import types as T
    from coauthor_spark import readers
    key_udf = F.udf(lambda s: "key:" + rules.key(s), T.StringType())
    parts, bad, node_papers = [], [], []
    for i, (path, kind) in enumerate(zip(args.inputs, kinds)):
        if kind == "edges":
            tagged = readers.read_edges(spark, path, i).cache()
            bad.append(tagged.filter(lambda t: t[0] == "bad").map(lambda t: t[1]))
            parts.append(spark.createDataFrame(tagged.filter(lambda t: t[0] == "ok").map(lambda t: t[1]), readers.edge_schema()))
        else:
            e, np_ = readers.read_coauthor_export(spark, path, i)
            parts.append(e)
            node_papers.append(np_.withColumn("line", F.lit(i * readers.STRIDE)))
    raw = parts[0]
    for p in parts[1:]:
        raw = raw.unionByName(p)
    raw = raw.localCheckpoint(eager=True)
    ends = (raw.select(F.col("a").alias("label"), "line", F.lit(0).alias("pos"))
            .unionByName(raw.select(F.col("b").alias("label"), "line", F.lit(1).alias("pos"))))
    if node_papers:
        extra = node_papers[0]
        for p in node_papers[1:]:
            extra = extra.unionByName(p)
        ends = ends.unionByName(extra.select("label", "line", F.lit(2).alias("pos")))
    ends = ends.withColumn("id", key_udf("label"))
    spell = ends.groupBy("id", "label").agg(F.count("*").alias("c"), F.min(F.struct("line", "pos")).alias("f"))
    label = spell.groupBy("id").agg(F.max(F.struct("c", F.struct(-F.col("f.line"), -F.col("f.pos")).alias("nf"), "label")).alias("b")) \
        .select("id", F.col("b.label").alias("label"))
    papers = F.lit(None).cast("long").alias("papers")
    if node_papers:
        np_all = node_papers[0]
        for p in node_papers[1:]:
            np_all = np_all.unionByName(p)
        papers_by = np_all.select(key_udf("label").alias("id"), "papers").groupBy("id").agg(F.sum("papers").alias("papers"))
    nodes = ends.groupBy("id").agg(F.min(F.struct("line", "pos")).alias("first")).join(label, "id")
    if node_papers:
        nodes = nodes.join(papers_by, "id", "left")
    else:
        nodes = nodes.withColumn("papers", papers)
    e = raw.select(key_udf("a").alias("x"), key_udf("b").alias("y"), "weight", "line")
    self_loops = e.where(F.col("x") == F.col("y")).count()
    e = e.where(F.col("x") != F.col("y")).select(F.least("x", "y").alias("source"), F.greatest("x", "y").alias("target"), "weight", "line")
    edges = e.groupBy("source", "target").agg(
        F.expr("aggregate(array_sort(collect_list(struct(line, weight))), 0D, (acc, x) -> acc + x.weight)").alias("weight")) \
        .withColumn("papers", F.lit(None).cast("long"))
    counts = dict(self_loops=self_loops)
    return nodes.select("id", "label", "papers", "first"), edges, counts, bad


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)

    t0 = time.time()

    def log(msg):
        if not args.quiet:
            print("coauthor-spark: [%.1f s] %s" % (time.time() - t0, msg), file=sys.stderr, flush=True)
    try:
        summary = run(args, log)
    except JobError as e:
        print("coauthor-spark: error: %s" % e, file=sys.stderr)
        return 2
    except Exception as e:  # Spark's own errors (unreadable input, lost executors): one line, not a trace.
        from coauthor_spark import readers
        if isinstance(e, readers.InputError):
            print("coauthor-spark: error: %s" % e, file=sys.stderr)
            return 2
        raise
    log("wrote %s: %s nodes, %s edges, %s components, backbone %s nodes" % (
        args.output, summary["nodes"], summary["edges"], summary["components"], summary["backbone_nodes"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
