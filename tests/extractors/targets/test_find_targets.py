"""Quantitative targets: the phrasings plans use, the numbers that are not goals, and gold."""

from __future__ import annotations

from collections import Counter

import pytest
from conftest import GOLD, PLAN_STEMS, RENDITIONS, doc_id_of, gold_for

from extract.extractors.targets import find as targets
from extract.pipeline import Context, read_document
from extract.settings import DEFAULT_SETTINGS

PLAN_HEAD = "KẾ HOẠCH\nThực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn {start} - {end}\n"
GOALS = "I. MỤC TIÊU\n2. Mục tiêu cụ thể\n"
TASKS = "II. NHIỆM VỤ VÀ GIẢI PHÁP\n1. Công tác lãnh đạo, chỉ đạo\n"


def run(body: str, period: tuple[int, int] = (2021, 2025)) -> list[dict]:
    text = PLAN_HEAD.format(start=period[0], end=period[1]) + body
    doc = read_document(text.encode("utf-8"))
    ctx = Context(DEFAULT_SETTINGS, meta={"period_start": period[0], "period_end": period[1]})
    targets.extract(doc, ctx)
    return ctx.rows["targets"]


def facts(rows: list[dict]) -> list[tuple]:
    return [(r["value"], r["value_high"], r["unit"], r["comparator"], r["year"], r["population"]) for r in rows]


