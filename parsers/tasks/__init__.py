"""Task tables (CONVENTIONS §2): find them among a document's tables and read their rows.

A table is a task table when its header names a task/content column and at least one of a
lead, deadline or product column. Columns are found by header meaning in any order, over
one or several header rows. Rows are then read as group rows (Roman numeral or capital
letter, nothing else), tasks (an STT) and continuation rows (no STT: more content, another
output, more agencies; an empty cell repeats the one above, as a vertical merge would).

The modules, from the entry points down: ``continuation`` (:func:`task_tables`: which tables
are task tables, joined over page breaks), ``rows`` (:func:`read_task_rows`: tasks and
continuation rows) with ``groups`` (group rows), ``slots`` (a row's cell per role, merged
cells resolved) and ``merged_cells`` (cells a text layout dropped under a vertical merge), ``records``
(:class:`TaskRow`, :class:`TaskOutput`), ``columns`` (:func:`map_columns`: header rows and
column roles) and ``vocabulary`` (the header words, :func:`header_role`).

>>> from ingest.model import Cell, Table
>>> rows = [["STT", "Nội dung", "Chủ trì", "Thời gian"], ["I", "Thể chế", "", ""],
...         ["1", "Ban hành kế hoạch", "Sở Nội vụ", "Quý I/2026"], ["", "", "", "Quý II/2026"]]
>>> table = Table(tuple(Cell(t, r, c) for r, row in enumerate(rows) for c, t in enumerate(row)))
>>> columns = map_columns(table)
>>> columns.roles, columns.header_rows
({'stt': 0, 'task': 1, 'lead': 2, 'deadline': 3}, 1)
>>> [(t.stt, t.group_label, t.content, [o.deadline_raw for o in t.outputs]) for t in read_task_rows(table, columns)]
[('1', 'I', 'Ban hành kế hoạch', ['Quý I/2026', 'Quý II/2026'])]
"""
from parsers.tasks.columns import map_columns
from parsers.tasks.continuation import task_tables
from parsers.tasks.records import AGENCY_ROLES
from parsers.tasks.rows import read_task_rows
from parsers.tasks.vocabulary import group_title_prefix, header_role

__all__ = ["AGENCY_ROLES", "group_title_prefix", "header_role", "map_columns", "read_task_rows", "task_tables"]
