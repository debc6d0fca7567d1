"""Read-side views of one document for the CLI (and anything else that wants them)."""

from __future__ import annotations

from pathlib import Path

from extract.errors import KehoachError
from extract.store.schema import FACT_TABLES
from extract.store.writer import connect


def find_document(con, target: str) -> str:
    """Resolve a path, file name or doc_id to a doc_id."""
    row = con.execute("SELECT doc_id FROM documents WHERE doc_id = ?", [target]).fetchone()
    if row:
        return row[0]
    row = con.execute("SELECT doc_id FROM files WHERE path = ?", [target]).fetchone()
    if row:
        return row[0]
    rows = con.execute("SELECT DISTINCT doc_id FROM files WHERE file_name = ?", [Path(target).name]).fetchall()
    if len(rows) == 1:
        return rows[0][0]
    if len(rows) > 1:
        raise KehoachError(f"{target!r} names {len(rows)} different documents; give the path or the doc_id")
    raise KehoachError(f"no document {target!r} in the database; ingest it first")


def document_overview(db: str | Path, target: str) -> dict:
    con = connect(db, read_only=True)
    try:
        doc_id = find_document(con, target)
        cur = con.execute("SELECT * EXCLUDE (text) FROM documents WHERE doc_id = ?", [doc_id])
        names = [d[0] for d in cur.description]
        document = dict(zip(names, cur.fetchone()))
        cur = con.execute(
            "SELECT section_id, level, label, title FROM sections WHERE doc_id = ? ORDER BY section_id", [doc_id]
        )
        sections = [dict(zip(["section_id", "level", "label", "title"], r)) for r in cur.fetchall()]
        counts = {
            t: con.execute(f'SELECT count(*) FROM "{t}" WHERE doc_id = ?', [doc_id]).fetchone()[0]
            for t in FACT_TABLES
            if t != "sections"
        }
        return {"document": document, "sections": sections, "counts": counts}
    finally:
        con.close()
