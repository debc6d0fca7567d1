"""Killed mid-run (kill -9), a re-run completes the rest and equals an uninterrupted run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from conftest import CORPUS
from dbcompare import snapshot
from runs import hold_back

pytestmark = pytest.mark.slow  # real runs killed with SIGKILL

KEHOACH = [sys.executable, "-c", "import sys; from extract.cli.main import main; sys.exit(main())"]
COPIES = 24  # 5 sample plans x 24 distinct copies = 120 files: several write batches, so a kill
# right after the first batch's lines leaves some uncommitted even on a fast machine


def _inbox(folder: Path) -> Path:
    folder.mkdir()
    for k in range(COPIES):
        for p in sorted(CORPUS.glob("txt/*.txt")):
            text = p.read_text(encoding="utf-8") + f"\nBản sao lưu trữ số {k + 1}.\n"
            (folder / f"{p.stem}_copy{k}.txt").write_text(text, encoding="utf-8")
    return folder


def _stored(db: Path) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM files").fetchone()[0]
    finally:
        con.close()


def test_kill_9_mid_run_then_rerun_equals_an_uninterrupted_run(tmp_path):
    inbox = _inbox(tmp_path / "inbox")
    total = len(list(inbox.iterdir()))
    killed_db = tmp_path / "killed.duckdb"
    proc = subprocess.Popen(
        KEHOACH + ["ingest", str(inbox), "--db", str(killed_db), "--jobs", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )
    hold_back(proc.stdout)
    done = 0
    try:
        for line in proc.stdout:
            if " ok " in line:
                done += 1
            if done == 5:
                os.kill(proc.pid, signal.SIGKILL)  # the parent, the only writer, dies mid-run
                break
        proc.wait(timeout=600)
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # then its orphaned workers, so nothing lingers
        except ProcessLookupError:
            pass
    assert proc.returncode == -signal.SIGKILL
    interrupted = _stored(killed_db)
    assert 5 <= interrupted < total, "the run was killed part way, with committed documents"

    resumed = subprocess.run(
        KEHOACH + ["ingest", str(inbox), "--db", str(killed_db), "--jobs", "1"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert resumed.returncode == 0, resumed.stderr
    assert resumed.stdout.count(" unchanged ") >= interrupted

    whole_db = tmp_path / "whole.duckdb"
    whole = subprocess.run(
        KEHOACH + ["ingest", str(inbox), "--db", str(whole_db), "--jobs", "1", "-q"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert whole.returncode == 0, whole.stderr
    assert snapshot(killed_db) == snapshot(whole_db)
    assert _stored(killed_db) == total
