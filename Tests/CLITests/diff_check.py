#!/usr/bin/env python3
"""Independent check of `coauthor diff` on two snapshots of a papers.tsv table (the
paperlists split of bench/diff/split_paperlists.py): recomputes every count of the diff from the
raw tables with plain Python and asserts that `coauthor diff OLD NEW --format json` gives the same.

    python3 Tests/CLITests/diff_check.py .build/release/coauthor OLD.tsv.gz NEW.tsv.gz

Coauthor's identity decisions are *input* here, read from its documented outputs over both
snapshots together (as `diff` resolves them):
- `coauthor names OLD NEW --format json`, "merged": each automatic merge (written family name
  first, initials joined by a shared co-author, same id, fellow match) as variant -> person;
- `coauthor stats OLD NEW --format json`, "tagVariants": each folded tag and its other spellings.
Everything else is redone here from the README's rules, not from Coauthor's code: cells split at
';', HTML character references ('&name;', '&#N;', with their ';') decoded, Unicode NFC, whitespace
runs made one space; two spellings equal up to case (full case folding: 'ß' is 'ss'), accents and
periods are one person (one tag); the merges join classes (union-find); a name repeated on a paper
counts once.

What is recomputed:
- papers in OLD / NEW, added / removed / changed: rows matched by `paper_id`; changed = same id,
  different (resolved) author list or (folded) tag set;
- people new / gone: people on some paper of one snapshot and none of the other; fellows new /
  gone (the table has no fellows column: 0);
- ties new / lost (authors graph): unordered pairs of distinct people on a paper with at most 100
  people (Coauthor's default --max-authors), in NEW and not in OLD, and the reverse;
- tags new / gone: tags on some paper of one snapshot and none of the other.
Each count is printed `ok`/`FAIL` with both values; exit status 0 when all are equal, 1 otherwise.
"""
import gzip
import html
import html.entities
import json
import re
import subprocess
import sys
import unicodedata

ZERO_WIDTH = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff",
              # direction marks and bidi controls (LRM, RLM, ALM, embeddings/overrides, isolates)
              "\u200e", "\u200f", "\u061c", *map(chr, range(0x202A, 0x202F)), *map(chr, range(0x2066, 0x206A))}


def normalize(text):
    """NFC, zero-width characters dropped, whitespace and control runs one space, trimmed; no
    space before a comma."""
    text = unicodedata.normalize("NFC", text)
    out = []
    pending = False
    for ch in text:
        if ch in ZERO_WIDTH:
            continue
        if ch.isspace() or ord(ch) < 0x20 or ord(ch) == 0x7F:
            pending = True
            continue
        if pending:
            if ch != "," and out:
                out.append(" ")
            pending = False
        out.append(ch)
    return "".join(out)


def key(text):
    """Equal up to case (full Unicode case folding: 'ß' is 'ss'), accents and periods."""
    folded = unicodedata.normalize("NFD", normalize(text).casefold())
    folded = "".join(ch for ch in folded if unicodedata.category(ch) != "Mn")
    return " ".join(folded.replace(".", " ").split())


