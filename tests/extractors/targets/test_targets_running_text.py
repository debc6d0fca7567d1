"""Goals told in running text, as portals and newspapers quote a plan: the real passages of
passages/ and dev_passages.py, and one regression test for each kind of wording they taught."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from extractors.targets.dev_passages import DEV

from extract.extractors.step import Context
from extract.extractors.targets import find as targets
from extract.pipeline import extract_document, read_document
from extract.settings import DEFAULT_SETTINGS

HERE = Path(__file__).parent
QUOTED = HERE / "passages" / "quoted"
QUOTED_GOLD = json.loads((QUOTED / "targets.json").read_text(encoding="utf-8"))


def targets_of(text: str) -> list[dict]:
    doc = read_document(text.encode("utf-8"), name="passage.txt")
    return extract_document(doc).rows["targets"]


def key(value, value_high, unit) -> tuple:
    return (round(float(value), 6), None if value_high is None else round(float(value_high), 6), unit)


def facts(rows: list[dict]) -> Counter:
    return Counter(key(r["value"], r["value_high"], r["unit"]) for r in rows)


@pytest.mark.parametrize("name", sorted(QUOTED_GOLD))
def test_quoted_passage(name):
    rows = targets_of((QUOTED / name).read_text(encoding="utf-8"))
    want = QUOTED_GOLD[name]["targets"]
    assert facts(rows) == Counter(key(t["value"], t["value_high"], t["unit"]) for t in want), QUOTED_GOLD[name][
        "source"
    ]
    got = {key(r["value"], r["value_high"], r["unit"]): r for r in rows}
    for t in want:
        assert got[key(t["value"], t["value_high"], t["unit"])]["comparator"] == t["comparator"], t["text"]


@pytest.mark.parametrize("url, text, want", DEV, ids=[d[0] for d in DEV])
def test_dev_passage(url, text, want):
    rows = targets_of(text)
    assert facts(rows) == Counter(key(v, h, u) for v, h, u, _, _ in want)
    got = {key(r["value"], r["value_high"], r["unit"]): r for r in rows}
    for v, h, u, comparator, year in want:
        row = got[key(v, h, u)]
        assert row["comparator"] == comparator, row["text"]
        assert year is None or row["year"] == year, row["text"]


def test_every_quote_is_a_clause_holding_its_figure():
    for name in QUOTED_GOLD:
        text = (QUOTED / name).read_text(encoding="utf-8")
        for r in targets_of(text):
            assert r["text"] and r["text"] in " ".join(text.split())
            assert len(r["text"]) < 400


def one(text: str) -> list[tuple]:
    return sorted(
        (
            (r["value"], r["value_high"], r["unit"], r["comparator"], r["year"], r["population"])
            for r in targets_of(text)
        ),
        key=lambda t: (t[0], t[1] or 0, t[2]),
    )


# --- regression tests, one per kind of wording -------------------------------------------------


def test_goals_of_one_sentence_after_trong_do_and_semicolons_go_on_with_its_goal_word():
    text = (
        "UBND huyện ban hành Kế hoạch thực hiện Chương trình giảm nghèo bền vững năm 2023.\n"
        "Phấn đấu giảm tỷ lệ nghèo đa chiều toàn huyện năm 2023 giảm 5% trở lên, trong đó giảm tỷ lệ hộ nghèo "
        "4,0%/năm trở lên; hộ cận nghèo 1%/năm trở lên.\n"
    )
    assert one(text) == [
        (1.0, None, "%/year", "ge", 2023, None),
        (4.0, None, "%/year", "ge", 2023, None),
        (5.0, None, "%/year", "ge", 2023, None),
    ]


def test_sentences_after_a_goal_sentence_are_goals_until_a_result_is_told():
    text = (
        "Theo kế hoạch, tỉnh phấn đấu giảm tỷ lệ hộ nghèo bình quân 2%/năm. Tỷ lệ hộ nghèo ở huyện nghèo giảm từ "
        "5%/năm trở lên.\nHiện nay, toàn tỉnh còn 4.500 hộ nghèo, chiếm 3,1%; 2.000 hộ cận nghèo, chiếm 1,4%.\n"
    )
    assert [(v, u) for v, _, u, *_ in one(text)] == [(2.0, "%/year"), (5.0, "%/year")]


def test_results_of_past_years_are_not_goals():
    text = (
        "Năm 2023, huyện phấn đấu giảm tỷ lệ hộ nghèo còn 7,34% (tương đương giảm 1,6% so với năm 2022).\n"
        "Được biết, đến cuối năm 2022, tỷ lệ hộ nghèo của huyện giảm còn 8,94% (còn 1.824 hộ nghèo, đã giảm được "
        "396 hộ so với năm 2021), đạt 136% kế hoạch đề ra.\n"
    )
    assert [(v, u) for v, _, u, *_ in one(text)] == [(1.6, "%/year"), (7.34, "%")]


def test_a_goal_word_after_a_past_word_still_makes_a_goal():
    text = (
        "Để thực hiện mục tiêu giảm nghèo trong năm 2020, UBND tỉnh đã đề ra mục tiêu cụ thể là: Giảm trên 8.710 "
        "hộ nghèo, tỷ lệ hộ nghèo giảm đạt trên 4,2%.\n"
    )
    assert one(text) == [(4.2, None, "%/year", "gt", 2020, None), (8710.0, None, "households", "gt", 2020, None)]


def test_a_rate_change_in_an_annual_plan_is_per_year():
    text = (
        "Theo Kế hoạch 314/KH-UBND về thực hiện chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2022, "
        "UBND tỉnh yêu cầu các địa phương triển khai các giải pháp để giảm 2% tổng số hộ nghèo và 3% số hộ nghèo "
        "dân tộc thiểu số tại tỉnh trong năm nay.\n"
    )
    assert [(v, u, p) for v, _, u, _, _, p in one(text)] == [(2.0, "%/year", None), (3.0, "%/year", "ethnic_minority")]


def test_a_rate_change_over_the_period_without_a_year_stays_a_percent():
    text = (
        "Tỉnh phấn đấu giảm tỷ lệ hộ nghèo toàn tỉnh 2,21%, riêng tỷ lệ hộ nghèo các huyện miền núi giảm 11,07% "
        "theo chuẩn nghèo đa chiều giai đoạn 2022-2025; giảm 10.050 hộ cận nghèo.\n"
    )
    assert one(text) == [
        (2.21, None, "%", "eq", 2025, None),
        (11.07, None, "%", "eq", 2025, "mountainous_districts"),
        (10050.0, None, "households", "eq", 2025, None),
    ]


def test_a_level_reached_is_a_percent_and_its_starting_level_is_not_a_goal():
    text = (
        "Mục tiêu cụ thể đến hết năm 2023 phấn đấu giảm tỷ lệ hộ nghèo toàn tỉnh là 2,5% (từ 12,29% cuối năm "
        "2022 xuống còn 9,79% cuối năm 2023);\n"
    )
    assert one(text) == [(2.5, None, "%/year", "eq", 2023, None), (9.79, None, "%", "eq", 2023, None)]


def test_a_change_against_the_year_before_is_per_year():
    text = "Phấn đấu đến cuối năm 2024, tỷ lệ hộ nghèo của tỉnh còn 1,13%, giảm 2% so với năm 2023.\n"
    assert [(v, u, y) for v, _, u, _, y, _ in one(text)] == [(1.13, "%", 2024), (2.0, "%/year", 2024)]


def test_a_multiple_is_times():
    text = "Đến năm 2025, thu nhập của hộ nghèo, hộ cận nghèo trên địa bàn huyện phấn đấu tăng 1,8 lần so năm 2020.\n"
    assert one(text) == [(1.8, None, "times", "eq", 2025, "poor_near_poor")]


def test_a_count_of_districts_and_a_share_of_districts():
    text = (
        "Năm 2025, toàn tỉnh phấn đấu giảm tỷ lệ hộ nghèo đa chiều 4,7%; trong đó, 7 huyện nghèo giảm từ 6% trở "
        "lên/năm; phấn đấu 2/7 huyện nghèo tỷ lệ hộ nghèo đa chiều còn dưới 40%; có từ 1-2 huyện thoát nghèo.\n"
    )
    assert [(v, h, u, c) for v, h, u, c, *_ in one(text)] == [
        (1.0, 2.0, "districts", "range"),
        (2.0, None, "districts", "eq"),
        (4.7, None, "%/year", "eq"),
        (6.0, None, "%/year", "ge"),
        (40.0, None, "%", "lt"),
    ]


def test_a_figure_that_names_a_group_is_not_a_goal():
    text = "Phấn đấu tỷ lệ hộ nghèo tại các xã có tỷ lệ hộ nghèo cao trên 25% giảm từ 4% trở lên.\n"
    assert [(v, c) for v, _, _, c, *_ in one(text)] == [(4.0, "ge")]


def test_approximate_figures_keep_the_printed_value():
    text = (
        "Năm 2023, ngành đặt mục tiêu giải quyết việc làm cho khoảng 30.000 lao động, hỗ trợ hơn 1.000 người nghèo "
        "học nghề; nhân rộng trên 20 mô hình giảm nghèo, gần 80% hộ nghèo được vay vốn.\n"
    )
    assert [(v, u, c) for v, _, u, c, *_ in one(text)] == [
        (20.0, "models", "gt"),
        (80.0, "%", "lt"),
        (1000.0, "people", "gt"),
        (30000.0, "people", "eq"),
    ]


def test_a_restated_headline_is_one_goal_and_the_fuller_telling_is_kept():
    text = (
        "Phấn đấu tạo việc làm mới cho 1.500 - 1.700 lao động\n\n"
        "Từ nay đến cuối năm 2020, toàn tỉnh phấn đấu giảm tỷ lệ hộ nghèo bình quân từ 1,5 – 2%/năm; giải quyết "
        "việc làm mới cho 1.500 – 1.700 lao động/năm.\n"
    )
    assert [(v, h, u) for v, h, u, *_ in one(text)] == [(1.5, 2.0, "%/year"), (1500.0, 1700.0, "people/year")]


def test_figures_of_the_whole_country_are_not_the_plans_goals():
    text = (
        "Phấn đấu đến cuối năm 2024, tỷ lệ hộ nghèo của tỉnh còn 1,13% (dự kiến cả nước còn từ 1,93% - 1,83%). "
        "Dự kiến năm 2025 tỷ lệ hộ nghèo của tỉnh dưới 0,7% so với tỷ lệ hộ nghèo cả nước dự kiến là 0,9 - 0,8%.\n"
    )
    assert [(v, h) for v, h, *_ in one(text)] == [(0.7, None), (1.13, None)]


def test_a_province_ranked_in_the_country_still_sets_its_goal():
    text = "Tỉnh đông dân số thứ 4 cả nước sẽ phấn đấu giảm tỷ lệ hộ nghèo bình quân hàng năm từ 1-1,5%/năm.\n"
    assert [(v, h, u) for v, h, u, *_ in one(text)] == [(1.0, 1.5, "%/year")]


def test_the_programme_name_is_not_a_goal_word():
    text = (
        "Từ đầu năm đến nay, huyện đã triển khai hiệu quả Chương trình mục tiêu quốc gia giảm nghèo bền vững. "
        "Tỷ lệ hộ nghèo giảm từ 30,23% năm 2023, xuống còn 25,93%; trong đó, tỷ lệ hộ nghèo dân tộc thiểu số "
        "giảm trên 4%.\n"
    )
    assert one(text) == []


def test_cited_documents_and_their_figures_are_not_goals():
    text = (
        "- 1 Nghị quyết số 30a/2008/NQ-CP về chương trình hỗ trợ giảm nghèo nhanh và bền vững đối với 61 huyện nghèo\n"
        "- 3 Quyết định 293/QĐ-TTg năm 2013 hỗ trợ có mục tiêu từ ngân sách trung ương cho 23 huyện có tỷ lệ hộ "
        "nghèo cao\n"
    )
    assert one(text) == []


def test_a_vote_share_and_a_definition_are_not_goals():
    text = (
        "Quốc hội biểu quyết thông qua Nghị quyết về kế hoạch phát triển kinh tế - xã hội năm 2020 với 88,02% tổng "
        "số đại biểu tán thành. Trong đó, Nghị quyết đặt ra chỉ tiêu tỷ lệ hộ nghèo giảm 1 đến 1,5%, riêng các "
        "huyện nghèo giảm 4%.\n"
    )
    assert one(text) == [(1.0, 1.5, "%/year", "range", 2020, None), (4.0, None, "%/year", "eq", 2020, "poor_districts")]


def test_a_named_district_of_a_provincial_plan_is_its_population():
    text = (
        "UBND tỉnh ban hành Kế hoạch giảm nghèo năm 2024. Tỉnh phấn đấu giảm tỷ lệ hộ nghèo toàn tỉnh 1,5%; "
        "tỷ lệ hộ nghèo huyện Mường Tè giảm 5%; các huyện Phong Thổ, Sìn Hồ giảm 4%.\n"
    )
    doc = read_document(text.encode("utf-8"), name="passage.txt")
    ctx = Context(DEFAULT_SETTINGS, meta={"period_start": 2024, "period_end": 2024, "admin_level": "province"})
    targets.extract(doc, ctx)
    assert [(r["value"], r["population"]) for r in ctx.rows["targets"]] == [
        (1.5, None),
        (5.0, "district:Mường Tè"),
        (4.0, None),
    ]


def test_an_earlier_years_figures_after_the_goals_are_results():
    text = (
        "Tỉnh phấn đấu đến cuối năm 2024 giảm 2.500 hộ nghèo theo chuẩn nghèo đa chiều giai đoạn 2021-2025.\n"
        "Năm 2023, toàn tỉnh giảm 3.200 hộ nghèo, tỷ lệ hộ nghèo còn 2,1%.\n"
    )
    assert one(text) == [(2500.0, None, "households", "eq", 2024, None)]


def test_houses_and_attendances_are_counted():
    text = (
        "Năm 2024, huyện phấn đấu hỗ trợ xây dựng 200 căn nhà cho hộ nghèo, tập huấn cho 500 lượt cán bộ, giải "
        "quyết việc làm cho 1.200 lượt lao động.\n"
    )
    assert [(v, u) for v, _, u, *_ in one(text)] == [(200.0, "households"), (500.0, "people"), (1200.0, "people")]


def test_the_next_goals_own_conjunction_starts_its_quote():
    text = (
        "Chương trình đặt ra mục tiêu 30% xã đặc biệt khó khăn vùng bãi ngang, ven biển và hải đảo thoát khỏi tình "
        "trạng nghèo và tỷ lệ hộ nghèo ở các huyện nghèo giảm từ 4-5%/năm.\n"
    )
    assert [r["text"] for r in targets_of(text)][-1] == "tỷ lệ hộ nghèo ở các huyện nghèo giảm từ 4-5%/năm"


# --- regression tests for the kinds of failure the held-out passages (held_passages.py) showed ------


def test_regression_the_same_figure_of_other_things_is_two_goals():
    text = (
        "Tỉnh phấn đấu đến năm 2025, 100% số xã có đường ô tô đến trung tâm xã được rải nhựa.\n"
        "Phấn đấu 100% số trường, lớp học được xây dựng kiên cố.\n"
    )
    assert [(v, u) for v, _, u, *_ in one(text)] == [(100.0, "%"), (100.0, "%")]


def test_regression_a_result_measured_against_its_goal_is_no_goal():
    text = (
        "Năm 2022 tỷ lệ hộ nghèo giảm 3,1%, đạt 120% so với mục tiêu của tỉnh, gấp 1,5 lần so với chỉ tiêu đề ra. "
        "Năm 2023, tỉnh phấn đấu giảm 2%.\n"
    )
    assert one(text) == [(2.0, None, "%/year", "eq", 2023, None)]


def test_regression_den_nay_tells_a_result():
    text = (
        "Năm 2025 tỉnh phấn đấu 60% số xã đạt chuẩn nông thôn mới.\n"
        "Theo Ban Dân tộc, đến nay, tỉnh có 90 xã và 4 huyện đạt chuẩn nông thôn mới.\n"
    )
    assert one(text) == [(60.0, None, "%", "eq", 2025, None)]


def test_regression_tu_nay_den_cuoi_nam_is_this_years_change():
    assert one("Từ nay đến cuối năm, tỉnh phấn đấu giảm ít nhất 2% hộ nghèo.\n") == [
        (2.0, None, "%/year", "ge", None, None)
    ]


def test_regression_a_cap_after_a_change_verb_is_the_level_reached():
    assert one("Mục tiêu đến cuối năm 2025 là giảm tỷ lệ hộ nghèo toàn tỉnh dưới 1,5%.\n") == [
        (1.5, None, "%", "lt", 2025, None)
    ]


def test_regression_a_part_of_a_past_level_is_no_goal():
    text = (
        "Tỉnh phấn đấu giảm 3% hộ nghèo trong năm 2021.\n"
        "Đến hết năm 2020, toàn tỉnh còn 9.800 hộ nghèo, trong đó, 7.200 hộ nghèo dân tộc thiểu số.\n"
    )
    assert one(text) == [(3.0, None, "%/year", "eq", 2021, None)]


def test_regression_goals_may_go_on_to_a_later_horizon_and_back():
    text = (
        "Phấn đấu tỷ lệ hộ nghèo giảm bình quân hàng năm giai đoạn 2021-2025 từ 1-1,5%.\n"
        "Phấn đấu tỷ lệ hộ nghèo đến năm 2030 còn dưới 3%.\n"
        "Tỷ lệ hộ nghèo huyện nghèo đến năm 2025 còn dưới 25%.\n"
    )
    assert [(v, y) for v, _, _, _, y, _ in one(text)] == [(1.0, 2025), (3.0, 2030), (25.0, 2025)]


def test_regression_a_year_told_after_a_goal_is_a_later_goals():
    text = (
        "Phấn đấu tỷ lệ hộ nghèo giảm bình quân hàng năm giai đoạn 2021-2025 từ 1-1,5%.\n"
        "Trong giai đoạn này, phấn đấu tỷ lệ hộ nghèo tại huyện nghèo giảm bình quân hàng năm từ 4-5%, cuối giai "
        "đoạn còn dưới 30%, đến năm 2030 còn dưới 20%.\n"
    )
    assert [(v, y) for v, _, _, _, y, _ in one(text)] == [(1.0, 2025), (4.0, 2025), (20.0, 2030), (30.0, 2025)]


def test_regression_a_multiple_may_carry_a_bound():
    text = "Tỉnh đề ra mục tiêu đến năm 2025, thu nhập bình quân của hộ nghèo tăng trên 1,5 lần so với năm 2020.\n"
    assert [(v, u, c) for v, _, u, c, *_ in one(text)] == [(1.5, "times", "gt")]


def test_regression_a_parenthesis_restating_a_goal_is_for_its_population():
    text = "Năm 2025, tỉnh phấn đấu giảm tỷ lệ hộ nghèo dân tộc thiểu số 2,5% (1.800 hộ).\n"
    assert [(v, p) for v, *_, p in one(text)] == [(2.5, "ethnic_minority"), (1800.0, "ethnic_minority")]


def test_regression_an_estimate_after_a_goal_word_is_a_goal_and_after_a_forecast_a_result():
    text = (
        "Tỉnh đặt mục tiêu phấn đấu đến năm 2024 giảm tỷ lệ hộ nghèo còn khoảng 2%.\n"
        "Cuối năm 2023, tỷ lệ hộ nghèo toàn tỉnh còn khoảng 3,4%.\n"
    )
    assert one(text) == [(2.0, None, "%", "eq", 2024, None)]
    forecast = (
        "Tính đến cuối năm 2024, toàn tỉnh đã giảm từ 30.000 hộ nghèo (năm 2022) xuống còn 21.000 hộ, dự kiến đến "
        "cuối năm 2025 giảm còn 18.000 hộ, tương đương tỷ lệ giảm từ 9% xuống còn khoảng 4,5%.\n"
    )
    assert one(forecast) == []


def test_regression_a_count_in_a_rates_subject_is_no_goal():
    text = "Năm 2020, phấn đấu giảm trên 5%, tỷ lệ hộ nghèo bình quân 3 huyện nghèo còn dưới 30%.\n"
    assert [(v, u) for v, _, u, *_ in one(text)] == [(5.0, "%/year"), (30.0, "%")]


# --- regression tests for the kinds of failure the third held-out batch (HELD3) showed ----------------


def test_regression_a_share_of_an_amount_of_money_is_no_goal():
    text = (
        "Đến năm 2030, phấn đấu tỷ lệ hộ nghèo giảm 1%/năm. Tổng vốn thực hiện khoảng 9.000 tỷ đồng, trong đó "
        "vốn ngân sách tỉnh 2.700 tỷ đồng, chiếm 30%; vốn huy động khoảng 1.800 tỷ đồng, chiếm khoảng 20%.\n"
    )
    assert [(v, u) for v, _, u, *_ in one(text)] == [(1.0, "%/year")]


def test_regression_a_multiple_may_be_a_range():
    text = (
        "Mục tiêu đến năm 2030: phấn đấu thu nhập của người dân vùng khó khăn tăng gấp 2 - 2,5 lần so với năm 2020.\n"
    )
    assert one(text) == [(2.0, 2.5, "times", "range", 2030, None)]


def test_regression_provinces_are_counted_and_a_province_named_after_a_number_is_not():
    text = "Đến năm 2030, phấn đấu có 8 tỉnh, thành phố hoàn thành nhiệm vụ xây dựng nông thôn mới.\n"
    assert [(v, u) for v, _, u, *_ in one(text)] == [(8.0, "provinces")]
    named = "Giai đoạn 2026 - 2030 tỉnh Hòa Bình phấn đấu giảm tỷ lệ hộ nghèo 2%/năm.\n"
    assert [(v, u) for v, _, u, *_ in one(named)] == [(2.0, "%/year")]


def test_regression_a_pace_of_past_years_before_a_later_goal_word_is_a_result():
    text = (
        "Giai đoạn 2021 - 2025, mỗi năm huyện phấn đấu giảm từ 2-3% hộ nghèo.\n"
        "Tuy vậy, 4 năm qua, tỷ lệ hộ nghèo của huyện giảm bình quân 5,1%/năm, là cơ sở để huyện phấn đấu đến "
        "năm 2025 không còn xã đặc biệt khó khăn.\n"
    )
    assert [(v, h, u) for v, h, u, *_ in one(text)] == [(2.0, 3.0, "%/year")]


def test_regression_a_draft_plans_name_is_no_goal_word():
    text = (
        "Báo cáo dự kiến kế hoạch phát triển kinh tế - xã hội năm 2026 cho biết tỷ lệ hộ nghèo giảm từ 5% năm "
        "2021 xuống còn 1,5% năm 2025.\n"
        "Trong 5 năm, có hơn 2 triệu người được trợ giúp.\n"
    )
    assert one(text) == []


def test_regression_a_comma_that_opens_the_next_goal_cuts_before_its_subjects_and():
    text = (
        "Phấn đấu đến năm 2030 tỷ lệ nghèo đa chiều toàn tỉnh giảm 1,5%/năm, giảm tỷ lệ hộ nghèo vùng đồng bào "
        "dân tộc thiểu số và miền núi xuống dưới 8%.\n"
    )
    assert [(v, p) for v, *_, p in one(text)] == [(1.5, None), (8.0, "ethnic_minority")]


def test_regression_a_headline_ending_on_its_figure_is_the_bodys_goal_told_once():
    text = (
        "Năm 2024: Tỉnh đặt mục tiêu giảm nghèo từ 1,5 đến 2%\n\n"
        "Mục tiêu trong năm nay là tỷ lệ hộ nghèo toàn tỉnh giảm 1,5 đến 2%/năm; tỷ lệ hộ nghèo dân tộc thiểu số "
        "giảm trên 3%.\n"
    )
    assert [(v, h, u) for v, h, u, *_ in one(text)] == [(1.5, 2.0, "%/year"), (3.0, None, "%/year")]


def test_regression_a_headline_with_no_goal_word_confirmed_by_its_next_line():
    text = (
        "Huyện Sơn Hà: xây dựng 5 xã không có hộ nghèo trong năm 2025\n\n"
        "Đây là một trong những chỉ tiêu của Kế hoạch giảm nghèo năm 2025 vừa được UBND huyện ban hành.\n"
    )
    assert one(text) == [(5.0, None, "communes", "eq", 2025, None)]
    unconfirmed = "Huyện Sơn Hà: xây dựng 5 xã không có hộ nghèo trong năm 2024\n\nNăm qua, huyện đã ...\n"
    assert one(unconfirmed) == []


def test_regression_a_count_whose_noun_is_its_subject():
    text = "Phấn đấu cuối năm 2024 số hộ nghèo trên địa bàn huyện còn lại là 1.250.\n"
    assert one(text) == [(1250.0, None, "households", "eq", 2024, None)]


def test_regression_a_subheading_goal_told_again_in_the_body_is_one_goal():
    text = (
        "Phấn đấu năm 2025 giảm 1.200 hộ nghèo\n"
        "Tỉnh đề ra mục tiêu năm 2025 tỷ lệ hộ nghèo giảm trên 1% (giảm 1.200 hộ), tỷ lệ hộ nghèo cuối năm 2025 "
        "còn 3,5% (8.000 hộ).\n"
    )
    assert [(v, u) for v, _, u, *_ in one(text)] == [
        (1.0, "%/year"),
        (3.5, "%"),
        (1200.0, "households"),
        (8000.0, "households"),
    ]


def test_regression_a_goal_word_right_before_the_country_makes_it_the_plans_own_scope():
    text = "Đến năm 2030, phấn đấu cả nước có khoảng 70% số xã đạt chuẩn nông thôn mới.\n"
    assert [(v, u) for v, _, u, *_ in one(text)] == [(70.0, "%")]
    forecast = "Đến năm 2025, dự kiến cả nước còn 1,1% hộ nghèo.\n"
    assert one(forecast) == []


def test_regression_schools_are_counted():
    text = "Đến năm 2030, tỉnh phấn đấu số trường học đạt chuẩn quốc gia là 120 trường.\n"
    assert [(v, u) for v, _, u, *_ in one(text)] == [(120.0, "schools")]
