"""What the files table holds, kept in a small file beside the database, so that a re-run
over files that have not changed settles them all without importing or opening DuckDB.

A nightly run over an inbox of files that are all stored already spends most of its time
starting DuckDB. So a run that wrote the database leaves this index behind, and the next
run trusts it only while the database is exactly as it was then:

- it is written once the run has checkpointed and closed the database, with the file's
  identity, size and change times (stat only: opening the file could drop a lock this
  process holds on it, POSIX record locks being per process);
- any write since, by any program, leaves a write-ahead log beside the file or changes
  its size or times, so the index no longer matches and the run opens the database;
- a database that another process holds open is opened as usual too (to wait for its
  lock or stop with the usual message), and so is one this process has open itself.

This is Linux-only (it asks the kernel about locks and open files through fcntl and
/proc); elsewhere every run opens the database. The index is only ever a shortcut: when
in doubt, it is ignored.
"""

from __future__ import annotations

import json
import os
import struct
import sys
import tempfile
from pathlib import Path

from extract import EXTRACTOR_VERSION

if sys.platform.startswith("linux"):
    # deferred: fcntl exists only on POSIX; elsewhere the index is not used
    import fcntl

SUFFIX = ".known.json"
_FORMAT = 1

Known = dict[str, tuple[str, str, str, str | None]]  # path -> (doc_id, status, extractor version, error)


def index_path(db: str | Path) -> Path:
    return Path(f"{db}{SUFFIX}")


def _state(db: Path) -> list | None:
    """The database file's identity, size and change times, or None if a log is pending."""
    if os.path.lexists(f"{db}.wal"):
        return None
    try:
        st = os.stat(db)
    except OSError:
        return None
    return [st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns]


def save(db: str | Path, known: Known) -> None:
    """Record `known` as what `db` holds; call once the database is checkpointed and closed."""
    db = Path(db)
    target = index_path(db)
    state = _state(db)
    try:
        if state is None:
            target.unlink(missing_ok=True)
            return
        body = {
            "format": _FORMAT,
            "extractor_version": EXTRACTOR_VERSION,
            "database": state,
            "files": {path: list(row) for path, row in known.items()},
        }
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        try:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)  # like any file the run writes, not mkstemp's 0600
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(body, fh, ensure_ascii=False)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass  # a folder we cannot write to only costs the next run its shortcut


def load(db: str | Path) -> Known | None:
    """The files table as recorded, if the database is still exactly as it was then and
    no process (this one included) has it open."""
    if not sys.platform.startswith("linux"):
        return None
    db = Path(db)
    try:
        body = json.loads(index_path(db).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if (
        not isinstance(body, dict)
        or body.get("format") != _FORMAT
        or body.get("extractor_version") != EXTRACTOR_VERSION
    ):
        return None
    state = _state(db)
    if state is None or body.get("database") != state or _open_here(state) or _locked_elsewhere(db):
        return None
    files = body.get("files")
    if not isinstance(files, dict):
        return None
    return {path: tuple(row) for path, row in files.items()}


def _open_here(state: list) -> bool:
    """Whether this process has the file open (a DuckDB connection of its own, say):
    opening and closing the file below would then drop that connection's lock."""
    try:
        fds = os.listdir("/proc/self/fd")
    except OSError:
        return True
    for fd in fds:
        try:
            st = os.stat(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if (st.st_dev, st.st_ino) == (state[0], state[1]):
            return True
    return False


# struct flock on Linux: l_type, l_whence, l_start, l_len, l_pid (native alignment)
_FLOCK = struct.Struct("@hhqqi")


def _locked_elsewhere(db: Path) -> bool:
    """Whether another process holds a lock on the file, as DuckDB does on a database it
    has open. F_GETLK only asks; nothing is locked, so no other run is ever refused."""
    try:
        fd = os.open(db, os.O_RDONLY)
    except OSError:
        return True
    try:
        reply = fcntl.fcntl(fd, fcntl.F_GETLK, _FLOCK.pack(fcntl.F_WRLCK, os.SEEK_SET, 0, 0, 0))
    except OSError:
        return True
    finally:
        os.close(fd)
    return _FLOCK.unpack(reply[: _FLOCK.size])[0] != fcntl.F_UNLCK
