"""Whether a document is an administrative plan or decision at all, and if not, why.

A crawl brings more than plans: a notes file of a few words, a scan whose OCR is noise, a
news item or a site's navigation page. Such a file reads without error, so it is stored
`ok` with its text, but facts read from it would be wrong ones: a figure in a news item
is not a plan's allocation. This step flags it `is_plan = false` with the reason in words
(naming the setting when a threshold decided), and the views (`plans` and every view on
it) leave it out. The programme a plan is for is a separate matter (`programme`): a plan
of another programme is still a plan.
"""

from __future__ import annotations

from extract.document.model import Document
from extract.extractors.step import Context, step


def _has_chars(text: str, least: int) -> bool:
    """Whether the text holds at least `least` characters other than white space. A long
    text is decided by its opening: counting a whole gazette issue to compare it with a few
    hundred costs more than the rest of this step."""
    head = text[: 4 * least + 64]
    if len("".join(head.split())) >= least:
        return True
    return len(head) < len(text) and len("".join(text.split())) >= least


def reasons(doc: Document, meta: dict, settings) -> list[str]:
    """Every reason the document is not a plan; empty when it is one."""
    out = []
    if not _has_chars(doc.text, settings.min_plan_chars):
        chars = len("".join(doc.text.split()))
        out.append(f"too little text ({chars} characters; setting min_plan_chars {settings.min_plan_chars})")
    if doc.ocr and doc.ocr_confidence is not None and doc.ocr_confidence < settings.min_ocr_confidence:
        out.append(f"OCR confidence {doc.ocr_confidence:.0f} below min_ocr_confidence {settings.min_ocr_confidence:g}")
    if not meta.get("doc_type"):
        out.append("no document type: no letterhead or type heading")
    return out


@step(
    "relevance",
    requires=("meta.doc_type", "meta.programme"),
    assigns=("meta.is_plan", "meta.not_plan_reason"),
)
def extract(doc: Document, ctx: Context) -> None:
    why = reasons(doc, ctx.meta, ctx.settings)
    ctx.meta["is_plan"] = not why
    ctx.meta["not_plan_reason"] = "; ".join(why) or None
