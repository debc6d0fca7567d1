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
    # the text's province is kept, the district has no code there, and nothing moves it silently (issue 17)
    assert (meta["province"], meta["province_code"], meta["district"], meta["district_code"]) == (
        "Lai Châu",
        "12",
        "Mường Nhé",
        None,
    )
    [check] = [c for c in checks if c["kind"] == "place_mismatch"]
    assert check["quote"] == "huyện Mường Nhé, tỉnh Lai Châu" and "Điện Biên" in check["expected"]


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


# ---------------------------------------------------------------------------------------
# Published shapes: legal-document site pages, gazette text, any administrative document


def test_legal_site_page_with_cells_and_wrapped_number_and_date():
    text = (
        "Quyết định 402/QĐ-UBND năm 2023 về Kế hoạch giảm nghèo tỉnh Yên Bái\n"
        "Số hiệu: 402/QĐ-UBND Loại văn bản: Quyết định\nNgày ban hành: 14/03/2023 Ngày hiệu lực: Đã biết\n\n"
        "ỦY BAN NHÂN DÂN\nTỈNH YÊN BÁI\n-------\n|\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n---------------\n|\nSố:\n402/QĐ-UBND\n|\nYên Bái, ngày\n"
        "14 tháng 3 năm 2023\n|\n**QUYẾT ĐỊNH**\nBAN\nHÀNH KẾ HOẠCH THỰC HIỆN CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA GIẢM NGHÈO BỀN VỮNG\n"
        "NĂM 2023\nỦY BAN NHÂN DÂN TỈNH YÊN BÁI\nCăn cứ Luật Tổ chức chính quyền địa phương ngày\n19 tháng 6 năm 2015;\n"
    )
    meta, _ = _meta(text)
    assert (meta["doc_type"], meta["doc_number"], meta["issued_date"]) == ("quyet_dinh", "402/QĐ-UBND", "2023-03-14")
    assert (meta["admin_level"], meta["province"]) == ("province", "Yên Bái")
    assert (meta["period_start"], meta["period_end"]) == (2023, 2023)


def test_one_line_pipe_letterhead_of_a_council_resolution():
    text = (
        "HỘI ĐỒNG NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        "Số: 08/2023/NQ-HĐND | Sóc Trăng, ngày 20 tháng 7 năm 2023 |\n"
        "HỘI ĐỒNG NHÂN DÂN TỈNH SÓC TRĂNG\nKHÓA X - KỲ HỌP THỨ 9\nCăn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;\n"
    )
    meta, _ = _meta(text)
    assert (meta["doc_type"], meta["doc_number"], meta["issued_date"]) == (
        "nghi_quyet",
        "08/2023/NQ-HĐND",
        "2023-07-20",
    )
    assert (meta["admin_level"], meta["province"]) == ("province", "Sóc Trăng")
    assert meta["period_start"] is None  # a resolution without its title states no period


def test_regression_gazette_running_header_date_is_not_the_documents():
    text = (
        "CÔNG BÁO/Số 1101 +\n1102/Ngày 20-10-2025 7\nVĂN BẢN QUY PHẠM PHÁP LUẬT\nBỘ Y TẾ\n"
        "BỘ Y TẾ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 33/2025/TT-BYT Hà Nội, ngày 30 tháng 9 năm 2025\nTHÔNG TƯ\nQuy định về khám sức khỏe\n"
        "Căn cứ Luật Khám bệnh, chữa bệnh ngày 09 tháng 01 năm 2023;\n"
    )
    meta, _ = _meta(text)
    assert (meta["doc_type"], meta["doc_number"], meta["issued_date"]) == ("thong_tu", "33/2025/TT-BYT", "2025-09-30")
    assert meta["admin_level"] == "central"
    assert (meta["province"], meta["district"], meta["commune"]) == (None, None, None)
    assert meta["issuer"].startswith("Bộ")


