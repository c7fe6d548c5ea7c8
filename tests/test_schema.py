"""The output contract: required columns present, types declared once, the data dictionary current."""
from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pytest

from parsers.rows import PIPELINE_VERSION
from parsers.schema import SCHEMAS, data_dictionary

REQUIRED = {  # CONVENTIONS §1
    "documents": "doc_id source_path source_format doc_type doc_number issue_date issuer province title signer_name signer_title parse_status",
    "sections": "doc_id section_id parent_id level label heading text position",
    "tasks": "doc_id task_id table_no seq stt group_label group_title content lead_raw coordinate_raw monitor_raw",
    "task_outputs": "task_id output_seq output_text deadline_raw",
    "deadlines": "task_id output_seq kind start end value raw",
    "task_agencies": "task_id role agency_id mention",
    "agencies": "agency_id name kind level is_collective",
    "references": "doc_id ref_number ref_type issue_date raw",
    "diagnostics": "doc_id severity stage code message",
}


@pytest.mark.parametrize("table", sorted(REQUIRED))
def test_required_columns(table):
    assert set(REQUIRED[table].split()) <= set(SCHEMAS[table].names)


def test_dates_are_date32_and_every_column_is_described():
    for name, schema in SCHEMAS.items():
        for field in schema:
            assert field.metadata and field.metadata[b"description"], (name, field.name)
            if field.name in ("issue_date", "start", "end"):
                assert field.type == pa.date32(), (name, field.name)


def test_data_dictionary_is_current():
    path = Path(__file__).resolve().parent.parent / "docs" / "data_dictionary.md"
    assert path.read_text(encoding="utf-8") == data_dictionary(), "run: python -m parsers.schema > docs/data_dictionary.md"


def test_pipeline_version_is_the_packages_version():
    pyproject = (Path(__file__).resolve().parent.parent / "pyproject.toml").read_text(encoding="utf-8")
    assert f'version = "{PIPELINE_VERSION}"' in pyproject
