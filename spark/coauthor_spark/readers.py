"""Inputs of the Spark job, each turned into one of two shapes:

- **papers**: a DataFrame `(paper: long, title: string, authors: array<string>, ids: array<string>,
  tags: array<string>)`, `paper` increasing in input order (file order, then row order);
- **edges**: a DataFrame `(a: string, b: string, weight: double, line: long)` of a network given
  directly (SNAP edge lists, Coauthor's CSV network export), with node labels.

Malformed rows are returned beside them as `(file, line, reason)` rows, never dropped silently.
"""
import gzip
import io
import json
import math
import os

from . import rules

PAPERS, EDGES = "papers", "edges"



def paper_schema():
    from pyspark.sql import types as T
    return T.StructType([
        T.StructField("paper", T.LongType()), T.StructField("title", T.StringType()),
        T.StructField("authors", T.ArrayType(T.StringType())), T.StructField("ids", T.ArrayType(T.StringType())),
        T.StructField("tags", T.ArrayType(T.StringType()))])


def edge_schema():
    from pyspark.sql import types as T
    return T.StructType([
        T.StructField("a", T.StringType()), T.StructField("b", T.StringType()),
        T.StructField("weight", T.DoubleType()), T.StructField("line", T.LongType())])

# Columns by header name, ignoring case (README "Paper tables").
COLUMNS = {
    "id": ("paper_id", "id", "key"), "title": ("title",), "authors": ("authors", "author"),
    "author_ids": ("author_ids",), "fellows": ("fellows",), "year": ("year",), "date": ("date",),
    "tags": ("keywords", "tags"),
}

# A paper's position: the input's index times this plus its row (or line) number.
STRIDE = 1 << 40


class InputError(Exception):
    """An input that cannot be read at all (the job stops with one clear message)."""


def _open_text(path):
    if path.endswith(".gz"):
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", errors="replace")
    return open(path, encoding="utf-8", errors="replace")


def _local(path):
    return path[7:] if path.startswith("file://") else (None if "://" in path else path)


def first_line(spark, path):
    """The first non-blank line of a file (the header of a table), read on the driver for local
    files and through Spark otherwise."""
    local = _local(path)
    if local is not None and os.path.isfile(local):
        with _open_text(local) as f:
            for line in f:
                if line.strip():
                    return line.rstrip("\r\n")
        return ""
    rows = spark.read.text(path).limit(50).collect()
    for r in rows:
        if r.value.strip():
            return r.value
    return ""


def detect(spark, path, forced=None):
    """The kind of an input: table, parquet, openalex, coauthor-export or edges."""
    if forced:
        return forced
    lower = path.lower().rstrip("/")
    if lower.endswith(".gz"):
        lower = lower[:-3]
    if lower.endswith(".parquet"):
        return "parquet"
    if lower.endswith(".jsonl") or lower.endswith(".json") or lower.endswith(".ndjson"):
        return "openalex"
    if lower.endswith(".edges.csv"):
        return "coauthor-export"
    local = _local(path)
    if local is not None and os.path.isdir(local):
        return "parquet"
    head = first_line(spark, path)
    names = {c.strip().strip('"').lower() for c in head.replace("\t", ",").split(",")}
    if "title" in names and ("authors" in names or "author" in names):
        return "table"
    if head.lstrip().startswith("{") or head.lstrip().startswith("["):
        return "openalex"
    return "edges"


def _columns(header):
    lower = [h.strip().lower() for h in header]
    found = {}
    for field, names in COLUMNS.items():
        for name in names:
            if name in lower:
                found[field] = lower.index(name)
                break
    return found


def _split_positional(cell, n):
    """An `author_ids` cell: one entry per author (empty: no id), cut at `;`."""
    if not cell:
        return [None] * n
    parts = [p.strip() for p in cell.split(";")]
    parts = [p if p else None for p in parts]
    return (parts + [None] * n)[:n]


def _paper_row(fields, where, base, separator):
    """One table row as a paper, or raises ValueError(reason)."""
    def cell(name):
        i = where.get(name)
        return fields[i] if i is not None and i < len(fields) else None
    title = rules.decode_cell(cell("title"))
    pid = cell("id")
    if not title:
        title = "(untitled %s)" % (pid or "")
    authors = rules.split_list(cell("authors"), separator)
    ids = _split_positional(cell("author_ids"), len(authors)) if "author_ids" in where else [None] * len(authors)
    tags = rules.split_list(cell("tags"), separator)
    return (base, title, authors, ids, tags, pid)