REFERENCE = re.compile(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
NAMED = dict(html.entities.name2codepoint, apos=0x27)


def unreference(match):
    """An HTML character reference (with its ';'; HTML 4.01 names and numbers), or the text
    as written when it is none."""
    body = match.group(1)
    if body.startswith("#"):
        number = int(body[2:], 16) if body[1] in "xX" else int(body[1:])
        return chr(number) if 0 < number <= 0x10FFFF else match.group(0)
    return chr(NAMED[body]) if body in NAMED else match.group(0)


def items(cell):
    """A list cell split at ';', character references decoded (a reference's ';' never splits)."""
    if "&" not in cell:
        return [name for name in map(normalize, cell.split(";")) if name]
    parts = [""]
    i = 0
    while i < len(cell):
        m = REFERENCE.match(cell, i) if cell[i] == "&" else None
        if m:
            parts[-1] += unreference(m)
            i = m.end()
        elif cell[i] == ";":
            parts.append("")
            i += 1
        else:
            parts[-1] += cell[i]
            i += 1
    return [name for name in map(normalize, parts) if name]


class Classes:
    """Union-find over keys: one class a person (or a tag)."""

    def __init__(self):
        self.parent = {}

    def find(self, k):
        root = k
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while self.parent.get(k, k) != root:
            self.parent[k], k = root, self.parent[k]
        return root

    def join(self, a, b):
        ra, rb = self.find(key(a)), self.find(key(b))
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def read(path, people, tags):
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        header = f.readline().rstrip("\r\n").split("\t")
        col = {name: i for i, name in enumerate(header)}
        papers = {}
        for line in f:
            row = line.rstrip("\r\n").split("\t")
            persons = []
            for name in items(row[col["authors"]]):
                person = people.find(key(name))
                if person not in persons:
                    persons.append(person)
            topics = frozenset(tags.find(key(t)) for t in items(row[col["keywords"]]))
            papers[row[col["paper_id"]]] = (tuple(persons), topics)
        return papers


def ties(papers, limit=100):
    out = set()
    for persons, _ in papers.values():
        if len(persons) > limit:
            continue
        for i, a in enumerate(persons):
            for b in persons[i + 1:]:
                out.add((a, b) if a < b else (b, a))
    return out


def coauthor_json(binary, arguments):
    run = subprocess.run([binary] + arguments, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"coauthor {' '.join(arguments)} failed ({run.returncode}): {run.stderr[-2000:]}")
    return json.loads(run.stdout)


def main():
    binary, old_path, new_path = sys.argv[1:4]
    names = coauthor_json(binary, ["names", old_path, new_path, "--format", "json"])
    stats = coauthor_json(binary, ["stats", old_path, new_path, "--format", "json"])
    d = coauthor_json(binary, ["diff", old_path, new_path, "--format", "json"])
    people = Classes()
    for merge in names["merged"]:
        people.join(merge["variant"], merge["person"])
    tags = Classes()
    for folded in stats.get("tagVariants", []):
        for variant in folded["variants"]:
            tags.join(variant, folded["tag"])
    print(f"input: {len(names['merged'])} merges of names, {len(stats.get('tagVariants', []))} folded tags")
    old, new = read(old_path, people, tags), read(new_path, people, tags)
    failures = 0

    def exact(name, ours, theirs):
        nonlocal failures
        ok = ours == theirs
        failures += 0 if ok else 1
        print(f"{'ok  ' if ok else 'FAIL'} {name}: python {ours}, coauthor {theirs}")

    added = [k for k in new if k not in old]
    removed = [k for k in old if k not in new]
    changed = [k for k in new if k in old and new[k] != old[k]]
    exact("papers in OLD", len(old), d["old"]["papers"])
    exact("papers in NEW", len(new), d["new"]["papers"])
    exact("papers added", len(added), len(d["papers"]["added"]))
    exact("papers removed", len(removed), len(d["papers"]["removed"]))
    exact("papers changed", len(changed), len(d["papers"]["changed"]))
    old_people = {a for persons, _ in old.values() for a in persons}
    new_people = {a for persons, _ in new.values() for a in persons}
    exact("people new", len(new_people - old_people), len(d["people"]["new"]))
    exact("people gone", len(old_people - new_people), len(d["people"]["gone"]))
    exact("fellows new", 0, len(d["fellows"]["new"]))
    exact("fellows gone", 0, len(d["fellows"]["gone"]))
    old_ties, new_ties = ties(old), ties(new)
    exact("ties in OLD", len(old_ties), d["old"]["ties"])
    exact("ties in NEW", len(new_ties), d["new"]["ties"])
    exact("ties new", len(new_ties - old_ties), len(d["ties"]["new"]))
    exact("ties lost", len(old_ties - new_ties), len(d["ties"]["lost"]))
    old_tags = {t for _, topics in old.values() for t in topics}
    new_tags = {t for _, topics in new.values() for t in topics}
    exact("tags new", len(new_tags - old_tags), len(d["tags"]["new"]))
    exact("tags gone", len(old_tags - new_tags), len(d["tags"]["gone"]))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
