"""Cutting a cell into phrases: clauses between separators, grouped so that each phrase
holds one time.

For example "Báo cáo định kỳ theo thời gian quy định; thực hiện hằng năm" is two phrases, while
in "... chậm nhất là ngày 15/4/2026 và tổ chức thực hiện" the timeless clause after "và" stays
with the date before it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from parsers.deadlines.expressions import Expr
from parsers.deadlines.grammar import Grammar


@dataclass
class _Piece:
    start: int
    end: int
    separator: str | None          # the separator before it (folded), None for the first
    exprs: list[Expr] = field(default_factory=list)
    lead: str | None = None        # relative | by_reference: the clause opens with that cue
    cues: frozenset[str] = frozenset()

    @property
    def has_time(self) -> bool:
        return bool(self.exprs or self.lead or self.cues)

    @property
    def kind(self) -> str | None:
        if self.lead:
            return self.lead
        if self.exprs:
            return "calendar"
        for kind in ("by_reference", "recurring", "relative"):
            if kind in self.cues:
                return kind
        return None


@dataclass
class Phrase:
    """Clauses that give one time together, e.g. "Thường xuyên, liên tục" (two like clauses)."""

    pieces: list[_Piece]

    @property
    def start(self) -> int:
        return self.pieces[0].start

    @property
    def end(self) -> int:
        return self.pieces[-1].end

    @property
    def exprs(self) -> list[Expr]:
        return [e for p in self.pieces for e in p.exprs]

    @property
    def lead(self) -> str | None:
        timed = [p for p in self.pieces if p.has_time]
        return timed[0].lead if timed else None

    @property
    def cues(self) -> frozenset[str]:
        return frozenset().union(*(p.cues for p in self.pieces))


_ABSORBING_SEPARATORS = frozenset({",", "và", "hoặc"})
_OPENING_JUNK = regex.compile(r"[\s\-–+*•·(\[]*")


def cut_into_phrases(text: str, key: str, exprs: list[Expr], grammar: Grammar) -> list[Phrase]:
    """Clauses cut at the separators, each given its times, then grouped into phrases.

    For example "Thường xuyên, liên tục" is one phrase of two like clauses, and "Quý I/2021 và
    Quý III/2021" two phrases; bare expressions standing in a clause of their own are licensed here.
    """
    pieces = _cut(text, key, exprs, grammar)
    for piece in pieces:
        _analyse(piece, key, exprs, grammar)
    return _group(pieces)


def _cut(text: str, key: str, exprs: list[Expr], grammar: Grammar) -> list[_Piece]:
    """Clauses between separators that are not inside an expression (trimmed on the printed
    text, so a masked document number at a clause's end stays in it)."""
    inside = [(e.start, e.end) for e in exprs]
    pieces, start, separator = [], 0, None
    for m in grammar.separator.finditer(key):
        if any(s <= m.start() < e for s, e in inside):
            continue
        pieces.append(_Piece(start, m.start(), separator))
        start, separator = m.end(), " ".join(m.group().split())
    pieces.append(_Piece(start, len(key), separator))
    trimmed = []
    for p in pieces:
        s, e = p.start, p.end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            trimmed.append(_Piece(s, e, p.separator))
    return trimmed


def _analyse(piece: _Piece, key: str, exprs: list[Expr], grammar: Grammar) -> None:
    """Fill the piece's expressions, opening cue and cues anywhere."""
    text = key[piece.start:piece.end]
    mine = [e for e in exprs if piece.start <= e.start < piece.end]
    for expr in mine:
        if not expr.licensed:
            # standing alone: the clause holds no letters besides the expression
            rest = key[piece.start:expr.start] + key[expr.end:piece.end]
            expr.licensed = not regex.search(r"\p{L}", rest)
    piece.exprs = [e for e in mine if e.licensed]
    opening = _OPENING_JUNK.match(text).end()
    if grammar.relative_lead.match(text, opening):
        piece.lead = "relative"
    elif grammar.by_reference_lead.match(text, opening) and not grammar.recurring.match(text, opening):
        piece.lead = "by_reference"
    cues = set()
    if grammar.by_reference.search(text):
        cues.add("by_reference")
    if grammar.recurring.search(text):
        cues.add("recurring")
    if grammar.relative.search(text) or grammar.relative_lead.search(text):
        cues.add("relative")
    piece.cues = frozenset(cues)


def _group(pieces: list[_Piece]) -> list[Phrase]:
    """Clauses -> phrases: timeless clauses join a neighbour, like clauses merge, leads absorb."""
    phrases: list[Phrase] = []
    pending: list[_Piece] = []
    for piece in pieces:
        last = phrases[-1] if phrases else None
        if last and not pending and last.lead and piece.separator in _ABSORBING_SEPARATORS and not piece.exprs:
            last.pieces.append(piece)  # "Theo Kế hoạch rà soát, đánh giá ... hằng năm của tỉnh"
            continue
        if not piece.has_time:
            pending.append(piece)  # "báo cáo kết quả ..., hạn chế ... chậm nhất trong tháng 8 hằng năm"
            continue
        separator = (pending[0] if pending else piece).separator
        if (last and not piece.exprs and not last.exprs and separator in _ABSORBING_SEPARATORS
                and piece.kind == last.pieces[-1].kind):
            last.pieces.extend(pending + [piece])  # "Thường xuyên, liên tục"
        else:
            phrases.append(Phrase(pending + [piece]))
        pending = []
    if pending:
        if phrases:
            phrases[-1].pieces.extend(pending)  # "... chậm nhất là ngày 15/4/2026 và tổ chức thực hiện"
        else:
            phrases.append(Phrase(pending))
    return phrases


def recurring_phrases(key: str, phrases: list[Phrase], grammar: Grammar) -> list[bool]:
    """Which calendar phrases repeat: year-less periods with "hằng năm" ("trong tháng 01 hằng
    năm"), and year-less periods listed just before such a phrase ("tháng 6 và tháng 12 hằng năm")."""
    flags = [bool(p.exprs) and "recurring" in p.cues and all(e.yearless for e in p.exprs) for p in phrases]
    for i in range(len(phrases) - 2, -1, -1):
        here, following = phrases[i], phrases[i + 1]
        if (flags[i + 1] and not flags[i] and here.exprs and not here.cues and all(e.yearless for e in here.exprs)
                and grammar.list_gap.match(key[here.exprs[-1].end:following.exprs[0].start])):
            flags[i] = True
    return flags


def split_points(phrase: Phrase, exprs: list[Expr]) -> list[tuple[int, int]]:
    """Spans of a phrase's expressions: the text before an expression goes with it, the text
    after the last one goes with the last."""
    spans = []
    start = phrase.start
    for i, expr in enumerate(exprs):
        end = phrase.end if i == len(exprs) - 1 else expr.end
        spans.append((start, end))
        start = end
    return spans
