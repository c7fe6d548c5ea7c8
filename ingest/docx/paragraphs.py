"""One w:p as printed: its list label, its visible text, style name, weight and page.

A paragraph numbered by Word's list "%1." whose runs say "Mục tiêu" reads "1. Mục tiêu";
its label is drawn even though the file stores no number.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from lxml import etree

from ingest.docx.ooxml import ILVL, NUM_ID, NUM_PR, P_STYLE, PAGE_BREAK_BEFORE, PPR, SECT_PR, VAL, is_on, parse_int
from ingest.docx.runs import RunReader
from ingest.docx.story import Story
from ingest.docx.styles import Styles


@dataclass
class ParagraphText:
    """What one w:p says: its text (label included), style, weight and the notes it cites."""

    text: str
    content: str  # the text without the numbering label, to tell an empty paragraph
    style: str | None
    bold: bool
    page: int | None
    notes: list[tuple[str, str, int | None]]  # (kind, note id, page of the reference)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def read_paragraph(p: etree._Element, story: Story, *, in_cell: bool) -> ParagraphText:
    """Text of one w:p with its list label, as printed. Tabs read "\\t", in table cells " "."""
    package = story.package
    ppr = p.find(PPR)
    style_el = ppr.find(P_STYLE) if ppr is not None else None
    style_id = style_el.get(VAL) if style_el is not None else package.styles.default_paragraph

    if not in_cell and _breaks_page_before(ppr, style_id, package.styles):
        story.pages.page_break()
    slot = story.pages.watch()
    label = _list_label(ppr, style_id, story)
    reader = RunReader(story, style_id, tab=" " if in_cell else "\t")
    reader.read(p)
    page = story.pages.page_of(slot)
    sect_pr = ppr.find(SECT_PR) if ppr is not None else None
    if sect_pr is not None and package.section_breaks.get(sect_pr, False):
        story.pages.page_break()

    content = _nfc("".join(reader.parts)).strip()
    return ParagraphText(
        text=_nfc(label + content) if content else content,
        content=content,
        style=package.styles.name(style_id),
        bold=reader.chars > 0 and reader.bold_chars * 2 > reader.chars,
        page=page,
        notes=reader.notes,
    )


def _breaks_page_before(ppr: etree._Element | None, style_id: str | None, styles: Styles) -> bool:
    direct = ppr.find(PAGE_BREAK_BEFORE) if ppr is not None else None
    if direct is not None:
        return is_on(direct)
    return styles.page_break_before(style_id)


def _list_label(ppr: etree._Element | None, style_id: str | None, story: Story) -> str:
    """The automatic number of a paragraph ("" if none), advancing its list's counters.

    The paragraph's own w:numPr wins over its style's; numId 0 switches numbering off. A
    style-numbered paragraph without a level takes the level tied to its style, else 0.
    """
    numbering = story.package.numbering
    style_num, style_ilvl = story.package.styles.numbering(style_id)
    num_pr = ppr.find(NUM_PR) if ppr is not None else None
    direct_num = num_pr.find(NUM_ID) if num_pr is not None else None
    direct_ilvl = num_pr.find(ILVL) if num_pr is not None else None
    num_id = direct_num.get(VAL) if direct_num is not None else style_num
    if not num_id or num_id == "0":
        return ""
    if direct_ilvl is not None:
        ilvl = parse_int(direct_ilvl.get(VAL), 0)
    elif style_ilvl is not None:
        ilvl = style_ilvl
    else:
        ilvl = numbering.level_for_style(num_id, style_id) or 0
    if not numbering.levels(num_id):
        story.package.warn("docx_numbering", f"paragraph uses list {num_id}, which numbering.xml does not define; no number shown")
        return ""
    return story.counters.next_label(num_id, ilvl)
