"""Read a Word .docx file into the document model, as a reader of the printed page sees it.

The reader walks the WordprocessingML of the main document part with lxml (python-docx only
opens the package and finds the parts) and produces :class:`ingest.model.Document` blocks:

* paragraphs and tables in body order, looking inside content controls (``w:sdt``);
* Word's automatic numbering rendered in front of the text ("I. ", "1.1. ", "a) ", "- ");
* merged table cells as one :class:`Cell` with its spans;
* footnotes/endnotes as ``style="footnote"`` paragraphs right after the citing paragraph;
* text boxes as paragraphs after their host paragraph;
* page numbers from the page breaks Word recorded when it last laid the document out.

>>> read_docx(b"plain text, not a zip")
Traceback (most recent call last):
...
ValueError: not a Word .docx file: it is not a ZIP package (the file is damaged or of another type)
"""
from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from typing import Iterator

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.styles import BabelFish
from lxml import etree

from ingest.model import Block, Cell, Document, Paragraph, Table

# --------------------------------------------------------------------------------------------
# XML names
# --------------------------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"


def _w(name: str) -> str:
    return f"{{{W_NS}}}{name}"


P, R, T, TBL, TR, TC = _w("p"), _w("r"), _w("t"), _w("tbl"), _w("tr"), _w("tc")
PPR, RPR, TCPR, TRPR = _w("pPr"), _w("rPr"), _w("tcPr"), _w("trPr")
SDT, SDT_CONTENT, CUSTOM_XML = _w("sdt"), _w("sdtContent"), _w("customXml")
TAB, PTAB, BR, CR = _w("tab"), _w("ptab"), _w("br"), _w("cr")
NO_BREAK_HYPHEN, SOFT_HYPHEN, SYM = _w("noBreakHyphen"), _w("softHyphen"), _w("sym")
LAST_RENDERED_PAGE_BREAK = _w("lastRenderedPageBreak")
FLD_CHAR, FLD_SIMPLE = _w("fldChar"), _w("fldSimple")
FOOTNOTE_REF, ENDNOTE_REF = _w("footnoteReference"), _w("endnoteReference")
HYPERLINK, SMART_TAG, INS, DEL = _w("hyperlink"), _w("smartTag"), _w("ins"), _w("del")
MOVE_TO, DIR, BDO = _w("moveTo"), _w("dir"), _w("bdo")
TXBX_CONTENT = _w("txbxContent")
P_STYLE, R_STYLE, NUM_PR, NUM_ID, ILVL = _w("pStyle"), _w("rStyle"), _w("numPr"), _w("numId"), _w("ilvl")
B, VANISH = _w("b"), _w("vanish")
SECT_PR, PAGE_BREAK_BEFORE = _w("sectPr"), _w("pageBreakBefore")
V_MERGE, H_MERGE = _w("vMerge"), _w("hMerge")
VAL, TYPE_ATTR, ID_ATTR = _w("val"), _w("type"), _w("id")
FLD_CHAR_TYPE, SYM_CHAR, SYM_FONT = _w("fldCharType"), _w("char"), _w("font")
ALTERNATE_CONTENT, MC_CHOICE, MC_FALLBACK = (f"{{{MC_NS}}}{n}" for n in ("AlternateContent", "Choice", "Fallback"))
MATH, MATH_PARA, MATH_T = f"{{{M_NS}}}oMath", f"{{{M_NS}}}oMathPara", f"{{{M_NS}}}t"

# Containers that only group runs: their runs are read as if they stood in the paragraph.
# w:ins (tracked insertion) and w:moveTo are kept because the reader sees the revised text.
_RUN_GROUPS = {HYPERLINK, SMART_TAG, CUSTOM_XML, INS, MOVE_TO, FLD_SIMPLE, DIR, BDO}
# Values of a toggle property (w:b, w:vanish) that switch it off.
_OFF = {"0", "false", "off"}

FOOTNOTE_STYLE = "footnote"


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _is_on(prop: etree._Element) -> bool:
    """A toggle property element is on unless its w:val says otherwise (``<w:b/>`` is on)."""
    return prop.get(VAL, "true").lower() not in _OFF


# --------------------------------------------------------------------------------------------
# Symbols (w:sym): fonts whose glyphs are addressed by code, not by Unicode character
# --------------------------------------------------------------------------------------------

