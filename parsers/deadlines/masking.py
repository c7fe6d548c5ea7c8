"""Blank out of the matching key what looks like a date but is none: document numbers with
their issue dates ("Quyết định số 1441/QĐ-UBND ngày 25/9/2025") and times of day ("20 giờ 15 phút").

Blanking keeps the key the length of the text, so later spans still index the printed cell.
"""
from __future__ import annotations

from parsers.deadlines.grammar import Grammar


def masked_key(key: str, text: str, grammar: Grammar) -> str:
    """The key with document numbers (and their issue dates) and times of day blanked out."""
    chars = list(key)

    def blank(s: int, e: int) -> None:
        chars[s:e] = " " * (e - s)

    for m in grammar.document_number.finditer(text):
        end = m.end()
        issued = grammar.document_date.match(key, end)
        blank(m.start(), issued.end() if issued else end)
    masked = "".join(chars)
    for m in grammar.time_of_day.finditer(masked):
        blank(m.start(), m.end())
    return "".join(chars)
