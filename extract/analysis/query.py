"""Read-only access for analysis: SQL against the database, and the connection every analysis command uses.

The database is opened read-only and the views are defined afresh as temporary views, so
a database written by an older release still answers with this release's views, and an
analysis can run while nothing may write. A user's SQL additionally runs with external
access switched off (no COPY TO, ATTACH or reading other files): `query` only reads the
database it was pointed at.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from extract.analysis.export import Result
from extract.errors import KehoachError, StoreError
from extract.store.views import view_ddl
from extract.store.writer import connect
from extract.text import vnformat

TERMINAL_CELL_CHARS = 80


def open_database(db: str | Path, programme: str | None = None) -> duckdb.DuckDBPyConnection:
    """The database read-only, with this release's views over the documents of `programme`
    (poverty_2021_2025 when None; `all` for every programme)."""
    statements = view_ddl(temporary=True, programme=programme)  # an unknown programme fails before opening
    con = connect(db, read_only=True)
    try:
        for stmt in statements:
            con.execute(stmt)
    except duckdb.Error as e:
        con.close()
        raise KehoachError(
            f"the database {db} does not have the tables this release expects ({e}); re-ingest into a new file"
        ) from e
    return con


def _cell(value, typ: str) -> str:
    if value is None:
        return ""
    if typ == "HUGEINT":
        return vnformat.group_int(value)
    if typ in ("DOUBLE", "FLOAT") or typ.startswith("DECIMAL"):
        return vnformat.decimal(value, 4)
    text = str(value).replace("\n", " ").replace("\t", " ")
    return text if len(text) <= TERMINAL_CELL_CHARS else text[: TERMINAL_CELL_CHARS - 1] + "…"


def _sandbox(db: str | Path, programme: str | None = None) -> duckdb.DuckDBPyConnection:
    """A private in-memory DuckDB with the database attached read-only and file access off.

    The settings are locked for this instance only: DuckDB shares one instance per file
    within a process, so locking a direct connection would lock every other user of it.
    """
    statements = view_ddl(temporary=True, programme=programme)
    path = Path(db)
    if not path.exists():
        raise StoreError(f"no database at {path}; run 'kehoach ingest' first or pass --db")
    con = duckdb.connect(":memory:")
    try:
        con.execute(f"ATTACH '{str(path).replace(chr(39), chr(39) * 2)}' AS kehoach (READ_ONLY)")
        con.execute("USE kehoach")
        for stmt in statements:
            con.execute(stmt)
    except duckdb.Error as e:
        con.close()
        raise StoreError(f"cannot open the database {path} for reading: {e}") from e
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")
    return con


def column_units(con, names: list[str], types: list[str]) -> dict[str, str]:
    """The unit of each result column that has one: đồng for money (HUGEINT), else the unit
    the data dictionary gives every table and view column of that name, when they agree."""
    from extract.analysis.export import (  # deferred: the dictionary is read only when units are asked for
        data_dictionary,
    )

    by_name: dict[str, set[str]] = {}
    for d in data_dictionary(con):
        by_name.setdefault(d["column"], set()).add(d["unit"])
    units = {}
    for name, typ in zip(names, types):
        found = by_name.get(name, set())
        if typ == "HUGEINT":
            units[name] = "đồng"
        elif len(found) == 1 and (unit := next(iter(found))):
            units[name] = unit
    return units


def run_query(db: str | Path, sql: str, programme: str | None = None, units: bool = False) -> Result:
    """Rows of a read-only statement; with `units`, each column with a unit is named with
    it in brackets (vnd [đồng], share [fraction (0-1)]) in every format."""
    con = _sandbox(db, programme)
    try:
        try:
            cur = con.execute(sql)
        except duckdb.Error as e:
            raise KehoachError(f"the query failed: {e}") from e
        if cur.description is None:
            return Result(columns=[], rows=[], notes=["(the statement returned no rows)"])
        names = [d[0] for d in cur.description]
        types = [str(d[1]) for d in cur.description]
        raw = cur.fetchall()
        unit_of = column_units(con, names, types) if units else {}
    finally:
        con.close()
    if unit_of:
        names = [f"{n} [{unit_of[n]}]" if n in unit_of else n for n in names]
    rows = [dict(zip(names, r)) for r in raw]
    numeric = {"HUGEINT", "BIGINT", "INTEGER", "SMALLINT", "TINYINT", "UBIGINT", "UINTEGER", "DOUBLE", "FLOAT"}
    return Result(
        columns=names,
        rows=rows,
        headers=names,
        cells=[[_cell(v, t) for v, t in zip(r, types)] for r in raw],
        right={i for i, t in enumerate(types) if t in numeric or t.startswith("DECIMAL")},
        money={n for n, t in zip(names, types) if t == "HUGEINT"},
        notes=[f"({len(rows)} row{'s' if len(rows) != 1 else ''})"],
    )
