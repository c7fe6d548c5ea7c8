"""The output contract: every table's columns, Arrow types and meaning, declared once.

``docs/data_dictionary.md`` is generated from this module (``python -m parsers.schema``) and a
test checks it is current. Column meanings follow ``CONVENTIONS.md`` §1.

>>> SCHEMAS["tasks"].field("seq").type
DataType(int32)
>>> [name for name, _ in TABLES][:3]
['documents', 'sections', 'tasks']
"""
from __future__ import annotations

import pyarrow as pa

SCHEMA_VERSION = "1.1"  # 1.1: few-valued columns dictionary-encoded; keys in the Parquet metadata

S, I16, I32, B, D = pa.string(), pa.int16(), pa.int32(), pa.bool_(), pa.date32()
# A column with few distinct values is dictionary-encoded: pandas loads it as category, polars as
# Categorical, and the Parquet file stores each value once.
CAT = pa.dictionary(pa.int32(), pa.string())

# (column, type, meaning, example) per table; the first columns are CONVENTIONS' required ones
TABLES: list[tuple[str, list[tuple[str, pa.DataType, str, str]]]] = [
    ("documents", [
        ("doc_id", S, "Stable id: the first 16 hex digits of the SHA-256 of the input bytes", "3f9a0c1d2e4b5a69"),
        ("source_path", S, "Input file path relative to the input folder", "2021/phuyen_226.txt"),
        ("source_format", CAT, "Format read: text, docx, pdf, doc, ...", "docx"),
        ("doc_type", CAT, "Document type in title case", "Kế hoạch"),
        ("doc_number", S, "The 'Số:' value without spaces; null for a blank draft number", "226/KH-UBND"),
        ("issue_date", D, "Date of issue from the header (or appendix caption); null if blank", "2020-12-31"),
        ("issuer", S, "Issuing body, abbreviations expanded; the lowest body of a stacked header", "Ủy ban nhân dân tỉnh Phú Yên"),
        ("province", S, "Province or centrally-run city of the issuer; null for central bodies", "Phú Yên"),
        ("title", S, "Subject line (trích yếu) as printed, line breaks folded", "Cải cách hành chính nhà nước tỉnh Phú Yên năm 2021"),
        ("signer_name", S, "Name under the signature", "Trần Hữu Thế"),
        ("signer_title", S, "The signer's own post (KT./TM. prefixes dropped)", "Phó Chủ tịch"),
        ("parse_status", CAT, "ok, partial (some parts could not be read; see diagnostics) or failed", "ok"),
        ("plan_year", I16, "Year that year-less deadlines take: first year in the title, else the issue year", "2021"),
        ("plan_period_start", I16, "First year of a multi-year plan ('giai đoạn 2026 - 2030'), else null", "2026"),
        ("plan_period_end", I16, "Last year of a multi-year plan, else null", "2030"),
        ("pages", I32, "Page count where the format knows it", "12"),
        ("size_bytes", pa.int64(), "Input file size", "42366"),
        ("task_count", I32, "Rows of the tasks table for this document", "54"),
        ("pipeline_version", S, "Version of the pipeline that wrote the row", "0.1.0"),
    ]),
    ("sections", [
        ("doc_id", S, "Document (documents.doc_id)", "3f9a0c1d2e4b5a69"),
        ("section_id", S, "Stable id: doc_id + '-s' + position", "3f9a0c1d2e4b5a69-s004"),
        ("parent_id", S, "Enclosing section's section_id; null at level 1", "3f9a0c1d2e4b5a69-s001"),
        ("level", I16, "Depth counted over the label styles used (I. -> 1, 1. -> 2, a) -> 3)", "2"),
        ("label", S, "Number or letter without '.' or ')'", "1"),
        ("heading", S, "Text after the label; a run-in paragraph's lead-in up to its colon", "Mục tiêu"),
        ("text", S, "Body paragraphs under the heading, before the next heading, joined by spaces", "- Tiếp tục đẩy mạnh ..."),
        ("position", I32, "1-based order of the section in the document", "4"),
        ("block_index", I32, "Provenance: index of the heading paragraph in the reader's block list", "17"),
        ("page", I32, "Provenance: page of the heading where known", "2"),
    ]),
    ("tasks", [
        ("doc_id", S, "Document (documents.doc_id)", "3f9a0c1d2e4b5a69"),
        ("task_id", S, "Stable id: doc_id + '-t' + table_no + '-' + seq", "3f9a0c1d2e4b5a69-t1-005"),
        ("table_no", I16, "1-based order of the task table in the document", "1"),
        ("seq", I32, "1-based order of the task in its table", "5"),
        ("stt", S, "Task number as printed", "5"),
        ("group_label", S, "Label of the group row above (Roman numeral or letter)", "I"),
        ("group_title", S, "Title of the group row, without 'Nội dung:'", "Công tác chỉ đạo, điều hành cải cách hành chính"),
        ("content", S, "Task text, whitespace-folded; continuation rows appended", "Tăng cường công tác thanh tra công vụ ..."),
        ("lead_raw", S, "Lead agency cell(s) as printed ('; ' between rows)", "Sở Nội vụ"),
        ("coordinate_raw", S, "Coordinating agency cell(s) as printed", "Các sở, ban, ngành; UBND cấp huyện"),
        ("monitor_raw", S, "Monitoring agency cell(s) as printed", "Sở Nội vụ"),
        ("block_index", I32, "Provenance: index of the table in the reader's block list", "61"),
        ("row_first", I32, "Provenance: first table row of the task (0-based, header rows included)", "7"),
        ("row_last", I32, "Provenance: last table row of the task", "8"),
        ("page", I32, "Provenance: page where the table starts, where known", "9"),
    ]),
    ("task_outputs", [
        ("doc_id", S, "Document (documents.doc_id)", "3f9a0c1d2e4b5a69"),
        ("task_id", S, "Task (tasks.task_id)", "3f9a0c1d2e4b5a69-t1-005"),
        ("output_seq", I32, "1-based order of the output in its task", "2"),
        ("output_text", S, "Product/result cell; null where the table has none or the cell is blank", "Kết luận thanh tra, kiểm tra của Sở Nội vụ"),
        ("deadline_raw", S, "Deadline cell as printed (repeated from above where the cell was merged/empty)", "Năm 2021"),
        ("table_row", I32, "Provenance: table row the output was read from", "8"),
    ]),
    ("deadlines", [
        ("doc_id", S, "Document (documents.doc_id)", "3f9a0c1d2e4b5a69"),
        ("task_id", S, "Task (tasks.task_id)", "3f9a0c1d2e4b5a69-t1-005"),
        ("output_seq", I32, "Output (task_outputs.output_seq)", "1"),
        ("deadline_seq", I32, "1-based order of the phrase in its cell", "1"),
        ("kind", CAT, "date, before, month, quarter, half, year, range, recurring, relative, by_reference, unknown", "quarter"),
        ("start", D, "First day of the period; null where the phrase fixes none", "2020-10-01"),
        ("end", D, "Last day of the period; null where the phrase fixes none", "2020-12-31"),
        ("value", S, "TIMEX3-style value where one exists", "2020-Q4"),
        ("raw", S, "The phrase as printed", "Quý IV/2020"),
    ]),
    ("task_agencies", [
        ("doc_id", S, "Document (documents.doc_id)", "3f9a0c1d2e4b5a69"),
        ("task_id", S, "Task (tasks.task_id)", "3f9a0c1d2e4b5a69-t1-005"),
        ("role", CAT, "lead, coordinate or monitor", "coordinate"),
        ("agency_seq", I32, "1-based order of the agency in the task's cell(s) for that role", "2"),
        ("agency_id", S, "Agency (agencies.agency_id)", "ag-7c1e0b9d4a2f"),
        ("mention", S, "The agency as printed in the cell", "UBND cấp huyện"),
    ]),
    ("agencies", [
        ("agency_id", S, "Stable id of the canonical name, scoped by province for local bodies", "ag-7c1e0b9d4a2f"),
        ("name", S, "Canonical name (abbreviations expanded, qualifiers dropped, traditional tone marks)", "Ủy ban nhân dân cấp huyện"),
        ("kind", CAT, "department, people_committee, office, collective, ... (parsers/data/agencies.yaml)", "people_committee"),
        ("level", CAT, "central, province, district, commune or null", "district"),
        ("is_collective", B, "A group of bodies ('Các sở, ban, ngành') rather than one body", "false"),
        ("province", S, "Province the body belongs to (null for central and unscoped bodies)", "Phú Yên"),
    ]),
    ("references", [
        ("doc_id", S, "Citing document (documents.doc_id)", "3f9a0c1d2e4b5a69"),
        ("ref_seq", I32, "1-based order of first citation in the document", "4"),
        ("ref_number", S, "Cited number without spaces, leading zeros as printed", "108/2014/NĐ-CP"),
        ("ref_type", CAT, "Type word in title case", "Nghị định"),
        ("issue_date", D, "Date following the number at its first dated citation, else null", "2014-11-20"),
        ("raw", S, "First citation as printed", "Nghị định số 108/2014/NĐ-CP ngày 20/11/2014"),
        ("mentions", I32, "How many times the document cites it", "2"),
        ("block_index", I32, "Provenance: block of the first citation", "40"),
    ]),
    ("diagnostics", [
        ("doc_id", S, "Document (documents.doc_id)", "3f9a0c1d2e4b5a69"),
        ("source_path", S, "Input file path relative to the input folder", "scan.pdf"),
        ("severity", CAT, "info, warning or error", "warning"),
        ("stage", CAT, "read, metadata, sections, tasks, agencies, deadlines, references", "deadlines"),
        ("code", CAT, "Machine-readable problem code", "deadline_unknown"),
        ("message", S, "What happened, for a person", "Deadline 'Khi có chỉ đạo' was not understood"),
    ]),
]