# (what the plan says, the targets: (value, value_high, unit, comparator, year, population))
PHRASINGS = [
    ("- Duy trì mức giảm tỷ lệ hộ nghèo bình quân 1,5%/năm.", [(1.5, None, "%/year", "eq", 2025, None)]),
    ("- Tỷ lệ hộ cận nghèo giảm bình quân 1% mỗi năm.", [(1.0, None, "%/year", "eq", 2025, None)]),
    (
        "- Tỷ lệ trẻ em thuộc hộ nghèo, hộ cận nghèo đi học đúng độ tuổi đạt 90%.",
        [(90.0, None, "%", "eq", 2025, "poor_near_poor")],
    ),
    ("- Duy trì mức giảm tỷ lệ hộ nghèo bình quân từ 2 - 2,5%/năm.", [(2.0, 2.5, "%/year", "range", 2025, None)]),
    (
        "- Phấn đấu tăng bình quân 1,5-2%/năm tỷ lệ hộ nghèo được tiếp cận các dịch vụ xã hội cơ bản.",
        [(1.5, 2.0, "%/year", "range", 2025, "poor_households")],
    ),
    (
        "- Phấn đấu tăng bình quân từ 1% - 1,5%/năm tỷ lệ hộ nghèo được tiếp cận các dịch vụ xã hội cơ bản.",
        [(1.0, 1.5, "%/year", "range", 2025, "poor_households")],
    ),
    (
        "- Ít nhất 80% hộ nghèo, hộ cận nghèo sử dụng nhà tiêu hợp vệ sinh.",
        [(80.0, None, "%", "ge", 2025, "poor_near_poor")],
    ),
    (
        "- Tối thiểu 338 người lao động thuộc hộ nghèo được hỗ trợ kết nối việc làm thành công.",
        [(338.0, None, "people", "ge", 2025, "workers_of_poor_households")],
    ),
    (
        "- Tối thiểu 1.200 hộ nghèo, hộ cận nghèo được hỗ trợ nhà ở.",
        [(1200.0, None, "households", "ge", 2025, "poor_near_poor")],
    ),
    ("- Hỗ trợ xây dựng, nhân rộng trên 05 mô hình giảm nghèo.", [(5.0, None, "models", "gt", 2025, None)]),
    ("- Tỷ lệ hộ nghèo giảm bình quân trên 1%/năm.", [(1.0, None, "%/year", "gt", 2025, None)]),
    ("- Tỷ lệ thất nghiệp dưới 2%.", [(2.0, None, "%", "lt", 2025, None)]),
    ("- Tỷ lệ hộ nghèo đa chiều không quá 3%.", [(3.0, None, "%", "le", 2025, None)]),
    (
        "- Tỷ lệ hộ nghèo giảm bình quân hằng năm theo tiêu chí mới từ 1,5% trở lên.",
        [(1.5, None, "%/year", "ge", 2025, None)],
    ),
    (
        "- Có 08 bác sĩ/10.000 dân, 24 giường bệnh/10.000 dân.",
        [(8.0, None, "per_10000_people", "eq", 2025, None), (24.0, None, "per_10000_people", "eq", 2025, None)],
    ),
    ("- Phấn đấu giảm trên 1/2 số hộ nghèo và hộ cận nghèo so với đầu kỳ.", [(50.0, None, "%", "gt", 2025, None)]),
    (
        "- Giảm ít nhất một nửa tỷ lệ hộ nghèo và giảm một phần tư tỷ lệ hộ cận nghèo.",
        [(50.0, None, "%", "ge", 2025, None), (25.0, None, "%", "eq", 2025, None)],
    ),
    (
        "- Tỷ lệ học sinh trong độ tuổi đi học: Tiểu học: 100%; trung học cơ sở: 99%; THPT đạt 88,75%.",
        [
            (100.0, None, "%", "eq", 2025, None),
            (99.0, None, "%", "eq", 2025, None),
            (88.75, None, "%", "eq", 2025, None),
        ],
    ),
    (
        "- Duy trì mức giảm tỷ lệ hộ nghèo bình quân 1,5%/năm (trong đó, tỷ lệ hộ nghèo dân tộc Khmer giảm bình quân trên 1%/năm).",
        [(1.5, None, "%/year", "eq", 2025, None), (1.0, None, "%/year", "gt", 2025, "khmer")],
    ),
    (
        "- Phấn đấu giảm tỷ lệ hộ nghèo dân tộc thiểu số: mỗi năm giảm 2%.",
        [(2.0, None, "%/year", "eq", 2025, "ethnic_minority")],
    ),
    (
        "- Tỷ lệ lao động qua đào tạo đạt 72%. Trong đó, có bằng cấp, chứng chỉ đạt 40%. Hàng năm tạo việc làm mới cho 3.000 lao động.",
        [
            (72.0, None, "%", "eq", 2025, None),
            (40.0, None, "%", "eq", 2025, None),
            (3000.0, None, "people/year", "eq", 2025, None),
        ],
    ),
    (
        "- 100% người thuộc hộ nghèo tham gia bảo hiểm y tế và phấn đấu người thuộc hộ cận nghèo tham gia bảo hiểm y tế đạt 100%.",
        [(100.0, None, "%", "eq", 2025, "poor_households"), (100.0, None, "%", "eq", 2025, "near_poor")],
    ),
    ("- Giảm tỷ lệ hộ nghèo từ 3,5% (cuối năm 2020) xuống còn 2%.", [(2.0, None, "%", "eq", 2025, None)]),
    ("- Đến năm 2030, tỷ lệ hộ nghèo còn dưới 1%.", [(1.0, None, "%", "lt", 2030, None)]),
    (
        "- Phấn đấu 1 triệu lao động được hỗ trợ kết nối việc làm thành công.",
        [(1000000.0, None, "people", "eq", 2025, None)],
    ),
    ("- Tỷ lệ bao phủ bảo hiểm y tế ≥ 95%.", [(95.0, None, "%", "ge", 2025, None)]),
    ("- Tỷ lệ hộ nghèo giảm 1,5 điểm phần trăm/năm.", [(1.5, None, "%/year", "eq", 2025, None)]),
    ("- Giải quyết việc làm cho 2.500 lao động/năm.", [(2500.0, None, "people/year", "eq", 2025, None)]),
    (
        "- Năm 2022: tỷ lệ hộ nghèo giảm 2%; năm 2023 giảm 1,5%.",
        [(2.0, None, "%", "eq", 2022, None), (1.5, None, "%", "eq", 2023, None)],
    ),
    ("- Tỷ lệ hộ nghèo năm 2020 là 5,2%, phấn đấu đến năm 2025 giảm còn 2%.", [(2.0, None, "%", "eq", 2025, None)]),
    ("- Phấn đấu đến năm 2025 tỷ lệ hộ nghèo còn dưới 3% (hiện nay 5,2%).", [(3.0, None, "%", "lt", 2025, None)]),
    ("- Phấn đấu giảm 50% số hộ nghèo so với năm 2020.", [(50.0, None, "%", "eq", 2025, None)]),
    (
        "- 30% huyện nghèo, 30% xã đặc biệt khó khăn thoát khỏi tình trạng nghèo.",
        [(30.0, None, "%", "eq", 2025, None), (30.0, None, "%", "eq", 2025, None)],
    ),
]


