"""Agency names: the lexicon, abbreviations, level words, collectives, catch-alls, shapes."""

from __future__ import annotations

import pytest

from extract import rules
from extract.extractors import agencies
from extract.text.normalize import key


def bodies(text: str, level: str | None = "district") -> list[tuple[str, str | None, str | None]]:
    return [(m.name, m.kind, m.level) for m in agencies.find_mentions(text, level) if m.is_agency]


# (as written, the plan's level, the one body it names: (name, kind, level))
NAMES = [
    (
        "Phòng Lao động - Thương binh và Xã hội",
        "district",
        ("Phòng Lao động - Thương binh và Xã hội", "labour_social", "district"),
    ),
    ("Phòng LĐTB&XH", "district", ("Phòng Lao động - Thương binh và Xã hội", "labour_social", "district")),
    ("Phòng LĐTBXH", "district", ("Phòng Lao động - Thương binh và Xã hội", "labour_social", "district")),
    ("Phòng Lao động - TB&XH", "district", ("Phòng Lao động - Thương binh và Xã hội", "labour_social", "district")),
    ("Sở LĐ-TB&XH", "province", ("Sở Lao động - Thương binh và Xã hội", "labour_social", "province")),
    (
        "Sở Lao động – Thương binh và Xã hội",
        "province",
        ("Sở Lao động - Thương binh và Xã hội", "labour_social", "province"),
    ),
    ("Phòng NN&PTNT", "district", ("Phòng Nông nghiệp và Phát triển nông thôn", "agriculture", "district")),
    ("Sở TT&TT", "province", ("Sở Thông tin và Truyền thông", "information", "province")),
    ("Phòng TC-KH", "district", ("Phòng Tài chính - Kế hoạch", "finance_planning", "district")),
    ("Phòng VH&TT", "district", ("Phòng Văn hóa và Thông tin", "culture_information", "district")),
    ("Phòng KT-HT", "district", ("Phòng Kinh tế - Hạ tầng", "economy_infrastructure", "district")),
    ("Phòng GD&ĐT", "district", ("Phòng Giáo dục và Đào tạo", "education", "district")),
    ("Phòng Tư pháp", "district", ("Phòng Tư pháp", "justice", "district")),
    ("Phòng Nội vụ", "district", ("Phòng Nội vụ", "home_affairs", "district")),
    ("Phòng Dân tộc", "district", ("Phòng Dân tộc", "ethnic_affairs", "district")),
    ("Phòng Tài nguyên và Môi trường", "district", ("Phòng Tài nguyên và Môi trường", "natural_resources", "district")),
    (
        "Phòng Giao dịch NHCSXH huyện",
        "district",
        ("Phòng Giao dịch Ngân hàng Chính sách xã hội huyện", "social_policy_bank", "district"),
    ),
    (
        "Chi nhánh Ngân hàng Chính sách xã hội tỉnh",
        "province",
        ("Chi nhánh Ngân hàng Chính sách xã hội tỉnh", "social_policy_bank", "province"),
    ),
    ("Bảo hiểm xã hội tỉnh", "province", ("Bảo hiểm xã hội tỉnh", "social_insurance", "province")),
    # a body of the issuing locality keeps the level word the plan writes, and only then
    ("Trung tâm Y tế huyện", "district", ("Trung tâm Y tế huyện", "health", "district")),
    (
        "Trung tâm Văn hóa – Thông tin và Thể thao",
        "district",
        ("Trung tâm Văn hóa - Thông tin và Thể thao", "culture_information", "district"),
    ),
    (
        "Trung tâm Văn hóa - Thông tin và Thể thao huyện",
        "district",
        ("Trung tâm Văn hóa - Thông tin và Thể thao huyện", "culture_information", "district"),
    ),
    ("Ban Dân tộc huyện", "district", ("Ban Dân tộc huyện", "ethnic_affairs", "district")),
    ("Ban Dân tộc", "province", ("Ban Dân tộc", "ethnic_affairs", "province")),
    (
        "Ủy ban Mặt trận Tổ quốc Việt Nam huyện",
        "district",
        ("Ủy ban Mặt trận Tổ quốc Việt Nam huyện", "front", "district"),
    ),
    ("UBMTTQ xã", "commune", ("Ủy ban Mặt trận Tổ quốc xã", "front", "commune")),
    ("Ủy ban MTTQ Việt Nam tỉnh", "province", ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "front", "province")),
    ("Hội Liên hiệp Phụ nữ huyện", "district", ("Hội Liên hiệp Phụ nữ huyện", "mass_organisation", "district")),
    ("Hội Nông dân", "commune", ("Hội Nông dân", "mass_organisation", "commune")),
    # People's Committees: one body, or all of a level's taken together
    ("UBND huyện", "district", ("Ủy ban nhân dân huyện", "people_committee", "district")),
    ("UBND các xã, thị trấn", "district", ("UBND cấp xã", "people_committee", "commune")),
    ("Ủy ban nhân dân các xã", "district", ("UBND cấp xã", "people_committee", "commune")),
    ("UBND xã, thị trấn", "district", ("UBND cấp xã", "people_committee", "commune")),
    ("UBND các xã, phường, thị trấn", "district", ("UBND cấp xã", "people_committee", "commune")),
    ("Ủy ban nhân dân các huyện, thị xã, thành phố", "province", ("UBND cấp huyện", "people_committee", "district")),
    ("UBND cấp xã", "district", ("UBND cấp xã", "people_committee", "commune")),
    ("UBND xã", "district", ("UBND cấp xã", "people_committee", "commune")),
    ("UBND xã", "commune", ("Ủy ban nhân dân xã", "people_committee", "commune")),
    # commune bodies and civil servants
    ("Văn phòng HĐND&UBND xã", "commune", ("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã", "office", "commune")),
    (
        "Văn phòng HĐND và UBND huyện",
        "district",
        ("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện", "office", "district"),
    ),
    ("Trạm y tế xã", "commune", ("Trạm Y tế xã", "health", "commune")),
    ("Công chức Văn hóa – xã hội", "commune", ("Công chức Văn hóa - Xã hội", "commune_officer", "commune")),
    ("Công chức VH-XH", "commune", ("Công chức Văn hóa - Xã hội", "commune_officer", "commune")),
    ("Công chức Tài chính Kế toán", "commune", ("Công chức Tài chính Kế toán", "commune_officer", "commune")),
    ("Công chức Tài chính – Kế toán", "commune", ("Công chức Tài chính - Kế toán", "commune_officer", "commune")),
    ("Công chức Tư pháp - Hộ tịch", "commune", ("Công chức Tư pháp - Hộ tịch", "commune_officer", "commune")),
    # provincial departments and ministries
    ("Sở Y tế", "province", ("Sở Y tế", "health", "province")),
    ("Sở Văn hóa, Thể thao và Du lịch", "province", ("Sở Văn hóa, Thể thao và Du lịch", "culture", "province")),
    ("Sở KH&ĐT", "province", ("Sở Kế hoạch và Đầu tư", "planning_investment", "province")),
    (
        "Bộ Lao động - Thương binh và Xã hội",
        "province",
        ("Bộ Lao động - Thương binh và Xã hội", "labour_social", "central"),
    ),
]


