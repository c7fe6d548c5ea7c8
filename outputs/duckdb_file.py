"""``plans.duckdb``: the output tables with their keys, and the views analysts ask for.

Views (see README "DuckDB"):

- ``task_overview``: one row per task with its document number, lead agencies and first
  readable deadline (the first phrase, in print order, that fixes a calendar period);
- ``tasks_per_agency_quarter``: tasks per agency, role and quarter in which a deadline ends;
- ``deadlines_due(period_start, period_end)``: a table macro, the deadlines ending in a period.

>>> import duckdb
>>> con = duckdb.connect()
>>> for name in TABLE_NAMES:
...     _ = con.execute(create_table_sql(name))
>>> define_views(con)
>>> con.execute("select count(*) from deadlines_due('2026-10-01', '2026-12-31')").fetchall()
[(0,)]
"""
from __future__ import annotations

from pathlib import Path

import duckdb

from outputs.sql_tables import create_table_sql, sql_metadata
from parsers.schema import FOREIGN_KEYS, PRIMARY_KEYS, ROW_MEANING, SCHEMAS

DUCKDB_NAME = "plans.duckdb"
TABLE_NAMES = [t.name for t in sql_metadata().sorted_tables]  # parents before children

VIEWS = [
    """create view task_overview as
    with leads as (
        select ta.task_id, string_agg(a.name, '; ' order by ta.agency_seq) as lead_agencies, count(*) as lead_count
        from task_agencies ta join agencies a using (agency_id)
        where ta.role = 'lead' group by ta.task_id
    ), first_deadline as (
        select distinct on (task_id) task_id, kind, start, "end", raw
        from deadlines where start is not null or "end" is not null
        order by task_id, output_seq, deadline_seq
    )
    select t.task_id, t.doc_id, d.doc_number, d.source_path, t.table_no, t.seq, t.stt, t.group_label, t.group_title,
           t.content, l.lead_agencies, coalesce(l.lead_count, 0) as lead_count,
           f.raw as first_deadline_raw, f.kind as first_deadline_kind,
           f.start as first_deadline_start, f."end" as first_deadline_end
    from tasks t join documents d using (doc_id)
    left join leads l using (task_id) left join first_deadline f using (task_id)""",
    """create view tasks_per_agency_quarter as
    select a.agency_id, a.name as agency, ta.role, year(dl."end") as year, quarter(dl."end") as quarter,
           year(dl."end") || '-Q' || quarter(dl."end") as period, count(distinct ta.task_id) as tasks
    from deadlines dl join task_agencies ta using (task_id) join agencies a using (agency_id)
    where dl."end" is not null
    group by all""",
    """create macro deadlines_due(period_start, period_end) as table
    select dl.task_id, dl.output_seq, dl.deadline_seq, dl.kind, dl.start, dl."end", dl.raw,
           o.doc_number, o.stt, o.content, o.lead_agencies
    from deadlines dl join task_overview o using (task_id)
    where dl."end" between cast(period_start as date) and cast(period_end as date)
    order by dl."end", dl.task_id, dl.output_seq, dl.deadline_seq""",
]


def define_views(con: duckdb.DuckDBPyConnection) -> None:
    """Create the analysts' views over tables (or views) named like the output tables."""
    for sql in VIEWS:
        con.execute(sql)


def build_duckdb(tables_dir: Path, path: Path) -> None:
    """Write ``path`` (a new file) from the Parquet tables under ``tables_dir``: tables with their
    keys and column descriptions, then the views."""
    con = duckdb.connect(str(path))
    try:
        for name in TABLE_NAMES:
            con.execute(create_table_sql(name))
            _load(con, name, (tables_dir / name / "*.parquet").as_posix())
            _describe(con, name)
        define_views(con)
    finally:
        con.close()


def _load(con: duckdb.DuckDBPyConnection, name: str, files: str) -> None:
    """Insert a table's Parquet rows. DuckDB checks a foreign key against the rows already in the
    table, not those of the same statement, so a table referring to itself (sections.parent_id)
    is inserted a generation at a time: rows whose parent is already in."""
    source = f"(select * from read_parquet('{files}'))"
    self_keys = [(cols[0], ref_cols[0]) for t, cols, ref, ref_cols in FOREIGN_KEYS if t == name == ref]
    if not self_keys:
        con.execute(f'insert into "{name}" select * from {source}')
        return
    (child, parent), key = self_keys[0], PRIMARY_KEYS[name][0]
    while con.execute(f'''insert into "{name}" select * from {source} s
                          where s.{key} not in (select {key} from "{name}")
                          and (s.{child} is null or s.{child} in (select {parent} from "{name}"))''').fetchall()[0][0]:
        pass
    left = con.execute(f'select count(*) from {source} s where s.{key} not in (select {key} from "{name}")').fetchall()[0][0]
    if left:
        raise ValueError(f"{name}: {left} rows name a {child} that is not a row of {name}")


def _describe(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Column and table descriptions as DuckDB comments, so `duckdb_columns()` explains the data."""
    def quoted(text: str) -> str:
        return "'" + text.replace("'", "''") + "'"

    con.execute(f'comment on table "{name}" is {quoted("One row per " + ROW_MEANING[name])}')
    for field in SCHEMAS[name]:
        con.execute(f'comment on column "{name}"."{field.name}" is {quoted(field.metadata[b"description"].decode())}')
