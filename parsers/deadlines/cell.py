"""The public function: one deadline cell -> its Deadline rows, running the steps in order.

For example "Trước năm 2030" in a 2026 plan gives one "before" row ending 2029-12-31.
"""
from __future__ import annotations

import regex

from parsers.deadlines.atoms import find_atoms
from parsers.deadlines.dates import Context, expression_deadline
from parsers.deadlines.deadline import Deadline
from parsers.deadlines.expressions import compose_expressions, inherit_years
from parsers.deadlines.grammar import build_grammar
from parsers.deadlines.masking import masked_key
from parsers.deadlines.phrases import cut_into_phrases, recurring_phrases, split_points
from parsers.deadlines.text import match_key, normalize_cell


_EDGE_JUNK = " \t,;:-–+*•·"


def _trim(text: str, start: int, end: int) -> str:
    """The printed span without edge separators (',', ';', '-') and spaces."""
    return text[start:end].strip(_EDGE_JUNK)


def parse_deadlines(cell: str | None, plan_year: int | None, multi_year: bool = False,
                    period: tuple[int, int] | None = None) -> list[Deadline]:
    """One cell of a deadline column -> its phrases in order. Empty/None cell -> [].

    ``plan_year`` fills year-less periods ("Quý I", "Tháng 6", "Trong năm"); ``multi_year``
    says the plan covers several years, so a cut-off tied to the plan's year ("Trước ngày
    31/01 năm liền kề") repeats every year; ``period`` (first, last year) is what a bare
    "giai đoạn" means.

    >>> [(d.kind, d.start, d.end, d.value) for d in parse_deadlines("Trước năm 2030", 2026)]
    [('before', None, datetime.date(2029, 12, 31), '2029')]
    >>> [(d.kind, d.value, d.raw) for d in parse_deadlines("Báo cáo định kỳ theo thời gian quy định; thực hiện hằng năm", 2026)]
    [('by_reference', None, 'Báo cáo định kỳ theo thời gian quy định'), ('recurring', None, 'thực hiện hằng năm')]
    >>> [(d.kind, str(d.start)) for d in parse_deadlines("Từ 20 giờ 15 phút - 20 giờ 45 phút ngày 9 tháng 1", 2026)]
    [('date', '2026-01-09')]
    >>> parse_deadlines("  ", 2026)
    []
    """
    text = normalize_cell(cell)
    if not regex.search(r"[\p{L}\p{N}]", text):
        return []
    grammar = build_grammar()
    ctx = Context(plan_year, multi_year, tuple(period) if period else None)
    key = masked_key(match_key(text), text, grammar)

    exprs = compose_expressions(key, find_atoms(key, grammar), grammar)
    phrases = cut_into_phrases(text, key, exprs, grammar)
    # only now: cutting the clauses settles which bare numbers ("30/6", "2026") count as times
    inherit_years(key, [e for e in exprs if e.licensed], grammar)
    recurring_flags = recurring_phrases(key, phrases, grammar)

    rows: list[Deadline] = []
    for phrase, recurring in zip(phrases, recurring_flags):
        raw = _trim(text, phrase.start, phrase.end)
        exprs_here = phrase.exprs
        if phrase.lead:
            rows.append(Deadline(phrase.lead, None, None, None, raw))
        elif exprs_here and recurring:
            rows.append(Deadline("recurring", None, None, None, raw))
        elif exprs_here:
            bounds = split_points(phrase, exprs_here)
            for expr, (s, e) in zip(exprs_here, bounds):
                rows.append(expression_deadline(expr, _trim(text, s, e) or raw, ctx))
        else:
            kind = next((k for k in ("by_reference", "recurring", "relative") if k in phrase.cues), "unknown")
            rows.append(Deadline(kind, None, None, None, raw))
    if len(rows) == 1:
        whole = _trim(text, 0, len(text)) or text
        rows[0] = Deadline(rows[0].kind, rows[0].start, rows[0].end, rows[0].value, whole)
    return rows
