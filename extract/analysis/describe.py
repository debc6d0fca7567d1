"""Read-side views of one document for the CLI (and anything else that wants them)."""

from __future__ import annotations

from pathlib import Path

import duckdb

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
    by_stem = _by_stem(con, Path(target).name)
    if by_stem:
        return by_stem
    raise KehoachError(f"no document {target!r} in the database; ingest it first")


def _by_stem(con, stem: str) -> str | None:
    """A plan named by its stem (x for x.pdf, x.docx and x.txt): the renditions' primary
    one when they are one plan; an error when the stem names different plans."""
    rows = con.execute(
        "SELECT DISTINCT file_name, doc_id FROM files WHERE starts_with(file_name, ?)", [stem]
    ).fetchall()
    ids = sorted({doc_id for name, doc_id in rows if Path(name).stem == stem})
    if len(ids) <= 1:
        return ids[0] if ids else None
    try:
        plans = con.execute(
            "SELECT doc_id, plan_key, primary_rendition FROM plans WHERE list_contains(?, doc_id)", [ids]
        ).fetchall()
    except duckdb.Error:  # a database without the plans view: the stem cannot be settled
        plans = []
    keys = {r[1] for r in plans}
    primary = [r[0] for r in plans if r[2]]
    if len(keys) == 1 and len(plans) == len(ids) and primary:
        return primary[0]
    raise KehoachError(f"{stem!r} names {len(ids)} different documents; give the path or the doc_id")


def not_stored(db: str | Path | None, target: str) -> Path | None:
    """The file to extract on the spot when `target` is an existing file the database does
    not hold (or there is no database); None when the database holds it. `show` and
    `review` both decide this way, so they agree on a file not yet ingested."""
    if db is not None and Path(db).exists():
        con = connect(db, read_only=True)
        try:
            find_document(con, target)
            return None
        except KehoachError:
            if not Path(target).is_file():
                raise
        finally:
            con.close()
    path = Path(target)
    if not path.is_file():
        raise KehoachError(f"no document {target!r} in the database {db} and no such file")
    return path


NOT_STORED_NOTE = "not in the database: extracted on the spot, nothing written; run 'kehoach ingest' to keep it"


def relevance_verdict(document: dict) -> str | None:
    """The relevance step's verdict in words when the document is no plan (is_plan false):
    its facts are in no view, so an analyst looking at it should be told first, and why.
    None for a plan, and for a row stored before is_plan existed (NULL)."""
    if document.get("is_plan") is not False:
        return None
    reason = document.get("not_plan_reason") or "no reason stored"
    return f"{reason}; its facts are left out of every view and comparison"


def file_overview(path: Path) -> dict:
    """The overview of a file not in the database, extracted now (nothing is written)."""
    from extract.pipeline import (
        extract_bytes,  # deferred: extraction (spaCy, lexicons) loads only for a file not in the database
    )

    extraction = extract_bytes(path.read_bytes(), path.name)
    document = {k: v for k, v in extraction.document.items() if k != "text"}
    document["in_database"] = False
    sections = [
        {k: s.get(k) for k in ("section_id", "level", "label", "title")} for s in extraction.rows.get("sections") or []
    ]
    counts = {t: len(extraction.rows.get(t) or []) for t in FACT_TABLES if t != "sections"}
    return {
        "document": document,
        "sections": sections,
        "counts": counts,
        "note": NOT_STORED_NOTE,
        "not_plan": relevance_verdict(document),
    }


def document_overview(db: str | Path, target: str) -> dict:
    """Metadata, section tree and fact counts of a stored document, or of a file not in
    the database extracted on the spot (then marked in_database false, with a note), and
    the relevance verdict when it is no plan (`not_plan`, None for a plan)."""
    path = not_stored(db, target)
    if path is not None:
        return file_overview(path)
    con = connect(db, read_only=True)
    try:
        doc_id = find_document(con, target)
        cur = con.execute("SELECT * EXCLUDE (text) FROM documents WHERE doc_id = ?", [doc_id])
        names = [d[0] for d in cur.description]
        document = dict(zip(names, cur.fetchone())) | {"in_database": True}
        cur = con.execute(
            "SELECT section_id, level, label, title FROM sections WHERE doc_id = ? ORDER BY section_id", [doc_id]
        )
        sections = [dict(zip(["section_id", "level", "label", "title"], r)) for r in cur.fetchall()]
        counts = {
            t: con.execute(f'SELECT count(*) FROM "{t}" WHERE doc_id = ?', [doc_id]).fetchone()[0]
            for t in FACT_TABLES
            if t != "sections"
        }
        return {"document": document, "sections": sections, "counts": counts, "not_plan": relevance_verdict(document)}
    finally:
        con.close()
