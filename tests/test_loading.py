"""The schema travels: each Parquet file carries its descriptions, keys and schema version, and one
line of pandas, polars or DuckDB loads a table with proper types."""
from __future__ import annotations

import datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import pipeline
from conftest import SAMPLE
from parsers.schema import PRIMARY_KEYS, SCHEMA_VERSION, SCHEMAS


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    pipeline.run([SAMPLE], out, jobs=1, progress=False)
    return out


@pytest.mark.parametrize("table", list(SCHEMAS))
def test_each_parquet_file_carries_its_schema_and_meaning(out, table):
    schema = pq.read_schema(out / table / "part-0.parquet")
    assert schema.equals(SCHEMAS[table], check_metadata=True)
    assert schema.metadata[b"schema_version"] == SCHEMA_VERSION.encode()
    assert schema.metadata[b"primary_key"].decode() == ",".join(PRIMARY_KEYS[table])
    assert all(field.metadata[b"description"] for field in schema)


def test_foreign_key_columns_name_what_they_refer_to(out):
    schema = pq.read_schema(out / "task_agencies" / "part-0.parquet")
    refers = {f.name: f.metadata.get(b"references", b"").decode() for f in schema}
    assert refers == {"doc_id": "documents.doc_id", "task_id": "tasks.task_id", "role": "", "agency_seq": "",
                      "agency_id": "agencies.agency_id", "mention": ""}


def pandas_types(path: Path) -> dict[str, str]:
    import pandas as pd
    frame = pd.read_parquet(path)

    def kind(column: pd.Series) -> str:  # pandas 2 keeps text as object, pandas 3 as str: both are text
        if isinstance(column.dtype, pd.CategoricalDtype):
            return "category"
        return "date" if isinstance(column.dropna().iloc[0], datetime.date) else "text" if pd.api.types.is_string_dtype(column) else str(column.dtype)
    return {c: kind(frame[c]) for c in ("issue_date", "parse_status", "title")}


def polars_types(path: Path) -> dict[str, str]:
    polars = pytest.importorskip("polars", reason="polars is not installed (pip install -e '.[test]')")
    schema = polars.read_parquet(path / "part-0.parquet").schema
    return {c: str(schema[c]) for c in ("issue_date", "parse_status", "title")}


def duckdb_types(path: Path) -> dict[str, str]:
    import duckdb
    rows = duckdb.sql(f"describe select * from '{path}/*.parquet'").fetchall()
    return {name: typ for name, typ, *_ in rows if name in ("issue_date", "parse_status", "title")}


LOADERS = {  # one line loads the documents table: a date, a few-valued category, free text
    "pandas": (pandas_types, {"issue_date": "date", "parse_status": "category", "title": "text"}),
    "polars": (polars_types, {"issue_date": "Date", "parse_status": "Categorical", "title": "String"}),
    "duckdb": (duckdb_types, {"issue_date": "DATE", "parse_status": "VARCHAR", "title": "VARCHAR"}),
}


@pytest.mark.parametrize("loader, expected", LOADERS.values(), ids=LOADERS.keys())
def test_one_line_loads_proper_types(out, loader, expected):
    assert loader(out / "documents") == expected


def test_few_valued_columns_are_dictionary_encoded():
    encoded = {f"{name}.{f.name}" for name, schema in SCHEMAS.items() for f in schema if pa.types.is_dictionary(f.type)}
    assert {"documents.parse_status", "deadlines.kind", "task_agencies.role", "diagnostics.code"} <= encoded
    assert not encoded & {"tasks.content", "documents.doc_id", "documents.title"}
