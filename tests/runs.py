"""Following a run started by a test: its processes found by a marker in their environment
(which every process a run starts inherits), and its output held back.

Programs that start their own session (the readers' LibreOffice and Tesseract) are no longer
among a killed run's children; the marker still finds them, and finds nothing of other runs.
"""

from __future__ import annotations

import fcntl
import os
import signal
import uuid

MARKER = "KEHOACH_TEST_RUN"


def marked_env() -> tuple[str, dict[str, str]]:
    """A fresh run id and this environment with it as the marker."""
    run_id = uuid.uuid4().hex
    return run_id, dict(os.environ, **{MARKER: run_id})


def marked(run_id: str) -> dict[int, str]:
    """Live processes (pid: name) whose environment carries this run's marker; zombies are
    dead already and not counted."""
    want = f"{MARKER}={run_id}".encode()
    found = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/environ", "rb") as fh:
                if want not in fh.read().split(b"\0"):
                    continue
            with open(f"/proc/{entry.name}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:  # gone meanwhile, or not ours to read
            continue
        end = stat.rindex(b")")
        if stat[end + 2 : end + 3] != b"Z":
            found[int(entry.name)] = stat[stat.index(b"(") + 1 : end].decode("utf-8", "replace")
    return found


def kill_marked(run_id: str) -> None:
    """Clean-up after a test: nothing of the run is left running, whatever the test found."""
    for pid in marked(run_id):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def hold_back(stream) -> None:
    """Shrink the pipe a run prints its per-file lines into to one page (about 30 lines), so
    the run cannot finish ahead of a test that reads a few lines and then stops it, however
    long the busy machine keeps the test from reading: the run waits on the full pipe."""
    fcntl.fcntl(stream.fileno(), fcntl.F_SETPIPE_SZ, 4096)
