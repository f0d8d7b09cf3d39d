"""Same answers as Coauthor: the job's edge tables (full and fractional), component partition,
degrees, strengths and PageRank (within 1e-9 L1, both converged to 1e-10) against
`coauthor export … --output x.csv` on the same input."""
import os
import shutil
import subprocess
import tempfile
import unittest

from common import (COAUTHOR, DATA, FIXTURES, REPO, assert_same_graph, bfs_partition, components_partition,
                    coauthor_graph, coauthor_supports, need_spark, run_job, shared_job, skip_or_fail)

SMALL_ONLY = os.environ.get("COAUTHOR_SPARK_SMALL_ONLY") == "1"
TRICKY = os.path.join(FIXTURES, "tricky.tsv")
ALIASES = os.path.join(FIXTURES, "tricky-aliases.tsv")


def check(tc, inputs, job_options, coauthor_options, fractional=False, shared=False):
    """shared: the job run comes from common.shared_job (the same run as test_job's tests with the
    same arguments, kept to the end of the process); otherwise its own run, removed after."""
    theirs = coauthor_graph(tc, inputs, *coauthor_options)
    out, summary = (shared_job if shared else run_job)(inputs, *job_options)
    try:
        nodes, edges, l1 = assert_same_graph(tc, out, theirs, full_weights=not fractional)
        tc.assertEqual(components_partition(nodes), bfs_partition(theirs[0].keys(), theirs[1].keys()))
        tc.assertLessEqual(float(summary["pagerank_error_bound"]), 1e-10)
        return summary, l1
    finally:
        if not shared:
            shutil.rmtree(os.path.dirname(out), ignore_errors=True)


@need_spark
class SmallEqualityTests(unittest.TestCase):
    def test_tricky_table_full(self):
        # The job run of test_job.TrickyTableTests (its --backbone 5 only adds the backbone files).
        opts = ["--aliases", ALIASES, "--max-authors", "3"]
        summary, _ = check(self, [TRICKY], opts + ["--backbone", "5"], opts + ["--counting", "full"], shared=True)
        self.assertEqual(summary["nodes"], "16")

    def test_tricky_table_fractional(self):
        # The job run of test_job.CountingTests.test_fractional.
        opts = ["--aliases", ALIASES, "--max-authors", "3", "--counting", "fractional"]
        check(self, [TRICKY], opts, opts, fractional=True, shared=True)

    def test_bundled_listing(self):
        """Examples/mats-research.txt as Coauthor reads and resolves it (`export --format papers`),
        then the job on that table, against Coauthor on the listing itself."""
        if not os.path.exists(COAUTHOR):
            skip_or_fail(self, "no coauthor binary at %s" % COAUTHOR)
        if not coauthor_supports(r"values:[^)]*\bpapers\b"):
            self.skipTest("this coauthor has no 'export --format papers' yet (branch sparkswift)")
        listing = os.path.join(REPO, "Examples", "mats-research.txt")
        aliases = os.path.join(REPO, "Examples", "mats-aliases.tsv")
        tmp = tempfile.mkdtemp(prefix="coauthor-papers-")
        try:
            table = os.path.join(tmp, "papers.tsv")
            r = subprocess.run([COAUTHOR, "export", listing, "--aliases", aliases, "--format", "papers", "--output", table],
                               capture_output=True, text=True)
            self.assertEqual(r.returncode, 0, r.stderr)
            for counting in ("full", "fractional"):
                theirs = coauthor_graph(self, [listing], "--aliases", aliases, "--counting", counting)
                out, summary = run_job([table], "--counting", counting)
                nodes, _, _ = assert_same_graph(self, out, theirs, full_weights=counting == "full")
                self.assertEqual(components_partition(nodes), bfs_partition(theirs[0].keys(), theirs[1].keys()))
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    def test_grqc_edge_list(self):
        path = os.path.join(DATA, "snap-ca-GrQc", "CA-GrQc.txt.gz")
        if not os.path.exists(path):
            self.skipTest("%s is absent" % path)
        summary, l1 = check(self, [path], [], [])  # 12 self-loops dropped, as Coauthor does
        self.assertEqual((summary["nodes"], summary["edges"], summary["components"], summary["self_loops"]), ("5242", "14484", "355", "12"))


@unittest.skipIf(SMALL_ONLY, "large-data equality runs on local[2] only")
@need_spark
class PaperlistsEqualityTests(unittest.TestCase):
    """95k papers: Coauthor with `--identity key` (ids, alias file and name key only, as the job),
    full and fractional counting. By default the job's algorithms run on its driver
    (`--driver-limit 1000000`: its 600k edges are collected), which keeps this test to minutes;
    the edge tables, degrees and strengths, the part that depends on the identity and counting
    rules, are built by Spark either way. COAUTHOR_SPARK_LARGE=1 runs the distributed components,
    PageRank and label propagation instead (about 10 minutes more on 2 cores; the same algorithms
    are checked against the driver's on the head of GrQc in every run, test_job.EdgeListAndErrorTests.test_distributed_equals_driver, and on
    com-DBLP by bench/spark/check_dblp.sh)."""

    def setUp(self):
        self.path = os.path.join(DATA, "paperlists-papercopilot", "papers.tsv.gz")
        if not os.path.exists(self.path):
            self.skipTest("%s is absent" % self.path)
        if not os.path.exists(COAUTHOR):
            skip_or_fail(self, "no coauthor binary at %s" % COAUTHOR)
        if not coauthor_supports("--identity"):
            self.skipTest("this coauthor has no '--identity key' yet (branch sparkswift)")

    def test_full_and_fractional(self):
        distributed = os.environ.get("COAUTHOR_SPARK_LARGE") == "1"
        where = [] if distributed else ["--driver-limit", "1000000"]
        for counting in ("full", "fractional"):
            summary, l1 = check(self, [self.path], ["--counting", counting] + where,
                                ["--identity", "key", "--counting", counting], fractional=counting == "fractional")
            # Key identity on paperlists (README, "More than one machine"): 134,760 people, 608,253
            # ties. Names that differ only by a direction mark (`Paul Debevec<U+200E>`) are one person
            # on both sides (NameNormalizer.isZeroWidth, rules._ZERO_WIDTH).
            self.assertEqual((summary["nodes"], summary["edges"], summary["algorithms"]),
                             ("134760", "608253", "distributed" if distributed else "driver"))
            print("paperlists %s: %s nodes, %s edges, PageRank L1 difference %.2g" % (
                counting, summary["nodes"], summary["edges"], l1))


if __name__ == "__main__":
    unittest.main()
