"""The pipeline over ../shared/corpus, scored by ../shared/eval/score.py against the gold answers.

Thresholds are the ones the work is accepted on (issue "The pipeline end to end"): the sample
scores 1.000 everywhere; the text, Markdown and Word documents together reach the listed minimums.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import pipeline
from conftest import CORPUS, GOLD, SCORER, need_shared

READ_NOW = r"\.(txt|md|docx)\.gold\.json$"


@pytest.fixture(scope="module")
def corpus_out(tmp_path_factory) -> Path:
    need_shared(CORPUS, GOLD, SCORER)
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


def test_pdf_and_doc_are_reported_not_crashed(corpus_out):
    docs = pd.read_parquet(corpus_out / "documents")
    diag = pd.read_parquet(corpus_out / "diagnostics")
    later = docs[docs["source_path"].str.contains(r"\.(?:pdf|doc)$")]
    assert len(later) == 6 and (later["parse_status"] == "failed").all()
    codes = diag[diag["doc_id"].isin(later["doc_id"])]["code"]
    assert set(codes) == {"format_not_yet_supported"}