# The Symbol font's Greek letters sit at the ASCII positions of their Latin look-alikes.
_SYMBOL_GREEK = dict(
    zip(
        "ABCDEFGHIKLMNOPQRSTUWXYZabcdefghijklmnopqrstuvwxyz",
        "ΑΒΧΔΕΦΓΗΙΚΛΜΝΟΠΘΡΣΤΥΩΞΨΖαβχδεφγηιϕκλμνοπθρστυϖωξψζ",
    )
)
_SYMBOL_FONT = {
    **{ord(k): v for k, v in _SYMBOL_GREEK.items()},
    0x22: "∀", 0x24: "∃", 0x27: "∋", 0x2A: "∗", 0x2D: "−", 0x40: "≅", 0x5E: "⊥",
    0xA3: "≤", 0xA5: "∞", 0xAB: "↔", 0xAC: "←", 0xAD: "↑", 0xAE: "→", 0xAF: "↓",
    0xB0: "°", 0xB1: "±", 0xB3: "≥", 0xB4: "×", 0xB7: "•", 0xB8: "÷", 0xB9: "≠",
    0xBA: "≡", 0xBB: "≈", 0xBC: "…", 0xD2: "®", 0xD3: "©", 0xD4: "™", 0xD7: "⋅",
    0xDB: "⇔", 0xDC: "⇐", 0xDE: "⇒", 0xE0: "◊",
}
_WINGDINGS_FONT = {
    0x6C: "●", 0x6E: "■", 0x71: "❑", 0x75: "◆", 0x76: "❖", 0x9F: "•", 0xA7: "▪",
    0xA8: "◻", 0xD8: "➢", 0xE0: "→", 0xE8: "➔", 0xF0: "⇨", 0xFB: "✗", 0xFC: "✓", 0xFE: "☑",
}
_SYMBOL_FONTS = {"symbol": _SYMBOL_FONT, "wingdings": _WINGDINGS_FONT}
# Word stores a symbol-font code either as-is or shifted into the private use area (F0xx).
_PRIVATE_SYMBOL_BASE = 0xF000


def _symbol_char(font: str, code: int) -> str | None:
    """The Unicode character a w:sym shows, or None if it has none.

    >>> _symbol_char("Symbol", 0xF0B7), _symbol_char("Times New Roman", 0x2013)
    ('•', '–')
    """
    table = _SYMBOL_FONTS.get(font.lower())
    is_private = 0xE000 <= code <= 0xF8FF
    if not is_private and (table is None or code >= 0x100):
        return chr(code)  # a real Unicode code point
    if table is None:
        return None  # a private-use glyph of a font we know nothing about
    if _PRIVATE_SYMBOL_BASE <= code <= _PRIVATE_SYMBOL_BASE + 0xFF:
        code -= _PRIVATE_SYMBOL_BASE
    if table is _SYMBOL_FONT and 0x20 <= code < 0x7F and code not in table:
        return chr(code)  # digits and most punctuation are ASCII in the Symbol font
    return table.get(code)


# --------------------------------------------------------------------------------------------
# Styles: names, inherited run toggles, inherited numbering
# --------------------------------------------------------------------------------------------


class _Styles:
    """The style sheet (styles.xml), with the look-ups the reader needs, following w:basedOn."""

    def __init__(self, root: etree._Element | None):
        self._by_id: dict[str, etree._Element] = {}
        self.default_paragraph: str | None = None
        self._default_rpr = None
        self._flag_cache: dict[tuple[str | None, str], bool | None] = {}
        if root is None:
            return
        for style in root.iterchildren(_w("style")):
            style_id = style.get(_w("styleId"))
            if style_id is None:
                continue
            self._by_id[style_id] = style
            if style.get(TYPE_ATTR) == "paragraph" and _is_on_attr(style.get(_w("default"))):
                self.default_paragraph = style_id
        defaults = root.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{RPR}")
        self._default_rpr = defaults

    def _chain(self, style_id: str | None) -> Iterator[etree._Element]:
        """The style and the styles it is based on, nearest first (cycles cut)."""
        seen = set()
        while style_id and style_id not in seen and style_id in self._by_id:
            seen.add(style_id)
            style = self._by_id[style_id]
            yield style
            based_on = style.find(_w("basedOn"))
            style_id = based_on.get(VAL) if based_on is not None else None

    def name(self, style_id: str | None) -> str | None:
        """Word's UI name of a paragraph style ("heading 1" is shown as "Heading 1")."""
        if style_id not in self._by_id:
            style_id = self.default_paragraph
        if style_id is None:
            return None
        name_el = self._by_id[style_id].find(_w("name"))
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
                    value = _is_on(found)
                    break
            self._flag_cache[key] = value
        return self._flag_cache[key]

    def default_flag(self, prop: str) -> bool:
        found = self._default_rpr.find(prop) if self._default_rpr is not None else None
        return _is_on(found) if found is not None else False

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
                ilvl = _int(num_pr.find(ILVL).get(VAL), 0)
        return num_id, ilvl

    def page_break_before(self, style_id: str | None) -> bool:
        for style in self._chain(style_id):
            found = style.find(f"{PPR}/{PAGE_BREAK_BEFORE}")
            if found is not None:
                return _is_on(found)
        return False


