"""What a running ingest tells the person or the scheduler watching it.

On a terminal: one bar redrawn in place (files and pages done, rates, ETA), with failures
printed above it. Anywhere else (cron, a log file, a pipe): one plain line per file with
the running count, so a log can be grepped and a watcher can follow it line by line.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class Progress:
    """Callable with each FileResult; `start(total)` first, `close()` at the end."""

    def __init__(
        self,
        out: TextIO | None = None,
        err: TextIO | None = None,
        tty: bool | None = None,
        quiet: bool = False,
        debug: bool = False,
        redraw_seconds: float = 0.2,
    ):
        self.out = out or sys.stdout
        self.err = err or sys.stderr
        self.tty = self.err.isatty() if tty is None else tty
        self.quiet = quiet
        self.debug = debug
        self.redraw_seconds = redraw_seconds
        self.total = 0
        self.done = 0
        self.pages = 0
        self.extracted = 0
        self.failed = 0
        self.started = time.monotonic()
        self._drawn = 0.0
        self._bar_shown = False

    def start(self, total: int) -> None:
        self.total = total
        self.started = time.monotonic()

    def __call__(self, result) -> None:
        self.done += 1
        if result.status != "unchanged" and not result.copy:  # copies cost no extraction
            self.extracted += 1
            self.pages += result.pages or 0
        if result.status == "failed":
            self.failed += 1
        if self.quiet:
            return
        if self.tty:
            if result.status == "failed":
                self._clear()
                self.err.write(f"failed     {result.path}: {result.error}\n")
                if self.debug and result.detail:
                    self.err.write(result.detail + "\n")
            now = time.monotonic()
            if now - self._drawn >= self.redraw_seconds or self.done == self.total:
                self._draw(now)
            return
        count = f"[{self.done}/{self.total}]" if self.total else f"[{self.done}]"
        if result.status == "failed":
            self.err.write(f"{count} failed     {result.path}: {result.error}\n")
            if self.debug and result.detail:
                self.err.write(result.detail + "\n")
            self.err.flush()
            return
        extra = ""
        if result.copy:
            extra = " (the same bytes as a stored file: not extracted again)"
        elif result.status == "ok":
            extra = f" ({result.pages} pages, {result.seconds:.2f} s)" if result.pages else f" ({result.seconds:.2f} s)"
        self.out.write(f"{count} {result.status:<10} {result.path}{extra}\n")
        self.out.flush()

    def line(self) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = self.done / elapsed
        eta = (self.total - self.done) / rate if rate and self.total else 0.0
        width = 24
        filled = int(width * self.done / self.total) if self.total else width
        bar = "#" * filled + "-" * (width - filled)
        failed = f"  {self.failed} failed" if self.failed else ""
        return (
            f"[{bar}] {self.done}/{self.total} files  {self.pages} pages  "
            f"{self.extracted / elapsed:.1f} docs/s  {self.pages / elapsed:.1f} pages/s  "
            f"ETA {_clock(eta)}{failed}"
        )

    def _draw(self, now: float) -> None:
        self._drawn = now
        self.err.write("\r\x1b[2K" + self.line())
        self.err.flush()
        self._bar_shown = True

    def _clear(self) -> None:
        if self._bar_shown:
            self.err.write("\r\x1b[2K")
            self._bar_shown = False

    def close(self) -> None:
        if self.tty and self._bar_shown and not self.quiet:
            self._draw(time.monotonic())
            self.err.write("\n")
            self.err.flush()
