"""A realistic scan (200 dpi, slight skew and blur, image-only PDF) reads like its text-layer original.

The reference is the same two pages of the born-digital PDF, read through the normal
PDF path: every money figure and percentage on those pages, and every amount and target
extracted from them, must come through OCR. Tesseract is installed by `make test`
(scripts/system-deps.sh); without it this test fails and says so.
"""

from __future__ import annotations

import io
import shutil

import pytest
import regex
from conftest import CORPUS
from make_hostile import PLANS, SCAN_PAGES, scan

from extract.pipeline import extract_bytes

pytestmark = pytest.mark.slow  # Tesseract OCR of rendered pages

# What share of the reference facts and figures must survive OCR.
MIN_RECALL = 0.9
MIN_CONFIDENCE = 80.0
_FIGURE = regex.compile(r"\d[\d.,]*\s*(?:%|triệu đồng|tỷ đồng|đồng)")


@pytest.fixture(scope="module")
def pair():
    assert shutil.which("tesseract"), (
        "tesseract is not installed: run 'make test' (it installs tesseract-ocr tesseract-ocr-vie) or apt-get install tesseract-ocr tesseract-ocr-vie"
    )
    from pypdf import PdfReader, PdfWriter

    source = CORPUS / "office" / f"{PLANS[1]}.pdf"
    writer = PdfWriter()
    reader = PdfReader(source)
    for p in SCAN_PAGES:
        writer.add_page(reader.pages[p - 1])
    buf = io.BytesIO()
    writer.write(buf)
    reference = extract_bytes(buf.getvalue(), "reference.pdf")
    scanned = extract_bytes(scan(source), "scan.pdf")
    return reference, scanned


def _recall(reference: set, got: set) -> float:
    return len(reference & got) / len(reference) if reference else 1.0


def test_scan_is_recognised_and_marked(pair):
    reference, scanned = pair
    assert reference.document["ocr"] is False
    assert scanned.document["ocr"] is True
    assert scanned.document["ocr_confidence"] >= MIN_CONFIDENCE
    assert scanned.document["pages"] == len(SCAN_PAGES)


def test_scan_keeps_money_figures_and_percentages(pair):
    reference, scanned = pair
    want = [m.group() for m in _FIGURE.finditer(reference.document["text"])]
    got = scanned.document["text"]
    assert len(want) >= 10
    found = [w for w in want if w in got]
    assert len(found) / len(want) >= MIN_RECALL, sorted(set(want) - set(found))


@pytest.mark.parametrize(
    "table, key",
    [
        ("amounts", ("component", "source", "capital", "vnd")),
        ("targets", ("indicator", "value", "unit", "comparator")),
    ],
)
def test_scan_keeps_amounts_and_targets(pair, table, key):
    reference, scanned = pair
    ref = {tuple(r.get(k) for k in key) for r in reference.rows.get(table, [])}
    got = {tuple(r.get(k) for k in key) for r in scanned.rows.get(table, [])}
    if table == "targets":
        assert ref, "the reference pages hold targets; the targets extractor found none"
    assert _recall(ref, got) >= MIN_RECALL, sorted(ref - got, key=str)
