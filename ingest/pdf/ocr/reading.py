"""Reading a straightened page image: its grid, its words, their tone marks.

A page with table cells is read as a composite (:mod:`ingest.pdf.ocr.composite`) so no line of
text crosses a cell border; a page without is read as it is, and a line with a garbled word (a
seal's ring or a signature crossing a signer's name) is read again on its own, where Tesseract's
page layout analysis no longer joins the ink around it to the letters. Then vocabulary phrases
get their tone marks back (:mod:`ingest.pdf.ocr.repair`), paragraph by paragraph and cell by cell.

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
from ingest.pdf.ocr.tesseract import AUTOMATIC, SINGLE_LINE, UNIFORM_BLOCK, TsvWord, recognise
from ingest.pdf.page import Rule

# A cell holding at most this many characters read below this confidence is read again alone.
SHORT_CELL = 4
SURE_CONFIDENCE = 80.0
# Tesseract scores a word it could not make out near 0 ("Phạm" under a seal's ring read "Đhu#ế£",
# confidence 0; the same line cut out alone reads "Phạm Minh Chính"); real words score 60 and up.
GARBLED_CONFIDENCE = 30.0
MAX_LINES_REREAD = 4  # a page of smudges must not cost a Tesseract process per line
# A letter or digit this much smaller than the page's typical word is a speck of a seal or a
# signature Tesseract took for a letter ("h" 6 px tall beside a name 30 px tall); dashes and dots
# are small by nature and stay.
SPECK_HEIGHT_SHARE = 0.4
# What a printed plan puts between words without a letter or digit ("~" and "_" are how OCR reads
# a list's dash or a rule); any other lone mark ("›", "£", "°", "#") is a speck of a seal, a
# signature or the paper that Tesseract read as a sign.
PRINTED_PUNCTUATION = frozenset(".,;:!?-–—~_()[]/\\\"'“”‘’…%*+=&§")


def read_words(pixels: np.ndarray, dpi: int) -> tuple[list[TsvWord], list[Rule]]:
    """The words (tone marks repaired) and ruling lines of a straightened page image, in its pixels."""
    grid = find_grid(pixels, dpi)
    if not grid.cells:
        words = _with_garbled_lines_reread(grid.text, recognise(grid.text, dpi, AUTOMATIC), dpi)
        return _repaired_by_paragraph(_without_specks(words)), grid.lines
    by_cell = _read_stacked(grid.text, grid.cells, dpi, with_page=True)
    doubtful = [cell for cell, words in by_cell.items() if cell is not None and _doubtful(words)]
    for cell in doubtful:
        again = _read_stacked(grid.text, [cell], dpi, with_page=False).get(cell, [])
        if mean_confidence(again) > mean_confidence(by_cell[cell]):
            by_cell[cell] = again
    outside = _repaired_by_paragraph(_without_specks(by_cell.pop(None, [])))
    return outside + [word for words in by_cell.values() for word in _repaired(_without_specks(words))], grid.lines


def _read_stacked(text: np.ndarray, cells: list[Box], dpi: int, with_page: bool) -> dict[Box | None, list[TsvWord]]:
    """Words in page pixels by the cell they lie in (None: outside every cell)."""
    composite = stack_cells(text, cells, dpi, with_page)
    by_cell: dict[Box | None, list[TsvWord]] = {cell: [] for cell in cells}
    for word in recognise(composite.image, dpi, UNIFORM_BLOCK) if composite.regions else []:
        region = composite.region_at((word.left + word.right) / 2, (word.top + word.bottom) / 2)
        dx, dy = region.shift
        by_cell.setdefault(region.cell, []).append(
            replace(word, left=word.left + dx, right=word.right + dx, top=word.top + dy, bottom=word.bottom + dy))
    return by_cell


def _with_garbled_lines_reread(text: np.ndarray, words: list[TsvWord], dpi: int) -> list[TsvWord]:
    """The page's words, each run of words holding a garbled one read again alone where that reads surer."""
    runs = [run for _, line in groupby(words, key=lambda w: w.line) for run in _runs(list(line))]
    garbled = [i for i, run in enumerate(runs) if any(w.confidence < GARBLED_CONFIDENCE and len(w.text) > 2 for w in run)]
    for i in garbled[:MAX_LINES_REREAD]:
        run, margin = runs[i], dpi // 20
        left, top = max(min(w.left for w in run) - margin, 0), max(min(w.top for w in run) - margin, 0)
        right, bottom = max(w.right for w in run) + margin, max(w.bottom for w in run) + margin
        again = [replace(w, left=w.left + left, right=w.right + left, top=w.top + top, bottom=w.bottom + top, line=run[0].line)
                 for w in recognise(text[top:bottom, left:right], dpi, SINGLE_LINE)]
        if mean_confidence(again) > mean_confidence(run):
            runs[i] = again
    return [word for run in runs for word in run]


def _without_specks(words: list[TsvWord]) -> list[TsvWord]:
    """The words but for specks read as text: letters and digits far smaller than the typical
    word, and lone marks a printed plan does not use ("PHÓ CHỦ › TỊCH")."""
    if not words:
        return words
    typical = float(np.median([w.bottom - w.top for w in words]))

    def speck(w: TsvWord) -> bool:
        if any(c.isalnum() for c in w.text):
            return w.bottom - w.top < SPECK_HEIGHT_SHARE * typical
        return not set(w.text) <= PRINTED_PUNCTUATION

    return [w for w in words if not speck(w)]


def _runs(line: list[TsvWord]) -> list[list[TsvWord]]:
    """A Tesseract line split where words stand far apart: its line may run across two columns
    ("- Văn phòng Chủ tịch nước;" beside a signer's name), and only the garbled side is read again."""
    runs = [[line[0]]]
    for before, word in zip(line, line[1:]):
        if word.left - before.right > 2 * max(before.bottom - before.top, word.bottom - word.top):
            runs.append([])
        runs[-1].append(word)
    return runs


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
