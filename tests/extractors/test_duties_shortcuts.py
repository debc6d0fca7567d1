"""The speed-ups of extract.extractors.duties, each held to the plain code it replaced.

A part's lines are cut by bisection from one per-document list of paragraph spans, and
sub-sections come from one per-document index.
"""

from __future__ import annotations

import pytest
from conftest import CORPUS

from extract.document.model import Block, Document
from extract.extractors import duties
from extract.pipeline import read_document

_PATHS = sorted(CORPUS.glob("txt/*.txt")) + sorted(CORPUS.glob("office/*"))


def plain_paragraphs(doc: Document, a: int, b: int) -> list[tuple[int, int]]:
    return [(bl.start, bl.end) for bl in doc.blocks if bl.kind in ("paragraph", "heading") and a <= bl.start < b]


@pytest.mark.parametrize("path", _PATHS, ids=lambda p: p.name)
def test_paragraphs_and_children_as_the_plain_scan(path):
    doc = read_document(path.read_bytes(), name=path.name)
    n = len(doc.text)
    cuts = sorted({0, n, n + 5, *(b.start for b in doc.blocks[::7]), *(b.end for b in doc.blocks[::11])})
    for a in cuts:
        for b in cuts[::3]:
            assert duties._paragraphs(doc, a, b) == plain_paragraphs(doc, a, b)
    for sec in doc.sections:
        assert duties._children(doc, sec) == [s for s in doc.sections if s.parent_id == sec.section_id]


def test_paragraphs_of_blocks_out_of_text_order_as_the_plain_scan():
    blocks = [Block("paragraph", "b", 10, 12), Block("heading", "a", 0, 3), Block("table", "t", 4, 8)]
    doc = Document("a" * 20, blocks, "txt")
    for a in range(0, 14):
        for b in range(a, 14):
            assert duties._paragraphs(doc, a, b) == plain_paragraphs(doc, a, b)
