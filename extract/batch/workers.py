"""Extraction off the writer: in this process, in a local process pool, one file per task.

Workers get a path and return rows; they never open the database (DuckDB allows one
writing process, and that is the ingest parent). At most `window` tasks are in flight, so
memory grows with the number of workers, not with the size of the corpus: the parent
hands out the next file only when a finished one has been written.

Pool workers come from a fork server that has already imported the extractors, so a new
worker starts warm and none inherits the parent's open database or threads. The server
and its workers die with the run that started them, however it ends (die_with_parent).
"""

from __future__ import annotations

import ctypes
import gc
import hashlib
import os
import signal
import sys
import time
import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from extract import EXTRACTOR_VERSION
from extract.errors import DocumentError, ExecutorError
from extract.settings import Settings

if TYPE_CHECKING:
    # deferred: the process pool loads only when a pool starts
    from concurrent.futures import Future, ProcessPoolExecutor

LOST = (
    "the worker process died while extracting this file (a crash or out of memory); "
    "nothing was stored for it and the next run retries it"
)


@dataclass
class Task:
    key: str  # the path as recorded in the files table
    change: str  # new, changed, outdated (older extractor version) or forced


@dataclass
class Outcome:
    task: Task
    doc_id: str | None
    document: dict | None
    rows: dict = field(default_factory=dict)
    error: str | None = None
    detail: str | None = None  # traceback of an internal error, for --debug
    seconds: float = 0.0
    lost: bool = False  # the worker died: nothing to store, retried next run
    shard: str | None = None  # rows left in a Parquet shard folder instead of carried here
    remove_shard: bool = True  # delete the shard once loaded
    page_count: int | None = None  # pages, when the document row stayed in the shard

    @property
    def pages(self) -> int | None:
        return self.document.get("pages") if self.document else self.page_count


def doc_id_for(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def file_doc_id(path: str | Path) -> str:
    """The doc_id of a file, hashed in chunks so a large file is never held whole."""
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()[:16]


def failed_document(name: str, data: bytes | None, error: str) -> dict:
    doc_id = doc_id_for(data) if data is not None else doc_id_for(b"unreadable:" + name.encode())
    return {
        "doc_id": doc_id,
        "file_name": Path(name).name,
        "format": None,
        "bytes": len(data) if data is not None else None,
        "pages": None,
        "status": "failed",
        "error": error,
        "text": None,
        "extractor_version": EXTRACTOR_VERSION,
    }


def extract_data(task: Task, data: bytes, settings: Settings) -> Outcome:
    """Extract one file's bytes; a bad file or a bug becomes a failed outcome, never an exception."""
    # deferred: extraction (spaCy, lexicons) loads only in processes that extract
    from extract.pipeline import extract_bytes

    start = time.perf_counter()
    name = Path(task.key).name
    try:
        extraction = extract_bytes(data, name, settings)
    except DocumentError as e:
        return Outcome(
            task, doc_id_for(data), failed_document(name, data, str(e)), {}, str(e), seconds=time.perf_counter() - start
        )
    except Exception as e:  # a bug, not the file's fault: record it, keep going
        message = f"internal error while extracting ({type(e).__name__}: {e}); please report it with the file"
        return Outcome(
            task,
            doc_id_for(data),
            failed_document(name, data, message),
            {},
            message,
            traceback.format_exc(),
            seconds=time.perf_counter() - start,
        )
    return Outcome(task, extraction.doc_id, extraction.document, extraction.rows, seconds=time.perf_counter() - start)


def extract_task(task: Task, settings: Settings) -> Outcome:
    try:
        data = Path(task.key).read_bytes()
    except OSError as e:
        message = f"cannot read {task.key}: {e.strerror or e}"
        return Outcome(task, None, failed_document(task.key, None, message), {}, message)
    return extract_data(task, data, settings)


def serial(tasks: Iterable[Task], settings: Settings) -> Iterator[Outcome]:
    for task in tasks:
        yield extract_task(task, settings)


def _preload_modules() -> list[str]:
    return ["extract.batch.warmup"]


# The run's process id, for the fork server to check that the run is still its parent once
# it has asked to die with it (an environment variable: the server is a fresh interpreter).
PARENT_ENV = "KEHOACH_POOL_PARENT"
_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def die_with_parent(expected_parent: int | str | None = None) -> None:
    """Have the kernel kill this process (SIGKILL) when its parent dies, however the parent dies.

    Linux's parent-death signal (prctl PR_SET_PDEATHSIG), set in the pool's fork server and in
    each worker: when the run dies, even by kill -9, the server is killed, and with it its
    workers; the resource tracker then sees its pipe close and exits too. A parent that died
    before the call has left this process orphaned already, so when the expected parent is
    known and is no longer the parent, this process exits at once. Elsewhere than Linux
    nothing is set.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # no prctl to call: multiprocessing's own pipes are all there is
        return
    if expected_parent and os.getppid() != int(expected_parent):
        os._exit(0)


_WARM_PLAN = """ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN MẪU\tĐộc lập - Tự do - Hạnh phúc
Số: 1/KH-UBND\tMẫu, ngày 01 tháng 01 năm 2024
KẾ HOẠCH
Thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025
Căn cứ Quyết định số 1/QĐ-TTg ngày 01/01/2022 của Thủ tướng Chính phủ;
I. MỤC TIÊU
- Giảm tỷ lệ hộ nghèo bình quân 1%/năm.
II. NỘI DUNG
1. Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo
Kinh phí thực hiện: Ngân sách trung ương: Vốn sự nghiệp 100 triệu đồng.
III. TỔ CHỨC THỰC HIỆN
TT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian thực hiện
1\tTuyên truyền\tPhòng Lao động - Thương binh và Xã hội\tPhòng Y tế\tHằng năm
"""


def warm_caches() -> bool:
    """Fill the extractors' lazy caches (compiled rules, lexicons, the gazetteer) by
    extracting a tiny made-up plan; False when that failed (only a missed optimisation:
    real files report real errors)."""
    try:
        # deferred: extraction (spaCy, lexicons) loads only in processes that extract
        from extract.pipeline import extract_bytes

        extract_bytes(_WARM_PLAN.encode("utf-8"), "warm.txt")
        # the letters the scattered-letter check counts by: PDF pages only, so the plan misses it
        from extract.readers.pdf import _bmp_letters

        _bmp_letters()
    except Exception:
        return False
    return True


def warm_worker() -> None:
    """Pool initializer: die with the fork server, and start from warm caches.

    The fork server fills the caches once, before it forks any worker (warmup), so a
    worker only has them to fill itself when that failed. A second of compiling rules per
    worker, on a two-core machine, was a second of the whole run. Then the collector is
    settled for extracting (settle_collector).
    """
    server = sys.modules.get("extract.batch.warmup")  # imported by the fork server, never in a worker
    die_with_parent(getattr(server, "SERVER_PID", None))
    if not getattr(server, "WARM", False):
        warm_caches()
    settle_collector()


# Allocations between two collections of the youngest generation in a worker (CPython: 700).
YOUNG_COLLECTION_THRESHOLD = 5000


def settle_collector() -> None:
    """Set the garbage collector up for extracting: what is loaded by now is frozen, so the
    collector never scans it again, and the youngest generation is collected after 5000
    allocations rather than 700.

    Extraction allocates hundreds of thousands of short-lived tuples and lists per document
    (words, lines, cells, matches), nearly all freed by reference counting; collected every
    700, the survivors of the moment were scanned over and over. Over the gazette PDFs
    (bench/stages.py, in one process) the collector took 0.29 to 0.31 ms of CPU per page
    with the default and 0.13 to 0.15 with 5000, at the same peak memory (210 MiB); 10000
    was no better. (A larger threshold for the older generations as well had cost a few
    hundred MiB without being faster.)
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_COLLECTION_THRESHOLD, *gc.get_threshold()[1:])


