"""PDFs: text and ruling lines from PDFium, table grids by pdfplumber's rules, layout in pdflayout.

pdfplumber is thorough but slow (pdfminer interprets every page in Python); PDFium reads
the same characters and drawn paths tens of times faster. So the text of every page comes
from PDFium, and on pages that draw ruling lines (asking PDFium for path objects costs
next to nothing) pdftables turns PDFium's paths into edges and runs pdfplumber's own grid
functions on them, so tables come out as pdfplumber would find them without pdfminer.

`backend="pdfplumber"` reads every page's text with pdfplumber as well (and looks for
tables on every page). It is the slow reference path: the test suite checks that both
paths give the same stored text and sections on the sample corpus.
"""

from __future__ import annotations

import io
import statistics
from dataclasses import dataclass

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException

from extract.document.blocks import RawBlock, RawCell, RawRow
from extract.errors import CorruptFileError, EncryptedFileError, LimitExceededError
from extract.readers import pdffast, pdftables
from extract.readers.pdflayout import (
    PAGE_NUMBER,
    Glyph,
    Line,
    PageLayout,
    Word,
    assemble,
    drop_page_numbers,
    join_text,
    lines,
    words,
)
from extract.settings import Settings

BACKENDS = ("pdfium", "pdfplumber")

_PLUMBER_ERRORS = (PDFSyntaxError, PSException, ValueError, TypeError, KeyError, AttributeError)
_ENCRYPTED = "the PDF is encrypted and needs a password; ask the publisher for an unprotected copy or decrypt it (qpdf --decrypt)"


def _open_plumber(data: bytes):
    try:
        return pdfplumber.open(io.BytesIO(data))
    except (PDFPasswordIncorrect, PDFEncryptionError) as e:
        raise EncryptedFileError(_ENCRYPTED) from e
    except _PLUMBER_ERRORS as e:
        raise CorruptFileError(
            f"the PDF is damaged and cannot be parsed ({type(e).__name__}: {e}); re-download it"
        ) from e


def _open_pdfium(data: bytes):
    try:
        return pdffast.open_document(data)
    except pdffast.pdfium.PdfiumError as e:
        if pdffast.is_password_error(e):
            raise EncryptedFileError(_ENCRYPTED) from e
        raise CorruptFileError(f"the PDF is damaged and cannot be parsed ({e}); re-download it") from e


def _plumber_glyphs(page) -> list[Glyph | None]:
    """pdfplumber's characters as glyphs; the baseline comes from each glyph's text matrix."""
    out: list[Glyph | None] = []
    for c in page.chars:
        text = c["text"]
        if not text or text.isspace():
            out.append(None)
            continue
        base = c["bottom"] + (c["y0"] - c["matrix"][5])
        out.append(Glyph(text, float(c["x0"]), float(c["x1"]), float(base), float(c["size"]), c.get("fontname") or ""))
    return out


def _table_rows(table, page_no: int) -> list[RawRow]:
    """Rows of a pdfplumber table; a cell merged down from the row above becomes an empty cell,
    as python-docx reports it, so every format gives the same grid."""
    texts = table.extract()
    edges = sorted({round(c[0]) for row in table.rows for c in row.cells if c is not None})
    ncols = len(edges)
    rows = []
    for row, row_texts in zip(table.rows, texts):
        cells = []
        covered: set[int] = set()
        for bbox, text in zip(row.cells, row_texts):
            if bbox is None:
                continue
            x0, x1 = round(bbox[0]), round(bbox[2])
            col = edges.index(x0) if x0 in edges else 0
            span = max(1, sum(1 for e in edges if x0 <= e < x1 - 1))
            joined = ""
            for ln in (ln.strip() for ln in (text or "").split("\n")):
                if ln:
                    joined = join_text(joined, ln) if joined else ln
            cells.append(RawCell(joined, col, span))
            covered.update(range(col, col + span))
        cells += [RawCell("", k) for k in range(ncols) if k not in covered]
        cells.sort(key=lambda c: c.col)
        rows.append(RawRow(cells, page=page_no))
    return rows


