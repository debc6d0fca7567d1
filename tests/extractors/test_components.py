"""Programme components: the code follows the title, and gold holds over all renditions."""

from __future__ import annotations

import pytest
from conftest import PLAN_STEMS, RENDITIONS, doc_id_of, gold_for

from extract.extractors import components
from extract.extractors.components import best_match, component_at, read_heading
from extract.pipeline import Context, read_document
from extract.settings import DEFAULT_SETTINGS


def run(body: str) -> Context:
    doc = read_document(("KẾ HOẠCH\nThực hiện Chương trình giai đoạn 2021 - 2025\n" + body).encode("utf-8"))
    ctx = Context(DEFAULT_SETTINGS)
    components.extract(doc, ctx)
    return doc, ctx


HEADINGS = [
    ("Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo", "DA2"),
    ("Dự án 2: Da dạng hóa sinh kế, phát triển mô hình giảm nghèo", "DA2"),  # diacritic dropped
    ("Dự án 3: Phát triển giáo dục nghề nghiệp, việc làm bền vững", "DA4"),  # misnumbered
    ("Dự án 3. Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng", "DA3"),
    ("Tiểu dự án 3: Hỗ trợ việc làm bền vững", "DA4.3"),
    ("Tiểu dự án 2: Cải thiện dinh dưỡng (dự án do Sở Y tế triển khai trên địa bàn huyện)", "DA3.2"),
    ("Tiểu dự án 1: Phát triển giáo dục nghề nghiệp vùng khó khăn", "DA4.1"),
    ("Tiểu dự án 2: Giám sát, đánh giá", "DA7.2"),
    ("Dự án 6: Truyền thông và giảm nghèo về thông tin", "DA6"),
    ("Tiểu dự án 1: Giảm nghèo về thông tin", "DA6.1"),
]


@pytest.mark.parametrize("heading, code", HEADINGS)
def test_heading_code_follows_title(heading, code):
    h = read_heading(heading)
    got, score = best_match(h.title, h.label_level)
    assert got == code and score >= DEFAULT_SETTINGS.component_title_min_score


def test_read_heading_splits_label_title_and_comment():
    h = read_heading("Tiểu dự án 2: Cải thiện dinh dưỡng (dự án do Sở Y tế triển khai)")
    assert (h.label_level, h.printed, h.printed_number, h.title) == (
        "subproject",
        "Tiểu dự án 2",
        "2",
        "Cải thiện dinh dưỡng",
    )
    assert h.rest.startswith("(")


@pytest.mark.parametrize(
    "row_title, code",
    [
        ("Truyền thông giảm nghèo đa chiều", "DA6.2"),
        ("Nâng cao năng lực và giám sát, đánh giá thực hiện Chương trình", "DA7"),
        ("Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp", "DA3.1"),
    ],
)
def test_table_row_titles(row_title, code):
    got, score = best_match(row_title)
    assert got == code and score >= DEFAULT_SETTINGS.component_title_bare_min_score


def test_not_implemented_with_reason():
    _, ctx = run(
        "I. NỘI DUNG\n1. Dự án 1: Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội huyện nghèo\n"
        "Xã không thực hiện (do không thuộc địa bàn đặc biệt khó khăn).\n"
        "2. Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo\nNội dung: hỗ trợ sinh kế.\n"
    )
    rows = {r["code"]: r for r in ctx.rows["components"]}
    assert rows["DA1"]["implemented"] is False
    assert rows["DA1"]["reason"] == "không thuộc địa bàn đặc biệt khó khăn"
    assert rows["DA2"]["implemented"] is True and rows["DA2"]["reason"] is None


def test_not_implemented_in_heading_tail():
    _, ctx = run(
        "I. NỘI DUNG\n1. Dự án 4: Phát triển giáo dục nghề nghiệp, việc làm bền vững\n"
        "a) Tiểu dự án 2: Hỗ trợ người lao động đi làm việc ở nước ngoài theo hợp đồng: Không thực hiện.\n"
        "b) Tiểu dự án 3: Hỗ trợ việc làm bền vững\nHỗ trợ kết nối việc làm.\n"
    )
    rows = {r["code"]: r["implemented"] for r in ctx.rows["components"]}
    assert rows == {"DA4": True, "DA4.2": False, "DA4.3": True}


def test_lone_title_heading_is_not_a_component():
    _, ctx = run("I. MỤC TIÊU\n1. Giám sát, đánh giá\nĐịnh kỳ kiểm tra.\n2. Tổ chức thực hiện\nCác phòng.\n")
    assert ctx.rows["components"] == []


