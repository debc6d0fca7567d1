"""Nightly mode: the --report file, exit codes 0/1/2, and a second run against a locked database."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from conftest import CORPUS
from dbcompare import snapshot

pytestmark = pytest.mark.slow  # real kehoach runs in subprocesses, lock waits, an unreachable scheduler

KEHOACH = [sys.executable, "-c", "import sys; from extract.cli.main import main; sys.exit(main())"]
BROKEN_PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage without an xref\n"


def kehoach(*args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run(KEHOACH + list(args), capture_output=True, text=True, timeout=timeout)


@pytest.fixture
def inbox(tmp_path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for p in sorted(CORPUS.glob("txt/*.txt"))[:3]:
        shutil.copy(p, folder / p.name)
    return folder


def test_report_counts_new_failed_then_unchanged_changed_and_new(inbox, tmp_path):
    db, report = tmp_path / "k.duckdb", tmp_path / "reports" / "run.json"
    (inbox / "damaged.pdf").write_bytes(BROKEN_PDF)
    first = kehoach("ingest", str(inbox), "--db", str(db), "--jobs", "2", "--report", str(report))
    assert first.returncode == 1, first.stderr
    r = json.loads(report.read_text())
    assert r["exit_code"] == 1 and r["status"] == "some_failed" and r["error"] is None
    assert r["counts"] == {
        "seen": 4,
        "new": 4,
        "changed": 0,
        "outdated": 0,
        "forced": 0,
        "unchanged": 0,
        "copies": 0,
        "ok": 3,
        "failed": 1,
        "pages": 0,
    }
    assert [Path(f["path"]).name for f in r["failed"]] == ["damaged.pdf"]
    assert r["failed"][0]["error"]
    from extract import EXTRACTOR_VERSION

    assert r["extractor_version"] == EXTRACTOR_VERSION
    assert set(r["durations"]) == {"total_seconds", "hash_seconds", "extract_seconds", "write_seconds"}
    assert r["jobs"] == 2 and r["executor"] == "local" and r["database"] == str(db)
    assert sorted(Path(p).name for p in r["new"]) == sorted(p.name for p in inbox.iterdir())

    second = kehoach("ingest", str(inbox), "--db", str(db), "--report", str(report))
    assert second.returncode == 0, second.stderr
    r = json.loads(report.read_text())
    assert (r["exit_code"], r["status"]) == (0, "ok")
    assert r["counts"]["unchanged"] == 4 and r["counts"]["seen"] == 4 and r["new"] == [] and r["failed"] == []

    edited = sorted(inbox.glob("*.txt"))[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nBổ sung ngày 01/6/2024.\n", encoding="utf-8")
    shutil.copy(sorted(CORPUS.glob("txt/*.txt"))[3], inbox / "published_today.txt")
    third = kehoach("ingest", str(inbox), "--db", str(db), "--report", str(report))
    assert third.returncode == 0, third.stderr
    r = json.loads(report.read_text())
    assert (r["counts"]["new"], r["counts"]["changed"], r["counts"]["unchanged"]) == (1, 1, 3)
    assert [Path(p).name for p in r["changed"]] == [edited.name]
    assert [Path(p).name for p in r["new"]] == ["published_today.txt"]


def test_locked_database_exits_2_with_a_clear_message_and_a_report(inbox, tmp_path):
    db, report = tmp_path / "k.duckdb", tmp_path / "run.json"
    assert kehoach("ingest", str(inbox), "--db", str(db), "-q").returncode == 0
    before = snapshot(db)
    holder = duckdb.connect(str(db))  # another writer holds the database
    try:
        blocked = kehoach("ingest", str(inbox), "--db", str(db), "--report", str(report))
    finally:
        holder.close()
    assert blocked.returncode == 2
    assert "in use by another kehoach process" in blocked.stderr and "--wait" in blocked.stderr
    assert "Traceback" not in blocked.stderr
    r = json.loads(report.read_text())
    assert (r["exit_code"], r["status"]) == (2, "could_not_run")
    assert "in use" in r["error"] and r["counts"]["seen"] == 0
    assert snapshot(db) == before


# kehoach, telling on stderr each time its opening of the database finds it locked
KEHOACH_TELLING_LOCKS = [
    sys.executable,
    "-c",
    "import sys, duckdb\n"
    "real = duckdb.connect\n"
    "def connect(*args, **kwargs):\n"
    "    try:\n"
    "        return real(*args, **kwargs)\n"
    "    except duckdb.IOException as e:\n"
    "        if 'lock' in str(e).lower():\n"
    "            print('LOCKED', file=sys.stderr, flush=True)\n"
    "        raise\n"
    "duckdb.connect = connect\n"
    "from extract.cli.main import main\n"
    "sys.exit(main())\n",
]


def test_second_run_waits_for_the_lock_then_completes(inbox, tmp_path):
    """The lock is held until the run has found it locked at least once (not for a fixed
    time, which a busy machine can spend before the run even gets to the database)."""
    db = tmp_path / "k.duckdb"
    holder = duckdb.connect(str(db))
    waiting = subprocess.Popen(
        KEHOACH_TELLING_LOCKS + ["ingest", str(inbox), "--db", str(db), "--wait", "300", "-q"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    before = []
    try:
        while (line := waiting.stderr.readline()) and line.strip() != "LOCKED":  # until it meets the lock, or ends
            before.append(line)
    finally:
        holder.close()
    out, err = waiting.communicate(timeout=600)
    assert line.strip() == "LOCKED", "".join(before) + err
    assert waiting.returncode == 0, err
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM documents WHERE status = 'ok'").fetchone()[0] == 3
    finally:
        con.close()


def test_two_concurrent_runs_leave_one_consistent_database(inbox, tmp_path):
    db = tmp_path / "k.duckdb"
    runs = [
        subprocess.Popen(
            KEHOACH + ["ingest", str(inbox), "--db", str(db), "--wait", "300", "-q", "--jobs", "1"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=600) for p in runs]
    assert [p.returncode for p in runs] == [0, 0], [err for _, err in outputs]
    fresh = tmp_path / "fresh.duckdb"
    assert kehoach("ingest", str(inbox), "--db", str(fresh), "-q").returncode == 0
    assert snapshot(db) == snapshot(fresh)


@pytest.mark.parametrize(
    "args, message",
    [
        (["--executor", "dask"], "needs the scheduler's address"),
        (["--executor", "dask", "--scheduler", "tcp://127.0.0.1:1"], "cannot reach the Dask scheduler"),
    ],
)
def test_executor_that_cannot_run_exits_2(inbox, tmp_path, args, message):
    report = tmp_path / "run.json"
    result = kehoach("ingest", str(inbox), "--db", str(tmp_path / "k.duckdb"), "--report", str(report), *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert json.loads(report.read_text())["status"] == "could_not_run"
