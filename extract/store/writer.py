"""The DuckDB store: each document written whole, unchanged files left alone.

A document's rows (its `documents` row, sections and every fact table) are replaced
together or not at all (a batch of documents shares one transaction), so an interrupted
run never leaves half a document. A file whose
bytes and extractor version are already stored is not touched, so a re-run over the
same input changes nothing.

DuckDB lets one process write a database file at a time, so only the ingest parent
process ever opens it: extraction workers (local processes or a Dask cluster) hand their
rows back and never touch the file. A second run waits for the lock or stops cleanly.
"""

from __future__ import annotations

import hashlib
import time
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from extract import DEFAULT_DB  # noqa: F401  (re-exported)
from extract.errors import StoreError
from extract.store.schema import FACT_TABLES, columns, ddl
from extract.store.views import view_ddl


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def connect(path: str | Path, read_only: bool = False, wait: float = 0.0) -> duckdb.DuckDBPyConnection:
    """Open the database, waiting up to `wait` seconds for another writer's lock."""
    path = Path(path)
    if read_only and not path.exists():
        raise StoreError(f"no database at {path}; run 'kehoach ingest' first or pass --db")
    if not read_only:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise StoreError(
                f"cannot create the folder for the database {path}: {e.strerror or e}; choose another --db"
            ) from e
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
        _ensure_schema(con)
    return con


