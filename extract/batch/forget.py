"""Take out of the database what some paths put in: the undo of `ingest PATH`.

A path's files rows go, and each document they pointed at goes with all its facts unless
another path still holds the same bytes (then only the path is forgotten, and the
document stays for the other one). A folder forgets every file stored under it. It all
happens in one transaction: a failure leaves the database as it was.

Stored paths are the paths as they were given to `ingest`; a path given here matches a
stored one as typed or when both name the same place on disk.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from extract.batch import skipindex
from extract.errors import KehoachError, StoreError


@dataclass
class Forgotten:
    paths: list[str] = field(default_factory=list)  # files rows removed
    documents: list[str] = field(default_factory=list)  # documents removed with their facts
    kept: list[str] = field(default_factory=list)  # documents still held by another path


def _same_place(stored: str, given: str) -> bool:
    if stored == given or stored.startswith(given.rstrip("/") + "/"):
        return True
    a, b = os.path.abspath(stored), os.path.abspath(given)
    return a == b or a.startswith(b.rstrip("/") + "/")


def forget(paths: list[str | Path], db: str | Path, wait: float = 0.0) -> Forgotten:
    """Remove what `paths` (files or folders) put in `db`; an error, and nothing removed,
    when a path matches nothing stored."""
    import duckdb  # deferred: DuckDB loads only when the database is changed

    from extract.store.writer import Store

    if not Path(db).exists():
        raise StoreError(f"no database at {db}; nothing to forget")
    given = [str(p) for p in paths]
    done = Forgotten()
    with Store(db, wait=wait) as store:
        con = store.con
        stored = con.execute("SELECT path, doc_id FROM files").fetchall()
        chosen = {p: d for p, d in stored if any(_same_place(p, g) for g in given)}
        unmatched = [g for g in given if not any(_same_place(p, g) for p in chosen)]
        if unmatched:
            raise KehoachError(
                f"nothing in {db} was read from {', '.join(unmatched)}; "
                'give the paths as they were ingested (see: kehoach query "SELECT path FROM files")'
            )
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute("DELETE FROM files WHERE list_contains(?, path)", [sorted(chosen)])
            for doc_id in sorted(set(chosen.values())):
                other = con.execute("SELECT min(path) FROM files WHERE doc_id = ?", [doc_id]).fetchone()[0]
                if other is None:
                    store._delete(doc_id)
                    done.documents.append(doc_id)
                else:
                    con.execute(
                        "UPDATE documents SET path = ?, file_name = ? WHERE doc_id = ? AND list_contains(?, path)",
                        [other, Path(other).name, doc_id, sorted(chosen)],
                    )
                    done.kept.append(doc_id)
            con.execute("COMMIT")
        except duckdb.Error as e:
            con.execute("ROLLBACK")
            raise StoreError(f"cannot forget in the database {db}: {e}") from e
        except BaseException:
            con.execute("ROLLBACK")
            raise
        store.checkpoint()
        known = store.known()
    skipindex.save(db, known)
    done.paths = sorted(chosen)
    return done
