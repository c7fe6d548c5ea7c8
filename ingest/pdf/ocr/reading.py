"""Reading a straightened page image: its grid, its words, their tone marks.

A page with table cells is read as a composite (:mod:`ingest.pdf.ocr.composite`) so no line of
text crosses a cell border; a page without is read as it is. Then vocabulary phrases get their
tone marks back (:mod:`ingest.pdf.ocr.repair`), paragraph by paragraph and cell by cell.

>>> mean_confidence([]), mean_confidence([TsvWord("Sở", 0, 0, 9, 9, 90.0, (1, 1, 1)), TsvWord("vụ", 0, 0, 9, 9, 70.0, (1, 1, 1))])
(0.0, 80.0)
"""
from __future__ import annotations

from dataclasses import replace
from itertools import groupby

import numpy as np

from ingest.pdf.ocr.composite import stack_cells
from ingest.pdf.ocr.grid import Box, find_grid
from ingest.pdf.ocr.repair import repair_words
from ingest.pdf.ocr.tesseract import AUTOMATIC, UNIFORM_BLOCK, TsvWord, recognise
from ingest.pdf.page import Rule

# A cell holding at most this many characters read below this confidence is read again alone.
SHORT_CELL = 4
SURE_CONFIDENCE = 80.0


def read_words(pixels: np.ndarray, dpi: int) -> tuple[list[TsvWord], list[Rule]]:
    """The words (tone marks repaired) and ruling lines of a straightened page image, in its pixels."""
    grid = find_grid(pixels, dpi)
    if not grid.cells:
        return _repaired_by_paragraph(recognise(grid.text, dpi, AUTOMATIC)), grid.lines
    by_cell = _read_stacked(grid.text, grid.cells, dpi, with_page=True)
    doubtful = [cell for cell, words in by_cell.items() if cell is not None and _doubtful(words)]
    for cell in doubtful:
        again = _read_stacked(grid.text, [cell], dpi, with_page=False).get(cell, [])
        if mean_confidence(again) > mean_confidence(by_cell[cell]):
            by_cell[cell] = again
    outside = _repaired_by_paragraph(by_cell.pop(None, []))
    return outside + [word for words in by_cell.values() for word in _repaired(words)], grid.lines


def _read_stacked(text: np.ndarray, cells: list[Box], dpi: int, with_page: bool) -> dict[Box | None, list[TsvWord]]:
    """Words in page pixels by the cell they lie in (None: outside every cell)."""
    composite = stack_cells(text, cells, with_page)
    by_cell: dict[Box | None, list[TsvWord]] = {cell: [] for cell in cells}
    for word in recognise(composite.image, dpi, UNIFORM_BLOCK):
        region = composite.region_at((word.left + word.right) / 2, (word.top + word.bottom) / 2)
        dx, dy = region.shift
        cell = region.source if region.source in by_cell else None
        by_cell.setdefault(cell, []).append(
            replace(word, left=word.left + dx, right=word.right + dx, top=word.top + dy, bottom=word.bottom + dy))
    return by_cell


def _repaired_by_paragraph(words: list[TsvWord]) -> list[TsvWord]:
    return [word for _, paragraph in groupby(words, key=lambda w: w.line[:2]) for word in _repaired(list(paragraph))]


def _repaired(words: list[TsvWord]) -> list[TsvWord]:
    """The words of one paragraph or cell with vocabulary phrases' tone marks repaired."""
    texts = repair_words([w.text for w in words])
    return [word if text == word.text else replace(word, text=text) for word, text in zip(words, texts)]


def _doubtful(words: list[TsvWord]) -> bool:
    """A cell read as a short token with low confidence: in a stack, Tesseract misreads a lone
    row number ("3" as "=") that it reads right alone."""
    return bool(words) and sum(len(w.text) for w in words) <= SHORT_CELL and mean_confidence(words) < SURE_CONFIDENCE


def mean_confidence(words: list[TsvWord]) -> float:
    """How sure Tesseract is of a reading, 0 for no words."""
    return float(np.mean([w.confidence for w in words])) if words else 0.0
