"""The three renditions of each sample plan (TXT, DOCX, PDF) read as the same document.

Each plan exists as corpus/txt/X.txt, corpus/office/X.docx and corpus/office/X.pdf. They
were made from one source, so a faithful reader gives each the same numbered headings
(label and title, in matching form) and the same money figures, string for string.
Any difference is a reader bug: a paragraph joined or split wrongly, a word cut at a
line end, a running page number or a repeated table header left in the text.
"""

from __future__ import annotations

from collections import Counter

import pytest
import regex
from conftest import PLAN_STEMS, doc_id_of

from extract.text.normalize import key

# Money as printed: a dot-grouped figure ("28.590.000.000", "62.500" in a table whose
# unit is million đồng), or any figure followed by a money unit ("62,5 tỷ", "10 tỷ đồng").
MONEY = regex.compile(
    r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?:,\d+)?(?!\d)"
    r"|(?<![\d.,])\d+(?:,\d+)?\s*(?:(?:tỷ|triệu|nghìn|ngàn)\s*)?đồng"
    r"|(?<![\d.,])\d+(?:,\d+)?\s*(?:tỷ|triệu)(?!\p{L})",
    regex.I,
)
RENDITION_FILES = {"txt": "{stem}.txt", "docx": "{stem}.docx", "pdf": "{stem}.pdf"}


def _numbered_sections(con, doc_id: str) -> list[tuple[str, str, str]]:
    rows = con.execute(
        "SELECT label_kind, label, title FROM sections WHERE doc_id = ? AND label IS NOT NULL ORDER BY section_id",
        [doc_id],
    ).fetchall()
    return [(kind, label, key(title)) for kind, label, title in rows]


def _money(con, doc_id: str) -> Counter:
    text = con.execute("SELECT text FROM documents WHERE doc_id = ?", [doc_id]).fetchone()[0]
    return Counter(m.group(0) for m in MONEY.finditer(text))


@pytest.mark.parametrize("stem", PLAN_STEMS)
def test_renditions_agree_on_numbered_headings(corpus_con, stem):
    by_format = {
        fmt: _numbered_sections(corpus_con, doc_id_of(corpus_con, name.format(stem=stem)))
        for fmt, name in RENDITION_FILES.items()
    }
    assert by_format["txt"], "every sample plan has numbered headings"
    assert by_format["docx"] == by_format["txt"]
    assert by_format["pdf"] == by_format["txt"]


@pytest.mark.parametrize("stem", PLAN_STEMS)
def test_renditions_agree_on_money_figures(corpus_con, stem):
    by_format = {
        fmt: _money(corpus_con, doc_id_of(corpus_con, name.format(stem=stem))) for fmt, name in RENDITION_FILES.items()
    }
    assert by_format["docx"] == by_format["txt"]
    assert by_format["pdf"] == by_format["txt"]


def test_money_pattern_finds_the_printed_forms():
    text = "tổng 28.590.000.000 đồng; 62,5 tỷ đồng; 196,1 tỷ; 2.589 triệu đồng; năm 2025; 1,5%"
    assert [m.group(0) for m in MONEY.finditer(text)] == [
        "28.590.000.000",
        "62,5 tỷ đồng",
        "196,1 tỷ",
        "2.589",
    ]


@pytest.mark.parametrize("stem", PLAN_STEMS)
def test_section_tree_has_the_same_shape_in_every_rendition(corpus_con, stem):
    """Not only the headings: their depth and parent's label match too."""
    shapes = {}
    for fmt, name in RENDITION_FILES.items():
        doc_id = doc_id_of(corpus_con, name.format(stem=stem))
        rows = corpus_con.execute(
            "SELECT s.label, s.level, p.label FROM sections s LEFT JOIN sections p "
            "ON p.doc_id = s.doc_id AND p.section_id = s.parent_id "
            "WHERE s.doc_id = ? AND s.label IS NOT NULL ORDER BY s.section_id",
            [doc_id],
        ).fetchall()
        shapes[fmt] = rows
    assert shapes["docx"] == shapes["txt"]
    assert shapes["pdf"] == shapes["txt"]