@pytest.mark.parametrize("written,level,expected", NAMES, ids=[n[0] for n in NAMES])
def test_names(written, level, expected):
    assert bodies(written, level) == [expected]


def test_spelling_as_written_is_kept():
    """A full name spelled another way stays as written: the plan's spelling is the fact."""
    assert bodies("Phòng Giáo dục - Đào tạo")[0][0] == "Phòng Giáo dục - Đào tạo"
    assert bodies("Phòng Giáo dục - Đào tạo")[0][1] == "education"


def test_name_broken_over_lines_and_spaces():
    assert bodies("Phòng Lao động -\nThương binh   và Xã hội") == [
        ("Phòng Lao động - Thương binh và Xã hội", "labour_social", "district")
    ]


def test_old_style_tone_marks():
    assert bodies("Trung tâm Văn hoá - Thông tin và Thể thao")[0][0] == "Trung tâm Văn hóa - Thông tin và Thể thao"


CATCHALLS = [
    "các cơ quan, đơn vị có liên quan",
    "các phòng, ban, ngành huyện",
    "các phòng ban ngành huyện",
    "Các phòng, ban, ngành đoàn thể huyện có liên quan",
    "các sở, ban, ngành",
    "các sở, ngành cơ quan liên quan",
    "địa phương",
    "các thôn",
    "thôn",
    "các công chức liên quan",
    "các công chức, các ban, ngành, đơn vị có liên quan",
    "các tổ chức chính trị - xã hội",
    "các đoàn thể",
    "các Trạm y tế xã",
]


@pytest.mark.parametrize("text", CATCHALLS)
def test_catchalls_are_not_bodies(text):
    assert bodies(text) == []


def test_collective_is_not_a_catchall():
    assert bodies("Ủy ban nhân dân các xã có liên quan") == [("UBND cấp xã", "people_committee", "commune")]


