"""Regressions found on legal-site pages that were not in the development sets."""

from __future__ import annotations

from extract.pipeline import extract_bytes

SITE_RECORD = """Văn bản khác 1798/KH-UBND 2022 rà soát hộ nghèo hộ cận nghèo tỉnh Mẫu

Số, ký hiệu 1798/KH-UBND
Loại văn bản Văn bản khác
Ngày ban hành 12/08/2022
Ngày đăng công báo 13/08/2022
Cơ quan ban hành Gia Lai
Chức danh
Thông tin áp dụng

ỦY BAN NHÂN DÂN
TỈNH GIA LAI
-------

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------

Số: 1798/KH-UBND

Gia Lai, ngày 12 tháng 8 năm 2022

KẾ HOẠCH

RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2022 TRÊN ĐỊA BÀN TỈNH GIA LAI

Căn cứ Nghị định số 07/2021/NĐ-CP ngày 27/01/2021 của Chính phủ quy định chuẩn nghèo đa chiều;
"""

TYPE_WITH_NUMBER = """THỦ TƯỚNG CHÍNH PHỦ |
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
Số: 24/2021/QĐ-TTg |
Hà Nội, ngày 16 tháng 7 năm 2021 |
QUYẾT ĐỊNH 24/2021/QĐ-TTg
QUY ĐỊNH QUY TRÌNH RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO HẰNG NĂM
Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;
Thủ tướng Chính phủ ban hành Quyết định quy định quy trình rà soát hộ nghèo, hộ cận nghèo hằng năm.
"""


def test_the_gazette_posting_date_of_a_site_record_is_not_the_issue_date_regression():
    doc = extract_bytes(SITE_RECORD.encode(), "record.txt").document
    assert (doc["doc_type"], doc["doc_number"], doc["issued_date"]) == ("ke_hoach", "1798/KH-UBND", "2022-08-12")


def test_a_type_heading_followed_by_its_number_is_the_type_not_the_title_below_regression():
    doc = extract_bytes(TYPE_WITH_NUMBER.encode(), "qd.txt").document
    assert (doc["doc_type"], doc["doc_number"], doc["admin_level"]) == ("quyet_dinh", "24/2021/QĐ-TTg", "central")
