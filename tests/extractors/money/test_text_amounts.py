"""Money figures in text and tables: attribution, units, layouts, and gold over all renditions."""

from __future__ import annotations

from collections import Counter

import pytest
from conftest import RENDITIONS, doc_id_of, gold_for

from extract.extractors import components
from extract.extractors.money import text as amounts
from extract.pipeline import Context, read_document
from extract.settings import DEFAULT_SETTINGS

HEAD = "KẾ HOẠCH\nThực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025\n"


def run(body: str, period=(2021, 2025)) -> Context:
    doc = read_document((HEAD + body).encode("utf-8"))
    ctx = Context(DEFAULT_SETTINGS, meta={"period_start": period[0], "period_end": period[1]})
    components.extract(doc, ctx)
    amounts.extract(doc, ctx)
    return ctx


def facts(ctx, origin="text", basis="period") -> set[tuple]:
    return {
        (r["component"], r["source"], r["capital"], r["vnd"])
        for r in ctx.rows["amounts"]
        if r["origin"] == origin and r["basis"] == basis
    }


DA2 = "III. NỘI DUNG\n1. Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo\n"


def test_total_announcing_its_sources():
    ctx = run(
        DA2 + "Tổng nhu cầu vốn thực hiện: 1.200.000.000 đồng, trong đó:\n"
        "- Ngân sách trung ương: 1.000.000.000 đồng (vốn sự nghiệp).\n"
        "- Ngân sách địa phương: 150.000.000 đồng.\n"
        "- Vốn huy động hợp pháp khác: 50.000.000 đồng (vốn tín dụng ưu đãi; vốn người dân đóng góp).\n"
    )
    assert facts(ctx) == {
        ("DA2", "total", None, 1_200_000_000),
        ("DA2", "central", "recurrent", 1_000_000_000),
        ("DA2", "local", None, 150_000_000),
        ("DA2", "other", None, 50_000_000),
    }
    assert ctx.rows["checks"] == []


def test_parenthesis_that_splits_a_figure():
    ctx = run(
        DA2 + "+ Ngân sách trung ương: 29 tỷ đồng (vốn đầu tư phát triển: 10 tỷ đồng; vốn sự nghiệp: 19 tỷ đồng);\n"
    )
    assert facts(ctx) == {
        ("DA2", "central", None, 29_000_000_000),
        ("DA2", "central", "investment", 10_000_000_000),
        ("DA2", "central", "recurrent", 19_000_000_000),
    }


def test_capital_lines_take_the_source_that_announced_them():
    ctx = run(
        "IV. TỔNG NGUỒN VỐN\nKinh phí 6.608 triệu đồng, trong đó:\n1. Ngân sách trung ương: 6.608 triệu đồng, gồm:\n"
        "- Vốn đầu tư phát triển: 0 triệu đồng.\n- Vốn sự nghiệp: 6.608 triệu đồng.\n2. Ngân sách tỉnh: 0 triệu đồng.\n"
    )
    assert facts(ctx) == {
        (None, "total", None, 6_608_000_000),
        (None, "central", None, 6_608_000_000),
        (None, "central", "investment", 0),
        (None, "central", "recurrent", 6_608_000_000),
        (None, "province", None, 0),
    }


def test_labels_before_the_figure_on_one_line():
    ctx = run(DA2 + "b) Kinh phí thực hiện: Ngân sách trung ương: Vốn sự nghiệp 2.589 triệu đồng.\n")
    assert facts(ctx) == {("DA2", "central", "recurrent", 2_589_000_000)}


def test_rates_and_norms_are_not_amounts():
    ctx = run(DA2 + "Hỗ trợ 40 triệu đồng/hộ; mức hỗ trợ tối đa 10 triệu đồng. Nhu cầu kinh phí: 62,5 tỷ đồng.\n")
    assert facts(ctx) == {("DA2", "total", None, 62_500_000_000)}


def test_amount_in_words_after_its_figure_is_the_same_fact():
    ctx = run("PHỤ LỤC\nTổng kinh phí: 209.600.000.000 đồng (hai trăm lẻ chín tỷ sáu trăm triệu đồng).\n")
    assert [r["vnd"] for r in ctx.rows["amounts"]] == [209_600_000_000]


def test_amount_in_words_alone():
    ctx = run("PHỤ LỤC\nTổng kinh phí: hai trăm lẻ chín tỷ sáu trăm triệu đồng.\n")
    assert facts(ctx) == {(None, "total", None, 209_600_000_000)}


def test_per_year_figures_are_annual():
    ctx = run(DA2 + "Kinh phí hằng năm: 2 tỷ đồng. Tổng kinh phí cả giai đoạn: 10 tỷ đồng.\n")
    assert facts(ctx) == {("DA2", "total", None, 10_000_000_000)}
    assert facts(ctx, basis="annual") == {("DA2", "total", None, 2_000_000_000)}


