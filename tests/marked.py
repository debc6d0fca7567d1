"""Processes found by a marker in their environment, which every process a run starts inherits.

Programs that start their own session (the readers' LibreOffice and Tesseract) are no longer
among a killed run's children; the marker still finds them, and finds nothing of other runs.
"""

from __future__ import annotations

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
