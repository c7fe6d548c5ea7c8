"""One image for one Tesseract call that cannot mix table cells: the page with its cells
blanked, and under it every cell, each on rows of its own with paper between.

Read as a whole page, Tesseract joins the lines of neighbouring cells that share a baseline and
drops a lone row number as noise. Read as a uniform block (page segmentation 6) with each cell
on rows of its own, every line stays inside its cell; one call instead of one per cell keeps
the model loaded once. Only inked bands are copied: a page or cell is cut into runs of lines
where BAND_GAP_INCHES of paper part them, each run to its ink, and an empty cell is left out,
since Tesseract spends time on every pixel (a blank 28-megapixel composite cost it 0.8 s of the
1.5 s it took on a landscape table page). Each region remembers where it came from, so word
boxes map back to the page.

>>> page = np.full((400, 200), 255, np.uint8)
>>> page[5:9, 100:150] = 0                        # a heading outside the table
>>> page[380:390, 90:100] = 0                     # a page number far below it
>>> page[20:30, 20:40] = 0                        # ink in the first cell; the second is empty
>>> composite = stack_cells(page, [(10, 10, 60, 40), (60, 10, 190, 40)], dpi=100)
>>> composite.image.shape, [region.cell for region in composite.regions]
((228, 118), [None, None, (10, 10, 60, 40)])
>>> region = composite.region_at(CELL_GAP + 5, 182 + 5)             # inside the first cell
>>> region.cell, region.shift
((10, 10, 60, 40), (-14, -164))
>>> stack_cells(page, [(10, 10, 60, 40)], dpi=100, with_page=False).image.shape
(78, 88)
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

import cv2
import numpy as np

from ingest.pdf.ocr.grid import Box

# Paper around each stacked band (pixels): wider than a line gap, so two cells never share a line.
CELL_GAP = 32
PAPER = 255
# Paper at least this high (inches) splits a page or cell into bands: several line gaps, so
# the lines of a paragraph stay together and keep Tesseract's paragraph numbering.
BAND_GAP_INCHES = 0.25
# Kept around a band's ink (inches): the grey edge of a stroke lies outside the ink Otsu finds.
INK_MARGIN_INCHES = 0.02


@dataclass(frozen=True)
class Region:
    """A band ``source`` of the page, inside ``cell`` (None: outside every cell), drawn into the
    composite with its top-left at ``at``."""

    cell: Box | None
    source: Box
    at: tuple[int, int]

    @property
    def shift(self) -> tuple[int, int]:
        """What to add to a composite point's coordinates to get its page coordinates."""
        return self.source[0] - self.at[0], self.source[1] - self.at[1]


@dataclass(frozen=True)
class Composite:
    image: np.ndarray
    regions: list[Region]

    def region_at(self, x: float, y: float) -> Region:
        """The region on the composite's row ``y`` or in the paper above it: regions are
        stacked, so the row alone tells."""
        index = bisect_right([region.at[1] - CELL_GAP for region in self.regions], y) - 1
        if index < 0:
            raise ValueError(f"({x}, {y}) is in no region of the composite")
        return self.regions[index]


def stack_cells(page: np.ndarray, cells: list[Box], dpi: int, with_page: bool = True) -> Composite:
    """The inked bands of ``page`` (paper is 255) outside ``cells``, then those of each cell,
    on rows of their own; the cells' alone when not ``with_page``."""
    parts: list[tuple[Box | None, np.ndarray, Box]] = []
    if with_page:
        outside = page.copy()
        for x0, y0, x1, y1 in cells:
            outside[y0:y1, x0:x1] = PAPER
        parts.append((None, outside, (0, 0, page.shape[1], page.shape[0])))
    parts += [(cell, page, cell) for cell in cells]
    threshold, _ = cv2.threshold(page, 0, 1, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    bands = [(cell, picture, band) for cell, picture, area in parts for band in _bands(picture, threshold, area, dpi)]
    width = max((x1 - x0 for _, _, (x0, _, x1, _) in bands), default=0) + 2 * CELL_GAP
    height = sum(y1 - y0 + 2 * CELL_GAP for _, _, (_, y0, _, y1) in bands)
    image = np.full((height, width), PAPER, np.uint8)
    regions, top = [], 0
    for cell, picture, (x0, y0, x1, y1) in bands:
        at = (CELL_GAP, top + CELL_GAP)
        image[at[1]:at[1] + y1 - y0, at[0]:at[0] + x1 - x0] = picture[y0:y1, x0:x1]
        regions.append(Region(cell, (x0, y0, x1, y1), at))
        top += y1 - y0 + 2 * CELL_GAP
    return Composite(image, regions)


def _bands(gray: np.ndarray, threshold: float, area: Box, dpi: int) -> list[Box]:
    """Boxes around the runs of rows of ``area`` inked (at most ``threshold``) that
    BAND_GAP_INCHES of paper part, each as wide as its ink, with INK_MARGIN_INCHES around
    (within ``area``).

    >>> gray = np.full((100, 50), 255, np.uint8)
    >>> gray[10:20, 5:15] = 0; gray[25:30, 20:30] = 0; gray[80:90, 40:45] = 0
    >>> gray[50, 10] = 200                                             # lighter than ink
    >>> _bands(gray, 128, (0, 0, 50, 100), dpi=100)
    [(3, 8, 32, 32), (38, 78, 47, 92)]
    """
    x0, y0, x1, y1 = area
    inked = gray[y0:y1, x0:x1] <= threshold
    rows = np.flatnonzero(inked.any(axis=1))
    if not len(rows):
        return []
    splits = np.flatnonzero(np.diff(rows) > BAND_GAP_INCHES * dpi) + 1
    margin = round(INK_MARGIN_INCHES * dpi)
    boxes = []
    for run in np.split(rows, splits):
        top, bottom = run[0], run[-1] + 1
        columns = np.flatnonzero(inked[top:bottom].any(axis=0))
        boxes.append((max(x0, x0 + int(columns[0]) - margin), max(y0, y0 + int(top) - margin),
                      min(x1, x0 + int(columns[-1]) + 1 + margin), min(y1, y0 + int(bottom) + margin)))
    return boxes
