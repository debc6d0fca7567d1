"""Ingest files and folders into the store; every file ends with a row, ok or failed.

One bad file never stops a batch: a DocumentError becomes a `failed` row with its
message, and anything unexpected becomes a `failed` row that says it is a bug to report.
"""

from __future__ import annotations

import os
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from . import EXTRACTOR_VERSION
from .errors import DocumentError
from .pipeline import doc_id_for, extract_bytes
from .settings import DEFAULT_SETTINGS, Settings
from .store import Store


@dataclass
class FileResult:
    path: str
    status: str  # ok, failed, unchanged
    doc_id: str | None = None
    error: str | None = None
    detail: str | None = None  # traceback for --debug


@dataclass
class IngestSummary:
    results: list[FileResult] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

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


def iter_files(paths: Iterable[str | Path]) -> Iterator[tuple[Path, str | None]]:
    """Files under the given paths, each once; yields (path, problem) where a path cannot be walked.

    Symlinked folders are followed once each (a loop is noticed by real path, not followed
    forever); hidden files inside folders are skipped, named files are always taken.
    """
    seen_dirs: set[str] = set()
    seen_files: set[str] = set()
    for p in paths:
        p = Path(p)
        if not p.exists() and not p.is_symlink():
            yield p, f"no such file or folder: {p}"
            continue
        if p.is_dir():
            yield from _walk(p, seen_dirs, seen_files)
        else:
            real = os.path.realpath(p)
            if real not in seen_files:
                seen_files.add(real)
                yield p, None


def _walk(root: Path, seen_dirs: set[str], seen_files: set[str]) -> Iterator[tuple[Path, str | None]]:
    real = os.path.realpath(root)
    if real in seen_dirs:
        return
    seen_dirs.add(real)
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError as e:
        yield root, f"cannot list folder {root}: {e.strerror or e}"
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
            if entry.is_symlink() and not path.exists():
                yield path, f"broken symbolic link: {path} points to nothing"
                continue
            rp = os.path.realpath(path)
            if rp in seen_files:
                continue
            seen_files.add(rp)
            yield path, None


def _failed_document(path: Path, data: bytes | None, error: str) -> dict:
    doc_id = doc_id_for(data) if data is not None else doc_id_for(b"unreadable:" + str(path).encode())
    return {
        "doc_id": doc_id, "file_name": path.name, "format": None, "bytes": len(data) if data is not None else None,
        "pages": None, "status": "failed", "error": error, "text": None, "extractor_version": EXTRACTOR_VERSION,
    }


def ingest(
    paths: Iterable[str | Path],
    db: str | Path,
    settings: Settings = DEFAULT_SETTINGS,
    force: bool = False,
    wait: float = 0.0,
    progress: Callable[[FileResult], None] | None = None,
) -> IngestSummary:
    summary = IngestSummary()
    with Store(db, wait=wait) as store:
        for path, problem in iter_files(paths):
            result = _ingest_one(store, path, problem, settings, force)
            summary.results.append(result)
            if progress:
                progress(result)
    return summary


def _ingest_one(store: Store, path: Path, problem: str | None, settings: Settings, force: bool) -> FileResult:
    key = str(path)
    data = None
    if problem is None:
        try:
            size = path.stat().st_size
            if size > settings.max_file_bytes:
                problem = (f"the file is {size:,} bytes, over the limit max_file_bytes={settings.max_file_bytes:,}; "
                           "raise that setting to read it")
            else:
                data = path.read_bytes()
        except PermissionError:
            problem = f"permission denied reading {path}; make the file readable (chmod +r) and run again"
        except OSError as e:
            problem = f"cannot read {path}: {e.strerror or e}"
    doc_id = doc_id_for(data) if data is not None else None
    if problem is not None:
        document = _failed_document(path, data, problem)
        prior = store.stored(key, document["doc_id"])
        if prior and prior[2] == problem and not force:
            return FileResult(key, "unchanged", document["doc_id"], problem)
        store.write(key, document, {})
        return FileResult(key, "failed", document["doc_id"], problem)
    prior = store.stored(key, doc_id)
    if prior and prior[1] == EXTRACTOR_VERSION and not force:
        return FileResult(key, "unchanged", doc_id, prior[2])
    try:
        extraction = extract_bytes(data, path.name, settings)
    except DocumentError as e:
        document = _failed_document(path, data, str(e))
        store.write(key, document, {})
        return FileResult(key, "failed", doc_id, str(e))
    except Exception as e:  # a bug, not the file's fault: record it, keep going
        message = f"internal error while extracting ({type(e).__name__}: {e}); please report it with the file"
        store.write(key, _failed_document(path, data, message), {})
        return FileResult(key, "failed", doc_id, message, traceback.format_exc())
    store.write(key, extraction.document, extraction.rows)
    return FileResult(key, "ok", doc_id)
