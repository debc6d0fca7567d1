"""Check rows about how the document's text was read: PDF pages laid out as scattered letters.

A page whose laid-out text is mostly one-letter words ("t ế h y à g N") was read again in
PDFium's own content order, kept when that reads better (readers.pdf.scattered_pages,
pipeline); either way the page is named in `checks`, so that such text is never stored
silently as the document's.
"""

from __future__ import annotations

from extract.document.model import Document
from extract.document.provenance import provenance
from extract.extractors.step import Context, step


@step(
    "reading",
    requires=(),
    assigns=("rows.checks",),
)
def extract(doc: Document, ctx: Context) -> None:
    for page, (share, after) in sorted(doc.scattered_pages.items()):
        blocks = [b for b in doc.blocks if b.page == page]
        start, end = (blocks[0].start, blocks[-1].end) if blocks else (0, 0)
        how = (
            "read again in PDFium's content order"
            if after is None
            else f"still {after:.0%} one-letter words read either way: check the page by eye or OCR it"
        )
        ctx.rows["checks"].append(
            {
                "kind": "scattered_page",
                "component": None,
                "detail": f"page {page}: {share:.0%} of its words were single letters as laid out; {how}",
                "expected": None,
                "found": str(page),
                **provenance(doc, start, min(end, start + 200)),
            }
        )
