"""Ingest files and folders into the store; every file ends with a row, ok or failed.

One bad file never stops a batch: a DocumentError becomes a `failed` row with its
message, and anything unexpected becomes a `failed` row that says it is a bug to report.

The parent process walks the input, hashes each file and skips the ones whose bytes and
extractor version are already stored, without parsing them; the rest go to an executor
(this process, a local process pool, or a Dask cluster) and come back as rows that the
parent alone writes, a few documents per transaction and each document whole. Killing the
run at any moment loses only the documents in flight and the batch not yet committed: the
next run skips everything already committed. Ctrl-C stops a run cleanly: the workers are
ended, what they had finished is committed, and RunInterrupted says how much is stored.
When every file is unchanged, the index kept beside the database (knownindex) settles them
without opening it.
"""

from __future__ import annotations

import errno
import os
import signal
import stat
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from extract import EXTRACTOR_VERSION
from extract.batch import skipindex as knownindex
from extract.batch.workers import LocalPool, Outcome, Task, failed_document, file_doc_id, serial, start_server
from extract.errors import KehoachError, RunInterrupted, SettingsError, StoreError
from extract.settings import DEFAULT_SETTINGS, Settings

if TYPE_CHECKING:
    # deferred: a run that finds nothing to do never imports DuckDB
    from extract.store.writer import Store

EXECUTORS = ("local", "dask")


class MissingInputError(KehoachError):
    """A path named on the command line does not exist: nothing is read and no row is
    written, since a failed row for a typo would stay in the database for good."""


@dataclass
class FileResult:
    path: str
    status: str  # ok, failed, unchanged
    doc_id: str | None = None
    error: str | None = None
    detail: str | None = None  # traceback for --debug
    change: str = "new"  # new, changed, outdated, forced or unchanged
    pages: int | None = None
    seconds: float = 0.0  # extraction time
    copy: bool = False  # the bytes were stored already under another path: linked, not extracted


@dataclass
class IngestSummary:
    results: list[FileResult] = field(default_factory=list)
    started_at: datetime | None = None
    finished_at: datetime | None = None
    seconds: float = 0.0
    hash_seconds: float = 0.0
    extract_seconds: float = 0.0
    write_seconds: float = 0.0
    jobs: int = 1
    executor: str = "local"

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    def changes(self, change: str) -> int:
        return sum(1 for r in self.results if r.change == change)

    @property
    def seen(self) -> int:
        return len(self.results)

    @property
    def ok(self) -> int:
        return self.count("ok")

    @property
    def failed(self) -> int:
        return self.count("failed")

    @property
    def unchanged(self) -> int:
        return self.count("unchanged")

    @property
    def pages(self) -> int:
        return sum(r.pages or 0 for r in self.results if r.status != "unchanged")


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def iter_files(paths: Iterable[str | Path]) -> Iterator[tuple[Path, str | None]]:
    """Files under the given paths, each once; yields (path, problem) where a path cannot be walked.

    Symlinked folders are followed once each (a loop is noticed by real path, not followed
    forever); hidden files inside folders are skipped, named files are always taken.
    """
    for path, _real, problem in _iter_files(paths):
        yield path, problem


def _iter_files(paths: Iterable[str | Path]) -> Iterator[tuple[Path, str | None, str | None]]:
    """iter_files, with each file's real path (None where a path cannot be walked)."""
    seen_dirs: set[str] = set()
    seen_files: set[str] = set()
    for p in paths:
        p = Path(p)
        if not p.exists() and not p.is_symlink():
            yield p, None, f"no such file or folder: {p}"
            continue
        if p.is_dir():
            yield from _walk(p, seen_dirs, seen_files)
        else:
            real = os.path.realpath(p)
            if real not in seen_files:
                seen_files.add(real)
                yield p, real, None


def _walk(root: Path, seen_dirs: set[str], seen_files: set[str]) -> Iterator[tuple[Path, str | None, str | None]]:
    real = os.path.realpath(root)
    if real in seen_dirs:
        return
    seen_dirs.add(real)
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError as e:
        yield root, None, f"cannot list folder {root}: {e.strerror or e}"
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir(follow_symlinks=True)
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(path, seen_dirs, seen_files)
        else:
            link = entry.is_symlink()
            if link and not path.exists():
                yield path, None, _broken_link(path)
                continue
            # the folder's real path is known: only a link needs resolving
            rp = os.path.realpath(path) if link else os.path.join(real, entry.name)
            if rp in seen_files:
                continue
            seen_files.add(rp)
            yield path, rp, None


