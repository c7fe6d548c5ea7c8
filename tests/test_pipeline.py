"""End to end: a folder in, Parquet tables out; bad files degrade, arguments fail fast."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

import pipeline
from conftest import SAMPLE
from outputs.store import recover_interrupted_write
from parsers.schema import SCHEMAS


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    root = tmp_path / "raw"
    (root / "2021").mkdir(parents=True)
    shutil.copy(SAMPLE, root / "2021" / "phuyen.txt")
    (root / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (root / "empty.txt").write_bytes(b"")
    (root / "truncated.pdf").write_bytes(b"%PDF-1.4\n")
    (root / "notes.xyz").write_text("?")
    (root / ".hidden.txt").write_text("KẾ HOẠCH")
    return root


def load(out: Path, table: str) -> pd.DataFrame:
    return pd.read_parquet(out / table)


def test_batch_goes_on_and_failures_are_explained(batch, tmp_path):
    out = tmp_path / "out"
    assert pipeline.main([str(batch), "--out", str(out), "--quiet", "--jobs", "1"]) == 1
    docs = load(out, "documents").set_index("source_path")
    assert sorted(docs.index) == ["2021/phuyen.txt", "broken.docx", "empty.txt", "notes.xyz", "truncated.pdf"]
    assert docs.loc["2021/phuyen.txt", "parse_status"] == "ok"
    assert (docs.drop(index="2021/phuyen.txt")["parse_status"] == "failed").all()
    diag = load(out, "diagnostics").set_index("source_path")
    assert diag.loc["truncated.pdf", "code"] == "unreadable_document"
    assert diag.loc["broken.docx", "code"] == "unreadable_document"
    assert "empty" in diag.loc["empty.txt", "message"]
    assert ".docx" in diag.loc["notes.xyz", "message"]  # says what can be read
    assert len(load(out, "tasks")) == 54


def test_every_table_has_its_declared_schema(batch, tmp_path):
    out = tmp_path / "out"
    pipeline.main([str(batch), "--out", str(out), "--quiet"])
    for name, schema in SCHEMAS.items():
        assert pq.read_schema(out / name / "part-0.parquet").remove_metadata() == schema.remove_metadata(), name
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no staging or old folders left
    dates = load(out, "deadlines")["start"].dropna()
    assert len(dates) and all(hasattr(d, "isoformat") for d in dates)


def test_same_input_same_rows_any_job_count(batch, tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    pipeline.main([str(batch), "--out", str(first), "--quiet", "--jobs", "1"])
    pipeline.main([str(batch), "--out", str(second), "--quiet", "--jobs", "2"])
    for name in SCHEMAS:
        pd.testing.assert_frame_equal(load(first, name), load(second, name), obj=name)


def test_rerun_replaces_the_tables(batch, tmp_path):
    out = tmp_path / "out"
    pipeline.main([str(batch), "--out", str(out), "--quiet"])
    (batch / "2021" / "phuyen.txt").unlink()
    pipeline.main([str(batch), "--out", str(out), "--quiet"])
    assert len(load(out, "tasks")) == 0


def test_missing_input_is_an_argument_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        pipeline.main([str(tmp_path / "nope"), "--out", str(tmp_path / "out")])
    assert exit_info.value.code == 2
    assert "does not exist" in capsys.readouterr().err


def test_bad_job_count_is_an_argument_error(tmp_path):
    with pytest.raises(SystemExit):
        pipeline.main([str(tmp_path), "--jobs", "0"])


def test_summary_counts(batch, tmp_path, capsys):
    pipeline.main([str(batch), "--out", str(tmp_path / "out"), "--quiet"])
    printed = capsys.readouterr().out
    assert "5 (1 ok, 0 partial, 4 failed)" in printed and "tasks" in printed and "failed: truncated.pdf" in printed


def test_duckdb_loads_the_tables(batch, tmp_path):
    duckdb = pytest.importorskip("duckdb")
    out = tmp_path / "out"
    pipeline.main([str(batch), "--out", str(out), "--quiet"])
    # the README's query, pointed at this output folder
    frame = duckdb.sql(f"""
      select t.stt, t.content, a.name as lead
      from '{out}/tasks/*.parquet' t
      join '{out}/task_agencies/*.parquet' ta on ta.task_id = t.task_id and ta.role = 'lead'
      join '{out}/agencies/*.parquet' a using (agency_id)
    """).df()
    leads = load(out, "task_agencies").query("role == 'lead'")
    assert len(frame) == len(leads) > 0 and "Sở Nội vụ" in set(frame["lead"])


def test_a_killed_write_is_recovered(batch, tmp_path):
    """A run killed between moving a table aside and putting the new one in place loses nothing."""
    out = tmp_path / "out"
    pipeline.main([str(batch), "--out", str(out), "--quiet"])
    (out / "tasks").rename(out / ".old-tasks")
    (out / ".staging-x" / "tasks").mkdir(parents=True)
    (out / ".staging-x" / "tasks" / "part-0.parquet").write_bytes(b"half")
    recover_interrupted_write(out)
    assert len(load(out, "tasks")) == 54
    assert not [p for p in out.iterdir() if p.name.startswith(".")]
