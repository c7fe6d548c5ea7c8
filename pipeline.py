"""Turn a folder of Vietnamese plan documents into normalized Parquet tables.

    python pipeline.py [INPUT ...] [--out DIR] [--jobs N] [--quiet] [--full]
    python pipeline.py export --to URL [--from DIR]
    python pipeline.py report [--from DIR] [--html FILE]

INPUTs are files or folders (searched recursively); defaults ``data/raw`` and
``data/processed``. Each table of ``parsers/schema.py`` becomes a Parquet dataset
``DIR/<table>/``, and ``DIR/plans.duckdb`` holds them all with their keys and views. A re-run
reads only new or changed files (``DIR/manifest.json`` records what made each document;
``--full`` reads everything). A file that cannot be read gets a failed documents row and a
diagnostics row; the batch goes on, and the exit status is 1 when any file failed (2 for bad
arguments). ``export`` copies the tables into SQLite or PostgreSQL; ``report`` writes one HTML page.

This module owns all I/O: it reads bytes, calls the pure stages (``ingest`` readers, then
``parsers.rows.document_rows``) and writes the tables through ``outputs.store``.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ingest.errors import ToolUnavailable
from ingest.pdf.ocr.pages import JOBS_VARIABLE as OCR_JOBS_VARIABLE
from ingest.readers import UnsupportedFormat, read_document, source_format
import parsers.rows
from outputs.manifest import ManifestKey, is_current, manifest_entry, read_manifest
from outputs.store import outputs_are_current, read_kept_rows, write_outputs
from parsers.rows import Rows, diagnostic, doc_id_of, document_rows, failed_rows
from parsers.schema import TABLES

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
    except ToolUnavailable as exc:
        return failed_rows(doc_id, item.source_path, fmt, len(data), "read", "tool_unavailable", str(exc))
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


@dataclass
class RunResult:
    tables: dict[str, list[dict]]
    read: list[str]  # source paths read and parsed by this run
    kept: list[str]  # unchanged files whose rows were taken from the output folder
    dropped: list[str]  # files of the previous run that are gone, changed or made by another version
    wrote: bool  # False when nothing changed, so no output file was touched


def content_id(item: InputFile) -> str | None:
    """The doc_id the file's bytes give, or None when it cannot be read (then it is read every run)."""
    try:
        return doc_id_of(item.path.read_bytes())
    except OSError:
        return None


def run(inputs: list[Path], out: Path, jobs: int = 1, progress: bool = True, full: bool = False) -> RunResult:
    """Process the new or changed input files, keep the rows of the others, and write the tables
    when anything changed; the output is the same as a full run's (``full`` reads every file)."""
    files = find_inputs(inputs)
    previous = {} if full or not outputs_are_current(out) else read_manifest(out)
    to_read: list[InputFile] = []
    kept_entries: list[dict] = []
    plan: list[tuple[InputFile, str | None, str]] = []  # (file, doc_id, "read" | "keep" | "duplicate")
    first_path: dict[str, str] = {}
    for item in files:
        doc_id = content_id(item)
        entry = previous.get((item.source_path, doc_id))
        if doc_id in first_path:  # same bytes as an earlier file: one documents row, so every key holds
            plan.append((item, doc_id, "duplicate"))
            continue
        if entry and is_current(entry, parsers.rows.PIPELINE_VERSION):
            kept_entries.append(entry)
            plan.append((item, doc_id, "keep"))
        else:
            to_read.append(item)
            plan.append((item, doc_id, "read"))
        if doc_id:
            first_path[doc_id] = item.source_path
    fresh = iter(_process_all(to_read, jobs, progress))
    kept = read_kept_rows(out, kept_entries) if kept_entries else {}
    results = []  # in input order, as a full run makes them
    for item, doc_id, action in plan:
        if action == "read":
            results.append(next(fresh))
        elif action == "keep":
            results.append(kept[doc_id])
        else:
            results.append(duplicate_rows(item, first_path[doc_id], doc_id))
    tables = merge(results)
    kept_keys: set[ManifestKey] = {(e["source_path"], e["doc_id"]) for e in kept_entries}
    dropped = sorted(path for path, doc_id in previous.keys() - kept_keys)
    wrote = bool(full or not previous or to_read or dropped)
    if wrote:
        write_outputs(tables, [manifest_entry(rows) for rows in results if rows.get("documents")], out)
    return RunResult(tables, [i.source_path for i in to_read], [e["source_path"] for e in kept_entries], dropped, wrote)


def duplicate_rows(item: InputFile, first_path: str, doc_id: str) -> Rows:
    """A file with the same bytes as an earlier one adds no document, only a note saying so."""
    return {"diagnostics": [diagnostic(doc_id, item.source_path, "warning", "read", "duplicate_file",
                                       f"Same bytes as {first_path}; its rows are listed once, under {first_path}")]}