def test_annual_plan_figures_for_its_own_year_are_period():
    ctx = run("IV. TỔNG NGUỒN VỐN THỰC HIỆN NĂM 2024\nKinh phí năm 2024: 6.608 triệu đồng.\n", period=(2024, 2024))
    assert facts(ctx) == {(None, "total", None, 6_608_000_000)}


def test_text_amount_rows_carry_raw_unit_and_provenance():
    ctx = run(DA2 + "Nhu cầu kinh phí: 62,5 tỷ đồng.\n")
    [row] = ctx.rows["amounts"]
    assert (row["raw"], row["unit"], row["origin"], row["corrected"]) == ("62,5", "tỷ đồng", "text", False)
    assert row["quote"] == "Nhu cầu kinh phí: 62,5 tỷ đồng"
    assert isinstance(row["vnd"], int)


# A budget appendix whose header was lost: the layout comes from the columns' arithmetic
# and from the figures the text states (figures differ from every sample plan).
HEADERLESS = (
    "III. NỘI DUNG\n1. Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo\n"
    "Nhu cầu kinh phí: 13,6 tỷ đồng, trong đó:\n+ Ngân sách trung ương: 12 tỷ đồng (vốn sự nghiệp);\n"
    "+ Ngân sách địa phương: 900 triệu đồng;\n+ Vốn huy động hợp pháp khác: 700 triệu đồng.\n"
    "2. Dự án 4: Phát triển giáo dục nghề nghiệp, việc làm bền vững\n"
    "Nhu cầu kinh phí: 21,2 tỷ đồng, trong đó:\n+ Ngân sách trung ương: 20 tỷ đồng (vốn đầu tư phát triển: 8 tỷ đồng; vốn sự nghiệp: 12 tỷ đồng);\n"
    "+ Ngân sách địa phương: 1,2 tỷ đồng.\n"
    "3. Dự án 6: Truyền thông và giảm nghèo về thông tin\nNhu cầu kinh phí: 3,3 tỷ đồng.\n"
    "IV. KINH PHÍ\nTổng nguồn vốn giai đoạn là 38,1 tỷ đồng.\n"
    "PHỤ LỤC\n"
    "1\tĐa dạng hóa sinh kế, phát triển mô hình giảm nghèo\t13.600\t-\t12.900\t700\t3.475\t-\t3.300\t175\t3.000\t-\t3.000\t300\t-\t300\t175\n"
    "2\tPhát triển giáo dục nghề nghiệp, việc làm bền vững\t21.200\t8.000\t13.200\t-\t5.400\t2.000\t3.400\t-\t5.000\t2.000\t3.000\t400\t-\t400\t-\n"
    "3\tTruyền thông và giảm nghèo về thông tin\t3.300\t-\t3.300\t-\t850\t-\t850\t-\t750\t-\t750\t100\t-\t100\t-\n"
    "Cộng 01 năm\tCộng 01 năm\t\t\t\t\t9.725\t2.000\t7.550\t175\t8.750\t2.000\t6.750\t800\t-\t800\t175\n"
    "Tổng giai đoạn\tTổng giai đoạn\t38.100\t8.000\t29.400\t700\t\t\t\t\t35.000\t8.000\t27.000\t2.400\t-\t2.400\t700\n"
)


def test_headerless_budget_table_layout_is_inferred():
    ctx = run(HEADERLESS, period=(2022, 2025))
    got = facts(ctx, origin="table")
    assert got == {
        ("DA2", "total", None, 13_600_000_000),
        ("DA2", "total", "recurrent", 12_900_000_000),
        ("DA2", "other", None, 700_000_000),
        ("DA4", "total", None, 21_200_000_000),
        ("DA4", "total", "investment", 8_000_000_000),
        ("DA4", "total", "recurrent", 13_200_000_000),
        ("DA6", "total", None, 3_300_000_000),
        ("DA6", "total", "recurrent", 3_300_000_000),
        (None, "total", None, 38_100_000_000),
        (None, "total", "investment", 8_000_000_000),
        (None, "total", "recurrent", 29_400_000_000),
        (None, "other", None, 700_000_000),
        (None, "central", None, 35_000_000_000),
        (None, "central", "investment", 8_000_000_000),
        (None, "central", "recurrent", 27_000_000_000),
        (None, "local", None, 2_400_000_000),
    }  # the local budget's capital columns: no text figure names them, so they are not read
    annual = facts(ctx, origin="table", basis="annual")
    assert ("DA2", "central", None, 3_000_000_000) in annual and ("DA4", "local", None, 400_000_000) in annual
    assert {r["unit"] for r in ctx.rows["amounts"] if r["origin"] == "table"} == {"triệu đồng"}
    assert any(c["kind"] == "table_unit_inferred" for c in ctx.rows["checks"])


