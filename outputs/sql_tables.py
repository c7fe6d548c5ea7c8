"""The output tables as SQL: column types, primary and foreign keys, declared from ``parsers.schema``.

One declaration serves every database the pipeline writes: SQLAlchemy creates the tables in
SQLite and PostgreSQL (``outputs.export``), and its PostgreSQL DDL is what DuckDB runs too
(``outputs.duckdb_file``).

>>> tables = sql_metadata().tables
>>> [c.name for c in tables["task_outputs"].primary_key]
['task_id', 'output_seq']
>>> sorted(fk.target_fullname for fk in tables["task_agencies"].foreign_keys)
['agencies.agency_id', 'documents.doc_id', 'tasks.task_id']
>>> print(create_table_sql("agencies").splitlines()[1].strip())
agency_id TEXT NOT NULL,
"""
from __future__ import annotations

from functools import cache

import pyarrow as pa
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.schema import CreateTable

from parsers.schema import FOREIGN_KEYS, PRIMARY_KEYS, SCHEMAS


def sql_type(typ: pa.DataType) -> sa.types.TypeEngine:
    """The SQL type of an Arrow column (dictionary-encoded strings are plain text in SQL)."""
    if pa.types.is_string(typ) or pa.types.is_dictionary(typ):
        return sa.Text()
    if pa.types.is_date32(typ):
        return sa.Date()
    if pa.types.is_boolean(typ):
        return sa.Boolean()
    return {pa.int16(): sa.SmallInteger(), pa.int32(): sa.Integer(), pa.int64(): sa.BigInteger()}[typ]


@cache
def sql_metadata() -> sa.MetaData:
    """Every output table with its primary key and foreign keys, in dependency order."""
    metadata = sa.MetaData()
    for name, schema in SCHEMAS.items():
        keys = PRIMARY_KEYS[name]
        columns = [sa.Column(f.name, sql_type(f.type), primary_key=f.name in keys, comment=f.metadata[b"description"].decode())
                   for f in schema]
        fks = [sa.ForeignKeyConstraint(cols, [f"{ref}.{c}" for c in ref_cols])
               for table, cols, ref, ref_cols in FOREIGN_KEYS if table == name]
        sa.Table(name, metadata, *columns, *fks)
    return metadata


def create_table_sql(name: str) -> str:
    """CREATE TABLE for one output table in PostgreSQL's dialect (which DuckDB also reads)."""
    return str(CreateTable(sql_metadata().tables[name]).compile(dialect=postgresql.dialect())).strip()
