"""Lay raw blocks out as one stored text and give every block, row and cell its span.

The stored text is what quotes come from and what every span points into: each paragraph
on its own line, each header column as its lines, each table row on its own line with
its cells separated by tabs. Text is NFC with white space folded inside a block.
"""

from __future__ import annotations

from itertools import accumulate
from operator import add, attrgetter, sub

from extract.document.blocks import RawBlock
from extract.document.model import Block, Cell, Document, Row
from extract.document.sections import detect_sections
from extract.document.tables import join_tables
from extract.text.normalize import stored_forms

_text, _col, _colspan = attrgetter("text"), attrgetter("col"), attrgetter("colspan")


def build_document(raw: list[RawBlock], fmt: str, pages: int | None = None, encoding: str | None = None) -> Document:
    raw = join_tables(raw)
    parts: list[str] = []
    pos = 0
    blocks: list[Block] = []
    # every distinct text (a table's cells repeat themselves: empty, "-", the same figure) is
    # cleaned once, the document's texts together
    given: list[str] = []
    for rb in raw:
        if rb.kind == "table":
            given += [c.text for r in rb.rows for c in r.cells]
        elif rb.kind == "header":
            given += rb.text.split("\n")
        else:
            given.append(rb.text)
    stored = stored_forms(given)

    for rb in raw:
        if rb.kind == "table":
            rows: list[Row] = []
            bstart = pos
            ncols = max((r.ncols for r in rb.rows), default=0)
            for r in rb.rows:
                texts = list(map(stored.__getitem__, map(_text, r.cells)))
                # each cell starts one tab after the end of the one before it
                ends = list(map(add, accumulate(map(len, texts)), range(pos, pos + len(texts))))
                starts = list(map(sub, ends, map(len, texts)))
                cells = list(map(Cell, texts, starts, ends, map(_col, r.cells), map(_colspan, r.cells)))
                line = "\t".join(texts)
                parts.append(line)
                parts.append("\n")
                rows.append(
                    Row(
                        cells,
                        pos,
                        pos + len(line),
                        page=r.page if r.page is not None else rb.page,
                        is_header=r.is_header,
                        joined=r.joined,
                    )
                )
                pos += len(line) + 1
            if not rows:
                continue
            blocks.append(
                Block("table", "", bstart, rows[-1].end, page=rb.page, page_end=rb.page_end, rows=rows, ncols=ncols)
            )
            continue
        if rb.kind == "header":
            lines = [stored[ln] for ln in rb.text.split("\n")]
            text = "\n".join(ln for ln in lines if ln)
        else:
            text = stored[rb.text]
        if not text:
            continue
        s = pos
        parts.append(text)
        parts.append("\n")
        pos += len(text) + 1
        blocks.append(
            Block(
                rb.kind,
                text,
                s,
                s + len(text),
                page=rb.page,
                page_end=rb.page_end or rb.page,
                column=rb.column,
                emphasis=rb.emphasis,
            )
        )

    full = "".join(parts)
    for b in blocks:
        if b.kind == "table":
            b.text = full[b.start : b.end]
    doc = Document(text=full, blocks=blocks, format=fmt, pages=pages, encoding=encoding)
    detect_sections(doc)
    return doc
