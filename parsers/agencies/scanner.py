"""The tokens of one prepared cell and the look-ahead questions the readers ask about them.

"Does a gazetteer name start at token 4?", "is this comma followed by another agency?": the
readers ask such questions many times per position ("Sở Nội vụ, Sở Tư pháp" asks at "Sở"
before and after the comma), so the costly ones are answered once per cell. Positions are
token indices; ``hi`` is the end of the piece being read.
"""
from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

from parsers.agencies import places
from parsers.agencies.found import Found
from parsers.agencies.naming import render
from parsers.agencies.text import PreparedText
from parsers.agencies.tokens import tokenize
from parsers.agencies.vocabulary import Match, vocabulary


def _memoised(method):
    """Answer ``method(i, hi)`` once per scanner: the look-ahead repeats the same questions."""

    @functools.wraps(method)
    def answer(self: "Scanner", i: int, hi: int):
        key = (method.__name__, i, hi)
        if key not in self.memo:
            self.memo[key] = method(self, i, hi)
        return self.memo[key]

    return answer


class Scanner:
    """A prepared cell, its tokens, the vocabulary, and predicates on token positions."""

    def __init__(self, text: PreparedText):
        self.text = text
        self.toks = tokenize(text.norm)
        self.v = vocabulary()
        self.memo: dict[tuple, Any] = {}

    def render(self, kept: Iterable[int]) -> str:
        """The normalised text of the kept token indices (see :func:`naming.render`)."""
        return render(self.text, self.toks, list(kept))

    def word_at(self, i: int, hi: int) -> bool:
        return i < hi and self.toks[i].is_word

    @_memoised
    def gazetteer_at(self, i: int, hi: int) -> tuple[dict, int, places.Place | None] | None:
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

    @_memoised
    def place_at(self, i: int, hi: int) -> places.Place | None:
        """The place phrase at i that follows a place-taking name (see :mod:`places`)."""
        return places.read_place(self, i, hi)

    @_memoised
    def group_at(self, i: int, hi: int) -> Match | None:
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

    @_memoised
    def head_at(self, i: int, hi: int) -> Match | None:
        """An agency head at i that starts a name ("Trung tâm ...", "Sở Nội vụ")."""
        if not self.word_at(i, hi):
            return None
        h = self.v.heads.match(self.toks, i, hi)
        if h is None or not self.toks[i].is_capitalised or not self.word_at(h.end, hi):
            return None
        if self.group_at(i, hi) is not None:
            return None
        return h

    def continues_place(self, i: int, hi: int, cur: Found | None) -> bool:
        """Whether a level or unit at i names the previous place-taking body elsewhere."""
        return bool(cur and cur.place_head and self.word_at(i, hi)
                    and (self.v.levels.match(self.toks, i, hi) or self.v.units.match(self.toks, i, hi))
                    and not self.named_start(i, hi))  # "Tỉnh đoàn" is a name, not "tỉnh"

    def starts_agency(self, i: int, hi: int, cur: Found | None) -> bool:
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

    @_memoised
    def named_start(self, i: int, hi: int) -> bool:
        """A name that starts without a separator ("Sở Khoa học và Công nghệ Sở Công Thương")."""
        if not self.word_at(i, hi) or not self.toks[i].is_capitalised:
            return False
        return bool(self.gazetteer_at(i, hi) or self.head_at(i, hi))

    def repeat_head_at(self, i: int, hi: int) -> bool:
        """A head that never occurs twice in one name ("Sở") starts a name at i."""
        h = self.v.heads.match(self.toks, i, hi)
        return bool(h and h.value.get("repeat_splits") and self.toks[i].is_capitalised and self.word_at(h.end, hi)
                    and self.v.groups.match(self.toks, h.end, hi) is None)

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
