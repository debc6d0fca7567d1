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


def test_cited_document_names_no_component():
    """Regression: the title of a cited circular ("Căn cứ Thông tư … hướng dẫn một số nội dung
    thực hiện đa dạng hóa sinh kế …") was counted as the plan's Dự án 2."""
    ctx = run(
        "Căn cứ Thông tư số 09/2022/TT-BLĐTBXH ngày 25 tháng 5 năm 2022 của Bộ trưởng Bộ Lao động - Thương binh và "
        "Xã hội hướng dẫn một số nội dung thực hiện đa dạng hóa sinh kế, phát triển mô hình giảm nghèo;"
    )
    assert codes(ctx) == []


def test_document_of_another_programme_has_none_of_this_ones_components_or_money():
    """Regression: the Dự án of the drug-prevention programme were read as the poverty
    programme's Dự án 1-7."""
    ctx = run(
        "KẾ HOẠCH\nTriển khai thực hiện Chương trình mục tiêu quốc gia phòng, chống ma túy đến năm 2030\n"
        "Công an tỉnh chủ trì thực hiện Dự án 1, Dự án 2 và Tiểu dự án 2 của Dự án 7; Sở Y tế thực hiện Dự án 6 với "
        "kinh phí 2 tỷ đồng."
    )
    assert codes(ctx) == []
    assert facts(ctx) == set()


def test_amount_in_words_with_commas_between_its_groups_is_the_same_fact():
    ctx = run("Tổng kinh phí: 12.345 triệu đồng (Bằng chữ: Mười hai tỷ, ba trăm bốn mươi lăm triệu đồng).")
    assert facts(ctx) == {(None, "total", None, 12_345_000_000)}


def test_source_after_the_figure_is_closer_than_kinh_phi_before_it():
    ctx = run("Kinh phí thực hiện Dự án 4 là 1.250 triệu đồng từ nguồn vốn sự nghiệp ngân sách trung ương.")
    assert facts(ctx) == {("DA4", "central", "recurrent", 1_250_000_000)}


def test_whole_split_by_sources_without_a_label_is_the_total():
    ctx = run(
        "Năm 2023, huyện được phân bổ 5,6 tỷ đồng để thực hiện Chương trình, trong đó vốn ngân sách trung ương 5 tỷ "
        "đồng, vốn ngân sách tỉnh 600 triệu đồng.",
        period_start=2023,
        period_end=2023,
    )
    assert facts(ctx) == {
        (None, "total", None, 5_600_000_000),
        (None, "central", None, 5_000_000_000),
        (None, "province", None, 600_000_000),
    }


def test_sub_projects_numbered_within_the_project_named_with_them():
    ctx = run(
        "Dự án 3: Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng có tổng kinh phí 3 tỷ đồng, trong đó Tiểu dự án 1: "
        "2 tỷ đồng; Tiểu dự án 2: 1 tỷ đồng. Kinh phí thực hiện Tiểu dự án 1 - Dự án 4 là 800 triệu đồng; Tiểu dự án "
        "3 (Dự án 4) là 300 triệu đồng."
    )
    assert facts(ctx) == {
        ("DA3", "total", None, 3_000_000_000),
        ("DA3.1", "total", None, 2_000_000_000),
        ("DA3.2", "total", None, 1_000_000_000),
        ("DA4.1", "total", None, 800_000_000),
        ("DA4.3", "total", None, 300_000_000),
    }
    assert codes(ctx) == ["DA3", "DA3.1", "DA3.2", "DA4", "DA4.1", "DA4.3"]


def test_list_items_that_put_the_title_before_the_figure():
    ctx = run(
        "Huyện bố trí kinh phí cho các dự án: hỗ trợ phát triển sản xuất 1,2 tỷ đồng, đa dạng hóa sinh kế 650 triệu "
        "đồng, giảm nghèo về thông tin 300 triệu đồng.",
        period_start=2023,
        period_end=2023,
    )
    assert facts(ctx) == {
        ("DA3.1", "total", None, 1_200_000_000),
        ("DA2", "total", None, 650_000_000),
        ("DA6.1", "total", None, 300_000_000),
    }
    assert codes(ctx) == ["DA2", "DA3.1", "DA6.1"]


