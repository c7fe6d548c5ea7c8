"""Agency cells -> canonical agencies (CONVENTIONS §3).

A lead, coordinate or monitor cell of a task table names one or more agencies:
"Sở Nội vụ; Văn phòng UBND tỉnh", "UBND cấp huyện, cấp xã", "Các sở, ban, ngành liên quan".
:func:`parse_agencies` splits such a cell into :class:`Agency` values with canonical names
(abbreviations expanded, qualifiers dropped, traditional tone placement, NFC), and
:func:`canonical_key` gives the identity under which one real agency gets one id.

How a cell is read, in order:

1. The text is folded (NFC, whitespace), tone marks are moved to the traditional place and
   abbreviations are expanded ("UBND" -> "Ủy ban nhân dân"), keeping a map back to the
   printed text so every mention is a piece of the cell as printed.
2. The cell is cut at ";" (and at bullets that start a line) into pieces. A piece that opens
   with a phrase naming no agency ("Theo phân công tại Quyết định ...") gives nothing.
3. In each piece, agencies are read left to right. At each position the first of these that
   fits wins: a level or unit continuing the previous agency ("..., cấp xã"), a name of the
   gazetteer (agencies.yaml), a group of bodies ("Các sở, ban, ngành"), a name starting with
   an agency head ("Trung tâm ..."), or any other capitalised phrase (kind "other").
4. A name runs on over "," and "và" until what follows starts another agency, so names with
   commas and "và" ("Sở Văn hóa, Thể thao và Du lịch") stay whole.

All vocabulary is data: parsers/data/agencies.yaml (named bodies) and
parsers/data/agency_words.yaml (abbreviations, qualifiers, posts, group nouns, heads, places).

>>> [a.name for a in parse_agencies("Sở Nội vụ; Văn phòng UBND tỉnh")]
['Sở Nội vụ', 'Văn phòng Ủy ban nhân dân tỉnh']
>>> [a.name for a in parse_agencies("UBND cấp huyện, cấp xã")]
['Ủy ban nhân dân cấp huyện', 'Ủy ban nhân dân cấp xã']
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from parsers import vocab

__all__ = ["Agency", "parse_agencies", "canonical_key"]


@dataclass(frozen=True)
class Agency:
    """One agency named in a cell.

    ``mention`` is the piece of the cell as printed (NFC, whitespace folded); ``name`` the
    canonical name; ``kind`` one of the kinds documented in agencies.yaml; ``level`` central,
    province, district, commune or None; ``is_collective`` true for a class of bodies.

    >>> Agency("Sở TT&TT", "Sở Thông tin và Truyền thông", "department", "province", False).name
    'Sở Thông tin và Truyền thông'
    """

    mention: str
    name: str
    kind: str
    level: str | None
    is_collective: bool


# --------------------------------------------------------------------------- text preparation

# Old-style "Hòa/Thủy/Ủy" puts the mark on the first vowel of an open "oa", "oe", "uy"
# syllable; the newer style ("Hoà", "Thuỷ", "Uỷ") puts it on the second. Only open syllables
# differ ("hoàn", "thuyết" are the same in both), and "qu" is a consonant ("quý" stays).
_TONED_A_E = "àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ"
_TONED_Y = "ỳýỷỹỵỲÝỶỸỴ"
_NEW_STYLE_TONE = regex.compile(
    r"(?<![qQ])"
    r"(?:(?P<vowel>[oO])(?P<toned>[" + _TONED_A_E + r"])"
    r"|(?P<vowel>[uU])(?P<toned>[" + _TONED_Y + r"]))"
    r"(?!\p{L})"
)

# A bullet that opens a line ("- Sở Nội vụ") separates agencies like ";".
_BULLETS = "-–+•*"

# Tokens: words (letters and digits) and single punctuation marks.
_TOKEN = regex.compile(r"[\p{L}\p{N}]+|[^\s\p{L}\p{N}]")

# Tokens skipped when a gazetteer name is matched loosely ("Sở Thông tin & Truyền thông",
# "Sở Văn hóa, Thể thao và Du lịch", "Đài Phát thanh - Truyền hình").
_LOOSE_SKIP = {",", "-", "–", "&", "và"}

# Separators between agencies inside a piece.
_SEPARATORS = {",", "và", "/", ".", "+", "•"}

# A document number ("1441/QĐ-UBND") marks a phrase that cites a document, not an agency.
_DOCUMENT_NUMBER = regex.compile(r"\d\s*/")

# Spaces a rebuilt name must not have: before a closing mark ("Bảo Lộc ," -> "Bảo Lộc,").
_SPACE_BEFORE_CLOSING = regex.compile(r"\s+(?P<mark>[,.;:)])")


def _retone(text: str) -> str:
    """Move oa/oe/uy tone marks to the traditional vowel; the length does not change.

    >>> _retone("Uỷ ban nhân dân tỉnh Khánh Hoà; Thuỷ lợi; quý")
    'Ủy ban nhân dân tỉnh Khánh Hòa; Thủy lợi; quý'
    """

    def swap(m: regex.Match) -> str:
        base, *marks = unicodedata.normalize("NFD", m.group("toned"))
        return unicodedata.normalize("NFC", m.group("vowel") + "".join(marks)) + base

    return _NEW_STYLE_TONE.sub(swap, text)


def _fold(cell: str) -> tuple[str, frozenset[int]]:
    """The cell as printed (NFC, whitespace folded) and the offsets where a source line began.

    >>> _fold("Lãnh đạo \\n Sở Tài chính")
    ('Lãnh đạo Sở Tài chính', frozenset({0, 9}))
    """
    text = unicodedata.normalize("NFC", cell)
    parts: list[str] = []
    starts: set[int] = set()
    pos = 0
    for line in text.splitlines():
        words = line.split()
        if not words:
            continue
        if parts:
            pos += 1
        starts.add(pos)
        folded = " ".join(words)
        parts.append(folded)
        pos += len(folded)
    return " ".join(parts), frozenset(starts)


@dataclass(frozen=True)
class _Text:
    """A cell prepared for matching: ``norm`` is what the parser reads (retoned, abbreviations
    expanded); ``origin[i]`` is the printed span that ``norm[i]`` came from."""

    printed: str
    norm: str
    origin: tuple[tuple[int, int], ...]
    line_starts: frozenset[int] = frozenset()  # norm offsets where a printed line began

    def printed_span(self, start: int, end: int) -> str:
        """The printed text behind ``norm[start:end]``."""
        return self.printed[self.origin[start][0] : self.origin[end - 1][1]]


@cache
def _abbreviation_patterns() -> tuple[tuple[Any, str], ...]:
    """(compiled regex, expansion) for each abbreviation of agency_words.yaml."""
    out = []
    for entry in vocab.load("agency_words")["abbreviations"]:
        body = regex.escape(entry["abbr"]) if "abbr" in entry else entry["pattern"]
        if not entry.get("anywhere"):
            # Whole words only: "UBND" but not the "CT" of "CTr/TU".
            body = r"(?<![\p{L}\p{N}])(?:" + body + r")(?![\p{L}\p{N}])"
        out.append((regex.compile(body), entry["expansion"]))
    return tuple(out)


def _expand(toned: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Expand abbreviations (leftmost, then longest match wins), keeping the origin map."""
    matches = []
    for order, (pattern, expansion) in enumerate(_abbreviation_patterns()):
        for m in pattern.finditer(toned):
            if m.end() > m.start():
                matches.append((m.start(), -m.end(), order, expansion))
    matches.sort()  # leftmost, then longest, then the earlier YAML entry ("Sở TP": Tư pháp)
    pieces: list[str] = []
    origin: list[tuple[int, int]] = []
    pos = 0
    for start, neg_end, _, expansion in matches:
        end = -neg_end
        if start < pos:
            continue
        pieces.append(toned[pos:start])
        origin.extend((i, i + 1) for i in range(pos, start))
        pieces.append(expansion)
        origin.extend((start, end) for _ in expansion)
        pos = end
    pieces.append(toned[pos:])
    origin.extend((i, i + 1) for i in range(pos, len(toned)))
    return "".join(pieces), tuple(origin)


