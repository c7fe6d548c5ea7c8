"""Words -> lines: words that share a baseline band, split where a wide gap opens a new column.

A line here is what a reader's eye takes in one sweep: words left to right whose vertical
extents overlap. Two stretches of one baseline far apart ("ỦY BAN NHÂN DÂN      CỘNG HÒA ...",
a table's cells) are separate lines with the same ``row``, so the column and table stages can
put each where it belongs. Grouping tolerates the tilt and jitter of OCR boxes: a word joins
the line whose band it overlaps most, not one with an exactly equal baseline.

>>> words = [Word("Sở", 72, 100, 86, 112), Word("Nội", 90, 101, 108, 113), Word("vụ", 111, 100, 124, 112),
...          Word("Hà", 400, 100, 416, 112), Word("Nội", 72, 120, 90, 132)]
>>> [(line.text, line.row) for line in build_lines(words)]
[('Sở Nội vụ', 0), ('Hà', 0), ('Nội', 1)]
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from statistics import median

from ingest.pdf.page import Word

COLUMN_GAP = 2.0  # em: a wider gap between two words of one baseline separates columns (justified spaces stay under ~1.5)
SAME_LINE = 0.5  # share of the smaller height two boxes must overlap to sit on one line
SIZE_STEP = 0.15  # a font size this much larger or smaller is another size (a heading, a footnote)
INK_SIZE_STEP = 0.4  # ... for OCR, which has only ink heights: a line of ascenders and stacked marks is a third taller


@dataclass(frozen=True)
class Line:
    """Words of one line, left to right; ``row`` numbers the baseline bands of a page top-down."""

    words: tuple[Word, ...]
    row: int = 0

    @cached_property
    def x0(self) -> float:
        return self.words[0].x0

    @cached_property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @cached_property
    def y0(self) -> float:
        return median(w.y0 for w in self.words)

    @cached_property
    def y1(self) -> float:
        return median(w.y1 for w in self.words)

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def mid_x(self) -> float:
        return (self.x0 + self.x1) / 2

    @cached_property
    def em(self) -> float:
        """The font size (from the words' sizes, else their heights)."""
        sizes = [w.size for w in self.words if w.size] or [w.height for w in self.words]
        return max(median(sizes), 1.0)

    def same_size(self, other: "Line") -> bool:
        """Whether two lines are set in one font size (within SIZE_STEP where the source gives sizes,
        INK_SIZE_STEP where it gives only OCR's ink heights)."""
        sized = any(w.size for w in self.words) and any(w.size for w in other.words)
        return abs(self.em - other.em) <= (SIZE_STEP if sized else INK_SIZE_STEP) * other.em

    @cached_property
    def bold(self) -> bool:
        return all(w.bold for w in self.words)

    @cached_property
    def text(self) -> str:
        """The words joined by spaces, with a tab where a column-wide gap parts them (as Word's tab stops do)."""
        parts = [self.words[0].text]
        for prev, word in zip(self.words, self.words[1:]):
            parts.append("\t" if word.x0 - prev.x1 > COLUMN_GAP * (prev.size or self.em) else " ")
            parts.append(word.text)
        return "".join(parts)

    def joined(self, other: "Line") -> "Line":
        """This line and another stretch of the same baseline as one line."""
        return Line(tuple(sorted(self.words + other.words, key=lambda w: w.x0)), self.row)


def _bands(words: list[Word]) -> list[list[Word]]:
    """Words grouped into baseline bands, top to bottom."""
    bands: list[list[Word]] = []
    extents: list[tuple[float, float]] = []
    for word in sorted(words, key=lambda w: (w.mid_y, w.x0)):
        best, best_overlap = None, 0.0
        for k in range(len(bands) - 1, max(len(bands) - 4, -1), -1):  # only the last few bands can still grow
            top, bottom = extents[k]
            overlap = min(bottom, word.y1) - max(top, word.y0)
            if overlap > best_overlap:
                best, best_overlap = k, overlap
        if best is not None and best_overlap > SAME_LINE * min(word.height, extents[best][1] - extents[best][0]):
            bands[best].append(word)
            # the band is as high as its tallest word: a speck of scan noise or a dash that opened it
            # must not leave it one pixel high, or the rest of its line would start a band of its own
            if word.height > extents[best][1] - extents[best][0]:
                extents[best] = (word.y0, word.y1)
        else:
            bands.append([word])
            extents.append((word.y0, word.y1))
    return bands


def _fits_in_gaps(stamp: list[Word], band: list[Word]) -> bool:
    """Whether every word of ``stamp`` sits in a gap of ``band`` wide enough to hold most of it."""
    edges = sorted((w.x0, w.x1) for w in band)
    for word in stamp:
        centre, width = (word.x0 + word.x1) / 2, word.x1 - word.x0
        if not any(a[1] <= centre <= b[0] and b[0] - a[1] >= 0.7 * width for a, b in zip(edges, edges[1:])):
            return False
    return True


def _overlap(a: list[Word], b: list[Word]) -> bool:
    """Whether two bands' vertical extents intersect."""
    return min(w.y1 for w in a) > max(w.y0 for w in b) and min(w.y1 for w in b) > max(w.y0 for w in a)


def _stamps_placed(bands: list[list[Word]]) -> list[list[Word]]:
    """Bands with stamped-in words moved into the line they fill in.

    A signing service writes the number and date into the gaps of "Số:      /BNV-CCHC" and
    "ngày    tháng", often a little above the line; such a short band overlapping a neighbour
    and sitting in its gaps belongs to that line.
    """
    out: list[list[Word]] = []
    for band in bands:
        if out and len(band) <= 3 and _overlap(out[-1], band) and _fits_in_gaps(band, out[-1]):
            out[-1].extend(band)
        elif out and len(out[-1]) <= 3 < len(band) and _overlap(out[-1], band) and _fits_in_gaps(out[-1], band):
            out[-1] = band + out[-1]
        else:
            out.append(band)
    return out


def _split_at_gaps(words: list[Word], row: int) -> list[Line]:
    words = sorted(words, key=lambda w: w.x0)
    # OCR gives no font size, and a word's own height is no measure of it: a dash is a pixel
    # high, so "-   Bộ Nội vụ;" would part at its tab-like space; the band's typical height is
    band_em = Line(tuple(words), row).em
    pieces = [[words[0]]]
    for prev, word in zip(words, words[1:]):
        if word.x0 - prev.x1 > COLUMN_GAP * (prev.size or band_em):
            pieces.append([word])
        else:
            pieces[-1].append(word)
    return [Line(tuple(piece), row) for piece in pieces]


def build_lines(words: list[Word]) -> list[Line]:
    """The page's lines, top to bottom and left to right within a row (see the module docstring)."""
    lines: list[Line] = []
    for row, band in enumerate(_stamps_placed(_bands([w for w in words if w.text.strip()]))):
        lines.extend(_split_at_gaps(band, row))
    return lines
