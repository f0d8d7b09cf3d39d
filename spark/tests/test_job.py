"""The Spark job on small made-up inputs: exact nodes, edges, weights and summary values."""
import csv
import os
import shutil
import tempfile
import unittest

from common import FIXTURES, MASTER, job_graph, need_spark, read_summary, run_job, shared_job, bfs_partition, components_partition

TRICKY = os.path.join(FIXTURES, "tricky.tsv")
ALIASES = os.path.join(FIXTURES, "tricky-aliases.tsv")
# The made-up table's job runs, shared (common.shared_job) with test_equality's tricky-table tests:
# TRICKY_RUN with SmallEqualityTests.test_tricky_table_full (--backbone only adds the backbone files),
# TRICKY_FRACTIONAL with test_tricky_table_fractional. Same arguments, so one Spark run each.
TRICKY_RUN = ("--aliases", ALIASES, "--max-authors", "3", "--backbone", "5")
TRICKY_FRACTIONAL = ("--aliases", ALIASES, "--max-authors", "3", "--counting", "fractional")
GRQC_HEAD = os.path.join(FIXTURES, "grqc-head.txt")
MALFORMED = os.path.join(FIXTURES, "malformed.tsv")


def k(name):
    return "key:" + name


@need_spark
class TrickyTableTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.out, cls.summary = shared_job([TRICKY], *TRICKY_RUN)
        cls.nodes, cls.edges = job_graph(cls.out)

    def test_summary(self):
        s = self.summary
        self.assertEqual(list(s)[:5], ["format", "graph", "counting", "max_authors", "inputs"])
        self.assertEqual((s["format"], s["graph"], s["counting"], s["max_authors"]), ("coauthor-spark 1", "authors", "full", "3"))
        self.assertEqual((s["papers_read"], s["papers_used"], s["papers_hyper_authored"], s["rows_malformed"]), ("10", "9", "1", "0"))
        self.assertEqual((s["nodes"], s["edges"], s["total_weight"]), ("16", "19", "20.0"))
        self.assertEqual((s["components"], s["largest_component_nodes"], s["largest_component_edges"]), ("4", "8", "12"))
        self.assertEqual((s["backbone_nodes"], s["pagerank_damping"], s["community_method"]), ("5", "0.85", "label-propagation"))
        self.assertLessEqual(float(s["pagerank_error_bound"]), 1e-10)

    def test_identity_rules(self):
        ids = set(self.nodes)
        # accents and double spaces; family name first; references; alias merge, split and rename
        for name in ("ivan arcuschin", "meg tong", "juan carlos de la cruz perez", "maria garcia", "rubi hudson",
                     "alan chan", "nicholas carlini", "zoe zulu", "solo sierra"):
            self.assertIn(k(name), ids)
        for gone in ("tong, meg", "rubi j hudson", "alan chan nicholas carlini", "zed zulu", "fay foxtrot"):
            self.assertNotIn(k(gone), ids)
        self.assertEqual(self.nodes[k("meg tong")]["papers"], "4")
        self.assertEqual(self.nodes[k("ivan arcuschin")]["label"], "Iván Arcuschin")  # 1:1, the first seen
        self.assertEqual(self.nodes[k("ann alpha")]["label"], "Ann Alpha")
        self.assertEqual(self.nodes[k("cid gamma")]["papers"], "1")  # its 4-author paper is left out

    def test_edges(self):
        self.assertEqual(self.edges[(k("ivan arcuschin"), k("meg tong"))], (2.0, "2"))
        self.assertEqual(self.edges[(k("ann alpha"), k("bob beta"))], (1.0, "1"))  # 'ann alpha;Ann Alpha' is one
        self.assertNotIn((k("cid gamma"), k("dee delta")), self.edges)
        self.assertTrue(all(s < t for s, t in self.edges))
        self.assertEqual(self.nodes[k("solo sierra")]["degree"], "0")

    def test_components(self):
        self.assertEqual(sorted(map(len, components_partition(self.nodes).values())), [1, 3, 4, 8])
        self.assertEqual(components_partition(self.nodes), bfs_partition(self.nodes, self.edges))
        self.assertEqual(self.nodes[k("zoe zulu")]["component"], k("cid gamma"))

    def test_pagerank_sums_to_one(self):
        total = sum(float(r["pagerank"]) for r in self.nodes.values())
        self.assertAlmostEqual(total, 1.0, delta=1e-9)

    def test_backbone(self):
        with open(os.path.join(self.out, "backbone-nodes.csv"), encoding="utf-8") as f:
            rows = list(csv.reader(f))
        self.assertEqual(rows[0], ["id", "label", "papers", "degree", "strength", "component", "pagerank", "community"])
        self.assertEqual(len(rows), 6)
        self.assertEqual(rows[1][0], k("meg tong"))  # the hub ranks first
        ranks = [float(r[6]) for r in rows[1:]]
        self.assertEqual(ranks, sorted(ranks, reverse=True))
        top = {r[0] for r in rows[1:]}
        with open(os.path.join(self.out, "backbone-edges.csv"), encoding="utf-8") as f:
            erows = list(csv.reader(f))
        self.assertEqual(erows[0], ["source", "target", "weight", "papers"])
        expected = sorted((s, t) for s, t in self.edges if s in top and t in top)
        self.assertEqual([(r[0], r[1]) for r in erows[1:]], expected)


