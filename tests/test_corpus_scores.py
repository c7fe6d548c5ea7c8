"""The pipeline over ../shared/corpus, scored by ../shared/eval/score.py against the gold answers.

Thresholds are the ones the work is accepted on. Issue "The pipeline end to end": the sample
scores 1.000 everywhere; the text, Markdown and Word documents together reach the listed minimums.
Issue "Every format a province publishes": the text-layer PDF of a plan scores as its .docx does,
its scan reaches the listed minimums, every format's document fields are right, and no metric over
all gold documents falls below where it stood before PDF and .doc were read.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import pipeline
from conftest import CORPUS, GOLD, SCORER, need_programs, need_shared

READ_NOW = r"\.(txt|md|docx)\.gold\.json$"


@pytest.fixture(scope="module")
def corpus_out(tmp_path_factory) -> Path:
    need_shared(CORPUS, GOLD, SCORER)
    need_programs("tesseract", "soffice")  # the corpus holds scans and a .doc
    out = tmp_path_factory.mktemp("corpus-out")
    pipeline.main([str(CORPUS), "--out", str(out), "--quiet"])
    return out


def score(out: Path, match: str, tmp: Path) -> dict:
    report = tmp / "score.json"
    subprocess.run([sys.executable, str(SCORER), "--processed", str(out), "--gold", str(GOLD), "--match", match,
                    "--json", str(report)], check=True, capture_output=True)
    return json.loads(report.read_text(encoding="utf-8"))


def metrics(res: dict) -> dict[str, float]:
    flat = {k: v["f1"] for k, v in res.items() if isinstance(v, dict) and "f1" in v}
    flat.update({k: v for k, v in res.items() if isinstance(v, float)})
    flat.update({f"document.{k}": v for k, v in res["document_fields"].items() if v is not None})
    return flat


def test_sample_is_perfect(corpus_out, tmp_path):
    res = score(corpus_out, r"^000_e675889898dec04e", tmp_path)
    imperfect = {k: v for k, v in metrics(res).items() if v is not None and v < 1.0}
    assert res["documents_found"] == 1 and not imperfect


@pytest.mark.parametrize("metric, minimum", [
    ("tasks", 0.98), ("task_content_exact", 0.97), ("task_outputs_exact", 0.95),
    ("agencies_lead", 0.95), ("agencies_coordinate", 0.95), ("agencies_monitor", 0.95),
    ("agency_one_id_per_agency", 1.0), ("deadlines", 0.95), ("references", 0.95),
    ("document_field_accuracy", 0.95), ("sections", 0.90),
])
def test_text_and_word_documents(corpus_out, tmp_path, metric, minimum):
    assert metrics(score(corpus_out, READ_NOW, tmp_path))[metric] >= minimum


# After "The pipeline end to end" (issue 2), over all 13 gold documents, when PDF and .doc were not read yet:
# no F1 and no document field accuracy may fall below these.
ALL_GOLD_BEFORE = {"document_field_accuracy": 0.615, "tasks": 0.736, "agencies_lead": 0.732, "agencies_coordinate": 0.775,
                   "agencies_monitor": 0.500, "deadlines": 0.724, "deadline_kinds": 0.724, "references": 0.368, "sections": 0.769}
TASK_METRICS = ["tasks", "agencies_lead", "agencies_coordinate", "agencies_monitor", "deadlines", "deadline_kinds",
                "task_content_exact", "task_content_similarity", "task_stt_exact", "task_group_exact", "task_outputs_exact"]


@pytest.mark.parametrize("metric, before", ALL_GOLD_BEFORE.items())
def test_all_documents_no_lower_than_before(corpus_out, tmp_path, metric, before):
    assert metrics(score(corpus_out, r"\.gold\.json$", tmp_path))[metric] >= before


@pytest.mark.parametrize("metric", TASK_METRICS)
def test_text_pdf_tasks_as_good_as_the_word_file(corpus_out, tmp_path, metric):
    word = metrics(score(corpus_out, r"^lamdong_KH_CCHC_2026-2030\.docx", tmp_path))[metric]
    pdf = metrics(score(corpus_out, r"^lamdong_KH_CCHC_2026-2030\.pdf", tmp_path))[metric]
    assert pdf >= word - 0.01


@pytest.mark.parametrize("metric, minimum", [
    ("tasks", 0.95), ("task_content_similarity", 0.97), ("agencies_lead", 0.90), ("deadlines", 0.90),
])
def test_scanned_plan(corpus_out, tmp_path, metric, minimum):
    assert metrics(score(corpus_out, r"^lamdong_KH_CCHC_2026-2030_scan\.pdf", tmp_path))[metric] >= minimum


@pytest.mark.parametrize("files", [r"(?<!_scan)\.pdf\.gold", r"_scan\.pdf\.gold", r"\.doc\.gold"],
                         ids=["text-layer PDF", "scanned PDF", "Word 97 doc"])
def test_document_fields_of_every_format(corpus_out, tmp_path, files):
    assert metrics(score(corpus_out, files, tmp_path))["document_field_accuracy"] >= 0.90


def test_every_corpus_file_is_read(corpus_out):
    docs = pd.read_parquet(corpus_out / "documents")
    assert not (docs["parse_status"] == "failed").any(), docs[docs["parse_status"] == "failed"]["source_path"].tolist()


def test_scans_say_they_were_ocr_read(corpus_out):
    docs = pd.read_parquet(corpus_out / "documents").set_index("doc_id")
    diag = pd.read_parquet(corpus_out / "diagnostics")
    ocr = diag[diag["code"] == "ocr_used"]
    assert sorted(docs.loc[ocr["doc_id"], "source_path"]) == ["TTg_932_QD-TTg_2025_scan.pdf", "lamdong_KH_CCHC_2026-2030_scan.pdf"]
    assert ocr["message"].str.contains("confidence").all()
