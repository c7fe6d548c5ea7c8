"""Pages -> blocks: the one layout stage shared by the text layer and OCR.

For each page: running headers, footers and page numbers go (:mod:`.running`); ruled tables
take the words inside them (:mod:`.grids`, :mod:`.tables`); borderless two-column blocks
(header, signature) become two-column tables (:mod:`.columns`); the remaining lines become
paragraphs (:mod:`.paragraphs`). Across pages, a table or paragraph cut by a page break is
joined again (:mod:`.join`). Nothing here reads font metrics beyond a word's box and size,
so OCR's skewed, noisy boxes go through the same code.

>>> page = PageContent(1, 600, 800, [Word("KẾ", 270, 100, 290, 114, bold=True, size=14),
...                                  Word("HOẠCH", 294, 100, 340, 114, bold=True, size=14)])
>>> layout_pages([page])
[Paragraph(text='KẾ HOẠCH', style=None, bold=True, page=1)]
"""
from __future__ import annotations

import unicodedata
from statistics import median

from ingest.model import Block, Paragraph, Table
from ingest.pdf.columns import two_column_blocks
from ingest.pdf.grids import Grid, find_grids
from ingest.pdf.join import ParagraphDraft, continues, join_tables
from ingest.pdf.lines import Line, build_lines
from ingest.pdf.page import PageContent, Word
from ingest.pdf.paragraphs import join_lines, split_paragraphs
from ingest.pdf.running import drop_running_text
from ingest.pdf.tables import fill_grid

PageItem = Table | ParagraphDraft


def _in_grid(word: Word, grid: Grid) -> bool:
    return grid.contains((word.x0 + word.x1) / 2, word.mid_y)


def _rows_joined(lines: list[Line]) -> list[Line]:
    """Lines with the stretches of one baseline joined (outside tables and column blocks)."""
    out: list[Line] = []
    for line in sorted(lines, key=lambda l: (l.row, l.x0)):
        if out and out[-1].row == line.row:
            out[-1] = out[-1].joined(line)
        else:
            out.append(line)
    return out


def _text_edges(lines: list[Line]) -> tuple[float, float]:
    """The body text column's left and right edges, from the page's fuller lines."""
    full = [line for line in lines if len(line.words) >= 4] or lines
    # most lines of justified text start and end at the margins; wider lines (a header) are not body
    mid_x0, mid_x1 = median(line.x0 for line in full), median(line.x1 for line in full)
    em = median(line.em for line in full)
    return (min(line.x0 for line in full if line.x0 >= mid_x0 - 2 * em),
            max(line.x1 for line in full if line.x1 <= mid_x1 + 2 * em))


def _page_items(page: PageContent, grids: list[Grid]) -> list[PageItem]:
    placed: list[tuple[float, int, object]] = []
    loose = page.words
    for grid in grids:
        inside = [w for w in loose if _in_grid(w, grid)]
        loose = [w for w in loose if not _in_grid(w, grid)]
        placed.append((grid.ys[0], 0, fill_grid(grid, inside, page.number)))
    lines = build_lines(loose)
    for block in two_column_blocks(lines, page.number):
        taken = {id(word) for line in block.lines for word in line.words}  # a block may part a line: go by words
        lines = [line for line in lines if id(line.words[0]) not in taken]
        placed.append((block.top, 0, block.table))
    lines = _rows_joined(lines)
    placed.extend((line.y0, 1, line) for line in lines)
    placed.sort(key=lambda item: (item[0], item[1]))
    left, right = _text_edges(lines) if lines else (0.0, page.width)
    items: list[PageItem] = []
    run: list[Line] = []

    def flush() -> None:
        for group in split_paragraphs(run, left, right):
            items.append(ParagraphDraft(group, page.number, left, right))
        run.clear()

    for _, kind, item in placed:
        if kind == 1:
            run.append(item)
        else:
            flush()
            items.append(item)
    flush()
    return items


def _paragraph(draft: ParagraphDraft) -> Paragraph:
    text = unicodedata.normalize("NFC", join_lines(draft.lines))
    return Paragraph(text, bold=all(line.bold for line in draft.lines), page=draft.page)


def layout_pages(pages: list[PageContent]) -> list[Block]:
    """The blocks of a document's pages, in reading order (see the module docstring)."""
    grids = [find_grids(page.rules) for page in pages]
    pages = drop_running_text(pages, grids)
    items: list[PageItem] = []
    for page, page_grids in zip(pages, grids):
        page_items = _page_items(page, page_grids)
        if items and page_items:
            last, first = items[-1], page_items[0]
            if isinstance(last, Table) and isinstance(first, Table) and continues(last, first):
                items[-1] = join_tables(last, first)
                page_items = page_items[1:]
            elif isinstance(last, ParagraphDraft) and isinstance(first, ParagraphDraft) and last.continues_into(first):
                items[-1] = ParagraphDraft(last.lines + first.lines, last.page, last.left, last.right)
                page_items = page_items[1:]
        items.extend(page_items)
    return [_paragraph(item) if isinstance(item, ParagraphDraft) else item for item in items]
