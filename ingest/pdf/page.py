"""What a PDF page holds once read, whether from its text layer or by OCR.

Both page sources — the text layer (:mod:`ingest.pdf.textlayer`) and OCR of a scanned page
(:mod:`ingest.pdf.ocr`) — produce a :class:`PageContent`: words with their boxes and the
page's ruling lines, in page coordinates with the origin at the top left and y growing
down (the way a reader's eye moves). One layout stage (:mod:`ingest.pdf.layout`) turns
pages into paragraphs and tables, so a scan and a printed PDF of the same plan give the
same blocks.

>>> w = Word("Sở", 72.0, 100.0, 84.5, 112.0)
>>> round(w.height, 1), round(w.mid_y, 1)
(12.0, 106.0)
>>> Rule(50, 200, 300, 200.4).is_horizontal
True
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Word:
    """A run of characters with no space inside, and its box (x0 < x1, y0 < y1, top-left origin).

    ``confidence`` is OCR's 0–100 score (None for a text layer); ``bold`` comes from the font
    name or weight where the source has one.
    """

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    bold: bool = False
    size: float | None = None
    confidence: float | None = None

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def mid_y(self) -> float:
        return (self.y0 + self.y1) / 2


@dataclass(frozen=True)
class Rule:
    """A ruling line (a table border) as a thin box; a line drawn as a stroke gets its width as thickness."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def is_horizontal(self) -> bool:
        return (self.x1 - self.x0) > 4 * max(self.y1 - self.y0, 0.1)

    @property
    def is_vertical(self) -> bool:
        return (self.y1 - self.y0) > 4 * max(self.x1 - self.x0, 0.1)


@dataclass
class PageContent:
    """One page: its size, words, ruling lines, and how it was read ("text" or "ocr")."""

    number: int
    width: float
    height: float
    words: list[Word] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    source: str = "text"