def _broken_link(path: Path) -> str:
    try:
        os.stat(path)
    except OSError as e:
        if e.errno == errno.ELOOP:
            return f"symbolic link loop: {path} leads back to itself; remove or fix the link"
    return f"broken symbolic link: {path} points to nothing; remove or fix the link"


def ingest(
    paths: Iterable[str | Path],
    db: str | Path,
    settings: Settings = DEFAULT_SETTINGS,
    force: bool = False,
    wait: float = 0.0,
    progress: Callable[[FileResult], None] | None = None,
    jobs: int = 1,
    executor: str = "local",
    scheduler: str | None = None,
    shards: str | None = None,
) -> IngestSummary:
    """Ingest `paths` into the database `db`.

    `jobs` > 1 extracts in that many local worker processes; executor "dask" sends
    extraction to the Dask scheduler at `scheduler`, whose workers write Parquet shards
    under `shards` (a folder or URL they can reach; default a temporary folder next to
    the database, removed once loaded). `progress` is called with every FileResult; if it
    has a `start` method, that is called first with the number of files found.
    """
    if executor not in EXECUTORS:
        raise SettingsError(f"unknown executor {executor!r}; choose one of {', '.join(EXECUTORS)}")
    if executor == "dask" and not scheduler:
        raise SettingsError("executor 'dask' needs the scheduler's address (--scheduler tcp://HOST:8786)")
    if jobs < 1:
        raise SettingsError(f"jobs must be at least 1, got {jobs}")
    if wait < 0:
        raise SettingsError(f"wait must be zero or more seconds, got {wait}")
    paths = list(paths)
    missing = [str(p) for p in paths if not Path(p).exists() and not Path(p).is_symlink()]
    if missing:
        raise MissingInputError(
            f"no such file or folder: {', '.join(missing)}; check the path (nothing was read or written)"
        )
    summary = IngestSummary(jobs=jobs, executor=executor, started_at=_utcnow())
    clock = time.perf_counter()

    def emit(result: FileResult) -> None:
        summary.results.append(result)
        if progress:
            progress(result)

    own = os.path.realpath(db)  # the database (and its .wal) may sit inside a folder being ingested
    files = [
        (p, problem) for p, real, problem in _iter_files(paths) if not (real or os.path.realpath(p)).startswith(own)
    ]
    examined: dict[str, tuple[str | None, str | None]] = {}
    settled = None if force else _settled_by_index(files, db, settings, summary, examined)
    if progress is not None and hasattr(progress, "start"):
        progress.start(len(files))
    if settled is not None:
        for result in settled:
            emit(result)
    elif not files:
        pass  # nothing to read: the database is not even created
    else:
        if executor == "local" and jobs > 1:
            # first: it warms up while DuckDB loads, the database opens and the files are planned
            start_server()
        from extract.store.writer import Store  # a run that finds nothing to do never imports DuckDB

        with Store(db, wait=wait) as store, _Interrupts() as interrupts:
            known = store.known()
            tasks = _plan(files, known, store, settings, force, emit, summary, examined, interrupts)
            if executor == "local" and jobs > 1:
                tasks = _largest_first(tasks)
                if tasks:
                    store.prepare()  # while the fork server warms up
            writer = _Writer(store, settings, summary, emit, interrupts)
            try:
                with _executor(executor, jobs, settings, scheduler, shards, db) as run:
                    for outcome in run.map_unordered(tasks):
                        writer.add(outcome)
                    writer.flush()  # before the executor closes: its temporary shards must still be there
            except KeyboardInterrupt:
                # the executor has ended its workers on the way out; what they finished is kept
                with interrupts.writing():
                    writer.flush()
                    store.checkpoint()
                    known = store.known()
                knownindex.save(db, known)
                _finish(summary, clock)
                stored = sum(1 for r in summary.results if r.status in ("ok", "failed"))
                raise RunInterrupted(
                    f"interrupted (Ctrl-C): {stored} file(s) stored in {db} by this run are kept; "
                    "run the same command again to extract the rest",
                    summary,
                ) from None
            store.checkpoint()
            known = store.known()
        knownindex.save(db, known)
    _finish(summary, clock)
    return summary


def _finish(summary: IngestSummary, clock: float) -> None:
    summary.finished_at = _utcnow()
    summary.seconds = time.perf_counter() - clock


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


