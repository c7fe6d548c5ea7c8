"""The same plan as .docx, as a PDF printed from it, and as a scan of that PDF gives the same task table.

Exactly for the PDF (every task's number, group, content, agencies and deadlines); for the
scan by the scorer's kind of matching (tasks aligned by text similarity, then agencies and
deadlines compared), because OCR may misread a letter here and there.
"""
from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from ingest.readers import read_document
from parsers.rows import document_rows
from renderings import docx_to_pdf, plan_docx, plan_tasks, scan_of, soffice


@pytest.fixture(scope="module")
def renderings() -> dict[str, bytes]:
    if soffice() is None:
        pytest.skip("LibreOffice is not installed (Debian package libreoffice-writer-nogui): it prints the PDF")
    word = plan_docx()
    pdf = docx_to_pdf(word)
    return {"plan.docx": word, "plan.pdf": pdf, "plan_scan.pdf": scan_of(pdf)}


def task_table(renderings: dict[str, bytes], name: str) -> list[dict]:
    """Each task as the analyst sees it: number, group, content, lead and partner names, deadlines."""
    suffix = Path(name).suffix
    rows = document_rows(read_document(renderings[name], suffix), "doc", name, suffix.lstrip("."))
    names = {a["agency_id"]: a["name"] for a in rows.get("agencies", [])}
    tasks = []
    for task in rows["tasks"]:
        def agencies(role: str) -> list[str]:
            return [names[a["agency_id"]] for a in rows["task_agencies"] if a["task_id"] == task["task_id"] and a["role"] == role]
        tasks.append({"stt": task["stt"], "group": task["group_label"], "content": task["content"],
                      "lead": agencies("lead"), "coordinate": agencies("coordinate"),
                      "deadlines": [(d["kind"], d["start"], d["end"]) for d in rows["deadlines"] if d["task_id"] == task["task_id"]]})
    return tasks


def test_the_word_file_gives_the_plan_as_written(renderings):
    tasks = task_table(renderings, "plan.docx")
    assert [(t["stt"], t["content"], t["lead"]) for t in tasks] == [(stt, content, [lead]) for _, stt, content, lead, _, _ in plan_tasks()]


def test_pdf_gives_exactly_the_word_files_tasks(renderings):
    assert task_table(renderings, "plan.pdf") == task_table(renderings, "plan.docx")


@pytest.fixture(scope="module")
def scan_alignment(renderings) -> list[tuple[dict, dict | None, float]]:
    if not shutil.which("tesseract"):
        pytest.skip("Tesseract is not installed (Debian packages tesseract-ocr, tesseract-ocr-vie): it reads scans")
    word, scan = task_table(renderings, "plan.docx"), task_table(renderings, "plan_scan.pdf")
    aligned, rest = [], list(scan)
    for task in word:  # in order, each scanned task matched once, as the scorer does
        scores = [difflib.SequenceMatcher(None, task["content"], other["content"], autojunk=False).ratio() for other in rest]
        best = max(range(len(scores)), key=scores.__getitem__, default=None)
        if best is not None and scores[best] >= 0.8:
            aligned.append((task, rest[best], scores[best]))
            rest = rest[best + 1:]
        else:
            aligned.append((task, None, 0.0))
    return aligned


def test_scan_finds_every_task(scan_alignment):
    assert [t["stt"] for t, match, _ in scan_alignment if match is None] == []


def test_scan_adds_no_task(renderings, scan_alignment):
    assert len(task_table(renderings, "plan_scan.pdf")) == len(scan_alignment)


def test_scan_reads_task_text_nearly_exactly(scan_alignment):
    assert sum(score for _, _, score in scan_alignment) / len(scan_alignment) >= 0.97


@pytest.mark.parametrize("field", ["lead", "coordinate", "deadlines", "stt", "group"])
def test_scan_agrees_with_the_word_file_on(scan_alignment, field):
    agree = [match is not None and match[field] == task[field] for task, match, _ in scan_alignment]
    assert sum(agree) / len(agree) >= 0.9