# What one row of each table stands for (CONVENTIONS §1).
ROW_MEANING: dict[str, str] = {
    "documents": "input file",
    "sections": "numbered or lettered heading (I., 1., a)) with its body text",
    "tasks": "task row of an assignment table",
    "task_outputs": "product/result line of a task, with its deadline cell as printed",
    "deadlines": "normalized time phrase of a task output",
    "task_agencies": "agency named in a task's lead, coordinate or monitor cell",
    "agencies": "canonical agency (one id per real agency, scoped by province)",
    "references": "numbered document the text cites",
    "diagnostics": "problem met while reading or parsing (no key: a document's diagnostics are replaced together)",
}

PRIMARY_KEYS: dict[str, tuple[str, ...]] = {
    "documents": ("doc_id",),
    "sections": ("section_id",),
    "tasks": ("task_id",),
    "task_outputs": ("task_id", "output_seq"),
    "deadlines": ("task_id", "output_seq", "deadline_seq"),
    "task_agencies": ("task_id", "role", "agency_id"),
    "agencies": ("agency_id",),
    "references": ("doc_id", "ref_seq"),
    "diagnostics": (),
}

# (table, columns, referenced table, referenced columns), parents before children
FOREIGN_KEYS: list[tuple[str, tuple[str, ...], str, tuple[str, ...]]] = [
    ("sections", ("doc_id",), "documents", ("doc_id",)),
    ("sections", ("parent_id",), "sections", ("section_id",)),
    ("tasks", ("doc_id",), "documents", ("doc_id",)),
    ("task_outputs", ("doc_id",), "documents", ("doc_id",)),
    ("task_outputs", ("task_id",), "tasks", ("task_id",)),
    ("deadlines", ("doc_id",), "documents", ("doc_id",)),
    ("deadlines", ("task_id", "output_seq"), "task_outputs", ("task_id", "output_seq")),
    ("task_agencies", ("doc_id",), "documents", ("doc_id",)),
    ("task_agencies", ("task_id",), "tasks", ("task_id",)),
    ("task_agencies", ("agency_id",), "agencies", ("agency_id",)),
    ("references", ("doc_id",), "documents", ("doc_id",)),
    ("diagnostics", ("doc_id",), "documents", ("doc_id",)),
]


