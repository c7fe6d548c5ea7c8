"""The example analysis runs as a user runs it, and its answers agree with the tables counted by hand."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import pipeline
from conftest import ROOT, SAMPLE

sys.path.insert(0, str(ROOT / "examples"))
from analysis import lead_agencies_due_in_q4, tasks_without_readable_deadline  # noqa: E402


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    pipeline.run([SAMPLE], out, jobs=1, progress=False)
    return out


def test_the_script_answers_both_questions(out):
    printed = subprocess.run([sys.executable, str(ROOT / "examples" / "analysis.py"), str(out), "--year", "2021"],
                             capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert "1. Which agency leads the most tasks due in Q4 2021?" in printed
    assert printed.splitlines()[2].split() == ["Sở", "Nội", "vụ", "Phú", "Yên", "11"]
    assert "2. Tasks with no deadline a computer can read: 7" in printed and "Thường xuyên" in printed


def test_q4_leads_agree_with_a_count_by_hand(out):
    tables = {name: pd.read_parquet(out / name) for name in ("deadlines", "task_agencies", "agencies")}
    q4 = tables["deadlines"].dropna(subset=["end"])
    q4 = q4[[d.month >= 10 for d in q4["end"]]]
    leads = tables["task_agencies"].query("role == 'lead'").merge(tables["agencies"], on="agency_id")
    by_hand = leads[leads["task_id"].isin(q4["task_id"])].groupby("name", observed=True)["task_id"].nunique()
    answer = lead_agencies_due_in_q4(out)
    assert dict(zip(answer["agency"], answer["tasks"])) == by_hand.to_dict()


def test_unreadable_deadlines_are_tasks_whose_phrases_fix_no_date(out):
    unreadable = tasks_without_readable_deadline(out)
    deadlines = pd.read_parquet(out / "deadlines")
    kinds = set(deadlines[deadlines["task_id"].isin(unreadable["task_id"])]["kind"])
    assert kinds and kinds <= {"recurring", "relative", "by_reference", "unknown"}
    assert unreadable["deadline_as_printed"].notna().all()
