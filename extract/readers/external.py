"""External programs (LibreOffice, Tesseract) run so that they never outlive the run.

Each runs in its own process group, the leader of which is a tiny shell guard: LibreOffice's
`soffice` becomes `oosplash`, which forks `soffice.bin`, and a timeout, an interrupted batch
or a killed worker must not leave any of them behind. Two ways out are covered:

- the reader gives up (timeout, time limit, Ctrl-C): it kills the whole group itself;
- the process that started the program dies, even by kill -9, with no chance to clean up:
  on Linux the guard asked the kernel for a parent-death signal (prctl PR_SET_PDEATHSIG,
  SIGTERM), and on that signal it kills its whole group (SIGKILL). The signal cannot go to
  the program itself: it is lost across the program's own forks (a busy `soffice.bin` whose
  `oosplash` was killed runs on), while the group holds them all.

The signal is set in `preexec_fn`, between fork and exec. That is safe here although the
caller may have threads (DuckDB's, in a one-process run): the function only makes two
system calls (prctl, getppid) through a libc handle looked up before the fork, with every
argument computed before it too; it imports nothing, logs nothing and takes no lock another
thread could have held at the fork (the interpreter resets its own for the child). The kernel sends the signal when the
*thread* that forked the child ends, not only the process; `run_tool` waits on the child in
that same thread until the child is gone (or killed with its group), so the thread outlives
the child unless the whole process dies, which is the case the signal is for.
"""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys

_PR_SET_PDEATHSIG = 1  # linux/prctl.h
# The guard: on SIGTERM (its parent died) kill the whole group, itself included; otherwise
# run the program in the background and exit with its status. A SIGTERM before the trap is
# set ends the guard before the program starts, so there is no window to escape through.
_GUARD = 'trap "kill -KILL 0" TERM; "$@" & wait $!'


def _find_prctl():
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None


_PRCTL = _find_prctl()


def _die_with(parent: int):
    """The `preexec_fn` that has the kernel SIGTERM the guard when `parent` (this process's
    forking thread) dies; a parent already dead by then has left the child orphaned, so it
    exits before exec."""
    prctl, sigterm = _PRCTL, int(signal.SIGTERM)

    def preexec() -> None:
        prctl(_PR_SET_PDEATHSIG, sigterm, 0, 0, 0)
        if os.getppid() != parent:
            os._exit(125)

    return preexec


def guarded(cmd: list[str]) -> tuple[list[str], object]:
    """The command line and `preexec_fn` that run `cmd` under the guard (unchanged, with no
    preexec_fn, where there is no prctl: the reader's own group kill is all there is)."""
    if _PRCTL is None or not os.path.exists("/bin/sh"):
        return cmd, None
    return ["/bin/sh", "-c", _GUARD, "kehoach-guard", *cmd], _die_with(os.getpid())


def run_tool(cmd: list[str], timeout: float, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `cmd` to completion; on timeout (subprocess.TimeoutExpired) or any interruption
    the whole process group is killed before the exception goes on."""
    argv, preexec = guarded(cmd)
    proc = subprocess.Popen(
        argv,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        env=env,
        start_new_session=True,
        preexec_fn=preexec,  # two system calls only: see the module docstring
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