def test_law_number_label_and_its_passing_date():
    text = (
        "QUỐC HỘI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nLuật số: 12/2025/QH15\nLUẬT\n"
        "SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT VIỆC LÀM\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n"
        "Điều 1. Sửa đổi Luật Việc làm\n"
        "Luật này được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV, kỳ họp thứ 9 thông qua ngày 16 tháng 6 năm 2025.\n"
    )
    meta, _ = _meta(text)
    assert (meta["doc_type"], meta["doc_number"], meta["issued_date"]) == ("luat", "12/2025/QH15", "2025-06-16")
    assert meta["admin_level"] == "central"


def test_gazette_continuation_names_its_document_on_the_first_line():
    text = (
        "BỘ TÀI CHÍNH\nThông tư số 45/2019/TT-BTC ngày 19 tháng 7 năm 2019 hướng dẫn kế toán\n"
        "(Tiếp theo Công báo số 601 + 602)\nPhụ lục số 02\nBÁO CÁO TÌNH HÌNH SỬ DỤNG KINH PHÍ\n"
    )
    meta, _ = _meta(text)
    assert (meta["doc_type"], meta["doc_number"], meta["issued_date"]) == ("thong_tu", "45/2019/TT-BTC", "2019-07-19")
    assert meta["admin_level"] == "central"


def test_cong_van_has_no_type_heading_but_a_vv_line():
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH CÀ MAU\n-------\nSố: 5120/UBND-KGVX\nV/v triển khai Chương trình giảm nghèo năm 2024\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nCà Mau, ngày 03 tháng 9 năm 2024\n"
        "Kính gửi: Sở Lao động - Thương binh và Xã hội\n"
    )
    meta, _ = _meta(text)
    assert (meta["doc_type"], meta["doc_number"], meta["issued_date"]) == ("cong_van", "5120/UBND-KGVX", "2024-09-03")
    assert (meta["admin_level"], meta["province"]) == ("province", "Cà Mau")


@pytest.mark.parametrize(
    "heading, number, doc_type",
    [
        ("CÔNG ĐIỆN", "12/CĐ-TTg", "cong_dien"),
        ("THÔNG BÁO", "77/TB-VPCP", "thong_bao"),
        ("TỜ TRÌNH", "301/TTr-BLĐTBXH", "to_trinh"),
        ("BÁO CÁO", "98/BC-BLĐTBXH", "bao_cao"),
        ("CHỈ THỊ", "05/CT-TTg", "chi_thi"),
        ("NGHỊ ĐỊNH", "27/2024/NĐ-CP", "nghi_dinh"),
        ("HƯỚNG DẪN", "09/HD-BLĐTBXH", "huong_dan"),
        ("THÔNG TƯ", "02/2025/VBHN-BTC", "van_ban_hop_nhat"),
    ],
)
def test_central_documents_of_every_type(heading, number, doc_type):
    issuer = "CHÍNH PHỦ" if number.endswith(("CP", "TTg")) else "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"
    text = (
        f"{issuer}\n-------\nSố: {number}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        f"Hà Nội, ngày 11 tháng 4 năm 2024\n{heading}\nVề công tác giảm nghèo\nCăn cứ Luật Tổ chức Chính phủ;\n"
    )
    meta, _ = _meta(text)
    assert (meta["doc_type"], meta["doc_number"], meta["issued_date"]) == (doc_type, number, "2024-04-11")
    assert meta["admin_level"] == "central"
    assert meta["province"] is None


def test_attached_plan_takes_the_issuing_decision_from_its_caption():
    text = (
        "KẾ HOẠCH\nTHỰC HIỆN CHƯƠNG TRÌNH GIẢM NGHÈO BỀN VỮNG TRÊN ĐỊA BÀN TỈNH\nCAO BẰNG, GIAI ĐOẠN 2016 - 2020\n"
        "(Kèm theo Quyết định số: 1520/QĐ-UBND ngày\n15/9/2016 của UBND tỉnh)\nI. MỤC TIÊU\n1. Mục tiêu chung\n"
    )
    meta, _ = _meta(text)
    assert (meta["doc_type"], meta["doc_number"], meta["issued_date"]) == ("quyet_dinh", "1520/QĐ-UBND", "2016-09-15")
    assert meta["province"] == "Cao Bằng"
    assert (meta["period_start"], meta["period_end"]) == (2016, 2020)


