"""A story's blocks in reading order: paragraphs and tables, then what hangs off them.

After a paragraph or table come the footnotes/endnotes it cites (as ``style="footnote"``
paragraphs) and, after a paragraph, the text boxes anchored in it (as plain paragraphs): a
body paragraph "Kế hoạch¹" reads as Paragraph("Kế hoạch") then Paragraph(<note 1>,
style="footnote"). Notes and text boxes are themselves stories read by :func:`read_blocks`,
which is why they live here with it rather than in modules of their own.
"""
from __future__ import annotations

from lxml import etree

from ingest.docx.numbering import ListCounters
from ingest.docx.ooxml import MC_CHOICE, MC_FALLBACK, P, TBL, TC, TR, TXBX_CONTENT, unwrap
from ingest.docx.pages import Pages
from ingest.docx.paragraphs import read_paragraph
from ingest.docx.story import Package, Story
from ingest.docx.tables import read_table
from ingest.model import Block, Paragraph

FOOTNOTE_STYLE = "footnote"


def read_blocks(container: etree._Element, story: Story, out: list[Block]) -> None:
    """Append the blocks of a body-like container (w:body, w:txbxContent) to ``out``."""
    for block in unwrap(container, (P, TBL)):
        if block.tag == TBL and (frame := _frame_cell(block)) is not None:
            read_blocks(frame, story, out)  # a one-cell table used as a frame: its content is the text
            continue
        if block.tag == TBL:
            table, notes = read_table(block, story)
            out.append(table)
            out.extend(_note_paragraphs(notes, story.package))
            continue
        para = read_paragraph(block, story, in_cell=False)
        if para.content:
            out.append(Paragraph(para.text, style=para.style, bold=para.bold, page=para.page))
        out.extend(_note_paragraphs(para.notes, story.package))
        for box in _top_text_boxes(block):
            box_blocks: list[Block] = []
            read_blocks(box, story, box_blocks)
            out.extend(_as_paragraphs(box_blocks, para.page))


def _frame_cell(tbl: etree._Element) -> etree._Element | None:
    """The only cell of a table that holds another table: a layout frame drawn around an
    appendix, whose inner table is the real one (flattening it would lose the task table)."""
    cells = [tc for tr in unwrap(tbl, (TR,)) for tc in unwrap(tr, (TC,))]
    if len(cells) == 1 and any(True for _ in unwrap(cells[0], (TBL,))):
        return cells[0]
    return None


# --------------------------------------------------------------------------------------------
# Text boxes
# --------------------------------------------------------------------------------------------


def _top_text_boxes(p: etree._Element) -> list[etree._Element]:
    """The w:txbxContent anchored in paragraph ``p`` itself (not inside another text box,
    and only from the branch of mc:AlternateContent that is read)."""
    boxes = []
    for box in p.iter(TXBX_CONTENT):
        ancestor = box.getparent()
        keep = True
        while ancestor is not None and ancestor is not p:
            if ancestor.tag == TXBX_CONTENT:
                keep = False
                break
            if ancestor.tag == MC_FALLBACK and ancestor.getparent().find(MC_CHOICE) is not None:
                keep = False
                break
            ancestor = ancestor.getparent()
        if keep:
            boxes.append(box)
    return boxes


def _as_paragraphs(blocks: list[Block], page: int | None) -> list[Paragraph]:
    """Text-box content as paragraphs on the host's page (a table in a box gives its cells)."""
    out = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(Paragraph(block.text, block.style, block.bold, page))
        else:
            for cell in sorted(block.cells, key=lambda c: (c.row, c.col)):
                out.extend(Paragraph(text, None, False, page) for text in cell.paragraphs if text)
    return out


# --------------------------------------------------------------------------------------------
# Footnotes and endnotes
# --------------------------------------------------------------------------------------------


def _note_paragraphs(refs: list[tuple[str, str, int | None]], package: Package) -> list[Paragraph]:
    """The text of each cited note as "footnote" paragraphs on the page of its reference.

    Endnotes get the same style: for the parsers both are notes outside the running text.
    A note is read as its own story (own list counters and fields, no page breaks).
    """
    out: list[Paragraph] = []
    for kind, note_id, page in refs:
        note = package.notes.get(kind, {}).get(note_id)
        if note is None:
            package.warn("docx_note", f"{kind} {note_id} is cited but not in the file")
            continue
        story = Story(package, ListCounters(package.numbering), Pages(enabled=False))
        blocks: list[Block] = []
        read_blocks(note, story, blocks)
        out.extend(Paragraph(p.text, FOOTNOTE_STYLE, p.bold, page) for p in _as_paragraphs(blocks, page))
    return out
