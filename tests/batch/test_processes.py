"""A run's processes go with it: killed (kill -9) or interrupted (Ctrl-C), nothing of it stays.

Each test starts `kehoach ingest` on enough files to still be running when it is stopped,
waits for proof that the part under test is up (a committed document's line, or the
external program running), stops it, and then polls, with a deadline generous enough for
a loaded machine, until every process the run had started is gone.

The external programs (LibreOffice, Tesseract) start their own sessions, so they are not
found among the run's children once it is dead: the run gets a marker in its environment,
which every process it starts inherits, and /proc is searched for it.
"""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import psutil
import pytest
from conftest import CORPUS
from make_hostile import PLANS, scan
from runs import hold_back, kill_marked, marked, marked_env

pytestmark = pytest.mark.slow  # real runs killed with SIGKILL or SIGINT

KEHOACH = [sys.executable, "-c", "import sys; from extract.cli.main import main; sys.exit(main())"]
COPIES = 24  # 120 distinct plans: the run is still going when the first few are committed
DEADLINE = 60.0  # seconds; the processes normally go within a fraction of one


def _inbox(folder: Path) -> Path:
    folder.mkdir()
    for k in range(COPIES):
        for p in sorted(CORPUS.glob("txt/*.txt")):
            text = p.read_text(encoding="utf-8") + f"\nBản sao lưu trữ số {k + 1}.\n"
            (folder / f"{p.stem}_copy{k}.txt").write_text(text, encoding="utf-8")
    return folder


