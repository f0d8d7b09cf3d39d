#!/usr/bin/env bash
# Checks that the code, Package.swift and ARCHITECTURE.md agree about the target graph.
# Standard-library Python 3 only; no network, no build. Exit 0 when all hold, 1 with one line per
# violation (naming the file and the import or the table row) otherwise.
#
#   1. Every `import X` (also `public`/`internal`/`@testable`/`@preconcurrency import X`) in a target's
#      Swift files, where X is another target of this package or a product of a package dependency,
#      names a declared dependency of that target. A file importing its own module also fails.
#      Test targets may also import what their dependencies reach (SwiftPM builds those modules).
#   2. Every declared dependency is imported by at least one Swift file of the target (fails: an
#      unused dependency makes the graph in ARCHITECTURE.md claim an edge the code does not use;
#      only a warning for test targets).
#   3. ARCHITECTURE.md's target table (between the `check-architecture: targets` markers) lists the
#      same targets, each with the same dependencies, as Package.swift.
#   4. The "must not import" column of that table holds (e.g. no Foundation in GraphCore).
#   5. Each C module is imported only by the files the C-module table names.
#
# Usage: bash scripts/check-architecture.sh [REPO_ROOT]   (default: the repository of this script)
set -euo pipefail
root="${1:-$(cd "$(dirname "$0")/.." && pwd)}"
exec python3 - "$root" <<'PY'
import os, re, sys

root = sys.argv[1]
errors = []

def fail(msg):
    errors.append(msg)

def strip_comments(text):
    """Removes /* */ and // comments and the contents of string literals' line comments (good
    enough for Package.swift and for finding import lines)."""
    text = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    out = []
    for line in text.split("\n"):
        # Drop a // comment that is not inside a string literal.
        in_str = False
        cut = len(line)
        i = 0
        while i < len(line):
            c = line[i]
            if c == '"' and (i == 0 or line[i - 1] != "\\"):
                in_str = not in_str
            elif not in_str and line.startswith("//", i):
                cut = i
                break
            i += 1
        out.append(line[:cut])
    return "\n".join(out)

def balanced(text, start, open_ch, close_ch):
    """Returns the text between text[start] == open_ch and its matching close_ch."""
    depth = 0
    for i in range(start, len(text)):
        if text[i] == open_ch:
            depth += 1
        elif text[i] == close_ch:
            depth -= 1
            if depth == 0:
                return text[start + 1:i]
    raise ValueError("unbalanced %s at %d" % (open_ch, start))

# ---- Package.swift ---------------------------------------------------------------------------
pkg_path = os.path.join(root, "Package.swift")
pkg = strip_comments(open(pkg_path, encoding="utf-8").read())
targets = {}  # name -> {kind, deps: [module names], path}
products = set()  # modules of package dependencies (.product(name:))
kind_re = re.compile(r"\.(target|executableTarget|testTarget|systemLibrary|binaryTarget|plugin|macro)\s*\(")
for m in kind_re.finditer(pkg):
    kind = m.group(1)
    args = balanced(pkg, m.end() - 1, "(", ")")
    name_m = re.match(r'\s*name\s*:\s*"([^"]+)"', args)
    if not name_m:
        continue  # e.g. `.target(name:)` inside a dependency list is matched by its own rule below
    name = name_m.group(1)
    if name in targets:
        continue
    deps = []
    dep_m = re.search(r"\bdependencies\s*:\s*\[", args)
    if dep_m:
        dep_text = balanced(args, dep_m.end() - 1, "[", "]")
        # Top-level items: "Name", .product(name: "P", ...), .target(name: "T"), .byName(name: "T").
        for item in re.finditer(r'\.(product|target|byName)\s*\(\s*name\s*:\s*"([^"]+)"[^)]*\)|"([^"]+)"', dep_text):
            if item.group(1):
                deps.append(item.group(2))
                if item.group(1) == "product":
                    products.add(item.group(2))
            else:
                deps.append(item.group(3))
    path_m = re.search(r'\bpath\s*:\s*"([^"]+)"', args)
    default_dir = "Tests" if kind == "testTarget" else "Sources"
    path = path_m.group(1) if path_m else os.path.join(default_dir, name)
    targets[name] = {"kind": kind, "deps": deps, "path": path}