def _is_on_attr(value: str | None) -> bool:
    return value is not None and value.lower() not in _OFF


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


# --------------------------------------------------------------------------------------------
# Numbering: definitions (numbering.xml) and the running counters
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Level:
    """One w:lvl of a list definition."""

    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None  # w:lvlRestart: restart after this 1-based level; 0 = never
    legal: bool = False  # w:isLgl: show every level's number in Arabic digits
    suffix: str = "tab"
    style_id: str | None = None  # w:pStyle: the paragraph style tied to this level


def _child_val(el: etree._Element, name: str) -> str | None:
    found = el.find(_w(name))
    return found.get(VAL) if found is not None else None


def _parse_level(lvl: etree._Element) -> _Level:
    fmt = _child_val(lvl, "numFmt")
    if fmt is None:
        # Newer Word wraps custom formats ("001, 002") in mc:AlternateContent; the fallback
        # branch carries the plain format older readers understand.
        fallback = lvl.find(f"{ALTERNATE_CONTENT}/{MC_FALLBACK}/{_w('numFmt')}")
        fmt = fallback.get(VAL) if fallback is not None else "decimal"
    restart = _child_val(lvl, "lvlRestart")
    legal = lvl.find(_w("isLgl"))
    return _Level(
        start=_int(_child_val(lvl, "start"), 1),
        fmt=fmt,
        text=_child_val(lvl, "lvlText") or "",
        restart=_int(restart, 0) if restart is not None else None,
        legal=legal is not None and _is_on(legal),
        suffix=_child_val(lvl, "suff") or "tab",
        style_id=_child_val(lvl, "pStyle"),
    )


class _Numbering:
    """List definitions: w:num instances over w:abstractNum level sets, with overrides."""

    def __init__(self, root: etree._Element | None, styles: _Styles):
        self._abstract: dict[str, dict[int, _Level]] = {}
        self._style_link: dict[str, str] = {}  # abstractNum id -> w:numStyleLink style id
        self._num_abstract: dict[str, str] = {}
        self._overrides: dict[str, dict[int, tuple[int | None, _Level | None]]] = {}
        self._styles = styles
        self._cache: dict[str, dict[int, _Level]] = {}
        if root is None:
            return
        for abstract in root.iterchildren(_w("abstractNum")):
            abstract_id = abstract.get(_w("abstractNumId"))
            self._abstract[abstract_id] = {
                _int(lvl.get(ILVL), 0): _parse_level(lvl) for lvl in abstract.iterchildren(_w("lvl"))
            }
            link = _child_val(abstract, "numStyleLink")
            if link:
                self._style_link[abstract_id] = link
        for num in root.iterchildren(_w("num")):
            num_id = num.get(_w("numId"))
            self._num_abstract[num_id] = _child_val(num, "abstractNumId")
            overrides = {}
            for override in num.iterchildren(_w("lvlOverride")):
                start = _child_val(override, "startOverride")
                lvl = override.find(_w("lvl"))
                overrides[_int(override.get(ILVL), 0)] = (
                    _int(start, 1) if start is not None else None,
                    _parse_level(lvl) if lvl is not None else None,
                )
            self._overrides[num_id] = overrides

    def _abstract_levels(self, abstract_id: str | None, depth: int = 0) -> dict[int, _Level]:
        # An abstractNum with w:numStyleLink is a stub: its levels live in the list the
        # numbering style points to. Follow it (a few hops at most; cycles give up).
        link = self._style_link.get(abstract_id)
        if link and depth < 5:
            linked_num, _ = self._styles.numbering(link)
            target = self._num_abstract.get(linked_num)
            if target and target != abstract_id:
                return self._abstract_levels(target, depth + 1)
        return self._abstract.get(abstract_id, {})

    def levels(self, num_id: str) -> dict[int, _Level]:
        """The effective levels of list instance ``num_id`` (empty if it is not defined)."""
        if num_id not in self._cache:
            levels = dict(self._abstract_levels(self._num_abstract.get(num_id)))
            for ilvl, (start, replacement) in self._overrides.get(num_id, {}).items():
                level = replacement or levels.get(ilvl) or _Level()
                levels[ilvl] = level if start is None else _replace_start(level, start)
            self._cache[num_id] = levels
        return self._cache[num_id]

    def level_for_style(self, num_id: str, style_id: str | None) -> int | None:
        """The level whose w:pStyle is ``style_id`` (how heading styles pick their level)."""
        for ilvl, level in self.levels(num_id).items():
            if style_id is not None and level.style_id == style_id:
                return ilvl
        return None


