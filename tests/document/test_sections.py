"""The heading tree: level, label, title, parent and span of every section."""

from __future__ import annotations

import pytest
from conftest import sample_document
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.document.blocks import RawBlock
from extract.document.build import build_document
from extract.document.sections import _LABELS, _LETTERS, RANK, _is_caps, heading_label


def _doc(*lines: str, bold: tuple[str, ...] = ()):
    return build_document([RawBlock("paragraph", text=t, emphasis=t in bold) for t in lines], "txt")


def _tree(doc) -> list[tuple[int, str | None, str, str | None]]:
    by_id = {s.section_id: s for s in doc.sections}
    return [
        (s.level, s.label, s.title, by_id[s.parent_id].label or by_id[s.parent_id].title if s.parent_id else None)
        for s in doc.sections
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I. MỤC TIÊU", ("roman", "I")),
        ("IV: KINH PHÍ", ("roman", "IV")),
        ("1. Mục đích", ("arabic", "1")),
        ("2) Yêu cầu", ("arabic", "2")),
        ("1.1. Tiểu dự án 1", ("arabic2", "1.1")),
        ("2.2 Các chỉ tiêu", ("arabic2", "2.2")),
        ("1.2.1. Hỗ trợ", ("arabic3", "1.2.1")),
        ("a) Mục tiêu", ("letter", "a")),
        ("đ) Nhu cầu kinh phí", ("letter", "đ")),
        ("Điều 3. Hiệu lực", ("article", "Điều 3")),
        ("- Tỷ lệ hộ nghèo", None),
        ("2025 trên địa bàn", None),
        ("Năm 2022", None),
    ],
)
def test_heading_label(text, expected):
    found = heading_label(text)
    assert (found[:2] if found else None) == expected


def test_tree_levels_and_parents_follow_label_kinds():
    doc = _doc(
        "KẾ HOẠCH",
        "I. MỤC TIÊU",
        "1. Mục tiêu chung",
        "Nội dung.",
        "1.1. Chỉ tiêu",
        "1.1.1. Chỉ tiêu con",
        "a) Hộ nghèo",
        "đ) Hộ cận nghèo",
        "II. NHIỆM VỤ",
        "1. Tuyên truyền",
    )
    assert _tree(doc) == [
        (1, None, "KẾ HOẠCH", None),
        (2, "I", "MỤC TIÊU", "KẾ HOẠCH"),
        (3, "1", "Mục tiêu chung", "I"),
        (4, "1.1", "Chỉ tiêu", "1"),
        (5, "1.1.1", "Chỉ tiêu con", "1.1"),
        (6, "a", "Hộ nghèo", "1.1.1"),
        (6, "đ", "Hộ cận nghèo", "1.1.1"),
        (2, "II", "NHIỆM VỤ", "KẾ HOẠCH"),
        (3, "1", "Tuyên truyền", "II"),
    ]


def test_spans_cover_the_section_up_to_the_next_heading_of_its_rank():
    doc = _doc("I. MỤC TIÊU", "1. Chung", "Văn bản một.", "2. Riêng", "Văn bản hai.", "II. NHIỆM VỤ", "Cuối.")
    s = {sec.label: sec for sec in doc.sections}
    assert doc.text[s["I"].start : s["I"].heading_end] == "I. MỤC TIÊU"
    assert doc.text[s["1"].start : s["1"].end] == "1. Chung\nVăn bản một.\n"
    assert doc.text[s["I"].start : s["I"].end].endswith("Văn bản hai.\n")
    assert s["II"].end == len(doc.text)
    assert doc.section_at(doc.text.index("Văn bản hai")).label == "2"


def test_misnumbered_sections_keep_their_printed_labels():
    """Two parts both printed "II." are siblings, each with its own children."""
    doc = _doc("I. MỤC ĐÍCH", "II. MỤC TIÊU", "1. Chung", "II. NHIỆM VỤ", "1. Tuyên truyền")
    assert _tree(doc) == [
        (1, "I", "MỤC ĐÍCH", None),
        (1, "II", "MỤC TIÊU", None),
        (2, "1", "Chung", "II"),
        (1, "II", "NHIỆM VỤ", None),
        (2, "1", "Tuyên truyền", "II"),
    ]
    assert doc.sections[2].parent_id == doc.sections[1].section_id
    assert doc.sections[4].parent_id == doc.sections[3].section_id


def test_sample_with_two_sections_printed_ii():
    for path in ("txt/003_9192dfae355c46d7.txt", "office/003_9192dfae355c46d7.docx", "office/003_9192dfae355c46d7.pdf"):
        doc = sample_document(path)
        romans = [(s.label, s.title, s.level) for s in doc.sections if s.label_kind == "roman"]
        assert romans == [
            ("I", "MỤC ĐÍCH, YÊU CẦU", 2),
            ("II", "MỤC TIÊU", 2),
            ("II", "NHIỆM VỤ VÀ GIẢI PHÁP", 2),
            ("III", "TỔ CHỨC THỰC HIỆN", 2),
        ], path
        two = [s for s in doc.sections if s.label == "2.1"][0]
        assert [a.label for a in doc.ancestors(two)] == ["2.1", "2", "II", None]


