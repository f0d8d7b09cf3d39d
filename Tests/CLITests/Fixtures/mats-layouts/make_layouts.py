#!/usr/bin/env python3
"""Writes the bundled MATS listing (Examples/mats-research.txt) in the site's other layouts:
the newer listing layout (Alumni:/Citations:), per-paper pages new style (MATS Fellow:, Abstract:,
Recent research footer) and old style (MATS Alumnus, Collabortators, Citations, Abstract).
Citation counts are made up (deterministic). Usage: gen.py LISTING OUTDIR"""
import os, sys, re

src, out = sys.argv[1], sys.argv[2]
lines = [" ".join(l.split()) for l in open(src, encoding="utf-8")]
lines = [l for l in lines if l]
headers = {"featured research", "all mats research", "frequently asked questions"}
entries = []
i = 0
block = []
while i < len(lines):
    l = lines[i]
    if l.lower() in headers:
        block = []
        i += 1
        continue
    if l in ("Authors:", "Fellows:", "Date:"):
        fields = {}
        while i < len(lines) and lines[i] in ("Authors:", "Fellows:", "Date:"):
            fields[lines[i]] = lines[i + 1]
            i += 2
        b = [x for x in block if x != "Read more"]
        title, rest = b[0], b[1:]
        tags = []
        while rest and len(rest[-1]) <= 40 and not rest[-1].endswith(".") and not rest[-1].startswith("•"):
            tags.insert(0, rest.pop())
        entries.append(dict(title=title, abstract="\n".join(rest), tags=tags,
                            authors=fields["Authors:"], fellows=fields["Fellows:"], date=fields["Date:"]))
        block = []
        continue
    block.append(l)
    i += 1
# one entry per paper (the listing repeats featured papers)
seen, papers = set(), []
for e in entries:
    if e["title"] in seen:
        continue
    seen.add(e["title"])
    papers.append(e)
for e in papers:
    e["citations"] = (sum(map(ord, e["title"])) % 400) + 3

os.makedirs(out, exist_ok=True)
# 1. newer listing layout: title, tags, Authors:, Alumni:, Date:, Citations: (three citation spellings)
with open(os.path.join(out, "listing-newer.txt"), "w", encoding="utf-8") as f:
    f.write("Research\n\nMATS fellows' research on AI alignment, transparency and security.\n\n")
    for k, e in enumerate(papers):
        f.write(e["title"] + "\n\n")
        for t in e["tags"]:
            f.write(t + "\n\n")
        f.write("Authors:\n\n" + e["authors"] + "\n\nAlumni:\n\n" + e["fellows"] + "\n\n")
        if k % 5 != 4:  # some entries have no date
            f.write("Date:\n\n" + e["date"] + "\n\n")
        if k % 3 == 0:
            f.write("Citations:\n\n%d\n\n" % e["citations"])
        elif k % 3 == 1:
            f.write("%d Citations\n\n" % e["citations"])
        else:
            f.write("Citations\n\n")
# 2. per-paper pages, new style; 3. old style
fellow_papers = {}
for e in papers:
    for name in [n.strip() for n in e["fellows"].split(",")]:
        fellow_papers.setdefault(name, []).append(e)
for k, e in enumerate(papers):
    slug = re.sub(r"[^a-z0-9]+", "-", e["title"].lower()).strip("-")[:40]
    os.makedirs(os.path.join(out, "pages-new"), exist_ok=True)
    with open(os.path.join(out, "pages-new", "%02d-%s.txt" % (k, slug)), "w", encoding="utf-8") as f:
        f.write(e["title"] + "\n\n")
        f.write("MATS Fellow:\n\n" + e["fellows"] + "\n\nAuthors:\n\n" + e["authors"] + "\n\n")
        f.write(("%d Citations\n\n" % e["citations"]) if k % 2 == 0 else "Citations\n\n")
        if e["abstract"]:
            f.write("Abstract:\n\n" + e["abstract"].replace("\n", "\n\n") + "\n\n")
        first = [n.strip() for n in e["fellows"].split(",")][0]
        others = [p for p in fellow_papers[first] if p is not e][:2]
        if others:
            f.write("Recent research\n\n")
            for p in others:
                fl = first if k % 2 == 0 else "Fellow: " + first
                f.write(p["title"] + "\n\nAuthors:\n\n" + fl + "\n\nDate:\n\n" + p["date"] + "\n\nCitations:\n\n%d\n\n" % p["citations"])
    os.makedirs(os.path.join(out, "pages-old"), exist_ok=True)
    with open(os.path.join(out, "pages-old", "%02d-%s.txt" % (k, slug)), "w", encoding="utf-8") as f:
        f.write(e["title"] + "\n\n")
        f.write("MATS Alumnus\n\n" + e["fellows"] + "\n\nCollabortators\n\n" + e["authors"] + "\n\n")
        f.write("Citations\n\n%d\n\n" % e["citations"])
        if e["abstract"]:
            f.write("Abstract\n\n" + e["abstract"].replace("\n", "\n\n") + "\n\n")
print(len(entries), "entries,", len(papers), "papers")
