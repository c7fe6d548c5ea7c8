"""Benchmark: a first run, an unchanged re-run and a one-file-added, one-file-removed re-run over
a folder of N documents; prints their times and whether the outputs match a full rebuild byte for byte.

    python bench/bench_incremental.py [--docs 100] [--jobs 2] [--keep DIR]

The folder is built in a temporary directory from the readable corpus files (text and Word,
../shared/corpus and data/raw) and variants of them, each a copy with one line changed (so
every file has its own bytes). It is never written inside the project.
"""
from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
import tempfile
import time
from pathlib import Path

import docx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pipeline  # noqa: E402

SOURCES = [ROOT / "data" / "raw", ROOT.parent / "shared" / "corpus"]
READABLE = {".txt", ".md", ".docx"}


def corpus_files() -> list[Path]:
    """The readable corpus files, each content once."""
    seen, files = set(), []
    for folder in SOURCES:
        for path in sorted(folder.glob("*")):
            digest = hashlib.sha256(path.read_bytes()).digest()
            if path.suffix in READABLE and path.name != "SOURCES.md" and digest not in seen:
                seen.add(digest)
                files.append(path)
    return files


def write_variant(source: Path, target: Path, n: int) -> None:
    """A copy of ``source`` whose last paragraph carries a mark ``(bản n)``: other bytes, same structure."""
    if source.suffix == ".docx":
        document = docx.Document(str(source))
        last = [p for p in document.paragraphs if p.text.strip()][-1]
        last.add_run(f" (bản {n})")
        document.save(str(target))
        return
    lines = source.read_text(encoding="utf-8").rstrip("\n").split("\n")
    lines[-1] += f" (bản {n})"
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")


def build_folder(folder: Path, count: int) -> None:
    """``count`` documents: the corpus files, then variants of them in turn."""
    originals = corpus_files()
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        source = originals[i % len(originals)]
        target = folder / f"{i:03d}_{source.name}"
        if i < len(originals):
            shutil.copy(source, target)
        else:
            write_variant(source, target, i // len(originals))


def snapshot(out: Path) -> dict[str, bytes]:
    """Every output file's bytes but plans.duckdb (a database file is not byte-stable across rebuilds)."""
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file() and p.suffix != ".duckdb"}


def other_rows(result: pipeline.RunResult, paths: list[str]) -> dict[str, list[dict]]:
    """Every document-keyed table's rows but those of the files in ``paths``."""
    ids = {d["doc_id"] for d in result.tables["documents"] if d["source_path"] not in paths}
    return {name: [r for r in rows if r.get("doc_id") in ids] for name, rows in result.tables.items() if name != "agencies"}


def timed(inputs: Path, out: Path, jobs: int, full: bool = False) -> tuple[float, pipeline.RunResult]:
    started = time.perf_counter()
    result = pipeline.run([inputs], out, jobs=jobs, progress=False, full=full)
    return time.perf_counter() - started, result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="build the folders here and keep them (default: a temporary directory)")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-incremental-"))
    raw, out, rebuilt = work / "raw", work / "out", work / "rebuilt"
    build_folder(raw, args.docs)

    first_seconds, first = timed(raw, out, args.jobs)
    before = snapshot(out)
    second_seconds, second = timed(raw, out, args.jobs)
    unchanged = snapshot(out) == before

    removed = sorted(raw.iterdir())[1]
    removed.unlink()
    write_variant(corpus_files()[0], raw / "999_added.txt", 999)
    third_seconds, third = timed(raw, out, args.jobs)
    rebuild_seconds, _ = timed(raw, rebuilt, args.jobs, full=True)
    same_as_rebuild = snapshot(out) == snapshot(rebuilt)
    others_kept = other_rows(second, third.read + third.dropped) == other_rows(third, third.read + third.dropped)

    rows = [
        ("first run", first_seconds, first, "-"),
        ("unchanged re-run", second_seconds, second, f"no byte changed: {unchanged}"),
        ("+1 file, -1 file", third_seconds, third, f"Parquet + manifest == full rebuild: {same_as_rebuild}; other documents' rows unchanged: {others_kept}"),
        ("full rebuild (--full)", rebuild_seconds, None, "-"),
    ]
    print(f"{args.docs} documents, --jobs {args.jobs}, folder {work}")
    print(f"{'run':24} {'seconds':>8} {'% of first':>10} {'read':>5} {'kept':>5} {'dropped':>7}  check")
    for name, seconds, result, check in rows:
        counts = f"{len(result.read):5d} {len(result.kept):5d} {len(result.dropped):7d}" if result else f"{'':5} {'':5} {'':7}"
        print(f"{name:24} {seconds:8.2f} {100 * seconds / first_seconds:9.1f}% {counts}  {check}")
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
