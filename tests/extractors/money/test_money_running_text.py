"""Money in running text as real plans and the items quoting them write it (issue 19):
each test is one kind of wording, in a sentence of the shape real passages use."""

from __future__ import annotations

from extract.extractors import components
from extract.extractors.money import text as amounts
from extract.pipeline import Context, read_document
from extract.settings import DEFAULT_SETTINGS


def run(body: str, **meta) -> Context:
    doc = read_document(body.encode("utf-8"))
    ctx = Context(DEFAULT_SETTINGS, meta={"period_start": 2021, "period_end": 2025, **meta})
    components.extract(doc, ctx)
    amounts.extract(doc, ctx)
    return ctx


def facts(ctx, basis="period") -> set[tuple]:
    return {
        (r["component"], r["source"], r["capital"], r["vnd"])
        for r in ctx.rows["amounts"]
        if r["origin"] == "text" and r["basis"] == basis
    }


def codes(ctx) -> list[str]:
    return sorted(r["code"] for r in ctx.rows["components"])


def test_figure_in_several_units_is_one_figure():
    ctx = run("Tổng kinh phí thực hiện là 68 tỷ 782 triệu đồng.")
    assert facts(ctx) == {(None, "total", None, 68_782_000_000)}
    assert ctx.rows["amounts"][0]["quote"].endswith("68 tỷ 782 triệu đồng")


def test_several_units_followed_by_a_count_are_no_money():
    assert 2_500_000 not in [f[4] for f in amounts._line_figures("hỗ trợ 2 triệu 500 nghìn người")]


def test_approximate_figure_keeps_its_printed_value():
    ctx = run(
        "Tổng kinh phí hơn 3,2 tỷ đồng; trong đó ngân sách trung ương gần 1,91 tỷ đồng, ngân sách địa phương hơn 1,29 tỷ đồng."
    )
    assert facts(ctx) == {
        (None, "total", None, 3_200_000_000),
        (None, "central", None, 1_910_000_000),
        (None, "local", None, 1_290_000_000),
    }


def test_parts_of_a_capital_type_total_share_its_capital_type():
    ctx = run(
        "Dự kiến tổng kinh phí sự nghiệp thực hiện Dự án 2 giai đoạn 2021-2025 là 278,2 tỷ đồng; trong đó "
        "ngân sách trung ương 242 tỷ đồng, ngân sách địa phương 36,2 tỷ đồng."
    )
    assert facts(ctx) == {
        ("DA2", "total", "recurrent", 278_200_000_000),
        ("DA2", "central", "recurrent", 242_000_000_000),
        ("DA2", "local", "recurrent", 36_200_000_000),
    }
    assert codes(ctx) == ["DA2"]


def test_parenthesis_left_open_does_not_swallow_later_figures():
    """Regression: an item quoting a plan dropped a closing bracket, and every figure after
    it was read as part of the parenthesis."""
    ctx = run(
        "Tổng kinh phí thực hiện Dự án 2 giai đoạn 2021-2025: 23.586,626 triệu đồng (năm 2021 chưa bố trí vốn; "
        "Năm 2024: 7.964 triệu đồng (ngân sách Trung ương: 7.207 triệu đồng; ngân sách tỉnh: 757 triệu đồng), gồm: "
        "Ngân sách trung ương: 21.344,897 triệu đồng; Ngân sách địa phương: 2.241,729 triệu đồng."
    )
    assert facts(ctx) == {
        ("DA2", "total", None, 23_586_626_000),
        ("DA2", "central", None, 21_344_897_000),
        ("DA2", "local", None, 2_241_729_000),
    }


def test_parts_go_to_the_whole_they_add_up_to():
    ctx = run(
        "Tổng kế hoạch vốn (ngân sách trung ương, ngân sách tỉnh) giai đoạn 2021-2023 là 1.239.405 triệu đồng, "
        "bao gồm: Vốn đầu tư: 870.945 triệu đồng; Vốn sự nghiệp: 368.460 triệu đồng. Trong đó: Ngân sách Trung ương: "
        "1.107.735 triệu đồng; Ngân sách tỉnh: 131.670 triệu đồng."
    )
    assert facts(ctx) == {
        (None, "total", None, 1_239_405_000_000),
        (None, "total", "investment", 870_945_000_000),
        (None, "total", "recurrent", 368_460_000_000),
        (None, "central", None, 1_107_735_000_000),
        (None, "province", None, 131_670_000_000),
    }
    assert ctx.rows["checks"] == []


def test_money_per_component_in_one_sentence():
    ctx = run(
        "Kinh phí thực hiện: Dự án 2 - Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo 1,5 tỷ đồng; "
        "Dự án 3 - Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng 2,1 tỷ đồng.",
        period_start=2023,
        period_end=2023,
    )
    assert facts(ctx) == {("DA2", "total", None, 1_500_000_000), ("DA3", "total", None, 2_100_000_000)}
    assert codes(ctx) == ["DA2", "DA3"]


def test_component_named_by_what_the_money_is_for():
    ctx = run(
        "Huyện sẽ phân bổ hơn 1,92 tỷ đồng để hỗ trợ phát triển sản xuất; 88 triệu đồng để cải thiện tình trạng "
        "dinh dưỡng cho trẻ em; 920 triệu đồng thực hiện truyền thông và giảm nghèo về thông tin.",
        period_start=2023,
        period_end=2023,
    )
    assert facts(ctx) == {
        ("DA3.1", "total", None, 1_920_000_000),
        ("DA3.2", "total", None, 88_000_000),
        ("DA6", "total", None, 920_000_000),
    }
    assert codes(ctx) == ["DA3.1", "DA3.2", "DA6"]