def test_bare_title_headings_count_among_siblings():
    _, ctx = run(
        "III. NỘI DUNG\n1. Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo\nNội dung.\n"
        "2. Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng\nNội dung.\n"
    )
    assert [r["code"] for r in ctx.rows["components"]] == ["DA2", "DA3"]


def test_numbering_mismatch_is_a_check():
    _, ctx = run("III. NỘI DUNG\n1. Dự án 3: Phát triển giáo dục nghề nghiệp, việc làm bền vững\nNội dung.\n")
    [check] = ctx.rows["checks"]
    assert check["kind"] == "numbering_mismatch" and check["component"] == "DA4"
    assert (check["expected"], check["found"]) == ("Dự án 4", "Dự án 3")


def test_component_at_innermost_section():
    doc, ctx = run(
        "III. NỘI DUNG\n1. Dự án 3: Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng\n"
        "a) Tiểu dự án 1: Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp\n- Kinh phí: 5 tỷ đồng.\n"
        "IV. TỔ CHỨC THỰC HIỆN\nCác phòng.\n"
    )
    assert component_at(doc, ctx, doc.text.index("Kinh phí")) == "DA3.1"
    assert component_at(doc, ctx, doc.text.index("Dự án 3") + 12) == "DA3"
    assert component_at(doc, ctx, doc.text.index("Các phòng")) is None


@pytest.mark.parametrize("path", RENDITIONS, ids=lambda p: p.name)
def test_components_match_gold(corpus_con, path):
    gold = {(g["code"], g["implemented"]) for g in gold_for(path.stem)["components"]}
    doc_id = doc_id_of(corpus_con, path.name)
    rows = corpus_con.execute("SELECT code, implemented FROM components WHERE doc_id = ?", [doc_id]).fetchall()
    assert len(rows) == len({c for c, _ in rows}), "one row per component"
    assert set(rows) == gold


@pytest.mark.parametrize("path", RENDITIONS, ids=lambda p: p.name)
def test_component_rows_point_at_their_headings(corpus_con, path):
    doc_id = doc_id_of(corpus_con, path.name)
    rows = corpus_con.execute(
        "SELECT c.code, c.quote, s.title FROM components c LEFT JOIN sections s "
        "ON s.doc_id = c.doc_id AND s.section_id = c.section_id WHERE c.doc_id = ?",
        [doc_id],
    ).fetchall()
    for code, quote, title in rows:
        assert title is not None and title in quote, code


def test_numbering_error_in_sample_plan_is_reported(corpus_con):
    stem = next(
        s
        for s in PLAN_STEMS
        if any(g["code"] == "DA4" for g in gold_for(s)["components"])
        and "Numbering error" in " ".join(gold_for(s)["notes"])
    )
    for path in [p for p in RENDITIONS if p.stem == stem]:
        doc_id = doc_id_of(corpus_con, path.name)
        kinds = corpus_con.execute("SELECT kind, component FROM checks WHERE doc_id = ?", [doc_id]).fetchall()
        assert ("numbering_mismatch", "DA4") in kinds


def test_component_of_a_fact_in_a_plan_for_one_component():
    """A passage about the plan for one content ("kế hoạch thực hiện nội dung cải thiện dinh
    dưỡng") gives that component to the facts no section or sentence attributes."""
    from extract.extractors.components import component_at, component_of, plan_component
    from extract.pipeline import Context, read_document
    from extract.settings import DEFAULT_SETTINGS

    doc = read_document(
        "UBND tỉnh vừa xây dựng kế hoạch thực hiện nội dung cải thiện dinh dưỡng thuộc Chương trình mục tiêu quốc "
        "gia giảm nghèo bền vững năm 2025. Tối thiểu 80% trẻ em dưới 16 tuổi suy dinh dưỡng được bổ sung vi chất. "
        "Tiểu dự án 1 - Giảm nghèo về thông tin: phấn đấu 90% xã có đài truyền thanh.".encode()
    )
    ctx = Context(DEFAULT_SETTINGS, meta={})
    goal = doc.text.index("80%")
    other = doc.text.index("90%")
    assert plan_component(doc, ctx) == "DA3.2"
    assert component_at(doc, ctx, goal) is None
    assert component_of(doc, ctx, goal, goal + 3) == "DA3.2"
    assert component_of(doc, ctx, other, other + 3) == "DA6.1"
