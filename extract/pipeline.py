"""From a file to rows: a pure function, so it can run in any worker or on any machine.

`extract_bytes` reads nothing but its arguments and writes nothing: the store decides
what to do with the rows. Each extraction step sees the document and the rows the steps
before it produced (components before amounts, metadata before targets).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import EXTRACTOR_VERSION
from .builder import build_document
from .errors import DocumentError, LimitExceededError, NoTextError, UnsupportedFormatError
from .model import Document
from .readers.docx import read_docx
from .readers.pdf import read_pdf
from .readers.txt import read_text
from .settings import DEFAULT_SETTINGS, Settings
from .sniff import DOC, DOCX, PDF, TXT, decode_text, sniff


@dataclass
class Context:
    """What extraction steps share: settings, the document row so far, and rows produced."""

    settings: Settings
    meta: dict = field(default_factory=dict)
    rows: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))


Step = Callable[[Document, Context], None]


# Extraction steps in the order they run; later steps read what earlier ones produced.
STEP_MODULES = ["sectionrows", "metadata", "components", "amounts", "assignments", "targets", "references"]


def _steps() -> list[Step]:
    # imported lazily so that a reader-only caller does not pay for the extractors
    import importlib
    import importlib.util

    steps = []
    for name in STEP_MODULES:
        if importlib.util.find_spec(f"{__package__}.{name}") is None:
            continue  # TEMPORARY while extractors are being built; replaced by explicit imports
        steps.append(importlib.import_module(f"{__package__}.{name}").extract)
    return steps


@dataclass
class Extraction:
    doc_id: str
    document: dict
    rows: dict[str, list[dict]]


def doc_id_for(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def read_document(data: bytes, settings: Settings = DEFAULT_SETTINGS) -> Document:
    if len(data) > settings.max_file_bytes:
        raise LimitExceededError(
            f"the file is {len(data):,} bytes, over the limit max_file_bytes={settings.max_file_bytes:,}; raise that setting to read it"
        )
    fmt = sniff(data)
    if fmt == PDF:
        raw, pages = read_pdf(data, settings)
        doc = build_document(raw, PDF, pages=pages)
    elif fmt == DOCX:
        doc = build_document(read_docx(data, settings), DOCX)
    elif fmt == DOC:
        raise UnsupportedFormatError(
            "the file is a legacy Word .doc; convert it to .docx (soffice --headless --convert-to docx FILE) and ingest the result"
        )
    else:
        text, encoding = decode_text(data)
        if len(text) > settings.max_text_chars:
            raise LimitExceededError(
                f"the text has {len(text):,} characters, over the limit max_text_chars={settings.max_text_chars:,}; raise that setting to read it"
            )
        doc = build_document(read_text(text), TXT, encoding=encoding)
    if not doc.text.strip():
        raise NoTextError("the file holds no text layer (a scan or an empty document); OCR it first")
    return doc


def extract_document(doc: Document, settings: Settings = DEFAULT_SETTINGS) -> Context:
    ctx = Context(settings)
    for step in _steps():
        step(doc, ctx)
    return ctx


def extract_bytes(data: bytes, name: str, settings: Settings = DEFAULT_SETTINGS) -> Extraction:
    """Read and extract one file's bytes. Raises DocumentError subclasses for unreadable files."""
    doc = read_document(data, settings)
    ctx = extract_document(doc, settings)
    doc_id = doc_id_for(data)
    document = {
        "doc_id": doc_id, "file_name": Path(name).name, "format": doc.format, "bytes": len(data),
        "pages": doc.pages, "status": "ok", "error": None, "encoding": doc.encoding,
        "ocr": False, "text": doc.text, "extractor_version": EXTRACTOR_VERSION,
    }
    document.update(ctx.meta)
    rows = {table: [dict(r, doc_id=doc_id) for r in rs] for table, rs in ctx.rows.items()}
    return Extraction(doc_id, document, rows)


__all__ = ["Context", "DocumentError", "Extraction", "doc_id_for", "extract_bytes", "extract_document", "read_document"]
