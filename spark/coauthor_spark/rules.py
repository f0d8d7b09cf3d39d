"""Coauthor's rules for names, tags, alias files and list cells, in plain Python.

Each function is a port of the Swift code named in its docstring (Sources/Bibliography/...), so
that the Spark job and Coauthor decide identically who is one person. Nothing here imports Spark:
the functions run in the driver and, as UDFs, in the executors.
"""
import html
import re
import unicodedata

# NameNormalizer.isZeroWidth
_ZERO_WIDTH = {0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD,
               # direction marks and bidi controls (invisible, never part of a name)
               0x200E, 0x200F, 0x061C} | set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))
# Unicode White_Space (Swift's `properties.isWhitespace`).
_WHITE_SPACE = {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F,
                0x3000} | set(range(0x2000, 0x200B))


def normalize(text):
    """NameNormalizer.normalize: NFC; zero-width characters removed; every kind of white space
    (and control characters) folded to one space; leading/trailing space and spaces before
    commas dropped."""
    if text is None:
        return ""
    composed = unicodedata.normalize("NFC", text)
    out = []
    pending = False
    for ch in composed:
        c = ord(ch)
        if c in _ZERO_WIDTH:
            continue
        if c in _WHITE_SPACE or c < 0x20 or c == 0x7F:
            pending = True
            continue
        if pending:
            if ch != "," and out:
                out.append(" ")
            pending = False
        out.append(ch)
    return "".join(out)


# The combining diacritical mark blocks Foundation's diacritic folding removes (not every
# nonspacing mark: Japanese dakuten, Devanagari and Thai vowel signs stay, as the shared
# name-key fixture shows).
_DIACRITIC_BLOCKS = ((0x0300, 0x036F), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF), (0xFE20, 0xFE2F))


def _is_diacritic(c):
    return any(lo <= c <= hi for lo, hi in _DIACRITIC_BLOCKS)


def _fold(text):
    """Foundation's folding(options: [.caseInsensitive, .diacriticInsensitive]): diacritics
    (combining diacritical marks after canonical decomposition) dropped, then full Unicode case folding
    (`ß` -> `ss`, `ﬁ` -> `fi`, final `ς` -> `σ`, as Foundation does)."""
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not _is_diacritic(ord(ch)))
    return unicodedata.normalize("NFC", stripped.casefold())


def key(text):
    """NameNormalizer.key: the comparison key of a name: normalised, case and accents folded,
    periods dropped, spaces collapsed (`Iván  Arcuschin` and `ivan arcuschin` share one)."""
    normalized = normalize(text)
    if normalized.isascii():
        return " ".join(p for p in normalized.lower().replace(".", " ").split(" ") if p)
    folded = _fold(normalized)
    return " ".join(p for p in folded.replace(".", " ").split(" ") if p)


def title_key(text):
    """NameNormalizer.titleKey: like key() but ignoring all punctuation."""
    normalized = normalize(text)
    folded = normalized.lower() if normalized.isascii() else _fold(normalized)
    out = []
    word = []
    for ch in folded:
        if unicodedata.category(ch)[0] in "LMN" and (not normalized.isascii() or ch.isalnum()):
            word.append(ch)
        elif word:
            out.append("".join(word))
            word = []
    if word:
        out.append("".join(word))
    return " ".join(out)


# PersonName.suffixes, IdentityResolver.particles
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
PARTICLES = {"van", "von", "de", "der", "den", "da", "del", "della", "la", "le", "di", "du", "dos", "das",
             "bin", "al", "el", "ben", "y", "e", "ter", "ten", "st", "mac", "zu"}


def _is_suffix(token):
    return token.lower().replace(".", "") in SUFFIXES


def _is_letter(ch):
    return ch.isalpha()


def _is_name_word(token):
    if not token or not _is_letter(token[0]):
        return False
    return all(_is_letter(c) or c in ".-'\u2019" for c in token)


def is_initial(token):
    """NameNormalizer.isInitial: `J.`, `J` or `J.-P.`."""
    letters = [c for c in token if _is_letter(c)]
    return bool(letters) and len(letters) <= 2 and (token.endswith(".") or len(letters) == 1)


