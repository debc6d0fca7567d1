"""Document metadata: golden values for every rendition, and the cases each source brings."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import GOLD, RENDITIONS, doc_id_of, gold_for

from extract.analysis.evaluate import META_FIELDS, evaluate
from extract.extractors import metadata
from extract.extractors.places import gazetteer
from extract.extractors.references import clean_number
from extract.pipeline import Context, read_document
from extract.settings import DEFAULT_SETTINGS


def _row(con, file_name: str) -> dict:
    stored = {
        r[0] for r in con.execute("SELECT column_name FROM duckdb_columns() WHERE table_name = 'documents'").fetchall()
    }
    cols = [f for f in META_FIELDS if f in stored] + [
        "issuer",
        "title",
        "province_code",
        "district_code",
        "commune_code",
        "province_2025",
    ]
    values = con.execute(f"SELECT {', '.join(cols)} FROM documents WHERE file_name = ?", [file_name]).fetchone()
    return dict(zip(cols, values))


@pytest.mark.parametrize("path", RENDITIONS, ids=lambda p: p.name)
def test_golden_metadata(corpus_con, path: Path):
    want = gold_for(path.stem)["document"]
    got = _row(corpus_con, path.name)
    fields = [f for f in META_FIELDS if f in want]
    assert len(fields) >= 9
    assert {f: got[f] for f in fields} == {f: want[f] for f in fields}


@pytest.mark.parametrize("path", RENDITIONS, ids=lambda p: p.name)
def test_every_sample_plan_carries_its_official_codes(corpus_con, path: Path):
    want = gold_for(path.stem)["document"]
    got = _row(corpus_con, path.name)
    gaz = gazetteer()
    province = gaz.lookup(want["province"], ("province",))
    assert len(province) == 1 and got["province_code"] == province[0].code
    assert got["province_2025"] == gaz.successor(province[0]).province
    if want["district"]:
        district = [u for u in gaz.lookup(want["district"], ("district",)) if u.province_code == got["province_code"]]
        assert got["district_code"] == district[0].code
    else:
        assert got["district_code"] is None
    if want["commune"]:
        commune = [u for u in gaz.lookup(want["commune"], ("commune",)) if u.district_code == got["district_code"]]
        assert got["commune_code"] == commune[0].code
    else:
        assert got["commune_code"] is None


def test_metadata_accuracy_over_all_renditions(corpus_con):
    report = evaluate(corpus_con, GOLD)
    assert not report.unmatched
    assert len(report.documents) == len(RENDITIONS) == 15
    assert report.meta_accuracy >= 0.98, [(d.file_name, d.meta_wrong) for d in report.documents if d.meta_wrong]


@pytest.mark.parametrize("path", [p for p in RENDITIONS if p.stem == "003_9192dfae355c46d7"], ids=lambda p: p.name)
def test_date_conflict_between_header_and_own_appendix_is_a_check(corpus_con, path: Path):
    doc_id = doc_id_of(corpus_con, path.name)
    rows = corpus_con.execute(
        "SELECT expected, found, quote FROM checks WHERE doc_id = ? AND kind = 'date_conflict'", [doc_id]
    ).fetchall()
    header = gold_for(path.stem)["document"]["issued_date"]
    assert len(rows) == 1
    expected, found, quote = rows[0]
    assert expected == header and found != header and "Kèm theo" not in quote and "số 21" in quote


@pytest.mark.parametrize("path", RENDITIONS, ids=lambda p: p.name)
def test_title_is_read(corpus_con, path: Path):
    title = _row(corpus_con, path.name)["title"]
    assert title and len(title) > 20 and "\n" not in title


# --- unit cases on small synthetic plans (places that are not sample localities) ---------


def _meta(text: str) -> tuple[dict, list[dict]]:
    doc = read_document(text.encode("utf-8"))
    ctx = Context(DEFAULT_SETTINGS)
    metadata.extract(doc, ctx)
    return ctx.meta, ctx.rows["checks"]


@pytest.mark.parametrize(
    "text, number",
    [
        ("Số: 21 /KH-UBND", "21/KH-UBND"),
        ("21 /KH-UBND", "21/KH-UBND"),
        ("1424/QĐ-UBND", "1424/QĐ-UBND"),
        ("59-KH/HU.", "59-KH/HU"),
        ("27/2022/NĐ-CP", "27/2022/NĐ-CP"),
        ("/KH-UBND", None),
        ("......./KH-UBND", None),
        ("", None),
    ],
)
def test_clean_number(text, number):
    assert clean_number(text.removeprefix("Số:")) == number


def test_header_in_text_with_columns_run_together():
    meta, _ = _meta(
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "HUYỆN MƯỜNG NHÉ Độc lập - Tự do - Hạnh phúc\n"
        "Số: 15 /KH-UBND Mường Nhé, ngày 3 tháng 3 năm 2023\n"
        "KẾ HOẠCH\nThực hiện Chương trình giảm nghèo bền vững năm 2023\nI. MỤC ĐÍCH\nNội dung.\n"
    )
    assert (meta["doc_type"], meta["doc_number"], meta["issued_date"]) == ("ke_hoach", "15/KH-UBND", "2023-03-03")
    assert (meta["admin_level"], meta["district"], meta["province"]) == ("district", "Mường Nhé", "Điện Biên")
    assert meta["issuer"] == "UBND huyện Mường Nhé"
    assert (meta["period_start"], meta["period_end"]) == (2023, 2023)


def test_issuer_with_parent_line():
    meta, _ = _meta(
        "UBND TỈNH ĐIỆN BIÊN\nSỞ LAO ĐỘNG - THƯƠNG BINH\nVÀ XÃ HỘI\n-------\nSố: 120/KH-SLĐTBXH\n"
        "Điện Biên, ngày 12 tháng 4 năm 2022\nKẾ HOẠCH\nGiảm nghèo giai đoạn 2022-2025\nI. MỤC TIÊU\nNội dung.\n"
    )
    assert meta["admin_level"] == "province" and meta["province"] == "Điện Biên" and meta["province_code"] == "11"
    assert meta["issuer"].lower().startswith("sở lao động - thương binh và xã hội")
    assert "UBND tỉnh Điện Biên" in meta["issuer"]
    assert (meta["doc_number"], meta["issued_date"], meta["period_start"], meta["period_end"]) == (
        "120/KH-SLĐTBXH",
        "2022-04-12",
        2022,
        2025,
    )


def test_district_whose_province_is_never_named_gets_it_from_the_gazetteer():
    meta, checks = _meta(
        "Số: 9/KH-UBND\nMường Nhé, ngày 01/6/2022\nKẾ HOẠCH\nGiảm nghèo bền vững giai đoạn 2021 - 2025 trên địa bàn huyện\n"
        "I. MỤC TIÊU\nỦy ban nhân dân huyện ban hành kế hoạch; thực hiện trên phạm vi toàn huyện.\n"
    )
    assert (meta["admin_level"], meta["district"], meta["province"]) == ("district", "Mường Nhé", "Điện Biên")
    assert (meta["district_code"], meta["province_code"]) == ("096", "11")
    assert not [c for c in checks if c["kind"].startswith("jurisdiction")]


def test_place_line_read_at_the_level_the_text_names_itself():
    # "Cầu Ngang" is a district and its town; "toàn huyện" says which
    meta, _ = _meta(
        "Cầu Ngang, ngày 5 tháng 1 năm 2023\nKẾ HOẠCH\nGiảm nghèo năm 2023\nI. MỤC TIÊU\n"
        "Thực hiện trên phạm vi toàn huyện.\n"
    )
    assert (meta["admin_level"], meta["district_code"], meta["commune"]) == ("district", "848", None)


def test_ambiguous_district_resolved_by_other_places_in_the_text():
    meta, checks = _meta(
        "ỦY BAN NHÂN DÂN\nHUYỆN CHÂU THÀNH\nSố: 7/KH-UBND\nKẾ HOẠCH\nGiảm nghèo giai đoạn 2021 - 2025\nI. MỤC TIÊU\n"
        "Thực hiện Quyết định số 1/QĐ-UBND ngày 5/1/2022 của UBND tỉnh Bến Tre về giảm nghèo.\n"
    )
    assert (meta["district"], meta["province"], meta["district_code"]) == ("Châu Thành", "Bến Tre", "831")
    assert not [c for c in checks if c["kind"] == "jurisdiction_ambiguous"]


def test_ambiguous_district_without_evidence_is_left_and_checked():
    meta, checks = _meta(
        "ỦY BAN NHÂN DÂN\nHUYỆN CHÂU THÀNH\nSố: 7/KH-UBND\nKẾ HOẠCH\nGiảm nghèo giai đoạn 2021 - 2025\nI. MỤC TIÊU\nNội dung.\n"
    )
    assert (meta["admin_level"], meta["district"]) == ("district", "Châu Thành")
    assert meta["province"] is None and meta["district_code"] is None and meta["province_code"] is None
    [check] = [c for c in checks if c["kind"] == "jurisdiction_ambiguous"]
    assert "Bến Tre" in check["found"] and "Long An" in check["found"]


def test_province_printed_against_the_gazetteer_is_a_check():
    meta, checks = _meta(
        "KẾ HOẠCH\nGiảm nghèo trên địa bàn huyện Mường Nhé, tỉnh Lai Châu năm 2022\nI. MỤC TIÊU\nNội dung.\n"
    )
    assert meta["province"] == "Điện Biên"
    [check] = [c for c in checks if c["kind"] == "jurisdiction_conflict"]
    assert (check["expected"], check["found"]) == ("Điện Biên", "Lai Châu")


def test_blank_number_and_blank_day():
    meta, _ = _meta(
        "Số: /KH-UBND\nMường Nhé, ngày    tháng 5 năm 2022\nKẾ HOẠCH\nGiảm nghèo năm 2022\nI. MỤC TIÊU\nNội dung.\n"
    )
    assert (meta["doc_number"], meta["issued_date"]) == (None, "2022-05")


def test_decision_number_and_date_from_its_own_caption_when_the_header_is_lost():
    meta, _ = _meta(
        "QUYẾT ĐỊNH\nVỀ VIỆC BAN HÀNH KẾ HOẠCH GIẢM NGHÈO GIAI ĐOẠN 2022 - 2025 TRÊN ĐỊA BÀN TỈNH ĐIỆN BIÊN\n"
        "ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN\nCăn cứ Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ;\n"
        "QUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch.\nKẾ HOẠCH\nGiảm nghèo\n"
        "(Kèm theo Quyết định số 77/QĐ-UBND ngày 9/8/2022 của UBND tỉnh)\nI. MỤC TIÊU\nNội dung.\n"
    )
    assert (meta["doc_type"], meta["doc_number"], meta["issued_date"]) == ("quyet_dinh", "77/QĐ-UBND", "2022-08-09")
    assert (meta["admin_level"], meta["province"], meta["province_code"]) == ("province", "Điện Biên", "11")
    assert (meta["period_start"], meta["period_end"]) == (2022, 2025)
    assert meta["title"].startswith("VỀ VIỆC BAN HÀNH")


def test_commune_plan_takes_district_and_province_from_the_gazetteer():
    meta, _ = _meta(
        "Số: 3/KH-UBND\nCẩm Châu, ngày 2 tháng 3 năm 2022\nKẾ HOẠCH\n"
        "Triển khai giảm nghèo giai đoạn 2021 - 2025 trên địa bàn xã Cẩm Châu\nI. MỤC TIÊU\nNội dung.\n"
    )
    assert (meta["admin_level"], meta["commune"], meta["district"], meta["province"]) == (
        "commune",
        "Cẩm Châu",
        "Cẩm Thủy",
        "Thanh Hóa",
    )
    assert meta["commune_code"] == "15160"


def test_party_committee_header():
    meta, _ = _meta(
        "HUYỆN ỦY MƯỜNG NHÉ\nSố 45-KH/HU\nMường Nhé, ngày 01/6/2022\nKẾ HOẠCH\n"
        "Về công tác giảm nghèo giai đoạn 2021 - 2025, định hướng đến năm 2030\n1. Mục tiêu\nNội dung.\n"
    )
    assert (meta["doc_type"], meta["doc_number"], meta["admin_level"], meta["district"]) == (
        "ke_hoach",
        "45-KH/HU",
        "district",
        "Mường Nhé",
    )
    assert (meta["period_start"], meta["period_end"]) == (2021, 2025)


def test_type_and_title_on_one_line():
    meta, _ = _meta("Số: 4/KH-UBND\nKẾ HOẠCH THỰC HIỆN GIẢM NGHÈO BỀN VỮNG NĂM 2023\nI. MỤC TIÊU\nNội dung.\n")
    assert (meta["doc_type"], meta["title"], meta["period_start"]) == (
        "ke_hoach",
        "THỰC HIỆN GIẢM NGHÈO BỀN VỮNG NĂM 2023",
        2023,
    )


# --- regressions ------------------------------------------------------------------------


def test_regression_ban_hanh_in_a_title_is_not_an_authority_line():
    # "BAN HÀNH" opens with the body word "ban"; the title must not be cut there
    meta, _ = _meta(
        "QUYẾT ĐỊNH\nVỀ VIỆC BAN HÀNH KẾ HOẠCH GIẢM NGHÈO TRÊN ĐỊA BÀN TỈNH ĐIỆN BIÊN\n"
        "ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN\nCăn cứ Luật;\n"
    )
    assert meta["title"] == "VỀ VIỆC BAN HÀNH KẾ HOẠCH GIẢM NGHÈO TRÊN ĐỊA BÀN TỈNH ĐIỆN BIÊN"
    assert meta["issuer"] == "UBND tỉnh Điện Biên"


def test_regression_motto_on_the_issuer_line_is_not_part_of_the_issuer():
    meta, _ = _meta(
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nXÃ CHUNG CHẢI Độc lập - Tự do - Hạnh phúc\n"
        "Số: 2/KH-UBND\nKẾ HOẠCH\nGiảm nghèo năm 2022\nI. MỤC TIÊU\nNội dung.\n"
    )
    assert meta["issuer"] == "UBND xã Chung Chải"
    assert (meta["admin_level"], meta["district"], meta["province"]) == ("commune", "Mường Nhé", "Điện Biên")


def test_regression_place_before_a_numeric_date_after_ngay():
    meta, _ = _meta(
        "Số: 9/KH-UBND\nTủa Chùa, ngày 01/6/2022\nKẾ HOẠCH\nGiảm nghèo năm 2022\nI. MỤC TIÊU\n"
        "Thực hiện trên phạm vi toàn huyện.\n"
    )
    assert (meta["issued_date"], meta["admin_level"], meta["district"]) == ("2022-06-01", "district", "Tủa Chùa")


@pytest.mark.parametrize(
    "title, period",
    [
        ("Thực hiện Chương trình giảm nghèo bền vững giai đoạn 2021 - 2025", (2021, 2025)),
        ("Giảm nghèo bền vững huyện X năm 2024", (2024, 2024)),
        (
            "Thực hiện Kế hoạch số 59-KH/HU ngày 24/12/2021 về giảm nghèo giai đoạn 2021 - 2025 và định hướng đến năm 2030",
            (2021, 2025),
        ),
        ("GIAI ĐOẠN 2022-2025 TRÊN ĐỊA BÀN TỈNH", (2022, 2025)),
        ("Từ năm 2022 đến hết năm 2025", (2022, 2025)),
        ("Căn cứ Nghị định số 27/2022/NĐ-CP", None),
        ("Thực hiện Chương trình giảm nghèo bền vững giai đoạn 2021 - 2025 năm 2023", (2023, 2023)),
        ("Giảm nghèo năm 2023 trong giai đoạn 2021-2025", (2023, 2023)),
        ("Giảm nghèo giai đoạn 2021 - 2025 (từ năm 2022 đến năm 2025)", (2021, 2025)),
        ("Giảm nghèo giai đoạn 2021 - 2025, phấn đấu đến năm 2025", (2021, 2025)),
    ],
)
def test_find_period(title, period):
    found = metadata.find_period(title, annual_within=True)
    assert (found[:2] if found else None) == period