def test_units_created_in_july_2025_for_a_document_issued_after_it():
    text = (
        "ỦY BAN NHÂN DÂN\nXÃ A LƯỚI 1\n-------\nSố: 45/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nA Lưới 1, ngày 10 tháng 10 năm 2025\nKẾ HOẠCH\n"
        "Thực hiện giảm nghèo bền vững năm 2025 trên địa bàn xã\nCăn cứ Kế hoạch của UBND thành phố;\n"
    )
    meta, _ = _meta(text)
    assert (meta["admin_level"], meta["province"], meta["district"], meta["commune"]) == (
        "commune",
        "Huế",
        None,
        "A Lưới 1",
    )
    assert meta["commune_code"] is not None and meta["district_code"] is None


def test_centrally_run_city_after_july_2025_is_a_province():
    text = (
        "HỘI ĐỒNG NHÂN DÂN\nTHÀNH PHỐ HUẾ\n-------\nSố: 21/NQ-HĐND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nHuế, ngày 12 tháng 12 năm 2025\nNGHỊ QUYẾT\nVề kế hoạch đầu tư công năm 2026\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương;\n"
    )
    meta, _ = _meta(text)
    assert (meta["admin_level"], meta["province"], meta["district"], meta["commune"]) == ("province", "Huế", None, None)


def test_ministry_circular_gets_no_province_or_district():
    text = (
        "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\n-------\nSố: 14/2025/TT-BNNMT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nHà Nội, ngày 19 tháng 6 năm 2025\nTHÔNG TƯ\n"
        "Hướng dẫn hỗ trợ phát triển sản xuất trên địa bàn huyện nghèo, xã đặc biệt khó khăn\n"
        "Căn cứ Nghị định số 35/2025/NĐ-CP;\nỦy ban nhân dân tỉnh Lào Cai, huyện Bát Xát thực hiện.\n"
    )
    meta, _ = _meta(text)
    assert meta["admin_level"] == "central"
    assert (meta["province"], meta["district"], meta["commune"]) == (None, None, None)


def test_military_command_of_a_province_is_not_central():
    text = (
        "BỘ CHỈ HUY QUÂN SỰ\nTỈNH SƠN LA\n-------\nSố: 310/KH-BCH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nSơn La, ngày 02 tháng 3 năm 2024\nKẾ HOẠCH\nHuấn luyện năm 2024\n"
    )
    meta, _ = _meta(text)
    assert meta["admin_level"] == "province" and meta["province"] == "Sơn La"


@pytest.mark.parametrize(
    "title, issued, period",
    [
        ("KẾ HOẠCH\nThực hiện Chương trình giảm nghèo bền vững giai đoạn 2021 - 2025 năm 2023", 2023, (2023, 2023)),
        ("KẾ HOẠCH\nThực hiện Chương trình phòng, chống ma túy đến năm 2030", 2024, (2024, 2030)),
    ],
)
def test_annual_plan_and_horizon_periods(title, issued, period):
    text = (
        f"ỦY BAN NHÂN DÂN\nHUYỆN MƯỜNG NHÉ\n-------\nSố: 19/KH-UBND\nMường Nhé, ngày 06 tháng 02 năm {issued}\n"
        f"{title}\nCăn cứ Quyết định số 90/QĐ-TTg ngày 18/01/2022 phê duyệt Chương trình giai đoạn 2021 - 2025;\n"
    )
    meta, _ = _meta(text)
    assert (meta["period_start"], meta["period_end"]) == period