NONE, INVERTED, AMBIGUOUS = "none", "inverted", "ambiguous"


def read_inverted(name, max_words=4):
    """InvertedName.read: (kind, natural form) for a name that may be written family name first
    (`Tong, Meg` -> inverted `Meg Tong`; `Ann Alpha, Bob Beta` -> ambiguous)."""
    if "," not in name:
        return NONE, None
    parts = [[w for w in p.split(" ") if w] for p in name.split(",")]
    if not all(parts):
        return NONE, None
    suffix = None
    if len(parts) == 2 and len(parts[1]) == 1 and _is_suffix(parts[1][0]):
        if len(parts[0]) < 2 or not all(_is_name_word(w) for w in parts[0]):
            return NONE, None
        return INVERTED, " ".join(parts[0] + parts[1])
    if len(parts) == 2:
        family, given = parts[0], parts[1]
    elif len(parts) == 3 and len(parts[1]) == 1 and _is_suffix(parts[1][0]):
        family, suffix, given = parts[0], parts[1][0], parts[2]
    elif len(parts) == 3 and len(parts[2]) == 1 and _is_suffix(parts[2][0]):
        family, suffix, given = parts[0], parts[2][0], parts[1]
    else:
        return NONE, None
    family, given = list(family), list(given)
    if suffix is None and len(given) >= 2 and _is_suffix(given[-1]):
        suffix = given.pop()
    if suffix is None and len(family) >= 2 and _is_suffix(family[-1]):
        suffix = family.pop()
    if not (1 <= len(family) <= max_words and 1 <= len(given) <= max_words
            and all(_is_name_word(w) for w in family) and all(_is_name_word(w) for w in given)
            and not all(_is_suffix(w) for w in given)):
        return NONE, None
    natural = " ".join(given + family + ([suffix] if suffix else []))
    particled = family[0].lower() in PARTICLES
    if len(family) >= 2 and not particled and len(given) >= 2 and not is_initial(given[-1]):
        return AMBIGUOUS, natural
    return INVERTED, natural


def table_natural(name):
    """DelimitedTableReader.invertNames for a list cut at a separator other than `,`: names that
    read() finds plainly inverted are left to the resolver; the others readUnambiguous inverts."""
    if "," not in name:
        return name
    kind, _ = read_inverted(name)
    if kind == INVERTED:
        return name
    kind, natural = read_inverted(name, max_words=6)
    return natural if kind != NONE else name


# MARK: list cells with HTML character references (HTMLEntities.decode(_:separator:))