def test_headerless_table_that_nothing_pins_down_is_not_extracted():
    body = (
        "III. NỘI DUNG\n1. Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo\nNội dung.\n"
        "2. Dự án 6: Truyền thông và giảm nghèo về thông tin\nNội dung.\nPHỤ LỤC\n"
        "1\tĐa dạng hóa sinh kế, phát triển mô hình giảm nghèo\t1.234\t567\n"
        "2\tTruyền thông và giảm nghèo về thông tin\t890\t123\n"
    )
    ctx = run(body)
    assert [r for r in ctx.rows["amounts"] if r["origin"] == "table"] == []


def _gold_facts(stem: str) -> Counter:
    return Counter(
        {(g["component"], g["source"], g["capital"], g["vnd"], g["origin"]) for g in gold_for(stem)["amounts"]}
    )


@pytest.mark.parametrize("path", RENDITIONS, ids=lambda p: p.name)
def test_amounts_match_gold(corpus_con, path):
    doc_id = doc_id_of(corpus_con, path.name)
    rows = corpus_con.execute(
        "SELECT DISTINCT component, source, capital, vnd, origin FROM amounts WHERE doc_id = ? AND basis = 'period'",
        [doc_id],
    ).fetchall()
    assert Counter({(c, s, k, int(v), o) for c, s, k, v, o in rows}) == _gold_facts(path.stem)


@pytest.mark.parametrize("path", RENDITIONS, ids=lambda p: p.name)
def test_amount_rows_are_traceable(corpus_con, path):
    doc_id = doc_id_of(corpus_con, path.name)
    text = corpus_con.execute("SELECT text FROM documents WHERE doc_id = ?", [doc_id]).fetchone()[0]
    rows = corpus_con.execute(
        "SELECT raw, quote, char_start, char_end, origin FROM amounts WHERE doc_id = ?", [doc_id]
    ).fetchall()
    for raw, quote, a, b, origin in rows:
        assert text[a:b] == quote and raw in quote


@pytest.mark.parametrize("path", [p for p in RENDITIONS if p.suffix == ".pdf"], ids=lambda p: p.name)
def test_pdf_amounts_have_pages(corpus_con, path):
    doc_id = doc_id_of(corpus_con, path.name)
    assert (
        corpus_con.execute("SELECT count(*) FROM amounts WHERE doc_id = ? AND page IS NULL", [doc_id]).fetchone()[0]
        == 0
    )


def test_source_rows_table_inside_a_component_section():
    ctx = run(
        "II. NỘI DUNG\n1. Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo\n"
        "Nhu cầu kinh phí như sau (ĐVT: triệu đồng):\n"
        "Nguồn vốn\tTổng số\tNăm 2022\tNăm 2023\n"
        "Ngân sách trung ương\t4.000\t2.000\t2.000\n"
        "Vốn huy động khác\t200\t100\t100\n"
        "Tổng cộng\t4.200\t2.100\t2.100\n"
    )
    assert facts(ctx, origin="table") == {
        ("DA2", "central", None, 4_000_000_000),
        ("DA2", "other", None, 200_000_000),
        ("DA2", "total", None, 4_200_000_000),
    }
    assert ("DA2", "central", None, 2_000_000_000) in facts(ctx, origin="table", basis="annual")


def test_component_named_on_the_figure_line():
    ctx = run(
        "IV. KINH PHÍ THỰC HIỆN\n- Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo: 3 tỷ đồng, trong đó:\n"
        "+ Ngân sách trung ương: 2,5 tỷ đồng;\n+ Ngân sách huyện: 500 triệu đồng.\n- Dự án 6: Kinh phí 2 tỷ đồng.\n"
    )
    assert facts(ctx) == {
        ("DA2", "total", None, 3_000_000_000),
        ("DA2", "central", None, 2_500_000_000),
        ("DA2", "district", None, 500_000_000),
        ("DA6", "total", None, 2_000_000_000),
    }


def test_parts_announced_on_the_same_line():
    ctx = run("IV. KINH PHÍ\nTổng kinh phí: 5 tỷ đồng; trong đó NSTW 4 tỷ đồng, NSĐP 1 tỷ đồng.\n")
    assert facts(ctx) == {
        (None, "total", None, 5_000_000_000),
        (None, "central", None, 4_000_000_000),
        (None, "local", None, 1_000_000_000),
    }
    assert ctx.rows["checks"] == []


