"""Shared fixtures: the sample corpus ingested once per test session.

Fixtures are named for their origin: `corpus/` holds the five sample plans in three
renditions each (copied from shared/corpus), `tests/fixtures/gold/` the gold
annotations that score them (copied from shared/gold, with the population of each target for
a poor class set as the SPEC's "population (targets)" says: the shared files were annotated
before that section and give null there).
"""

from __future__ import annotations

import functools
import importlib.metadata
import json
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

# No per-example deadline anywhere: speed is measured by `make bench`, and a deadline turns
# an example that happens to load a lexicon first, or a busy CI machine, into a flaky failure.
hypothesis_settings.register_profile("kehoach", deadline=None)
hypothesis_settings.load_profile("kehoach")

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLD = ROOT / "tests" / "fixtures" / "gold"

RENDITIONS = (
    sorted(CORPUS.glob("txt/*.txt")) + sorted(CORPUS.glob("office/*.docx")) + sorted(CORPUS.glob("office/*.pdf"))
)
PLAN_STEMS = sorted({p.stem for p in RENDITIONS})

_BACKENDS = [
    "pdfplumber",
    "pdfminer.six",
    "pypdfium2",
    "python-docx",
    "spacy",
    "duckdb",
    "pandas",
    "regex",
    "click",
    "PyYAML",
    "numpy",
    "ftfy",
]


def pytest_report_header(config):
    versions = []
    for name in _BACKENDS:
        try:
            versions.append(f"{name}={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{name}=missing")
    return "kehoach backends: " + ", ".join(versions)


def gold_for(stem: str) -> dict:
    return json.loads((GOLD / f"{stem}.txt.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory) -> Path:
    """A database holding every rendition of every sample plan, built once."""
    from extract.batch.ingest import ingest

    db = tmp_path_factory.mktemp("corpus") / "kehoach.duckdb"
    summary = ingest([CORPUS], db)
    assert summary.failed == 0, [r.error for r in summary.results if r.status == "failed"]
    return db


@pytest.fixture(scope="session")
def corpus_con(corpus_db):
    from extract.store.writer import connect

    con = connect(corpus_db, read_only=True)
    yield con
    con.close()


def doc_id_of(con, file_name: str) -> str:
    return con.execute("SELECT doc_id FROM documents WHERE file_name = ?", [file_name]).fetchone()[0]


@functools.cache
def sample_document(relpath: str, backend: str = "pdfium"):
    """A sample rendition read into a Document once per session (`relpath` under corpus/).

    `backend` chooses the PDF text backend, so tests can compare the fast path with the
    pdfplumber reference path.
    """
    from extract.document.build import build_document
    from extract.pipeline import read_document
    from extract.readers.pdf import read_pdf
    from extract.settings import DEFAULT_SETTINGS

    data = (CORPUS / relpath).read_bytes()
    if backend == "pdfium":
        return read_document(data)
    raw, pages = read_pdf(data, DEFAULT_SETTINGS, backend=backend)
    return build_document(raw, "pdf", pages=pages)
