"""``manifest.json``: which file, content, pipeline version and schema version each document of an
output folder came from, so a re-run reads again only what is new, changed or made by another version.

>>> rows = {"documents": [{"doc_id": "d1", "source_path": "a.txt", "pipeline_version": "0.1.0"}], "agencies": []}
>>> entry = manifest_entry(rows)
>>> entry["doc_id"], is_current(entry, "0.1.0"), is_current(entry, "0.2.0")
('d1', True, False)
"""
from __future__ import annotations

import json
from pathlib import Path

from parsers.rows import Rows
from parsers.schema import SCHEMA_VERSION

MANIFEST_NAME = "manifest.json"
ManifestKey = tuple[str, str]  # (source_path, doc_id): the same bytes under the same name


def manifest_entry(rows: Rows) -> dict:
    """One document's entry. It keeps the agencies rows the document named: the shared agencies
    table takes each agency's spelling from the first document naming it, so a run that reuses a
    document needs them to rebuild that table exactly as a full run would."""
    document = rows["documents"][0]
    return {"source_path": document["source_path"], "doc_id": document["doc_id"],
            "pipeline_version": document["pipeline_version"], "schema_version": SCHEMA_VERSION,
            "agencies": rows.get("agencies", [])}


def manifest_json(entries: list[dict]) -> str:
    """The manifest file's text: stable (sorted keys, no timestamps), so an unchanged run writes the same bytes."""
    return json.dumps({"schema_version": SCHEMA_VERSION, "documents": entries}, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def read_manifest(out: Path) -> dict[ManifestKey, dict]:
    """The entries of the manifest in ``out``; none when it is missing or damaged (the run then reads every file)."""
    try:
        entries = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))["documents"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    return {(e["source_path"], e["doc_id"]): e for e in entries}


def is_current(entry: dict, pipeline_version: str) -> bool:
    """Whether a document's rows were made by this pipeline and schema version (another version reads it again)."""
    return entry["pipeline_version"] == pipeline_version and entry["schema_version"] == SCHEMA_VERSION