_REFERENCE = re.compile(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_PROTECT = "\uE000"


def _decode_references(cell):
    def one(m):
        text = m.group(0)
        decoded = html.unescape(text)
        if decoded == text:
            return text
        return decoded.replace(";", _PROTECT)
    return _REFERENCE.sub(one, cell)


def split_list(cell, separator=";"):
    """The non-empty, normalised items of a list cell, references decoded first (the `;` that
    ends `&iacute;` never cuts a name)."""
    if not cell:
        return []
    decoded = _decode_references(cell)
    items = []
    for piece in decoded.split(separator):
        name = normalize(piece.replace(_PROTECT, ";"))
        if name:
            items.append(name)
    return items


def decode_cell(cell):
    """A single cell with character references decoded and normalised."""
    return normalize(html.unescape(cell)) if cell and "&" in cell else normalize(cell or "")


# MARK: alias files (AliasFile.swift)

class AliasError(Exception):
    pass


def _alias_fields(line):
    parts = []
    for tab_part in [p for p in line.split("\t") if p]:
        current = ""
        spaces = 0
        for ch in tab_part:
            if ch == " ":
                spaces += 1
                continue
            if spaces >= 2:
                parts.append(current)
                current = ""
            elif spaces == 1 and current:
                current += " "
            spaces = 0
            current += ch
        if current:
            parts.append(current)
    return [f for f in (normalize(p) for p in parts) if f]


class Aliases:
    """An alias file: `merge/split/rename/keep` for names, `tag-merge/-split/-rename/-keep` for
    tags; the first rule whose name matches (by key, names also in natural order) wins."""

    def __init__(self, entries=()):
        self.entries = list(entries)  # (scope, kind, args, line)
        self.person = {}
        self.tag = {}
        for i, (scope, kind, args, _) in enumerate(self.entries):
            if kind == "merge":
                names = args[1:]
            elif kind in ("split", "rename"):
                names = args[:1]
            else:
                continue
            table = self.person if scope == "person" else self.tag
            for name in names:
                table.setdefault(self.rule_key(name, scope), i)

    @staticmethod
    def rule_key(name, scope):
        if scope == "person":
            kind, natural = read_inverted(normalize(name))
            if kind == INVERTED:
                return key(natural)
        return key(name)

    @classmethod
    def parse(cls, text, path="aliases"):
        entries = []
        for i, raw in enumerate(text.splitlines()):
            fields = _alias_fields(raw)
            if not fields or fields[0].startswith("#"):
                continue
            kind = fields[0].lower()
            scope = "person"
            if kind.startswith("tag-"):
                kind = kind[4:]
                scope = "tag"
            what = "tag" if scope == "tag" else "name"
            verb = ("tag-" if scope == "tag" else "") + kind
            args = fields[1:]

            def fail(why):
                return AliasError("%s:%d: invalid alias rule: %s" % (path, i + 1, why))
            if kind == "merge":
                if len(args) < 2:
                    raise fail("'%s' needs a canonical %s and at least one variant" % (verb, what))
            elif kind == "split":
                if len(args) < 3:
                    raise fail("'%s' needs the joined %s and at least two %ss" % (verb, what, what))
            elif kind == "rename":
                if len(args) != 2:
                    raise fail("'%s' needs exactly an old and a new %s" % (verb, what))
            elif kind == "keep" and scope == "tag":
                if not args:
                    raise fail("'tag-keep' needs at least one tag")
            elif kind == "keep":
                if len(args) != 1:
                    raise fail("'keep' needs exactly one name")
            else:
                raise fail("unknown rule '%s' (expected merge, split, rename, keep, tag-merge, tag-split, "
                           "tag-rename or tag-keep)" % fields[0])
            entries.append((scope, kind, args, i + 1))
        return cls(entries)

    def apply(self, name, scope="person"):
        """The names a rule turns `name` into, or None when no rule applies."""
        table = self.person if scope == "person" else self.tag
        if not table:
            return None
        i = table.get(self.rule_key(name, scope))
        if i is None:
            return None
        _, kind, args, _ = self.entries[i]
        if kind == "merge":
            return [args[0]]
        if kind == "split":
            return args[1:]
        return [args[1]]


def resolve_name(name, aliases, table_split):
    """One author string as Coauthor reads it: (names, ambiguous natural form or None).

    Order as in DelimitedTableReader then IdentityResolver: the table's family-name-first
    reading (lists cut at a separator other than `,`), the alias file, then `Tong, Meg` ->
    `Meg Tong`. An ambiguous `Ann Alpha, Bob Beta` is returned with its natural form, which is
    used only when that form's key is an author elsewhere (decided by the caller, globally)."""
    if table_split:
        name = table_natural(name)
    replaced = aliases.apply(name, "person") if aliases is not None else None
    if replaced is not None:
        return [normalize(n) for n in replaced], None
    if "," in name:
        kind, natural = read_inverted(normalize(name))
        if kind == INVERTED:
            return [natural], None
        if kind == AMBIGUOUS:
            return [name], natural
    return [name], None


def tag_key(tag):
    """The exact-key tag rule (Coauthor with --no-tag-folding): tags differ unless only case or
    accents (or periods and spacing) differ."""
    return key(tag)


def shortest_repr(x):
    """Numbers as the agreed schema writes them: integers as integers, doubles as repr()."""
    if isinstance(x, bool):
        return "true" if x else "false"
    if isinstance(x, int):
        return str(x)
    if isinstance(x, float):
        return repr(x)
    return "" if x is None else str(x)
