"""Benchmark: pages/s, documents/s and peak memory of the full pipeline per input format, on one core.

    python bench/bench_pipeline.py [FOLDER ...] [--repeat N]

Each file runs in a fresh process (so the peak memory is that file's, C libraries and the
Tesseract/LibreOffice child processes included) through read -> structure -> rows, N times
(scans once: OCR is slow and its time hardly varies). OCR runs on one page at a time here
(VN_PLAN_OCR_JOBS=1), so every number is per core. Next to the pipeline, the same run times
pdfplumber's bare ``page.extract_text()`` on the same text-layer PDFs: the yardstick the
PDF reader is held to (at least 5x its pages/s end to end). Default folders: data/raw and
../shared/corpus when present.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import InputFile, find_inputs, process_file  # noqa: E402


def peak_mib() -> float:
    """This process's and its finished children's peak resident memory, MiB (Linux reports KiB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def measure_one(path: Path, repeat: int) -> dict:
    """Run one file `repeat` times in this process; what kind of file it was, its pages and best time."""
    item = InputFile(path, path.name)
    times, rows = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        rows = process_file(item)
        times.append(time.perf_counter() - started)
        if any(d["code"] == "ocr_used" for d in rows.get("diagnostics", [])):
            break  # one OCR run is enough
    doc = rows["documents"][0]
    ocr = any(d["code"] == "ocr_used" for d in rows.get("diagnostics", []))
    kind = f"{doc['source_format']}-scan" if ocr else doc["source_format"]
    return {"kind": kind, "status": doc["parse_status"], "pages": doc["pages"] or 0, "seconds": min(times), "peak": peak_mib()}


def measure_pdfplumber(path: Path) -> dict:
    """pdfplumber's bare extract_text() over every page: the speed yardstick for text-layer PDFs."""
    import pdfplumber

    started = time.perf_counter()
    with pdfplumber.open(path) as pdf:
        pages = len(pdf.pages)
        for page in pdf.pages:
            page.extract_text()
    return {"kind": "pdfplumber", "status": "ok", "pages": pages, "seconds": time.perf_counter() - started, "peak": peak_mib()}


def in_fresh_process(*args: str) -> dict:
    env = {**os.environ, "VN_PLAN_OCR_JOBS": "1", "OMP_THREAD_LIMIT": "1"}
    done = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=True, env=env)
    return json.loads(done.stdout.strip().splitlines()[-1])


def table(results: list[dict]) -> str:
    stats = defaultdict(lambda: {"files": 0, "pages": 0, "seconds": 0.0, "peak": 0.0})
    for r in results:
        s = stats[r["kind"]]
        s["files"] += 1
        s["pages"] += r["pages"]
        s["seconds"] += r["seconds"]
        s["peak"] = max(s["peak"], r["peak"])
    lines = [f"{'format':12} {'files':>5} {'pages':>5} {'ms/doc':>8} {'docs/s':>7} {'pages/s':>8} {'s/page':>7} {'peak MiB':>9}"]
    for kind, s in sorted(stats.items()):
        per_page = f"{s['pages'] / s['seconds']:8.1f} {s['seconds'] / s['pages']:7.3f}" if s["pages"] else f"{'n/a':>8} {'n/a':>7}"
        lines.append(f"{kind:12} {s['files']:5d} {s['pages']:5d} {1000 * s['seconds'] / s['files']:8.1f} "
                     f"{s['files'] / s['seconds']:7.2f} {per_page} {s['peak']:9.1f}")
    if stats.get("pdf", {}).get("pages") and stats.get("pdfplumber", {}).get("pages"):
        ratio = (stats["pdf"]["pages"] / stats["pdf"]["seconds"]) / (stats["pdfplumber"]["pages"] / stats["pdfplumber"]["seconds"])
        lines.append(f"text-layer PDFs end to end: {ratio:.1f}x the pages/s of pdfplumber's bare extract_text()")
    lines.append("(one core, one fresh process a file, best of the runs; peak = resident memory incl. child processes)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)  # the child process's job
    parser.add_argument("--pdfplumber", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(measure_one(args.one, args.repeat)))
        return
    if args.pdfplumber:
        print(json.dumps(measure_pdfplumber(args.pdfplumber)))
        return
    folders = args.folders or [p for p in (ROOT / "data/raw", ROOT.parent / "shared/corpus") if p.exists()]
    results = []
    for item in find_inputs(folders):
        result = in_fresh_process("--one", str(item.path), "--repeat", str(args.repeat))
        if result["status"] == "failed":
            continue
        results.append(result)
        if result["kind"] == "pdf":
            results.append(in_fresh_process("--pdfplumber", str(item.path)))
    print(table(results))


if __name__ == "__main__":
    main()
