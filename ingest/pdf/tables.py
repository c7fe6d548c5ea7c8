"""A ruled grid and the words inside it -> a :class:`Table`.

Each word goes to the grid slot holding its centre; a slot's words become lines and the lines
paragraphs (:mod:`ingest.pdf.paragraphs`, with the slot's inner edges as the text column), so a
cell typed as two paragraphs ("Sở Tài chính" / "Sở Nội vụ") keeps two, and a wrapped one stays one.

>>> from ingest.pdf.page import Rule
>>> grid = find_grids([Rule(0, 0, 200, 1), Rule(0, 30, 200, 31), Rule(0, 0, 1, 31), Rule(100, 0, 101, 31), Rule(199, 0, 200, 31)])[0]
>>> table = fill_grid(grid, [Word("STT", 5, 10, 25, 22), Word("Nội", 105, 10, 125, 22), Word("dung", 128, 10, 150, 22)], page=3)
>>> [(c.text, c.row, c.col) for c in table.cells], table.page
([('STT', 0, 0), ('Nội dung', 0, 1)], 3)
"""
from __future__ import annotations

import unicodedata

from ingest.model import Cell, Table
from ingest.pdf.grids import Grid, Slot, find_grids
from ingest.pdf.lines import build_lines
from ingest.pdf.page import Word
from ingest.pdf.paragraphs import join_lines, split_paragraphs

PADDING = 2.0  # pt between a cell border and its text
UNWRAPPED = 8.0  # em: a cell whose longest line stops this far from its border has no wrapped line


def _slot_of(slots: tuple[Slot, ...], word: Word) -> Slot | None:
    x, y = (word.x0 + word.x1) / 2, word.mid_y
    for slot in slots:
        if slot.x0 <= x <= slot.x1 and slot.y0 <= y <= slot.y1:
            return slot
    return None


def _cell(slot: Slot, words: list[Word]) -> Cell:
    lines = build_lines(words)
    # a slot's stretches of one baseline (split by a wide gap) read as one line in a cell
    merged = []
    for line in lines:
        if merged and merged[-1].row == line.row:
            merged[-1] = merged[-1].joined(line)
        else:
            merged.append(line)
    # the text's own edges, not the borders: cell padding differs by writer, and a wrapped line
    # ends short by less than the next word only when measured against where text really ends
    left = min((line.x0 for line in merged), default=slot.x0 + PADDING)
    right = max((line.x1 for line in merged), default=slot.x1 - PADDING)
    if merged and right < slot.x1 - PADDING - UNWRAPPED * merged[0].em:
        # no line came near the border, so none was wrapped by it: every line ends where the
        # writer ended it ("TM. CHÍNH PHỦ" / "THỦ TƯỚNG" / "Phạm Minh Chính" in a wide cell)
        right = slot.x1 - PADDING
    groups = split_paragraphs(merged, left, right)
    paragraphs = tuple(unicodedata.normalize("NFC", join_lines(g)) for g in groups) or ("",)
    return Cell("\n".join(paragraphs), slot.row, slot.col, slot.rowspan, slot.colspan, paragraphs)


def fill_grid(grid: Grid, words: list[Word], page: int | None) -> Table:
    """The table a grid makes with the words that fall inside its slots."""
    by_slot: dict[Slot, list[Word]] = {slot: [] for slot in grid.slots}
    for word in words:
        slot = _slot_of(grid.slots, word)
        if slot is not None:
            by_slot[slot].append(word)
    return Table(cells=tuple(_cell(slot, by_slot[slot]) for slot in grid.slots), page=page)
