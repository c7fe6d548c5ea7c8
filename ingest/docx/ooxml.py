"""WordprocessingML names and the small XML helpers every other module of the reader uses.

Tags are Clark names (``{namespace}local``), the form lxml reports, so the reader compares
``child.tag == P`` instead of resolving prefixes: ``w("p")``, and so ``P``, is
``"{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"``.
"""
from __future__ import annotations

from typing import Iterator

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"


def w(name: str) -> str:
    """The Clark name of the WordprocessingML tag or attribute ``name`` (``w("p") == P``)."""
    return f"{{{W_NS}}}{name}"


P, R, T, TBL, TR, TC = w("p"), w("r"), w("t"), w("tbl"), w("tr"), w("tc")
PPR, RPR, TCPR, TRPR = w("pPr"), w("rPr"), w("tcPr"), w("trPr")
SDT, SDT_CONTENT, CUSTOM_XML = w("sdt"), w("sdtContent"), w("customXml")
TAB, PTAB, BR, CR = w("tab"), w("ptab"), w("br"), w("cr")
NO_BREAK_HYPHEN, SOFT_HYPHEN, SYM = w("noBreakHyphen"), w("softHyphen"), w("sym")
LAST_RENDERED_PAGE_BREAK = w("lastRenderedPageBreak")
FLD_CHAR, FLD_SIMPLE = w("fldChar"), w("fldSimple")
FOOTNOTE_REF, ENDNOTE_REF = w("footnoteReference"), w("endnoteReference")
HYPERLINK, SMART_TAG, INS, DEL = w("hyperlink"), w("smartTag"), w("ins"), w("del")
MOVE_TO, DIR, BDO = w("moveTo"), w("dir"), w("bdo")
TXBX_CONTENT = w("txbxContent")
P_STYLE, R_STYLE, NUM_PR, NUM_ID, ILVL = w("pStyle"), w("rStyle"), w("numPr"), w("numId"), w("ilvl")
B, VANISH = w("b"), w("vanish")
SECT_PR, PAGE_BREAK_BEFORE = w("sectPr"), w("pageBreakBefore")
V_MERGE, H_MERGE = w("vMerge"), w("hMerge")
VAL, TYPE_ATTR, ID_ATTR = w("val"), w("type"), w("id")
FLD_CHAR_TYPE, SYM_CHAR, SYM_FONT = w("fldCharType"), w("char"), w("font")
ALTERNATE_CONTENT, MC_CHOICE, MC_FALLBACK = (f"{{{MC_NS}}}{n}" for n in ("AlternateContent", "Choice", "Fallback"))
MATH, MATH_PARA, MATH_T = f"{{{M_NS}}}oMath", f"{{{M_NS}}}oMathPara", f"{{{M_NS}}}t"

# Values of a toggle property (w:b, w:vanish) that switch it off.
_OFF = {"0", "false", "off"}


def is_on(prop: etree._Element) -> bool:
    """A toggle property element is on unless its w:val says otherwise (``<w:b/>`` is on)."""
    return prop.get(VAL, "true").lower() not in _OFF


def is_on_attr(value: str | None) -> bool:
    """A toggle attribute is on when present and not switched off (``w:default="1"`` is on)."""
    return value is not None and value.lower() not in _OFF


def parse_int(value: str | None, default: int) -> int:
    """An integer attribute, or ``default`` when it is absent or not a number ("2" -> 2, "x" -> default)."""
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def child_val(el: etree._Element, name: str) -> str | None:
    """The w:val of ``el``'s child w:``name`` (``<w:gridSpan w:val="2"/>`` gives "2"), or None."""
    found = el.find(w(name))
    return found.get(VAL) if found is not None else None


def chosen_alternative(alternate: etree._Element) -> etree._Element:
    """The branch of mc:AlternateContent to read: the first mc:Choice, else mc:Fallback.

    Both branches hold the same content (e.g. a text box as DrawingML and as VML); reading
    one keeps it from appearing twice.
    """
    choice = alternate.find(MC_CHOICE)
    if choice is not None:
        return choice
    fallback = alternate.find(MC_FALLBACK)
    return fallback if fallback is not None else etree.Element("empty")


def unwrap(container: etree._Element, wanted: tuple[str, ...]) -> Iterator[etree._Element]:
    """Children of ``container`` with a ``wanted`` tag, looking through content controls
    (w:sdt/w:sdtContent) and custom XML wrappers, which only group what they hold."""
    for child in container:
        tag = child.tag
        if tag in wanted:
            yield child
        elif tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from unwrap(content, wanted)
        elif tag == CUSTOM_XML:
            yield from unwrap(child, wanted)
        elif tag == ALTERNATE_CONTENT:
            yield from unwrap(chosen_alternative(child), wanted)