@pytest.mark.parametrize("body, want", PHRASINGS, ids=[p for p, _ in PHRASINGS])
def test_phrasing(body, want):
    assert sorted(facts(run(GOALS + body)), key=repr) == sorted(want, key=repr)


def test_horizon_heading_gives_the_year():
    rows = run(
        GOALS
        + "- Tỷ lệ hộ nghèo giảm bình quân 1%/năm.\n2.2. Các chỉ tiêu định hướng đến năm 2030\n- Tỷ lệ lao động qua đào tạo đạt 74% (có bằng cấp, chứng chỉ đạt 42%)."
    )
    assert sorted(facts(rows), key=repr) == sorted(
        [
            (1.0, None, "%/year", "eq", 2025, None),
            (74.0, None, "%", "eq", 2030, None),
            (42.0, None, "%", "eq", 2030, None),
        ],
        key=repr,
    )


def test_annual_plan_year():
    rows = run(GOALS + "- Giảm tỷ lệ hộ nghèo đến hết năm 2024 toàn huyện còn 1,41%.", period=(2024, 2024))
    assert facts(rows) == [(1.41, None, "%", "eq", 2024, None)]
    assert rows[0]["indicator"] == "poverty_rate"


INDICATORS = [
    ("- Duy trì mức giảm tỷ lệ hộ nghèo bình quân 1,5%/năm.", "poverty_rate_reduction", None),
    ("- Tỷ lệ hộ cận nghèo giảm bình quân 1%/năm.", "near_poverty_rate_reduction", None),
    ("- 100% người thuộc hộ nghèo được hỗ trợ tham gia bảo hiểm y tế.", "health_insurance_coverage", "health"),
    ("- Tỷ lệ trẻ em thuộc hộ nghèo đi học đúng độ tuổi đạt 90%.", "school_attendance_right_age", "education"),
    (
        "- Tỷ lệ người lao động thuộc hộ nghèo qua đào tạo đạt 70%, trong đó có bằng cấp chứng chỉ đạt 34,75%.",
        "trained_labour_rate",
        "education",
    ),
    ("- 98% hộ nghèo sử dụng nước sinh hoạt hợp vệ sinh.", "clean_water_access", "water_sanitation"),
    ("- Ít nhất 80% hộ nghèo sử dụng nhà tiêu hợp vệ sinh.", "hygienic_latrine_access", "water_sanitation"),
    (
        "- 95% hộ nghèo có nhu cầu được tiếp cận sử dụng các dịch vụ viễn thông, internet.",
        "telecom_internet_access",
        "information",
    ),
    ("- Tối thiểu 1.200 hộ nghèo được hỗ trợ nhà ở.", "housing_support", "housing"),
    ("- Tối thiểu 338 người lao động được hỗ trợ kết nối việc làm thành công.", "jobs_connected", "employment"),
    ("- 100% cán bộ làm công tác giảm nghèo được bồi dưỡng, tập huấn.", "cadres_trained", None),
    ("- Chiều thiếu hụt về y tế: 90% người dân được khám sàng lọc định kỳ.", None, "health"),
    ("- Phấn đấu 100% xã đạt chuẩn nông thôn mới.", None, None),
    ("- Giảm tỷ lệ hộ nghèo đến cuối năm còn 1,41%.", "poverty_rate", None),
    ("- Giảm ít nhất một nửa tỷ lệ hộ nghèo.", "poverty_rate_reduction", None),
    (
        "- Tỷ lệ sử dụng nước hợp vệ sinh: khu vực dân cư nông thôn đạt 99,5%.",
        "clean_water_access_rural",
        "water_sanitation",
    ),
    ("- Có 08 bác sĩ/10.000 dân.", "doctors_per_10000", "health"),
]


@pytest.mark.parametrize("body, indicator, dimension", INDICATORS, ids=[p for p, _, _ in INDICATORS])
def test_indicator(body, indicator, dimension):
    rows = run(GOALS + body)
    assert rows, "a goal with an unknown indicator is still a target"
    assert (rows[0]["indicator"], rows[0]["dimension"]) == (indicator, dimension)


