"""Blocks cut by a page break, joined again: a table running over pages is one table, a
paragraph running over pages is one paragraph.

A table at the top of a page continues the table that ended the page before when both have
the same number of columns. A header row repeated on the new page is dropped; a row cut by the
page break (its first cell empty, and its text going on in lower case or in one cell only, where a
row of its own would add an output with its deadline; or the rest of a one-cell row, such as a
group's title) is joined to the row above.

>>> first = Table((Cell("STT", 0, 0), Cell("Nhiệm vụ", 0, 1), Cell("1", 1, 0), Cell("Rà soát", 1, 1)), page=1)
>>> second = Table((Cell("STT", 0, 0), Cell("Nhiệm vụ", 0, 1), Cell("", 1, 0), Cell("văn bản", 1, 1),
...                 Cell("2", 2, 0), Cell("Kiểm tra", 2, 1)), page=2)
>>> [(c.row, c.text) for c in join_tables(first, second).cells]
[(0, 'STT'), (0, 'Nhiệm vụ'), (1, '1'), (1, 'Rà soát văn bản'), (2, '2'), (2, 'Kiểm tra')]
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from ingest.model import Cell, Table
from ingest.pdf.lines import Line
from ingest.pdf.paragraphs import INDENT, ITEM_LABEL, _would_fit


@dataclass
class ParagraphDraft:
    """A paragraph's lines while pages are still being joined, with its text column's edges."""

    lines: list[Line]
    page: int
    left: float
    right: float

    def continues_into(self, nxt: "ParagraphDraft") -> bool:
        """Whether ``nxt`` (first on the next page) goes on with this paragraph (last on its page)."""
        last, first = self.lines[-1], nxt.lines[0]
        if last.bold != first.bold or not first.same_size(last):
            return False
        if first.x0 - nxt.left > INDENT * first.em or first.text[:1] in "-+•":
            return False
        return not _would_fit(last, first, self.left, self.right)


def _row_texts(table: Table, r: int) -> list[str]:
    return [" ".join(c.text.split()) for c in table.row(r)]


def _shifted(cell: Cell, rows: int) -> Cell:
    return replace(cell, row=cell.row + rows)


def _spanning_row_cut(first: Table, top: list[Cell]) -> bool:
    """Whether the new page starts with the rest of a one-cell row, such as a group's title
    ("II. HOÀN THIỆN CƠ" / "CHẾ, CHÍNH SÁCH"): the same single filled cell under the last row's
    single filled cell, with no label of its own."""
    filled = [c for c in top if c.text.strip()]
    above = [c for c in first.row(first.n_rows - 1) if c.text.strip()]
    return (len(filled) == 1 and len(above) == 1 and (filled[0].col, filled[0].colspan) == (above[0].col, above[0].colspan)
            and not ITEM_LABEL.match(filled[0].text) and not filled[0].text.strip().isdigit())


def continues(first: Table, second: Table) -> bool:
    """Whether ``second`` (first on its page) is the rest of ``first`` (last on the page before)."""
    return first.n_cols == second.n_cols and first.n_cols > 1


def join_tables(first: Table, second: Table) -> Table:
    """One table from a table and its continuation on the next page (see the module docstring)."""
    skip = 0
    while skip < min(first.n_rows, second.n_rows) - 1 and _row_texts(second, skip) == _row_texts(first, skip) \
            and any(_row_texts(first, skip)):
        skip += 1
    rest = [c for c in second.cells if c.row >= skip]
    cells = list(first.cells)
    top = [c for c in rest if c.row == skip]
    stt = next((c for c in top if c.col == 0), None)
    filled = [c for c in top if c.text.strip()]
    spanning_cut = _spanning_row_cut(first, top)
    # a row's first cell going on in lower case is a sentence cut short, never a new row's number or title
    cut_in_first_cell = stt is not None and stt.text[:1].islower()
    if spanning_cut or cut_in_first_cell or stt is not None and not stt.text.strip() and (
            any(c.text[:1].islower() for c in filled) or len(filled) == 1):
        # a row cut by the page break: its pieces go on with the cells of the last row above
        last_row = first.n_rows - 1
        for piece in top:
            if not piece.text.strip():
                continue
            k = next((i for i, c in enumerate(cells) if c.col == piece.col and c.row <= last_row < c.row + c.rowspan), None)
            if k is None:
                continue
            above = cells[k]
            paragraphs = list(above.paragraphs)
            if (piece.text[:1].islower() or spanning_cut) and paragraphs and paragraphs[-1]:
                paragraphs[-1] += " " + piece.paragraphs[0]
                paragraphs.extend(piece.paragraphs[1:])
            else:
                paragraphs.extend(piece.paragraphs)
            cells[k] = replace(above, text="\n".join(paragraphs), paragraphs=tuple(paragraphs))
        rest = [c for c in rest if c.row > skip]
        skip += 1
    cells.extend(_shifted(c, first.n_rows - skip) for c in rest)
    return Table(tuple(cells), page=first.page)