def _inside(word, boxes: list[tuple]) -> bool:
    cx, cy = (word.x0 + word.x1) / 2, word.base - word.size / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def _tables(plumber_page) -> list:
    return [t for t in plumber_page.find_tables() if len(t.rows) >= 1 and len(t.rows[0].cells) >= 2]


def read_pdf(data: bytes, settings: Settings, backend: str = "pdfium") -> tuple[list[RawBlock], int]:
    if backend not in BACKENDS:
        raise ValueError(f"unknown PDF backend {backend!r}; choose one of {', '.join(BACKENDS)}")
    doc = _open_pdfium(data)
    plumber = None
    try:
        n = len(doc)
        if n > settings.max_pages:
            raise LimitExceededError(
                f"the PDF has {n} pages, over the limit max_pages={settings.max_pages}; raise that setting to read it"
            )
        pages: list[PageLayout] = []
        for i in range(n):
            page = doc[i]
            try:
                width, height = page.get_size()
                tables = []
                if backend == "pdfplumber":
                    if plumber is None:
                        plumber = _open_plumber(data)
                    try:
                        ppage = plumber.pages[i]
                        tables = _tables(ppage)
                        page_words = words(_plumber_glyphs(ppage), settings)
                    except _PLUMBER_ERRORS as e:
                        raise CorruptFileError(
                            f"page {i + 1} of the PDF is damaged ({type(e).__name__}: {e}); re-download it"
                        ) from e
                else:
                    page_words = words(pdffast.page_glyphs(page), settings)
                    if pdffast.has_rules(page):
                        tables = [
                            t
                            for t in pdftables.find_tables(page, page_words, float(height), settings)
                            if len(t.rows) >= 1 and len(t.rows[0].cells) >= 2
                        ]
            finally:
                page.close()
            boxes = [t.bbox for t in tables]
            ws = [w for w in page_words if not _inside(w, boxes)] if boxes else page_words
            page_lines = drop_page_numbers(lines(ws, settings), float(height), settings)
            layout = PageLayout(i + 1, float(width), float(height), page_lines)
            layout.tables = [(float(t.bbox[1]), rows) for t in tables if (rows := _table_rows(t, i + 1))]
            pages.append(layout)
        return assemble(pages, settings), n
    finally:
        if plumber is not None:
            plumber.close()
        doc.close()


# --- the interface extract/ocr.py lays out OCR'd lines through ------------------------

_PAGE_NUMBER = PAGE_NUMBER


@dataclass
class _Line:
    """A visual line as OCR reports it (top/bottom box, words as dicts with x0/x1/top/bottom)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    bold: bool
    words: list


def _assemble(per_page, settings: Settings) -> list[RawBlock]:
    """Lay out OCR'd pages with the PDF rules: `per_page` holds (page number, size, tables, lines).

    OCR boxes vary in height with the letters they hold, so every line gets the page's
    median line height as its font size; paragraphs then follow from pitch, fit and indent.
    """
    pages = []
    for page_no, size, _tables, ocr_lines in per_page:
        heights = [ln.bottom - ln.top for ln in ocr_lines if ln.bottom > ln.top]
        font_size = round(statistics.median(heights), 1) if heights else 10.0
        layout_lines = []
        for ln in ocr_lines:
            ws = [
                Word(
                    w["text"],
                    float(w["x0"]),
                    float(w["x1"]),
                    float(ln.bottom),
                    font_size,
                    "OCR-Bold" if ln.bold else "OCR",
                )
                for w in ln.words
                if str(w["text"]).strip()
            ]
            if ws:
                layout_lines.append(Line(ws))
        pages.append(PageLayout(page_no, float(size.width), float(size.height), layout_lines))
    return assemble(pages, settings)
