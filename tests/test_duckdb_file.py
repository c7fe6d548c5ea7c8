"""plans.duckdb: every table with its keys (which DuckDB enforces), and the analysts' views."""
from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import pipeline
from conftest import SAMPLE
from outputs.duckdb_file import build_duckdb
from parsers.schema import FOREIGN_KEYS, PRIMARY_KEYS, SCHEMAS


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    pipeline.run([SAMPLE], out, jobs=1, progress=False)
    return out


@pytest.fixture
def con(out):
    con = duckdb.connect(str(out / "plans.duckdb"), read_only=True)
    yield con
    con.close()


def count(con, sql: str) -> int:
    return con.execute(sql).fetchall()[0][0]


@pytest.mark.parametrize("table", list(SCHEMAS))
def test_each_table_holds_the_parquet_rows(out, con, table):
    assert count(con, f'select count(*) from "{table}"') == pq.read_metadata(out / table / "part-0.parquet").num_rows


def test_every_key_is_declared(con):
    constraints = con.execute("""select constraint_type, count(*) from duckdb_constraints()
                                 where constraint_type in ('PRIMARY KEY', 'FOREIGN KEY') group by all""").fetchall()
    assert dict(constraints) == {"PRIMARY KEY": sum(1 for k in PRIMARY_KEYS.values() if k), "FOREIGN KEY": len(FOREIGN_KEYS)}


def test_task_overview_has_one_row_per_task_with_leads_and_first_deadline(con):
    assert count(con, "select count(*) from task_overview") == count(con, "select count(*) from tasks")
    first = con.execute("""select doc_number, stt, lead_agencies, first_deadline_raw, first_deadline_start, first_deadline_end
                           from task_overview where seq = 3""").fetchall()
    assert first == [("226/KH-UBND", "3", "Sở Nội vụ; Văn phòng Ủy ban nhân dân tỉnh", "Năm 2021",
                      datetime.date(2021, 1, 1), datetime.date(2021, 12, 31))]


def test_tasks_per_agency_quarter_counts_tasks_by_deadline_end(con):
    by_sql = count(con, """select tasks from tasks_per_agency_quarter
                           where agency = 'Sở Nội vụ' and role = 'lead' and period = '2021-Q4'""")
    by_hand = count(con, """select count(distinct ta.task_id) from task_agencies ta join agencies a using (agency_id)
                            join deadlines d using (task_id)
                            where a.name = 'Sở Nội vụ' and ta.role = 'lead' and d."end" between '2021-10-01' and '2021-12-31'""")
    assert by_sql == by_hand > 0


PERIODS = {  # period -> the deadlines ending in it, counted from the table
    "Q4 2021": ("2021-10-01", "2021-12-31"),
    "year 2021": ("2021-01-01", "2021-12-31"),
    "no deadline": ("1990-01-01", "1990-12-31"),
}


@pytest.mark.parametrize("start, end", PERIODS.values(), ids=PERIODS.keys())
def test_deadlines_due_in_a_period(con, start, end):
    due = con.execute(f"select \"end\", lead_agencies from deadlines_due('{start}', '{end}')").fetchall()
    assert len(due) == count(con, f"select count(*) from deadlines where \"end\" between '{start}' and '{end}'")
    assert all(start <= d.isoformat() <= end for d, _ in due)


def _orphan(out: Path, table: str, column: str) -> None:
    path = out / table / "part-0.parquet"
    rows = pq.read_table(path).to_pylist()
    rows[-1][column] = "nowhere"
    pq.write_table(pa.Table.from_pylist(rows, schema=SCHEMAS[table]), path)


BROKEN_KEYS = {  # a table naming a row that does not exist -> the database is not built
    "section under a missing parent": ("sections", "parent_id", ValueError),
    "agency mention of a missing agency": ("task_agencies", "agency_id", duckdb.ConstraintException),
}


@pytest.mark.parametrize("table, column, error", BROKEN_KEYS.values(), ids=BROKEN_KEYS.keys())
def test_a_broken_key_stops_the_build(out, tmp_path, table, column, error):
    copy = tmp_path / "tables"
    shutil.copytree(out, copy, ignore=shutil.ignore_patterns("*.duckdb", "*.json"))
    _orphan(copy, table, column)
    with pytest.raises(error):
        build_duckdb(copy, tmp_path / "plans.duckdb")
