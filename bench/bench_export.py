"""Measure the export: to SQLite and PostgreSQL, the same export again, then one document
changed and exported again; prints each export's time, documents written, row counts per table
(Parquet vs database) and the foreign-key check.

    python bench/bench_export.py [--docs 100] [--postgres URL]

The PostgreSQL URL defaults to $VN_PLAN_TEST_POSTGRES_URL (its tables are dropped first); without
one only SQLite is measured. The folder is built as bench/bench_incremental.py builds it.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import pipeline  # noqa: E402
from bench_incremental import build_folder, write_variant  # noqa: E402
from outputs.export import export_tables, open_database  # noqa: E402
from outputs.sql_tables import sql_metadata  # noqa: E402
from parsers.schema import SCHEMAS  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100)
    parser.add_argument("--postgres", default=os.environ.get("VN_PLAN_TEST_POSTGRES_URL"))
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bench-export-"))
    raw, out = work / "raw", work / "out"
    build_folder(raw, args.docs)
    pipeline.run([raw], out, jobs=2, progress=False)
    databases = {"sqlite": f"sqlite:///{work / 'plans.db'}"}
    if args.postgres:
        engine = open_database(args.postgres)
        sql_metadata().drop_all(engine)
        engine.dispose()
        databases["postgresql"] = args.postgres
    changed = sorted(raw.iterdir())[-1]
    steps = [("first export", None), ("same again", None), ("one document changed", changed)]
    print(f"{args.docs} documents; databases: {', '.join(databases)}")
    print(f"{'database':10} {'step':22} {'seconds':>7} {'written':>7} {'removed':>7}  rows (parquet = database per table)  foreign keys")
    for step, change in steps:
        if change:
            write_variant(change, change, 1000)  # one more line mark: new bytes, new doc_id
            pipeline.run([raw], out, jobs=2, progress=False)
        for name, url in databases.items():
            started = time.perf_counter()
            result = export_tables(out, url)
            seconds = time.perf_counter() - started
            equal = all(result.parquet_rows[t] == result.database_rows[t] for t in SCHEMAS)
            counts = " ".join(f"{t}={result.database_rows[t]}" for t in SCHEMAS)
            broken = sum(result.broken_foreign_keys.values())
            print(f"{name:10} {step:22} {seconds:7.2f} {len(result.replaced):7d} {len(result.removed):7d}  "
                  f"{'equal' if equal else 'DIFFER'}: {counts}  "
                  f"{len(result.broken_foreign_keys)} checked, {broken} broken")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
