"""The structure stage: one read :class:`~ingest.model.Document` -> rows of every output table.

Pure: no I/O. ``pipeline.py`` reads the bytes, calls a reader, then :func:`document_rows`,
and writes what comes back. Ids are derived from content only (doc_id from the bytes, the
rest from doc_id and positions), so the same input gives the same rows on every run.

>>> from ingest.text import read_text
>>> doc = read_text("KẾ HOẠCH\\nCải cách hành chính năm 2021\\n\\nSTT\\tNhiệm vụ\\tChủ trì\\n1\\tLập kế hoạch\\tSở Nội vụ\\n".encode())
>>> rows = document_rows(doc, "d1", "kh.txt", "text")
>>> rows["documents"][0]["doc_type"], rows["tasks"][0]["content"], rows["task_agencies"][0]["mention"]
('Kế hoạch', 'Lập kế hoạch', 'Sở Nội vụ')
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from functools import partial

from ingest.model import Document, Paragraph
from parsers.agencies import Agency, canonical_key, parse_agencies
from parsers.deadlines import parse_deadlines
from parsers.metadata import Metadata, parse_metadata
from parsers.references import find_references
from parsers.sections import parse_sections
from parsers.tasks import AGENCY_ROLES, read_task_rows, task_tables
from parsers.textutil import fold, is_upper_text

# Recorded with every document; a run re-reads documents written by another version (outputs/manifest.py).
# Bump it (with pyproject's version) whenever a reader or parser change can alter a document's rows.
PIPELINE_VERSION = "0.2.0"
Rows = dict[str, list[dict]]


def doc_id_of(data: bytes) -> str:
    """Stable document id: the first 16 hex digits of the SHA-256 of the bytes."""
    return hashlib.sha256(data).hexdigest()[:16]


def agency_id_of(agency: Agency, province: str | None) -> tuple[str, str | None]:
    """(agency_id, scope): local bodies are scoped by province, so Sở Nội vụ of Phú Yên and of
    Lâm Đồng are two agencies while every spelling of one of them is one."""
    scope = None if agency.level == "central" else province
    key = f"{scope or ''}|{canonical_key(agency.name)}"
    return "ag-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12], scope


def diagnostic(doc_id: str, source_path: str, severity: str, stage: str, code: str, message: str) -> dict:
    return {"doc_id": doc_id, "source_path": source_path, "severity": severity, "stage": stage, "code": code, "message": message}


def _add_diagnostic(rows: Rows, doc_id: str, source_path: str, severity: str, stage: str, code: str, message: str) -> None:
    rows["diagnostics"].append(diagnostic(doc_id, source_path, severity, stage, code, message))


def document_rows(doc: Document, doc_id: str, source_path: str, source_format: str, size_bytes: int | None = None) -> Rows:
    """Every table's rows for one read document (see the module docstring)."""
    rows: Rows = defaultdict(list)
    diag = partial(_add_diagnostic, rows, doc_id, source_path)
    for code, message in doc.warnings:
        diag("warning", "read", code, message)

    meta = parse_metadata(doc)
    _section_rows(doc, doc_id, rows)
    _task_rows(doc, doc_id, meta, rows, diag)
    _reference_rows(doc, doc_id, meta, rows)

    if meta.doc_type is None:
        diag("warning", "metadata", "no_doc_type", "No document type heading (KẾ HOẠCH, QUYẾT ĐỊNH, ...) or numbered type was found")
    if meta.title is None:
        diag("warning", "metadata", "no_title", "No subject line (trích yếu) was found under the type heading")
    if not rows["tasks"]:
        diag("info", "tasks", "no_task_table", "No task table (task column plus lead, deadline or product column) in this document")
    status = "partial" if meta.doc_type is None or meta.title is None or any(d["severity"] == "error" for d in rows["diagnostics"]) else "ok"
    rows["documents"].append(_document_row(meta, doc, doc_id, source_path, source_format, size_bytes, status, len(rows["tasks"])))
    return dict(rows)


