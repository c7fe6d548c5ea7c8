"""Tables written one row a line: tab-separated rows (text exported from Word) and Markdown
pipe rows (``| a | b |`` with an optional ``|---|`` rule). No spans are known in either."""
from __future__ import annotations

import regex

from ingest.model import Table
from ingest.text.cells import text_cell

# "| a | b |" markdown row; at least two cells
MARKDOWN_ROW = regex.compile(r"^\s*\|(?:[^|\n]*\|){2,}\s*$")
MARKDOWN_RULE = regex.compile(r"^\s*\|(?:\s*:?-{2,}:?\s*\|)+\s*$")


def is_tab_row(line: str) -> bool:
    """A line of tab-separated cells: ``"1\\tLập kế hoạch"`` is one, ``"\\t"`` alone is not."""
    return "\t" in line and bool(line.strip())


def tab_end(lines: list[str], i: int) -> int:
    """Index just past the tab-separated rows starting at i (blank lines, page breaks, inside allowed)."""
    j = i
    while j < len(lines) and (is_tab_row(lines[j]) or (not lines[j].strip() and _more_rows(lines, j))):
        j += 1
    return j


def _more_rows(lines: list[str], j: int) -> bool:
    """After blank line j, does the tab table go on (next non-blank line has a tab)?"""
    for line in lines[j:]:
        if line.strip():
            return "\t" in line
    return False


def tab_table(lines: list[str]) -> Table:
    """The table in ``lines[i:tab_end(lines, i)]``: ``["STT\\tNội dung", "", "1\\tLập kế hoạch"]`` has 2 rows of 2 cells."""
    return _grid_table([[cell.strip() for cell in row.split("\t")] for row in lines if row.strip()])


def markdown_end(lines: list[str], i: int) -> int:
    """Index just past the Markdown pipe rows starting at i."""
    j = i
    while j < len(lines) and MARKDOWN_ROW.match(lines[j]):
        j += 1
    return j


def markdown_table(lines: list[str]) -> Table:
    """The table in ``lines[i:markdown_end(lines, i)]``, rule rows left out (so a lone ``|---|`` rule gives no cells)."""
    return _grid_table([[c.strip() for c in row.strip().strip("|").split("|")] for row in lines if not MARKDOWN_RULE.match(row)])


def _grid_table(rows: list[list[str]]) -> Table:
    """Rows of cell strings -> Table."""
    return Table(tuple(text_cell(text.split("\n"), r, c) for r, row in enumerate(rows) for c, text in enumerate(row)))
