"""The rows of one task table read as tasks (CONVENTIONS §2).

Row by row under the header: a repeated header, an empty or elision row ("……") is skipped; a
group row sets the group; a row with an STT starts a task; a row without one continues the
task above: "| Tổ chức hội nghị | | Quý II/2026" adds "Tổ chức hội nghị" to its content and an
output due "Quý II/2026", and an empty output cell in such a row repeats the one above.
"""
from __future__ import annotations

import regex

from ingest.model import Table
from parsers.tasks.columns import Columns, cell_text, is_column_numbers
from parsers.tasks.groups import Group, group_row
from parsers.tasks.merged_cells import restore_merged_cells
from parsers.tasks.records import AGENCY_ROLES, TaskOutput, TaskRow
from parsers.tasks.slots import Slot, row_slots
from parsers.numerals import skipped_numerals
from parsers.textutil import fold

WORD = regex.compile(r"[\p{L}\p{N}]")


def read_task_rows(table: Table, columns: Columns) -> list[TaskRow]:
    """The tasks of one task table, in order (group rows, repeated headers and empty rows dropped)."""
    table = restore_merged_cells(table, columns)
    tasks: list[TaskRow] = []
    group = Group(None, None)  # none yet: tasks above the first group row have no group
    groups: list[Group] = [group]
    group_of: list[int] = []  # each task's index in ``groups``
    current: TaskRow | None = None
    for r in range(columns.header_rows, table.n_rows):
        if _is_header_repeat(table, r, columns):
            continue
        slots = row_slots(table, r, columns)
        if not any(WORD.search(s.text) and s.own for s in slots.values()):  # empty, or an elision row "……"
            continue
        if (g := group_row(slots, table.row(r), group.label)) is not None:
            group, current = g, None
            groups.append(group)
            continue
        stt = slots.get("stt")
        starts_task = current is None or (stt.text != "" and stt.own if stt else slots.get("task", Slot("", True)).own and bool(slots.get("task", Slot("", True)).text))
        if starts_task:
            current = TaskRow(len(tasks) + 1, _clean_stt(stt.text) if stt and stt.own else None,
                              group.label, group.title, content=slots["task"].text if "task" in slots else None,
                              first_row=r, last_row=r, group_label_read_as=group.read_as)
            tasks.append(current)
            group_of.append(len(groups) - 1)
            _add_output(current, slots, r, previous=None)
            for role in AGENCY_ROLES:
                if role in slots and slots[role].text:
                    _add_agency_cell(current, role, slots[role])
        else:
            _continue_task(current, slots, r)
    _relabel_skipped_groups(tasks, group_of, [g.label or "" for g in groups])
    return tasks


def _relabel_skipped_groups(tasks: list[TaskRow], group_of: list[int], labels: list[str | None]) -> None:
    """A group read as the numeral above it, between that and the one two further ("II", "II", "IV"), is the one between."""
    for index, numeral in skipped_numerals(labels[1:]).items():  # labels[0]: the tasks above any group
        for task, g in zip(tasks, group_of):
            if g == index + 1:
                task.group_label_read_as, task.group_label = task.group_label, numeral


def _is_header_repeat(table: Table, r: int, columns: Columns) -> bool:
    texts = [cell_text(c) for c in table.row(r)]
    header = {cell_text(c) for h in range(columns.header_rows) for c in table.row(h)} - {""}
    filled = [t for t in texts if t]
    return bool(filled) and (all(t in header for t in filled) or is_column_numbers(table.row(r)))


def _clean_stt(text: str) -> str | None:
    """'1.' -> '1'; '09' stays '09' (as printed)."""
    return fold(text.rstrip(".)")) if text else None


def _add_output(task: TaskRow, slots: dict[str, Slot], r: int, previous: TaskOutput | None) -> None:
    out = slots.get("output", Slot("", True))
    due = slots.get("deadline", Slot("", True))
    text = out.text if (out.own and out.text) or previous is None else (previous.text if previous else None)
    deadline = due.text if (due.own and due.text) or previous is None else previous.deadline_raw
    task.outputs.append(TaskOutput(text or None, deadline or None, r))


def _continue_task(task: TaskRow, slots: dict[str, Slot], r: int) -> None:
    """A row without STT: more content, another output, more agencies (CONVENTIONS §2)."""
    task.last_row = r
    content = slots.get("task")
    if content and content.own and content.text:
        task.content = f"{task.content} {content.text}" if task.content else content.text
    out, due = slots.get("output"), slots.get("deadline")
    if (out and out.own and out.text) or (due and due.own and due.text):
        _add_output(task, slots, r, previous=task.outputs[-1] if task.outputs else None)
    for role in AGENCY_ROLES:
        slot = slots.get(role)
        if slot and slot.own and slot.text and slot.text not in task.raw[role]:
            _add_agency_cell(task, role, slot)


def _add_agency_cell(task: TaskRow, role: str, slot: Slot) -> None:
    task.raw[role].append(slot.text)
    task.agency_cells[role].append(slot.lines or slot.text)
