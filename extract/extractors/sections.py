"""The heading tree as `sections` rows."""

from __future__ import annotations

from extract.document.model import Document
from extract.extractors.step import Context, step


@step(
    "sections",
    requires=(),
    assigns=("rows.sections",),
)
def extract(doc: Document, ctx: Context) -> None:
    for s in doc.sections:
        ctx.rows["sections"].append(
            {
                "section_id": s.section_id,
                "level": s.level,
                "label": s.label,
                "label_kind": s.label_kind,
                "title": s.title,
                "parent_id": s.parent_id,
                "char_start": s.start,
                "char_end": s.end,
                "heading_end": s.heading_end,
                "page": s.page,
            }
        )
