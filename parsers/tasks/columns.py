"""Columns of a task table by header meaning: how many rows the header takes and which column
plays which role, over one or several header rows.

``STT | Nội dung | Trách nhiệm thực hiện | Thời gian`` over ``Chủ trì | Phối hợp`` maps to
roles ``{'stt': 0, 'task': 1, 'lead': 2, 'coordinate': 3, 'deadline': 4}`` with two header rows
(the sub-columns win over "Trách nhiệm thực hiện"), whether the header cells are merged (Word)
or packed to the left (a text layout, see :func:`_packed_header`).
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from ingest.model import Cell, Table
from parsers.tasks.vocabulary import header_role
from parsers.textutil import fold

HEADER_YEAR = regex.compile(r"\bnăm\s+(?P<year>(?:19|20)\d{2})\b", regex.IGNORECASE)
COLUMN_NUMBERS = regex.compile(r"^\(?\d{1,2}\)?$")  # "(1) (2) (3)" rows under a header


@dataclass(frozen=True)
class Columns:
    roles: dict[str, int]  # role -> column index
    header_rows: int  # how many rows the header takes
    deadline_year: int | None = None  # "Thời gian (Năm 2026)"

    @property
    def is_task_table(self) -> bool:
        """A task column and a lead, deadline or product column; a budget table (money and an
        executing unit, no deadline or product) is not one."""
        timed = "deadline" in self.roles or "output" in self.roles
        if "budget" in self.roles and not timed:
            return False
        return "task" in self.roles and ("lead" in self.roles or timed)


def cell_text(cell: Cell | None) -> str:
    """A cell's whitespace-folded text; "" for no cell or an empty one."""
    return fold(cell.text) or "" if cell is not None else ""


def is_column_numbers(cells: list[Cell]) -> bool:
    """Whether a row only numbers the columns: "(1) | (2) | (3)" under a header."""
    texts = [cell_text(c) for c in cells if cell_text(c)]
    return len(texts) >= 2 and all(COLUMN_NUMBERS.match(t) for t in texts)


def map_columns(table: Table, max_header_rows: int = 3) -> Columns:
    """Find the header rows and the role of each column (see the module docstring)."""
    grid = table.grid
    header_rows = 0
    for r in range(min(max_header_rows, table.n_rows)):
        cells = [c for c in table.row(r)]
        texts = [cell_text(c) for c in cells if cell_text(c)]
        named = sum(header_role(t) is not None for t in texts)
        # a sub-header row (Chủ trì / Phối hợp under "Trách nhiệm thực hiện") names a role in every filled
        # cell and leaves the first column (under the merged STT header) empty
        first_empty = not cells or cells[0].col > 0 or not cell_text(cells[0])
        if named >= 2 or (header_rows and named >= 1 and named == len(texts) and first_empty):
            header_rows = r + 1
        elif header_rows and is_column_numbers(cells):
            header_rows = r + 1
        else:
            break
    header_cells = _packed_header(table, header_rows) or [
        (c, grid[r][c]) for c in range(table.n_cols) for r in range(header_rows - 1, -1, -1)
    ]
    roles: dict[str, int] = {}
    deadline_year = None
    decided: set[int] = set()
    for c, cell in header_cells:  # per column, the deepest header naming a role wins (sub-columns)
        role = header_role(cell_text(cell))
        if c in decided or role is None:
            continue
        decided.add(c)
        if role not in roles:
            roles[role] = c
            if role == "deadline" and (m := HEADER_YEAR.search(cell_text(cell))):
                deadline_year = int(m["year"])
    return Columns(roles, header_rows, deadline_year)


def _packed_header(table: Table, header_rows: int) -> list[tuple[int, Cell]] | None:
    """Header cells placed on the data columns when a text layout lost the header's spans.

    A portal copy prints a two-row header "STT | Nội dung | Trách nhiệm thực hiện | Thời gian"
    over "Chủ trì | Phối hợp" as rows of 4 and 2 cells, both packed to the left, while data
    rows have 5. The sub-header row then belongs under the one top cell that can group columns
    (a lead-like phrase such as "Trách nhiệm thực hiện"), and the top cells after it move right.
    Returns (column, cell) pairs, deepest first per column, or None when the grid is already right.
    """
    if header_rows != 2:
        return None
    top, sub = table.row(0), table.row(1)
    width = max((len(table.row(r)) for r in range(header_rows, table.n_rows)), default=0)
    if not sub or len(top) + len(sub) - 1 != width or any(c.colspan > 1 or c.rowspan > 1 for c in top + sub):
        return None
    roles = [header_role(cell_text(cell)) for cell in top]
    parents = [i for i, role in enumerate(roles) if role == "lead" and i > 0] or [i for i, role in enumerate(roles) if role is None and i > 0]
    if len(parents) != 1:
        return None
    j = parents[0]
    placed = [(i, cell) for i, cell in enumerate(top[:j])]
    placed += [(j + k, cell) for k, cell in enumerate(sub)]
    placed += [(i + len(sub) - 1, cell) for i, cell in enumerate(top[j + 1 :], start=j + 1)]
    return placed
