"""The DuckDB store: one transaction per document, unchanged files left alone.

A document's rows (its `documents` row, sections and every fact table) are replaced
together or not at all, so an interrupted run never leaves half a document. A file whose
bytes and extractor version are already stored is not touched, so a re-run over the
same input changes nothing.
"""

from __future__ import annotations

import time
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from .errors import StoreError
from .schema import FACT_TABLES, columns, ddl
from .views import view_ddl

DEFAULT_DB = Path("output/kehoach.duckdb")


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)


def connect(path: str | Path, read_only: bool = False, wait: float = 0.0) -> duckdb.DuckDBPyConnection:
    """Open the database, waiting up to `wait` seconds for another writer's lock."""
    path = Path(path)
    if read_only and not path.exists():
        raise StoreError(f"no database at {path}; run 'kehoach ingest' first or pass --db")
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only)
            break
        except duckdb.IOException as e:
            if "lock" in str(e).lower() and time.monotonic() < deadline:
                time.sleep(0.5)
                continue
            if "lock" in str(e).lower():
                raise StoreError(
                    f"the database {path} is in use by another kehoach process; wait for it to finish or pass --wait SECONDS"
                ) from e
            raise StoreError(f"cannot open the database {path}: {e}") from e
        except duckdb.Error as e:
            raise StoreError(f"cannot open the database {path} (is it a DuckDB file?): {e}") from e
    if not read_only:
        for stmt in ddl() + view_ddl():
            con.execute(stmt)
    return con


class Store:
    def __init__(self, path: str | Path = DEFAULT_DB, wait: float = 0.0):
        self.path = Path(path)
        self.con = connect(self.path, wait=wait)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def stored(self, path: str, doc_id: str) -> tuple[str, str, str | None] | None:
        """(status, extractor_version, error) if this path already holds these bytes."""
        row = self.con.execute(
            'SELECT d.status, d.extractor_version, d.error FROM files f JOIN documents d ON d.doc_id = f.doc_id '
            'WHERE f.path = ? AND f.doc_id = ?', [path, doc_id]
        ).fetchone()
        return row

    def write(self, path: str, document: dict, rows: dict[str, list[dict]]) -> None:
        doc_id = document["doc_id"]
        now = _now()
        document = dict(document, path=path, ingested_at=now)
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            old = con.execute("SELECT doc_id FROM files WHERE path = ?", [path]).fetchone()
            self._delete(doc_id)
            cols = columns("documents")
            con.execute(
                f'INSERT INTO documents ({", ".join(chr(34) + c + chr(34) for c in cols)}) VALUES ({", ".join("?" * len(cols))})',
                [document.get(c) for c in cols],
            )
            for table in FACT_TABLES:
                table_rows = rows.get(table) or []
                if not table_rows:
                    continue
                tcols = columns(table)
                con.executemany(
                    f'INSERT INTO "{table}" ({", ".join(chr(34) + c + chr(34) for c in tcols)}) VALUES ({", ".join("?" * len(tcols))})',
                    [[r.get(c) if c != "doc_id" else doc_id for c in tcols] for r in table_rows],
                )
            con.execute("DELETE FROM files WHERE path = ?", [path])
            con.execute(
                "INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?)",
                [path, doc_id, document.get("file_name"), document.get("bytes"), document.get("status"), document.get("error"), now],
            )
            if old and old[0] != doc_id:
                still_used = con.execute("SELECT count(*) FROM files WHERE doc_id = ?", [old[0]]).fetchone()[0]
                if not still_used:
                    self._delete(old[0])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise

    def _delete(self, doc_id: str) -> None:
        for table in FACT_TABLES:
            self.con.execute(f'DELETE FROM "{table}" WHERE doc_id = ?', [doc_id])
        self.con.execute("DELETE FROM documents WHERE doc_id = ?", [doc_id])
