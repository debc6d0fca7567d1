"""Where a fact came from: page, character span into the stored text, and the quote."""

from __future__ import annotations

from extract.document.model import Document


def provenance(doc: Document, start: int, end: int) -> dict:
    return {
        "page": doc.page_at(start),
        "char_start": start,
        "char_end": end,
        "quote": doc.text[start:end],
    }