# Whose rate a goal is (SPEC "population (targets)"): a poor class where it is the measured
# subject, the narrowest that fits; null for the whole population, the poverty count itself and
# cadres; another subgroup (ethnic, area) before a poor class.
POPULATIONS = [
    ("- Phấn đấu tỷ lệ tham gia bảo hiểm y tế so với dân số đạt 95%.", None),
    ("- 100% người thuộc hộ nghèo, hộ cận nghèo được hỗ trợ tham gia bảo hiểm y tế.", "poor_near_poor"),
    ("- 100% người thuộc hộ nghèo, người thuộc hộ cận nghèo được hỗ trợ tham gia bảo hiểm y tế.", "poor_near_poor"),
    ("- Đảm bảo 100% hộ nghèo, hộ cận nghèo được tiếp cận đầy đủ thẻ BHYT.", "poor_near_poor"),
    ("- Tỷ lệ lao động qua đào tạo đạt 72%.", None),
    (
        "- Tỷ lệ người lao động thuộc hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo qua đào tạo đạt 70%.",
        "workers_of_poor_households",
    ),
    (
        "- Phấn đấu 65% người có khả năng lao động, có nhu cầu thuộc hộ nghèo, thuộc hộ cận nghèo được hỗ trợ nâng "
        "cao năng lực sản xuất.",
        "workers_of_poor_households",
    ),
    (
        "- Phấn đấu 80% trong số người có khả năng lao động thuộc hộ nghèo, có nhu cầu được hỗ trợ nâng cao năng "
        "lực sản xuất.",
        "workers_of_poor_households",
    ),
    (
        "- Phấn đấu hỗ trợ 80% hộ nghèo, hộ cận nghèo có ít nhất một thành viên trong độ tuổi lao động có việc làm.",
        "poor_near_poor",
    ),
    ("- 98% hộ nghèo, hộ cận nghèo sử dụng nước sinh hoạt hợp vệ sinh.", "poor_near_poor"),
    ("- 95% hộ nghèo có nhu cầu được tiếp cận sử dụng các dịch vụ viễn thông, internet.", "poor_households"),
    ("- Hỗ trợ xây dựng nhà ở cho 3.379 hộ nghèo, cận nghèo.", "poor_near_poor"),
    ("- Tỷ lệ trẻ em thuộc hộ nghèo đi học đúng độ tuổi đạt 90%.", "poor_households"),
    ("- Phấn đấu người thuộc hộ cận nghèo tham gia bảo hiểm y tế đạt 100%.", "near_poor"),
    ("- TỶ LỆ NGƯỜI LAO ĐỘNG THUỘC HỘ NGHÈO QUA ĐÀO TẠO ĐẠT 70%.", "workers_of_poor_households"),
    # the poverty count itself: the words name what is counted
    ("- Tỷ lệ hộ nghèo giảm bình quân 1,5%/năm.", None),
    ("- Tỷ lệ hộ cận nghèo giảm bình quân 1%/năm.", None),
    ("- Phấn đấu giảm trên 1/2 số hộ nghèo và hộ cận nghèo so với đầu kỳ.", None),
    ("- Phấn đấu giảm 2.000 hộ nghèo.", None),
    ("- Phấn đấu 8.848 hộ nghèo thoát nghèo.", None),
    ("- Giảm tỷ lệ hộ nghèo toàn huyện còn 1,41%.", None),
    ("- Tỷ lệ hộ nghèo dân tộc thiểu số giảm 3%/năm.", "ethnic_minority"),
    # the whole population, cadres, models, and a class named only as whom the action serves
    ("- Tỷ lệ tham gia bảo hiểm xã hội đạt 45% lực lượng lao động.", None),
    ("- 100% cán bộ làm công tác hỗ trợ hộ nghèo được bồi dưỡng, tập huấn.", None),
    ("- Phấn đấu mỗi đoàn thể có 01 mô hình giúp hộ nghèo thoát nghèo.", None),
    ("- Phấn đấu tạo việc làm cho 2.900 lao động, nâng cao thu nhập cho các hộ nghèo.", None),
    # another subgroup comes first
    ("- 100% hộ nghèo dân tộc thiểu số được hỗ trợ nhà ở đạt chuẩn.", "ethnic_minority"),
    ("- 100% hộ nghèo, hộ cận nghèo trên địa bàn các huyện nghèo được hỗ trợ nhà ở.", "poor_districts"),
]


@pytest.mark.parametrize("body, population", POPULATIONS, ids=[p for p, _ in POPULATIONS])
def test_population_is_whose_rate_the_goal_is(body, population):
    rows = run(GOALS + body)
    assert len(rows) == 1
    assert rows[0]["population"] == population, (rows[0]["indicator"], rows[0]["text"])


