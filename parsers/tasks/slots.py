"""A row's view of each role column, with merged cells resolved.

A cell merged down from the row above shows in this row too, but not as the row's own
(``own`` is False: the continuation rules in :mod:`parsers.tasks.rows` then ignore it); a cell
merged across "Phối hợp" and "Theo dõi" whose two paragraphs are "Sở Tài chính" and "Sở Nội vụ"
gives "Sở Tài chính" to the coordinate slot and "Sở Nội vụ" to the monitor slot.
"""
from __future__ import annotations

from dataclasses import dataclass

from ingest.model import Table
from parsers.tasks.columns import Columns, cell_text
from parsers.textutil import fold


@dataclass(frozen=True)
class Slot:
    """A row's view of one role column: the cell's folded text, whether the cell starts in this
    row, and its paragraphs (a Word cell's paragraphs are separate entries: "Sở Tài chính" /
    "Các sở, ngành" are two agencies even without a separator)."""

    text: str
    own: bool
    lines: str = ""  # the folded paragraphs joined by newlines, for the agency splitter


def row_slots(table: Table, r: int, columns: Columns) -> dict[str, Slot]:
    """Each role's cell text in row r. A cell merged across several role columns whose
    paragraphs number exactly those columns gives one paragraph to each (Word's habit of
    merging "Phối hợp" and "Theo dõi" cells and typing one line for each); otherwise its text
    goes to the first role column it covers."""
    grid = table.grid
    slots: dict[str, Slot] = {}
    by_cell: dict[int, list[str]] = {}
    for role, c in sorted(columns.roles.items(), key=lambda rc: rc[1]):
        cell = grid[r][c] if c < table.n_cols else None
        if cell is None:
            slots[role] = Slot("", True)
            continue
        by_cell.setdefault(id(cell), []).append(role)
    for role, c in columns.roles.items():
        cell = grid[r][c] if c < table.n_cols else None
        if cell is None:
            continue
        roles_here = by_cell[id(cell)]
        own = cell.row == r
        if len(roles_here) == 1:
            slots[role] = Slot(cell_text(cell), own, "\n".join(p for p in map(fold, cell.paragraphs) if p))
        elif len(cell.paragraphs) == len(roles_here):
            text = fold(cell.paragraphs[roles_here.index(role)]) or ""
            slots[role] = Slot(text, own, text)
        else:
            text = cell_text(cell) if role == roles_here[0] else ""
            slots[role] = Slot(text, own, text)
    return slots