def test_amount_per_year_is_annual_not_a_rate():
    ctx = run("IV. KINH PHÍ\n- Ngân sách xã: 100 triệu đồng/năm.\n")
    assert facts(ctx, basis="annual") == {(None, "commune", None, 100_000_000)}


def test_unit_caption_is_not_an_amount_in_words():
    """Regression: "Đơn vị tính: triệu đồng" above a table was read as one million đồng."""
    from extract.extractors.money.words import find_word_amounts

    assert find_word_amounts("Đơn vị tính: triệu đồng") == []
    assert find_word_amounts("ĐVT: tỷ đồng") == []
    assert [v for _, _, v in find_word_amounts("(hai trăm lẻ chín tỷ sáu trăm triệu đồng)")] == [209_600_000_000]


def test_unit_correction_skips_units_that_leave_a_fraction_of_a_dong():
    """Regression: a decimal figure in tỷ ("21,396") tried as đồng raised ValueError and failed the document."""
    from extract.extractors.checks import _whole_dong

    assert _whole_dong("21,396", 1) is None
    assert _whole_dong("21,396", 1_000_000_000) == 21_396_000_000


def test_headerless_one_year_recurrent_column_is_not_taken_for_investment():
    """Issue 17: a stated investment figure that happens to equal years × a one-year
    "Sự nghiệp" cell voted that column investment; the breakdown's parts (central +
    local, column by column) decide its capital type, as the renditions with a header do."""
    body = HEADERLESS.replace(
        "Nhu cầu kinh phí: 3,3 tỷ đồng.\n",
        "Nhu cầu kinh phí: 3,3 tỷ đồng; ngân sách trung ương 3,4 tỷ đồng (vốn đầu tư phát triển).\n",
    )
    annual = facts(run(body, period=(2022, 2025)), origin="table", basis="annual")
    assert ("DA6", "total", "recurrent", 850_000_000) in annual
    assert ("DA2", "total", "recurrent", 3_300_000_000) in annual
    assert not {f for f in annual if f[0] == "DA6" and f[2] == "investment"}


def test_source_alone_in_a_parenthesis_after_the_figure_is_its_source():
    """Issue 17: "30.000 triệu đồng (ngân sách trung ương)" was stored as the total; a
    parenthesis of other words only describes, and one of several sources splits."""
    assert facts(run("IV. KINH PHÍ\nKinh phí thực hiện: 30.000 triệu đồng (ngân sách trung ương).\n")) == {
        (None, "central", None, 30_000_000_000)
    }
    assert facts(run("IV. KINH PHÍ\nKinh phí: 30.000 triệu đồng (nguồn vốn sự nghiệp ngân sách tỉnh).\n")) == {
        (None, "province", "recurrent", 30_000_000_000)
    }
    for paren in ("(ngân sách trung ương, ngân sách tỉnh)", "(ngân sách trung ương hỗ trợ 50%)"):
        assert facts(run(f"IV. KINH PHÍ\nKinh phí: 30.000 triệu đồng {paren}.\n")) == {
            (None, "total", None, 30_000_000_000)
        }


BELOW = (
    "III. NỘI DUNG\n1. Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo\nNội dung.\n"
    "2. Dự án 6: Truyền thông và giảm nghèo về thông tin\nNội dung.\n"
    "IV. KINH PHÍ\nBảng kinh phí thực hiện\n"
    "TT\tNội dung\tTổng cộng\tNgân sách trung ương\tNgân sách địa phương\n"
    "1\tĐa dạng hóa sinh kế, phát triển mô hình giảm nghèo\t1.500\t1.200\t300\n"
    "2\tTruyền thông và giảm nghèo về thông tin\t800\t700\t100\n"
    "{after}\nV. TỔ CHỨC THỰC HIỆN\nNội dung.\n"
)


def test_unit_caption_below_the_table_applies_to_it():
    """Issue 17: a budget table whose "Đơn vị tính" line sits under it was dropped without
    a word; the caption below gives its unit, and a check row says where it was read."""
    ctx = run(BELOW.format(after="Đơn vị tính: triệu đồng"))
    assert facts(ctx, origin="table") == {
        ("DA2", "total", None, 1_500_000_000),
        ("DA2", "central", None, 1_200_000_000),
        ("DA2", "local", None, 300_000_000),
        ("DA6", "total", None, 800_000_000),
        ("DA6", "central", None, 700_000_000),
        ("DA6", "local", None, 100_000_000),
    }
    (check,) = [c for c in ctx.rows["checks"] if c["kind"] == "table_unit_below"]
    assert check["expected"] == "triệu đồng" and "Đơn vị tính" in check["quote"]
    assert facts(run(BELOW.format(after="Ghi chú: số liệu dự kiến.")), origin="table") == set()