def test_sub_project_labelled_in_running_text():
    ctx = run(
        "Tiểu dự án 1 - Giảm nghèo về thông tin được phân bổ kinh phí thực hiện từ năm 2022- 2024 là 8,456 tỷ đồng, "
        "trong đó, ngân sách Trung ương là 7,943 tỷ đồng; ngân sách địa phương đối ứng là 513 triệu đồng."
    )
    assert facts(ctx) == {
        ("DA6.1", "total", None, 8_456_000_000),
        ("DA6.1", "central", None, 7_943_000_000),
        ("DA6.1", "local", None, 513_000_000),
    }


def test_plan_for_one_component_gives_it_its_figures():
    ctx = run(
        "UBND tỉnh ban hành Kế hoạch thực hiện Dự án 2 thuộc Chương trình mục tiêu quốc gia giảm nghèo bền vững.\n"
        "Tổng kinh phí thực hiện là 50 tỷ đồng."
    )
    assert facts(ctx) == {("DA2", "total", None, 50_000_000_000)}


def test_components_named_in_text_need_a_label_or_a_title():
    ctx = run(
        "Tỉnh có 7 dự án và 11 tiểu dự án thành phần; hỗ trợ các mô hình, dự án giảm nghèo; thực hiện nội dung "
        "Cải thiện dinh dưỡng và Tiểu dự án “Giảm nghèo về thông tin”; Tiểu dự án 2, thuộc Dự án 1 (hỗ trợ đầu tư "
        "phát triển hạ tầng kinh tế - xã hội huyện nghèo)."
    )
    assert codes(ctx) == ["DA1", "DA3.2", "DA6.1"]


def test_other_programmes_and_all_programmes_are_left_out():
    ctx = run(
        "Kế hoạch vốn đầu tư công thực hiện các chương trình mục tiêu quốc gia năm 2023 là 830.140 triệu đồng, "
        "trong đó ngân sách Trung ương 780.000 triệu đồng; ngân sách địa phương 50.140 triệu đồng.\n"
        "Năm 2023, tỉnh cấp hơn 532 tỷ đồng để thực hiện Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội "
        "vùng đồng bào dân tộc thiểu số và miền núi.\n"
        "Cụ thể, Chương trình mục tiêu quốc gia giảm nghèo bền vững là 185.334 triệu đồng (ngân sách Trung ương "
        "180.000 triệu đồng, ngân sách địa phương 5.334 triệu đồng); Chương trình mục tiêu quốc gia xây dựng nông "
        "thôn mới 644.806 triệu đồng (ngân sách Trung ương 600.000 triệu đồng, ngân sách địa phương 44.806 triệu đồng).",
        period_start=2023,
        period_end=2023,
    )
    assert facts(ctx) == {
        (None, "total", "investment", 185_334_000_000),
        (None, "central", "investment", 180_000_000_000),
        (None, "local", "investment", 5_334_000_000),
    }


def test_money_spent_is_a_result_not_a_plan_figure():
    ctx = run(
        "Tổng nguồn vốn năm 2023 là 65,683 tỷ đồng. Trong 2 tháng đầu năm đã giải ngân được 4,3 tỷ đồng.",
        period_start=2023,
        period_end=2023,
    )
    assert facts(ctx) == {(None, "total", None, 65_683_000_000)}


def test_annual_plan_leaves_out_other_years():
    ctx = run(
        "Năm 2024 tổng nhu cầu vốn thực hiện 797,4 tỷ đồng. Tổng kế hoạch vốn giai đoạn 2021 - 2025 hơn 1.150,7 tỷ "
        "đồng; nguồn vốn năm 2022 chuyển sang năm 2023 gần 401 tỷ đồng.",
        period_start=2024,
        period_end=2024,
    )
    assert facts(ctx) == {(None, "total", None, 797_400_000_000)}


def test_money_of_another_district_is_not_the_plans():
    text = "Tổng kinh phí thực hiện Chương trình là 1.250 tỷ đồng; trong đó huyện Nam Trà My được phân bổ 210 tỷ đồng."
    assert facts(run(text, admin_level="province")) == {(None, "total", None, 1_250_000_000_000)}
    own = run("UBND huyện Nam Trà My bố trí kinh phí 210 tỷ đồng.", admin_level="district", district="Nam Trà My")
    assert facts(own) == {(None, "total", None, 210_000_000_000)}


def test_rounded_headline_restates_the_exact_figure():
    ctx = run(
        "Dự kiến kế hoạch vốn thực hiện Chương trình giảm nghèo năm 2023 khoảng hơn 185 tỷ đồng\n"
        "Kế hoạch vốn thực hiện Chương trình giảm nghèo bền vững năm 2023 là 185.334 triệu đồng.",
        period_start=2023,
        period_end=2023,
    )
    assert facts(ctx) == {(None, "total", None, 185_334_000_000)}


def test_source_written_after_the_figure():
    ctx = run(
        "Năm 2024, tỉnh phân bổ 120 tỷ đồng vốn sự nghiệp ngân sách trung ương; bố trí 35 tỷ đồng từ nguồn ngân sách "
        "tỉnh cho Dự án 4.",
        period_start=2024,
        period_end=2024,
    )
    assert facts(ctx) == {(None, "central", "recurrent", 120_000_000_000), ("DA4", "province", None, 35_000_000_000)}


def test_year_span_is_not_one_year():
    """Regression: "từ năm 2022 - 2024" made a figure of a multi-year plan annual."""
    ctx = run("Kinh phí thực hiện từ năm 2022 - 2024 là 8,456 tỷ đồng; kinh phí năm 2024 là 3 tỷ đồng.")
    assert facts(ctx) == {(None, "total", None, 8_456_000_000)}
    assert facts(ctx, basis="annual") == {(None, "total", None, 3_000_000_000)}