def _prepare(cell: str) -> _Text:
    """Fold, retone, mark line bullets as ";" and expand abbreviations.

    >>> _prepare("- Sở TT&TT").norm
    '; Sở Thông tin và Truyền thông'
    """
    printed, line_starts = _fold(cell)
    chars = list(_retone(printed))

    def bullet_at(pos: int) -> bool:
        return chars[pos] in _BULLETS and pos + 1 < len(chars) and chars[pos + 1] == " "

    bulleted = bool(printed) and bullet_at(0)
    for pos in sorted(line_starts):
        # A dash opening a line is a bullet when the list is bulleted or the line before has
        # ended; otherwise it is a wrapped " - " ("Xuân Hương\n- Đà Lạt", "Phát thanh\n- Truyền hình").
        if bullet_at(pos) and (bulleted or pos == 0 or printed[pos - 2] in ";.,:"):
            chars[pos] = ";"
    norm, origin = _expand("".join(chars))
    starts = frozenset(i for i, (a, _) in enumerate(origin)
                       if a in line_starts and (i == 0 or origin[i - 1][0] != a))
    return _Text(printed, norm, origin, starts)


@dataclass(frozen=True)
class _Tok:
    text: str
    start: int
    end: int

    @property
    def key(self) -> str:
        return self.text.casefold()

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_capitalised(self) -> bool:
        return self.text[0].isupper() or self.text[0].isdigit()


