"""Sections: the numbered/lettered heading tree of a document's body, with body text.

A section opens at a paragraph labeled "I." (Roman), "1." (Arabic), "1.1." (nested Arabic)
or "a)" (letter). Its level counts the open headings it sits in, the styles nesting in that
order, so I./1./a) give 1/2/3, a plan without Roman chapters starts at "1." = 1, and an "a)"
right under "1." is one level below it whatever other parts of the document use. Bullets ("- ...")
are body text. Sections are read from the body only: the header block, tables, footnotes,
the recipients list and anything after the signature (the appendix) are left out.

>>> from ingest.model import Paragraph
>>> secs = parse_sections([Paragraph("I. MỤC TIÊU"), Paragraph("1. Mục tiêu"), Paragraph("- Đẩy mạnh"),
...                        Paragraph("a) Sở Nội vụ: chủ trì")])
>>> [(s.level, s.label, s.heading, s.text) for s in secs]
[(1, 'I', 'MỤC TIÊU', None), (2, '1', 'Mục tiêu', '- Đẩy mạnh'), (3, 'a', 'Sở Nội vụ', None)]
"""
from __future__ import annotations

from dataclasses import dataclass
import regex

from ingest.model import Paragraph
from parsers.layout import layout_patterns
from parsers.numerals import ROMAN_LIKE_PIECE, misread_as, next_numeral, skipped_numerals
from parsers.textutil import ROMAN, fold, is_upper_text, roman_value

# label styles (their nesting order is STYLE_ORDER; label_of tries "nested" first so "1.2." is not read as "1.")
LABEL_STYLES = {
    "roman": rf"(?P<label>{ROMAN})\s*[.)]",
    "nested": r"(?P<label>\d{1,2}(?:\.\d{1,2})+)\.?",
    "arabic": r"(?P<label>\d{1,2})\s*[.)]",
    "letter": r"(?P<label>[a-zđ])\s*\)",
}
STYLE_ORDER = ["roman", "arabic", "nested", "letter"]  # outermost first
LABEL = {name: regex.compile(rf"^\s*{piece}\s+(?=\S)") for name, piece in LABEL_STYLES.items()}
# a chapter heading in capitals whose numeral OCR bent ("IL.MỤC ĐÍCH"): kept as a Roman label
# only where the chapters around it show which numeral it is (_relabel_skipped_numerals)
BENT_ROMAN = regex.compile(rf"^\s*(?P<label>{ROMAN_LIKE_PIECE})\s*\.\s*(?=\p{{Lu}})")
# a run-in heading stops at its colon when the lead-in is short ("a) Sở Nội vụ: chủ trì ...")
RUN_IN = regex.compile(r"^(?P<lead>[^:]{2,120}?)\s*:\s*\S")
MAX_HEADING = 300


@dataclass(frozen=True)
class Section:
    position: int  # 1-based order in the document
    level: int
    label: str
    heading: str
    text: str | None
    parent_position: int | None
    block_index: int  # index of the heading paragraph among the paragraphs given


def _stops():
    patterns = layout_patterns()
    return patterns["recipients"], patterns["appendix"]


def label_of(text: str) -> tuple[str, str, str] | None:
    """(style, label, rest) of a labeled paragraph, else None.

    >>> label_of("II. NỘI DUNG"), label_of("1.2. Rà soát"), label_of("- gạch đầu dòng")
    (('roman', 'II', 'NỘI DUNG'), ('nested', '1.2', 'Rà soát'), None)
    """
    for style in ("nested", "roman", "arabic", "letter"):
        if m := LABEL[style].match(text):
            return style, m["label"], text[m.end():].strip()
    return None


def heading_of(rest: str) -> str:
    """The heading: a run-in paragraph's lead-in up to its colon, else the paragraph (capped)."""
    if m := RUN_IN.match(rest):
        return m["lead"].strip()
    return rest if len(rest) <= MAX_HEADING else rest[:MAX_HEADING].rsplit(" ", 1)[0]


def parse_sections(paragraphs: list[Paragraph]) -> list[Section]:
    """Body paragraphs in order -> sections (see the module docstring)."""
    body: list[tuple[int, str]] = []  # (paragraph index, text) up to the recipients or the appendix
    hits: dict[int, tuple[str, str, str]] = {}
    recipients, appendix = _stops()
    for i, para in enumerate(paragraphs):
        text = fold(para.text)
        if not text or para.style == "footnote":
            continue
        if recipients.match(text) or (appendix.match(text) and hits):
            break
        body.append((i, text))
        hit = label_of(text) or _bent_roman(text)
        if hit and not _is_list_noise(hit):
            hits[i] = hit
    _correct_chapter_numerals(hits)
    labeled: list[tuple[int, str, str, str]] = []  # (paragraph index, style, label, rest)
    body_of: dict[int, list[str]] = {}
    for i, text in body:
        if i in hits:
            labeled.append((i, *hits[i]))
            body_of[i] = []
        elif labeled:
            body_of[labeled[-1][0]].append(text)
    sections: list[Section] = []
    stack: list[tuple[str, int]] = []  # (label style, position) of the open headings, outermost first
    for position, (i, style, label, rest) in enumerate(labeled, start=1):
        rank = STYLE_ORDER.index(style)
        # close the headings this one ends: the same style (a sibling) and every style nested deeper
        while stack and STYLE_ORDER.index(stack[-1][0]) >= rank:
            stack.pop()
        parent = stack[-1][1] if stack else None
        stack.append((style, position))
        body = " ".join(body_of[i]) or None
        sections.append(Section(position, len(stack), label, heading_of(rest), body, parent, i))
    return sections


def _bent_roman(text: str) -> tuple[str, str, str] | None:
    """("roman", label as read, rest) for a heading in capitals whose numeral OCR bent, else None."""
    m = BENT_ROMAN.match(text)
    rest = text[m.end():].strip() if m else ""
    return ("roman", m["label"], rest) if m and roman_value(m["label"]) is None and is_upper_text(rest) else None


def _correct_chapter_numerals(hits: dict[int, tuple[str, str, str]]) -> None:
    """Roman chapters the sequence corrects (OCR's "IL", "II", "III" or "I", "II", "II", "IV") take the
    numeral it calls for, as does a chapter read as a known misreading of the numeral after the
    one above ("HI" after "II"); a bent label nothing vouches for is body text."""
    roman = [i for i, (style, _, _) in hits.items() if style == "roman"]
    fixes = skipped_numerals([hits[i][1] for i in roman])
    above = None
    for k, i in enumerate(roman):
        style, label, rest = hits[i]
        expected = next_numeral(above)
        label = fixes.get(k) or (expected if expected and misread_as(label, expected) else label)
        if roman_value(label) is None:
            del hits[i]
        else:
            hits[i], above = (style, label, rest), label


def _is_list_noise(hit: tuple[str, str, str]) -> bool:
    """A label followed by no word is not a heading ("1. 000 đồng", "2) 15%")."""
    _style, _label, rest = hit
    return not regex.match(r"^[\p{L}\"“(]", rest)