def _replace_start(level: _Level, start: int) -> _Level:
    return _Level(start, level.fmt, level.text, level.restart, level.legal, level.suffix, level.style_id)


_ROMAN_DIGITS = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                 (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _roman(n: int) -> str:
    out = []
    for value, digits in _ROMAN_DIGITS:
        count, n = divmod(n, value)
        out.append(digits * count)
    return "".join(out)


def _format_number(n: int, fmt: str) -> str:
    """One counter value in a w:numFmt, as Word draws it.

    Word's letter sequence is the 26 Latin letters, then doubled letters (27 -> "aa").

    >>> [_format_number(n, f) for n, f in [(4, "upperRoman"), (2, "lowerLetter"), (27, "lowerLetter"), (7, "decimalZero")]]
    ['IV', 'b', 'aa', '07']
    """
    if fmt in ("lowerLetter", "upperLetter") and n > 0:
        letters = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman") and 0 < n < 4000:
        return _roman(n).upper() if fmt == "upperRoman" else _roman(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)  # decimal, and the formats a Vietnamese plan does not use (ordinal, ...)


# "%1" .. "%9" in w:lvlText stand for the current counter of level 1..9 (ilvl 0..8).
_LEVEL_PLACEHOLDER = re.compile(r"%(?P<level>[1-9])")
# What Word puts between the number and the text (w:suff); a tab reads as a gap.
_SUFFIXES = {"tab": " ", "space": " ", "nothing": ""}
_BULLET_LABEL = "- "


class _ListCounters:
    """Counters of every list instance (numId) met so far in one story, in reading order."""

    def __init__(self, numbering: _Numbering):
        self._numbering = numbering
        self._values: dict[str, dict[int, int]] = {}

    def next_label(self, num_id: str, ilvl: int) -> str:
        """Advance list ``num_id`` at level ``ilvl`` and return the label Word shows ("1.2. ")."""
        levels = self._numbering.levels(num_id)
        level = levels.get(ilvl)
        if level is None:
            return ""
        # Counters live per numId, as the brief asks: two w:num over one abstractNum count apart.
        counts = self._values.setdefault(num_id, {})
        counts[ilvl] = counts[ilvl] + 1 if ilvl in counts else level.start
        for deeper in [k for k in counts if k > ilvl]:
            restart = levels.get(deeper, _Level()).restart
            # No w:lvlRestart: any shallower level restarts it; 0: never; n: levels 1..n do.
            if restart is None or ilvl < restart:
                del counts[deeper]
        if level.fmt == "bullet":
            return _BULLET_LABEL

        def number(match: re.Match) -> str:
            ref = int(match["level"]) - 1
            ref_level = levels.get(ref, _Level())
            value = counts.get(ref, ref_level.start)
            fmt = "decimal" if level.legal or ref_level.fmt == "bullet" else ref_level.fmt
            return _format_number(value, fmt)

        label = _LEVEL_PLACEHOLDER.sub(number, level.text)
        if not label.strip():
            return ""
        return label + _SUFFIXES.get(level.suffix, " ")


# --------------------------------------------------------------------------------------------
# Pages
# --------------------------------------------------------------------------------------------


@dataclass(eq=False)
class _Slot:
    page: int | None = None


@dataclass
class _Pages:
    """The page counter: 1-based, or None throughout when the file records no page breaks.

    ``fresh`` is True while nothing has been printed since the last break: Word writes a
    w:lastRenderedPageBreak at the top of the page a hard break opened, and a break that
    opens an already empty page does not make another page, so such a break is not counted.
    """

    enabled: bool
    page: int = 1
    fresh: bool = True
    last_text_page: int = 1
    _waiting: list[_Slot] = field(default_factory=list)

    @property
    def current(self) -> int | None:
        return self.page if self.enabled else None

    def page_break(self) -> None:
        if not self.fresh:
            self.page += 1
            self.fresh = True

    def saw_text(self) -> None:
        self.fresh = False
        self.last_text_page = self.page
        for slot in self._waiting:
            slot.page = self.page
        self._waiting.clear()

    def watch(self) -> _Slot:
        """A slot that receives the page of the next printed text (where a block starts)."""
        slot = _Slot()
        self._waiting.append(slot)
        return slot

    def page_of(self, slot: _Slot) -> int | None:
        """The page the watched block starts on (the current page if it printed nothing)."""
        self._waiting = [waiting for waiting in self._waiting if waiting is not slot]
        if not self.enabled:
            return None
        return slot.page if slot.page is not None else self.page

    def state(self) -> tuple[int, bool]:
        return self.page, self.fresh

    def restore(self, state: tuple[int, bool]) -> None:
        self.page, self.fresh = state


# --------------------------------------------------------------------------------------------
# Reading context
# --------------------------------------------------------------------------------------------


@dataclass
class _Package:
    """What every story shares: style sheet, list definitions, notes, warnings."""

    styles: _Styles
    numbering: _Numbering
    notes: dict[str, dict[str, etree._Element]]  # "footnote"/"endnote" -> id -> w:footnote
    # pPr/w:sectPr -> does the next section start on a new page. Keyed by the element itself:
    # lxml keeps one proxy per node only while a reference lives, so id() would not be stable.
    section_breaks: dict[etree._Element, bool]
    warnings: list[tuple[str, str]]

    def warn(self, code: str, message: str) -> None:
        if (code, message) not in self.warnings:
            self.warnings.append((code, message))


@dataclass
class _Story:
    """State that runs through one story (the body, or one note) in reading order."""

    package: _Package
    counters: _ListCounters
    pages: _Pages
    # One entry per open complex field (w:fldChar begin): True once its result has begun.
    # Text shows only where every open field is in its result part.
    fields: list[bool] = field(default_factory=list)


@dataclass
class _ParagraphText:
    """What one w:p says: its text (label included), style, weight and the notes it cites."""

    text: str
    content: str  # the text without the numbering label, to tell an empty paragraph
    style: str | None
    bold: bool
    page: int | None
    notes: list[tuple[str, str, int | None]]  # (kind, note id, page of the reference)


# --------------------------------------------------------------------------------------------
# Paragraphs
# --------------------------------------------------------------------------------------------


class _RunReader:
    """Collects the visible text of one paragraph's runs."""

    def __init__(self, story: _Story, style_id: str | None, tab: str):
        self.story = story
        self.style_id = style_id
        self.tab = tab
        self.parts: list[str] = []
        self.chars = 0
        self.bold_chars = 0
        self.notes: list[tuple[str, str, int | None]] = []

    @property
    def _in_result(self) -> bool:
        return all(self.story.fields)

    def read(self, container: etree._Element) -> None:
        for child in container:
            tag = child.tag
            if tag == R:
                self._run(child)
            elif tag in _RUN_GROUPS:
                self.read(child)
            elif tag == SDT:
                content = child.find(SDT_CONTENT)
                if content is not None:
                    self.read(content)
            elif tag == ALTERNATE_CONTENT:
                self.read(_chosen_alternative(child))
            elif tag in (MATH, MATH_PARA):
                self._emit("".join(t.text or "" for t in child.iter(MATH_T)), bold=False)
            # w:del / w:moveFrom are tracked deletions (shown only in review mode, the text is
            # gone); w:pPr, bookmarks, proofing marks show nothing either.

    def _flag(self, rpr: etree._Element | None, prop: str) -> bool:
        styles = self.story.package.styles
        if rpr is not None:
            direct = rpr.find(prop)
            if direct is not None:
                return _is_on(direct)
            char_style = rpr.find(R_STYLE)
            if char_style is not None:
                value = styles.flag(char_style.get(VAL), prop)
                if value is not None:
                    return value
        value = styles.flag(self.style_id, prop)
        return value if value is not None else styles.default_flag(prop)

    def _run(self, run: etree._Element) -> None:
        rpr = run.find(RPR)
        hidden = self._flag(rpr, VANISH)
        bold = self._flag(rpr, B)
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
                # Literal U+00AD stays: in TCVN3-encoded text it is the letter "ư".
                self._emit(child.text or "", bold)
            elif tag in (TAB, PTAB):
                self._emit(self.tab, bold)
            elif tag == BR:
                self._emit("\n", bold)
                if child.get(TYPE_ATTR) == "page":
                    pages.page_break()
            elif tag == CR:
                self._emit("\n", bold)
            elif tag == NO_BREAK_HYPHEN:
                self._emit("-", bold)
            elif tag == SYM:
                self._symbol(child, bold)
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
        char = _symbol_char(font, code) if code is not None else None
        if char is None:
            self.story.package.warn("docx_symbol", f"symbol {sym.get(SYM_CHAR)} of font {font!r} has no Unicode equivalent; left out")
            return
        self._emit(char, bold)

    def _emit(self, text: str, bold: bool) -> None:
        if not text:
            return
        self.parts.append(text)
        visible = sum(1 for ch in text if not ch.isspace())
        if visible:
            self.story.pages.saw_text()
        self.chars += visible
        if bold:
            self.bold_chars += visible


def _int_hex(value: str | None) -> int | None:
    try:
        return int(value, 16) if value else None
    except ValueError:
        return None


def _chosen_alternative(alternate: etree._Element) -> etree._Element:
    """The branch of mc:AlternateContent to read: the first mc:Choice, else mc:Fallback.

    Both branches hold the same content (e.g. a text box as DrawingML and as VML); reading
    one keeps it from appearing twice.
    """
    choice = alternate.find(MC_CHOICE)
    if choice is not None:
        return choice
    fallback = alternate.find(MC_FALLBACK)
    return fallback if fallback is not None else etree.Element("empty")


def _read_paragraph(p: etree._Element, story: _Story, *, in_cell: bool) -> _ParagraphText:
    """Text of one w:p with its list label, as printed. Tabs read "\\t", in table cells " "."""
    package = story.package
    ppr = p.find(PPR)
    style_el = ppr.find(P_STYLE) if ppr is not None else None
    style_id = style_el.get(VAL) if style_el is not None else package.styles.default_paragraph

    if not in_cell and _breaks_page_before(ppr, style_id, package.styles):
        story.pages.page_break()
    slot = story.pages.watch()
    label = _list_label(ppr, style_id, story)
    reader = _RunReader(story, style_id, tab=" " if in_cell else "\t")
    reader.read(p)
    page = story.pages.page_of(slot)
    sect_pr = ppr.find(SECT_PR) if ppr is not None else None
    if sect_pr is not None and package.section_breaks.get(sect_pr, False):
        story.pages.page_break()

    content = _nfc("".join(reader.parts)).strip()
    return _ParagraphText(
        text=_nfc(label + content) if content else content,
        content=content,
        style=package.styles.name(style_id),
        bold=reader.chars > 0 and reader.bold_chars * 2 > reader.chars,
        page=page,
        notes=reader.notes,
    )


def _breaks_page_before(ppr: etree._Element | None, style_id: str | None, styles: _Styles) -> bool:
    direct = ppr.find(PAGE_BREAK_BEFORE) if ppr is not None else None
    if direct is not None:
        return _is_on(direct)
    return styles.page_break_before(style_id)


def _list_label(ppr: etree._Element | None, style_id: str | None, story: _Story) -> str:
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
        ilvl = _int(direct_ilvl.get(VAL), 0)
    elif style_ilvl is not None:
        ilvl = style_ilvl
    else:
        ilvl = numbering.level_for_style(num_id, style_id) or 0
    if not numbering.levels(num_id):
        story.package.warn("docx_numbering", f"paragraph uses list {num_id}, which numbering.xml does not define; no number shown")
        return ""
    return story.counters.next_label(num_id, ilvl)


# --------------------------------------------------------------------------------------------
# Block structure: body, content controls, tables
# --------------------------------------------------------------------------------------------


def _unwrap(container: etree._Element, wanted: tuple[str, ...]) -> Iterator[etree._Element]:
    """Children of ``container`` with a ``wanted`` tag, looking through content controls
    (w:sdt/w:sdtContent) and custom XML wrappers, which only group what they hold."""
    for child in container:
        tag = child.tag
        if tag in wanted:
            yield child
        elif tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from _unwrap(content, wanted)
        elif tag == CUSTOM_XML:
            yield from _unwrap(child, wanted)
        elif tag == ALTERNATE_CONTENT:
            yield from _unwrap(_chosen_alternative(child), wanted)


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
    span = max(1, _int(_child_val(tcpr, "gridSpan"), 1))
    v_merge_el = tcpr.find(V_MERGE)
    v_merge = None if v_merge_el is None else (v_merge_el.get(VAL) or "continue")
    h_merge_el = tcpr.find(H_MERGE)
    h_continue = h_merge_el is not None and (h_merge_el.get(VAL) or "continue") == "continue"
    return span, v_merge, h_continue


def _row_is_deleted(tr: etree._Element) -> bool:
    trpr = tr.find(TRPR)
    return trpr is not None and trpr.find(DEL) is not None


def _read_table(tbl: etree._Element, story: _Story) -> tuple[Table, list[tuple[str, str, int | None]]]:
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
    rows = [tr for tr in _unwrap(tbl, (TR,)) if not _row_is_deleted(tr)]
    for r, tr in enumerate(rows):
        trpr = tr.find(TRPR)
        col = _int(_child_val(trpr, "gridBefore"), 0) if trpr is not None else 0
        row_start = pages.state()
        row_ends = []
        continued: dict[int, _CellDraft] = {}
        last: _CellDraft | None = None
        for tc in _unwrap(tr, (TC,)):
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


def _cell_paragraphs(tc: etree._Element, story: _Story) -> tuple[list[str], list[tuple[str, str, int | None]]]:
    """One string per w:p of a cell, empty ones included (their position carries meaning:
    a cell merged over two columns may leave the first column's paragraph empty)."""
    paragraphs: list[str] = []
    notes: list[tuple[str, str, int | None]] = []
    for block in _unwrap(tc, (P, TBL)):
        if block.tag == P:
            para = _read_paragraph(block, story, in_cell=True)
            paragraphs.append(para.text)
            notes.extend(para.notes)
        else:
            # A table nested in a cell is flattened: its cells' paragraphs join this cell's,
            # row by row, left to right. The model has no nested tables, and the parsers
            # only need the words.
            nested, nested_notes = _read_table(block, story)
            for cell in sorted(nested.cells, key=lambda c: (c.row, c.col)):
                paragraphs.extend(cell.paragraphs)
            notes.extend(nested_notes)
    return paragraphs, notes


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


def _read_blocks(container: etree._Element, story: _Story, out: list[Block]) -> None:
    """Append the blocks of a body-like container (w:body, w:txbxContent) to ``out``."""
    for block in _unwrap(container, (P, TBL)):
        if block.tag == TBL:
            table, notes = _read_table(block, story)
            out.append(table)
            out.extend(_note_paragraphs(notes, story.package))
            continue
        para = _read_paragraph(block, story, in_cell=False)
        if para.content:
            out.append(Paragraph(para.text, style=para.style, bold=para.bold, page=para.page))
        out.extend(_note_paragraphs(para.notes, story.package))
        for box in _top_text_boxes(block):
            box_blocks: list[Block] = []
            _read_blocks(box, story, box_blocks)
            out.extend(_as_paragraphs(box_blocks, para.page))


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


def _note_paragraphs(refs: list[tuple[str, str, int | None]], package: _Package) -> list[Paragraph]:
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
        story = _Story(package, _ListCounters(package.numbering), _Pages(enabled=False))
        blocks: list[Block] = []
        _read_blocks(note, story, blocks)
        out.extend(Paragraph(p.text, FOOTNOTE_STYLE, p.bold, page) for p in _as_paragraphs(blocks, page))
    return out


def _notes_of(part_root: etree._Element | None, tag: str) -> dict[str, etree._Element]:
    if part_root is None:
        return {}
    return {note.get(ID_ATTR): note for note in part_root.iterchildren(_w(tag))}


# --------------------------------------------------------------------------------------------
# Package
# --------------------------------------------------------------------------------------------


def _open(data: bytes) -> "docx.document.Document":
    """The python-docx document, or ValueError saying in plain words why it is not one."""
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise ValueError("not a Word .docx file: it is an OLE file (an old binary .doc, or a password-protected .docx)")
    if data[:5] == b"%PDF-":
        raise ValueError("not a Word .docx file: it is a PDF")
    try:
        return docx.Document(io.BytesIO(data))
    except zipfile.BadZipFile as err:
        raise ValueError("not a Word .docx file: it is not a ZIP package (the file is damaged or of another type)") from err
    except KeyError as err:
        raise ValueError(f"not a Word .docx file: the package lacks a part it needs ({err})") from err
    except PackageNotFoundError as err:
        raise ValueError(f"not a Word .docx file: {err}") from err
    except etree.XMLSyntaxError as err:
        raise ValueError(f"not a Word .docx file: its XML is damaged ({err})") from err
    except ValueError as err:  # python-docx: a ZIP of another kind (.xlsx, .pptx, ...)
        raise ValueError(f"not a Word .docx file: {err}") from err


def _related_root(document_part, reltype: str, warnings: list[tuple[str, str]]) -> etree._Element | None:
    """The XML root of the part related to the main part by ``reltype`` (None if absent)."""
    try:
        part = document_part.part_related_by(reltype)
    except KeyError:
        return None
    element = getattr(part, "element", None)
    if element is not None:
        return element
    try:
        return etree.fromstring(part.blob)
    except etree.XMLSyntaxError as err:
        warnings.append(("docx_part", f"{part.partname} is damaged and was skipped ({err})"))
        return None


def _section_breaks(body: etree._Element) -> dict[etree._Element, bool]:
    """For each section that ends inside the body (w:pPr/w:sectPr): does the next section start
    on a new page? The type of a break is written on the section that follows it."""
    sections = [s for s in body.iter(SECT_PR)]
    breaks = {}
    for this, following in zip(sections, sections[1:]):
        kind = _child_val(following, "type") or "nextPage"
        breaks[this] = kind in ("nextPage", "oddPage", "evenPage")
    return breaks


def _records_pages(body: etree._Element, section_breaks: dict[etree._Element, bool]) -> bool:
    """Whether the file says anything about pages: Word's rendered breaks, hard page breaks
    or sections that start on a new page."""
    for _ in body.iter(LAST_RENDERED_PAGE_BREAK):
        return True
    return any(section_breaks.values()) or any(br.get(TYPE_ATTR) == "page" for br in body.iter(BR))


def read_docx(data: bytes) -> Document:
    """Read the bytes of a .docx file into a :class:`Document` (``source_format="docx"``).

    Raises ValueError("not a Word .docx file: ...") for anything that is not one.

    >>> import docx as python_docx, io
    >>> made = python_docx.Document(); _ = made.add_paragraph("Kế hoạch", style="Title")
    >>> buffer = io.BytesIO(); made.save(buffer)
    >>> read_docx(buffer.getvalue()).blocks
    [Paragraph(text='Kế hoạch', style='Title', bold=False, page=None)]
    """
    opened = _open(data)
    part = opened.part
    warnings: list[tuple[str, str]] = []
    styles = _Styles(_related_root(part, RT.STYLES, warnings))
    numbering = _Numbering(_related_root(part, RT.NUMBERING, warnings), styles)
    notes = {
        "footnote": _notes_of(_related_root(part, RT.FOOTNOTES, warnings), "footnote"),
        "endnote": _notes_of(_related_root(part, RT.ENDNOTES, warnings), "endnote"),
    }
    body = opened.element.body
    section_breaks = _section_breaks(body)
    package = _Package(styles, numbering, notes, section_breaks, warnings)
    pages = _Pages(enabled=_records_pages(body, section_breaks))
    story = _Story(package, _ListCounters(numbering), pages)
    blocks: list[Block] = []
    _read_blocks(body, story, blocks)
    return Document(
        blocks=blocks,
        source_format="docx",
        pages=pages.last_text_page if pages.enabled else None,
        warnings=package.warnings,
    )
