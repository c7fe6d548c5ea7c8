"""Export to SQLite and PostgreSQL: the database mirrors the output folder after every export,
keys hold, and a document is written whole or not at all.

PostgreSQL runs when VN_PLAN_TEST_POSTGRES_URL names a database the tests may fill (.ci/run
starts one); the tables are dropped before and after each test.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import sqlalchemy as sa

import pipeline
from conftest import SAMPLE
from outputs.export import export_tables, open_database
from outputs.sql_tables import sql_metadata
from parsers.schema import SCHEMAS

POSTGRES_URL = os.environ.get("VN_PLAN_TEST_POSTGRES_URL")


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, tmp_path) -> str:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'plans.db'}"
        return
    if not POSTGRES_URL:
        pytest.skip("VN_PLAN_TEST_POSTGRES_URL is not set (a PostgreSQL database the tests may fill; .ci/run starts one)")
    engine = open_database(POSTGRES_URL)
    sql_metadata().drop_all(engine)
    yield POSTGRES_URL
    sql_metadata().drop_all(engine)
    engine.dispose()


def variant(target: Path, mark: str) -> None:
    target.write_text(SAMPLE.read_text(encoding="utf-8").rstrip("\n") + f" ({mark})\n", encoding="utf-8")


@pytest.fixture
def folder(tmp_path) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SAMPLE, raw / "a.txt")
    variant(raw / "b.txt", "bản 2")
    (raw / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")  # a failed document is exported too
    return raw


def parquet_rows(out: Path) -> dict[str, int]:
    return {name: pq.read_metadata(out / name / "part-0.parquet").num_rows for name in SCHEMAS}


def test_export_again_and_after_a_change_mirrors_the_folder(folder, tmp_path, database):
    out = tmp_path / "out"
    pipeline.run([folder], out, jobs=1, progress=False)
    steps = [("first", lambda: None, 3, 0), ("same again", lambda: None, 0, 3),
             ("one document changed", lambda: variant(folder / "b.txt", "bản 2, sửa"), 1, 2)]
    for step, change, written, unchanged in steps:
        change()
        pipeline.run([folder], out, jobs=1, progress=False)
        result = export_tables(out, database)
        assert (len(result.replaced), result.unchanged) == (written, unchanged), step
        assert result.database_rows == result.parquet_rows == parquet_rows(out), step
        assert set(result.broken_foreign_keys.values()) == {0}, step
    assert result.replaced == result.removed == ["b.txt"]  # the old b.txt (other bytes, other doc_id) was deleted


def _orphan_agency(out: Path) -> None:
    """The last document's last agency mention names an agency the agencies table lacks."""
    path = out / "task_agencies" / "part-0.parquet"
    rows = pq.read_table(path).to_pylist()
    rows[-1]["agency_id"] = "ag-nowhere"
    pq.write_table(pa.Table.from_pylist(rows, schema=SCHEMAS["task_agencies"]), path)


def test_a_document_that_cannot_be_written_leaves_none_of_its_rows(folder, tmp_path, database):
    out = tmp_path / "out"
    (folder / "broken.docx").unlink()
    pipeline.run([folder], out, jobs=1, progress=False)
    _orphan_agency(out)
    with pytest.raises(sa.exc.IntegrityError):
        export_tables(out, database)
    engine = open_database(database)
    with engine.connect() as conn:
        docs = conn.execute(sa.text("select source_path from documents")).scalars().all()
        tasks = conn.execute(sa.text("select count(*) from tasks")).scalar_one()
    engine.dispose()
    assert docs == ["a.txt"] and tasks == 54  # b.txt's transaction rolled back whole


BAD_URLS = {"another database": "mysql://user@host/db", "not a URL": "plans.db", "empty": ""}


@pytest.mark.parametrize("url", BAD_URLS.values(), ids=BAD_URLS.keys())
def test_a_bad_url_is_an_argument_error_naming_the_databases(tmp_path, capsys, url):
    with pytest.raises(SystemExit) as exit_info:
        pipeline.main(["export", "--to", url, "--from", str(tmp_path)])
    assert exit_info.value.code == 2
    assert "sqlite, postgresql" in capsys.readouterr().err


def test_a_folder_without_output_is_an_argument_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        pipeline.main(["export", "--to", f"sqlite:///{tmp_path / 'x.db'}", "--from", str(tmp_path)])
    assert exit_info.value.code == 2 and "run 'python pipeline.py" in capsys.readouterr().err


def test_tables_of_another_schema_stop_the_export(tmp_path):
    out = tmp_path / "out"
    pipeline.run([SAMPLE], out, jobs=1, progress=False)
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = open_database(url)
    with engine.begin() as conn:
        conn.execute(sa.text("create table tasks (task_id text primary key, content text)"))
    engine.dispose()
    with pytest.raises(ValueError, match="table tasks in the database has columns"):
        export_tables(out, url)


def test_export_prints_the_row_counts_and_the_key_check(tmp_path, capsys):
    out = tmp_path / "out"
    pipeline.run([SAMPLE], out, jobs=1, progress=False)
    assert pipeline.main(["export", "--to", f"sqlite:///{tmp_path / 'p.db'}", "--from", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "tasks                54        54" in printed and "12 checked, all hold" in printed