class _Interrupts:
    """Ctrl-C (SIGINT) during a run, raised as KeyboardInterrupt at once, except while the
    database is being written: then right after the write, so a commit is never cut short
    and the documents it held are reported.

    Only on the main thread, and only when Python's own handler is in place (a run started
    with SIGINT ignored, as a background job is, keeps ignoring it).
    """

    def __init__(self) -> None:
        self.requested = False
        self._writing = 0
        self._previous = None

    def __enter__(self) -> _Interrupts:
        if threading.current_thread() is threading.main_thread():
            if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
                self._previous = signal.signal(signal.SIGINT, self._on_sigint)
        return self

    def __exit__(self, *exc) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)
            self._previous = None

    def _on_sigint(self, signum, frame) -> None:
        if self._writing:
            self.requested = True
        else:
            raise KeyboardInterrupt

    @contextmanager
    def writing(self) -> Iterator[None]:
        self._writing += 1
        try:
            yield
        finally:
            self._writing -= 1
        if self.requested and not self._writing:
            self.requested = False
            raise KeyboardInterrupt


class _Serial:
    def __init__(self, settings: Settings):
        self.settings = settings

    def map_unordered(self, tasks: Iterable[Task]) -> Iterator[Outcome]:
        return serial(tasks, self.settings)

    def __enter__(self) -> _Serial:
        return self

    def __exit__(self, *exc) -> None:
        pass


def _executor(executor: str, jobs: int, settings: Settings, scheduler: str | None, shards: str | None, db: str | Path):
    if executor == "dask":
        # deferred: Dask loads only for --executor dask
        from extract.batch.dask_executor import DaskExecutor

        return DaskExecutor(scheduler, settings, shards=shards, db=Path(db))
    if jobs == 1:
        return _Serial(settings)
    return LocalPool(jobs, settings)


def _plan(
    files,
    known,
    store: Store,
    settings: Settings,
    force: bool,
    emit: Callable[[FileResult], None],
    summary: IngestSummary,
    examined: dict,
    interrupts: _Interrupts,
) -> Iterator[Task]:
    """Tasks for the files that need extracting; every other file is settled here by hash."""
    stored = {row[0]: row for row in known.values()}  # doc_id -> (doc_id, status, version, error)
    for path, problem in files:
        key = str(path)
        problem, doc_id = _examine(path, problem, settings, summary, examined)
        settled = _settle(key, problem, doc_id, known.get(key), force, stored.get(doc_id))
        if isinstance(settled, Task):
            yield settled
            continue
        with interrupts.writing():
            if settled.status == "failed":
                _write(store, key, failed_document(key, None, problem), {}, summary)
            elif settled.copy and not _link(store, key, doc_id, summary):
                settled = Task(key, settled.change)  # its document was replaced earlier in this run
            if isinstance(settled, FileResult):
                emit(settled)
        if isinstance(settled, Task):
            yield settled


def _largest_first(tasks: Iterable[Task]) -> list[Task]:
    """The files to extract, largest first, for a pool: its last minutes then go to small files
    with every worker busy, instead of one worker finishing a long document while the others
    wait (a 95-page gazette issue among 52 was a tenth of the run). Every file is planned
    (hashed, settled) before the first is handed out; hashing is the cheap part."""

    def size(task: Task) -> int:
        try:
            return os.stat(task.key).st_size
        except OSError:  # gone since it was hashed: extraction reports it
            return 0

    return sorted(tasks, key=size, reverse=True)


def _settled_by_index(
    files, db: str | Path, settings: Settings, summary: IngestSummary, examined: dict
) -> list[FileResult] | None:
    """Every file settled as unchanged from the index kept beside the database, or None
    as soon as one needs the database (see knownindex)."""
    known = knownindex.load(db)
    if known is None:
        return None
    results = []
    for path, problem in files:
        key = str(path)
        problem, doc_id = _examine(path, problem, settings, summary, examined)
        settled = _settle(key, problem, doc_id, known.get(key), False)
        if isinstance(settled, Task) or settled.change != "unchanged":
            return None
        results.append(settled)
    return results


def _examine(
    path: Path, problem: str | None, settings: Settings, summary: IngestSummary, examined: dict
) -> tuple[str | None, str | None]:
    """(problem, doc_id) of a file: why it cannot be read, or the hash of its bytes. Each
    file is hashed once per run, whichever way it is then settled."""
    key = str(path)
    if key in examined:
        return examined[key]
    start = time.perf_counter()
    doc_id = None
    if problem is None:
        try:
            st = path.stat()
            size = st.st_size
            if not stat.S_ISREG(st.st_mode):
                problem = (
                    f"{path} is not a regular file (a named pipe, socket or device); "
                    "only plan files can be ingested: move it out of the folder"
                )
            elif size > settings.max_file_bytes:
                problem = (
                    f"the file is {size:,} bytes, over the limit max_file_bytes={settings.max_file_bytes:,}; "
                    "raise that setting to read it"
                )
            else:
                doc_id = file_doc_id(path)
        except PermissionError:
            problem = f"permission denied reading {path}; make the file readable (chmod +r) and run again"
        except OSError as e:
            problem = f"cannot read {path}: {e.strerror or e}"
    summary.hash_seconds += time.perf_counter() - start
    examined[key] = (problem, doc_id)
    return problem, doc_id