def _start(inbox: Path, db: Path, jobs: int = 2, env: dict | None = None) -> subprocess.Popen:
    proc = subprocess.Popen(
        KEHOACH + ["ingest", str(inbox), "--db", str(db), "--jobs", str(jobs)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        env=env,
    )
    hold_back(proc.stdout)
    return proc


def _wait_for_committed(proc: subprocess.Popen, count: int) -> None:
    """Read the run's lines until `count` documents are reported stored (each line is
    printed once its document is committed, so the pool is up by then)."""
    done = 0
    deadline = time.monotonic() + 600
    with selectors.DefaultSelector() as sel:
        sel.register(proc.stdout, selectors.EVENT_READ)
        while done < count:
            assert time.monotonic() < deadline, "the run never reported a stored document"
            if not sel.select(timeout=1.0):
                assert proc.poll() is None, f"the run ended early: {proc.stderr.read()}"
                continue
            line = proc.stdout.readline()
            assert line, f"the run ended early: {proc.stderr.read()}"
            if " ok " in line:
                done += 1


def _alive(processes: list[psutil.Process]) -> list[psutil.Process]:
    left = []
    for p in processes:
        try:
            if p.is_running() and p.status() != psutil.STATUS_ZOMBIE:
                left.append(p)
        except psutil.NoSuchProcess:
            pass
    return left


def _gone_within(processes: list[psutil.Process], seconds: float) -> list[psutil.Process]:
    deadline = time.monotonic() + seconds
    while (left := _alive(processes)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


def _kill_all(proc: subprocess.Popen, processes: list[psutil.Process]) -> None:
    for p in _alive(processes):
        p.kill()
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _stored(db: Path) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM files").fetchone()[0]
    finally:
        con.close()


def test_kill_9_of_the_run_leaves_no_process_behind(tmp_path):
    inbox = _inbox(tmp_path / "inbox")
    proc = _start(inbox, tmp_path / "k.duckdb")
    run: list[psutil.Process] = []
    try:
        _wait_for_committed(proc, 2)
        run = psutil.Process(proc.pid).children(recursive=True)  # fork server, workers, resource tracker
        assert len(run) >= 3, run
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=DEADLINE)
        left = _gone_within(run, DEADLINE)
        assert not left, f"still running after the run was killed: {[(p.pid, p.name()) for p in left]}"
    finally:
        _kill_all(proc, run)


@pytest.mark.parametrize("jobs", [1, 2])
def test_ctrl_c_stops_the_run_with_one_line_and_keeps_what_was_stored(tmp_path, jobs):
    """In a pool (the terminal's SIGINT reaches every process of the group) and in one process."""
    inbox = _inbox(tmp_path / "inbox")
    db = tmp_path / "k.duckdb"
    proc = _start(inbox, db, jobs)
    run: list[psutil.Process] = []
    try:
        _wait_for_committed(proc, 2)
        run = psutil.Process(proc.pid).children(recursive=True)
        os.killpg(proc.pid, signal.SIGINT)  # what a terminal sends the whole foreground group
        out, err = proc.communicate(timeout=DEADLINE * 5)
        left = _gone_within(run, DEADLINE)
        assert not left, f"still running after Ctrl-C: {[(p.pid, p.name()) for p in left]}"
    finally:
        _kill_all(proc, run)
    assert proc.returncode not in (0, 1) and proc.returncode > 0
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1 and "interrupted" in lines[0].lower(), err
    assert "Traceback" not in err
    stored = _stored(db)
    assert 2 <= stored < 120
    assert f"{stored}" in lines[0]

    rerun = subprocess.run(
        KEHOACH + ["ingest", str(inbox), "--db", str(db), "--jobs", "1", "-q"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert rerun.returncode == 0, rerun.stderr
    assert _stored(db) == 120


# --- external programs: LibreOffice and Tesseract go with the run too -------------------


def _rtf(paragraphs: int) -> bytes:
    """An RTF document long enough that LibreOffice is busy converting it for a while."""
    body = "".join(f"Muc {i}: ho tro phat trien san xuat, giam ngheo ben vung.\\par " for i in range(paragraphs))
    return ("{\\rtf1\\ansi " + body + "}").encode("ascii")


def _wait_for_program(proc: subprocess.Popen, run_id: str, names: set[str]) -> dict[int, str]:
    """The run's processes once the last of the program's `names` has started."""
    deadline = time.monotonic() + 600
    while not (names <= set((found := marked(run_id)).values())):
        assert proc.poll() is None, f"the run ended before {names} ran: {proc.communicate()}"
        assert time.monotonic() < deadline, f"{names} never ran: {found}"
        time.sleep(0.05)
    return found


def _stop_program(proc: subprocess.Popen, run_id: str, names: set[str]) -> dict[int, str]:
    """Wait for the program and stop (SIGSTOP) its processes; one that ended meanwhile lets
    the others go on, and the next one is caught."""
    while True:
        running = _wait_for_program(proc, run_id, names)
        stopped = []
        try:
            for pid, name in running.items():
                if name in names:
                    os.kill(pid, signal.SIGSTOP)
                    stopped.append(pid)
            return running
        except ProcessLookupError:
            for pid in stopped:
                try:
                    os.kill(pid, signal.SIGCONT)
                except ProcessLookupError:
                    pass


@pytest.mark.parametrize(
    "kind, jobs",
    [("rtf", 1), ("rtf", 2), ("scan", 2)],
    ids=["libreoffice-in-the-run", "libreoffice-in-a-worker", "tesseract-in-a-worker"],
)
def test_kill_9_of_the_run_leaves_no_external_program_behind(tmp_path, kind, jobs):
    """soffice forks soffice.bin, which outlives its killed parent when busy: the whole group
    of the program goes when the process that started it dies (the run, or its worker).

    Once running, the program is stopped (SIGSTOP), so that it cannot finish on its own within
    the deadline however fast the machine: only the run's death can end it."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    if kind == "rtf":
        for k in range(4):
            (inbox / f"plan{k}.rtf").write_bytes(_rtf(2_000 + k))
        names = {"oosplash", "soffice.bin"}
    else:
        for k in range(2):
            (inbox / f"scan{k}.pdf").write_bytes(scan(CORPUS / "office" / f"{PLANS[k]}.pdf"))
        names = {"tesseract"}
    run_id, env = marked_env()
    proc = _start(inbox, tmp_path / "k.duckdb", jobs, env=env)
    try:
        running = _stop_program(proc, run_id, names)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=DEADLINE)
        deadline = time.monotonic() + DEADLINE
        while (left := marked(run_id)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not left, f"still running after the run was killed: {left} (running before: {running})"
    finally:
        kill_marked(run_id)
        if proc.poll() is None:
            proc.kill()
        proc.communicate()
