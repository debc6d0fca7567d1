"""documents.programme: which national target programme a document is for, from its title,
then its legal bases, then its body, with the words that decided it."""

from __future__ import annotations

import pytest
from conftest import ROOT

from extract.pipeline import extract_bytes
from extract.vocabulary import PROGRAMMES

CRAWL = ROOT / "tests" / "fixtures" / "crawl"

LETTERHEAD = """ỦY BAN NHÂN DÂN
HUYỆN KỲ SƠN
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 45/KH-UBND
Kỳ Sơn, ngày 10 tháng 3 năm {year}

KẾ HOẠCH
{title}

"""

BODY = """
I. MỤC ĐÍCH, YÊU CẦU
Triển khai kịp thời các nhiệm vụ được giao trên địa bàn huyện.
II. TỔ CHỨC THỰC HIỆN
Các cơ quan, đơn vị liên quan tổ chức thực hiện.
"""


def _extract(text: str, name: str = "plan.txt"):
    return extract_bytes(text.encode("utf-8"), name)


def _plan(title: str, bases: str = "", year: int = 2023) -> dict:
    return _extract(LETTERHEAD.format(year=year, title=title) + bases + BODY).document


@pytest.mark.parametrize(
    "title, year, expected",
    [
        ("Thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2023", 2023, "poverty_2021_2025"),
        ("Thực hiện Chương trình MTQG giảm nghèo bền vững giai đoạn 2021 - 2025", 2022, "poverty_2021_2025"),
        ("Thực hiện Chương trình giảm nghèo bền vững năm 2018 trên địa bàn huyện", 2018, "poverty_2016_2020"),
        ("Triển khai Chương trình giảm nghèo bền vững giai đoạn 2016 - 2020", 2016, "poverty_2016_2020"),
        (
            "Thực hiện Chương trình giảm nghèo bền vững trên địa bàn huyện, giai đoạn 2013 - 2015",
            2013,
            "poverty_2011_2015",
        ),
        ("Thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm 2023", 2023, "new_rural"),
        (
            "Thực hiện Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số "
            "và miền núi năm 2023",
            2023,
            "ethnic_minority",
        ),
        ("Triển khai Chương trình mục tiêu quốc gia phòng, chống ma túy đến năm 2030", 2025, "drug_prevention"),
        (
            "Thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới, giảm nghèo bền vững và phát triển "
            "kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi năm 2026",
            2026,
            "merged_2026_2035",
        ),
        ("Phân bổ vốn thực hiện các chương trình mục tiêu quốc gia năm 2023", 2023, "several"),
        (
            "Lồng ghép Chương trình mục tiêu quốc gia giảm nghèo bền vững với Chương trình mục tiêu quốc gia "
            "xây dựng nông thôn mới năm 2023",
            2023,
            "several",
        ),
        ("Thực hiện công tác giảm nghèo năm 2022 trên địa bàn huyện", 2022, "poverty_2021_2025"),
        ("Cải cách hành chính năm 2023", 2023, "none"),
    ],
)
def test_the_title_decides(title, year, expected):
    d = _plan(title, year=year)
    assert d["programme"] == expected
    if expected == "none":
        assert d["programme_quote"] is None
    else:
        assert (
            d["programme_quote"]
            and d["text"][d["programme_char_start"] : d["programme_char_end"]] == d["programme_quote"]
        )


def test_the_bases_decide_when_the_title_names_no_programme():
    bases = (
        "Căn cứ Nghị quyết số 24/2021/QH15 ngày 28/7/2021 của Quốc hội phê duyệt chủ trương đầu tư Chương trình;\n"
        "Căn cứ Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ;\n"
    )
    d = _plan("Giám sát, đánh giá việc thực hiện Chương trình trên địa bàn huyện", bases)
    assert d["programme"] == "poverty_2021_2025"
    assert d["programme_quote"] == "24/2021/QH15"


def test_a_decision_number_reissued_in_another_year_is_not_the_programme():
    """Every year has a Quyết định 90/QĐ-TTg; only the one of 18/01/2022 approved the programme."""
    bases = "Căn cứ Quyết định số 90/QĐ-TTg ngày 21/01/2019 của Thủ tướng Chính phủ về công tác dân số;\n"
    assert _plan("Thực hiện công tác dân số năm 2023", bases)["programme"] == "none"


