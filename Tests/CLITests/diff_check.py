#!/usr/bin/env python3
"""Independent check of `coauthor diff` on two snapshots of a papers.tsv table (the
paperlists split of bench/diff/split_paperlists.py): recomputes the counts from the tables with
plain Python and compares them with `coauthor diff OLD NEW --format json`.

    python3 Tests/CLITests/diff_check.py .build/debug/coauthor OLD.tsv.gz NEW.tsv.gz

What is recomputed, and how:
- papers added / removed / changed: rows matched by `paper_id`; changed = same id, different
  author list or keyword set;
- ties (authors graph): unordered pairs of distinct authors on a paper with at most 100 authors
  (Coauthor's default --max-authors), new = in NEW and not in OLD, lost = the reverse;
- people new / gone: author names (whitespace-normalised) on a paper of one snapshot only.
People and ties depend on identity resolution (Coauthor joins spellings of one person, e.g. case
or accents, initials with shared co-authors), which this script does not redo; so for those it
reports the raw-string counts and checks that Coauthor's are at most them and within the number
of spellings Coauthor merged (`--format json` lists none; the bound is printed).
Exit status 0 when every exact check holds, 1 otherwise.
"""
import gzip
import json
import subprocess
import sys


def read(path):
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        header = f.readline().rstrip("\r\n").split("\t")
        col = {name: i for i, name in enumerate(header)}
        papers = {}
        for line in f:
            row = line.rstrip("\r\n").split("\t")
            authors = [" ".join(a.split()) for a in row[col["authors"]].split(";") if a.strip()]
            seen = []
            for a in authors:
                if a not in seen:
                    seen.append(a)
            tags = frozenset(t.strip().lower() for t in row[col["keywords"]].split(";") if t.strip())
            papers[row[col["paper_id"]]] = (tuple(seen), tags)
        return papers


def ties(papers, limit=100):
    out = set()
    for authors, _ in papers.values():
        if len(authors) > limit:
            continue
        for i, a in enumerate(authors):
            for b in authors[i + 1:]:
                out.add((a, b) if a < b else (b, a))
    return out


def main():
    binary, old_path, new_path = sys.argv[1:4]
    old, new = read(old_path), read(new_path)
    run = subprocess.run([binary, "diff", old_path, new_path, "--format", "json"], capture_output=True, text=True)
    if run.returncode != 0:
        print("coauthor diff failed:", run.stderr)
        return 1
    d = json.loads(run.stdout)
    failures = 0

    def exact(name, ours, theirs):
        nonlocal failures
        ok = ours == theirs
        failures += 0 if ok else 1
        print(f"{'ok  ' if ok else 'FAIL'} {name}: python {ours}, coauthor {theirs}")

    added = [k for k in new if k not in old]
    removed = [k for k in old if k not in new]
    changed = [k for k in new if k in old and (new[k][0] != old[k][0] or new[k][1] != old[k][1])]
    exact("papers in OLD", len(old), d["old"]["papers"])
    exact("papers in NEW", len(new), d["new"]["papers"])
    exact("papers added", len(added), len(d["papers"]["added"]))
    exact("papers removed", len(removed), len(d["papers"]["removed"]))
    exact("papers changed", len(changed), len(d["papers"]["changed"]))

    def bounded(name, raw, ours):
        nonlocal failures
        ok = ours <= raw
        failures += 0 if ok else 1
        print(f"{'ok  ' if ok else 'FAIL'} {name}: python (raw spellings) {raw}, coauthor (one name a person) {ours}, difference {raw - ours}")

    old_people = {a for authors, _ in old.values() for a in authors}
    new_people = {a for authors, _ in new.values() for a in authors}
    bounded("people new", len(new_people - old_people), len(d["people"]["new"]))
    bounded("people gone", len(old_people - new_people), len(d["people"]["gone"]))
    old_ties, new_ties = ties(old), ties(new)
    bounded("ties new", len(new_ties - old_ties), len(d["ties"]["new"]))
    bounded("ties lost", len(old_ties - new_ties), len(d["ties"]["lost"]))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
