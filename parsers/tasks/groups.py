"""Group rows: a Roman numeral or capital letter with its title and nothing else, such as
"I | Thể chế | | " or "II. Nội dung: Cải cách thủ tục" in one cell; they give ``group_label``
and ``group_title`` ("I", "Thể chế") to the tasks under them (CONVENTIONS §2). A label OCR
misread ("H" for "II" after group "I", see :mod:`parsers.numerals`) is given the numeral
the sequence expects, and the label as read is kept for a diagnostic.

>>> from parsers.tasks.slots import Slot
>>> group_row({"stt": Slot("HI", True), "task": Slot("Tổ chức bộ máy", True), "lead": Slot("", True)}, [], previous_label="II")
Group(label='III', title='Tổ chức bộ máy', read_as='HI')
"""
from __future__ import annotations

from typing import NamedTuple

import regex

from ingest.model import Cell
from parsers.tasks.columns import cell_text
from parsers.numerals import misread_as, next_numeral
from parsers.tasks.slots import Slot
from parsers.tasks.vocabulary import group_title_prefix
from parsers.textutil import ROMAN, fold, is_upper_text

# what may follow a label: a dot, bracket or colon, a space, or nothing; then the title, if in the same cell
AFTER_LABEL = r"(?:\s*[.):]\s*|\s+|$)(?P<title>.*)$"
# a group row's label: a Roman numeral (or a sub-group of one, "III.1", "III.1.2") or one capital letter
GROUP_LABEL = regex.compile(rf"^(?P<label>{ROMAN}(?:\.\d{{1,2}})*|[A-ZĐ]){AFTER_LABEL}", regex.DOTALL)
# a label as OCR may misread a numeral: a few capitals ("HI", "VH"), or a stroke read as "1", "l" or "|"
MISREAD_LABEL = regex.compile(rf"^(?P<label>[\p{{Lu}}1l|]{{1,6}}){AFTER_LABEL}", regex.DOTALL)


class Group(NamedTuple):
    label: str | None
    title: str | None
    read_as: str | None = None  # the label as read, where it was an OCR misreading of ``label``


def group_row(slots: dict[str, Slot], row_cells: list[Cell], previous_label: str | None = None) -> Group | None:
    """The group when the row is a group row, else None; ``previous_label`` is the group above."""
    stt = slots.get("stt")
    first = stt.text if stt else (cell_text(row_cells[0]) if row_cells else "")
    if not first:
        return None
    expected = next_numeral(previous_label)
    misread = MISREAD_LABEL.match(first) if expected else None
    if misread and misread_as(misread["label"], expected) and _looks_like_a_group(misread["label"], slots, misread["title"]):
        m, label, read_as = misread, expected, misread["label"]
    elif m := GROUP_LABEL.match(first):
        label, read_as = m["label"], None
    else:
        return None
    others = [s.text for role, s in slots.items() if role not in ("stt", "task") and s.own]
    if any(others) and not (stt and "task" in slots and slots["task"].text == slots["stt"].text):
        return None
    title = fold(m["title"]) or (slots["task"].text if "task" in slots and slots["task"].text != first else None)
    if not title:
        title = next((t for c in row_cells if (t := cell_text(c)) and t != first), None)
    return Group(label, fold(group_title_prefix().sub("", title)) if title else None, read_as)


def _looks_like_a_group(label: str, slots: dict[str, Slot], title_in_label_cell: str) -> bool:
    """A label read with a stroke that is no letter ("1" for "I") names a group only above a title
    in capitals: "1 | CẢI CÁCH THỂ CHẾ" is group I, "1 | Rà soát văn bản" a task."""
    if label.isupper():
        return True
    title = title_in_label_cell or (slots["task"].text if "task" in slots else "")
    return is_upper_text(title)