if not targets:
    print("check-architecture: no targets found in Package.swift (parser out of date?)", file=sys.stderr)
    sys.exit(1)
known_modules = set(targets) | products

# ---- Imports ---------------------------------------------------------------------------------
import_re = re.compile(
    r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|package|internal|fileprivate|private)\s+)?"
    r"import\s+(?:(?:typealias|struct|class|enum|protocol|let|var|func)\s+)?([A-Za-z_]\w*)", re.M)

def swift_files(directory):
    full = os.path.join(root, directory)
    for dirpath, dirnames, filenames in os.walk(full):
        dirnames.sort()
        for f in sorted(filenames):
            if f.endswith(".swift"):
                yield os.path.join(dirpath, f)

def closure(name, acc=None):
    """The modules a target reaches through its declared dependencies (transitively)."""
    acc = set() if acc is None else acc
    for dep in targets.get(name, {}).get("deps", []):
        if dep not in acc:
            acc.add(dep)
            closure(dep, acc)
    return acc

warnings = []
imports_by_target = {}  # target -> {module: [relative file paths]}
imports_by_file = {}    # relative path -> set of modules
for name, t in sorted(targets.items()):
    if t["kind"] in ("systemLibrary", "binaryTarget"):
        continue
    seen = {}
    for path in swift_files(t["path"]):
        rel = os.path.relpath(path, root)
        text = strip_comments(open(path, encoding="utf-8").read())
        mods = set()
        for im in import_re.finditer(text):
            mod = im.group(1)
            mods.add(mod)
            seen.setdefault(mod, []).append(rel)
            line = text.count("\n", 0, im.start()) + 1
            if mod == name:
                fail("%s:%d: imports its own module %s (target %s)" % (rel, line, mod, name))
            elif t["kind"] == "testTarget":
                if mod in known_modules and mod not in closure(name):
                    fail("%s:%d: imports %s, which test target %s does not reach through its dependencies in Package.swift"
                         % (rel, line, mod, name))
            elif mod in known_modules and mod not in t["deps"]:
                fail("%s:%d: imports %s, which is not a declared dependency of target %s in Package.swift"
                     % (rel, line, mod, name))
        imports_by_file[rel] = mods
    imports_by_target[name] = seen
    for dep in t["deps"]:
        if dep in seen:
            continue
        if t["kind"] == "testTarget":
            warnings.append("Package.swift: test target %s declares dependency %s, but no Swift file under %s/ imports it"
                            % (name, dep, t["path"]))
        else:
            fail("Package.swift: target %s declares dependency %s, but no Swift file under %s/ imports it"
                 % (name, dep, t["path"]))

# ---- ARCHITECTURE.md -------------------------------------------------------------------------
arch_path = os.path.join(root, "ARCHITECTURE.md")
if not os.path.exists(arch_path):
    fail("ARCHITECTURE.md: missing")
    arch = ""
else:
    arch = open(arch_path, encoding="utf-8").read()

def marked_rows(label):
    m = re.search(r"<!-- check-architecture: %s -->(.*?)<!-- /check-architecture -->" % re.escape(label), arch, re.S)
    if not m:
        fail("ARCHITECTURE.md: no block between '<!-- check-architecture: %s -->' and '<!-- /check-architecture -->'" % label)
        return []
    rows = []
    start_line = arch.count("\n", 0, m.start(1)) + 1
    for offset, line in enumerate(m.group(1).split("\n")):
        line = line.strip()
        if not line.startswith("|") or re.match(r"^\|[\s:|-]+\|$", line):
            continue
        cells = [c.strip() for c in line.strip("|").split("|")]
        rows.append((start_line + offset, cells))
    return rows

