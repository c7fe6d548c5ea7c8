"""A page image's table grids: ruling lines, cells, and the page without them.

Morphological opening with a long thin kernel keeps only ink that runs unbroken for the
kernel's length: table borders survive, letters do not. The borders are then painted over
with paper so Tesseract does not read them as "|", "I" or "_", and the paper between them,
split where borders enclose it, gives the cells.

>>> page = np.full((600, 600), 255, np.uint8)
>>> page[100:103, 50:550] = 0; page[400:402, 50:550] = 0      # two horizontal borders
>>> page[100:402, 50:52] = 0; page[100:402, 548:550] = 0      # the outer vertical borders
>>> page[100:402, 300:302] = 0                                # a column border
>>> page[200:215, 100:110] = 0                                # a letter's stem
>>> page[300, 400] = 0                                        # a speck
>>> page[450:500, 300:302] = 0                                # a stroke under the table
>>> grid = find_grid(page, dpi=100)
>>> sorted((r.x0, r.y0, r.x1, r.y1) for r in grid.lines)
[(50, 100, 52, 402), (50, 100, 550, 103), (50, 400, 550, 402), (300, 100, 302, 402), (548, 100, 550, 402)]
>>> grid.cells
[(52, 103, 300, 400), (302, 103, 548, 400)]
>>> int(grid.text[101, 200]), int(grid.text[207, 105]), int(grid.text[300, 400])
(255, 0, 255)
"""
from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from ingest.pdf.page import Rule

Box = tuple[int, int, int, int]

# A border runs at least this far (inches); a letter's stroke never does. Vertical borders of a
# one-line row are short, hence the shorter vertical length.
# Horizontally, longer than a word's serif feet bridged along its baseline: at 0.5 inch the
# corpus scan's "ngành," (101 px at 200 dpi) gave a false border and lost its "g" tail and comma.
MIN_HORIZONTAL_INCHES = 0.55
MIN_VERTICAL_INCHES = 0.25
# Noise and blur break a thin border into dashes; gaps this short (inches) are bridged first.
GAP_INCHES = 0.02
# Paint this many pixels beyond a border's ink: blurred edges would otherwise leave a ghost line.
WIPE_MARGIN = 2
# Scanner noise: an ink speck at most this large (square inches; a full stop is about 0.0006,
# larger specks were measured to cost full stops) with no other ink within SPECK_CLEARANCE
# inches (a diacritic dot sits closer to its letter).
SPECK_AREA = 0.0002
SPECK_CLEARANCE = 0.04
# Pixels within this many gray levels of the page's median (its paper) are paper: alone in a
# cell, a digit amid faint JPEG ringing is read as "P2" (Tesseract thresholds each image anew).
PAPER_TOLERANCE = 25
# A cell is at least this large (inches) each way; smaller pockets are where borders cross.
MIN_CELL_INCHES = 0.1


@dataclass(frozen=True)
class Grid:
    """Borders as boxes and cells as (x0, y0, x1, y1), pixel coordinates with x1, y1 exclusive;
    ``text`` is the page with the borders and isolated specks wiped out.

    ``text`` stays grayscale: Tesseract tells a hook above (ổ) from an acute (ố) by the grey
    edge pixels a binarization would cut (measured on the corpus scan: 99.9% of characters
    right in gray, 99.5% binarized).
    """

    lines: list[Rule]
    cells: list[Box]
    text: np.ndarray


def find_grid(gray: np.ndarray, dpi: int) -> Grid:
    """The borders and cells of ``gray`` scanned at ``dpi``."""
    _, ink = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    gap = _pixels(GAP_INCHES, dpi)
    horizontal = _runs(ink, (_pixels(MIN_HORIZONTAL_INCHES, dpi), 1), (gap, 1))
    vertical = _framed(_runs(ink, (1, _pixels(MIN_VERTICAL_INCHES, dpi)), (1, gap)), horizontal, gap)
    # Wipe the borders' own pixels, not their boxes: a slightly tilted border's box would
    # cover the text beside it.
    margin = cv2.getStructuringElement(cv2.MORPH_RECT, (2 * WIPE_MARGIN + 1, 2 * WIPE_MARGIN + 1))
    borders = cv2.dilate(horizontal | vertical, margin)
    ink[borders > 0] = 0
    text = gray.copy()
    paper = np.median(gray) - PAPER_TOLERANCE
    text[(borders > 0) | (gray > paper)] = 255
    text.flat[_specks(ink, dpi)] = 255
    return Grid(_boxes(horizontal) + _boxes(vertical), _cells(horizontal | vertical, dpi), text)


