#!/usr/bin/env python3
"""Splits a papers.tsv(.gz) table into cumulative snapshots by year: `upto-<Y>.tsv.gz` holds the
header and every row whose `year` is at most Y (rows without a year are left out of every
snapshot). Used by bench/diff/run.sh and by the real-data diff test (diff_check.py).

    python3 bench/diff/split_paperlists.py ../shared/data/paperlists-papercopilot/papers.tsv.gz OUTDIR 2023 2024
"""
import gzip
import os
import sys


def main():
    source, outdir, *years = sys.argv[1:]
    years = [int(y) for y in years] or [2023, 2024]
    os.makedirs(outdir, exist_ok=True)
    opener = gzip.open if source.endswith(".gz") else open
    with opener(source, "rt", encoding="utf-8", newline="") as f:
        header = f.readline()
        rows = f.readlines()
    column = header.rstrip("\r\n").split("\t").index("year")
    for y in years:
        path = os.path.join(outdir, f"upto-{y}.tsv.gz")
        kept = 0
        # mtime=0: the same input gives the same bytes.
        with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
            out.write(header.encode("utf-8"))
            for row in rows:
                field = row.rstrip("\r\n").split("\t")[column]
                if field.isdigit() and int(field) <= y:
                    out.write(row.encode("utf-8"))
                    kept += 1
        print(f"{path}: {kept} papers up to {y}")


if __name__ == "__main__":
    main()