def names_in(cell):
    return [n for n in re.findall(r"`([^`]+)`", cell)]

if arch:
    table = {}
    rows = marked_rows("targets")
    header = rows[0][1] if rows else []
    cols = {c.lower(): i for i, c in enumerate(header)}
    for need in ("target", "depends on", "must not import"):
        if need not in cols:
            fail("ARCHITECTURE.md: the targets table needs a '%s' column (header: %s)" % (need, " | ".join(header)))
    if all(n in cols for n in ("target", "depends on", "must not import")):
        for line, cells in rows[1:]:
            if cells and cells[0].lower() == "target":
                continue  # a second table's header
            tnames = names_in(cells[cols["target"]])
            if len(tnames) != 1:
                fail("ARCHITECTURE.md:%d: the target cell must hold one `Name`: %r" % (line, cells[cols["target"]]))
                continue
            tname = tnames[0]
            if tname in table:
                fail("ARCHITECTURE.md:%d: target %s listed twice" % (line, tname))
            table[tname] = (line, names_in(cells[cols["depends on"]]), names_in(cells[cols["must not import"]]))
        for tname in sorted(set(targets) - set(table)):
            fail("ARCHITECTURE.md: target %s (Package.swift) is missing from the targets table" % tname)
        for tname in sorted(set(table) - set(targets)):
            fail("ARCHITECTURE.md:%d: target %s is not a target in Package.swift" % (table[tname][0], tname))
        for tname in sorted(set(table) & set(targets)):
            line, deps, forbidden = table[tname]
            declared = targets[tname]["deps"]
            missing = [d for d in declared if d not in deps]
            extra = [d for d in deps if d not in declared]
            if missing or extra:
                fail("ARCHITECTURE.md:%d: target %s: table says depends on [%s], Package.swift says [%s]"
                     % (line, tname, ", ".join(deps), ", ".join(declared)))
            for mod in forbidden:
                if mod in targets[tname]["deps"]:
                    fail("Package.swift: target %s depends on %s, which ARCHITECTURE.md:%d says it must not import"
                         % (tname, mod, line))
                for rel in imports_by_target.get(tname, {}).get(mod, []):
                    fail("%s: imports %s, which target %s must not import (ARCHITECTURE.md:%d)" % (rel, mod, tname, line))

    # C modules: `| C module | imported only by |`
    for line, cells in marked_rows("c-modules"):
        if len(cells) < 2 or not names_in(cells[0]) or cells[0].lower().startswith("c module"):
            continue
        cmod = names_in(cells[0])[0]
        allowed = set(names_in(cells[1]))
        if cmod not in targets or targets[cmod]["kind"] != "systemLibrary":
            fail("ARCHITECTURE.md:%d: %s is not a system-library target in Package.swift" % (line, cmod))
        importers = sorted(f for f, mods in imports_by_file.items() if cmod in mods)
        for f in importers:
            if f not in allowed:
                fail("%s: imports C module %s; only %s may (ARCHITECTURE.md:%d)"
                     % (f, cmod, ", ".join(sorted(allowed)), line))
        for f in sorted(allowed - set(importers)):
            fail("ARCHITECTURE.md:%d: says %s imports %s, but it does not (or does not exist)" % (line, f, cmod))

for w in warnings:
    print("check-architecture: warning: " + w, file=sys.stderr)
if errors:
    for e in errors:
        print("check-architecture: " + e, file=sys.stderr)
    print("check-architecture: FAILED (%d problem%s)" % (len(errors), "" if len(errors) == 1 else "s"), file=sys.stderr)
    sys.exit(1)
n_files = len(imports_by_file)
n_edges = sum(len(t["deps"]) for t in targets.values())
print("check-architecture: OK (%d targets, %d dependency edges, %d Swift files; ARCHITECTURE.md agrees)"
      % (len(targets), n_edges, n_files))
PY
