"""External programs run under a guard: their output and status come through, and neither
they nor the processes they fork outlive the process that ran them, however it dies."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from runs import kill_marked, marked, marked_env

from extract.readers.external import run_tool

DEADLINE = 60.0  # seconds; the processes normally go within a fraction of one
# A program that forks a helper and waits on it, as soffice does soffice.bin.
FORKING = ["sh", "-c", "sleep 600 & wait"]


def _gone(run_id: str, seconds: float = DEADLINE) -> dict[int, str]:
    deadline = time.monotonic() + seconds
    while (left := marked(run_id)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return left


def test_output_and_exit_status_come_through_the_guard():
    done = run_tool(["sh", "-c", "echo out; echo err >&2; exit 3"], 60)
    assert (done.returncode, done.stdout, done.stderr) == (3, b"out\n", b"err\n")
    assert done.args == ["sh", "-c", "echo out; echo err >&2; exit 3"]


def test_timeout_kills_the_program_and_what_it_forked():
    run_id, env = marked_env()
    try:
        with pytest.raises(subprocess.TimeoutExpired):
            run_tool(FORKING, 0.5, env)
        assert not _gone(run_id)
    finally:
        kill_marked(run_id)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the parent-death signal is Linux's")
def test_regression_program_and_its_children_outlived_a_killed_caller():
    """A worker killed with kill -9 while LibreOffice converted left soffice.bin running."""
    run_id, env = marked_env()
    code = f"from extract.readers.external import run_tool; run_tool({FORKING!r}, 600)"
    caller = subprocess.Popen([sys.executable, "-c", code], env=env)
    try:
        deadline = time.monotonic() + DEADLINE * 5
        while list(marked(run_id).values()).count("sleep") < 1:
            assert caller.poll() is None and time.monotonic() < deadline, marked(run_id)
            time.sleep(0.05)
        os.kill(caller.pid, signal.SIGKILL)
        caller.wait(timeout=DEADLINE)
        assert not _gone(run_id)
    finally:
        kill_marked(run_id)
        if caller.poll() is None:
            caller.kill()