def test_bases_of_two_programmes_cited_alike_make_several():
    bases = (
        "Căn cứ Nghị quyết số 24/2021/QH15 ngày 28/7/2021 của Quốc hội;\n"
        "Căn cứ Nghị quyết số 25/2021/QH15 ngày 28/7/2021 của Quốc hội;\n"
        "Căn cứ Nghị quyết số 120/2020/QH14 ngày 19/6/2020 của Quốc hội;\n"
    )
    assert _plan("Quy định cơ chế huy động nguồn lực giai đoạn 2021 - 2025", bases)["programme"] == "several"


def test_a_passing_mention_in_the_body_is_no_programme():
    text = (
        LETTERHEAD.format(year=2023, title="Phát triển du lịch cộng đồng năm 2023")
        + BODY
        + ("Lồng ghép với các nguồn vốn của Chương trình mục tiêu quốc gia xây dựng nông thôn mới.\n")
    )
    assert _extract(text).document["programme"] == "none"


def test_a_sites_list_of_related_documents_before_the_letterhead_does_not_count():
    related = (
        "- 1 Quyết định 263/QĐ-TTg năm 2022 phê duyệt Chương trình mục tiêu quốc gia xây dựng nông thôn mới\n"
        "- 2 Quyết định 1719/QĐ-TTg năm 2021 phê duyệt Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội "
        "vùng đồng bào dân tộc thiểu số và miền núi\n"
    )
    title = "Thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2023"
    d = _extract(related + LETTERHEAD.format(year=2023, title=title) + BODY).document
    assert d["programme"] == "poverty_2021_2025"


def test_a_news_item_about_poverty_reduction_is_for_the_programme_of_its_years():
    text = (
        "Huyện vùng cao phấn đấu giảm tỷ lệ hộ nghèo năm 2024 còn 12%\n"
        "Năm 2024, huyện đặt mục tiêu giảm tỷ lệ hộ nghèo 3%, tạo việc làm cho 800 lao động.\n"
    )
    assert _extract(text, "news.txt").document["programme"] == "poverty_2021_2025"


@pytest.mark.parametrize(
    "name, expected",
    [
        ("em_plan.txt", "ethnic_minority"),
        ("drug_plan.txt", "drug_prevention"),
        ("ntm_plan.txt", "new_rural"),
        ("land_prices.txt", "none"),
        ("qa_article.txt", "none"),
        ("sports_news.txt", "none"),
        ("navigation_page.txt", "none"),
        ("qa_page.html", "none"),
        ("other_subject_page.html", "none"),
    ],
)
def test_crawled_pages_of_other_programmes_and_subjects(name, expected):
    ex = extract_bytes((CRAWL / name).read_bytes(), name)
    assert ex.document["programme"] == expected


def test_documents_of_another_programme_get_no_components_of_ours():
    """Regression: an ethnic-minority plan's Dự án 5 Tiểu dự án 3 (vocational training) became DA4.1, and
    a drug-prevention plan's Dự án 7 (monitoring) DA7; their money and tasks were filed under our codes."""
    for name in ("em_plan.txt", "drug_plan.txt", "ntm_plan.txt"):
        ex = extract_bytes((CRAWL / name).read_bytes(), name)
        assert ex.rows.get("components", []) == [], name
        for table in ("amounts", "assignments", "targets"):
            assert all(r["component"] is None for r in ex.rows.get(table, [])), (name, table)


def test_the_same_sections_under_our_programme_are_components():
    text = (CRAWL / "drug_plan.txt").read_text(encoding="utf-8")
    ours = text.replace(
        "Chương trình mục tiêu quốc gia phòng, chống ma túy đến năm 2030",
        "Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2025",
    )
    ours = ours.replace("163/2024/QH15", "24/2021/QH15")
    ex = _extract(ours)
    assert ex.document["programme"] == "poverty_2021_2025"
    assert "DA7" in {r["code"] for r in ex.rows["components"]}


def test_the_vocabulary_is_the_specs():
    assert PROGRAMMES == (
        "poverty_2021_2025",
        "poverty_2016_2020",
        "poverty_2011_2015",
        "new_rural",
        "ethnic_minority",
        "drug_prevention",
        "merged_2026_2035",
        "several",
        "none",
    )
