"""Turn a folder of Vietnamese plan documents into normalized Parquet tables.

    python pipeline.py [INPUT ...] [--out DIR] [--jobs N] [--quiet]

INPUTs are files or folders (searched recursively); defaults ``data/raw`` and
``data/processed``. Each table of ``parsers/schema.py`` becomes a Parquet dataset
``DIR/<table>/``. A file that cannot be read gets a failed documents row and a diagnostics
row; the batch goes on, and the exit status is 1 when any file failed (2 for bad arguments).

This module owns all I/O: it reads bytes, calls the pure stages (``ingest`` readers, then
``parsers.rows.document_rows``) and writes the tables.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ingest.readers import NotYetSupported, UnsupportedFormat, read_document, source_format
from parsers.rows import Rows, doc_id_of, document_rows, failed_rows
from parsers.schema import SCHEMAS, TABLES

DEFAULT_INPUT = Path("data/raw")
DEFAULT_OUTPUT = Path("data/processed")
SKIPPED_NAMES = {".gitkeep", ".DS_Store", "Thumbs.db"}


@dataclass(frozen=True)
class InputFile:
    path: Path
    source_path: str  # relative to the input folder it was found in


def find_inputs(inputs: Iterable[Path]) -> list[InputFile]:
    """Files named or found under folders (recursive, hidden files skipped), sorted, no duplicates.

    Raises ValueError at once for an input that does not exist.
    """
    found: dict[Path, InputFile] = {}
    for root in inputs:
        if not root.exists():
            raise ValueError(f"input {str(root)!r} does not exist (give files or folders of .txt, .md, .docx, .pdf, .doc)")
        if root.is_file():
            found.setdefault(root.resolve(), InputFile(root, root.name))
            continue
        for path in sorted(root.rglob("*")):
            rel = path.relative_to(root)
            if path.is_file() and path.name not in SKIPPED_NAMES and not any(part.startswith(".") for part in rel.parts):
                found.setdefault(path.resolve(), InputFile(path, rel.as_posix()))
    return sorted(found.values(), key=lambda f: (f.source_path, str(f.path)))


def process_file(item: InputFile) -> Rows:
    """One file -> its rows; never raises for a bad document (it becomes a failed row)."""
    try:
        data = item.path.read_bytes()
    except OSError as exc:
        return failed_rows(doc_id_of(str(item.path).encode()), item.source_path, source_format(item.path.suffix), None,
                           "read", "unreadable_file", f"The file could not be opened: {exc.strerror or exc}")
    doc_id, fmt = doc_id_of(data), source_format(item.path.suffix)
    try:
        doc = read_document(data, item.path.suffix)
    except NotYetSupported as exc:
        return failed_rows(doc_id, item.source_path, fmt, len(data), "read", "format_not_yet_supported", str(exc))
    except UnsupportedFormat as exc:
        return failed_rows(doc_id, item.source_path, fmt, len(data), "read", "unsupported_format", str(exc))
    except Exception as exc:  # a corrupt file of a readable format: say so and go on
        return failed_rows(doc_id, item.source_path, fmt, len(data), "read", "unreadable_document",
                           f"The {fmt} file could not be read: {exc}")
    try:
        return document_rows(doc, doc_id, item.source_path, fmt, len(data))
    except Exception as exc:  # a parser bug must not cost the batch; the row says where it failed
        return failed_rows(doc_id, item.source_path, fmt, len(data), "structure", "parser_error",
                           f"Parsing stopped with {type(exc).__name__}: {exc}")


def merge(results: Iterable[Rows]) -> dict[str, list[dict]]:
    """Concatenate per-file rows; agencies are shared across documents, so they are deduplicated."""
    tables: dict[str, list[dict]] = {name: [] for name, _ in TABLES}
    agency_ids: set[str] = set()
    for rows in results:
        for name, table_rows in rows.items():
            if name == "agencies":
                table_rows = [r for r in table_rows if r["agency_id"] not in agency_ids]
                agency_ids.update(r["agency_id"] for r in table_rows)
            tables[name].extend(table_rows)
    tables["agencies"].sort(key=lambda r: (r["province"] or "", r["name"]))
    return tables


def write_tables(tables: dict[str, list[dict]], out: Path) -> None:
    """Write every table as DIR/<table>/part-0.parquet. Each table is written into a staging
    folder first and then moved into place, so an interrupted run leaves either the old or
    the new table, never a half-written file."""
    out.mkdir(parents=True, exist_ok=True)
    recover_interrupted_write(out)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=out))
    try:
        for name, schema in SCHEMAS.items():
            (staging / name).mkdir()
            table = pa.Table.from_pylist(tables.get(name, []), schema=schema)
            pq.write_table(table, staging / name / "part-0.parquet")
        for name in SCHEMAS:
            target, old = out / name, out / f".old-{name}"
            if target.exists():
                target.rename(old)
            (staging / name).rename(target)
            if old.exists():
                shutil.rmtree(old)
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


def run(inputs: list[Path], out: Path, jobs: int = 1, progress: bool = True) -> dict[str, list[dict]]:
    """Process every input file and write the tables; returns them."""
    files = find_inputs(inputs)
    if jobs > 1 and len(files) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = list(_progress(pool.map(process_file, files, chunksize=1), len(files), progress))
    else:
        results = list(_progress(map(process_file, files), len(files), progress))
    tables = merge(results)
    write_tables(tables, out)
    return tables


def _progress(iterable, total: int, enabled: bool):
    if not enabled:
        return iterable
    from tqdm import tqdm

    return tqdm(iterable, total=total, desc="documents", unit="doc", file=sys.stderr)


def summary(tables: dict[str, list[dict]], seconds: float) -> str:
    """The end-of-run table: documents by status and rows per table."""
    status = {s: sum(d["parse_status"] == s for d in tables["documents"]) for s in ("ok", "partial", "failed")}
    lines = [
        ("documents", f"{len(tables['documents'])} ({status['ok']} ok, {status['partial']} partial, {status['failed']} failed)"),
        ("tasks", len(tables["tasks"])),
        ("task outputs", len(tables["task_outputs"])),
        ("agencies", f"{len(tables['agencies'])} ({len(tables['task_agencies'])} mentions)"),
        ("deadlines", len(tables["deadlines"])),
        ("references", len(tables["references"])),
        ("sections", len(tables["sections"])),
        ("diagnostics", len(tables["diagnostics"])),
        ("seconds", f"{seconds:.1f}"),
    ]
    width = max(len(k) for k, _ in lines)
    out = [f"{k:<{width}}  {v}" for k, v in lines]
    failed = [d for d in tables["diagnostics"] if d["severity"] == "error"]
    if failed:
        out.append("")
        out += [f"failed: {d['source_path']}: {d['message']}" for d in failed]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Vietnamese plan documents -> normalized Parquet tables.")
    parser.add_argument("inputs", nargs="*", type=Path, help=f"files or folders (default {DEFAULT_INPUT})")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUTPUT, help=f"output folder (default {DEFAULT_OUTPUT})")
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1), help="worker processes (default: up to 2)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    args = parser.parse_args(argv)
    if args.jobs < 1:
        parser.error(f"--jobs must be 1 or more, not {args.jobs}")
    started = time.perf_counter()
    try:
        tables = run(args.inputs or [DEFAULT_INPUT], args.out, jobs=args.jobs, progress=not args.quiet)
    except ValueError as exc:
        parser.error(str(exc))
    print(summary(tables, time.perf_counter() - started))
    return 1 if any(d["parse_status"] == "failed" for d in tables["documents"]) else 0


if __name__ == "__main__":
    sys.exit(main())
