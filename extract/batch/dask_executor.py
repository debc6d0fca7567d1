"""Extraction on a Dask cluster: the same pure function, run on other machines.

`extract_bytes` reads only its arguments, so a Dask worker anywhere can run it. The
ingest parent still walks, hashes and skips locally, then sends each file's bytes to the
cluster (workers need no access to the input folders). A worker writes the document's
rows as Parquet shards under a shard root both sides can reach (a shared folder or an
object store URL) and returns only a small manifest; the parent, the database's only
writer, loads each shard in one transaction. Kept shards (`--shards` given) are a
columnar copy of the archive that DuckDB can query directly with read_parquet.

Like the local pool, at most a few tasks per worker thread are in flight at once, so the
parent's memory does not grow with the archive.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from extract.batch.workers import LOST, Outcome, Task, extract_data
from extract.errors import ExecutorError
from extract.settings import Settings


def extract_to_shard(task: Task, data: bytes, settings: Settings, root: str) -> Outcome:
    """Run on a Dask worker: extract, write the shard, return the manifest."""
    # deferred: runs on the Dask worker, which imports pyarrow only there
    from extract.store.shards import write_shard

    outcome = extract_data(task, data, settings)
    if outcome.error is not None:
        return outcome  # a failed document is one small row: it travels back as it is
    folder = write_shard(root, outcome.doc_id, outcome.document, outcome.rows)
    return replace(outcome, document=None, rows={}, shard=folder, page_count=outcome.document.get("pages"))


class DaskExecutor:
    def __init__(
        self, scheduler: str, settings: Settings, shards: str | None = None, db: Path | None = None, per_thread: int = 2
    ):
        try:
            # deferred: Dask loads only when a cluster is used
            from distributed import Client
        except ImportError as e:  # pragma: no cover - declared dependency
            raise ExecutorError("the dask executor needs dask[distributed]: pip install 'dask[distributed]'") from e
        self.settings = settings
        self.keep = shards is not None
        if shards is None:
            parent = db.parent if db is not None else Path(tempfile.gettempdir())
            parent.mkdir(parents=True, exist_ok=True)
            shards = tempfile.mkdtemp(prefix=f".{db.name if db else 'kehoach'}.shards-", dir=parent)
        self.root = str(shards)
        try:
            self.client = Client(scheduler, timeout="30s", set_as_default=False)
        except (OSError, TimeoutError) as e:
            self._cleanup()
            raise ExecutorError(f"cannot reach the Dask scheduler at {scheduler}: {e}") from e
        threads = sum(self.client.nthreads().values()) or 1
        self.window = per_thread * threads

    def map_unordered(self, tasks: Iterable[Task]) -> Iterator[Outcome]:
        # deferred: Dask loads only when a cluster is used
        from distributed import as_completed

        pending = as_completed(loop=self.client.loop)
        in_flight: dict[str, Task] = {}
        for task in tasks:
            while len(in_flight) >= self.window:
                yield self._collect(next(pending), in_flight)
            try:
                data = Path(task.key).read_bytes()
            except OSError as e:
                # deferred: runs on the Dask worker, which loads the pipeline only there
                from extract.batch.workers import failed_document

                message = f"cannot read {task.key}: {e.strerror or e}"
                yield Outcome(task, None, failed_document(task.key, None, message), {}, message)
                continue
            fut = self.client.submit(extract_to_shard, task, data, self.settings, self.root, pure=False)
            in_flight[fut.key] = task
            pending.add(fut)
            del data
        while in_flight:
            yield self._collect(next(pending), in_flight)

    def _collect(self, fut, in_flight: dict[str, Task]) -> Outcome:
        task = in_flight.pop(fut.key)
        try:
            outcome = fut.result()
        except Exception as e:  # the worker died (KilledWorker) or the cluster went away
            return Outcome(task, None, None, {}, f"{LOST} ({type(e).__name__}: {e})", lost=True)
        finally:
            fut.release()
        if outcome.shard:
            outcome = replace(outcome, remove_shard=not self.keep)
        return outcome

    def _cleanup(self) -> None:
        if not self.keep and "://" not in self.root:
            shutil.rmtree(self.root, ignore_errors=True)

    def close(self) -> None:
        self.client.close()
        self._cleanup()

    def __enter__(self) -> DaskExecutor:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