def start_server() -> None:
    """Start the pool's fork server now, without waiting for it: it imports and warms the
    extractors (a second or two) while the run opens its database and plans its files.
    Idempotent: the pool starts workers from the same server."""
    import multiprocessing  # with the pool, not at import: a run with nothing to extract never needs them
    from multiprocessing import forkserver

    os.environ[PARENT_ENV] = str(os.getpid())
    multiprocessing.get_context("forkserver").set_forkserver_preload(_preload_modules())
    forkserver.ensure_running()


class LocalPool:
    """A process pool fed lazily: at most `window` tasks submitted and not yet collected."""

    def __init__(self, jobs: int, settings: Settings, window: int | None = None):
        self.jobs = max(1, jobs)
        self.settings = settings
        self.window = window or 2 * self.jobs
        self._executor: ProcessPoolExecutor | None = None

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            import multiprocessing  # with the pool, not at import: a run with nothing to extract never needs them

            # deferred: the process pool loads only when a pool starts
            from concurrent.futures import ProcessPoolExecutor

            start_server()
            ctx = multiprocessing.get_context("forkserver")
            self._executor = ProcessPoolExecutor(self.jobs, mp_context=ctx, initializer=warm_worker)
        return self._executor

    def _submit(self, task: Task) -> Future:
        # deferred: the process pool loads only when a pool starts
        from concurrent.futures.process import BrokenProcessPool

        try:
            try:
                return self._pool().submit(extract_task, task, self.settings)
            except BrokenProcessPool:
                self._restart()
                return self._pool().submit(extract_task, task, self.settings)
        except (EOFError, OSError) as e:  # the fork server died while starting
            raise ExecutorError(
                f"cannot start extraction worker processes ({type(e).__name__}: {e}); "
                "run with --jobs 1 to extract in this process and see the error"
            ) from e

    def _restart(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
        self._executor = None

    def map_unordered(self, tasks: Iterable[Task]) -> Iterator[Outcome]:
        # deferred: the process pool loads only when a pool starts
        from concurrent.futures import FIRST_COMPLETED, wait
        from concurrent.futures.process import BrokenProcessPool

        it = iter(tasks)
        pending: dict[Future, Task] = {}
        exhausted = False
        while True:
            while not exhausted and len(pending) < self.window:
                task = next(it, None)
                if task is None:
                    exhausted = True
                    break
                pending[self._submit(task)] = task
            if not pending:
                return
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                task = pending.pop(fut)
                try:
                    yield fut.result()
                except BrokenProcessPool:
                    # the pool died: every task in flight is lost with it (each comes back here),
                    # and the next submission starts a fresh pool
                    yield Outcome(task, None, None, {}, LOST, lost=True)

    def close(self, kill: bool = False) -> None:
        """Shut the pool down; `kill` ends the workers at once instead of letting their current
        files finish (the run was interrupted: those files are extracted by the next run)."""
        if self._executor is not None:
            if kill:
                processes = getattr(self._executor, "_processes", None) or {}
                for process in list(processes.values()):
                    process.kill()
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def __enter__(self) -> LocalPool:
        return self

    def __exit__(self, exc_type, *exc) -> None:
        self.close(kill=exc_type is not None)
