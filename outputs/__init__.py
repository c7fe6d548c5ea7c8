"""What the pipeline writes besides the per-document rows, and what reads them back.

- ``store``: the output folder (Parquet tables written all-or-nothing, ``manifest.json``,
  reuse of unchanged documents' rows);
- ``manifest``: which pipeline and schema version produced each document;
- ``sql_tables``: the tables as SQL (types, primary and foreign keys), declared from
  ``parsers.schema`` once;
- ``duckdb_file``: ``plans.duckdb`` with the tables and the analysts' views;
- ``export``: the tables into SQLite or PostgreSQL, one document per transaction;
- ``report``: one self-contained HTML page to look at.
"""
