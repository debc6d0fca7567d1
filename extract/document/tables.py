"""Table repair that is the same for every format.

A table that runs over a page break arrives as pieces: the header row repeated at the top
of each page, and sometimes one row cut in two, its continuation a row whose numbering
cell is empty. This joins the pieces into one table, marks header rows, drops the
repeats, and glues a cut row back together.
"""

from __future__ import annotations

import regex

from extract.document.blocks import RawBlock, RawCell, RawRow
from extract.text.normalize import key

_LABEL = regex.compile(r"^\s*(?:[IVXLC]+|\d+(?:\.\d+)*)\.?\s*$")
_NUMBER = regex.compile(r"^\s*[-+]?\d[\d.,]*\s*%?\s*$")
_MAX_HEADER_ROWS = 3


def _looks_like_data(row: RawRow) -> bool:
    texts = [c.text for c in row.cells]
    if texts and _LABEL.match(texts[0] or ""):
        return True
    return any(_NUMBER.match(t) for t in texts if t)


def mark_headers(rows: list[RawRow]) -> None:
    """Leading rows that carry no data are headers, unless the reader already knew."""
    if not any(r.is_header for r in rows):
        for r in rows[:_MAX_HEADER_ROWS]:
            if _looks_like_data(r) or not any(c.text for c in r.cells):
                break
            r.is_header = True
    seen_body = False
    for r in rows:
        if not r.is_header:
            seen_body = True
        elif seen_body:
            r.is_header = False


def _ncols(block: RawBlock) -> int:
    return max((r.ncols for r in block.rows), default=0)


def _join_row(prev: RawRow, cont: RawRow) -> None:
    by_col = {c.col: c for c in prev.cells}
    for c in cont.cells:
        if not c.text:
            continue
        target = by_col.get(c.col)
        if target is None:
            prev.cells.append(RawCell(c.text, c.col, c.colspan))
        else:
            target.text = (target.text + " " + c.text).strip()
    prev.cells.sort(key=lambda c: c.col)
    prev.joined = True


def _is_continuation(row: RawRow, body_rows: list[RawRow]) -> bool:
    """A row with an empty numbering cell, in a table whose other rows are numbered."""
    if not row.cells or row.cells[0].col != 0 or row.cells[0].text.strip():
        return False
    if not any(c.text for c in row.cells[1:]):
        return False
    numbered = sum(1 for r in body_rows if r.cells and r.cells[0].text.strip())
    return numbered >= max(1, len(body_rows) // 2)


def _repeated_header(prev: RawBlock, nxt: RawBlock) -> int:
    """How many leading rows of `nxt` repeat `prev`'s header rows (0 when they do not)."""
    head = [r for r in prev.rows if r.is_header]
    if not head or len(nxt.rows) < len(head):
        return 0
    same = all(
        tuple(key(c.text) for c in a.cells) == tuple(key(c.text) for c in b.cells) for a, b in zip(head, nxt.rows)
    )
    return len(head) if same else 0


def join_tables(blocks: list[RawBlock]) -> list[RawBlock]:
    out: list[RawBlock] = []
    for b in blocks:
        if b.kind != "table":
            out.append(b)
            continue
        if not b.rows:
            continue
        prev = out[-1] if out else None
        if prev is not None and prev.kind == "table" and _ncols(prev) == _ncols(b):
            repeated = _repeated_header(prev, b)
            last_page = prev.page_end or prev.page
            at_next_page = b.starts_page and b.page is not None and last_page is not None and b.page == last_page + 1
            if repeated or (at_next_page and not any(r.is_header for r in b.rows)):
                new_rows = b.rows[repeated:]
                for r in new_rows:
                    r.is_header = False
                body = [r for r in prev.rows if not r.is_header]
                if new_rows and body and _is_continuation(new_rows[0], body):
                    _join_row(body[-1], new_rows.pop(0))
                prev.rows.extend(new_rows)
                prev.page_end = b.page_end or b.page or prev.page_end
                continue
        mark_headers(b.rows)
        out.append(b)
    return out
