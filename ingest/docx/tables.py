"""Tables (w:tbl) as grids of merged cells.

A cell with ``<w:gridSpan w:val="2"/>`` becomes one :class:`Cell` with ``colspan=2``; a
``<w:vMerge w:val="restart"/>`` cell and the ``<w:vMerge/>`` cells below it become one cell
with the rows it covers as ``rowspan``. A table nested in a cell is flattened into that cell.
"""
from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from ingest.docx.ooxml import DEL, H_MERGE, P, TBL, TC, TCPR, TR, TRPR, V_MERGE, VAL, child_val, parse_int, unwrap
from ingest.docx.paragraphs import read_paragraph
from ingest.docx.story import Story
from ingest.model import Cell, Table


@dataclass
class _CellDraft:
    """A cell while its table is being read; vertical merges grow ``rowspan``."""

    row: int
    col: int
    colspan: int
    paragraphs: list[str]
    rowspan: int = 1


def _cell_props(tc: etree._Element) -> tuple[int, str | None, bool]:
    """(gridSpan, vMerge state "restart"/"continue"/None, legacy hMerge continue)."""
    tcpr = tc.find(TCPR)
    if tcpr is None:
        return 1, None, False
    span = max(1, parse_int(child_val(tcpr, "gridSpan"), 1))
    v_merge_el = tcpr.find(V_MERGE)
    v_merge = None if v_merge_el is None else (v_merge_el.get(VAL) or "continue")
    h_merge_el = tcpr.find(H_MERGE)
    h_continue = h_merge_el is not None and (h_merge_el.get(VAL) or "continue") == "continue"
    return span, v_merge, h_continue


def _row_is_deleted(tr: etree._Element) -> bool:
    trpr = tr.find(TRPR)
    return trpr is not None and trpr.find(DEL) is not None


def read_table(tbl: etree._Element, story: Story) -> tuple[Table, list[tuple[str, str, int | None]]]:
    """A w:tbl as a grid of merged cells, plus the notes its cells cite.

    Page breaks inside a row are counted once per row: when a row splits across pages Word
    marks the break in every cell that continues, so the row moves the page counter by the
    most any one of its cells does.
    """
    pages = story.pages
    slot = pages.watch()
    drafts: list[_CellDraft] = []
    notes: list[tuple[str, str, int | None]] = []
    open_merges: dict[int, _CellDraft] = {}  # start column -> top cell of a running vMerge
    rows = [tr for tr in unwrap(tbl, (TR,)) if not _row_is_deleted(tr)]
    for r, tr in enumerate(rows):
        trpr = tr.find(TRPR)
        col = parse_int(child_val(trpr, "gridBefore"), 0) if trpr is not None else 0
        row_start = pages.state()
        row_ends = []
        continued: dict[int, _CellDraft] = {}
        last: _CellDraft | None = None
        for tc in unwrap(tr, (TC,)):
            span, v_merge, h_continue = _cell_props(tc)
            top = open_merges.get(col)
            if v_merge == "continue" and top is not None and top.colspan == span:
                # A continued slot belongs to the top cell; Word does not show its content.
                top.rowspan += 1
                continued[col] = top
            elif h_continue and last is not None:
                last.colspan += span  # legacy horizontal merge (pre-gridSpan files)
            else:
                pages.restore(row_start)
                paragraphs, cell_notes = _cell_paragraphs(tc, story)
                row_ends.append(pages.state())
                notes.extend(cell_notes)
                last = _CellDraft(r, col, span, paragraphs)
                drafts.append(last)
                if v_merge is not None:  # "restart", or a stray "continue" that starts afresh
                    if v_merge == "continue":
                        story.package.warn("docx_vmerge", "a vertically merged cell continues nothing above it; read as its own cell")
                    continued[col] = last
            col += span
        open_merges = continued
        if row_ends:
            pages.restore((max(p for p, _ in row_ends), all(fresh for _, fresh in row_ends)))
    cells = tuple(
        Cell("\n".join(d.paragraphs), d.row, d.col, d.rowspan, d.colspan, tuple(d.paragraphs))
        for d in drafts
    )
    return Table(cells=cells, page=pages.page_of(slot)), notes


def _cell_paragraphs(tc: etree._Element, story: Story) -> tuple[list[str], list[tuple[str, str, int | None]]]:
    """One string per w:p of a cell, empty ones included (their position carries meaning:
    a cell merged over two columns may leave the first column's paragraph empty)."""
    paragraphs: list[str] = []
    notes: list[tuple[str, str, int | None]] = []
    for block in unwrap(tc, (P, TBL)):
        if block.tag == P:
            para = read_paragraph(block, story, in_cell=True)
            paragraphs.append(para.text)
            notes.extend(para.notes)
        else:
            # A table nested in a cell is flattened: its cells' paragraphs join this cell's,
            # row by row, left to right. The model has no nested tables, and the parsers
            # only need the words.
            nested, nested_notes = read_table(block, story)
            for cell in sorted(nested.cells, key=lambda c: (c.row, c.col)):
                paragraphs.extend(cell.paragraphs)
            notes.extend(nested_notes)
    return paragraphs, notes
