"""Workers: a file read ahead is extracted to exactly what a file read by its worker is."""

from __future__ import annotations

import pickle
import shutil
import time
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import CORPUS
from dbcompare import snapshot

from extract.batch.ingest import ingest
from extract.batch.workers import LocalPool, ReadAhead, Task, extract_task, read_ahead
from extract.errors import TimeLimitError
from extract.pipeline import extract_read
from extract.settings import DEFAULT_SETTINGS, Settings

# the executors' own threads must not fail either (ending the read-ahead once made Python
# 3.11's raise on every file it had queued)
pytestmark = pytest.mark.filterwarnings("error::pytest.PytestUnhandledThreadExceptionWarning")

SAMPLES = [
    CORPUS / "txt" / "000_cac69059bff0fcfb.txt",
    CORPUS / "office" / "001_9d22f5555e289895.pdf",
    CORPUS / "office" / "002_36708f18770573fd.docx",
]


def _processes(ahead: ReadAhead) -> list:
    """The read-ahead's process (multiprocessing's own objects: waiting on it through psutil
    would reap it behind the executor's back, and its thread would then spin for ever)."""
    return list(ahead._executor._processes.values())


def _gone(processes: list, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while any(p.is_alive() for p in processes):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def _same(a, b) -> None:
    assert (a.doc_id, a.document, a.rows, a.error) == (b.doc_id, b.document, b.rows, b.error)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.suffix)
def test_a_file_read_ahead_gives_the_outcome_of_one_read_by_its_worker(path):
    task = Task(str(path), "new")
    read = read_ahead(task.key, DEFAULT_SETTINGS)
    assert read is not None and pickle.loads(read).size == path.stat().st_size
    _same(extract_task(task, DEFAULT_SETTINGS, read), extract_task(task, DEFAULT_SETTINGS))


def test_a_file_that_cannot_be_read_ahead_is_left_to_its_worker(tmp_path):
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage without an xref\n")
    assert read_ahead(str(damaged), DEFAULT_SETTINGS) is None
    assert read_ahead(str(tmp_path / "gone.txt"), DEFAULT_SETTINGS) is None


def test_a_read_that_fails_to_extract_is_extracted_again_from_the_file():
    task = Task(str(SAMPLES[0]), "new")
    read = pickle.loads(read_ahead(task.key, DEFAULT_SETTINGS))
    broken = pickle.dumps(replace(read, document=None))  # extracting it raises
    _same(extract_task(task, DEFAULT_SETTINGS, broken), extract_task(task, DEFAULT_SETTINGS))


def test_reading_counts_against_the_time_limit_of_a_file_read_ahead():
    settings = Settings(max_seconds_per_document=5)
    read = pickle.loads(read_ahead(str(SAMPLES[0]), settings))
    with pytest.raises(TimeLimitError):
        extract_read(read.document, read.doc_id, read.size, "x.txt", settings, seconds=5.0)
    spent = pickle.dumps(replace(read, seconds=5.0))  # the worker then extracts the file from scratch, within the limit
    task = Task(str(SAMPLES[0]), "new")
    _same(extract_task(task, settings, spent), extract_task(task, settings))


def test_the_pool_hands_files_read_ahead_to_its_workers_and_the_reader_goes():
    tasks = [Task(str(p), "new") for p in sorted(CORPUS.glob("txt/*.txt"))]
    ahead = ReadAhead(DEFAULT_SETTINGS)
    ahead.read_tail(tasks, 2)  # as the pool will; done before it starts
    for future in list(ahead._futures.values()):
        future.result()
    reader = _processes(ahead)
    taken: list[bytes | None] = []
    take = ahead.take

    def recording_take(key: str) -> bytes | None:
        taken.append(read := take(key))
        return read

    ahead.take = recording_take
    with LocalPool(2, DEFAULT_SETTINGS, read_ahead=ahead) as pool:
        outcomes = {o.task.key: o for o in pool.map_unordered(tasks)}
    for task in tasks:
        _same(outcomes[task.key], extract_task(task, DEFAULT_SETTINGS))
    assert [read is not None for read in taken] == [False, False, True, True, True] and ahead.stopped
    assert reader and _gone(reader)


def test_a_run_with_read_ahead_stores_what_a_serial_run_stores(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for p in SAMPLES + sorted(CORPUS.glob("txt/*.txt")):
        shutil.copy(p, inbox / p.name)
    (inbox / "damaged.pdf").write_bytes(b"%PDF-1.7\nnot a pdf at all\n")
    serial = ingest([inbox], tmp_path / "serial.duckdb", jobs=1)
    parallel = ingest([inbox], tmp_path / "parallel.duckdb", jobs=2)
    assert (serial.ok, serial.failed) == (parallel.ok, parallel.failed) == (7, 1)
    assert snapshot(tmp_path / "serial.duckdb") == snapshot(tmp_path / "parallel.duckdb")


def test_a_pool_closed_before_it_started_ends_its_reader():
    ahead = ReadAhead(DEFAULT_SETTINGS)
    ahead.read([str(Path(p)) for p in SAMPLES])
    reader = _processes(ahead)
    LocalPool(2, DEFAULT_SETTINGS, read_ahead=ahead).close()
    assert ahead.take(str(SAMPLES[0])) is None
    assert reader and _gone(reader)


def test_a_reader_that_died_leaves_every_file_to_the_workers():
    tasks = [Task(str(p), "new") for p in sorted(CORPUS.glob("txt/*.txt"))]
    ahead = ReadAhead(DEFAULT_SETTINGS)
    ahead.read_tail(tasks, 2)
    for process in _processes(ahead):
        process.kill()  # multiprocessing's kill: the executor sees it die
    with LocalPool(2, DEFAULT_SETTINGS, read_ahead=ahead) as pool:
        outcomes = {o.task.key: o for o in pool.map_unordered(tasks)}
    for task in tasks:
        _same(outcomes[task.key], extract_task(task, DEFAULT_SETTINGS))


def test_a_run_whose_reader_cannot_start_goes_on_without_it(tmp_path, monkeypatch):
    from extract.batch import workers

    def cannot_start(settings):
        raise OSError("fork: resource temporarily unavailable")

    monkeypatch.setattr(workers, "ReadAhead", cannot_start)
    assert workers.start_read_ahead(DEFAULT_SETTINGS) is None
    summary = ingest([CORPUS / "txt"], tmp_path / "k.duckdb", jobs=2)
    assert summary.ok == 5 and summary.failed == 0
