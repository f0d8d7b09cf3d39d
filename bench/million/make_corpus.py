#!/usr/bin/env python3
"""Build the 1M-paper benchmark corpus from the real paperlists set (issue 14, part 4).

The corpus is the real Paper Copilot listing (/work/shared/data/paperlists-papercopilot/papers.tsv.gz,
95,652 papers) ten times over: copy 0 is the original, copies 1-9 are renamed so that Coauthor's
identity resolution keeps them apart, and a fixed fraction of papers gets one extra author from
another copy, so the ten copies are one field rather than ten islands. Standard library only; the
output depends only on the input bytes and the options (same input -> same bytes, gzip mtime 0).

Renaming (copies 1-9, copy k has the letter L = "abcdefghij"[k], so b ... j):
  * author names: the family-name token gets "-Q<L>" before any trailing periods, e.g. copy 2 of
    "Andrea Vedaldi" is "Andrea Vedaldi-Qc", of "Prashanth L.A." is "Prashanth L.A-Qc.", of
    "Antonio Laverghetta Jr." is "Antonio Laverghetta-Qc Jr.", of "Rodriguez, S." is
    "Rodriguez-Qc, S.", of "Mausam" is "Mausam-Qc". The family-name token is the last token
    of the name (before the first comma, if any) that is not a generational suffix (jr, sr, ii,
    iii, iv when the name has three or more tokens), as in Coauthor's PersonName. Because the
    marker is inside the family name, every comparison key of copy k differs from every key of
    another copy, and the blocks Coauthor uses for initials merges (family name + first initial)
    never mix copies; within a copy, names relate to each other exactly as in the original, so
    the same within-copy merges happen ten times. The marker is letters only, so names written
    family-name first still read as names (Coauthor refuses digits there).
  * titles: " (copy k)" appended (title keys differ per copy);
  * paper ids: "/k" appended (ids are the duplicate key).
  Years, venues, keywords (tags) and the extra columns are kept, so per-year growth is real.

Cross-copy links: a paper (of any copy, with at least one author) is linked when
  h = SHA-256("<seed>/<copy>/<row>") read as a big-endian integer
satisfies h % 1_000_000 < fraction * 1_000_000 (default fraction 0.02, seed 14). It then gets one
extra author, appended last: from copy j = (copy + 1 + (h >> 20) % 9) % 10, the paper at row
(h >> 40) % rows (rows with authors only, in input order), author (h >> 80) % its author count,
under copy j's spelling; skipped if that name is already on the paper.

Usage: python3 bench/million/make_corpus.py [OUTPUT] [--input PAPERS_TSV_GZ] [--copies 10]
       [--fraction 0.02] [--seed 14]
Default OUTPUT: bench/.cache/million/papers.tsv.gz (relative to the repository root).
"""

import argparse
import gzip
import hashlib
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DEFAULT_INPUT = os.path.join(ROOT, "..", "shared", "data", "paperlists-papercopilot", "papers.tsv.gz")
DEFAULT_OUTPUT = os.path.join(ROOT, "bench", ".cache", "million", "papers.tsv.gz")
LETTERS = "abcdefghij"
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def rename(name, copy):
    """The spelling of `name` in copy `copy` (copy 0: unchanged)."""
    if copy == 0:
        return name
    marker = "-Q" + LETTERS[copy]
    head, comma, rest = name.partition(",")
    tokens = head.split(" ")
    # The family-name token: the last non-empty token, unless it is a generational suffix of a
    # name of three or more tokens (Coauthor's PersonName rule).
    words = [i for i, t in enumerate(tokens) if t]
    if not words:
        return name + marker
    i = words[-1]
    if len(words) >= 3 and tokens[i].lower().replace(".", "") in SUFFIXES:
        i = words[-2]
    token = tokens[i]
    core = token.rstrip(".")
    tokens[i] = core + marker + token[len(core):]
    return " ".join(tokens) + comma + rest


def digest(seed, copy, row):
    return int.from_bytes(hashlib.sha256(f"{seed}/{copy}/{row}".encode()).digest(), "big")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", nargs="?", default=DEFAULT_OUTPUT)
    parser.add_argument("--input", default=DEFAULT_INPUT)
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--fraction", type=float, default=0.02)
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    if not 1 <= args.copies <= len(LETTERS):
        sys.exit(f"--copies must be 1 to {len(LETTERS)}")
    if not 0 <= args.fraction <= 1:
        sys.exit("--fraction must be between 0 and 1")

    with gzip.open(args.input, "rt", encoding="utf-8", newline="\n") as f:
        header = f.readline().rstrip("\n")
        rows = [line.rstrip("\n").split("\t") for line in f]
    columns = header.split("\t")
    if columns[:6] != ["paper_id", "year", "venue", "authors", "keywords", "title"]:
        sys.exit(f"{args.input}: unexpected header {columns[:6]}")
    authors = [[a for a in r[3].split(";") if a] if r[3] else [] for r in rows]
    with_authors = [i for i, a in enumerate(authors) if a]
    threshold = round(args.fraction * 1_000_000)

    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    temporary = args.output + ".tmp"
    papers = links = 0
    with open(temporary, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=6) as gz:
            out = []
            out.append(header + "\n")
            for copy in range(args.copies):
                for row, fields in enumerate(rows):
                    names = [rename(a, copy) for a in authors[row]]
                    if names and args.copies > 1:
                        h = digest(args.seed, copy, row)
                        if h % 1_000_000 < threshold:
                            other = (copy + 1 + (h >> 20) % (args.copies - 1)) % args.copies
                            source = authors[with_authors[(h >> 40) % len(with_authors)]]
                            extra = rename(source[(h >> 80) % len(source)], other)
                            if extra not in names:
                                names.append(extra)
                                links += 1
                    new = list(fields)
                    if copy:
                        new[0] = f"{fields[0]}/{copy}"
                        new[5] = f"{fields[5]} (copy {copy})"
                    new[3] = ";".join(names)
                    out.append("\t".join(new) + "\n")
                    papers += 1
                    if len(out) >= 20000:
                        gz.write("".join(out).encode("utf-8"))
                        out = []
            gz.write("".join(out).encode("utf-8"))
    os.replace(temporary, args.output)
    print(f"{args.output}: {papers} papers ({args.copies} copies of {len(rows)}), "
          f"{links} cross-copy links (fraction {args.fraction}, seed {args.seed})", file=sys.stderr)


if __name__ == "__main__":
    main()
