"""Running headers, footers and page numbers: text in the top or bottom margin that belongs to
the page, not the document.

A margin line is dropped when it is a page number ("2", "- 2 -", "Trang 2", "2/35") or when the
same text, digits aside, stands in that margin on at least ``REPEATS`` pages (a running title).

>>> is_page_number("- 12 -"), is_page_number("Trang 3"), is_page_number("2/35"), is_page_number("2026")
(True, True, True, False)
"""
from __future__ import annotations

from collections import Counter

import regex

from ingest.pdf.grids import Grid
from ingest.pdf.lines import Line, build_lines
from ingest.pdf.page import PageContent

MARGIN = 0.09  # share of the page height at the top and at the bottom searched for running text
REPEATS = 3

PAGE_NUMBER = regex.compile(
    r"""^\s*
    (?:trang\s+)?          # "Trang 3"
    [-–(]?\s*              # "- 3 -", "(3)"
    \d{1,3}                # the number (a year is no page number)
    \s*[-–)]?              # closing mark
    (?:\s*/\s*\d{1,3})?    # "3/35"
    \s*$""",
    regex.IGNORECASE | regex.VERBOSE,
)


def is_page_number(text: str) -> bool:
    """Whether a line is only a page number (see the module docstring)."""
    return bool(PAGE_NUMBER.match(text))


def _key(line: Line) -> str:
    return regex.sub(r"\d+", "#", line.text.casefold())


def _margin_lines(page: PageContent, grids: list[Grid]) -> list[Line]:
    # a table's repeated header row is no running header: words inside ruled tables are not looked at
    top, bottom = MARGIN * page.height, (1 - MARGIN) * page.height
    loose = [w for w in page.words if (w.y1 < top or w.y0 > bottom)
             and not any(g.contains((w.x0 + w.x1) / 2, w.mid_y) for g in grids)]
    lines = build_lines(loose)
    return lines


def drop_running_text(pages: list[PageContent], grids: list[list[Grid]]) -> list[PageContent]:
    """The pages without their running headers, footers and page numbers (``grids``: each page's tables)."""
    margins = {page.number: _margin_lines(page, page_grids) for page, page_grids in zip(pages, grids)}
    counts = Counter(key for lines in margins.values() for key in {_key(line) for line in lines})
    out = []
    for page in pages:
        dropped = {id(w) for line in margins[page.number]
                   if is_page_number(line.text) or counts[_key(line)] >= REPEATS for w in line.words}
        if dropped:
            page = PageContent(page.number, page.width, page.height, [w for w in page.words if id(w) not in dropped],
                               page.rules, page.source)
        out.append(page)
    return out