@pytest.mark.parametrize(
    "body, want",
    [
        (
            "+ Tỷ lệ người lao động thuộc hộ nghèo, hộ cận nghèo qua đào tạo đạt 70%, trong đó có bằng cấp chứng chỉ "
            "đạt 34,75%.",
            [(70.0, "workers_of_poor_households"), (34.75, "workers_of_poor_households")],
        ),
        (
            "- Tỷ lệ lao động qua đào tạo đạt 72%. Trong đó, có bằng cấp, chứng chỉ đạt 40%.",
            [(72.0, None), (40.0, None)],
        ),
        (
            "- Phấn đấu giảm 2.000 hộ nghèo, trong đó giảm 1.000 hộ nghèo đồng bào dân tộc thiểu số.",
            [(2000.0, None), (1000.0, "ethnic_minority")],
        ),
    ],
)
def test_a_part_told_with_trong_do_is_for_the_population_of_its_goal(body, want):
    """ "… qua đào tạo đạt 70%, trong đó có bằng cấp chứng chỉ đạt 34,75%": the 34,75% are of the
    same workers of poor households, not of all workers."""
    assert [(r["value"], r["population"]) for r in run(GOALS + body)] == want


# Numbers that are not goals, even inside the goal section.
NOT_TARGETS = [
    "- Cải thiện dinh dưỡng cho trẻ em dưới 16 tuổi, trẻ em dưới 5 tuổi, trẻ từ 5 đến dưới 16 tuổi.",
    "- Hộ mới thoát nghèo (trong vòng 36 tháng, kể từ thời điểm hộ được công nhận thoát nghèo).",
    "- Người từ đủ 75 tuổi đến dưới 80 tuổi; trẻ dưới 03 tháng tuổi.",
    "- Kế hoạch 05 năm thực hiện từ ngày 21/02/2022 đến ngày 31/12/2025.",
    "- Thực hiện theo Quyết định số 90/QĐ-TTg ngày 18/01/2022 và Nghị định số 27/2022/NĐ-CP.",
    "- Tổng nhu cầu vốn là 62,5 tỷ đồng; ngân sách huyện 2.589 triệu đồng; hỗ trợ 40 triệu đồng/hộ.",
    "- Báo cáo định kỳ hàng quý, 6 tháng, 9 tháng và cả năm; rà soát định kỳ mỗi năm một lần.",
    "- Phấn đấu hỗ trợ hộ nghèo, hộ cận nghèo có ít nhất một thành viên trong độ tuổi lao động có việc làm bền vững.",
    "- Ngân sách trung ương hỗ trợ tối đa 70% chi phí thực hiện dự án.",
]


@pytest.mark.parametrize("body", NOT_TARGETS)
def test_not_a_target(body):
    assert run(GOALS + body) == []


def test_both_halves_of_a_shared_predicate_get_the_indicator():
    rows = run(GOALS + "- 30% huyện nghèo, 30% xã đặc biệt khó khăn thoát khỏi tình trạng nghèo.")
    assert [r["indicator"] for r in rows] == ["poor_districts_exit", "difficult_communes_exit"]


def test_table_cells_holding_only_figures_are_not_read():
    table = "TT\tChỉ tiêu\tNăm 2024\tNăm 2025\n1\tTỷ lệ hộ nghèo\t2,5%\t1,5%\n2\tTỷ lệ hộ nghèo giảm 1%/năm\t\t\n"
    assert facts(run(GOALS + table)) == [(1.0, None, "%/year", "eq", 2025, None)]


def test_task_without_goal_marker_is_not_a_target():
    assert run(TASKS + "- Mỗi địa phương chỉ đạo chọn ít nhất 01 xã, phường, thị trấn thực hiện thí điểm.") == []


def test_goal_marker_outside_goal_section():
    rows = run(TASKS + "- Phấn đấu mỗi đoàn thể có 01 mô hình đặc thù giúp đỡ hội viên thoát nghèo.")
    assert facts(rows) == [(1.0, None, "models", "eq", 2025, None)]
    assert rows[0]["indicator"] == "poverty_models_per_organization"


def test_results_already_achieved_are_not_targets():
    body = (
        "I. KẾT QUẢ THỰC HIỆN NĂM 2023\n- Tỷ lệ hộ nghèo giảm còn 2,1%, đạt 100% kế hoạch; phấn đấu duy trì.\n"
        "II. MỤC TIÊU\n- Tỷ lệ hộ nghèo giảm còn 1,5%."
    )
    assert facts(run(body, period=(2024, 2024))) == [(1.5, None, "%", "eq", 2024, None)]


