"""Borderless two-column blocks: the header (issuer | national motto) and the signature
(recipients | signer) that Word lays out as tables without borders.

A block starts at a row that has text on both sides of a wide gap (the gutter). Rows below
join while all their text stays on one side of the gutter and, for a row with text on one side
only, while that text lines up with the column above (same left edge or same centre). The
block becomes a one-row, two-column :class:`Table` like the .docx reader's, each column's lines
the cell's paragraphs. A header set tight, "THỦ TƯỚNG CHÍNH PHỦ  CỘNG HÒA XÃ HỘI ...", leaves
a space narrower than a tab between its columns, so its first row reads as one line; where
that line's widest space, far wider than its others, falls in the gutter of a row near it,
the line is parted there (:func:`_parted_at_gutters`).

>>> from ingest.pdf.page import Word
>>> def line(text, x0, y0, row): return Line(tuple(Word(t, x0 + 40 * i, y0, x0 + 40 * i + 30, y0 + 12, size=12)
...                                          for i, t in enumerate(text.split())), row)
>>> lines = [line("ỦY BAN", 80, 50, 0), line("CỘNG HÒA XÃ", 300, 50, 0), line("TỈNH X", 80, 65, 1),
...          line("Độc lập", 320, 65, 1), line("KẾ HOẠCH", 200, 120, 2)]
>>> blocks = two_column_blocks(lines, page=1)
>>> [[c.paragraphs for c in b.table.cells] for b in blocks], len(blocks[0].lines)
([[('ỦY BAN', 'TỈNH X'), ('CỘNG HÒA XÃ', 'Độc lập')]], 4)
>>> tight = Line(tuple(Word(t, x, 50, x + 30, 62, size=12) for t, x in
...                    [("THỦ", 80), ("TƯỚNG", 114), ("CỘNG", 170), ("HÒA", 204)]), 0)
>>> [[c.paragraphs for c in b.table.cells] for b in two_column_blocks([tight, line("Số:", 80, 65, 1),
...                                                                     line("Hà Nội,", 190, 65, 1)], page=1)]
[[('THỦ TƯỚNG', 'Số:'), ('CỘNG HÒA', 'Hà Nội,')]]
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from statistics import median

from ingest.model import Cell, Table
from ingest.pdf.lines import Line
from ingest.pdf.paragraphs import join_lines

ALIGN_EDGE = 0.5  # em: a one-sided row lines up with its column when its left edge is this close
ALIGN_CENTRE = 0.8  # em: ... or its centre is this close (header and signature lines are centred on one axis)
MAX_GAP = 6.0  # line heights: a wider vertical gap ends the block
TIGHT_GUTTER = 3.0  # a space this many times a line's usual one, in a gutter near it, parts the line there


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


def _near(a: list[Line], b: list[Line]) -> bool:
    """Whether two rows are close enough to be in one block (no vertical gap over MAX_GAP line heights)."""
    upper, lower = (a, b) if a[0].y0 <= b[0].y0 else (b, a)
    return lower[0].y0 - max(l.y1 for l in upper) <= MAX_GAP * lower[0].height


def _gutter_after(row: list[Line]) -> int | None:
    """The index of the line before the widest gap between a row's lines, or None for a one-line row."""
    if len(row) < 2:
        return None
    return max((b.x0 - a.x1, k) for k, (a, b) in enumerate(zip(row, row[1:])))[1]


def _parted(line: Line, gutter: tuple[float, float]) -> list[Line] | None:
    """The line in two at its widest space when that space lies in the gutter and is far wider
    than its others (justified text stretches every space alike), else None."""
    spaces = [(b.x0 - a.x1, k) for k, (a, b) in enumerate(zip(line.words, line.words[1:]))]
    if len(spaces) < 2:
        return None
    width, k = max(spaces)
    usual = median(w for w, j in spaces if j != k)
    left, right = line.words[: k + 1], line.words[k + 1 :]
    if left[-1].x1 < gutter[1] and right[0].x0 > gutter[0] and width > TIGHT_GUTTER * max(usual, 1.0):
        return [Line(left, line.row), Line(right, line.row)]
    return None


def _parted_at_gutters(rows: list[list[Line]]) -> list[list[Line]]:
    """The rows, with a one-line row near a row with a gutter parted at that gutter where it can be
    (see the module docstring).

    From each row with a gutter, the rows above and below are looked at in turn while they stay
    near: a row lying on one side of the gutter is passed over, a one-line row across it is
    parted if :func:`_parted` allows, and that or any other row across the gutter ends the look.
    """
    rows = [list(row) for row in rows]
    for i, row in enumerate(rows):
        k = _gutter_after(row)
        if k is None:
            continue
        gutter = row[k].x1, row[k + 1].x0
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(rows) and _near(rows[j - step], rows[j]):
                across = [line for line in rows[j] if line.x0 < gutter[1] and line.x1 > gutter[0]]
                if not across:
                    j += step
                    continue
                parted = _parted(across[0], gutter) if len(rows[j]) == 1 else None
                if parted:
                    rows[j] = parted
                break
    return rows


def _aligned(line: Line, column: list[Line]) -> bool:
    """Whether a one-sided row's line goes on with the column: centred on the axis of any of its
    lines (a signer's name under the post, across the signature's space), or starting where the
    line just above starts (a list). A left edge that only meets some line higher up is chance,
    as when a tight header's motto starts where the title centred under the block does."""
    return (abs(line.x0 - column[-1].x0) < ALIGN_EDGE * line.em
            or any(abs(line.mid_x - c.mid_x) < ALIGN_CENTRE * line.em for c in column))


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
    k = _gutter_after(first)
    if k is None:
        return None
    gutter_lo, gutter_hi = first[k].x1, first[k + 1].x0
    left, right = list(first[: k + 1]), list(first[k + 1 :])
    end = start + 1
    while end < len(rows):
        row = rows[end]
        if not _near(rows[end - 1], row):
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
    rows = _parted_at_gutters(_rows(lines))
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

