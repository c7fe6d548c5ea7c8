"""Copy a run's tables into SQLite or PostgreSQL: ``python pipeline.py export --to URL [--from DIR]``.

The database mirrors the output folder. Tables are created with their primary and foreign keys on
first use; each document whose rows differ (new, changed, made by another pipeline version) is
replaced in one transaction (its old rows deleted, the new ones inserted), so a re-export never
duplicates or half-writes; documents gone from the folder are deleted, unchanged ones left alone.
A document's rows are a function of its bytes (doc_id) and the pipeline version, both in its
documents row, so an equal documents row means equal rows everywhere.

>>> database_url("mysql://u@h/db")
Traceback (most recent call last):
...
ValueError: --to 'mysql://u@h/db': the database must be one of sqlite, postgresql (e.g. sqlite:///plans.db or postgresql://user:password@host/dbname)
>>> database_url("postgresql://u:secret@h/db").drivername  # the driver the project installs
'postgresql+psycopg'
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyarrow.parquet as pq
import sqlalchemy as sa

from outputs.sql_tables import sql_metadata
from outputs.store import table_files
from parsers.schema import FOREIGN_KEYS, SCHEMAS

DRIVERS = {"sqlite": "sqlite", "postgresql": "postgresql+psycopg"}  # psycopg 3 is the PostgreSQL driver installed
DOCUMENT_TABLES = [t for t in sql_metadata().sorted_tables if t.name != "agencies"]  # parents first; all have doc_id


@dataclass
class ExportResult:
    url: str  # password hidden
    replaced: list[str] = field(default_factory=list)  # source paths of documents written
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)  # source paths of documents deleted
    parquet_rows: dict[str, int] = field(default_factory=dict)
    database_rows: dict[str, int] = field(default_factory=dict)
    broken_foreign_keys: dict[str, int] = field(default_factory=dict)  # "child(cols) -> parent" -> rows without a parent


def database_url(url: str) -> sa.URL:
    """The SQLAlchemy URL to write to; raises ValueError naming the databases that can be used."""
    try:
        parsed = sa.make_url(url)
    except sa.exc.ArgumentError:
        parsed = None
    backend = parsed.get_backend_name() if parsed else None
    if backend not in DRIVERS:
        shown = parsed.render_as_string(hide_password=True) if parsed else url
        raise ValueError(f"--to {shown!r}: the database must be one of {', '.join(DRIVERS)} "
                         "(e.g. sqlite:///plans.db or postgresql://user:password@host/dbname)")
    return parsed.set(drivername=DRIVERS[backend]) if parsed.drivername == backend else parsed


def open_database(url: str) -> sa.Engine:
    """An engine for ``url``; SQLite checks foreign keys only when asked, on every connection."""
    engine = sa.create_engine(database_url(url))
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", lambda dbapi_connection, _: dbapi_connection.execute("pragma foreign_keys = on"))
    return engine


def export_tables(source: Path, url: str) -> ExportResult:
    """Make the database at ``url`` hold exactly the tables of ``source`` (see the module docstring)."""
    engine = open_database(url)  # a bad URL is named before anything is read
    tables = {name: pq.read_table(path).to_pylist() for name, path in table_files(source).items()}
    result = ExportResult(engine.url.render_as_string(hide_password=True))
    try:
        _check_existing_tables(engine)
        sql_metadata().create_all(engine)
        _sync_agencies(engine, tables["agencies"], delete_others=False)  # before the rows that name them
        _sync_documents(engine, tables, result)
        _sync_agencies(engine, tables["agencies"], delete_others=True)  # after the rows that named the old ones
        with engine.connect() as conn:
            result.parquet_rows = {name: len(rows) for name, rows in tables.items()}
            result.database_rows = {name: conn.execute(sa.select(sa.func.count()).select_from(sql_metadata().tables[name])).scalar_one()
                                    for name in SCHEMAS}
            result.broken_foreign_keys = foreign_key_violations(conn)
    finally:
        engine.dispose()
    return result


def _check_existing_tables(engine: sa.Engine) -> None:
    """Stop before writing when the database holds our tables with other columns (an older schema)."""
    inspector = sa.inspect(engine)
    for table in sql_metadata().sorted_tables:
        if inspector.has_table(table.name):
            found = [c["name"] for c in inspector.get_columns(table.name)]
            if found != [c.name for c in table.columns]:
                raise ValueError(f"table {table.name} in the database has columns {found}, not this schema's "
                                 f"{[c.name for c in table.columns]}: export to a new database or drop the old tables")


def _sync_agencies(engine: sa.Engine, rows: list[dict], delete_others: bool) -> None:
    table = sql_metadata().tables["agencies"]
    wanted = {r["agency_id"]: r for r in rows}
    with engine.begin() as conn:
        existing = {r["agency_id"]: dict(r) for r in conn.execute(sa.select(table)).mappings()}
        new = [r for agency_id, r in wanted.items() if agency_id not in existing]
        if new:
            conn.execute(table.insert(), new)
        for agency_id, row in wanted.items():
            if agency_id in existing and existing[agency_id] != row:  # a document naming it first now spells it otherwise
                conn.execute(table.update().where(table.c.agency_id == agency_id).values(row))
        gone = [agency_id for agency_id in existing if agency_id not in wanted]
        if delete_others and gone:
            conn.execute(table.delete().where(table.c.agency_id.in_(gone)))


def _sync_documents(engine: sa.Engine, tables: dict[str, list[dict]], result: ExportResult) -> None:
    documents = sql_metadata().tables["documents"]
    rows_of: dict[str, dict[str, list[dict]]] = {d["doc_id"]: {} for d in tables["documents"]}
    for table in DOCUMENT_TABLES:
        for row in tables[table.name]:
            rows_of[row["doc_id"]].setdefault(table.name, []).append(row)
    with engine.connect() as conn:
        existing = {r["doc_id"]: dict(r) for r in conn.execute(sa.select(documents)).mappings()}
    for doc_id, old in existing.items():
        if doc_id not in rows_of:
            with engine.begin() as conn:
                _delete_document(conn, doc_id)
            result.removed.append(old["source_path"])
    for document in tables["documents"]:
        if existing.get(document["doc_id"]) == document:
            result.unchanged += 1
            continue
        with engine.begin() as conn:  # one document, one transaction: all its rows or none
            _delete_document(conn, document["doc_id"])
            for table in DOCUMENT_TABLES:
                if rows_of[document["doc_id"]].get(table.name):
                    conn.execute(table.insert(), rows_of[document["doc_id"]][table.name])
        result.replaced.append(document["source_path"])


def _delete_document(conn: sa.Connection, doc_id: str) -> None:
    for table in reversed(DOCUMENT_TABLES):  # children before the rows they refer to
        conn.execute(table.delete().where(table.c.doc_id == doc_id))


def foreign_key_violations(conn: sa.Connection) -> dict[str, int]:
    """For every foreign key, the rows naming a parent that is not there (all 0 when the keys hold)."""
    tables = sql_metadata().tables
    found = {}
    for child_name, cols, parent_name, parent_cols in FOREIGN_KEYS:
        child, parent = tables[child_name], tables[parent_name].alias("parent")
        joined = child.outerjoin(parent, sa.and_(*(child.c[c] == parent.c[p] for c, p in zip(cols, parent_cols))))
        orphans = sa.select(sa.func.count()).select_from(joined).where(
            child.c[cols[0]].is_not(None), parent.c[parent_cols[0]].is_(None))
        found[f"{child_name}({', '.join(cols)}) -> {parent_name}"] = conn.execute(orphans).scalar_one()
    return found


def export_summary(result: ExportResult) -> str:
    """What the export did, and the proof: rows per table in the folder and in the database, keys checked."""
    lines = [f"exported to {result.url}",
             f"documents  {len(result.replaced)} written, {result.unchanged} unchanged, {len(result.removed)} removed", "",
             f"{'table':14} {'parquet':>8} {'database':>9}"]
    lines += [f"{name:14} {result.parquet_rows[name]:8d} {result.database_rows[name]:9d}" for name in SCHEMAS]
    broken = {k: v for k, v in result.broken_foreign_keys.items() if v}
    lines += ["", f"foreign keys  {len(result.broken_foreign_keys)} checked, "
              + ("all hold" if not broken else "broken: " + "; ".join(f"{k}: {v} rows" for k, v in broken.items()))]
    return "\n".join(lines)
