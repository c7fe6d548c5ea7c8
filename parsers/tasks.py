"""Task tables (CONVENTIONS §2): find them among a document's tables and read their rows.

A table is a task table when its header names a task/content column and at least one of a
lead, deadline or product column. Columns are found by header meaning in any order, over
one or several header rows. Rows are then read as group rows (Roman numeral or capital
letter, nothing else), tasks (an STT) and continuation rows (no STT: more content, another
output, more agencies; an empty cell repeats the one above, as a vertical merge would).

>>> from ingest.model import Cell, Table
>>> rows = [["STT", "Nội dung", "Chủ trì", "Thời gian"], ["I", "Thể chế", "", ""],
...         ["1", "Ban hành kế hoạch", "Sở Nội vụ", "Quý I/2026"], ["", "", "", "Quý II/2026"]]
>>> table = Table(tuple(Cell(t, r, c) for r, row in enumerate(rows) for c, t in enumerate(row)))
>>> columns = map_columns(table)
>>> columns.roles, columns.header_rows
({'stt': 0, 'task': 1, 'lead': 2, 'deadline': 3}, 1)
>>> [(t.stt, t.group_label, t.content, [o.deadline_raw for o in t.outputs]) for t in read_task_rows(table, columns)]
[('1', 'I', 'Ban hành kế hoạch', ['Quý I/2026', 'Quý II/2026'])]
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache

import regex

from ingest.model import Cell, Table
from parsers.textutil import ROMAN, fold
from parsers.vocab import load

AGENCY_ROLES = ("lead", "coordinate", "monitor")
# a group row's label: a Roman numeral (or a sub-group of one, "III.1", "III.1.2") or one capital
# letter, maybe followed by its title in the same cell
GROUP_LABEL = regex.compile(rf"^(?P<label>{ROMAN}(?:\.\d{{1,2}})*|[A-ZĐ])(?:\s*[.):]\s*|\s+|$)(?P<title>.*)$", regex.DOTALL)
WORD = regex.compile(r"[\p{L}\p{N}]")
HEADER_YEAR = regex.compile(r"\bnăm\s+(?P<year>(?:19|20)\d{2})\b", regex.IGNORECASE)
COLUMN_NUMBERS = regex.compile(r"^\(?\d{1,2}\)?$")  # "(1) (2) (3)" rows under a header
# how an STT cell starts: "1", "1.2", "09", "IV", "a", maybe with "." or ")" and a group title after it
STT_START = regex.compile(rf"^(?:\d{{1,3}}(?:\.\d{{1,3}})*|{ROMAN}|[A-ZĐa-zđ])(?:[.):]|\s|$)")


@cache
def _vocab():
    data = load("task_table")
    phrases = []
    for role, entry in data["roles"].items():
        for phrase in entry["phrases"]:
            pattern = regex.escape(phrase.casefold()).replace(r"\ ", r"\s*")
            phrases.append((len(phrase), role, regex.compile(rf"(?<!\w){pattern}(?!\w)")))
    phrases.sort(key=lambda p: -p[0])
    return phrases


@cache
def group_title_prefix() -> regex.Pattern:
    """'Nội dung: ' in front of a group title (parsers/data/task_table.yaml)."""
    return regex.compile(load("task_table")["group_title_prefix"]["pattern"], regex.IGNORECASE)


def header_role(text: str | None) -> str | None:
    """The role a header cell names: the role of the longest vocabulary phrase it contains.

    >>> header_role("Kết quả thực hiện"), header_role("Thời gian (Năm 2026)"), header_role("Ghi chú")
    ('output', 'deadline', None)
    """
    key = (fold(text) or "").casefold()
    if not key or len(key) > 80:
        return None
    for _length, role, pattern in _vocab():
        if pattern.search(key):
            return role
    return None


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


def _cell_text(cell: Cell | None) -> str:
    return fold(cell.text) or "" if cell is not None else ""


def map_columns(table: Table, max_header_rows: int = 3) -> Columns:
    """Find the header rows and the role of each column (see the module docstring)."""
    grid = table.grid
    header_rows = 0
    for r in range(min(max_header_rows, table.n_rows)):
        cells = [c for c in table.row(r)]
        texts = [_cell_text(c) for c in cells if _cell_text(c)]
        named = sum(header_role(t) is not None for t in texts)
        # a sub-header row (Chủ trì / Phối hợp under "Trách nhiệm thực hiện") names a role in every filled
        # cell and leaves the first column (under the merged STT header) empty
        first_empty = not cells or cells[0].col > 0 or not _cell_text(cells[0])
        if named >= 2 or (header_rows and named >= 1 and named == len(texts) and first_empty):
            header_rows = r + 1
        elif header_rows and _is_column_numbers(cells):
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
        role = header_role(_cell_text(cell))
        if c in decided or role is None:
            continue
        decided.add(c)
        if role not in roles:
            roles[role] = c
            if role == "deadline" and (m := HEADER_YEAR.search(_cell_text(cell))):
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
    roles = [header_role(_cell_text(cell)) for cell in top]
    parents = [i for i, role in enumerate(roles) if role == "lead" and i > 0] or [i for i, role in enumerate(roles) if role is None and i > 0]
    if len(parents) != 1:
        return None
    j = parents[0]
    placed = [(i, cell) for i, cell in enumerate(top[:j])]
    placed += [(j + k, cell) for k, cell in enumerate(sub)]
    placed += [(i + len(sub) - 1, cell) for i, cell in enumerate(top[j + 1 :], start=j + 1)]
    return placed


def _is_column_numbers(cells: list[Cell]) -> bool:
    texts = [_cell_text(c) for c in cells if _cell_text(c)]
    return len(texts) >= 2 and all(COLUMN_NUMBERS.match(t) for t in texts)


@dataclass
class TaskOutput:
    text: str | None
    deadline_raw: str | None
    row: int  # table row the output was read from (0-based)


@dataclass
class TaskRow:
    """One task read from a table, before normalization (agency/deadline parsing)."""

    seq: int
    stt: str | None
    group_label: str | None
    group_title: str | None
    content: str | None
    raw: dict[str, list[str]] = field(default_factory=lambda: {r: [] for r in AGENCY_ROLES})
    agency_cells: dict[str, list[str]] = field(default_factory=lambda: {r: [] for r in AGENCY_ROLES})  # Slot.lines
    outputs: list[TaskOutput] = field(default_factory=list)
    first_row: int = 0
    last_row: int = 0

    def raw_text(self, role: str) -> str | None:
        return "; ".join(self.raw[role]) or None


@dataclass(frozen=True)
class Slot:
    """A row's view of one role column: the cell's folded text, whether the cell starts in this
    row, and its paragraphs (a Word cell's paragraphs are separate entries: "Sở Tài chính" /
    "Các sở, ngành" are two agencies even without a separator)."""

    text: str
    own: bool
    lines: str = ""  # the folded paragraphs joined by newlines, for the agency splitter


def _row_slots(table: Table, r: int, columns: Columns) -> dict[str, Slot]:
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
            slots[role] = Slot(_cell_text(cell), own, "\n".join(p for p in map(fold, cell.paragraphs) if p))
        elif len(cell.paragraphs) == len(roles_here):
            text = fold(cell.paragraphs[roles_here.index(role)]) or ""
            slots[role] = Slot(text, own, text)
        else:
            text = _cell_text(cell) if role == roles_here[0] else ""
            slots[role] = Slot(text, own, text)
    return slots


def _group(slots: dict[str, Slot], row_cells: list[Cell], columns: Columns) -> tuple[str, str | None] | None:
    """(label, title) when the row is a group row, else None."""
    stt = slots.get("stt")
    first = stt.text if stt else (_cell_text(row_cells[0]) if row_cells else "")
    m = GROUP_LABEL.match(first)
    if not first or not m or not m["label"]:
        return None
    others = [s.text for role, s in slots.items() if role not in ("stt", "task") and s.own]
    if any(others) and not (stt and "task" in slots and slots["task"].text == slots["stt"].text):
        return None
    title = fold(m["title"]) or (slots["task"].text if "task" in slots and slots["task"].text != first else None)
    if not title:
        title = next((t for c in row_cells if (t := _cell_text(c)) and t != first), None)
    return m["label"], (fold(group_title_prefix().sub("", title)) if title else None)


def _is_header_repeat(table: Table, r: int, columns: Columns) -> bool:
    texts = [_cell_text(c) for c in table.row(r)]
    header = {_cell_text(c) for h in range(columns.header_rows) for c in table.row(h)} - {""}
    filled = [t for t in texts if t]
    return bool(filled) and (all(t in header for t in filled) or _is_column_numbers(table.row(r)))


def read_task_rows(table: Table, columns: Columns) -> list[TaskRow]:
    """The tasks of one task table, in order (group rows, repeated headers and empty rows dropped)."""
    table = _restore_merged_number_cells(table, columns)
    tasks: list[TaskRow] = []
    group: tuple[str | None, str | None] = (None, None)
    current: TaskRow | None = None
    for r in range(columns.header_rows, table.n_rows):
        if _is_header_repeat(table, r, columns):
            continue
        slots = _row_slots(table, r, columns)
        if not any(WORD.search(s.text) and s.own for s in slots.values()):  # empty, or an elision row "……"
            continue
        if (g := _group(slots, table.row(r), columns)) is not None:
            group, current = g, None
            continue
        stt = slots.get("stt")
        starts_task = current is None or (stt.text != "" and stt.own if stt else slots.get("task", Slot("", True)).own and bool(slots.get("task", Slot("", True)).text))
        if starts_task:
            current = TaskRow(len(tasks) + 1, _clean_stt(stt.text) if stt and stt.own else None, *group,
                              content=slots["task"].text if "task" in slots else None, first_row=r, last_row=r)
            tasks.append(current)
            _add_output(current, slots, r, previous=None)
            for role in AGENCY_ROLES:
                if role in slots and slots[role].text:
                    _add_agency_cell(current, role, slots[role])
        else:
            _continue_task(current, slots, r)
    return tasks


def _restore_merged_number_cells(table: Table, columns: Columns) -> Table:
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
        first = _cell_text(rows[r][0]) if rows[r] else ""
        return r >= columns.header_rows and len(rows[r]) < width and bool(first) and not STT_START.match(first)

    shifted = {r for r in rows if lost_number(r)}
    if not shifted:
        return table
    return Table(tuple(replace(c, col=c.col + 1) if c.row in shifted else c for c in table.cells), page=table.page)


def _clean_stt(text: str) -> str | None:
    """'1.' -> '1'; '09' stays '09' (as printed)."""
    return fold(text.rstrip(".)")) if text else None


def _add_output(task: TaskRow, slots: dict[str, Slot], r: int, previous: TaskOutput | None) -> None:
    out = slots.get("output", Slot("", True))
    due = slots.get("deadline", Slot("", True))
    text = out.text if (out.own and out.text) or previous is None else (previous.text if previous else None)
    deadline = due.text if (due.own and due.text) or previous is None else previous.deadline_raw
    task.outputs.append(TaskOutput(text or None, deadline or None, r))


def _continue_task(task: TaskRow, slots: dict[str, Slot], r: int) -> None:
    """A row without STT: more content, another output, more agencies (CONVENTIONS §2)."""
    task.last_row = r
    content = slots.get("task")
    if content and content.own and content.text:
        task.content = f"{task.content} {content.text}" if task.content else content.text
    out, due = slots.get("output"), slots.get("deadline")
    if (out and out.own and out.text) or (due and due.own and due.text):
        _add_output(task, slots, r, previous=task.outputs[-1] if task.outputs else None)
    for role in AGENCY_ROLES:
        slot = slots.get(role)
        if slot and slot.own and slot.text and slot.text not in task.raw[role]:
            _add_agency_cell(task, role, slot)


def _add_agency_cell(task: TaskRow, role: str, slot: Slot) -> None:
    task.raw[role].append(slot.text)
    task.agency_cells[role].append(slot.lines or slot.text)


def join_tables(first: Table, second: Table, skip_rows: int) -> Table:
    """``second`` (less its first ``skip_rows`` rows) appended under ``first``."""
    offset = first.n_rows - skip_rows
    moved = tuple(replace(c, row=c.row + offset) for c in second.cells if c.row >= skip_rows)
    return Table(first.cells + moved, page=first.page)


def task_tables(blocks: list) -> list[tuple[int, Table, Columns]]:
    """(block index, table, columns) of each task table, in order. A table that directly follows
    a task table (no paragraph between: a page break in Word, a split in a text export), has as
    many columns and either no header or the same header, continues it (CONVENTIONS §2)."""
    found: list[tuple[int, Table, Columns]] = []
    previous_block = None
    for index, block in enumerate(blocks):
        if isinstance(block, Table):
            columns = map_columns(block)
            if found and previous_block is not None and previous_block is found[-1][1] and block.n_cols == found[-1][1].n_cols \
                    and (not columns.header_rows or columns.roles == found[-1][2].roles):
                first_index, first, first_columns = found[-1]
                joined = join_tables(first, block, columns.header_rows)
                found[-1] = (first_index, joined, first_columns)
                previous_block = joined
                continue
            if columns.is_task_table:
                found.append((index, block, columns))
        previous_block = block
    return found
