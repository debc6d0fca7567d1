"""A database's contents as comparable data: every table's rows, sorted, minus timestamps.

Two ingests of the same files are "the same database" when these snapshots are equal,
whatever order documents were written in and whenever they were written.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from extract.store.schema import TABLES

TIMESTAMPS = {"ingested_at", "seen_at"}


def snapshot(db: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table, cols in TABLES.items():
            names = [c for c, _, _ in cols if c not in TIMESTAMPS]
            rows = con.execute(f'SELECT {", ".join(chr(34) + n + chr(34) for n in names)} FROM "{table}"').fetchall()
            out[table] = sorted(rows, key=repr)
        return out
    finally:
        con.close()
