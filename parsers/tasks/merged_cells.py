"""Cells a text layout dropped because they were merged down from the row above.

A portal copy prints a vertically merged cell once, in its first row, so the rows it covers
come out short: "2 | Rà soát ... | Sở Tài chính | 2026" under a lead cell that spans tasks 1-3
lacks the lead. Each short row's cells are put on the columns they fit best, in order: a
number under STT, agency names under an agency column, a time phrase under the deadline,
text under the content; a cell that reads like the cell above in a column goes under it.
A column left without a cell is covered by the cell above it (the merge put back), so task 2
gets the lead printed once for tasks 1-3, as a reader of the printed table sees it.

For example the rows ["1", "Lập kế hoạch", "Sở Nội vụ", "Sở Tư pháp"] and ["2", "Rà soát", "Các sở"]
under "STT | Nội dung | Chủ trì | Phối hợp" give task 2 the lead "Sở Nội vụ" and the
coordinating "Các sở". Word tables carry their spans and are left as they are.
"""
from __future__ import annotations

import difflib
from functools import lru_cache

import regex

from ingest.model import Cell, Table
from parsers.agencies import parse_agencies
from parsers.deadlines import parse_deadlines
from parsers.tasks.columns import Columns, cell_text
from parsers.tasks.groups import GROUP_LABEL
from parsers.tasks.records import AGENCY_ROLES
from parsers.textutil import ROMAN

# how an STT cell starts: "1", "1.2", "09", "IV", "a", maybe with "." or ")" and a group title after it
STT_START = regex.compile(rf"^(?:\d{{1,3}}(?:\.\d{{1,3}})*|{ROMAN}|[A-ZĐa-zđ])(?:[.):]|\s|$)")


@lru_cache(maxsize=4096)
def _fit(text: str, role: str | None) -> float:
    """How well a cell's text fits a column of that role (higher is better)."""
    label = bool(STT_START.match(text)) and len(text) <= 12
    if role == "stt":
        return 3.0 if label else -3.0
    if label:
        return -2.0
    if role in AGENCY_ROLES:
        agencies = parse_agencies(text)
        if not agencies:
            return -1.0
        return 2.0 if all(a.kind != "other" for a in agencies) else 0.0
    if role == "deadline":
        return 2.0 if len(text) < 80 and any(d.kind != "unknown" for d in parse_deadlines(text, 2000)) else -1.0
    if role == "task":
        return 1.0 if len(text) >= 25 else 0.5
    return 0.0


def _likeness(text: str, above: str | None) -> float:
    return difflib.SequenceMatcher(None, text.casefold(), above.casefold()).ratio() if above else 0.0


def _best_columns(texts: list[str], roles: list[str | None], above: list[str | None]) -> list[int]:
    """Columns for the cells, in order, maximising fit (ties go to the leftmost columns)."""
    k, n = len(texts), len(roles)
    score = [[_fit(t, roles[c]) + _likeness(t, above[c]) for c in range(n)] for t in texts]
    NEG = float("-inf")
    best = [[NEG] * (n + 1) for _ in range(k + 1)]  # best[i][c]: cells i.. placed in columns c..
    for c in range(n + 1):
        best[k][c] = 0.0
    for i in range(k - 1, -1, -1):
        for c in range(n - 1, -1, -1):
            best[i][c] = max(score[i][c] + best[i + 1][c + 1], best[i][c + 1])
    columns, c = [], 0
    for i in range(k):
        while best[i][c] != score[i][c] + best[i + 1][c + 1]:
            c += 1
        columns.append(c)
        c += 1
    return columns


def restore_merged_cells(table: Table, columns: Columns) -> Table:
    """The table with the short rows of a text layout placed and their merges put back."""
    if any(c.rowspan > 1 or c.colspan > 1 for c in table.cells):
        return table
    rows = [table.row(r) for r in range(table.n_rows)]
    width = max((len(row) for row in rows[columns.header_rows:]), default=0)
    roles: list[str | None] = [None] * width
    for role, c in columns.roles.items():
        if c < width:
            roles[c] = role
    placed: list[list[int]] = []  # per row, the column of each of its cells
    merged: set[int] = set()  # rows that lost merged cells
    for r, row in enumerate(rows):
        texts = [cell_text(cell) for cell in row]
        if r >= columns.header_rows and len(row) < width and not _is_group_row(texts):
            above = [_cell_above(rows, placed, r, c) for c in range(width)]
            placed.append(_best_columns(texts, roles, [cell_text(a) if a else None for a in above]))
            merged.add(r)
        else:
            placed.append(list(range(len(row))))
    return _rebuilt(rows, placed, width, merged, columns.header_rows, table.page) if merged else table


def _is_group_row(texts: list[str]) -> bool:
    return len(texts) <= 2 and bool(texts) and bool(GROUP_LABEL.match(texts[0]))


def _cell_above(rows: list[list[Cell]], placed: list[list[int]], r: int, c: int) -> Cell | None:
    """The cell in column c of the row just above r (None where that row has none there)."""
    if r == 0:
        return None
    for cell, col in zip(rows[r - 1], placed[r - 1]):
        if col == c:
            return cell
    return None


def _rebuilt(rows: list[list[Cell]], placed: list[list[int]], width: int, merged: set[int], header_rows: int, page) -> Table:
    """Cells at their placed columns; an empty slot of a row that lost merged cells extends the
    cell above it downwards (never across a group row or the header: those are not merged rows)."""
    origin: dict[tuple[int, int], tuple[int, int]] = {}  # (row, col) -> (row, col) of the cell covering it
    spans: dict[tuple[int, int], int] = {}
    cells: dict[tuple[int, int], Cell] = {}
    for r, (row, cols) in enumerate(zip(rows, placed)):
        taken = set(cols)
        for cell, c in zip(row, cols):
            cells[(r, c)] = cell
            origin[(r, c)] = (r, c)
            spans[(r, c)] = 1
        if r not in merged:
            continue
        for c in range(width):
            if c not in taken and r - 1 >= header_rows and (r - 1, c) in origin:
                top = origin[(r - 1, c)]
                origin[(r, c)] = top
                spans[top] += 1
    return Table(tuple(Cell(cell.text, r, c, rowspan=spans[(r, c)], paragraphs=cell.paragraphs)
                       for (r, c), cell in sorted(cells.items())), page=page)
