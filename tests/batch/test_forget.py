"""Issue 17: `kehoach forget PATH…` takes out what a path put in the database.

The path's files rows go; each document it held goes with every fact read from it unless
another stored path holds the same bytes; a folder forgets everything under it; a path that
matches nothing is an error and removes nothing; it is one transaction.
"""

from __future__ import annotations

import shutil

import duckdb
import pytest
from click.testing import CliRunner
from conftest import CORPUS

from extract.cli.main import main
from extract.store import writer
from extract.store.schema import FACT_TABLES
from extract.store.writer import connect

SAMPLE = CORPUS / "txt" / "001_9d22f5555e289895.txt"
OTHER = CORPUS / "txt" / "003_9192dfae355c46d7.txt"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def _state(db) -> dict:
    con = connect(db, read_only=True)
    try:
        out = {"files": con.execute("SELECT path, doc_id FROM files ORDER BY path").fetchall()}
        out["documents"] = con.execute("SELECT doc_id, path FROM documents ORDER BY doc_id").fetchall()
        for t in FACT_TABLES:
            out[t] = con.execute(f'SELECT doc_id, count(*) FROM "{t}" GROUP BY doc_id ORDER BY doc_id').fetchall()
        return out
    finally:
        con.close()


@pytest.fixture
def loaded(tmp_path):
    """Three paths: a.txt and copy/a.txt hold the same bytes, b.txt another plan."""
    folder = tmp_path / "in"
    (folder / "copy").mkdir(parents=True)
    shutil.copy(SAMPLE, folder / "a.txt")
    shutil.copy(SAMPLE, folder / "copy" / "a.txt")
    shutil.copy(OTHER, folder / "b.txt")
    db = tmp_path / "k.duckdb"
    assert run("ingest", folder, "--db", db, "--jobs", 1).exit_code == 0
    return folder, db


def _doc(state, path):
    return dict(state["files"])[str(path)]


def test_forget_removes_the_document_and_every_fact_of_a_path(loaded):
    folder, db = loaded
    before = _state(db)
    gone = _doc(before, folder / "b.txt")
    r = run("forget", folder / "b.txt", "--db", db)
    assert r.exit_code == 0 and "1 document" in r.output, r.output
    after = _state(db)
    assert str(folder / "b.txt") not in dict(after["files"])
    assert gone not in {d for d, _ in after["documents"]}
    for t in FACT_TABLES:
        assert gone not in {d for d, _ in after[t]}, t
        assert [x for x in before[t] if x[0] != gone] == after[t], t
    assert gone in {d for d, _ in before["amounts"] + before["targets"]}, "the plan had facts to remove"


def test_forget_keeps_a_document_another_path_still_holds(loaded):
    folder, db = loaded
    before = _state(db)
    shared = _doc(before, folder / "a.txt")
    assert _doc(before, folder / "copy" / "a.txt") == shared
    r = run("forget", folder / "a.txt", "--db", db)
    assert r.exit_code == 0 and "kept" in r.output
    after = _state(db)
    assert dict(after["files"]) == {k: v for k, v in before["files"] if k != str(folder / "a.txt")}
    assert dict(after["documents"])[shared] == str(folder / "copy" / "a.txt")
    for t in FACT_TABLES:
        assert after[t] == before[t], t


def test_forget_a_folder_forgets_everything_under_it_and_ingest_brings_it_back(loaded):
    folder, db = loaded
    before = _state(db)
    assert run("forget", folder, "--db", db).exit_code == 0
    after = _state(db)
    assert after["files"] == [] and after["documents"] == []
    assert all(after[t] == [] for t in FACT_TABLES)
    again = run("ingest", folder, "--db", db, "--jobs", 1)
    assert again.exit_code == 0
    assert _state(db)["files"] == before["files"]  # the skip index did not settle them as unchanged


def test_forget_of_a_path_never_ingested_is_an_error_and_removes_nothing(loaded):
    folder, db = loaded
    before = _state(db)
    r = run("forget", folder / "b.txt", folder / "never.txt", "--db", db)
    assert r.exit_code == 2 and "never.txt" in r.output
    assert _state(db) == before


def test_forget_is_one_transaction(loaded, monkeypatch):
    """A failure half-way (the second document's delete) leaves the database as it was."""
    folder, db = loaded
    before = _state(db)
    real_delete = writer.Store._delete
    calls = []

    def failing_delete(self, doc_id):
        calls.append(doc_id)
        if len(calls) == 2:
            raise duckdb.Error("disk full")
        real_delete(self, doc_id)

    monkeypatch.setattr(writer.Store, "_delete", failing_delete)
    r = CliRunner().invoke(main, ["forget", str(folder), "--db", str(db)])
    assert r.exit_code == 2 and "disk full" in r.output
    assert len(calls) == 2
    monkeypatch.undo()
    assert _state(db) == before


def test_forget_a_path_whose_file_is_gone(loaded):
    """A file deleted from disk can still be forgotten: paths match as stored."""
    folder, db = loaded
    (folder / "b.txt").unlink()
    r = run("forget", folder / "b.txt", "--db", db)
    assert r.exit_code == 0 and "1 document" in r.output
    assert str(folder / "b.txt") not in dict(_state(db)["files"])