# Outlines (cv2.findContours) rather than labelled components with statistics
# (cv2.connectedComponentsWithStats) wherever boxes will do: on a page of ink the statistics
# cost 17 ms a call, the outlines 1–2 ms, and the grid search took five such calls.


def _specks(ink: np.ndarray, dpi: int) -> np.ndarray:
    """Where isolated specks of ink are (flat indices): alone in a cell, Tesseract reads "3" with
    specks around it as ")"."""
    count, labels = cv2.connectedComponents(ink, connectivity=8)
    inked = np.flatnonzero(ink)
    owners = labels.ravel()[inked]
    small = np.bincount(owners, minlength=count) <= SPECK_AREA * dpi * dpi
    candidates = inked[small[owners]]
    if not len(candidates):
        return candidates
    others = ink.copy()
    others.flat[candidates] = 0
    radius = max(1, round(SPECK_CLEARANCE * dpi))
    near = cv2.dilate(others, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * radius + 1, 2 * radius + 1)))
    near_others = np.zeros(count, bool)
    near_others[labels.flat[candidates[near.flat[candidates] > 0]]] = True
    return candidates[~near_others[labels.flat[candidates]]]


def _pixels(inches: float, dpi: int) -> int:
    """An odd kernel length: an even one shifts what morphology keeps by half a pixel."""
    return 2 * round(inches * dpi / 2) + 1


def _runs(ink: np.ndarray, length: tuple[int, int], gap: tuple[int, int]) -> np.ndarray:
    bridged = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, gap))
    return cv2.morphologyEx(bridged, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, length))


def _framed(vertical: np.ndarray, horizontal: np.ndarray, reach: int) -> np.ndarray:
    """Only the vertical strokes that meet a horizontal border: a table's column borders always
    do, while a signature's down-stroke or a tall bracket stands alone."""
    outlines, _ = cv2.findContours(vertical, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    kept = []
    for outline in outlines:
        x, y, w, h = cv2.boundingRect(outline)
        if horizontal[max(0, y - reach):y + h + reach, max(0, x - reach):x + w + reach].any():
            kept.append(outline)
    framed = np.zeros_like(vertical)
    cv2.drawContours(framed, kept, -1, 255, cv2.FILLED)
    return framed & vertical


def _boxes(mask: np.ndarray) -> list[Rule]:
    outlines, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    boxes = sorted((y, x, w, h) for x, y, w, h in map(cv2.boundingRect, outlines))
    return [Rule(x, y, x + w, y + h) for y, x, w, h in boxes]


def _cells(borders: np.ndarray, dpi: int) -> list[Box]:
    """Paper pockets fully enclosed by one connected set of borders, top to bottom, left to right.

    These are the holes of the borders' outlines: a hole's outline runs along the border pixels
    around it, one pixel outside the pocket on every side.
    """
    minimum = MIN_CELL_INCHES * dpi
    outlines, hierarchy = cv2.findContours(borders, cv2.RETR_CCOMP, cv2.CHAIN_APPROX_SIMPLE)
    cells = []
    for outline, (_, _, _, parent) in zip(outlines, hierarchy[0] if hierarchy is not None else []):
        x, y, w, h = cv2.boundingRect(outline)
        if parent >= 0 and w - 2 >= minimum and h - 2 >= minimum:
            cells.append((x + 1, y + 1, x + w - 1, y + h - 1))
    return sorted(cells, key=lambda box: (box[1], box[0]))