def test_reported_result_outside_goal_section_is_not_a_target():
    assert run(TASKS + "- Năm 2023 đã đảm bảo 100% hộ nghèo được cấp thẻ bảo hiểm y tế.") == []


def test_target_carries_provenance_and_clause():
    rows = run(
        GOALS + "- Chiều thiếu hụt về thông tin: 95% hộ nghèo có nhu cầu được tiếp cận dịch vụ viễn thông, internet."
    )
    (row,) = rows
    assert row["text"] == "95% hộ nghèo có nhu cầu được tiếp cận dịch vụ viễn thông, internet"
    assert row["quote"] == row["text"]
    assert row["char_end"] > row["char_start"] and row["section_id"] is not None


# --- regressions ------------------------------------------------------------------------------


def test_pdf_paragraph_broken_mid_sentence_is_joined():
    """A PDF line break inside "giai đoạn 2021 -" / "2025 từ 1,5% trở lên" must not lose the yearly reading."""
    rows = run(
        GOALS + "Tỷ lệ hộ nghèo giảm bình quân hằng năm theo tiêu chí mới của giai đoạn 2021 -\n2025 từ 1,5% trở lên."
    )
    assert facts(rows) == [(1.5, None, "%/year", "ge", 2025, None)]
    assert rows[0]["text"].endswith("2021 - 2025 từ 1,5% trở lên")


def test_heading_is_not_joined_to_the_list_item_after_it():
    """A heading without end punctuation followed by "a) …" once became the start of the goal's clause."""
    rows = run("I. MỤC TIÊU\n2. Mục tiêu cụ thể\na) Duy trì mức giảm tỷ lệ hộ nghèo bình quân 1,5%/năm.")
    assert [r["text"] for r in rows] == ["Duy trì mức giảm tỷ lệ hộ nghèo bình quân 1,5%/năm"]


def test_parenthesis_subgroup_does_not_leak_into_outer_goal():
    rows = run(
        GOALS
        + "- Duy trì mức giảm tỷ lệ hộ nghèo bình quân 1,5%/năm (trong đó, tỷ lệ hộ nghèo dân tộc Khmer giảm từ 3 - 4%/năm)."
    )
    by_value = {r["value"]: r for r in rows}
    assert by_value[1.5]["population"] is None and by_value[3.0]["population"] == "khmer"
    assert by_value[1.5]["text"] == "Duy trì mức giảm tỷ lệ hộ nghèo bình quân 1,5%/năm"


# --- gold ------------------------------------------------------------------------------------


def _gold_tuple(g: dict) -> tuple:
    high = None if g["value_high"] is None else float(g["value_high"])
    return (
        float(g["value"]),
        high,
        g["unit"],
        g["comparator"],
        g["year"],
        g["population"],
        g["component"],
        g["indicator"],
    )


@pytest.mark.parametrize("path", RENDITIONS, ids=[p.name for p in RENDITIONS])
def test_targets_match_gold(corpus_con, path):
    doc_id = doc_id_of(corpus_con, path.name)
    got = Counter(
        tuple(r)
        for r in corpus_con.execute(
            "SELECT value, value_high, unit, comparator, year, population, component, indicator FROM targets WHERE doc_id = ?",
            [doc_id],
        ).fetchall()
    )
    want = Counter(_gold_tuple(g) for g in gold_for(path.stem)["targets"])
    assert got == want


def test_targets_micro_f1_over_all_renditions(corpus_con):
    from extract.analysis.evaluate import evaluate

    report = evaluate(corpus_con, GOLD)
    assert len(report.documents) == len(RENDITIONS) == 3 * len(PLAN_STEMS)
    assert report.totals["targets"].f1 >= 0.95, report.totals["targets"]


def test_every_target_quote_is_its_span(corpus_con):
    rows = corpus_con.execute(
        "SELECT t.quote, substr(d.text, t.char_start + 1, t.char_end - t.char_start) FROM targets t JOIN documents d USING (doc_id)"
    ).fetchall()
    assert rows and all(q == span for q, span in rows)


def test_indicator_keys_are_unique_snake_case():
    from extract.extractors.targets.phrases import lexicon

    keys = [i.key for i in lexicon().indicators]
    assert len(keys) == len(set(keys))
    assert all(k == k.lower() and " " not in k for k in keys)
