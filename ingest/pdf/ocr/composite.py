"""One image for one Tesseract call that cannot mix table cells: the page with its cells
blanked, and under it every cell cut out and stacked with paper between.

Read as a whole page, Tesseract joins the lines of neighbouring cells that share a baseline and
drops a lone row number as noise. Read as a uniform block (page segmentation 6) with each cell
on rows of its own, every line stays inside its cell; one call instead of one per cell keeps
the model loaded once. Each region remembers where it came from, so word boxes map back to the
page.

>>> page = np.full((100, 200), 255, np.uint8)
>>> composite = stack_cells(page, [(10, 10, 60, 40), (60, 10, 190, 40)])
>>> composite.image.shape
(288, 200)
>>> composite.region_at(CELL_GAP + 5, 100 + CELL_GAP + 7).shift   # inside the first cell
(-22, -122)
>>> composite.region_at(20, 20).shift                             # the page outside cells
(0, 0)
>>> stack_cells(page, [(10, 10, 60, 40)], with_page=False).image.shape
(94, 114)
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ingest.pdf.ocr.grid import Box

# Paper around each stacked cell (pixels): wider than a line gap, so two cells never share a line.
CELL_GAP = 32


@dataclass(frozen=True)
class Region:
    """A part of the page (``source`` box) drawn into the composite with its top-left at ``at``."""

    source: Box
    at: tuple[int, int]

    def holds(self, x: float, y: float) -> bool:
        left, top = self.at
        x0, y0, x1, y1 = self.source
        return left <= x < left + (x1 - x0) and top <= y < top + (y1 - y0)

    @property
    def shift(self) -> tuple[int, int]:
        """What to add to a composite point's coordinates to get its page coordinates."""
        return self.source[0] - self.at[0], self.source[1] - self.at[1]


@dataclass(frozen=True)
class Composite:
    image: np.ndarray
    regions: list[Region]

    def region_at(self, x: float, y: float) -> Region:
        """The region a composite point lies in."""
        for region in self.regions:  # cells first: the page region comes last
            if region.holds(x, y):
                return region
        raise ValueError(f"({x}, {y}) is in no region of the composite")



def stack_cells(page: np.ndarray, cells: list[Box], with_page: bool = True) -> Composite:
    """The page with ``cells`` blanked at the top, then each cell's pixels on rows of its own;
    the cells alone when not ``with_page``."""
    height, width = page.shape if with_page else (0, 0)
    widest = max((x1 - x0 for x0, _, x1, _ in cells), default=0) + 2 * CELL_GAP
    total = height + sum(y1 - y0 + 2 * CELL_GAP for _, y0, _, y1 in cells)
    image = np.full((total, max(width, widest)), 255, np.uint8)
    image[:height, :width] = page[:height, :width]
    regions, top = [], height
    for x0, y0, x1, y1 in cells:
        if with_page:
            image[y0:y1, x0:x1] = 255
        at = (CELL_GAP, top + CELL_GAP)
        image[at[1]:at[1] + y1 - y0, at[0]:at[0] + x1 - x0] = page[y0:y1, x0:x1]
        regions.append(Region((x0, y0, x1, y1), at))
        top += y1 - y0 + 2 * CELL_GAP
    if with_page:
        regions.append(Region((0, 0, width, height), (0, 0)))
    return Composite(image, regions)
