"""The machine-readable record of one ingest run, for schedulers and alerting.

A nightly job reads this instead of scraping logs: what was seen, what was new or
changed, what failed and why, how long each phase took, and the exit code it ended with
(0 all ok, 1 some files failed, 2 could not run). It is written even when the run could
not start, so a missing report always means the job never ran.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from extract import EXTRACTOR_VERSION, __version__

STATUS = {0: "ok", 1: "some_failed", 2: "could_not_run"}


def exit_code(summary) -> int:
    return 1 if summary.failed else 0


def build(
    summary,
    *,
    db: str | Path,
    inputs: list[str],
    exit_code: int,
    error: str | None = None,
    started_at: datetime | None = None,
) -> dict:
    """The report as a JSON-ready dict; `summary` is None when the run could not start."""
    now = datetime.now(UTC).replace(microsecond=0)
    results = summary.results if summary is not None else []

    def paths(change: str) -> list[str]:
        return [r.path for r in results if r.change == change and r.status != "unchanged"]

    return {
        "kehoach_version": __version__,
        "extractor_version": EXTRACTOR_VERSION,
        "database": str(db),
        "inputs": [str(p) for p in inputs],
        "executor": summary.executor if summary else None,
        "jobs": summary.jobs if summary else None,
        "started_at": ((summary.started_at if summary else None) or started_at or now).isoformat(),
        "finished_at": ((summary.finished_at if summary else None) or now).isoformat(),
        "exit_code": exit_code,
        "status": STATUS[exit_code],
        "error": error,
        "counts": {
            "seen": len(results),
            "new": len(paths("new")),
            "changed": len(paths("changed")),
            "outdated": len(paths("outdated")),
            "forced": len(paths("forced")),
            "unchanged": sum(1 for r in results if r.status == "unchanged"),
            "copies": sum(1 for r in results if r.copy),
            "ok": sum(1 for r in results if r.status == "ok"),
            "failed": sum(1 for r in results if r.status == "failed"),
            "pages": sum(r.pages or 0 for r in results if r.status != "unchanged"),
        },
        "durations": {
            "total_seconds": round(summary.seconds, 3) if summary else 0.0,
            "hash_seconds": round(summary.hash_seconds, 3) if summary else 0.0,
            "extract_seconds": round(summary.extract_seconds, 3) if summary else 0.0,
            "write_seconds": round(summary.write_seconds, 3) if summary else 0.0,
        },
        "failed": [{"path": r.path, "change": r.change, "error": r.error} for r in results if r.status == "failed"],
        "new": paths("new"),
        "changed": paths("changed"),
        "outdated": paths("outdated"),
        "copies": [r.path for r in results if r.copy],
    }


def write(path: str | Path, report: dict) -> None:
    """Write atomically: a reader never sees half a report."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # readable like any file the job writes, not mkstemp's 0600
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(report, fh, ensure_ascii=False, indent=2)
            fh.write("\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
