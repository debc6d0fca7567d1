"""Places that do not nest are never moved to another unit that bears the name (issue 17).

A commune the text puts in a district that has no commune of that name, or a district the
text puts in a province that has no such district, keeps the names as printed; codes are
kept only for the units that exist where the text puts them, and a `checks` row says so.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.extractors import metadata
from extract.extractors.checkrows import CheckKind
from extract.pipeline import Context, read_document
from extract.settings import DEFAULT_SETTINGS

SAMPLE = Path(__file__).resolve().parents[2] / "corpus" / "txt" / "000_cac69059bff0fcfb.txt"


def _meta(text: str) -> tuple[dict, list[dict]]:
    doc = read_document(text.encode("utf-8"))
    ctx = Context(DEFAULT_SETTINGS)
    metadata.extract(doc, ctx)
    return ctx.meta, ctx.rows["checks"]


def _places(meta: dict) -> tuple:
    return tuple(meta[k] for k in ("admin_level", "province", "province_code", "district", "district_code"))


def _commune_plan(where: str) -> str:
    return (
        "ỦY BAN NHÂN DÂN\nXÃ TÂN LẬP\nSố: 5/KH-UBND\nTân Lập, ngày 3 tháng 3 năm 2023\nKẾ HOẠCH\n"
        f"Giảm nghèo bền vững năm 2023 trên địa bàn {where}\nI. MỤC TIÊU\nNội dung.\n"
    )


def test_regression_commune_not_in_the_named_district_is_not_moved_to_another_district():
    meta, checks = _meta(_commune_plan("xã Tân Lập, huyện Tân Yên, tỉnh Bắc Giang"))
    assert _places(meta) == ("commune", "Bắc Giang", "24", "Tân Yên", "216")
    assert (meta["commune"], meta["commune_code"]) == ("Tân Lập", None)
    [check] = [c for c in checks if c["kind"] == CheckKind.PLACE_MISMATCH]
    assert check["quote"] == "xã Tân Lập, huyện Tân Yên, tỉnh Bắc Giang"
    assert check["found"] == "xã Tân Lập, huyện Tân Yên, tỉnh Bắc Giang"
    assert check["expected"].startswith("Xã Tân Lập (Lục Ngạn, Bắc Giang, 07594)")
    assert "Tân Yên" in check["detail"] and "Bắc Giang" in check["detail"] and check["char_start"] is not None
    assert not [c for c in checks if c["kind"].startswith("jurisdiction")]


def test_regression_commune_whose_district_is_named_only_in_the_body():
    meta, checks = _meta(
        "ỦY BAN NHÂN DÂN\nXÃ TÂN LẬP\nSố: 5/KH-UBND\nTân Lập, ngày 3 tháng 3 năm 2023\nKẾ HOẠCH\n"
        "Giảm nghèo bền vững năm 2023\nI. MỤC TIÊU\n"
        "Thực hiện Kế hoạch số 1/KH-UBND ngày 5/1/2023 của UBND huyện Tân Yên, tỉnh Bắc Giang.\n"
    )
    assert _places(meta) == ("commune", "Bắc Giang", "24", "Tân Yên", "216")
    assert (meta["commune"], meta["commune_code"]) == ("Tân Lập", None)
    [check] = [c for c in checks if c["kind"] == CheckKind.PLACE_MISMATCH]
    assert check["quote"] == "huyện Tân Yên, tỉnh Bắc Giang"


def test_commune_in_the_district_the_text_names_is_unchanged():
    meta, checks = _meta(_commune_plan("xã Tân Lập, huyện Lục Ngạn, tỉnh Bắc Giang"))
    assert _places(meta) == ("commune", "Bắc Giang", "24", "Lục Ngạn", "219")
    assert (meta["commune"], meta["commune_code"]) == ("Tân Lập", "07594")
    assert not [c for c in checks if c["kind"] in (CheckKind.PLACE_MISMATCH, CheckKind.JURISDICTION_AMBIGUOUS)]


def test_the_named_district_picks_the_commune_among_namesakes():
    meta, checks = _meta(_commune_plan("xã Tân Lập, huyện Đan Phượng"))
    assert _places(meta) == ("commune", "Hà Nội", "01", "Đan Phượng", "273")
    assert meta["commune_code"] == "09820"
    assert not [c for c in checks if c["kind"] == CheckKind.PLACE_MISMATCH or c["kind"].startswith("jurisdiction")]


def test_district_in_another_province_keeps_only_the_province_code():
    meta, checks = _meta(_commune_plan("xã Tân Lập, huyện Đan Phượng, tỉnh Bắc Giang"))
    assert _places(meta) == ("commune", "Bắc Giang", "24", "Đan Phượng", None)
    assert (meta["commune"], meta["commune_code"]) == ("Tân Lập", None)
    assert [c["kind"] for c in checks if c["kind"] == CheckKind.PLACE_MISMATCH] == ["place_mismatch"]


def test_district_in_none_of_several_named_provinces_keeps_no_codes():
    meta, checks = _meta(
        "ỦY BAN NHÂN DÂN\nHUYỆN HÒA BÌNH\nSố: 5/KH-UBND\nKẾ HOẠCH\nGiảm nghèo năm 2023 trên địa bàn huyện Hòa Bình\n"
        "I. MỤC TIÊU\nĐưa lao động đi làm việc tại tỉnh Bình Dương; tỉnh Trà Vinh.\n"
    )
    assert _places(meta) == ("district", None, None, "Hòa Bình", None)
    assert meta["province_2025"] is None
    [check] = [c for c in checks if c["kind"] == CheckKind.PLACE_MISMATCH]
    assert "Bạc Liêu" in check["expected"]


def test_regression_district_renamed_in_a_letterhead_keeps_the_named_province():
    meta, checks = _meta(
        "ỦY BAN NHÂN DÂN\nHUYỆN HÒA BÌNH\nSố: 5/KH-UBND\nHòa Bình, ngày 3 tháng 3 năm 2023\nKẾ HOẠCH\n"
        "Giảm nghèo bền vững năm 2023 trên địa bàn huyện Hòa Bình, tỉnh Trà Vinh\nI. MỤC TIÊU\nNội dung.\n"
    )
    assert _places(meta) == ("district", "Trà Vinh", "84", "Hòa Bình", None)
    assert meta["province_2025"] == "Vĩnh Long"
    [check] = [c for c in checks if c["kind"] == CheckKind.PLACE_MISMATCH]
    assert check["quote"] == "huyện Hòa Bình, tỉnh Trà Vinh"
    assert "Bạc Liêu" in check["expected"] and "Trà Vinh" in check["detail"]


def test_regression_sample_text_with_its_district_renamed_is_not_moved_to_another_province():
    text = SAMPLE.read_text(encoding="utf-8").replace("Trà Cú", "Hòa Bình")
    meta, checks = _meta(text)
    assert _places(meta) == ("district", "Trà Vinh", "84", "Hòa Bình", None)
    [check] = [c for c in checks if c["kind"] == CheckKind.PLACE_MISMATCH]
    assert check["quote"] == "tỉnh Trà Vinh" and check["char_start"] is not None


def test_sample_district_text_unchanged():
    meta, checks = _meta(SAMPLE.read_text(encoding="utf-8"))
    assert _places(meta) == ("district", "Trà Vinh", "84", "Trà Cú", "849")
    assert not [c for c in checks if c["kind"] == CheckKind.PLACE_MISMATCH]


def test_regression_letterhead_district_with_no_such_district_keeps_its_level_and_name():
    """ "ỦY BAN NHÂN DÂN / HUYỆN AN THẠNH": the gazetteer has communes named An Thạnh in
    several provinces but no district; the plan is a district's, stored as printed without
    a code and with a check, not made a commune's from its place line."""
    meta, checks = _meta(
        "ỦY BAN NHÂN DÂN\nHUYỆN AN THẠNH\nSố: 12/KH-UBND\nAn Thạnh, ngày 3 tháng 4 năm 2023\nKẾ HOẠCH\n"
        "Thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2023\nI. MỤC TIÊU\nNội dung.\n"
    )
    assert _places(meta) == ("district", None, None, "An Thạnh", None)
    assert meta["commune"] is None and meta["issuer"] == "UBND huyện An Thạnh"
    [check] = [c for c in checks if c["kind"] == CheckKind.JURISDICTION_UNRESOLVED]
    assert "district" in check["detail"] and check["quote"] == "HUYỆN AN THẠNH"
    assert not [c for c in checks if c["kind"] == CheckKind.JURISDICTION_AMBIGUOUS]