@need_spark
class CountingTests(unittest.TestCase):
    def test_fractional(self):
        out, s = shared_job([TRICKY], *TRICKY_FRACTIONAL)
        _, edges = job_graph(out)
        self.assertEqual(edges[(k("ivan arcuschin"), k("meg tong"))], (1.0, "2"))  # 1/2 + 1/2
        self.assertEqual(edges[(k("ann alpha"), k("meg tong"))], (0.5, "1"))
        self.assertEqual(edges[(k("ann alpha"), k("bob beta"))], (1.0, "1"))
        self.assertEqual(s["counting"], "fractional")

    def test_no_cap_keeps_the_big_paper(self):
        out, s = run_job([TRICKY], "--max-authors", "none")
        nodes, edges = job_graph(out)
        self.assertEqual((s["max_authors"], s["papers_hyper_authored"]), ("none", "0"))
        self.assertIn((k("cid gamma"), k("dee delta")), edges)
        self.assertIn(k("alan chan nicholas carlini"), nodes)  # no alias file

    def test_tags(self):
        out, s = run_job([TRICKY], "--aliases", ALIASES, "--max-authors", "3", "--graph", "tags")
        nodes, edges = job_graph(out)
        self.assertEqual(set(nodes), {"tag:large language models", "tag:interpretability", "tag:rl", "tag:robotics", "tag:safety"})
        self.assertEqual(nodes["tag:interpretability"]["papers"], "3")  # 'Interp' renamed
        self.assertEqual(set(edges), {("tag:interpretability", "tag:large language models"),
                                      ("tag:large language models", "tag:rl"), ("tag:rl", "tag:safety")})


@need_spark
class IdTests(unittest.TestCase):
    def test_ids_before_names(self):
        out, _ = run_job([os.path.join(FIXTURES, "ids.tsv")])
        nodes, edges = job_graph(out)
        self.assertEqual(set(nodes), {"orcid:0000-0001", "orcid:0000-0002", k("wei wang"), k("ann alpha"),
                                      k("bob beta"), k("cid gamma"), "openalex:A1"})
        self.assertEqual((nodes["openalex:A1"]["papers"], nodes["openalex:A1"]["label"]), ("3", "Meg Tong"))
        self.assertEqual(len(edges), 6)
        self.assertIn((k("cid gamma"), k("wei wang")), edges)  # two ids: the id-less one stays a name

    def test_openalex(self):
        out, s = run_job([os.path.join(FIXTURES, "works.jsonl")])
        nodes, edges = job_graph(out)
        # 'Jason Priem' without an author object is claimed by the one id that spelling has (A2).
        self.assertEqual(set(nodes), {"orcid:0000-0003-1613-5981", "openalex:A2", "openalex:A3"})
        self.assertEqual(nodes["openalex:A2"]["papers"], "2")
        self.assertEqual(nodes["orcid:0000-0003-1613-5981"]["label"], "Heather Piwowar")  # 1:1, the first seen
        self.assertEqual((s["papers_read"], s["rows_malformed"], s["works_untitled"]), ("2", "1", "1"))


