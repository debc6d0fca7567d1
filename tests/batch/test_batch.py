"""Batch ingest: parallel equals serial, unchanged files are skipped by hash, work is bounded."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import duckdb
import pytest
from conftest import CORPUS
from dbcompare import snapshot

from extract.batch.ingest import ingest
from extract.batch.progress import Progress
from extract.batch.workers import LocalPool, Task
from extract.settings import DEFAULT_SETTINGS

BROKEN_PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage without an xref\n"


@pytest.fixture
def inbox(tmp_path) -> Path:
    """The TXT and DOCX renditions of the sample plans and one damaged PDF."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    for p in sorted(CORPUS.glob("txt/*.txt")) + sorted(CORPUS.glob("office/*.docx")):
        shutil.copy(p, folder / p.name)
    (folder / "damaged.pdf").write_bytes(BROKEN_PDF)
    return folder


def test_parallel_and_serial_runs_give_identical_databases(inbox, tmp_path):
    serial = ingest([inbox], tmp_path / "serial.duckdb", jobs=1)
    parallel = ingest([inbox], tmp_path / "parallel.duckdb", jobs=2)
    assert (serial.ok, serial.failed) == (10, 1)
    assert (parallel.ok, parallel.failed) == (10, 1)
    a, b = snapshot(tmp_path / "serial.duckdb"), snapshot(tmp_path / "parallel.duckdb")
    assert a["sections"], "the sample plans have sections"
    assert a == b


def test_unchanged_files_are_skipped_without_parsing(inbox, tmp_path, monkeypatch):
    db = tmp_path / "k.duckdb"
    ingest([inbox], db)
    before = snapshot(db)

    def must_not_parse(*args, **kwargs):
        raise AssertionError("an unchanged file was parsed")

    monkeypatch.setattr("extract.pipeline.extract_bytes", must_not_parse)
    monkeypatch.setattr("extract.pipeline.read_document", must_not_parse)
    again = ingest([inbox], db)
    assert again.unchanged == again.seen == 11
    assert snapshot(db) == before


def test_changed_file_is_re_extracted_and_matches_a_fresh_ingest(inbox, tmp_path):
    db = tmp_path / "k.duckdb"
    ingest([inbox], db)
    changed = sorted(inbox.glob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nBổ sung: kế hoạch được cập nhật.\n", encoding="utf-8")
    again = ingest([inbox], db, jobs=2)
    by_path = {Path(r.path).name: r for r in again.results}
    assert (by_path[changed.name].change, by_path[changed.name].status, by_path[changed.name].error) == (
        "changed",
        "ok",
        None,
    )
    assert sum(1 for r in again.results if r.change == "unchanged") == 10
    ingest([inbox], tmp_path / "fresh.duckdb")
    assert snapshot(db) == snapshot(tmp_path / "fresh.duckdb")


def test_changed_extractor_version_re_extracts(inbox, tmp_path):
    db = tmp_path / "k.duckdb"
    ingest([inbox], db)
    before = snapshot(db)
    con = duckdb.connect(str(db))
    con.execute("UPDATE documents SET extractor_version = '0.0.0-older'")
    con.close()
    again = ingest([inbox], db, jobs=2)
    assert {r.change for r in again.results} == {"outdated"}
    assert again.ok == 10 and again.failed == 1
    assert snapshot(db) == before


def test_force_re_extracts_everything(inbox, tmp_path):
    db = tmp_path / "k.duckdb"
    ingest([inbox], db)
    before = snapshot(db)
    again = ingest([inbox], db, force=True)
    assert {r.change for r in again.results} == {"forced"}
    assert again.unchanged == 0
    assert snapshot(db) == before


def test_a_moved_file_keeps_one_document_and_drops_the_old_path(inbox, tmp_path):
    db = tmp_path / "k.duckdb"
    ingest([inbox], db)
    src = sorted(inbox.glob("*.docx"))[0]
    src.rename(inbox / "moved.docx")
    ingest([inbox], db)
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 11
        assert con.execute("SELECT count(*) FROM files WHERE path LIKE '%moved.docx'").fetchone()[0] == 1
    finally:
        con.close()


def test_pool_keeps_at_most_its_window_of_tasks_in_flight(inbox):
    files = sorted(p for p in inbox.iterdir() if p.suffix == ".txt") * 3
    handed_out = 0

    def tasks():
        nonlocal handed_out
        for p in files:
            handed_out += 1
            yield Task(str(p), "new")

    collected = 0
    with LocalPool(2, DEFAULT_SETTINGS, window=3) as pool:
        for outcome in pool.map_unordered(tasks()):
            assert handed_out - collected <= 3
            collected += 1
            assert outcome.error is None
    assert collected == len(files)


def test_progress_writes_plain_lines_when_not_a_terminal(inbox, tmp_path):
    out, err = io.StringIO(), io.StringIO()
    progress = Progress(out=out, err=err, tty=False)
    ingest([inbox], tmp_path / "k.duckdb", progress=progress)
    lines = out.getvalue().splitlines()
    assert len(lines) == 10 and all(line.startswith("[") and "/11]" in line and " ok " in line for line in lines)
    assert "damaged.pdf" in err.getvalue() and "failed" in err.getvalue()
    assert "\r" not in out.getvalue() + err.getvalue()


def test_progress_draws_a_bar_with_rate_and_eta_on_a_terminal(inbox, tmp_path):
    out, err = io.StringIO(), io.StringIO()
    progress = Progress(out=out, err=err, tty=True, redraw_seconds=0)
    ingest([inbox], tmp_path / "k.duckdb", progress=progress)
    progress.close()
    bar = err.getvalue().split("\r")[-1]
    assert "11/11 files" in bar and "docs/s" in bar and "pages/s" in bar and "ETA" in bar and "1 failed" in bar
    assert out.getvalue() == ""


def test_two_paths_with_the_same_bytes_in_one_write_batch_share_a_document(inbox, tmp_path):
    first = sorted(inbox.glob("*.txt"))[0]
    shutil.copy(first, inbox / "same_bytes_again.txt")
    db = tmp_path / "k.duckdb"
    summary = ingest([inbox], db, jobs=2)
    assert summary.ok == 11 and summary.failed == 1
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*), count(DISTINCT doc_id) FROM files").fetchone() == (12, 11)
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 11
    finally:
        con.close()


def test_a_pool_is_handed_the_largest_files_first(inbox, tmp_path, monkeypatch):
    """The run then ends on small files with every worker busy, not on one long document."""
    from extract.batch import ingest as ingest_module
    from extract.batch.workers import serial

    handed: list[str] = []

    class RecordingPool:
        def __init__(self, jobs, settings):
            self.settings = settings

        def map_unordered(self, tasks):
            for task in tasks:
                handed.append(task.key)
                yield from serial([task], self.settings)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            pass

    monkeypatch.setattr(ingest_module, "LocalPool", RecordingPool)
    summary = ingest([inbox], tmp_path / "k.duckdb", jobs=2)
    assert summary.ok == 10 and summary.failed == 1
    sizes = [Path(p).stat().st_size for p in handed]
    assert len(handed) == 11 and sizes == sorted(sizes, reverse=True)
