"""Two analyst questions answered from a run's tables (tests/test_examples.py runs this script).

    python examples/analysis.py [DIR] [--year YEAR]

1. Which agency leads the most tasks due in a fourth quarter (of YEAR, or of any year)?
   Asked of ``DIR/plans.duckdb`` in SQL.
2. Which tasks have no deadline a computer can read (no phrase that fixes a calendar period:
   "Thường xuyên", "Theo quy định", a blank cell)? Asked of the Parquet tables with pandas.

DIR defaults to data/processed (run ``python pipeline.py`` first).
"""
from __future__ import annotations

import argparse
from pathlib import Path

import duckdb
import pandas as pd

LEADS_DUE_IN_Q4 = """
    select a.name as agency, a.province, count(distinct ta.task_id) as tasks
    from deadlines d
    join task_agencies ta using (task_id)
    join agencies a using (agency_id)
    where ta.role = 'lead' and quarter(d."end") = 4 and ($year is null or year(d."end") = $year)
    group by all
    order by tasks desc, agency
"""


def lead_agencies_due_in_q4(out: Path, year: int | None = None) -> pd.DataFrame:
    """Agencies by the number of tasks they lead that have a deadline ending in a Q4, most first."""
    with duckdb.connect(str(out / "plans.duckdb"), read_only=True) as con:
        return con.execute(LEADS_DUE_IN_Q4, {"year": year}).df()


def tasks_without_readable_deadline(out: Path) -> pd.DataFrame:
    """Tasks none of whose deadline phrases fixes a start or end date, with the deadline cells as printed."""
    tasks = pd.read_parquet(out / "tasks")
    outputs = pd.read_parquet(out / "task_outputs")
    deadlines = pd.read_parquet(out / "deadlines")
    readable = deadlines.loc[deadlines["start"].notna() | deadlines["end"].notna(), "task_id"]
    unreadable = tasks.loc[~tasks["task_id"].isin(readable), ["task_id", "stt", "content"]]
    printed = (outputs.dropna(subset=["deadline_raw"]).groupby("task_id")["deadline_raw"]
               .agg(lambda cells: "; ".join(dict.fromkeys(cells))).rename("deadline_as_printed"))
    return unreadable.join(printed, on="task_id").fillna({"deadline_as_printed": "(no deadline cell)"}).reset_index(drop=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=Path("data/processed"), help="output folder of a run")
    parser.add_argument("--year", type=int, help="only Q4 of this year (default: any year)")
    args = parser.parse_args(argv)
    if not (args.out / "plans.duckdb").exists():
        parser.error(f"{args.out} has no plans.duckdb: run 'python pipeline.py [INPUT ...] --out {args.out}' first")
    leads = lead_agencies_due_in_q4(args.out, args.year)
    print(f"1. Which agency leads the most tasks due in Q4{f' {args.year}' if args.year else ''}?")
    print(leads.head(10).to_string(index=False) if len(leads) else "   no task is due in a Q4")
    unreadable = tasks_without_readable_deadline(args.out)
    print(f"\n2. Tasks with no deadline a computer can read: {len(unreadable)}")
    shown = unreadable.drop(columns="task_id").head(20)
    print(shown.assign(content=shown["content"].str.slice(0, 60)).to_string(index=False))


if __name__ == "__main__":
    main()
