"""The pre-2025 gazetteer (vietnamadminunits) and reading place names from text."""

from __future__ import annotations

import pytest

from extract.extractors.places import LEVELS, find_mentions, gazetteer


@pytest.fixture(scope="module")
def gaz():
    return gazetteer()


def test_gazetteer_holds_the_pre_2025_units_with_gso_codes(gaz):
    by_level = {lv: [u for u in gaz.units if u.level == lv] for lv in LEVELS}
    assert len(by_level["province"]) == 63
    assert len(by_level["district"]) > 690
    assert len(by_level["commune"]) > 10_000
    assert all(len(u.code) == 2 for u in by_level["province"])
    assert all(len(u.code) == 3 for u in by_level["district"])
    assert all(len(u.code) == 5 for u in by_level["commune"])
    assert len({u.code for u in by_level["commune"]}) == len(by_level["commune"])


@pytest.mark.parametrize(
    "name, levels, kinds, expect",
    [
        ("Hà Nội", ("province",), (), [("province", "01")]),
        ("Thanh Hoá", ("province",), (), [("province", "38")]),  # old tone placement
        ("Cầu Ngang", ("district",), ("Huyện",), [("district", "848")]),
        ("Mường Nhé", ("district",), ("Huyện",), [("district", "096")]),
        ("Quận 3", ("district",), ("Quận",), [("district", "770")]),
    ],
)
def test_lookup(gaz, name, levels, kinds, expect):
    assert [(u.level, u.code) for u in gaz.lookup(name, levels, kinds)] == expect


def test_a_district_name_shared_by_several_provinces_returns_every_one(gaz):
    units = gaz.lookup("Châu Thành", ("district",))
    assert len(units) >= 10
    assert len({u.province_code for u in units}) == len(units)


def test_a_name_that_is_both_a_district_and_its_town(gaz):
    assert {u.level for u in gaz.lookup("Cầu Ngang")} == {"district", "commune"}


def test_parents_of_a_commune(gaz):
    commune = gaz.lookup("Cẩm Châu", ("commune",), ("Xã",))[0]
    assert gaz.parent(commune, "district").name == "Cẩm Thủy"
    assert gaz.parent(commune, "province").name == "Thanh Hóa"
    assert gaz.contains(gaz.parent(commune, "province"), commune)


@pytest.mark.parametrize(
    "text, found",
    [
        ("trên địa bàn xã Cẩm Châu", [("Cẩm Châu", "commune")]),
        ("ỦY BAN NHÂN DÂN\nHUYỆN TRÀ CÚ", [("Trà Cú", "district")]),
        ("của UBND huyện Cẩm Thủy về Triển khai", [("Cẩm Thủy", "district")]),
        ("huyện Tân Yên năm 2024", [("Tân Yên", "district")]),
        ("Phường 1, thành phố Trà Vinh", [("Phường 1", "commune"), ("Trà Vinh", "district")]),
        ("TP. Hồ Chí Minh", [("Hồ Chí Minh", "province")]),
        ("Huyện ủy Mường Nhé", [("Mường Nhé", "district")]),
        ("Phòng Lao động - Thương binh và Xã hội", []),
        ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", []),
        ("trên địa bàn các huyện nghèo", []),
        ("UBND xã An Thạnh", [("An Thạnh", "commune")]),  # "an" after "xã" blocks only in lower case
        ("cả hệ thống chính trị và toàn xã hội", []),
    ],
)
def test_find_mentions(text, found):
    got = [(m.name, m.levels[0]) for m in find_mentions(text)]
    assert got == found


def test_mention_spans_index_the_text():
    text = "Kế hoạch của UBND huyện Cẩm Thủy về giảm nghèo"
    m = find_mentions(text)[0]
    assert text[m.start : m.end] == "huyện Cẩm Thủy"


def test_a_former_name_resolves_to_its_successor_unit(gaz):
    # "huyện Quế Võ" became "thị xã Quế Võ" (Bắc Ninh) in 2023; the level word is the old one
    units = find_mentions("huyện Quế Võ")[0].units
    assert [(u.kind, u.name) for u in units] == [("Thị xã", "Quế Võ")]


def test_province_successor_after_2025(gaz):
    assert gaz.successor(gaz.lookup("Trà Vinh", ("province",))[0]).province == "Vĩnh Long"
    assert gaz.successor(gaz.lookup("Thanh Hóa", ("province",))[0]).province == "Thanh Hóa"
    assert all(gaz.successor(u).province for u in gaz.units if u.level == "province")


def test_no_pre_2025_province_is_split_between_successors(gaz):
    assert not any(len(v) != 1 for v in gaz._province_successor.values())


def test_a_commune_split_in_2025_is_ambiguous_not_assigned(gaz):
    split = [u for u in gaz.units if u.level == "commune" and gaz.successor(u).ambiguous]
    assert split, "the package lists communes divided between several 2025 communes"
    assert all(len(gaz.successor(u).communes) > 1 for u in split)
    whole = [u for u in gaz.units if u.level == "commune" and len(gaz.successor(u).communes) == 1]
    assert len(whole) > len(split)


def test_unit_found_under_former_name_keeps_the_printed_name():
    """Regression: a commune merged before 2025 came out under its successor's name.

    The gazetteer knows "A Xing" only as a former name of the merged commune; the plan's
    own name is the fact, the code says which unit it became.
    """
    from extract.extractors.places import find_mentions, gazetteer

    mentions = find_mentions("UỶ BAN NHÂN DÂN XÃ A XING", gaz=gazetteer())
    assert [m.name for m in mentions] == ["A Xing"]
    assert len(mentions[0].units) == 1 and mentions[0].units[0].name != "A Xing"