def read_tsv(spark, path, index, separator):
    """A TSV paper table (fields split at tabs, no quoting), with line numbers."""
    header = first_line(spark, path).split("\t")
    where = _columns(header)
    for required in ("title", "authors"):
        if required not in where:
            raise InputError("%s:1: missing column '%s' (the header has: %s)" % (path, required, ", ".join(header)))
    ncols = len(header)
    lines = spark.sparkContext.textFile(path).zipWithIndex()

    def parse(item):
        text, i = item
        line = i + 1
        if line == 1 or not text.strip():
            return []
        fields = text.rstrip("\r").split("\t")
        if len(fields) != ncols:
            return [("bad", (path, line, "%d fields, the header has %d" % (len(fields), ncols)))]
        return [("ok", _paper_row(fields, where, index * STRIDE + line, separator))]
    return lines.flatMap(parse), where


def read_csv(spark, path, index, separator):
    """An RFC 4180 CSV paper table: Spark's reader with `escape='"'`, multi-line fields and an
    explicit all-string schema (no guessed numbers); unparseable rows are counted."""
    import csv
    from pyspark.sql import functions as F
    from pyspark.sql import types as T
    header = next(csv.reader([first_line(spark, path)]))
    where = _columns(header)
    for required in ("title", "authors"):
        if required not in where:
            raise InputError("%s:1: missing column '%s' (the header has: %s)" % (path, required, ", ".join(header)))
    names = ["c%d" % i for i in range(len(header))]
    schema = T.StructType([T.StructField(n, T.StringType()) for n in names] + [T.StructField("_corrupt", T.StringType())])
    df = (spark.read.option("header", True).option("escape", '"').option("quote", '"').option("multiLine", True)
          .option("mode", "PERMISSIVE").option("columnNameOfCorruptRecord", "_corrupt").option("enforceSchema", True)
          .schema(schema).csv(path).withColumn("_row", F.monotonically_increasing_id()))

    def parse(r):
        if r["_corrupt"] is not None:
            return [("bad", (path, None, "unreadable CSV row"))]
        fields = [r[n] or "" for n in names]
        return [("ok", _paper_row(fields, where, index * STRIDE + r["_row"] + 2, separator))]
    return df.rdd.flatMap(parse), where


def read_parquet(spark, path, index, separator):
    from pyspark.sql import functions as F
    df = spark.read.parquet(path)
    header = df.columns
    where = _columns(header)
    for required in ("title", "authors"):
        if required not in where:
            raise InputError("%s: missing column '%s' (the table has: %s)" % (path, required, ", ".join(header)))
    df = df.select([F.col(c).cast("string") for c in header]).withColumn("_row", F.monotonically_increasing_id())

    def parse(r):
        fields = [r[i] or "" for i in range(len(header))]
        return [("ok", _paper_row(fields, where, index * STRIDE + r["_row"] + 1, separator))]
    return df.rdd.flatMap(parse), where


def _strip_prefix(url):
    t = rules.normalize(url or "")
    return t[t.rfind("/") + 1:] if "/" in t else t


def openalex_work(text, path, line, base, counters=None):
    """One OpenAlex work (a JSON line) as OpenAlexReader takes it: title (else display_name),
    authors by author.display_name (else raw_author_name), each with `orcid:` or `openalex:`
    id; tags from topics (else primary_topic, else concepts of level >= 1 and score >= 0.3)."""
    try:
        work = json.loads(text)
    except ValueError as e:
        return ("bad", (path, line, "invalid OpenAlex JSON: %s" % e))
    if not isinstance(work, dict):
        return ("bad", (path, line, "expected a work object, found %s" % type(work).__name__))
    try:
        import re
        raw = work.get("title") or work.get("display_name") or ""
        if not isinstance(raw, str):
            raise TypeError("title must be a string")
        raw = re.sub(r"</?(i|b|em|strong|sub|sup|scp|sc|u|tt|span)( [^>]*)?>", "", rules.decode_cell(raw))
        title = rules.normalize(raw)
        if not title:
            return ("untitled", None)
        authors, ids = [], []
        for a in work.get("authorships") or []:
            if not isinstance(a, dict):
                raise TypeError("authorships must hold objects")
            author = a.get("author") or {}
            name = rules.decode_cell(author.get("display_name") or a.get("raw_author_name") or "")
            if not name:
                continue
            authors.append(name)
            orcid = _strip_prefix(author.get("orcid"))
            oid = _strip_prefix(author.get("id"))
            ids.append("orcid:" + orcid if orcid else ("openalex:" + oid if oid else None))
        tags = [rules.normalize(t.get("display_name") or "") for t in (work.get("topics") or []) if isinstance(t, dict)]
        tags = [t for t in tags if t]
        if not tags and isinstance(work.get("primary_topic"), dict):
            t = rules.normalize(work["primary_topic"].get("display_name") or "")
            tags = [t] if t else []
        if not tags:
            for c in work.get("concepts") or []:
                if isinstance(c, dict) and isinstance(c.get("score"), (int, float)) and isinstance(c.get("level"), (int, float)) \
                        and c["score"] >= 0.3 and c["level"] >= 1:
                    t = rules.normalize(c.get("display_name") or "")
                    if t:
                        tags.append(t)
        seen = set()
        tags = [t for t in tags if not (t in seen or seen.add(t))]
        return ("ok", (base, title, authors, ids, tags, _strip_prefix(work.get("id"))))
    except (TypeError, AttributeError) as e:
        return ("bad", (path, line, "invalid OpenAlex work: %s" % e))


