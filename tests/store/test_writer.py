"""The DuckDB store: a document's rows are written together, replaced together, or not at all."""

from __future__ import annotations

import pytest

from extract import EXTRACTOR_VERSION
from extract.errors import StoreError
from extract.store.writer import Store, connect


def _document(doc_id: str, name: str = "plan.txt", status: str = "ok", error: str | None = None) -> dict:
    return {
        "doc_id": doc_id,
        "file_name": name,
        "format": "txt",
        "bytes": 10,
        "pages": None,
        "status": status,
        "error": error,
        "text": "I. MỤC TIÊU\n" if status == "ok" else None,
        "extractor_version": EXTRACTOR_VERSION,
    }


def _section(section_id: int, title: str) -> dict:
    return {
        "section_id": section_id,
        "level": 1,
        "label": "I",
        "label_kind": "roman",
        "title": title,
        "parent_id": None,
        "char_start": 0,
        "char_end": 12,
        "heading_end": 11,
        "page": None,
    }


def _count(store: Store, table: str, doc_id: str) -> int:
    return store.con.execute(f'SELECT count(*) FROM "{table}" WHERE doc_id = ?', [doc_id]).fetchone()[0]


def test_write_then_stored(tmp_path):
    with Store(tmp_path / "k.duckdb") as store:
        store.write("in/plan.txt", _document("aaaa"), {"sections": [_section(1, "MỤC TIÊU")]})
        assert store.stored("in/plan.txt", "aaaa") == ("ok", EXTRACTOR_VERSION, None)
        assert store.stored("in/plan.txt", "bbbb") is None
        assert store.stored("elsewhere/plan.txt", "aaaa") is None
        assert _count(store, "sections", "aaaa") == 1


def test_new_bytes_at_the_same_path_replace_the_old_rows(tmp_path):
    with Store(tmp_path / "k.duckdb") as store:
        store.write("in/plan.txt", _document("aaaa"), {"sections": [_section(1, "MỤC TIÊU")]})
        store.write("in/plan.txt", _document("bbbb"), {"sections": [_section(1, "NHIỆM VỤ"), _section(2, "KINH PHÍ")]})
        assert _count(store, "documents", "aaaa") == 0 and _count(store, "sections", "aaaa") == 0
        assert _count(store, "sections", "bbbb") == 2
        assert store.con.execute("SELECT path, doc_id FROM files").fetchall() == [("in/plan.txt", "bbbb")]


def test_the_same_bytes_under_two_paths_are_one_document(tmp_path):
    with Store(tmp_path / "k.duckdb") as store:
        store.write("a/plan.txt", _document("aaaa"), {"sections": [_section(1, "MỤC TIÊU")]})
        store.write("b/plan.txt", _document("aaaa"), {"sections": [_section(1, "MỤC TIÊU")]})
        store.write("a/plan.txt", _document("cccc"), {})
        # b/ still points at aaaa, so its rows stay
        assert _count(store, "documents", "aaaa") == 1 and _count(store, "sections", "aaaa") == 1


def test_a_failed_write_leaves_nothing_half_done(tmp_path):
    with Store(tmp_path / "k.duckdb") as store:
        store.write("in/plan.txt", _document("aaaa"), {"sections": [_section(1, "MỤC TIÊU")]})
        bad = [_section(1, "NHIỆM VỤ"), dict(_section(2, "X"), level="not a number")]
        with pytest.raises(Exception):  # noqa: B017  DuckDB raises its own conversion error
            store.write("in/plan.txt", _document("bbbb"), {"sections": bad})
        assert _count(store, "documents", "aaaa") == 1 and _count(store, "sections", "aaaa") == 1
        assert _count(store, "documents", "bbbb") == 0


def test_failed_documents_are_rows_too(tmp_path):
    with Store(tmp_path / "k.duckdb") as store:
        store.write("in/empty.pdf", _document("eeee", "empty.pdf", "failed", "the file is empty"), {})
        assert store.stored("in/empty.pdf", "eeee") == ("failed", EXTRACTOR_VERSION, "the file is empty")


def test_reading_a_missing_database_says_what_to_do(tmp_path):
    with pytest.raises(StoreError, match="kehoach ingest"):
        connect(tmp_path / "none.duckdb", read_only=True)


def test_prepare_loads_what_the_first_write_needs_and_writes_nothing(tmp_path):
    import sys

    with Store(tmp_path / "k.duckdb") as store:
        store.prepare()
        assert "pyarrow" in sys.modules
        assert store.con.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
        store.write("a.txt", _document("a"), {"sections": [_section(1, "MỤC TIÊU")]})
        assert store.con.execute("SELECT count(*) FROM sections").fetchone()[0] == 1
