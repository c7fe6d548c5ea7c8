"""The legal-portal table layout: where such a table ends, and the table it holds.

Every cell is on its own lines, cells are separated by a line holding only ``|``, and a row
is opened and closed by such a line::

    |
    STT
    |
    Nội dung
    |

How the cell segments fall into rows is :mod:`ingest.text.portal_rows`' job.
"""
from __future__ import annotations

import regex

from ingest.model import Table
from ingest.text.cells import text_cell
from ingest.text.markup import strip_emphasis
from ingest.text.portal_rows import portal_rows
from parsers.layout import layout_patterns

PIPE_LINE = regex.compile(r"^\s*\|\s*$")
MAX_CELL_LINES = 20  # longer text after a "|" with no "|" behind it is body text, not a cell


def portal_end(lines: list[str], i: int, dense: bool) -> int:
    """Index just past the portal table opened by the "|" line at i.

    Text right after a "|" line is the next cell, unless it is not a cell at all:
    - a blank line comes before the next "|" (a cell never holds a blank line), or the "|"
      line itself is followed by a blank line;
    - it opens an appendix ("PHỤ LỤC II", the caption of the next table);
    - in a full-page copy with no blank lines (``dense``): the row is as wide as the table's
      first row and no "|" follows within two lines (a lone "…" row keeps the table), or no "|"
      follows for longer than any cell runs.
    """
    n, width, cells, in_cell = len(lines), None, 0, False
    for j in range(i + 1, n):
        line = lines[j]
        if PIPE_LINE.match(line):
            if in_cell:
                cells, in_cell = cells + 1, False
            else:  # "|" right after "|": the next row opens (or an empty cell; both restart the count)
                width, cells = width or cells or None, 0
            continue
        if not (PIPE_LINE.match(lines[j - 1]) and j > i + 1):
            in_cell = True
            continue
        next_pipe = next((k for k in range(j, n) if PIPE_LINE.match(lines[k])), n)
        gap = lines[j:next_pipe]
        first_text = next((text for x in gap if (text := strip_emphasis(x)[0])), "")
        if any(not x.strip() for x in gap) or layout_patterns()["appendix"].match(first_text):
            return j
        if dense and ((not in_cell and width and cells >= width and next_pipe > j + 2) or next_pipe > j + MAX_CELL_LINES):
            return j
        in_cell = True
    return n


def portal_table(lines: list[str]) -> Table:
    """The table in a portal table's lines (``lines[i:portal_end(lines, i, dense)]``); a lone "|" line gives no cells."""
    segments: list[list[str]] = []
    current: list[str] | None = None
    for line in lines:
        if PIPE_LINE.match(line):
            if current is not None:
                segments.append(current)
            current = []
        elif current is not None:
            current.append(line)
    cells = []
    for r, row in enumerate(portal_rows(segments)):
        cells.extend(text_cell(seg, r, c) for c, seg in enumerate(row))
    return Table(tuple(cells))
