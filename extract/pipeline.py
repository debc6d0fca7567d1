"""From a file to rows: a pure function, so it can run in any worker or on any machine.

`extract_bytes` reads nothing but its arguments and writes nothing: the store decides
what to do with the rows. Each extraction step sees the document and the rows the steps
before it produced (components before amounts, metadata before targets).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from extract import EXTRACTOR_VERSION
from extract.document.build import build_document
from extract.document.model import Document
from extract.errors import CorruptFileError, DocumentError, EncryptedFileError, LimitExceededError, NoTextError
from extract.extractors.step import Context, StepFunction, analyze
from extract.readers.encodings import decode_bytes, repair_blocks
from extract.readers.ocr import ocr_pdf_pages, scanned_pages
from extract.readers.pdf import SCATTERED_SHARE, one_letter_shares, pdfium_order_blocks, read_pdf, scattered_pages
from extract.readers.sniff import CONVERTED, DOCX, HTML, PDF, TXT, describe_name, sniff
from extract.readers.txt import read_text
from extract.settings import DEFAULT_SETTINGS, Settings
from extract.timelimit import time_limit


def steps() -> list[StepFunction]:
    """The extraction steps in the order they run, checked against what each declares.

    Later steps read what earlier ones produced (metadata before money and targets, which
    need the plan's period). The step modules are imported here, not at the top, because
    they load spaCy and the lexicons: a reader-only caller does not pay for them.
    """
    from extract.extractors import (
        assignments,
        components,
        duties,
        metadata,
        programme,
        reading,
        references,
        relevance,
        sections,
    )
    from extract.extractors.money import text as money_text
    from extract.extractors.targets import find as targets

    order = [
        sections.extract,
        metadata.extract,
        programme.extract,
        components.extract,
        money_text.extract,
        assignments.extract,
        duties.extract,
        targets.extract,
        references.extract,
        reading.extract,
        relevance.extract,
    ]
    analyze(order)
    return order


@dataclass
class Extraction:
    doc_id: str
    document: dict
    rows: dict[str, list[dict]]


def doc_id_for(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def read_document(data: bytes, settings: Settings = DEFAULT_SETTINGS, name: str | None = None) -> Document:
    """Bytes to a Document, whatever the format says it is; `name` only sharpens errors."""
    if len(data) > settings.max_file_bytes:
        raise LimitExceededError(
            f"the file is {len(data):,} bytes, over the limit max_file_bytes={settings.max_file_bytes:,}; raise that setting to read it"
        )
    fmt = sniff(data, name)
    if fmt == PDF:
        doc = _read_pdf(data, settings)
    elif fmt == DOCX or fmt in CONVERTED:
        # deferred: the Word and web-page readers (python-docx, lxml) load with the first such
        # file, so a pool's fork server does not spend its start-up on them for a run of PDFs
        from extract.readers.docx import read_docx
        from extract.readers.legacy import convert_to_docx

        docx_bytes = convert_to_docx(data, fmt, settings) if fmt in CONVERTED else data
        with _damage_is_the_files_fault("Word document", ("docx", "lxml", "zipfile", "zlib", "xml")):
            raw = read_docx(docx_bytes, settings)
        encoding = repair_blocks(raw)
        doc = build_document(raw, fmt, encoding=encoding)
    elif fmt == HTML:
        # deferred: as for Word files
        from extract.readers.html import read_html

        with _damage_is_the_files_fault("web page", ("lxml",)):
            raw, encoding = read_html(data, settings, describe_name(name))
        repaired = repair_blocks(raw)
        doc = build_document(raw, HTML, encoding=f"{encoding}, {repaired}" if repaired else encoding)
    else:
        text, encoding = decode_bytes(data)
        if len(text) > settings.max_text_chars:
            raise LimitExceededError(
                f"the text has {len(text):,} characters, over the limit max_text_chars={settings.max_text_chars:,}; raise that setting to read it"
            )
        doc = build_document(read_text(text), TXT, encoding=encoding)
    if not doc.text.strip():
        if doc.format == PDF:
            raise NoTextError("the PDF holds no text: no text layer and no scanned image to OCR (blank pages?)")
        raise NoTextError(f"the {doc.format} file holds no text")
    return doc


@contextmanager
def _damage_is_the_files_fault(what: str, libraries: tuple[str, ...]) -> Iterator[None]:
    """Errors raised deep inside a parsing library by a damaged file become CorruptFileError.

    Only exceptions whose innermost frame is in one of `libraries` are the file's fault;
    anything raised in kehoach's own code stays a bug, to be reported as one.
    """
    try:
        yield
    except DocumentError:
        raise
    except Exception as e:
        cause = (
            e.args[0]
            if type(e).__name__ == "PdfminerException" and e.args and isinstance(e.args[0], BaseException)
            else e
        )
        if type(cause).__name__ in ("PDFPasswordIncorrect", "PDFEncryptionError"):
            raise EncryptedFileError(
                "the PDF is encrypted and needs a password; ask the publisher for an unprotected copy or decrypt it (qpdf --decrypt)"
            ) from e
        tb = e.__traceback__
        while tb is not None and tb.tb_next is not None:
            tb = tb.tb_next
        module = tb.tb_frame.f_globals.get("__name__", "") if tb is not None else ""
        if type(e).__name__ == "PdfminerException" or module.split(".")[0] in libraries:
            detail = f"{type(cause).__name__}: {cause}"[:200]
            raise CorruptFileError(
                f"the {what} is damaged and cannot be parsed ({detail}); download it again or re-save it"
            ) from e
        raise


def _read_pdf(data: bytes, settings: Settings) -> Document:
    """Text-layer pages through the PDF reader, pages that are only an image through OCR."""
    with _damage_is_the_files_fault("PDF", ("pdfminer", "pdfplumber", "pypdfium2", "zlib", "PIL")):
        raw, pages = read_pdf(data, settings)
        chars: dict[int, int] = defaultdict(int)
        for b in raw:
            chars[b.page or 1] += len(b.text.strip()) + sum(len(c.text.strip()) for r in b.rows for c in r.cells)
        scanned = scanned_pages(data, chars, pages, settings)
        result = ocr_pdf_pages(data, scanned, settings) if scanned else None
    if result:
        raw = sorted(raw + result.blocks, key=lambda b: b.page or 1)
    # pages laid out as scattered letters are read again in PDFium's own order, kept when
    # that reads better, and flagged either way (extractors.reading)
    scattered: dict[int, tuple[float, float | None]] = {}
    laid_out = scattered_pages(raw)
    if laid_out:
        other = pdfium_order_blocks(data, sorted(laid_out))
        other_shares = one_letter_shares(other)
        better = {p for p, share in laid_out.items() if other_shares.get(p, 1.0) < share}
        raw = [b for b in raw if (b.page or 1) not in better] + [b for b in other if b.page in better]
        raw.sort(key=lambda b: b.page or 1)
        for p, share in laid_out.items():
            after = other_shares.get(p, 1.0) if p in better else share
            scattered[p] = (share, after if after > SCATTERED_SHARE else None)
    encoding = repair_blocks(raw)
    doc = build_document(raw, PDF, pages=pages, encoding=encoding)
    doc.scattered_pages = scattered
    if result:
        doc.ocr, doc.ocr_confidence = True, result.confidence
    return doc


def extract_document(doc: Document, settings: Settings = DEFAULT_SETTINGS) -> Context:
    ctx = Context(settings)
    for run_step in steps():
        run_step(doc, ctx)
    return ctx


def extract_bytes(data: bytes, name: str, settings: Settings = DEFAULT_SETTINGS) -> Extraction:
    """Read and extract one file's bytes. Raises DocumentError subclasses for unreadable files."""
    with time_limit(settings.max_seconds_per_document):
        doc = read_document(data, settings, name)
        ctx = extract_document(doc, settings)
    return _extraction(doc, ctx, doc_id_for(data), len(data), name)


def _extraction(doc: Document, ctx: Context, doc_id: str, size: int, name: str) -> Extraction:
    document = {
        "doc_id": doc_id,
        "file_name": Path(name).name,
        "format": doc.format,
        "bytes": size,
        "pages": doc.pages,
        "status": "ok",
        "error": None,
        "encoding": doc.encoding,
        "ocr": doc.ocr,
        "ocr_confidence": doc.ocr_confidence,
        "text": doc.text,
        "extractor_version": EXTRACTOR_VERSION,
    }
    document.update(ctx.meta)
    rows = {table: [dict(r, doc_id=doc_id) for r in rs] for table, rs in ctx.rows.items()}
    return Extraction(doc_id, document, rows)


__all__ = [
    "Context",
    "DocumentError",
    "Extraction",
    "doc_id_for",
    "extract_bytes",
    "extract_document",
    "read_document",
]
