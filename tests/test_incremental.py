"""Incremental runs: only new or changed files are read, the rest is kept, and the output is the
same, byte for byte, as a full rebuild's (bench/bench_incremental.py measures the time)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import parsers.rows
import pipeline
from conftest import SAMPLE
from outputs.duckdb_file import DUCKDB_NAME
from outputs.manifest import MANIFEST_NAME


def variant(target: Path, mark: str) -> None:
    """The sample with its last line marked: other bytes, same tables."""
    target.write_text(SAMPLE.read_text(encoding="utf-8").rstrip("\n") + f" ({mark})\n", encoding="utf-8")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SAMPLE, raw / "a.txt")
    variant(raw / "b.txt", "bản 2")
    variant(raw / "c.txt", "bản 3")
    return raw


def run(raw: Path, out: Path, full: bool = False) -> pipeline.RunResult:
    return pipeline.run([raw], out, jobs=1, progress=False, full=full)


def files_of(out: Path, with_duckdb: bool = False) -> dict[str, bytes]:
    """Every output file's bytes (plans.duckdb only when asked: a rebuilt database file is not byte-stable)."""
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and (with_duckdb or p.name != DUCKDB_NAME)}


def test_unchanged_rerun_reads_nothing_and_touches_no_file(folder, tmp_path):
    out = tmp_path / "out"
    assert sorted(run(folder, out).read) == ["a.txt", "b.txt", "c.txt"]
    before = files_of(out, with_duckdb=True)
    modified = {p: p.stat().st_mtime_ns for p in out.rglob("*")}
    again = run(folder, out)
    assert (again.read, sorted(again.kept), again.dropped, again.wrote) == ([], ["a.txt", "b.txt", "c.txt"], [], False)
    assert files_of(out, with_duckdb=True) == before
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*")} == modified
    assert len(again.tables["tasks"]) == 3 * 54  # the summary still counts every kept row


CHANGES = {  # name -> (change to the folder, files read again, files dropped)
    "one added, one removed": (lambda raw: (variant(raw / "d.txt", "bản 4"), (raw / "a.txt").unlink()), ["d.txt"], ["a.txt"]),
    "one changed": (lambda raw: variant(raw / "b.txt", "bản 2, sửa"), ["b.txt"], ["b.txt"]),
    "one renamed": (lambda raw: (raw / "c.txt").rename(raw / "e.txt"), ["e.txt"], ["c.txt"]),
    "one removed only": (lambda raw: (raw / "c.txt").unlink(), [], ["c.txt"]),
}


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_a_change_reads_only_its_files_and_equals_a_full_rebuild(folder, tmp_path, change):
    apply, read, dropped = change
    out = tmp_path / "out"
    first = run(folder, out)
    apply(folder)
    again = run(folder, out)
    assert (again.read, again.dropped, again.wrote) == (read, dropped, True)
    rebuilt = tmp_path / "rebuilt"
    run(folder, rebuilt, full=True)
    assert files_of(out) == files_of(rebuilt)
    untouched = {d["doc_id"] for d in first.tables["documents"] if d["source_path"] not in read + dropped}
    for table in ("documents", "tasks", "task_outputs", "deadlines", "task_agencies", "diagnostics"):
        def rows_of(tables):
            return [r for r in tables[table] if r["doc_id"] in untouched]
        assert rows_of(again.tables) == rows_of(first.tables), table


def test_a_new_pipeline_version_reads_every_file_again(folder, tmp_path, monkeypatch):
    out = tmp_path / "out"
    run(folder, out)
    monkeypatch.setattr(parsers.rows, "PIPELINE_VERSION", "99.0.0")
    again = run(folder, out)
    assert sorted(again.read) == ["a.txt", "b.txt", "c.txt"]
    assert {d["pipeline_version"] for d in pq.read_table(out / "documents").to_pylist()} == {"99.0.0"}
    manifest = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert {e["pipeline_version"] for e in manifest["documents"]} == {"99.0.0"}


def test_full_reads_every_file_and_writes_the_same_bytes(folder, tmp_path):
    out = tmp_path / "out"
    pipeline.main([str(folder), "--out", str(out), "--quiet", "--jobs", "1"])
    before = files_of(out)
    pipeline.main([str(folder), "--out", str(out), "--quiet", "--jobs", "1", "--full"])
    assert files_of(out) == before


def _old_schema_table(out: Path) -> None:
    table = pq.read_table(out / "tasks" / "part-0.parquet")
    pq.write_table(table.replace_schema_metadata({"schema_version": "1.0"}), out / "tasks" / "part-0.parquet")


DAMAGE = {  # what a previous run (or a person) left -> every file is read again
    "manifest missing": lambda out: (out / MANIFEST_NAME).unlink(),
    "manifest damaged": lambda out: (out / MANIFEST_NAME).write_text("{not json", encoding="utf-8"),
    "a table from an older schema": _old_schema_table,
    "a table missing": lambda out: shutil.rmtree(out / "sections"),
    "plans.duckdb missing": lambda out: (out / DUCKDB_NAME).unlink(),
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_doubtful_outputs_are_rebuilt_in_full(folder, tmp_path, damage):
    out = tmp_path / "out"
    run(folder, out)
    expected = files_of(out)
    damage(out)
    assert sorted(run(folder, out).read) == ["a.txt", "b.txt", "c.txt"]
    assert files_of(out) == expected and (out / DUCKDB_NAME).exists()


def test_the_same_bytes_twice_are_one_document_and_a_warning(folder, tmp_path):
    shutil.copy(folder / "a.txt", folder / "copy_of_a.txt")
    out = tmp_path / "out"
    first = run(folder, out)
    assert "copy_of_a.txt" not in first.read
    documents = first.tables["documents"]
    assert len(documents) == len({d["doc_id"] for d in documents}) == 3
    [note] = [d for d in first.tables["diagnostics"] if d["code"] == "duplicate_file"]
    assert note["source_path"] == "copy_of_a.txt" and "a.txt" in note["message"]
    again = run(folder, out)
    assert (again.read, again.wrote) == ([], False)
    assert pa.Table.from_pylist(again.tables["diagnostics"]).equals(pa.Table.from_pylist(first.tables["diagnostics"]))
