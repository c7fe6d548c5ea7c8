"""Golden tests: every real document's tables, as checked in under tests/golden/.

The expected files are written only by an explicit flag, after a person has read the diff:

    python -m pytest tests/test_golden.py --regen-golden

The project's own sample (data/raw) always runs; the other corpus documents are read from
../shared/corpus and skip when it is absent.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import CORPUS, SAMPLE, need_programs, need_shared
from ingest.readers import READERS
from pipeline import InputFile, process_file

GOLDEN = Path(__file__).parent / "golden"
PROGRAM_FOR = {".doc": "soffice", "_scan.pdf": "tesseract"}  # what reads these files
CORPUS_DOCS = ["lamdong_KH_CCHC_2026-2030.docx", "lamdong_KH_thidua_CCHC_2026.docx", "lamdong_KH_tuyentruyen_CCHC_2026.docx",
               "tvpl_cantho_157_KH-UBND_2025_thidua.md", "tvpl_dongthap_552_KH-UBND_2025_doimoicongnghe.md",
               "tvpl_hanoi_310_KH-UBND_2025_5G-IoT.md", "lamdong_KH_KMT_2026.doc", "lamdong_KH_CCHC_2026-2030.pdf",
               "lamdong_BC329_CCHC_2025.pdf", "BNV_12094_CV_huongdan_2025.pdf", "lamdong_KH_CCHC_2026-2030_scan.pdf",
               "TTg_932_QD-TTg_2025_scan.pdf"]


def as_json(rows: dict) -> str:
    """Tables as stable, diffable JSON (dates as ISO strings, keys sorted)."""
    return json.dumps(rows, ensure_ascii=False, indent=1, sort_keys=True, default=lambda v: v.isoformat()) + "\n"


def check(path: Path, regen: bool) -> None:
    expected_file = GOLDEN / f"{path.name}.json"
    got = as_json(process_file(InputFile(path, path.name)))
    if regen:
        GOLDEN.mkdir(exist_ok=True)
        expected_file.write_text(got, encoding="utf-8")
        return
    assert expected_file.exists(), f"no golden file {expected_file.name}; run pytest --regen-golden after checking the output"
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    actual = json.loads(got)
    for table in sorted(set(expected) | set(actual)):
        assert actual.get(table, []) == expected.get(table, []), f"table {table} differs from {expected_file.name}"


def test_sample(regen_golden):
    check(SAMPLE, regen_golden)


@pytest.mark.parametrize("name", CORPUS_DOCS)
def test_corpus_document(name, regen_golden):
    need_shared(CORPUS / name)
    for ending, program in PROGRAM_FOR.items():
        if name.endswith(ending):
            need_programs(program)
    assert Path(name).suffix in READERS
    check(CORPUS / name, regen_golden)