def _references(table: str) -> dict[str, str]:
    """column -> 'table.column' it refers to, for the single-column foreign keys of a table."""
    return {cols[0]: f"{ref}.{ref_cols[0]}" for t, cols, ref, ref_cols in FOREIGN_KEYS if t == table and len(cols) == 1}


def _schema(name: str, cols) -> pa.Schema:
    """A table's Arrow schema with its meaning carried in the metadata, so a Parquet file explains
    itself: each field's description (and the key it refers to), the table's primary key, what a
    row is, and the schema version."""
    refs = _references(name)
    fields = [pa.field(col, typ, metadata={"description": desc, **({"references": refs[col]} if col in refs else {})})
              for col, typ, desc, _ in cols]
    return pa.schema(fields, metadata={"schema_version": SCHEMA_VERSION, "table": name, "row": ROW_MEANING[name],
                                       "primary_key": ",".join(PRIMARY_KEYS[name])})


SCHEMAS: dict[str, pa.Schema] = {name: _schema(name, cols) for name, cols in TABLES}


def type_name(typ: pa.DataType) -> str:
    """How the data dictionary names an Arrow type.

    >>> type_name(CAT), type_name(D)
    ('string (dictionary)', 'date32[day]')
    """
    return f"{typ.value_type} (dictionary)" if pa.types.is_dictionary(typ) else str(typ)


def _key_lines(name: str) -> list[str]:
    pk = PRIMARY_KEYS[name]
    lines = [f"One row per {ROW_MEANING[name]}.", "", f"Primary key: {', '.join(pk) if pk else 'none'}."]
    fks = [f"({', '.join(cols)}) → {ref}.({', '.join(ref_cols)})" for t, cols, ref, ref_cols in FOREIGN_KEYS if t == name]
    if fks:
        lines.append("Foreign keys: " + "; ".join(fks) + ".")
    return lines + [""]


def data_dictionary() -> str:
    """The Markdown data dictionary of every table (docs/data_dictionary.md)."""
    lines = ["# Data dictionary", "", f"Schema version {SCHEMA_VERSION}. Generated by `python -m parsers.schema`; "
             "do not edit by hand. Load any table with `pandas.read_parquet(\"data/processed/<table>\")`; every Parquet "
             "file carries these descriptions (field metadata `description`, `references`) and the table's "
             "`schema_version`, `row` and `primary_key` (schema metadata). Columns typed `string (dictionary)` load as "
             "pandas `category` / polars `Categorical`.", ""]
    for name, cols in TABLES:
        lines += [f"## {name}", ""] + _key_lines(name)
        lines += ["| column | type | meaning | example |", "|---|---|---|---|"]
        lines += [f"| {col} | {type_name(typ)} | {desc} | {ex} |" for col, typ, desc, ex in cols]
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    print(data_dictionary(), end="")
