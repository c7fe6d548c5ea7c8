"""Task tables found among a document's blocks, a table continued over a page break joined
to the one it continues (CONVENTIONS §2).

``[table, table]`` with no paragraph between, the second as wide as the first and with no
header (or the same header), is one task table; ``[table, Paragraph("b) ..."), table]`` is two.
"""
from __future__ import annotations

from dataclasses import replace

from ingest.model import Table
from parsers.tasks.columns import Columns, map_columns


def join_tables(first: Table, second: Table, skip_rows: int) -> Table:
    """``second`` (less its first ``skip_rows`` rows) appended under ``first``."""
    offset = first.n_rows - skip_rows
    moved = tuple(replace(c, row=c.row + offset) for c in second.cells if c.row >= skip_rows)
    return Table(first.cells + moved, page=first.page)


def task_tables(blocks: list) -> list[tuple[int, Table, Columns]]:
    """(block index, table, columns) of each task table, in order. A table that directly follows
    a task table (no paragraph between: a page break in Word, a split in a text export), has as
    many columns and either no header or the same header, continues it (CONVENTIONS §2)."""
    found: list[tuple[int, Table, Columns]] = []
    previous_block = None
    for index, block in enumerate(blocks):
        if isinstance(block, Table):
            columns = map_columns(block)
            if found and previous_block is not None and previous_block is found[-1][1] and block.n_cols == found[-1][1].n_cols \
                    and (not columns.header_rows or columns.roles == found[-1][2].roles):
                first_index, first, first_columns = found[-1]
                joined = join_tables(first, block, columns.header_rows)
                found[-1] = (first_index, joined, first_columns)
                previous_block = joined
                continue
            if columns.is_task_table:
                found.append((index, block, columns))
        previous_block = block
    return found