@need_spark
class EdgeListAndErrorTests(unittest.TestCase):
    def test_edge_list(self):
        out, s = shared_job([GRQC_HEAD])
        nodes, edges = job_graph(out)
        self.assertEqual(edges, {(k("3466"), k("937")): (2.0, ""), (k("3466"), k("5233")): (1.0, ""), (k("0"), k("1")): (2.5, "")})
        self.assertEqual((s["self_loops"], s["rows_malformed"], s["nodes"]), ("1", "1", "5"))
        with open(os.path.join(out, "malformed.csv"), encoding="utf-8") as f:
            rows = list(csv.reader(f))
        self.assertEqual(rows[1][1:], ["9", "invalid edge line: only one field"])

    def test_star_pagerank(self):
        path = os.path.join(os.path.dirname(FIXTURES), "star.tmp.txt")
        with open(path, "w") as f:
            f.write("0 1\n0 2\n0 3\n")
        try:
            out, _ = run_job([path])
        finally:
            os.remove(path)
        nodes, _ = job_graph(out)
        self.assertAlmostEqual(float(nodes[k("0")]["pagerank"]), 0.133125 / 0.2775, delta=1e-10)
        self.assertAlmostEqual(float(nodes[k("1")]["pagerank"]), 0.0375 + 0.85 * (0.133125 / 0.2775) / 3, delta=1e-10)

    def test_distributed_equals_driver(self):
        """--driver-limit 0 forces the distributed components, PageRank (a checkpoint every step,
        the one before freed) and label propagation: the same answers as on the driver."""
        out_d, s_d = shared_job([GRQC_HEAD])  # test_edge_list's run
        out_s, s_s = run_job([GRQC_HEAD], "--driver-limit", "0")
        try:
            self.assertEqual((s_d["algorithms"], s_s["algorithms"]), ("driver", "distributed"))
            nodes_d, edges_d = job_graph(out_d)
            nodes_s, edges_s = job_graph(out_s)
            self.assertEqual(edges_s, edges_d)
            self.assertLessEqual(float(s_s["pagerank_error_bound"]), 1e-10)
            for i, r in nodes_d.items():
                self.assertEqual((nodes_s[i]["component"], nodes_s[i]["community"], nodes_s[i]["degree"]),
                                 (r["component"], r["community"], r["degree"]), i)
                self.assertAlmostEqual(float(nodes_s[i]["pagerank"]), float(r["pagerank"]), delta=1e-10)
        finally:
            shutil.rmtree(os.path.dirname(out_s), ignore_errors=True)

    def test_malformed_rows_counted(self):
        out, s = shared_job([MALFORMED])
        self.assertEqual((s["papers_read"], s["rows_malformed"], s["edges"]), ("2", "1", "2"))
        with open(os.path.join(out, "malformed.csv"), encoding="utf-8") as f:
            rows = list(csv.reader(f))
        self.assertEqual(rows[1][1:], ["3", "2 fields, the header has 3"])

    def test_existing_output_and_missing_input(self):
        from coauthor_spark import job
        # An existing output folder: a copy of test_malformed_rows_counted's run (not a second run).
        out = os.path.join(tempfile.mkdtemp(prefix="coauthor-spark-test-"), "out")
        shutil.copytree(shared_job([MALFORMED])[0], out)
        self.addCleanup(shutil.rmtree, os.path.dirname(out), True)
        args = job.parse_args([TRICKY, "--output", out, "--master", MASTER, "--quiet"])
        with self.assertRaises(job.JobError) as e:
            job.run(args, lambda m: None)
        self.assertIn("output folder exists", str(e.exception))
        args = job.parse_args([TRICKY, "--output", out, "--master", MASTER, "--quiet", "--overwrite"])
        job.run(args, lambda m: None)
        self.assertEqual(read_summary(out)["papers_read"], "10")
        self.assertEqual([n for n in os.listdir(os.path.dirname(out)) if n != "out"], [])  # no temporary folder left
        args = job.parse_args(["/nonexistent/papers.tsv", "--output", out + "2", "--quiet"])
        with self.assertRaises(job.JobError) as e:
            job.run(args, lambda m: None)
        self.assertEqual(str(e.exception), "input not found: /nonexistent/papers.tsv")


if __name__ == "__main__":
    unittest.main()
