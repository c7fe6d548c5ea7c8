"""Row numbers ("12", "IV", "III.1.1", "B"): they open table rows and are not sentences on their own."""
from __future__ import annotations

import regex

from ingest.text.markup import strip_emphasis
from parsers.textutil import ROMAN

ROW_LABEL = regex.compile(rf"^(?:\d{{1,3}}(?:\.\d{{1,3}})*|{ROMAN}(?:\.\d{{1,2}})*|[A-ZĐ])\.?$")


def is_row_label(segment: list[str]) -> bool:
    """A cell that holds only a row number: '12', 'IV', 'III.1.1', 'B' (``["**12**"]`` too, ``["12", "x"]`` not)."""
    return len(segment) == 1 and bool(ROW_LABEL.match(strip_emphasis(segment[0])[0]))