def failed_rows(doc_id: str, source_path: str, source_format: str, size_bytes: int | None, stage: str, code: str, message: str) -> Rows:
    """The rows of a file that could not be read: a failed documents row and the reason."""
    document = _document_row(Metadata(), None, doc_id, source_path, source_format, size_bytes, "failed", 0)
    return {"documents": [document], "diagnostics": [diagnostic(doc_id, source_path, "error", stage, code, message)]}


def _document_row(meta: Metadata, doc: Document | None, doc_id, source_path, source_format, size_bytes, status, task_count) -> dict:
    period = meta.plan_period or (None, None)
    return {
        "doc_id": doc_id, "source_path": source_path, "source_format": source_format,
        "doc_type": meta.doc_type, "doc_number": meta.doc_number, "issue_date": meta.issue_date,
        "issuer": meta.issuer, "province": meta.province, "title": meta.title,
        "signer_name": meta.signer_name, "signer_title": meta.signer_title, "parse_status": status,
        "plan_year": meta.plan_year, "plan_period_start": period[0], "plan_period_end": period[1],
        "pages": doc.pages if doc else None, "size_bytes": size_bytes, "task_count": task_count,
        "pipeline_version": PIPELINE_VERSION,
    }


def _section_rows(doc: Document, doc_id: str, rows: Rows) -> None:
    paragraphs = [(i, b) for i, b in enumerate(doc.blocks) if isinstance(b, Paragraph)]
    sections = parse_sections([p for _, p in paragraphs])
    def sid(position: int) -> str:
        return f"{doc_id}-s{position:03d}"

    for s in sections:
        block_index, para = paragraphs[s.block_index]
        rows["sections"].append({
            "doc_id": doc_id, "section_id": sid(s.position), "parent_id": sid(s.parent_position) if s.parent_position else None,
            "level": s.level, "label": s.label, "heading": s.heading, "text": s.text, "position": s.position,
            "block_index": block_index, "page": para.page,
        })


def _task_rows(doc: Document, doc_id: str, meta: Metadata, rows: Rows, diag) -> None:
    agencies_seen: dict[str, dict] = {}
    for table_no, (block_index, block, columns) in enumerate(task_tables(doc.blocks), start=1):
        year = columns.deadline_year or meta.plan_year
        multi_year = meta.plan_period is not None and meta.plan_period[0] != meta.plan_period[1]
        misread_groups: set[str] = set()
        for task in read_task_rows(block, columns):
            task_id = f"{doc_id}-t{table_no}-{task.seq:03d}"
            if task.group_label_read_as and task.group_label not in misread_groups:
                misread_groups.add(task.group_label)
                diag("warning", "tasks", "group_label_misread",
                     f"Table {table_no}: group label read as {task.group_label_read_as!r} is taken as {task.group_label!r}, "
                     f"the numeral the groups around it call for (OCR misreads bold serif numerals)")
            rows["tasks"].append({
                "doc_id": doc_id, "task_id": task_id, "table_no": table_no, "seq": task.seq, "stt": task.stt,
                "group_label": task.group_label, "group_title": task.group_title, "content": task.content,
                "lead_raw": task.raw_text("lead"), "coordinate_raw": task.raw_text("coordinate"),
                "monitor_raw": task.raw_text("monitor"), "block_index": block_index,
                "row_first": task.first_row, "row_last": task.last_row, "page": block.page,
            })
            for output_seq, output in enumerate(task.outputs, start=1):
                rows["task_outputs"].append({
                    "doc_id": doc_id, "task_id": task_id, "output_seq": output_seq, "output_text": output.text,
                    "deadline_raw": output.deadline_raw, "table_row": output.row,
                })
                for deadline_seq, d in enumerate(parse_deadlines(output.deadline_raw, year, multi_year, period=meta.plan_period), start=1):
                    rows["deadlines"].append({
                        "doc_id": doc_id, "task_id": task_id, "output_seq": output_seq, "deadline_seq": deadline_seq,
                        "kind": d.kind, "start": d.start, "end": d.end, "value": d.value, "raw": d.raw,
                    })
                    if d.kind == "unknown":
                        diag("warning", "deadlines", "deadline_unknown", f"Task {task_label(task)}: deadline {d.raw!r} was not understood")
            for role in AGENCY_ROLES:
                parsed = [(cell, parse_agencies(cell)) for cell in task.agency_cells[role]]
                _agency_rows([a for _, agencies in parsed for a in agencies], role, task_id, doc_id, meta.province, rows, agencies_seen)
                _agency_diagnostics(parsed, role, task_label(task), diag)


