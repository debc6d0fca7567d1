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
# interpreter, so one alarm alone can be lost. Nothing relies on the clean-up finishing
# within the interval (a busy machine can pause a process for longer than that).
_REPEAT_SECONDS = 0.05


class time_limit:  # lower case: it reads as a function, `with time_limit(seconds):`
    """Raise TimeLimitError when the body runs longer than `seconds` (0 means no limit).

    However late an alarm lands, TimeLimitError is what leaves and the timer is stopped. The
    handler raises only in the body: in `__enter__` and `__exit__` (whose frames it
    recognises, so also at their very first instruction, where Python runs pending handlers)
    it only notes the alarm, and `__exit__` turns a noted alarm into TimeLimitError once the
    timer is stopped. (A generator-based context manager cannot do this: an alarm landing
    in contextlib's `__exit__`, before the generator resumes, escaped as a bare alarm with
    the timer still running.)
    """

    def __init__(self, seconds: float):
        self.seconds = seconds
        self._token = None
        self._alarm = False
        self._previous = None
        self._fired = False
        self._leaving = False

    def __enter__(self) -> None:
        if not self.seconds or _deadline.get() is not None:
            return
        self._token = _deadline.set((time.monotonic() + self.seconds, self.seconds))
        if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
            self._alarm = True
            self._previous = signal.signal(signal.SIGALRM, self._on_alarm)
            signal.setitimer(signal.ITIMER_REAL, self.seconds, _REPEAT_SECONDS)

    def _on_alarm(self, signum, frame) -> None:
        self._fired = True
        if not self._leaving and (frame is None or frame.f_code not in _OWN_CODE):
            raise _Expired()

    def __exit__(self, exc_type, exc, tb) -> bool:
        self._leaving = True
        if self._token is None:
            return False
        if self._alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._previous if self._previous is not None else signal.SIG_DFL)
        _deadline.reset(self._token)
        if exc_type is not None and issubclass(exc_type, _Expired):
            raise _error(self.seconds) from None
        # an alarm whose exception was swallowed (by a finalizer, a gc callback), with the body
        # done before the next one; or one that landed inside a C call's argument conversion,
        # which ctypes wraps in its own ArgumentError: whatever it interrupted is the limit
        if self._fired and (exc_type is None or issubclass(exc_type, Exception)):
            raise _error(self.seconds) from None
        return False


# an alarm landing while the handler itself runs is left to that handler to act on
_OWN_CODE = frozenset(f.__code__ for f in (time_limit.__enter__, time_limit.__exit__, time_limit._on_alarm))


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
