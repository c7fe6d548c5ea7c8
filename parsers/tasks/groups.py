"""Group rows: a Roman numeral or capital letter with its title and nothing else, such as
"I | Thể chế | | " or "II. Nội dung: Cải cách thủ tục" in one cell; they give ``group_label``
and ``group_title`` ("I", "Thể chế") to the tasks under them (CONVENTIONS §2).
"""
from __future__ import annotations

import regex

from ingest.model import Cell
from parsers.tasks.columns import cell_text
from parsers.tasks.slots import Slot
from parsers.tasks.vocabulary import group_title_prefix
from parsers.textutil import ROMAN, fold

# a group row's label: a Roman numeral (or a sub-group of one, "III.1", "III.1.2") or one capital
# letter, maybe followed by its title in the same cell
GROUP_LABEL = regex.compile(rf"^(?P<label>{ROMAN}(?:\.\d{{1,2}})*|[A-ZĐ])(?:\s*[.):]\s*|\s+|$)(?P<title>.*)$", regex.DOTALL)


def group_row(slots: dict[str, Slot], row_cells: list[Cell]) -> tuple[str, str | None] | None:
    """(label, title) when the row is a group row, else None."""
    stt = slots.get("stt")
    first = stt.text if stt else (cell_text(row_cells[0]) if row_cells else "")
    m = GROUP_LABEL.match(first)
    if not first or not m:
        return None
    others = [s.text for role, s in slots.items() if role not in ("stt", "task") and s.own]
    if any(others) and not (stt and "task" in slots and slots["task"].text == slots["stt"].text):
        return None
    title = fold(m["title"]) or (slots["task"].text if "task" in slots and slots["task"].text != first else None)
    if not title:
        title = next((t for c in row_cells if (t := cell_text(c)) and t != first), None)
    return m["label"], (fold(group_title_prefix().sub("", title)) if title else None)