def test_articles_nest_under_the_decision():
    doc = sample_document("office/002_36708f18770573fd.pdf")
    articles = [s for s in doc.sections if s.label_kind == "article"]
    assert [s.label for s in articles] == ["Điều 1", "Điều 2"]
    parent = next(s for s in doc.sections if s.section_id == articles[0].parent_id)
    assert parent.label is None and parent.title == "QUYẾT ĐỊNH"


def test_a_title_over_several_lines_is_one_section():
    doc = sample_document("office/002_36708f18770573fd.docx")
    titles = [s.title for s in doc.sections if s.label_kind == "title"]
    assert (
        "KẾ HOẠCH THỰC HIỆN CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA GIẢM NGHÈO BỀN VỮNG GIAI ĐOẠN 2022 - 2025 TRÊN ĐỊA BÀN TỈNH VĨNH LONG"
        in titles
    )
    assert "PHỤ LỤC KINH PHÍ THỰC HIỆN CTMTQG GIẢM NGHÈO BỀN VỮNG GIAI ĐOẠN 2022 - 2025" in titles
    roman = next(s for s in doc.sections if s.label == "I")
    assert next(s for s in doc.sections if s.section_id == roman.parent_id).title.startswith("KẾ HOẠCH THỰC HIỆN")


def test_unnumbered_emphasised_heading_nests_under_the_open_heading():
    doc = _doc("I. TỔ CHỨC", "Phòng Lao động", "Nội dung.", "II. KINH PHÍ", bold=("Phòng Lao động",))
    assert _tree(doc) == [(1, "I", "TỔ CHỨC", None), (2, None, "Phòng Lao động", "I"), (1, "II", "KINH PHÍ", None)]


def test_bold_list_item_is_not_a_heading():
    """Regression: a bold "- BLĐVP, NCVX;" in the distribution list became a top-level part."""
    doc = _doc("Nơi nhận:", "- UBND các xã;", "- BLĐVP, NCVX;", bold=("- BLĐVP, NCVX;",))
    assert doc.sections == ()


def test_long_paragraph_is_not_an_unnumbered_heading():
    doc = _doc("CĂN CỨ " * 40)
    assert doc.sections == ()


def test_heading_title_stops_at_a_colon_when_long():
    long = "3. Nguyên tắc phân bổ: " + "Thực hiện theo Nghị quyết của Hội đồng nhân dân tỉnh " * 5
    (sec,) = _doc(long).sections
    assert sec.title == "Nguyên tắc phân bổ"


_HEADINGS = ["Điều 1. Phạm vi", "I. MỤC TIÊU", "1. Mục đích", "1.1. Chỉ tiêu", "1.1.1. Hộ nghèo", "a) Nội dung"]


@settings(max_examples=200)
@given(st.lists(st.sampled_from(_HEADINGS + ["KẾ HOẠCH CHUNG", "Nội dung thường."]), max_size=25))
def test_a_section_ends_where_the_next_heading_of_its_rank_or_higher_begins(texts):
    doc = _doc(*texts)
    sections = doc.sections
    for k, sec in enumerate(sections):
        later = [s for s in sections[k + 1 :] if RANK[s.label_kind] <= RANK[sec.label_kind]]
        assert sec.end == (later[0].start if later else len(doc.text))
        parent = next(
            (s for s in reversed(sections[:k]) if RANK[s.label_kind] < RANK[sec.label_kind] and s.end > sec.start), None
        )
        assert sec.parent_id == (parent.section_id if parent else None)


@settings(max_examples=300)
@given(st.lists(st.sampled_from(list("Điều 0123456789IVXLC.:)abcđĐ -\t") + ["Điều "]), max_size=12).map("".join))
def test_heading_label_skips_only_texts_no_label_opens(text):
    full = next(((kind, m.group(1), m.end()) for kind, p in _LABELS if (m := p.match(text))), None)
    assert heading_label(text) == full


@settings(max_examples=500)
@given(
    st.text(st.sampled_from("KẾ HOẠCH kế hoạch ĐIỀU điều 1.-:ABCxyzΩωǅ\u0301\ud800ª\n"), max_size=60)
    | st.text(max_size=30)
)
def test_caps_shortcut_answers_as_counting_every_letter(text):
    """_is_caps turns most paragraphs down from their count of a-z alone; the answer is the
    letter count's."""
    letters = _LETTERS.findall(text)
    assert _is_caps(text) == (len(letters) >= 4 and sum(map(str.isupper, letters)) / len(letters) > 0.9)
