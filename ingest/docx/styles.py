"""The style sheet (styles.xml): style names, inherited run toggles and fonts, inherited numbering.

Every look-up follows w:basedOn from the style outwards, nearest definition winning, as
Word does: a paragraph in "Heading1" (based on "Normal") is bold if "Heading1" says
``<w:b/>``, or if it says nothing and "Normal" does.
"""
from __future__ import annotations

from typing import Iterator

from docx.styles import BabelFish
from lxml import etree

from ingest.docx.ooxml import (
    ILVL, NUM_ID, NUM_PR, PAGE_BREAK_BEFORE, PPR, RPR, TYPE_ATTR, VAL, is_on, is_on_attr, parse_int, w,
)


class Styles:
    """The style sheet (styles.xml), with the look-ups the reader needs, following w:basedOn."""

    def __init__(self, root: etree._Element | None):
        self._by_id: dict[str, etree._Element] = {}
        self.default_paragraph: str | None = None
        self._default_rpr = None
        self._flag_cache: dict[tuple[str | None, str], bool | None] = {}
        self._font_cache: dict[str | None, str | None] = {}
        if root is None:
            return
        for style in root.iterchildren(w("style")):
            style_id = style.get(w("styleId"))
            if style_id is None:
                continue
            self._by_id[style_id] = style
            if style.get(TYPE_ATTR) == "paragraph" and is_on_attr(style.get(w("default"))):
                self.default_paragraph = style_id
        defaults = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{RPR}")
        self._default_rpr = defaults

    def _chain(self, style_id: str | None) -> Iterator[etree._Element]:
        """The style and the styles it is based on, nearest first (cycles cut)."""
        seen = set()
        while style_id and style_id not in seen and style_id in self._by_id:
            seen.add(style_id)
            style = self._by_id[style_id]
            yield style
            based_on = style.find(w("basedOn"))
            style_id = based_on.get(VAL) if based_on is not None else None

    def name(self, style_id: str | None) -> str | None:
        """Word's UI name of a paragraph style ("heading 1" is shown as "Heading 1")."""
        if style_id not in self._by_id:
            style_id = self.default_paragraph
        if style_id is None:
            return None
        name_el = self._by_id[style_id].find(w("name"))
        name = name_el.get(VAL) if name_el is not None else style_id
        return BabelFish.internal2ui(name)

    def flag(self, style_id: str | None, prop: str) -> bool | None:
        """A run toggle property (w:b, w:vanish) as a style chain sets it, else None."""
        key = (style_id, prop)
        if key not in self._flag_cache:
            value = None
            for style in self._chain(style_id):
                found = style.find(f"{RPR}/{prop}")
                if found is not None:
                    value = is_on(found)
                    break
            self._flag_cache[key] = value
        return self._flag_cache[key]

    def default_flag(self, prop: str) -> bool:
        found = self._default_rpr.find(prop) if self._default_rpr is not None else None
        return is_on(found) if found is not None else False

    def font(self, style_id: str | None) -> str | None:
        """The font a style chain sets for its runs' text (see :func:`run_font`), else None."""
        if style_id not in self._font_cache:
            found = (run_font(style.find(RPR)) for style in self._chain(style_id))
            self._font_cache[style_id] = next((name for name in found if name is not None), None)
        return self._font_cache[style_id]

    def default_font(self) -> str:
        """The document default run font ("" when the file names none)."""
        return run_font(self._default_rpr) or ""

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        """(numId, ilvl) a paragraph style gives its paragraphs, nearest definition winning."""
        num_id = ilvl = None
        for style in self._chain(style_id):
            num_pr = style.find(f"{PPR}/{NUM_PR}")
            if num_pr is None:
                continue
            if num_id is None and num_pr.find(NUM_ID) is not None:
                num_id = num_pr.find(NUM_ID).get(VAL)
            if ilvl is None and num_pr.find(ILVL) is not None:
                ilvl = parse_int(num_pr.find(ILVL).get(VAL), 0)
        return num_id, ilvl

    def page_break_before(self, style_id: str | None) -> bool:
        for style in self._chain(style_id):
            found = style.find(f"{PPR}/{PAGE_BREAK_BEFORE}")
            if found is not None:
                return is_on(found)
        return False


def run_font(rpr: etree._Element | None) -> str | None:
    """The font named by an rPr's w:rFonts for Latin text, or None where it names none.

    Characters above ASCII are drawn in the w:hAnsi font and ASCII in the w:ascii one; a
    legacy Vietnamese font is set in both, and w:hAnsi is the one its letters use. A theme
    font (w:hAnsiTheme) is never a legacy font, so it reads as "" (set, but none we convert).

    >>> rpr = etree.Element(RPR); _ = etree.SubElement(rpr, w("rFonts"), {w("ascii"): ".VnTime", w("hAnsi"): ".VnTime"})
    >>> run_font(rpr), run_font(etree.Element(RPR))
    ('.VnTime', None)
    """
    fonts = rpr.find(w("rFonts")) if rpr is not None else None
    if fonts is None:
        return None
    if fonts.get(w("hAnsiTheme")) or fonts.get(w("asciiTheme")):
        return ""
    return fonts.get(w("hAnsi")) or fonts.get(w("ascii"))