def task_label(task) -> str:
    """How a person finds the task in the table: 'II.5' (group and STT), '5', or '#7' (7th row, no STT)."""
    number = task.stt or f"#{task.seq}"
    return f"{task.group_label}.{number}" if task.group_label and task.stt else number


def _agency_diagnostics(parsed: list[tuple[str, list[Agency]]], role: str, task_label: str, diag) -> None:
    """Tell the analyst where a cell named no agency, or named one the gazetteer does not know."""
    for cell, agencies in parsed:
        if not agencies:
            diag("info", "agencies", "no_agency_in_cell", f"Task {task_label}: the {role} cell {fold(cell)!r} names no agency")
        for agency in agencies:
            if agency.kind == "other":
                diag("info", "agencies", "agency_not_in_gazetteer",
                     f"Task {task_label}: {role} {agency.name!r} is not in parsers/data/agencies.yaml; named by the generic rules")


def _agency_rows(agencies: list[Agency], role: str, task_id: str, doc_id: str, province: str | None, rows: Rows, seen: dict) -> None:
    """task_agencies rows for one role of a task (each agency once), and agencies rows for new ones."""
    ids_in_role: set[str] = set()
    for agency in agencies:
        agency_id, scope = agency_id_of(agency, province)
        if agency_id in ids_in_role:
            continue
        ids_in_role.add(agency_id)
        rows["task_agencies"].append({
            "doc_id": doc_id, "task_id": task_id, "role": role, "agency_seq": len(ids_in_role),
            "agency_id": agency_id, "mention": agency.mention,
        })
        if agency_id not in seen:
            seen[agency_id] = {"agency_id": agency_id, "name": agency.name, "kind": agency.kind, "level": agency.level,
                               "is_collective": agency.is_collective, "province": scope}
            rows["agencies"].append(seen[agency_id])


def _document_text(doc: Document) -> list[tuple[int, str]]:
    """(block index, text) of every paragraph and table cell, in reading order."""
    out = []
    for i, block in enumerate(doc.blocks):
        if isinstance(block, Paragraph):
            out.append((i, block.text))
        else:
            out.extend((i, cell.text) for cell in block.cells)
    return out


def _reference_rows(doc: Document, doc_id: str, meta: Metadata, rows: Rows) -> None:
    own = (fold(meta.doc_number) or "").casefold()
    by_number: dict[str, dict] = {}
    for block_index, text in _document_text(doc):
        for ref in find_references(text):
            key = ref.ref_number.casefold()
            if own and key == own:
                continue
            if key in by_number:
                row = by_number[key]
                row["mentions"] += 1
                if row["issue_date"] is None and ref.issue_date is not None:
                    row["issue_date"] = ref.issue_date
                if is_upper_text(row["raw"]) and not is_upper_text(ref.raw):  # a title in capitals misprints "TTg" as "TTG"
                    row.update(ref_number=ref.ref_number, ref_type=ref.ref_type or row["ref_type"], raw=ref.raw, block_index=block_index)
                continue
            by_number[key] = row = {
                "doc_id": doc_id, "ref_seq": len(by_number) + 1, "ref_number": ref.ref_number, "ref_type": ref.ref_type,
                "issue_date": ref.issue_date, "raw": ref.raw, "mentions": 1, "block_index": block_index,
            }
            rows["references"].append(row)
