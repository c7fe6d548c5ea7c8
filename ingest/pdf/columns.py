"""Borderless two-column blocks: the header (issuer | national motto) and the signature
(recipients | signer) that Word lays out as tables without borders.

A block starts at a row that has text on both sides of a wide gap (the gutter). Rows below
join while all their text stays on one side of the gutter and, for a row with text on one side
only, while that text lines up with the column above (same left edge or same centre). The
block becomes a one-row, two-column :class:`Table` like the .docx reader's, each column's lines
the cell's paragraphs.

>>> from ingest.pdf.page import Word
>>> def line(text, x0, y0, row): return Line(tuple(Word(t, x0 + 40 * i, y0, x0 + 40 * i + 30, y0 + 12, size=12)
...                                          for i, t in enumerate(text.split())), row)
>>> lines = [line("ỦY BAN", 80, 50, 0), line("CỘNG HÒA XÃ", 300, 50, 0), line("TỈNH X", 80, 65, 1),
...          line("Độc lập", 320, 65, 1), line("KẾ HOẠCH", 200, 120, 2)]
>>> blocks = two_column_blocks(lines, page=1)
>>> [[c.paragraphs for c in b.table.cells] for b in blocks], len(blocks[0].lines)
([[('ỦY BAN', 'TỈNH X'), ('CỘNG HÒA XÃ', 'Độc lập')]], 4)
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from ingest.model import Cell, Table
from ingest.pdf.lines import Line
from ingest.pdf.paragraphs import join_lines

ALIGN_EDGE = 0.5  # em: a one-sided row lines up with its column when its left edge is this close
ALIGN_CENTRE = 0.8  # em: ... or its centre is this close (header and signature lines are centred on one axis)
MAX_GAP = 6.0  # line heights: a wider vertical gap ends the block


@dataclass
class ColumnBlock:
    """A two-column block: the lines it took from the page, and the table they make."""

    lines: list[Line]
    table: Table

    @property
    def top(self) -> float:
        return min(line.y0 for line in self.lines)


def _rows(lines: list[Line]) -> list[list[Line]]:
    return [list(group) for _, group in groupby(sorted(lines, key=lambda l: (l.row, l.x0)), key=lambda l: l.row)]


def _aligned(line: Line, column: list[Line]) -> bool:
    return any(abs(line.x0 - c.x0) < ALIGN_EDGE * line.em or abs(line.mid_x - c.mid_x) < ALIGN_CENTRE * line.em
               for c in column)


def _merged_rows(column: list[Line]) -> list[Line]:
    """A column's lines with stretches of one row joined (a gap inside one column is not a break)."""
    out: list[Line] = []
    for line in column:
        if out and out[-1].row == line.row:
            out[-1] = out[-1].joined(line)
        else:
            out.append(line)
    return out


def _cell(column: list[Line], col: int) -> Cell:
    lines = _merged_rows(column)
    if not lines:
        return Cell("", 0, col)
    # header and signature lines are short, centred, one paragraph each in Word; only a line
    # going on in lower case continues the one above (a wrapped "- Lưu: VT, ...")
    groups: list[list[Line]] = []
    for line in lines:
        if groups and line.text[:1].islower():
            groups[-1].append(line)
        else:
            groups.append([line])
    paragraphs = tuple(join_lines(group) for group in groups)
    return Cell("\n".join(paragraphs), 0, col, paragraphs=paragraphs)


def _grow(rows: list[list[Line]], start: int) -> tuple[int, list[Line], list[Line]] | None:
    """From a row with a gutter: (end row index, left lines, right lines) of the block, or None."""
    first = rows[start]
    gaps = [(b.x0 - a.x1, k) for k, (a, b) in enumerate(zip(first, first[1:]))]
    if not gaps:
        return None
    _, k = max(gaps)
    gutter_lo, gutter_hi = first[k].x1, first[k + 1].x0
    left, right = list(first[: k + 1]), list(first[k + 1 :])
    end = start + 1
    while end < len(rows):
        row = rows[end]
        previous_bottom = max(l.y1 for l in rows[end - 1])
        if row[0].y0 - previous_bottom > MAX_GAP * row[0].height:
            break
        lefts = [l for l in row if l.x1 <= gutter_hi]
        rights = [l for l in row if l.x0 >= gutter_lo]
        if len(lefts) + len(rights) != len(row) or any(l in rights for l in lefts):
            break
        if not (lefts and rights) and not _aligned(row[0], lefts and left or right):
            break
        lo = max([gutter_lo] + [l.x1 for l in lefts])
        hi = min([gutter_hi] + [l.x0 for l in rights])
        if lo >= hi:
            break
        gutter_lo, gutter_hi = lo, hi
        left.extend(lefts)
        right.extend(rights)
        end += 1
    return end, left, right


def two_column_blocks(lines: list[Line], page: int | None) -> list[ColumnBlock]:
    """The page's borderless two-column blocks (see the module docstring); needs two rows at least."""
    rows = _rows(lines)
    blocks = []
    i = 0
    while i < len(rows):
        grown = _grow(rows, i) if len(rows[i]) >= 2 else None
        if grown and grown[0] - i >= 2:
            end, left, right = grown
            table = Table(cells=(_cell(left, 0), _cell(right, 1)), page=page)
            blocks.append(ColumnBlock(left + right, table))
            i = end
        else:
            i += 1
    return blocks

