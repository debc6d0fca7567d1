"""A per-document time limit, so one pathological file cannot hold up a nightly batch.

Parsers written in Python (pdfminer, lxml walks) are interrupted by a SIGALRM timer when
the document runs on a process's main thread, as it does in the CLI and in worker
processes. Elsewhere (a thread) the limit is kept cooperatively: long loops call
`check()`, and external programs (LibreOffice, Tesseract) get `remaining()` seconds as
their subprocess timeout in every case.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from extract.errors import TimeLimitError

_deadline: ContextVar[tuple[float, float] | None] = ContextVar("kehoach_deadline", default=None)


class _Expired(BaseException):
    """Raised by the timer; a BaseException so that no parser's `except Exception` hides it."""


def _error(limit: float) -> TimeLimitError:
    return TimeLimitError(
        f"reading the document took longer than the limit max_seconds_per_document={limit:g}; "
        "raise that setting (e.g. Settings(max_seconds_per_document=...)) if the file is genuine"
    )


# After the first alarm the timer keeps firing at this interval until the document is
# given up: an exception raised inside a finalizer or a gc callback is swallowed by the
# interpreter, so one alarm alone can be lost. The interval also leaves the clean-up code
# ample time to disarm the timer before a second alarm could interrupt it.
_REPEAT_SECONDS = 0.05


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise TimeLimitError when the body runs longer than `seconds` (0 means no limit)."""
    if not seconds or _deadline.get() is not None:
        yield
        return
    token = _deadline.set((time.monotonic() + seconds, seconds))
    use_alarm = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    previous = None
    fired = []
    if use_alarm:

        def on_alarm(signum, frame):
            fired.append(True)
            raise _Expired()

        previous = signal.signal(signal.SIGALRM, on_alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds, _REPEAT_SECONDS)
    try:
        yield
    except _Expired:
        raise _error(seconds) from None
    except Exception:
        # the alarm can land inside a C call's argument conversion, and ctypes wraps it in
        # its own ArgumentError: once the alarm has fired, whatever it interrupted is the limit
        if fired:
            raise _error(seconds) from None
        raise
    else:
        # an alarm whose exception was swallowed, with the body done before the next one
        if fired:
            raise _error(seconds) from None
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous if previous is not None else signal.SIG_DFL)
        _deadline.reset(token)


def remaining(default: float) -> float:
    """Seconds left before the current document's limit (at most `default`)."""
    current = _deadline.get()
    if current is None:
        return default
    left = current[0] - time.monotonic()
    if left <= 0:
        raise _error(current[1])
    return min(default, left)


def check() -> None:
    current = _deadline.get()
    if current is not None and time.monotonic() > current[0]:
        raise _error(current[1])
