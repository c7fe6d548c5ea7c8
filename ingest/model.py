"""The document model every format reader returns.

A reader turns a file's bytes into a :class:`Document`: an ordered list of blocks, each a
:class:`Paragraph` or a :class:`Table`. Parsers only ever see this model, never a file format,
so a PDF or OCR reader plugs in by producing the same blocks.

>>> t = Table(cells=(Cell("STT", 0, 0), Cell("Nội dung", 0, 1), Cell("1", 1, 0), Cell("Lập kế hoạch", 1, 1)))
>>> t.n_rows, t.n_cols
(2, 2)
>>> [c.text for c in t.row(1)]
['1', 'Lập kế hoạch']
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property


@dataclass(frozen=True)
class Paragraph:
    """One paragraph as the reader sees it.

    ``text`` is NFC and otherwise as printed, with Word's automatic numbering rendered
    ("1." / "a)") in front. ``style`` is a hint: the Word style name, or "footnote" for a
    footnote placed after the paragraph that cites it. ``page`` is 1-based where known.
    """

    text: str
    style: str | None = None
    bold: bool = False
    page: int | None = None


@dataclass(frozen=True)
class Cell:
    """One table cell at its top-left grid position, with its spans.

    ``text`` is the cell's text line by line as laid out; ``paragraphs`` keeps its paragraphs
    (a cell merged across two columns may hold one paragraph for each). Where a format marks
    paragraphs (Word) the lines are the paragraphs; where it only wraps lines (text copies) the
    cell is one paragraph.
    """

    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    paragraphs: tuple[str, ...] = ()

    def __post_init__(self):
        if not self.paragraphs:
            object.__setattr__(self, "paragraphs", tuple(self.text.split("\n")))


@dataclass(frozen=True)
class Table:
    """A table as a set of cells on a grid; ``grid[r][c]`` is the cell covering (r, c)."""

    cells: tuple[Cell, ...]
    page: int | None = None

    @cached_property
    def n_rows(self) -> int:
        return max((c.row + c.rowspan for c in self.cells), default=0)

    @cached_property
    def n_cols(self) -> int:
        return max((c.col + c.colspan for c in self.cells), default=0)

    @cached_property
    def grid(self) -> list[list[Cell | None]]:
        grid: list[list[Cell | None]] = [[None] * self.n_cols for _ in range(self.n_rows)]
        for cell in self.cells:
            for r in range(cell.row, cell.row + cell.rowspan):
                for c in range(cell.col, cell.col + cell.colspan):
                    grid[r][c] = cell
        return grid

    def row(self, r: int) -> list[Cell]:
        """The distinct cells that start in row ``r``, left to right."""
        return sorted((c for c in self.cells if c.row == r), key=lambda c: c.col)


Block = Paragraph | Table


@dataclass
class Document:
    """What a reader returns: ordered blocks plus what the reader noticed on the way.

    ``warnings`` are (code, message) pairs a person can read; the pipeline turns them into
    diagnostics rows. ``properties`` are what the file says about itself outside the
    document's text (a legal portal's "Số hiệu", "Loại văn bản", "Ngày ban hành" box);
    parsers use them only where the text itself is silent.
    """

    blocks: list[Block]
    source_format: str
    pages: int | None = None
    warnings: list[tuple[str, str]] = field(default_factory=list)
    properties: dict[str, str] = field(default_factory=dict)

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]
