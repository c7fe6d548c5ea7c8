"""The output folder: every table as ``<table>/part-0.parquet``, ``manifest.json`` and
``plans.duckdb``, replaced all together; and the rows of documents a run keeps.

Everything is written into a staging folder first and then moved into place, so an interrupted
run leaves either the old or the new table, never a half-written file; the manifest is removed
before the move and written after it, so a run killed half-way makes the next run read every file.

>>> import tempfile
>>> out = Path(tempfile.mkdtemp())
>>> write_outputs({}, [], out)
>>> sorted(p.name for p in out.iterdir())[:3], outputs_are_current(out)
(['agencies', 'deadlines', 'diagnostics'], True)
"""
from __future__ import annotations

import os
import shutil
import tempfile
from collections import defaultdict
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from outputs.duckdb_file import DUCKDB_NAME, build_duckdb
from outputs.manifest import MANIFEST_NAME, manifest_json
from parsers.rows import Rows
from parsers.schema import SCHEMAS

PART_NAME = "part-0.parquet"


def write_outputs(tables: dict[str, list[dict]], manifest_entries: list[dict], out: Path) -> None:
    """Write every table, plans.duckdb and the manifest (see the module docstring)."""
    out.mkdir(parents=True, exist_ok=True)
    recover_interrupted_write(out)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=out))
    try:
        for name, schema in SCHEMAS.items():
            (staging / name).mkdir()
            pq.write_table(pa.Table.from_pylist(tables.get(name, []), schema=schema), staging / name / PART_NAME)
        build_duckdb(staging, staging / DUCKDB_NAME)
        (staging / MANIFEST_NAME).write_text(manifest_json(manifest_entries), encoding="utf-8")
        (out / MANIFEST_NAME).unlink(missing_ok=True)
        for name in SCHEMAS:
            target, old = out / name, out / f".old-{name}"
            if target.exists():
                target.rename(old)
            (staging / name).rename(target)
            if old.exists():
                shutil.rmtree(old)
        os.replace(staging / DUCKDB_NAME, out / DUCKDB_NAME)
        os.replace(staging / MANIFEST_NAME, out / MANIFEST_NAME)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def recover_interrupted_write(out: Path) -> None:
    """Undo what a killed run left: a table moved aside but not replaced is put back, and
    staging folders (never read by anyone) are removed."""
    for name in SCHEMAS:
        old, target = out / f".old-{name}", out / name
        if old.exists() and not target.exists():
            old.rename(target)
        elif old.exists():
            shutil.rmtree(old)
    for staging in out.glob(".staging-*"):
        shutil.rmtree(staging, ignore_errors=True)


def outputs_are_current(out: Path) -> bool:
    """Whether ``out`` holds every output, each table written with this schema (types and metadata);
    if not, a run rebuilds everything rather than mix old and new rows."""
    if not (out / MANIFEST_NAME).exists() or not (out / DUCKDB_NAME).exists():
        return False
    try:
        return all(pq.read_schema(out / name / PART_NAME).equals(schema, check_metadata=True) for name, schema in SCHEMAS.items())
    except (OSError, pa.ArrowInvalid):
        return False


def table_files(source: Path) -> dict[str, Path]:
    """Each table's Parquet file in an output folder; ValueError when the folder holds no run's output."""
    files = {name: source / name / PART_NAME for name in SCHEMAS}
    missing = [name for name, path in files.items() if not path.exists()]
    if missing:
        raise ValueError(f"{str(source)!r} holds no pipeline output (no {', '.join(missing)}): "
                         "run 'python pipeline.py [INPUT ...] --out DIR' first")
    return files


def read_kept_rows(out: Path, entries: list[dict]) -> dict[str, Rows]:
    """doc_id -> that document's rows of every table, read back from ``out``, for the manifest
    entries of the documents a run keeps. Agencies come from the entries (see ``manifest_entry``);
    a diagnostic about another file with the same bytes is left out, the run makes it again."""
    paths = {e["doc_id"]: e["source_path"] for e in entries}
    kept: dict[str, Rows] = {doc_id: defaultdict(list) for doc_id in paths}
    for name in SCHEMAS:
        if name == "agencies":
            continue
        for row in pq.read_table(out / name / PART_NAME).to_pylist():
            rows = kept.get(row["doc_id"])
            if rows is not None and row.get("source_path", paths[row["doc_id"]]) == paths[row["doc_id"]]:
                rows[name].append(row)
    for entry in entries:
        kept[entry["doc_id"]]["agencies"] = entry["agencies"]
    return {doc_id: dict(rows) for doc_id, rows in kept.items()}
