"""The visible text of a paragraph's runs, as a reader of the printed page sees it.

Tabs, breaks and non-breaking hyphens become characters, w:sym glyphs become Unicode,
hidden (w:vanish) and deleted (w:del) text and field instructions are left out, and
footnote references are collected: ``<w:r><w:t>Kế</w:t><w:tab/><w:t>hoạch</w:t></w:r>``
reads "Kế\\thoạch" in the body. Text in a legacy Vietnamese font (.VnTime, VNI-Times) is
converted to Unicode (:mod:`ingest.legacy`) before anything else looks at it.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from lxml import etree

from ingest.docx.ooxml import (
    ALTERNATE_CONTENT, B, BDO, BR, CR, CUSTOM_XML, DIR, ENDNOTE_REF, FLD_CHAR, FLD_CHAR_TYPE, FLD_SIMPLE,
    FOOTNOTE_REF, HYPERLINK, ID_ATTR, INS, LAST_RENDERED_PAGE_BREAK, MATH, MATH_PARA, MATH_T, MOVE_TO,
    NO_BREAK_HYPHEN, PTAB, R, R_STYLE, RPR, SDT, SDT_CONTENT, SMART_TAG, SOFT_HYPHEN, SYM, SYM_CHAR, SYM_FONT,
    T, TAB, TYPE_ATTR, VAL, VANISH, chosen_alternative, is_on,
)
from ingest.docx.story import Story
from ingest.docx.styles import run_font
from ingest.docx.symbols import symbol_char
from ingest.legacy import font_encoding, font_text_to_unicode, legacy_warning

V = TypeVar("V")
# Containers that only group runs: their runs are read as if they stood in the paragraph.
# w:ins (tracked insertion) and w:moveTo are kept because the reader sees the revised text.
_RUN_GROUPS = {HYPERLINK, SMART_TAG, CUSTOM_XML, INS, MOVE_TO, FLD_SIMPLE, DIR, BDO}


class RunReader:
    """Collects the visible text of one paragraph's runs."""

    def __init__(self, story: Story, style_id: str | None, tab: str):
        self.story = story
        self.style_id = style_id
        self.tab = tab
        self.parts: list[str] = []
        self.chars = 0
        self.bold_chars = 0
        self.notes: list[tuple[str, str, int | None]] = []
        # Text in a legacy font waits here, with its font, until text in another font comes:
        # Word splits runs anywhere (an editing session, a spell check), even between a VNI
        # base letter and its tone mark, which convert only together.
        self._legacy_font = ""
        self._legacy_text: list[str] = []

    @property
    def _in_result(self) -> bool:
        return all(self.story.fields)

    def read(self, paragraph: etree._Element) -> None:
        """Read a paragraph's runs into :attr:`parts`."""
        self._read(paragraph)
        self._flush_legacy()

    def _read(self, container: etree._Element) -> None:
        for child in container:
            tag = child.tag
            if tag == R:
                self._run(child)
            elif tag in _RUN_GROUPS:
                self._read(child)
            elif tag == SDT:
                content = child.find(SDT_CONTENT)
                if content is not None:
                    self._read(content)
            elif tag == ALTERNATE_CONTENT:
                self._read(chosen_alternative(child))
            elif tag in (MATH, MATH_PARA):
                self._emit("".join(t.text or "" for t in child.iter(MATH_T)), bold=False)
            # w:del / w:moveFrom are tracked deletions (shown only in review mode, the text is
            # gone); w:pPr, bookmarks, proofing marks show nothing either.

    def _flag(self, rpr: etree._Element | None, prop: str) -> bool:
        styles = self.story.package.styles
        direct = rpr.find(prop) if rpr is not None else None
        if direct is not None:
            return is_on(direct)
        return self._inherited(rpr, lambda style_id: styles.flag(style_id, prop), lambda: styles.default_flag(prop))

    def _font(self, rpr: etree._Element | None) -> str:
        styles = self.story.package.styles
        direct = run_font(rpr)
        return direct if direct is not None else self._inherited(rpr, styles.font, styles.default_font)

    def _inherited(self, rpr: etree._Element | None, from_style: Callable[[str | None], V | None], default: Callable[[], V]) -> V:
        """A run property the run does not set itself: its character style's, else its
        paragraph style's, else the document default."""
        char_style = rpr.find(R_STYLE) if rpr is not None else None
        if char_style is not None:
            value = from_style(char_style.get(VAL))
            if value is not None:
                return value
        value = from_style(self.style_id)
        return value if value is not None else default()

    def _run(self, run: etree._Element) -> None:
        rpr = run.find(RPR)
        hidden = self._flag(rpr, VANISH)
        bold = self._flag(rpr, B)
        font = self._font(rpr)
        pages = self.story.pages
        for child in run:
            tag = child.tag
            if tag == FLD_CHAR:
                self._field_char(child.get(FLD_CHAR_TYPE))
            elif tag == LAST_RENDERED_PAGE_BREAK:
                pages.page_break()
            elif hidden or not self._in_result:
                continue
            elif tag == T:
                self._emit(child.text or "", bold, font)
            elif tag in (TAB, PTAB):
                self._emit(self.tab, bold, font)
            elif tag == BR:
                self._emit("\n", bold, font)
                if child.get(TYPE_ATTR) == "page":
                    pages.page_break()
            elif tag == CR:
                self._emit("\n", bold, font)
            elif tag == NO_BREAK_HYPHEN:
                self._emit("-", bold, font)
            elif tag == SYM:
                self._symbol(child, bold)
            elif tag == SOFT_HYPHEN and font_encoding(font) == "tcvn3":
                # TCVN3's "ư" is the soft-hyphen code (0xAD); LibreOffice writes it as this element
                self._emit("\u00ad", bold, font)
            elif tag == SOFT_HYPHEN:
                continue  # shows only where a line breaks at it; a reader joins the word
            elif tag == FOOTNOTE_REF:
                self.notes.append(("footnote", child.get(ID_ATTR), pages.current))
            elif tag == ENDNOTE_REF:
                self.notes.append(("endnote", child.get(ID_ATTR), pages.current))
            # Drawings, w:instrText
            # (field instructions) and w:delText are not text a reader sees in the flow.

    def _field_char(self, kind: str | None) -> None:
        fields = self.story.fields
        if kind == "begin":
            fields.append(False)
        elif kind == "separate" and fields:
            fields[-1] = True
        elif kind == "end" and fields:
            fields.pop()

    def _symbol(self, sym: etree._Element, bold: bool) -> None:
        font = sym.get(SYM_FONT) or ""
        code = _int_hex(sym.get(SYM_CHAR))
        char = symbol_char(font, code) if code is not None else None
        if char is None:
            self.story.package.warn("docx_symbol", f"symbol {sym.get(SYM_CHAR)} of font {font!r} has no Unicode equivalent; left out")
            return
        self._emit(char, bold)

    def _emit(self, text: str, bold: bool, font: str = "") -> None:
        if not text:
            return
        if font_encoding(font):
            if font != self._legacy_font:
                self._flush_legacy()
                self._legacy_font = font
            self._legacy_text.append(text)
        else:
            self._flush_legacy()
            self.parts.append(text)
        visible = sum(1 for ch in text if not ch.isspace())
        if visible:
            self.story.pages.saw_text()
        self.chars += visible
        if bold:
            self.bold_chars += visible


    def _flush_legacy(self) -> None:
        """Convert the legacy-font text waiting to be read, as one piece."""
        if self._legacy_text:
            self.parts.append(font_text_to_unicode("".join(self._legacy_text), self._legacy_font))
            self.story.package.warn(*legacy_warning(font_encoding(self._legacy_font)))
            self._legacy_text.clear()
        self._legacy_font = ""


def _int_hex(value: str | None) -> int | None:
    try:
        return int(value, 16) if value else None
    except ValueError:
        return None