def test_letterhead_line_that_is_not_a_unit_is_not_read_as_one():
    meta, _ = _meta(
        "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nSố: 12/KH-SLĐTBXH\nngày 3 tháng 4 năm 2023\nKẾ HOẠCH\n"
        "Giảm nghèo bền vững năm 2023\nI. MỤC TIÊU\nNội dung.\n"
    )
    assert meta["commune"] is None


def _district_plan(head: str) -> str:
    return (
        f"{head}\nSố: 12/KH-UBND\nngày 3 tháng 4 năm 2023\nKẾ HOẠCH\n"
        "Thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2023\nI. MỤC TIÊU\nNội dung.\n"
    )


def test_regression_letterhead_name_longer_than_a_units_is_not_cut_to_it():
    """ "HUYỆN LỤC NAM XUYÊN" was stored as Lục Nam, code and all: a unit whose name is only
    the first words of the printed one is named in the check, not taken."""
    meta, checks = _meta(_district_plan("UBND TỈNH BẮC GIANG\nUBND HUYỆN LỤC NAM XUYÊN"))
    assert _places(meta) == ("district", "Bắc Giang", "24", "Lục Nam Xuyên", None)
    assert meta["issuer"].endswith("huyện Lục Nam Xuyên")
    [check] = [c for c in checks if c["kind"] == CheckKind.JURISDICTION_UNRESOLVED]
    assert check["quote"] == "HUYỆN LỤC NAM XUYÊN" and "Lục Nam (Bắc Giang" in check["expected"]


@pytest.mark.parametrize(
    "head", ["UBND HUYỆN CHÂU THÀNH TỈNH TRÀ VINH", "ỦY BAN NHÂN DÂN\nHUYỆN CHÂU THÀNH\nTỈNH TRÀ VINH"]
)
def test_regression_letterhead_naming_the_district_and_its_province_is_the_districts(head):
    """The issuing body named with the province it lies in was read at the province's level."""
    meta, checks = _meta(_district_plan(head))
    assert _places(meta)[:4] == ("district", "Trà Vinh", "84", "Châu Thành")
    assert meta["district_code"] is not None
    assert not [c for c in checks if c["kind"].startswith("jurisdiction")]
