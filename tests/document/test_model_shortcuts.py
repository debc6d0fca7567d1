"""Document.page_at's bisection against the scan over every block it stands in for.

page_at looks only at the blocks from the last one starting before the offset, where the
blocks follow one another without overlapping; it must give what the scan from the first
block gives, empty blocks and tables included, and scan as before when they overlap.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from shortcut_strategies import FUZZ

from extract.document.model import Block, Cell, Document, Row


def plain_page_at(doc: Document, offset: int) -> int | None:
    for b in doc.blocks:
        if b.start <= offset < b.end or (offset == b.end and b.start == b.end):
            if b.kind == "table":
                for r in b.rows:
                    if r.start <= offset <= r.end:
                        return r.page
            return b.page
    return None


@st.composite
def documents(draw, in_order: bool = True) -> Document:
    """Blocks laid out one after another with gaps of 0 to 2 characters (empty blocks and
    tables among them), or, unless `in_order`, anywhere."""
    blocks, pos = [], 0
    for k in range(draw(st.integers(0, 8))):
        if in_order:
            start = pos + draw(st.integers(0, 2))
        else:
            start = draw(st.integers(0, 30))
        length = draw(st.integers(0, 6))
        end = start + length
        page = draw(st.integers(1, 4))
        if draw(st.booleans()) and length:
            cut = start + draw(st.integers(0, length))
            rows = [Row([Cell("", start, cut, 0)], start, cut, page=page), Row([], cut, end, page=page + 1)]
            blocks.append(Block("table", "", start, end, page=page, rows=rows))
        else:
            blocks.append(Block("paragraph", "x" * length, start, end, page=page))
        pos = end
    return Document(text="x" * 40, blocks=blocks, format="pdf")


@FUZZ
@given(st.one_of(documents(), documents(in_order=False)))
def test_page_at_is_the_first_holding_blocks_page(doc):
    for offset in range(-1, 42):
        assert doc.page_at(offset) == plain_page_at(doc, offset), offset


def test_page_at_follows_blocks_added_after_it_was_first_asked():
    doc = Document(text="ab\ncd", blocks=[Block("paragraph", "ab", 0, 2, page=1)], format="pdf")
    assert doc.page_at(3) is None
    doc.blocks.append(Block("paragraph", "cd", 3, 5, page=2))
    assert doc.page_at(3) == 2 == plain_page_at(doc, 3)
    doc.blocks = [Block("paragraph", "cd", 3, 5, page=3)]
    assert doc.page_at(4) == 3
