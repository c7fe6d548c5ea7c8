"""One table cell from its lines of text, shared by every text table layout."""
from __future__ import annotations

from ingest.model import Cell
from ingest.text.markup import DECORATION, strip_emphasis


def text_cell(text_lines: list[str], row: int, col: int) -> Cell:
    """A cell whose lines are kept as laid out; text layouts wrap lines without marking
    paragraphs, so the cell is one paragraph.

    ``text_cell(["**Sở Nội vụ**", "----", "(chủ trì)"], 1, 2)`` has text "Sở Nội vụ\\n(chủ trì)"
    and the single paragraph "Sở Nội vụ (chủ trì)".
    """
    lines = [strip_emphasis(line)[0] for line in text_lines if not DECORATION.match(line)]
    lines = [line for line in lines if line]
    return Cell("\n".join(lines), row, col, paragraphs=(" ".join(lines),))