def _process_all(files: list[InputFile], jobs: int, progress: bool) -> list[Rows]:
    if jobs > 1 and len(files) > 1:
        workers = min(jobs, len(files))
        with ProcessPoolExecutor(max_workers=workers, initializer=_share_cores, initargs=(workers,)) as pool:
            return list(_progress(pool.map(process_file, files, chunksize=1), len(files), progress))
    return list(_progress(map(process_file, files), len(files), progress))


def _share_cores(workers: int) -> None:
    """In each worker: OCR pages in as many threads as this worker's share of the CPUs (a scan's
    pages run in parallel inside one file; without a share, N workers would start N threads each)."""
    os.environ.setdefault(OCR_JOBS_VARIABLE, str(max(1, (os.cpu_count() or 1) // workers)))


def _progress(iterable, total: int, enabled: bool):
    if not enabled:
        return iterable
    from tqdm import tqdm

    return tqdm(iterable, total=total, desc="documents", unit="doc", file=sys.stderr)


def summary(result: RunResult, seconds: float) -> str:
    """The end-of-run table: documents by status, rows per table, files read or kept."""
    tables = result.tables
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
        ("files", f"{len(result.read)} read, {len(result.kept)} unchanged, {len(result.dropped)} dropped"
                  + ("" if result.wrote else " (nothing changed, no output written)")),
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
    """The command line: a run over INPUTs, or the ``export`` / ``report`` subcommand."""
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in SUBCOMMANDS:
        return SUBCOMMANDS[argv[0]](argv[1:])
    parser = argparse.ArgumentParser(
        description="Vietnamese plan documents -> normalized Parquet tables (and plans.duckdb).",
        epilog="Subcommands: 'python pipeline.py export --to URL [--from DIR]' copies the tables into SQLite or "
               "PostgreSQL; 'python pipeline.py report [--from DIR] [--html FILE]' writes an HTML report. "
               "(An input folder named export or report is given as ./export.)")
    parser.add_argument("inputs", nargs="*", type=Path, help=f"files or folders (default {DEFAULT_INPUT})")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUTPUT, help=f"output folder (default {DEFAULT_OUTPUT})")
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1), help="worker processes (default: up to 2)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.add_argument("--full", action="store_true", help="read every file again, even those unchanged since the last run")
    args = parser.parse_args(argv)
    if args.jobs < 1:
        parser.error(f"--jobs must be 1 or more, not {args.jobs}")
    started = time.perf_counter()
    try:
        result = run(args.inputs or [DEFAULT_INPUT], args.out, jobs=args.jobs, progress=not args.quiet, full=args.full)
    except ValueError as exc:
        parser.error(str(exc))
    print(summary(result, time.perf_counter() - started))
    return 1 if any(d["parse_status"] == "failed" for d in result.tables["documents"]) else 0


def export_main(argv: list[str]) -> int:
    """``python pipeline.py export --to URL [--from DIR]``: the tables into SQLite or PostgreSQL."""
    from outputs.export import export_tables, export_summary

    parser = argparse.ArgumentParser(prog="pipeline.py export", description="Copy the output tables into SQLite or PostgreSQL, "
                                     "one document per transaction (a re-export replaces, never duplicates).")
    parser.add_argument("--to", required=True, metavar="URL", help="SQLAlchemy URL: sqlite:///plans.db or postgresql://user:pw@host/db")
    parser.add_argument("--from", dest="source", type=Path, default=DEFAULT_OUTPUT, metavar="DIR",
                        help=f"output folder of a run (default {DEFAULT_OUTPUT})")
    args = parser.parse_args(argv)
    try:
        result = export_tables(args.source, args.to)
    except ValueError as exc:
        parser.error(str(exc))
    print(export_summary(result))
    return 0


def report_main(argv: list[str]) -> int:
    """``python pipeline.py report [--from DIR] [--html FILE]``: one self-contained HTML page."""
    from outputs.report import write_report

    parser = argparse.ArgumentParser(prog="pipeline.py report", description="Write one self-contained HTML report of a run's tables.")
    parser.add_argument("--from", dest="source", type=Path, default=DEFAULT_OUTPUT, metavar="DIR",
                        help=f"output folder of a run (default {DEFAULT_OUTPUT})")
    parser.add_argument("--html", type=Path, metavar="FILE", help="where to write it (default DIR/report.html)")
    args = parser.parse_args(argv)
    html = args.html or args.source / "report.html"
    try:
        write_report(args.source, html)
    except ValueError as exc:
        parser.error(str(exc))
    print(f"report written to {html}")
    return 0


SUBCOMMANDS = {"export": export_main, "report": report_main}


if __name__ == "__main__":
    sys.exit(main())
