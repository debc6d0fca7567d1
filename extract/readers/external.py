"""External programs (LibreOffice, Tesseract) run so that a hung one can always be stopped.

Each runs in its own process group: LibreOffice forks helpers that would outlive a plain
kill, and a timeout or an interrupted batch must not leave them behind.
"""

from __future__ import annotations

import os
import signal
import subprocess


def run_tool(cmd: list[str], timeout: float, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `cmd` to completion; on timeout (subprocess.TimeoutExpired) or any interruption
    the whole process group is killed before the exception goes on."""
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, env=env, start_new_session=True
    )
    try:
        out, err = proc.communicate(timeout=timeout)
    except BaseException:
        _kill(proc)
        raise
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def _kill(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        pass