def _tokens(norm: str) -> list[_Tok]:
    """Words and punctuation marks of a prepared text."""
    return [_Tok(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(norm)]


def _phrase_keys(phrase: str, loose: bool = False) -> tuple[str, ...]:
    """The token keys a vocabulary phrase is matched by (prepared like a cell)."""
    toks = _tokens(_prepare(phrase).norm)
    return tuple(t.key for t in toks if not (loose and t.key in _LOOSE_SKIP))


# --------------------------------------------------------------------------- vocabulary

@dataclass(frozen=True)
class _Match:
    end: int
    value: Any


class _Trie:
    """Phrases keyed by token keys; finds the longest phrase starting at a token."""

    def __init__(self, loose: bool = False):
        self.root: dict = {}
        self.loose = loose

    def add(self, phrase: str, value: Any) -> None:
        node = self.root
        for key in _phrase_keys(phrase, self.loose):
            node = node.setdefault(key, {})
        node.setdefault(None, value)  # the first entry of a phrase wins

    def match(self, toks: list[_Tok], i: int, hi: int, node: dict | None = None) -> _Match | None:
        """Longest phrase at toks[i:hi]; loose tries skip "," "-" "&" "và" between words."""
        node = self.root if node is None else node
        best = None
        j = i
        while j < hi:
            key = toks[j].key
            if self.loose and key in _LOOSE_SKIP and j > i:
                j += 1
                continue
            node = node.get(key)
            if node is None:
                break
            j += 1
            if None in node:
                best = _Match(j, node[None])
        return best

    def node_after(self, phrase: str) -> dict | None:
        """The trie node reached by a phrase (to match "Sở" + "Tài chính" in "Các Sở: Tài chính")."""
        node = self.root
        for key in _phrase_keys(phrase, self.loose):
            node = node.get(key)
            if node is None:
                return None
        return node


@dataclass(frozen=True)
class _Vocab:
    gazetteer: _Trie
    posts: _Trie
    groups: _Trie
    markers: _Trie
    heads: _Trie
    units: _Trie
    levels: _Trie
    openers: _Trie
    roles: _Trie
    linkers: _Trie
    qualifiers: tuple[tuple[tuple[str, ...], bool], ...]
    central_cities: frozenset[str]
    families: dict
    head_entries: dict  # casefolded head phrase -> its entry ("sở" -> Sở)


@cache
def _vocab() -> _Vocab:
    """Compile the two YAML files into tries (cached)."""
    words = vocab.load("agency_words")
    gazetteer = _Trie(loose=True)
    for entry in vocab.load("agencies")["agencies"]:
        for phrase in [entry["name"], *entry.get("aliases", [])]:
            gazetteer.add(phrase, entry)

    def trie(section: str, field: str = "phrase") -> _Trie:
        t = _Trie()
        for entry in words[section]:
            t.add(entry[field], entry)
        return t

    qualifiers = sorted(
        ((_phrase_keys(q["phrase"]), bool(q.get("collective_only"))) for q in words["qualifiers"]),
        key=lambda q: -len(q[0]),
    )
    return _Vocab(
        gazetteer=gazetteer,
        posts=trie("post_prefixes"),
        groups=trie("group_nouns", "name"),
        markers=trie("plural_markers"),
        heads=trie("heads"),
        units=trie("admin_units"),
        levels=trie("level_phrases"),
        openers=trie("not_agency_openers"),
        roles=trie("role_words"),
        linkers=trie("linkers"),
        qualifiers=tuple(qualifiers),
        central_cities=frozenset(c.casefold() for c in words["central_cities"]),
        families=words["families"],
        head_entries={h["phrase"].casefold(): h for h in words["heads"]},
    )


# --------------------------------------------------------------------------- parse results

@dataclass
class _Found:
    """An agency read from tokens ``start:end`` (before its mention and name are finished)."""

    start: int
    end: int
    name: str
    kind: str
    level: str | None
    collective: bool
    # Set for bodies that take a place ("Ủy ban nhân dân"): a following "cấp xã" or "xã X"
    # names the same kind of body there.
    place_head: str | None = None
    # Set for names whose head never repeats inside one name ("Sở"): a second one splits.
    repeat_head: str | None = None


@dataclass(frozen=True)
class _Place:
    end: int
    text: str
    level: str | None
    collective: bool
    unit: str | None = None  # the unit of "các phường" (for "các phường: A, B")


def _render(text: _Text, toks: list[_Tok], kept: list[int]) -> str:
    """The normalised text of the kept tokens, spacing as in the cell, gaps as one space."""
    out: list[str] = []
    prev = None
    for i in kept:
        if prev is not None and i == prev + 1:
            out.append(text.norm[toks[prev].end : toks[i].end])
        else:
            out.append((" " if out else "") + toks[i].text)
        prev = i
    rendered = " ".join("".join(out).split())
    return _SPACE_BEFORE_CLOSING.sub(r"\g<mark>", rendered).replace("( ", "(")


def _strip_qualifiers(name: str) -> str:
    """Drop trailing qualifiers ("có liên quan", "trên địa bàn tỉnh") and punctuation.

    >>> _strip_qualifiers("Các cơ quan có liên quan.")
    'Các cơ quan'
    """
    changed = True
    while changed:
        changed = False
        name = name.rstrip(" ,.;:-–&/")
        keys = [t.key for t in _tokens(name)]
        if len(keys) > 1 and keys[-1] == "và":  # a name never ends in "và"
            name = name[: _tokens(name)[-1].start]
            changed = True
            continue
        for qualifier, collective_only in _vocab().qualifiers:
            if collective_only:
                continue
            n = len(qualifier)
            if len(keys) >= n and tuple(keys[-n:]) == qualifier:
                cut = _tokens(name)[-n].start
                name = name[:cut]
                changed = True
                break
    return name.rstrip(" ,.;:-–")


def _level_named(text: str) -> str | None:
    """The level named by the last level phrase or administrative unit in a text.

    >>> _level_named("Phòng Nội vụ các huyện, thị xã"), _level_named("Các đơn vị cấp tỉnh")
    ('district', 'province')
    """
    v = _vocab()
    toks = _tokens(_prepare(text).norm) if text else []
    level = None
    i = 0
    while i < len(toks):
        found = v.levels.match(toks, i, len(toks)) or v.units.match(toks, i, len(toks))
        if found is None:
            i += 1
            continue
        level = found.value.get("level") or level
        i = found.end  # "thị xã" is one unit, not "thị" + "xã"
    return level


def _capitalise(name: str) -> str:
    return name[:1].upper() + name[1:]


# --------------------------------------------------------------------------- the reader

class _Reader:
    """Reads the agencies of one prepared cell. Positions are token indices."""

    def __init__(self, text: _Text):
        self.text = text
        self.toks = _tokens(text.norm)
        self.v = _vocab()
        self.memo: dict[tuple, Any] = {}
        # The same look-ahead questions are asked many times per position; answer each once.
        for method in ("gazetteer_at", "group_at", "head_at", "place_at", "named_start"):
            setattr(self, method, self._memoised(method, getattr(self, method)))

    def _memoised(self, label: str, method):
        def answer(i: int, hi: int):
            key = (label, i, hi)
            if key not in self.memo:
                self.memo[key] = method(i, hi)
            return self.memo[key]
        return answer

    # ---- small predicates -------------------------------------------------------------

    def word_at(self, i: int, hi: int) -> bool:
        return i < hi and self.toks[i].is_word

    def gazetteer_at(self, i: int, hi: int) -> tuple[dict, int, _Place | None] | None:
        """A gazetteer name at i (with its place phrase, which needs_place entries require)."""
        if not self.word_at(i, hi):
            return None
        m = self.v.gazetteer.match(self.toks, i, hi)
        if m is None:
            return None
        entry = m.value
        place = self.place_at(m.end, hi)
        if entry.get("needs_place") and place is None:
            return None
        return entry, m.end, place

    def group_at(self, i: int, hi: int) -> _Match | None:
        """A group noun at i that is not the head of a name ("Sở, ban" but not "Sở Nội vụ")."""
        if not self.word_at(i, hi):
            return None
        g = self.v.groups.match(self.toks, i, hi)
        if g is None:
            return None
        h = self.v.heads.match(self.toks, i, hi)
        if h is not None and self.toks[i].is_capitalised:
            if h.end > g.end:
                return None  # "Ban Quản lý ...", "Cơ quan quản lý ..."
            nxt = h.end
            followed_by_name = (self.word_at(nxt, hi) and self.toks[nxt].key != "và"
                                and self.v.groups.match(self.toks, nxt, hi) is None)
            if followed_by_name and (h.end == g.end or self.toks[nxt].is_capitalised):
                return None  # "Sở Nội vụ", "Viện Nghiên cứu ...": a named body
        return g

    def head_at(self, i: int, hi: int) -> _Match | None:
        """An agency head at i that starts a name ("Trung tâm ...", "Sở Nội vụ")."""
        if not self.word_at(i, hi):
            return None
        h = self.v.heads.match(self.toks, i, hi)
        if h is None or not self.toks[i].is_capitalised or not self.word_at(h.end, hi):
            return None
        if self.group_at(i, hi) is not None:
            return None
        return h

    def continues_place(self, i: int, hi: int, cur: _Found | None) -> bool:
        """Whether a level or unit at i names the previous place-taking body elsewhere."""
        return bool(cur and cur.place_head and self.word_at(i, hi)
                    and (self.v.levels.match(self.toks, i, hi) or self.v.units.match(self.toks, i, hi))
                    and not self.named_start(i, hi))  # "Tỉnh đoàn" is a name, not "tỉnh"

    def starts_agency(self, i: int, hi: int, cur: _Found | None) -> bool:
        """Whether an agency starts at i (used to tell a separator between two agencies from
        a comma or "và" inside one name)."""
        if not self.word_at(i, hi):
            return False
        post = self.v.posts.match(self.toks, i, hi)
        if post and self.starts_agency(post.end, hi, cur):
            return True
        return bool(
            self.v.markers.match(self.toks, i, hi)
            or self.gazetteer_at(i, hi)
            or self.group_at(i, hi)
            or self.head_at(i, hi)
            or self.continues_place(i, hi, cur)
        )

    def name_word_at(self, i: int, hi: int) -> bool:
        """Whether a name starts at i, judged by the vocabulary alone: no further look ahead,
        so checks inside other checks stay shallow."""
        if not self.word_at(i, hi) or not self.toks[i].is_capitalised:
            return False
        if self.v.gazetteer.match(self.toks, i, hi):
            return True
        h = self.v.heads.match(self.toks, i, hi)
        return bool(h and self.word_at(h.end, hi))

    def group_starts(self, i: int, hi: int) -> bool:
        """A group starts at i: "các sở", "đơn vị ..." (but not "các tỉnh")."""
        marker = self.v.markers.match(self.toks, i, hi)
        return self.group_at(marker.end if marker else i, hi) is not None

    def named_start(self, i: int, hi: int) -> bool:
        """A name that starts without a separator ("Sở Khoa học và Công nghệ Sở Công Thương")."""
        if not self.word_at(i, hi) or not self.toks[i].is_capitalised:
            return False
        return bool(self.gazetteer_at(i, hi) or self.head_at(i, hi))

    def at_line_start(self, i: int) -> bool:
        return self.toks[i].start in self.text.line_starts

    def role_at(self, i: int, hi: int) -> bool:
        return self.v.roles.match(self.toks, i, hi) is not None

    def after_linker(self, i: int, lo: int) -> bool:
        """Whether a linker ("thuộc", "của" ...) ends right before token i."""
        return any(self.v.linkers.match(self.toks, k, i) and self.v.linkers.match(self.toks, k, i).end == i
                   for k in range(max(lo, i - 2), i))

    def skip_paren(self, i: int, hi: int) -> int:
        """Index after the ")" closing the "(" at i (or hi)."""
        depth = 0
        for j in range(i, hi):
            if self.toks[j].text == "(":
                depth += 1
            elif self.toks[j].text == ")":
                depth -= 1
                if depth == 0:
                    return j + 1
        return hi

    # ---- places -------------------------------------------------------------------------

    def proper_name(self, i: int, hi: int) -> int:
        """End of a place's proper name at i: capitalised words and numbers, " - " between
        them ("Xuân Hương - Đà Lạt", "3 Bảo Lộc"); stops where a new name starts."""
        j = i
        while j < hi:
            t = self.toks[j]
            if t.is_word and t.is_capitalised:
                if j == i and self.name_word_at(j, hi):
                    break
                if j > i and (self.v.gazetteer.match(self.toks, j, hi) or self.repeat_head_at(j, hi)):
                    break  # "tỉnh Lâm Đồng Sở Nội vụ"
                j += 1
            elif t.text in "-–" and j > i and self.word_at(j + 1, hi) and self.toks[j + 1].is_capitalised:
                j += 1
            else:
                break
        return j

    def repeat_head_at(self, i: int, hi: int) -> bool:
        """A head that never occurs twice in one name ("Sở") starts a name at i."""
        h = self.v.heads.match(self.toks, i, hi)
        return bool(h and h.value.get("repeat_splits") and self.toks[i].is_capitalised and self.word_at(h.end, hi)
                    and self.v.groups.match(self.toks, h.end, hi) is None)

    def unit_text(self, unit: _Match, start: int, has_name: bool) -> str:
        printed = _render(self.text, self.toks, list(range(start, unit.end)))
        if not has_name and printed == "Thành phố":
            return printed  # Hà Nội's "UBND Thành phố": the city itself
        return printed if unit.value.get("keep_case") else unit.value["phrase"]

    def unit_level(self, unit: _Match, start: int, name_keys: str) -> str | None:
        level = unit.value.get("level")
        if unit.value["phrase"] == "thành phố":
            if not name_keys:
                printed = _render(self.text, self.toks, list(range(start, unit.end)))
                return "province" if printed == "Thành phố" else None
            return "province" if name_keys in self.v.central_cities else "district"
        return level

    def place_at(self, i: int, hi: int) -> _Place | None:
        """A place phrase after a place-taking name: "tỉnh", "cấp huyện", "các xã, phường,
        đặc khu", "xã, phường", "phường 3 Bảo Lộc", "Lâm Đồng", "các cấp"."""
        if not self.word_at(i, hi):
            return None
        lv = self.v.levels.match(self.toks, i, hi)
        place_end = lv.end if lv else (self.v.units.match(self.toks, i, hi) or _Match(i + 1, None)).end
        name = self.v.gazetteer.match(self.toks, i, hi)
        if name and name.end > place_end and self.toks[i].is_capitalised:
            return None  # "Tỉnh đoàn", "Trung ương Đoàn ...": a name, not a place
        if lv:
            return _Place(lv.end, lv.value["phrase"], lv.value.get("level"), bool(lv.value.get("collective")))
        j = i
        marker = self.v.markers.match(self.toks, j, hi)
        if marker:
            j = marker.end
        unit = self.v.units.match(self.toks, j, hi)
        if unit is None:
            if marker:
                return None
            end = self.proper_name(i, hi)
            if end == i:
                return None
            return _Place(end, _render(self.text, self.toks, list(range(i, end))), None, False)
        name_end = self.proper_name(unit.end, hi)
        if name_end > unit.end and not marker:
            name = _render(self.text, self.toks, list(range(unit.end, name_end)))
            return _Place(name_end, self.unit_text(unit, j, True) + " " + name,
                          self.unit_level(unit, j, name.casefold()), False)
        # A list of bare units: one collective where the levels agree ("xã, phường, đặc khu").
        units = [(unit, j)]
        end = unit.end
        level = self.unit_level(unit, j, "")
        while end < hi and self.toks[end].key in {",", "/", "và"}:
            nxt = self.v.units.match(self.toks, end + 1, hi)
            if nxt is None or self.proper_name(nxt.end, hi) > nxt.end or self.named_start(end + 1, hi):
                break  # "xã Hòa Ninh" or "Tỉnh đoàn" is not one more bare unit
            nxt_level = self.unit_level(nxt, end + 1, "")
            if level and nxt_level and nxt_level != level:
                break
            level = level or nxt_level
            units.append((nxt, end + 1))
            end = nxt.end
        if len(units) == 1 and not marker:
            return _Place(end, self.unit_text(unit, j, False), level, False)
        return _Place(end, "các " + ", ".join(u.value["phrase"] for u, _ in units), level, True,
                      unit=unit.value["phrase"] if len(units) == 1 else None)

    # ---- the tail of a name -------------------------------------------------------------

    def tail(self, j: int, hi: int, cur: _Found, complete: bool) -> tuple[int, list[int]]:
        """Extend a name from j: over words, and over "," / "và" not followed by another
        agency. ``complete`` says the name so far is known to be whole (a gazetteer name or a
        group), so a capitalised word after a separator, or a name right after it, starts a
        new agency. Parenthesised sub-units are dropped."""
        kept: list[int] = []
        end = j
        k = j
        while k < hi:
            t = self.toks[k]
            if t.text == "(":
                k = end = self.skip_paren(k, hi)
                continue
            if t.key in _SEPARATORS:
                nxt = k + 1
                if (not self.word_at(nxt, hi) or self.starts_agency(nxt, hi, cur)
                        or (complete and self.toks[nxt].is_capitalised)):
                    break
                kept.append(k)
                k += 1
                complete = False
                continue
            if not t.is_word and t.text not in "-–&'’\"“”":
                break
            if t.text in "-–" and (self.gazetteer_at(k + 1, hi) or complete and self.named_start(k + 1, hi)):
                break  # "Sở Nội vụ - Sở Tài chính": a dash between two names
            if t.is_word and complete and (self.named_start(k, hi) or self.group_starts(k, hi)):
                break  # "Sở Khoa học và Công nghệ Sở Công Thương", "Sở Tài chính các sở, ngành"
            if t.is_word and t.is_capitalised and self.at_line_start(k) and not self.after_linker(k, j) \
                    and self.starts_agency(k, hi, cur):
                break  # a line that starts another agency (a lower-case line is a wrapped name)
            if t.is_word and self.role_at(k, hi):
                break  # "Sở Nội vụ chủ trì, ..."
            if t.is_word and cur.repeat_head and self.repeat_head_at(k, hi) \
                    and self.v.heads.match(self.toks, k, hi).value["phrase"] == cur.repeat_head:
                break  # "Sở Ngoại vụ Sở Du lịch": a department never contains another
            kept.append(k)
            k += 1
            if t.is_word:
                end = k
            complete = False
        while kept and not self.toks[kept[-1]].is_word:
            kept.pop()
        return end, kept

    def finish(self, found: _Found, j: int, hi: int, complete: bool) -> _Found:
        """Apply the tail to a found agency; levels named in the tail refine an unknown level."""
        end, kept = self.tail(j, hi, found, complete)
        core = found.name
        if kept:
            found.name = _strip_qualifiers(core + " " + _render(self.text, self.toks, kept))
            if found.level is None and len(found.name) > len(core):
                # "Ngân hàng Nhà nước chi nhánh tỉnh", but not "... trên địa bàn tỉnh" (dropped)
                found.level = _level_named(found.name[len(core):])
        else:
            found.name = _strip_qualifiers(core)
        found.end = max(end, j)
        return found

    # ---- the readers of one agency ------------------------------------------------------

    def read_place_list(self, start: int, entry: dict, place: _Place, k: int, hi: int) -> list[_Found]:
        """ "UBND các phường: Xuân Hương - Đà Lạt, Cam Ly - Đà Lạt" -> one body per place."""
        out: list[_Found] = []
        while k < hi:
            if self.toks[k].key in {",", "và"} or not self.toks[k].is_word:
                k = self.skip_paren(k, hi) if self.toks[k].text == "(" else k + 1
                continue
            e = k
            while e < hi and self.toks[e].key not in {",", "và", ";"} and self.toks[e].text != "(":
                e += 1
            name = f'{entry["name"]} {place.unit} {_render(self.text, self.toks, list(range(k, e)))}'
            out.append(_Found(k if out else start, e, name, entry["kind"], place.level, False,
                              place_head=entry["name"]))
            k = e
        return out

    def read_gazetteer(self, start: int, i: int, hi: int) -> list[_Found]:
        hit = self.gazetteer_at(i, hi)
        if hit is None:
            return []
        entry, j, place = hit
        if place is not None and place.unit and place.end < hi and self.toks[place.end].text == ":":
            return self.read_place_list(start, entry, place, place.end + 1, hi)
        name, level, collective = entry["name"], entry.get("level"), False
        if place is not None:
            name = name + " " + place.text
            if entry.get("takes_place"):
                level = place.level or level
                collective = place.collective
            j = place.end
        found = _Found(start, j, name, entry["kind"], level, collective,
                       place_head=entry["name"] if entry.get("takes_place") else None)
        return [self.finish(found, j, hi, complete=True)]

    def read_continued_place(self, start: int, i: int, hi: int, prev: _Found | None) -> _Found | None:
        if not self.continues_place(i, hi, prev):
            return None
        place = self.place_at(i, hi)
        if place is None:
            return None
        found = _Found(start, place.end, prev.place_head + " " + place.text, prev.kind,
                       place.level, place.collective, place_head=prev.place_head)
        return self.finish(found, place.end, hi, complete=True)

    def read_group(self, start: int, i: int, hi: int) -> list[_Found] | None:
        """A collective: "Các sở, ban, ngành", "Doanh nghiệp, nhà cung cấp dịch vụ IoT, nhà
        đầu tư", "Các đơn vị sự nghiệp công lập trực thuộc UBND tỉnh"; or a distributed list
        "Các Sở: Tài chính, Nội vụ"."""
        j = i
        marker = self.v.markers.match(self.toks, j, hi)
        if marker:
            j = marker.end
        g = self.group_at(j, hi)
        if g is None:
            if marker and self.head_at(j, hi):
                inner = self.read_head(j, j, hi)
                inner.start = start
                inner.name = "Các " + inner.name  # "Các Ban Quản lý dự án": the head stays a name
                inner.collective = True
                return [inner]
            return None
        if j < hi and g.end < hi and self.toks[g.end].text == ":":
            distributed = self.read_distributed(start, g, hi)
            if distributed:
                return distributed
        family = g.value["family"]
        items: list[tuple[dict, list[int], int]] = []
        k = g.end
        current = g
        while True:
            mods: list[int] = []
            linked = False
            while k < hi:
                t = self.toks[k]
                if t.text == "(":
                    k = self.skip_paren(k, hi)
                    continue
                if t.is_word and t.key != "và":
                    if self.role_at(k, hi):
                        break
                    linked = linked or self.after_linker(k, j)
                    if t.is_capitalised and not linked and self.named_start(k, hi):
                        break  # "Các sở, ban, ngành UBND cấp huyện": a name, not a modifier
                    mods.append(k)
                    k += 1
                elif t.text in "-–" and self.word_at(k + 1, hi) and mods:
                    mods.append(k)
                    k += 1
                else:
                    break
            items.append((current.value, mods, current.end))
            if not (k < hi and self.toks[k].key in {",", "/", "và"}):
                break
            nxt = k + 1
            if self.v.markers.match(self.toks, nxt, hi):
                break  # "các đơn vị cấp tỉnh và các địa phương": a new group
            g2 = self.group_at(nxt, hi)
            if g2 is None:
                break
            f2 = g2.value["family"]
            if family != f2 and "any" not in (family, f2):
                break  # "Doanh nghiệp, Sở, ban, ngành": two groups
            family = family if f2 == "any" else f2
            current = g2
            k = g2.end
        value, mods, noun_end = items[-1]
        end = mods[-1] + 1 if mods else noun_end
        described = [(value, self._modifier(mods)) for value, mods, _ in items]
        name = "Các " + ", ".join(value["name"] + (" " + mod if mod else "") for value, mod in described)
        level = self._group_level(described)
        found = _Found(start, end, name, self.v.families.get(family, "collective"), level, True)
        return [self.finish(found, end, hi, complete=True)]

    def _modifier(self, mods: list[int]) -> str:
        """A group noun's modifier as printed, qualifiers dropped ("liên quan"; a bare "tỉnh")."""
        if not mods:
            return ""
        modifier = _strip_qualifiers(_render(self.text, self.toks, mods))
        keys = tuple(t.key for t in _tokens(modifier))
        if any(q == keys for q, only in self.v.qualifiers if only):
            return ""  # "Các sở, ban, ngành tỉnh": the province is the plan's own
        return modifier

    @staticmethod
    def _group_level(described: list[tuple[dict, str]]) -> str | None:
        """A level named in the modifiers ("cấp tỉnh", "Trung ương"), else the nouns' common
        level ("Các sở, ban, ngành": province), else None."""
        named = next((lv for lv in (_level_named(mod) for _, mod in reversed(described)) if lv), None)
        if named:
            return named
        levels = [value.get("level") for value, _ in described]
        if any(level is None for level in levels):
            return None
        specific = {level for level in levels if level != "any"}
        return specific.pop() if len(specific) == 1 else None

    def read_distributed(self, start: int, g: _Match, hi: int) -> list[_Found] | None:
        """ "Các Sở: Tài chính, Nội vụ và Tư pháp" -> Sở Tài chính, Sở Nội vụ, Sở Tư pháp."""
        head = self.v.head_entries.get(g.value["name"])
        if head is None or not head.get("repeat_splits"):
            return None  # only departments and ministries are listed this way
        node = self.v.gazetteer.node_after(head["phrase"])
        out: list[_Found] = []
        k = g.end + 1
        while k < hi:
            while k < hi and (self.toks[k].key in _SEPARATORS or not self.toks[k].is_word):
                k += 1
            if k >= hi:
                break
            item_start = k
            if self.name_word_at(k, hi):
                return None  # "Sở: Ban Dân tộc" lists names, not departments to complete
            m = self.v.gazetteer.match(self.toks, k, hi, node) if node else None
            if m is not None:
                entry = m.value
                found = _Found(item_start, m.end, entry["name"], entry["kind"], entry.get("level"), False)
                k = m.end
            else:
                while k < hi and self.toks[k].key not in {",", "và", ";"}:
                    k += 1
                item = _render(self.text, self.toks, list(range(item_start, k)))
                found = _Found(item_start, k, head["phrase"] + " " + item, head["kind"], head.get("level"), False)
            if not out:
                found.start = start
            out.append(found)
        return out or None

    def read_head(self, start: int, i: int, hi: int) -> _Found | None:
        h = self.head_at(i, hi)
        if h is None:
            return None
        head = h.value
        found = _Found(start, h.end, _render(self.text, self.toks, list(range(i, h.end))), head["kind"],
                       head.get("level"), False,
                       repeat_head=head["phrase"] if head.get("repeat_splits") else None)
        found = self.finish(found, h.end, hi, complete=False)
        group = self.v.groups.match(self.toks, i, hi)
        if group and group.end == h.end and found.name.casefold() == group.value["name"]:
            # Nothing but qualifiers or a line break followed the head ("Sở trên địa bàn
            # tỉnh", "Trường\nQuốc hội"): a group after all.
            found.name = "Các " + group.value["name"]
            found.kind = self.v.families.get(group.value["family"], "collective")
            found.collective = True
        return found

    def read_other(self, start: int, i: int, hi: int) -> _Found | None:
        """Any other capitalised phrase: an agency the vocabulary does not know."""
        t = self.toks[i]
        if not (t.is_word and t.text[0].isupper()) or self.v.openers.match(self.toks, i, hi):
            return None
        found = _Found(start, i + 1, t.text, "other", None, False)
        found = self.finish(found, i + 1, hi, complete=False)
        if _DOCUMENT_NUMBER.search(found.name):
            return None  # a document number: "Quyết định số 1441/QĐ-UBND" is not an agency
        return found

    def read_agency(self, i: int, hi: int, prev: _Found | None, allow_other: bool) -> list[_Found]:
        """The agency (or distributed agencies) starting at i; [] if none starts there.
        ``allow_other``: an unknown capitalised phrase counts (only where a piece or a
        separated item begins, not in the middle of prose)."""
        start = i
        post = self.v.posts.match(self.toks, i, hi)
        while post and self.starts_agency(post.end, hi, prev):
            i = post.end
            post = self.v.posts.match(self.toks, i, hi)
        found = self.read_continued_place(start, i, hi, prev)
        if found:
            return [found]
        named = self.read_gazetteer(start, i, hi)
        if named:
            return named
        group = self.read_group(start, i, hi)
        if group:
            return group
        found = self.read_head(start, i, hi) or (self.read_other(start, i, hi) if allow_other else None)
        return [found] if found else []

    # ---- pieces and cells ---------------------------------------------------------------

    def pieces(self) -> list[tuple[int, int]]:
        """Token ranges between ";" marks."""
        out, lo = [], 0
        for k, t in enumerate(self.toks):
            if t.text == ";":
                out.append((lo, k))
                lo = k + 1
        out.append((lo, len(self.toks)))
        return [(a, b) for a, b in out if a < b]

    def read_piece(self, lo: int, hi: int, prev: _Found | None) -> list[_Found]:
        i = lo
        while i < hi and not self.toks[i].is_word:
            i += 1
        # "Chủ trì: Sở Nội vụ": drop a label that is not itself an agency.
        colon = next((k for k in range(i, min(hi, i + 6)) if self.toks[k].text == ":"), None)
        if colon is not None and not self.starts_agency(i, hi, prev):
            i = colon + 1
        if self.v.openers.match(self.toks, i, hi):
            return []
        out: list[_Found] = []
        while i < hi:
            t = self.toks[i]
            if t.text == "(":
                i = self.skip_paren(i, hi)
                continue
            if not t.is_word or t.key == "và":
                i += 1
                continue
            allow_other = i == lo or self.toks[i - 1].key in _SEPARATORS or self.toks[i - 1].text in ":)"
            found = self.read_agency(i, hi, prev, allow_other)
            if not found:
                i += 1  # not an agency here ("phối hợp với ..."): look from the next word
                continue
            out.extend(found)
            prev = found[-1]
            i = max(found[-1].end, i + 1)
        return out

    def read(self) -> list[_Found]:
        found: list[_Found] = []
        prev = None
        for lo, hi in self.pieces():
            got = self.read_piece(lo, hi, prev)
            found.extend(got)
            if got:
                prev = got[-1]
        return found

    def agency(self, f: _Found) -> Agency | None:
        """The finished record: canonical name tidied, mention cut from the printed cell."""
        name = _SPACE_BEFORE_CLOSING.sub(r"\g<mark>", " ".join(f.name.split()))
        name = unicodedata.normalize("NFC", _capitalise(name))
        if not name:
            return None
        end = max(f.end, f.start + 1)
        while end > f.start + 1 and not self.toks[end - 1].is_word and self.toks[end - 1].text != ")":
            end -= 1
        mention = self.text.printed_span(self.toks[f.start].start, self.toks[end - 1].end)
        return Agency(mention.strip(), name, f.kind, f.level, f.collective)


def parse_agencies(cell: str | None) -> list[Agency]:
    """Split one lead/coordinate/monitor cell into agencies in order of appearance, no
    duplicates (same name once). A phrase naming no agency gives [].

    >>> [a.name for a in parse_agencies("Sở Tài chính và các cơ quan, địa phương có liên quan")]
    ['Sở Tài chính', 'Các cơ quan, địa phương']
    >>> parse_agencies("Lãnh đạo UBND phường Xuân Hương - Đà Lạt")[0]
    Agency(mention='Lãnh đạo UBND phường Xuân Hương - Đà Lạt', name='Ủy ban nhân dân phường Xuân Hương - Đà Lạt', kind='people_committee', level='commune', is_collective=False)
    >>> parse_agencies("Theo phân công tại Quyết định số 1441/QĐ-UBND ngày 25/9/2025 của Chủ tịch UBND tỉnh")
    []
    """
    if cell is None or not cell.strip():
        return []
    reader = _Reader(_prepare(cell))
    out: list[Agency] = []
    seen: set[str] = set()
    for found in reader.read():
        agency = reader.agency(found)
        if agency is None:
            continue
        key = canonical_key(agency.name)
        if key not in seen:
            seen.add(key)
            out.append(agency)
    return out


def canonical_key(name: str) -> str:
    """The identity key of a canonical name: NFC, traditional tone placement, whitespace
    folded, casefolded (marks kept).

    >>> canonical_key("Sở Văn hoá,  Thể thao và Du lịch") == canonical_key("sở văn hóa, thể thao và du lịch")
    True
    >>> canonical_key("Sở Nội vụ") == canonical_key("Sở Nội Vụ"), canonical_key("Sở Nội vụ") == canonical_key("Sở Nội Vu")
    (True, False)
    """
    return " ".join(_retone(unicodedata.normalize("NFC", name)).split()).casefold()