def _ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create the tables and (re)create the views, unless this release already did.

    Replacing the views on every open rewrites the catalog, which costs a re-run over an
    unchanged inbox a good part of its time; a fingerprint of the statements, kept in
    the one-row table kehoach_schema, says when they are already in place.
    """
    statements = ddl() + view_ddl()
    fingerprint = hashlib.sha256("\n".join(statements).encode("utf-8")).hexdigest()
    try:
        stored = con.execute("SELECT fingerprint FROM kehoach_schema").fetchone()
    except duckdb.CatalogException:
        stored = None
    if stored is not None and stored[0] == fingerprint:
        return
    for stmt in statements:
        con.execute(stmt)
    con.execute("CREATE OR REPLACE TABLE kehoach_schema AS SELECT ?::VARCHAR AS fingerprint", [fingerprint])


def _batch_table(table: str, facts: dict[str, dict]):
    """One Arrow table of `table`'s rows for a batch of documents, each row under its doc_id.

    Rows given as dicts are converted together, in one call: converting each document's
    few rows on its own costs more than the insert. Rows that came as Arrow (a Parquet
    shard) keep their columns and get the doc_id set.
    """
    # deferred: only a run that writes pays for importing pyarrow
    import pyarrow as pa

    # deferred: shards import pyarrow
    from extract.store.shards import to_arrow

    parts, pending = [], []
    for doc_id, rows in facts.items():
        table_rows = rows.get(table)
        if table_rows is None or len(table_rows) == 0:
            continue
        if isinstance(table_rows, pa.Table):
            if pending:
                parts.append(to_arrow(table, pending))
                pending = []
            parts.append(
                table_rows.set_column(
                    table_rows.schema.get_field_index("doc_id"),
                    "doc_id",
                    pa.array([doc_id] * table_rows.num_rows, pa.string()),
                )
            )
        else:
            pending.extend(dict(r, doc_id=doc_id) for r in table_rows)
    if pending:
        parts.append(to_arrow(table, pending))
    if not parts:
        return None
    return pa.concat_tables(parts) if len(parts) > 1 else parts[0]


class Store:
    def __init__(self, path: str | Path = DEFAULT_DB, wait: float = 0.0):
        self.path = Path(path)
        self.con = connect(self.path, wait=wait)

    def prepare(self) -> None:
        """Load what the first write needs, now: pyarrow, the pandas it imports to check
        what it converts, and every table's Arrow schema (half a second).

        A run with worker processes calls this while the pool's fork server is still
        warming up and this process has nothing else to do; paid at the first write
        instead, it is taken from the workers, which by then have both cores busy.
        """
        # deferred: shards import pyarrow
        from extract.store.shards import to_arrow

        for table in ("documents", "files", *FACT_TABLES):
            to_arrow(table, [])

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the database file, so the file alone is the database."""
        self.con.execute("CHECKPOINT")

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def stored(self, path: str, doc_id: str) -> tuple[str, str, str | None] | None:
        """(status, extractor_version, error) if this path already holds these bytes."""
        row = self.con.execute(
            "SELECT d.status, d.extractor_version, d.error FROM files f JOIN documents d ON d.doc_id = f.doc_id "
            "WHERE f.path = ? AND f.doc_id = ?",
            [path, doc_id],
        ).fetchone()
        return row

    def known(self) -> dict[str, tuple[str, str, str, str | None]]:
        """path -> (doc_id, status, extractor_version, error) for every stored file, in one query.

        A re-run over thousands of files asks the database once, not once per file.
        """
        rows = self.con.execute(
            "SELECT f.path, f.doc_id, d.status, d.extractor_version, d.error "
            "FROM files f JOIN documents d ON d.doc_id = f.doc_id"
        ).fetchall()
        return {r[0]: (r[1], r[2], r[3], r[4]) for r in rows}

    def write(self, path: str, document: dict, rows: dict) -> None:
        """Replace this path's document and all its rows in one transaction."""
        self.write_many([(path, document, rows)])

    def write_many(self, items: list[tuple[str, dict, dict]]) -> None:
        """Replace several paths' documents and rows in one transaction: all of them or none.

        Each statement costs about a millisecond whatever its size, so a batch pays for one
        INSERT per table and one commit instead of a dozen statements per document. Fact
        rows go in through Arrow (a list of dicts is converted with the table's fixed
        schema). Two paths holding the same bytes share one documents row, which names the
        first of them in sort order (not the last written, which would depend on which
        worker finished first).
        """
        from extract.store.shards import to_arrow  # only a run that writes pays for importing pyarrow

        if not items:
            return
        now = _now()
        documents: dict[str, dict] = {}
        facts: dict[str, dict] = {}
        files = []
        for path, document, rows in items:
            doc_id = document["doc_id"]
            earlier = documents.get(doc_id)
            documents[doc_id] = dict(document, path=path, ingested_at=now)
            if earlier is not None and earlier["path"] < path:
                documents[doc_id].update(path=earlier["path"], file_name=earlier["file_name"])
            facts[doc_id] = rows
            files.append(
                {
                    "path": path,
                    "doc_id": doc_id,
                    "file_name": document.get("file_name"),
                    "bytes": document.get("bytes"),
                    "status": document.get("status"),
                    "error": document.get("error"),
                    "seen_at": now,
                }
            )
        tables = {table: t for table in FACT_TABLES if (t := _batch_table(table, facts)) is not None}
        paths = [f["path"] for f in files]
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            old = {
                r[0]: r[1]
                for r in con.execute("SELECT path, doc_id FROM files WHERE list_contains(?, path)", [paths]).fetchall()
            }
            present = con.execute(
                "SELECT doc_id, path, file_name FROM documents WHERE list_contains(?, doc_id)", [list(documents)]
            ).fetchall()
            for doc_id, stored_path, stored_name in present:  # a new document (the usual case) has nothing to replace
                if stored_path is not None and stored_path < documents[doc_id]["path"]:
                    documents[doc_id].update(path=stored_path, file_name=stored_name)
                self._delete(doc_id)
            self._insert("documents", to_arrow("documents", list(documents.values())))
            for table, arrow_rows in tables.items():
                self._insert(table, arrow_rows)
            con.execute("DELETE FROM files WHERE list_contains(?, path)", [paths])
            self._insert("files", to_arrow("files", files))
            for gone in {d for p, d in old.items() if d not in documents}:
                still_used = con.execute("SELECT count(*) FROM files WHERE doc_id = ?", [gone]).fetchone()[0]
                if not still_used:
                    self._delete(gone)
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise

    def link(self, path: str, doc_id: str) -> bool:
        """Point `path` at the stored document `doc_id` (its bytes are that document's), in
        one transaction; the document this path held before goes if no other path holds it.
        False, and nothing changed, when `doc_id` is no longer stored."""
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            if con.execute("SELECT count(*) FROM documents WHERE doc_id = ?", [doc_id]).fetchone()[0] == 0:
                con.execute("ROLLBACK")
                return False
            old = con.execute("SELECT doc_id FROM files WHERE path = ?", [path]).fetchone()
            con.execute("DELETE FROM files WHERE path = ?", [path])
            con.execute(
                "INSERT INTO files (path, doc_id, file_name, bytes, status, error, seen_at) "
                "SELECT ?, doc_id, ?, bytes, status, error, ? FROM documents WHERE doc_id = ?",
                [path, Path(path).name, _now(), doc_id],
            )
            con.execute(
                "UPDATE documents SET path = ?, file_name = ? WHERE doc_id = ? AND path > ?",
                [path, Path(path).name, doc_id, path],
            )
            if old and old[0] != doc_id:
                still_used = con.execute("SELECT count(*) FROM files WHERE doc_id = ?", [old[0]]).fetchone()[0]
                if not still_used:
                    self._delete(old[0])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        return True

    def _insert(self, table: str, rows) -> None:
        cols = ", ".join(f'"{c}"' for c in columns(table))
        self.con.register("_kehoach_rows", rows)
        try:
            self.con.execute(f'INSERT INTO "{table}" ({cols}) SELECT {cols} FROM _kehoach_rows')
        finally:
            self.con.unregister("_kehoach_rows")

    def _delete(self, doc_id: str) -> None:
        for table in FACT_TABLES:
            self.con.execute(f'DELETE FROM "{table}" WHERE doc_id = ?', [doc_id])
        self.con.execute("DELETE FROM documents WHERE doc_id = ?", [doc_id])