# bodies the lexicon does not list, read by their shape: kind unknown
SHAPES = [
    ("Phòng Quản lý Dự án", ("Phòng Quản lý Dự án", None, "district")),
    ("Trung tâm Chính trị huyện", ("Trung tâm Chính trị huyện", None, "district")),
    ("Ban Quản lý dự án đầu tư huyện", ("Ban Quản lý dự án đầu tư huyện", None, "district")),
    ("Công chức Văn phòng Đảng ủy", ("Công chức Văn phòng Đảng ủy", None, "commune")),
    ("Sở Quy hoạch - Kiến trúc", ("Sở Quy hoạch - Kiến trúc", None, "province")),
    ("Trạm Khuyến nông xã", ("Trạm Khuyến nông xã", None, "commune")),
]


@pytest.mark.parametrize("text,expected", SHAPES, ids=[s[0] for s in SHAPES])
def test_unknown_bodies_by_shape(text, expected):
    assert bodies(text) == [expected]


@pytest.mark.parametrize("text", ["Phòng, ban chuyên môn", "Ban, ngành", "Hội nghị", "các Phòng chuyên môn"])
def test_not_shaped_like_a_body(text):
    assert bodies(text) == []


def test_list_with_unknown_and_known_bodies():
    text = "Phòng Quản lý Dự án, Phòng LĐTB&XH và Trung tâm Chính trị huyện"
    assert [n for n, _, _ in bodies(text)] == [
        "Phòng Quản lý Dự án",
        "Phòng Lao động - Thương binh và Xã hội",
        "Trung tâm Chính trị huyện",
    ]


def test_unknown_body_keeps_its_va():
    """An unknown name holding "và" is not cut at it: what follows opens no new item."""
    assert bodies("Ban Quản lý Khu kinh tế và Công nghiệp") == [
        ("Ban Quản lý Khu kinh tế và Công nghiệp", None, "district")
    ]


def test_unknown_bodies_on_separate_lines():
    assert [n for n, _, _ in bodies("Ban Quản lý Dự án\nTrung tâm Chính trị")] == [
        "Ban Quản lý Dự án",
        "Trung tâm Chính trị",
    ]


def test_regression_listed_body_inside_an_unknown_name():
    """ "Văn phòng Huyện ủy" once came out as "Huyện ủy": a listed body at the end of a longer
    unknown name is part of that name, while a listed body after a separator is its own."""
    assert [n for n, _, _ in bodies("Văn phòng Huyện ủy, Phòng LĐTB&XH")] == [
        "Văn phòng Huyện ủy",
        "Phòng Lao động - Thương binh và Xã hội",
    ]
    assert [n for n, _, _ in bodies("Trung tâm Chính trị, UBND các xã")] == ["Trung tâm Chính trị", "UBND cấp xã"]
    assert [n for n, _, _ in bodies("Trung tâm Chính trị và Ban Dân tộc")] == ["Trung tâm Chính trị", "Ban Dân tộc"]


def test_regression_abbreviation_with_ampersand_is_expanded():
    """The abbreviation pattern once escaped "&" and then rewrote the escape, so
    "LĐTB&XH" was never expanded and the name came out as "Phòng LĐTB và XH"."""
    assert agencies.expand("Phòng LĐTB&XH") == "Phòng Lao động - Thương binh và Xã hội"
    assert agencies.expand("Văn phòng HĐND & UBND") == "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân"


def test_spans_point_into_the_text():
    text = "phối hợp với Phòng LĐTB&XH, Trung tâm Y tế huyện"
    for m in agencies.find_mentions(text, "district"):
        assert text[m.start : m.end] == m.raw


def test_lexicon_forms_are_distinct():
    """No two bodies share a form: a form must name one body."""
    seen = {}
    for b in agencies.lexicon().bodies:
        for k in b.spellings:
            assert k not in seen, f"{k!r} is listed for {seen.get(k)} and {b.name}"
            seen[k] = b.name


def test_rules_load_and_validate():
    entries = rules.load("agencies")
    assert any(e["kind"] == "abbreviation" and e["short"] == "LĐTB&XH" for e in entries)
    assert all(e["level"] in (*agencies.LEVELS, "any") for e in entries if e["kind"] == "body")
    assert rules.load("agency_catchalls")


def test_no_sample_locality_in_rules():
    """The lexicon holds body types, never the names of the sample plans' localities."""
    text = key(" ".join(str(v) for e in rules.load("agencies") + rules.load("agency_catchalls") for v in e.values()))
    for place in (
        "trà cú",
        "cầu ngang",
        "tân yên",
        "vĩnh long",
        "cẩm châu",
        "cẩm thủy",
        "trà vinh",
        "bắc giang",
        "thanh hóa",
    ):
        assert place not in text