def test_trong_do_on_a_line_of_its_own_announces_the_parts_of_the_figure_before():
    ctx = run(
        "Tổng kinh phí sự nghiệp thực hiện năm 2023: 2.500 triệu đồng.\nTrong đó:\n"
        "- Ngân sách Trung ương: 2.000 triệu đồng;\n- Ngân sách địa phương: 500 triệu đồng.",
        period_start=2023,
        period_end=2023,
    )
    assert facts(ctx) == {
        (None, "total", "recurrent", 2_500_000_000),
        (None, "central", "recurrent", 2_000_000_000),
        (None, "local", "recurrent", 500_000_000),
    }


def test_money_for_the_programme_itself_is_its_total():
    ctx = run(
        "Năm 2022, huyện đã thực hiện 12 tỷ đồng. Kế hoạch năm 2023 bố trí 15 tỷ đồng để thực hiện Chương trình.",
        period_start=2023,
        period_end=2023,
    )
    assert facts(ctx) == {(None, "total", None, 15_000_000_000)}


def test_numbered_lines_naming_components_count_them():
    ctx = run(
        "Tổng nhu cầu kinh phí thực hiện Kế hoạch là 3.000 triệu đồng, cụ thể như sau:\n"
        "1. Dự án 2: 1.000 triệu đồng.\n2. Dự án 4: 2.000 triệu đồng."
    )
    assert facts(ctx) == {
        (None, "total", None, 3_000_000_000),
        ("DA2", "total", None, 1_000_000_000),
        ("DA4", "total", None, 2_000_000_000),
    }
    assert codes(ctx) == ["DA2", "DA4"]


def test_money_of_a_past_period_is_not_the_plans():
    ctx = run(
        "Giai đoạn 2016 - 2020, tổng kinh phí thực hiện Chương trình là 150 tỷ đồng. Giai đoạn 2021 - 2025, tổng kinh "
        "phí thực hiện Chương trình là 210 tỷ đồng, được Trung ương phân bổ 180 tỷ đồng."
    )
    assert facts(ctx) == {(None, "total", None, 210_000_000_000), (None, "central", None, 180_000_000_000)}


def test_money_of_a_named_commune_in_a_district_plan_is_not_the_plans():
    ctx = run(
        "Tổng kinh phí thực hiện là 3 tỷ đồng; xã Na Loi được hỗ trợ 500 triệu đồng; các xã Đặc biệt khó khăn được "
        "bố trí kinh phí 1 tỷ đồng.",
        admin_level="district",
        district="Kỳ Sơn",
    )
    assert facts(ctx) == {(None, "total", None, 3_000_000_000), (None, "total", None, 1_000_000_000)}


def test_money_integrated_from_another_programme_is_the_plans():
    ctx = run(
        "KẾ HOẠCH\nThực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025\n"
        "Tổng kinh phí thực hiện là 12 tỷ đồng, trong đó ngân sách trung ương 9 tỷ đồng; vốn lồng ghép Chương trình "
        "mục tiêu quốc gia xây dựng nông thôn mới 2 tỷ đồng; ngân sách tỉnh 1 tỷ đồng."
    )
    assert facts(ctx) == {
        (None, "total", None, 12_000_000_000),
        (None, "central", None, 9_000_000_000),
        (None, "other", None, 2_000_000_000),
        (None, "province", None, 1_000_000_000),
    }


def test_money_shared_out_of_a_total_stated_before_is_no_total_of_its_own():
    """Regression: 'Với nguồn kinh phí trên, … phân bổ 45 triệu đồng để hỗ trợ mua bê' took
    'kinh phí' as its label and became a second plan-wide total."""
    ctx = run(
        "Huyện đề xuất kinh phí 3,2 tỷ đồng. Với nguồn kinh phí trên, huyện sẽ phân bổ 45 triệu đồng để hỗ trợ mua "
        "bê giống; 88 triệu đồng để cải thiện tình trạng dinh dưỡng. Tổng kinh phí trên địa bàn huyện là 5 tỷ đồng.",
        period_start=2023,
        period_end=2023,
    )
    assert facts(ctx) == {
        (None, "total", None, 3_200_000_000),
        ("DA3.2", "total", None, 88_000_000),
        (None, "total", None, 5_000_000_000),
    }
