"""Benchmark: documents/s, pages/s and peak memory of the full pipeline, per input format.

    python bench/bench_pipeline.py [FOLDER ...] [--repeat N]

Runs each readable file through read -> structure -> rows in this process (one core), N times,
and prints a table. Default folders: data/raw and ../shared/corpus when present.
"""
from __future__ import annotations

import argparse
import sys
import time
import tracemalloc
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline import find_inputs, process_file  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    folders = args.folders or [p for p in (Path("data/raw"), Path("../shared/corpus")) if p.exists()]
    stats = defaultdict(lambda: {"docs": 0, "pages": 0, "bytes": 0, "seconds": 0.0, "peak": 0})
    for item in find_inputs(folders):
        tracemalloc.start()  # one traced run for memory; tracing slows Python, so timing runs are untraced
        process_file(item)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        for _ in range(args.repeat):
            started = time.perf_counter()
            rows = process_file(item)
            elapsed = time.perf_counter() - started
            doc = rows["documents"][0]
            if doc["parse_status"] == "failed":
                break
            s = stats[doc["source_format"]]
            s["docs"] += 1
            s["pages"] += doc["pages"] or 0
            s["bytes"] += doc["size_bytes"] or 0
            s["seconds"] += elapsed
            s["peak"] = max(s["peak"], peak)
    print(f"{'format':8} {'files':>5} {'ms/doc':>8} {'docs/s':>8} {'pages/s':>8} {'MB/s':>7} {'peak MiB':>9}")
    for fmt, s in sorted(stats.items()):
        pages = f"{s['pages'] / s['seconds']:8.1f}" if s["pages"] else f"{'n/a':>8}"
        print(f"{fmt:8} {s['docs'] // args.repeat:5d} {1000 * s['seconds'] / s['docs']:8.1f} {s['docs'] / s['seconds']:8.1f} {pages} "
              f"{s['bytes'] / s['seconds'] / 1e6:7.2f} {s['peak'] / 2**20:9.1f}")
    print(f"(one core, {args.repeat} runs a file, peak = Python heap traced by tracemalloc)")


if __name__ == "__main__":
    main()
