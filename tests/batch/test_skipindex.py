"""The index beside the database: a re-run over unchanged files settles them without
DuckDB, and anything that makes the index doubtful sends the run to the database.

The shortcut must never report a state the database does not hold, so most of these
tests change the database, the files or the lock behind the index's back.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from conftest import CORPUS

import extract.errors
import extract.store.writer
from extract.batch import skipindex as knownindex
from extract.batch.ingest import ingest

PLANS = sorted(CORPUS.glob("txt/*.txt"))[:3]


@pytest.fixture
def inbox(tmp_path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for p in PLANS:
        shutil.copy(p, folder / p.name)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\nnot really\n")
    return folder


@pytest.fixture
def stored(inbox, tmp_path) -> Path:
    db = tmp_path / "k.duckdb"
    first = ingest([inbox], db)
    assert (first.ok, first.failed) == (3, 1)
    assert knownindex.index_path(db).exists()
    return db


@pytest.fixture
def store_opens(monkeypatch) -> list:
    """Counts the runs that open the database."""
    opened = []
    real = extract.store.writer.Store

    def counting(*args, **kwargs):
        opened.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(extract.store.writer, "Store", counting)
    return opened


def _counts(summary) -> tuple:
    return summary.ok, summary.failed, sum(1 for r in summary.results if r.change == "unchanged")


def test_unchanged_rerun_settles_every_file_without_opening_the_database(inbox, stored, store_opens):
    again = ingest([inbox], stored)
    assert _counts(again) == (0, 0, 4)
    assert store_opens == []
    failed = [r for r in again.results if r.path.endswith("broken.pdf")]
    assert failed[0].error and failed[0].status == "unchanged"


def test_unchanged_rerun_in_a_fresh_process_never_imports_duckdb(inbox, stored):
    code = (
        "import sys; from extract.batch.ingest import ingest; "
        f"s = ingest([{str(inbox)!r}], {str(stored)!r}); "
        "assert sum(r.change == 'unchanged' for r in s.results) == 4, s.results; "
        "print('duckdb' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


def test_a_write_by_another_program_sends_the_run_to_the_database(inbox, stored, store_opens):
    con = duckdb.connect(str(stored))
    con.execute("DELETE FROM files WHERE path LIKE '%broken.pdf'")  # behind the index's back
    con.close()
    again = ingest([inbox], stored)
    assert store_opens, "the index described a database that has changed since"
    broken = [r for r in again.results if r.path.endswith("broken.pdf")][0]
    assert (broken.status, broken.change) == ("failed", "new")


def test_a_changed_file_sends_the_run_to_the_database(inbox, stored, store_opens):
    edited = inbox / PLANS[0].name
    edited.write_text(edited.read_text(encoding="utf-8") + "\nBổ sung.\n", encoding="utf-8")
    again = ingest([inbox], stored)
    assert store_opens
    assert [r.change for r in again.results if r.path == str(edited)] == ["changed"]


def test_a_database_this_process_has_open_is_opened_as_usual(inbox, stored, store_opens):
    """Reading the file here and closing it would drop this process's own DuckDB lock."""
    holder = duckdb.connect(str(stored))
    try:
        assert knownindex.load(stored) is None
        ingest([inbox], stored)
    finally:
        holder.close()
    assert store_opens


def test_a_database_another_process_has_open_is_opened_as_usual(inbox, stored):
    """Another run holds DuckDB's lock: this one waits for it or stops, as without the index."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, sys; c = duckdb.connect({str(stored)!r}); print('open', flush=True); sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        assert knownindex.load(stored) is None
    finally:
        holder.communicate("", timeout=60)
    assert knownindex.load(stored) is not None


@pytest.mark.parametrize("damage", ["not json", "[]", '{"format": 1}', "truncated"])
def test_a_damaged_index_is_ignored(inbox, stored, store_opens, damage):
    path = knownindex.index_path(stored)
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: len(text) // 2] if damage == "truncated" else damage, encoding="utf-8")
    again = ingest([inbox], stored)
    assert store_opens and _counts(again) == (0, 0, 4)


def test_an_index_from_another_extractor_version_is_ignored(inbox, stored, store_opens):
    path = knownindex.index_path(stored)
    body = json.loads(path.read_text(encoding="utf-8"))
    body["extractor_version"] = "0.0.0-older"
    path.write_text(json.dumps(body), encoding="utf-8")
    ingest([inbox], stored)
    assert store_opens


def test_force_re_extracts_whatever_the_index_says(inbox, stored, store_opens):
    again = ingest([inbox], stored, force=True)
    assert store_opens and again.ok == 3


def test_index_beside_a_database_inside_the_inbox_is_not_ingested(inbox):
    db = inbox / "k.duckdb"
    ingest([inbox], db)
    again = ingest([inbox], db)
    assert len(again.results) == 4