def read_openalex(spark, path, index, separator):
    lines = spark.sparkContext.textFile(path).zipWithIndex()

    def parse(item):
        text, i = item
        if not text.strip():
            return []
        return [openalex_work(text, path, i + 1, index * STRIDE + i + 1)]
    return lines.flatMap(parse), {}


def parse_edge_line(text, path, line):
    """One line of a SNAP edge list: `a b [weight]`; comments `#`/`%` and blank lines skipped."""
    s = text.strip()
    if not s or s[0] in "#%":
        return None
    fields = s.split()
    if len(fields) == 1:
        return ("bad", (path, line, "invalid edge line: only one field"))
    if len(fields) > 3:
        return ("bad", (path, line, "invalid edge line: %d fields" % len(fields)))
    w = 1.0
    if len(fields) == 3:
        try:
            w = float(fields[2])
        except ValueError:
            return ("bad", (path, line, "invalid weight '%s'" % fields[2]))
        if not (w > 0 and math.isfinite(w)):
            return ("bad", (path, line, "invalid weight '%s': must be positive and finite" % fields[2]))
    return ("ok", (fields[0], fields[1], w, line))


def read_edges(spark, path, index):
    lines = spark.sparkContext.textFile(path).zipWithIndex()

    def parse(item):
        text, i = item
        r = parse_edge_line(text, path, i + 1)
        if r is None:
            return []
        if r[0] == "ok":
            a, b, w, line = r[1]
            return [("ok", (a, b, w, index * STRIDE + line))]
        return [r]
    return lines.flatMap(parse)


def read_coauthor_export(spark, path, index):
    """Coauthor's CSV network export: PREFIX.edges.csv (`source,target,weight,…`, node indices)
    beside PREFIX.nodes.csv (`id,label,papers,…`). Returns edge rows with labels and a dict of
    node papers by label."""
    from pyspark.sql import functions as F
    from pyspark.sql import types as T
    nodes_path = path[: -len(".edges.csv")] + ".nodes.csv"
    opts = dict(header=True, escape='"', multiLine=True)
    nodes = spark.read.options(**opts).option("inferSchema", False).csv(nodes_path)
    edges = spark.read.options(**opts).option("inferSchema", False).csv(path)
    for need, df, p in (("label", nodes, nodes_path), ("weight", edges, path)):
        if need not in df.columns:
            raise InputError("%s: not a Coauthor CSV export (no column '%s')" % (p, need))

    def unformula(s):
        # Coauthor writes a `'` before text starting with = + - @ (spreadsheet safety).
        return s[1:] if s and s[0] == "'" and len(s) > 1 and s[1] in "=+-@\t\r" else s
    unf = F.udf(unformula, T.StringType())
    nodes = nodes.select(F.col("id").alias("nid"), unf(F.col("label")).alias("label"),
                         F.col("papers").cast("long").alias("papers") if "papers" in nodes.columns else F.lit(None).cast("long").alias("papers"))
    e = (edges.withColumn("_row", F.monotonically_increasing_id())
         .join(nodes.select(F.col("nid").alias("source"), F.col("label").alias("a")), "source")
         .join(nodes.select(F.col("nid").alias("target"), F.col("label").alias("b")), "target")
         .select("a", "b", F.col("weight").cast("double").alias("weight"),
                 (F.lit(index * STRIDE) + F.col("_row")).alias("line")))
    return e, nodes.select("label", "papers")