def _settle(
    key: str, problem: str | None, doc_id: str | None, prior: tuple | None, force: bool, stored: tuple | None = None
) -> FileResult | Task:
    """What a file needs, from its hash, what is stored for its path (`prior`) and what is
    stored for its bytes under any path (`stored`): nothing (unchanged), a failed row (it
    cannot be read), a link to the stored document (a copy, moved or renamed file, or a
    folder given by another path), or extracting (a Task)."""
    if problem is not None:
        failed_id = failed_document(key, None, problem)["doc_id"]
        if prior and prior[0] == failed_id and prior[3] == problem and not force:
            return FileResult(key, "unchanged", failed_id, problem, change="unchanged")
        return FileResult(key, "failed", failed_id, problem, change="new" if prior is None else "changed")
    if prior is None:
        change = "new"
    elif prior[0] != doc_id:
        change = "changed"
    elif prior[2] != EXTRACTOR_VERSION:
        change = "outdated"
    elif force:
        change = "forced"
    else:
        return FileResult(key, "unchanged", doc_id, prior[3], change="unchanged")
    if not force and stored is not None and stored[1:3] == ("ok", EXTRACTOR_VERSION):  # new or changed, never outdated
        return FileResult(key, "ok", doc_id, None, change=change, copy=True)
    return Task(key, change)


def _write(store: Store, key: str, document: dict, rows: dict, summary: IngestSummary) -> None:
    start = time.perf_counter()
    try:
        store.write(key, document, rows)
    except _database_errors() as e:
        raise StoreError(f"cannot write {key} to the database {store.path}: {e}") from e
    summary.write_seconds += time.perf_counter() - start


def _link(store: Store, key: str, doc_id: str, summary: IngestSummary) -> bool:
    start = time.perf_counter()
    try:
        return store.link(key, doc_id)
    except _database_errors() as e:
        raise StoreError(f"cannot write {key} to the database {store.path}: {e}") from e
    finally:
        summary.write_seconds += time.perf_counter() - start


class _Writer:
    """Commits finished documents in small batches; a result is reported once it is committed.

    Progress lines and the report therefore never claim a document that a kill -9 could
    still lose.
    """

    def __init__(
        self,
        store: Store,
        settings: Settings,
        summary: IngestSummary,
        emit: Callable[[FileResult], None],
        interrupts: _Interrupts | None = None,
    ):
        self.store, self.settings, self.summary, self.emit = store, settings, summary, emit
        self.interrupts = interrupts or _Interrupts()
        self.items: list[tuple[str, dict, dict]] = []
        self.results: list[FileResult] = []
        self.shards: list[str] = []
        self.since = 0.0

    def add(self, outcome: Outcome) -> None:
        task = outcome.task
        self.summary.extract_seconds += outcome.seconds
        if outcome.lost:
            self.emit(FileResult(task.key, "failed", None, outcome.error, change=task.change))
            return
        document, rows = outcome.document, outcome.rows
        if outcome.shard:
            # deferred: shards (pyarrow) only for --executor dask
            from extract.store.shards import read_shard

            document, rows = read_shard(outcome.shard)
            if outcome.remove_shard:
                self.shards.append(outcome.shard)
        if not self.items:
            self.since = time.monotonic()
        self.items.append((task.key, document, rows))
        self.results.append(
            FileResult(
                task.key,
                "failed" if outcome.error else "ok",
                outcome.doc_id,
                outcome.error,
                outcome.detail,
                task.change,
                outcome.pages,
                outcome.seconds,
            )
        )
        if (
            len(self.items) >= self.settings.write_batch_docs
            or time.monotonic() - self.since >= self.settings.write_batch_seconds
        ):
            self.flush()

    def flush(self) -> None:
        if not self.items:
            return
        with self.interrupts.writing():  # committed and reported together, or neither
            start = time.perf_counter()
            try:
                self.store.write_many(self.items)
            except _database_errors() as e:
                raise StoreError(f"cannot write to the database {self.store.path}: {e}") from e
            self.summary.write_seconds += time.perf_counter() - start
            if self.shards:
                # deferred: shards (pyarrow) only for --executor dask
                from extract.store.shards import remove_shard

                for folder in self.shards:
                    remove_shard(folder)
            results = self.results
            self.items, self.results, self.shards = [], [], []
            for result in results:
                self.emit(result)


def _database_errors() -> type[Exception]:
    # deferred: a run that finds nothing to do never imports DuckDB
    import duckdb

    return duckdb.Error
