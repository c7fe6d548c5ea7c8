"""STT cells a text layout dropped from the second row of a task whose number spans two rows.

In a portal copy, "1 | Ban hành kế hoạch | Sở Nội vụ" over "Tổ chức thực hiện | Sở Tư pháp"
has a second row one cell short; it moves one column right, under the STT column it lost,
and then reads as a continuation of task 1.
"""
from __future__ import annotations

from dataclasses import replace

import regex

from ingest.model import Table
from parsers.tasks.columns import Columns, cell_text
from parsers.textutil import ROMAN

# how an STT cell starts: "1", "1.2", "09", "IV", "a", maybe with "." or ")" and a group title after it
STT_START = regex.compile(rf"^(?:\d{{1,3}}(?:\.\d{{1,3}})*|{ROMAN}|[A-ZĐa-zđ])(?:[.):]|\s|$)")


def restore_merged_number_cells(table: Table, columns: Columns) -> Table:
    """Put back the STT cell a text layout dropped from a task's second row.

    A portal copy prints a cell merged down from the row above only once, so the second row of
    a task whose number spans two rows has one cell fewer and starts with its content. Such a
    short row whose first cell is no number moves one column right, under the STT column it
    lost; it then reads as a continuation row. Tables with spans (Word) are left as they are.
    """
    if columns.roles.get("stt") != 0 or any(c.rowspan > 1 or c.colspan > 1 for c in table.cells):
        return table
    rows = {r: table.row(r) for r in range(table.n_rows)}
    width = max((len(rows[r]) for r in range(columns.header_rows, table.n_rows)), default=0)

    def lost_number(r: int) -> bool:
        first = cell_text(rows[r][0]) if rows[r] else ""
        return r >= columns.header_rows and len(rows[r]) < width and bool(first) and not STT_START.match(first)

    shifted = {r for r in rows if lost_number(r)}
    if not shifted:
        return table
    return Table(tuple(replace(c, col=c.col + 1) if c.row in shifted else c for c in table.cells), page=table.page)
