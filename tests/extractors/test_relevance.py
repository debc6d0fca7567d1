"""documents.is_plan: a file that is no administrative plan or decision (too little text, OCR
below min_ocr_confidence, no document type) is stored ok, flagged with the reason, and kept
out of every view; a plan stays in."""

from __future__ import annotations

import duckdb
import pytest
from conftest import CORPUS, ROOT

from extract import pipeline
from extract.errors import SettingsError
from extract.extractors import relevance
from extract.pipeline import extract_bytes
from extract.settings import Settings
from extract.store.writer import Store

CRAWL = ROOT / "tests" / "fixtures" / "crawl"
SAMPLE_PLAN = sorted((CORPUS / "txt").glob("*.txt"))[0]


def _store_and_plans(tmp_path, name: str, extraction) -> set[str]:
    db = tmp_path / "r.duckdb"
    with Store(db) as store:
        store.write(f"in/{name}", extraction.document, extraction.rows)
    con = duckdb.connect(str(db), read_only=True)
    try:
        stored = con.execute("SELECT status, is_plan, not_plan_reason FROM documents").fetchone()
        assert stored == ("ok", extraction.document["is_plan"], extraction.document["not_plan_reason"])
        return {r[0] for r in con.execute("SELECT doc_id FROM plans").fetchall()}
    finally:
        con.close()


@pytest.fixture(scope="module")
def sample_plan():
    return extract_bytes(SAMPLE_PLAN.read_bytes(), SAMPLE_PLAN.name)


def test_a_sample_plan_is_a_plan_and_in_plans(sample_plan, tmp_path):
    assert sample_plan.document["is_plan"] is True
    assert sample_plan.document["not_plan_reason"] is None
    assert _store_and_plans(tmp_path, SAMPLE_PLAN.name, sample_plan) == {sample_plan.doc_id}


def test_a_tiny_text_file_is_no_plan_for_too_little_text(tmp_path):
    ex = extract_bytes(b"notes", "notes.md")
    assert ex.document["status"] == "ok" and ex.document["is_plan"] is False
    assert "too little text (5 characters; setting min_plan_chars 100)" in ex.document["not_plan_reason"]
    assert _store_and_plans(tmp_path, "notes.md", ex) == set()


def test_a_short_plan_heading_alone_is_no_plan_even_with_a_type():
    ex = extract_bytes("Số: 12/KH-UBND\n\nKẾ HOẠCH\nThực hiện giảm nghèo bền vững năm 2023\n".encode(), "stub.txt")
    assert ex.document["is_plan"] is False
    assert ex.document["not_plan_reason"].startswith("too little text (")


def test_a_low_confidence_ocr_reading_is_no_plan(monkeypatch, tmp_path):
    """A scan whose OCR is noise was stored as an ok plan and reached compare funding."""
    real_read = pipeline.read_document

    def read_as_poor_ocr(data, settings, name=None):
        doc = real_read(data, settings, name)
        doc.ocr, doc.ocr_confidence = True, 62.0
        return doc

    monkeypatch.setattr(pipeline, "read_document", read_as_poor_ocr)
    ex = extract_bytes(SAMPLE_PLAN.read_bytes(), "scan.pdf")
    assert ex.document["doc_type"] is not None
    assert ex.document["is_plan"] is False
    assert ex.document["not_plan_reason"] == "OCR confidence 62 below min_ocr_confidence 70"
    assert _store_and_plans(tmp_path, "scan.pdf", ex) == set()


def test_the_ocr_threshold_is_a_setting(monkeypatch):
    real_read = pipeline.read_document

    def read_as_ocr(data, settings, name=None):
        doc = real_read(data, settings, name)
        doc.ocr, doc.ocr_confidence = True, 62.0
        return doc

    monkeypatch.setattr(pipeline, "read_document", read_as_ocr)
    ex = extract_bytes(SAMPLE_PLAN.read_bytes(), "scan.pdf", Settings(min_ocr_confidence=60))
    assert ex.document["is_plan"] is True


def test_a_news_page_without_a_type_is_no_plan(tmp_path):
    page = CRAWL / "sports_news.txt"
    ex = extract_bytes(page.read_bytes(), page.name)
    assert ex.document["doc_type"] is None and ex.document["is_plan"] is False
    assert ex.document["not_plan_reason"] == "no document type: no letterhead or type heading"
    assert _store_and_plans(tmp_path, page.name, ex) == set()


def test_relevance_settings_name_themselves_when_wrong():
    with pytest.raises(SettingsError, match="min_ocr_confidence"):
        Settings(min_ocr_confidence=101)
    with pytest.raises(SettingsError, match="min_plan_chars"):
        Settings(min_plan_chars=-1)


@pytest.mark.parametrize("least", [0, 1, 5, 50])
def test_enough_characters_decided_from_the_opening_as_by_counting_all(least):
    texts = [
        "",
        " \n\t ",
        "a" * 3,
        " " * 300 + "b" * 60,
        "x " * 40,
        "\u3000" * 500 + "đ" * 49,
        "a" * 49 + " " * 400 + "b",
    ]
    for text in texts:
        assert relevance._has_chars(text, least) == (len("".join(text.split())) >= least)