def test_regression_issuer_and_number_on_one_line_of_a_flattened_letterhead():
    text = (
        "BỘ TÀI CHÍNH Số: /2025/TT-BTC\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc "
        "Hà Nội, ngày tháng năm 2025\nDỰ THẢO 2\nTHÔNG TƯ\nQuy định mức thu phí\nCăn cứ Luật Phí và lệ phí;\n"
    )
    meta, _ = _meta(text)
    assert (meta["doc_type"], meta["doc_number"], meta["admin_level"]) == ("thong_tu", None, "central")
    assert meta["province"] is None


def test_number_keeps_the_drafting_units_code():
    text = (
        "CÔNG AN TỈNH LÂM ĐỒNG\n-------\nSố: 512/TTr-CAT(PC04)\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Lâm Đồng, ngày 09 tháng 3 năm 2026\nTỜ TRÌNH\nVề việc phê duyệt kế hoạch\nKính gửi: Ủy ban nhân dân tỉnh\n"
    )
    meta, _ = _meta(text)
    assert (meta["doc_type"], meta["doc_number"]) == ("to_trinh", "512/TTr-CAT(PC04)")


def test_news_page_gets_no_letterhead_facts():
    text = (
        "TRANG CHỦ | TIN TỨC | THÔNG BÁO | VĂN BẢN\nThứ ba, 26/9/2023 | 10:57 GMT+7\n"
        "Công điện của Thủ tướng Chính phủ về tăng cường công tác phòng cháy, chữa cháy\n"
        "Ngày 15/9/2023, Thủ tướng Chính phủ ban hành Công điện số 825/CĐ-TTg về việc tăng cường công tác phòng cháy.\n"
        "Theo EVN\n"
    )
    meta, _ = _meta(text)
    assert (meta["doc_type"], meta["doc_number"], meta["issued_date"]) == (None, None, None)


def test_pdf_text_flattened_into_one_line_still_gives_the_letterhead():
    text = (
        "Nội dung Text: Quyết định số 41/2008/QĐ-BLĐTBXH\n"
        "1. BỘ LAO ĐỘNG – THƯƠNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM BINH VÀ XÃ HỘI Độc lập – Tự do – Hạnh phúc "
        "Số: 41/2008/QĐ-BLĐTBXH Hà Nội, ngày 12 tháng 6 năm 2008 QUYẾT ĐỊNH VỀ VIỆC BAN HÀNH QUY CHẾ\n"
    )
    meta, _ = _meta(text)
    assert (meta["doc_type"], meta["doc_number"], meta["issued_date"]) == (
        "quyet_dinh",
        "41/2008/QĐ-BLĐTBXH",
        "2008-06-12",
    )
    assert meta["admin_level"] == "central"


def test_central_issuer_written_as_in_running_text():
    text = (
        "ỦY BAN THƯỜNG VỤ QUỐC HỘI\nỦY BAN THƯỜNG VỤ QUỐC HỘI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nNghị quyết số: 61/2025/UBTVQH15\nNGHỊ QUYẾT\nVề mức chi\n"
        "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n"
    )
    meta, _ = _meta(text)
    assert (meta["doc_type"], meta["doc_number"], meta["admin_level"]) == ("nghi_quyet", "61/2025/UBTVQH15", "central")
    assert meta["issuer"] == "Ủy ban Thường vụ Quốc hội"
    text = (
        "BỘ LAO ĐỘNG - THƯƠNG BINH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nVÀ XÃ HỘI Độc lập - Tự do - Hạnh phúc\n"
        "Số: 21/2024/TT-BLĐTBXH Hà Nội, ngày 02 tháng 12 năm 2024\nTHÔNG TƯ\nHướng dẫn\nCăn cứ Nghị định;\n"
    )
    meta, _ = _meta(text)
    assert meta["issuer"] == "Bộ Lao động - Thương binh và Xã hội"
