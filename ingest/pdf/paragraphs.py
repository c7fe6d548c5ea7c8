"""Lines -> paragraphs, by the signs a typesetter leaves: where a line stops short, where one starts.

A new paragraph starts at a line when

* the line before stopped although the first word of this one would have fitted after it
  (the writer pressed Enter; works for left, justified and centred text alike);
* this line starts further right than the one before (a first-line indent), unless both are
  centred on one axis;
* a wider gap than the usual line pitch separates them, or the font size or boldness changes;
* it starts with a list mark ("- ", "+ ", "•"), or with an item's label ("b) ", "2. ", "II. ") after a
  line that ended a sentence (what tells OCR's headings from the text above, as it gives no bold).

Lines of one paragraph are joined with a space, except after a hyphen glued to a word at a line
end ("117/QĐ-" + "UBND" -> "117/QĐ-UBND").

>>> from ingest.pdf.page import Word
>>> def line(text, x0, y0, x1): return Line(tuple(Word(t, x0 + 40 * i, y0, x0 + 40 * i + 30, y0 + 12, size=12)
...                                              for i, t in enumerate(text.split())))
>>> lines = [line("Căn cứ Luật", 100, 100, 0), line("Tổ chức", 72, 115, 0), line("Kế hoạch", 100, 130, 0)]
>>> [join_lines(p) for p in split_paragraphs(lines, left=72, right=200)]
['Căn cứ Luật Tổ chức', 'Kế hoạch']
>>> join_lines([line("số 117/QĐ-", 72, 100, 0), line("UBND ngày", 72, 115, 0)])
'số 117/QĐ-UBND ngày'
>>> join_lines([line("Trước ngày 15/12/202", 72, 100, 0), line("6", 72, 115, 0)]), join_lines([line("Quý IV/", 72, 100, 0), line("2026", 72, 115, 0)])
('Trước ngày 15/12/2026', 'Quý IV/2026')
>>> join_lines([line("năm 2025 và 12/2", 72, 100, 0), line("đơn vị", 72, 115, 0)])
'năm 2025 và 12/2 đơn vị'
>>> join_lines([line("Trung tâm VHTTDL", 72, 100, 0), line("; Cục Du lịch", 72, 115, 0)])
'Trung tâm VHTTDL; Cục Du lịch'
"""
from __future__ import annotations

from statistics import median

import regex

from ingest.pdf.lines import Line
from parsers.textutil import ROMAN

LIST_MARK = regex.compile(r"^[-+•–*]\s")  # "- Sở Nội vụ ...", "+ Kết quả ..."
ITEM_LABEL = regex.compile(rf"^(?:{ROMAN}|\d{{1,2}}|[a-zđ])[.)]\s")  # "b) Nhiệm vụ", "2. Mục tiêu", "II. NHIỆM VỤ"
SENTENCE_END = (".", ";", ":")
INDENT = 0.8  # em: a line starting this much right of the one before opens a paragraph
WIDER_PITCH = 1.45  # a gap between lines this many times the usual pitch separates paragraphs
SPACE = 0.3  # em: the width of a space, for the would-it-have-fitted test
CLOSING_PUNCTUATION = frozenset(",;:.)")
# a date or period cut inside its year at a line end, and the same made whole
PARTIAL_YEAR = regex.compile(r"(?:^|[/.-])(?:\d{1,2}|[IVX]{1,4})/\d{0,3}$")
FULL_YEAR = regex.compile(r"(?:^|[/.-]|\b)(?:\d{1,2}|[IVX]{1,4})/(?:19|20)\d\d[.,;:)]*$")


def _centred_pair(prev: Line, line: Line) -> bool:
    """Whether two lines share a centre but not a left edge (centred text, where a shorter line starts further right)."""
    return abs(line.mid_x - prev.mid_x) < 0.5 * prev.em and abs(line.x0 - prev.x0) > 0.5 * prev.em


def _would_fit(prev: Line, line: Line, left: float, right: float) -> bool:
    """Whether this line's first word would have fitted on the line before (so the break was deliberate)."""
    free = right - prev.x1
    if _centred_pair(prev, line) or (abs((prev.x0 - left) - (right - prev.x1)) < prev.em and prev.x0 - left > 2 * prev.em):
        free += prev.x0 - left  # a centred line could have grown on both sides
    first = line.words[0]
    return free > (first.x1 - first.x0) + SPACE * line.em + 0.5 * prev.em


def _pitch(lines: list[Line]) -> float:
    steps = [b.y0 - a.y0 for a, b in zip(lines, lines[1:]) if 0 < b.y0 - a.y0 < 3 * a.em]
    return median(steps) if steps else 1.2 * (lines[0].em if lines else 12)


def opens_paragraph(prev: Line, line: Line, left: float, right: float, pitch: float) -> bool:
    """Whether ``line`` starts a new paragraph after ``prev`` (see the module docstring)."""
    if line.y0 - prev.y0 > WIDER_PITCH * max(pitch, prev.em):
        return True
    if not line.same_size(prev) or line.bold != prev.bold:
        return True
    if LIST_MARK.match(line.text) or (ITEM_LABEL.match(line.text) and prev.text.endswith(SENTENCE_END)):
        return True
    if line.x0 - prev.x0 > INDENT * line.em and not _centred_pair(prev, line):
        return True
    return _would_fit(prev, line, left, right)


def split_paragraphs(lines: list[Line], left: float, right: float) -> list[list[Line]]:
    """Consecutive lines of one text column (its edges ``left``/``right``) grouped into paragraphs."""
    if not lines:
        return []
    pitch = _pitch(lines)
    groups = [[lines[0]]]
    for prev, line in zip(lines, lines[1:]):
        if opens_paragraph(prev, line, left, right, pitch):
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups


def join_lines(lines: list[Line]) -> str:
    """The text of lines of one paragraph (see the module docstring on hyphens and broken dates)."""
    text = ""
    for line in lines:
        glued = text.endswith("-") and len(text) > 1 and not text[-2].isspace()
        # a column too narrow for "VHTTDL;" wraps its ";" alone: it still closes the word before
        glued = glued or line.text[:1] in CLOSING_PUNCTUATION
        if text and not glued and not _date_broken_at(text, line.text):
            text += " "
        text += line.text
    return text


def _date_broken_at(before: str, after: str) -> bool:
    """Whether a date or period was broken inside its year by a column too narrow for it
    ("Trước ngày 15/12/202" + "6", "Quý IV/20" + "26"): the halves only make sense joined."""
    tail, head = before.rsplit(" ", 1)[-1], after.split(" ", 1)[0]
    return bool(PARTIAL_YEAR.search(tail) and FULL_YEAR.search(tail + head) and not FULL_YEAR.search(tail))
