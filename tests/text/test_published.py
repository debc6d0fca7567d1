"""The front of a published text: the publisher's furniture left out, wrapped lines joined,
every logical line pointing back into the text it was read from."""

from __future__ import annotations

import pytest

from extract.text.published import continues, front_view, is_running_header, running_header_spans

SITE_PAGE = """Số hiệu: 77/KH-UBND Loại văn bản: Kế hoạch
Nơi ban hành: Tỉnh Hòa Bình Người ký: Nguyễn Văn A
Ngày ban hành: 05/02/2024 Ngày hiệu lực: Đã biết
Tình trạng: Đã biết

**ỦY BAN NHÂN DÂN**
TỈNH HÒA BÌNH
-------
|
CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
|
Số:
77/KH-UBND
|
Hòa Bình, ngày
05 tháng 02 năm 2024
|
**KẾ HOẠCH**
"""


def _texts(text: str) -> list[str]:
    return [v.text for v in front_view(text)]


def test_site_record_and_cell_borders_are_left_out_and_cells_read_whole():
    lines = _texts(SITE_PAGE)
    assert lines[0] == "ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH"  # the issuer's cell, before the first border, read whole
    assert "Số: 77/KH-UBND" in lines
    assert "Hòa Bình, ngày 05 tháng 02 năm 2024" in lines
    assert "KẾ HOẠCH" in lines
    assert not any(t.startswith(("Số hiệu", "Ngày ban hành", "Tình trạng", "|")) for t in lines)


def test_every_logical_line_spans_the_text_it_came_from():
    for v in front_view(SITE_PAGE):
        first, last = v.text.split(" ")[0], v.text.split(" ")[-1]
        chunk = SITE_PAGE[v.start : v.end]
        assert first in chunk and last in chunk


def test_date_wrapped_without_cells_is_joined():
    text = "Số: 12/KH-UBND\nLạng Sơn, ngày 01\ntháng 8 năm 2022\nKẾ HOẠCH\n"
    assert "Lạng Sơn, ngày 01 tháng 8 năm 2022" in _texts(text)


@pytest.mark.parametrize(
    "line",
    [
        "CÔNG BÁO/Số 1271 + 1272/Ngày 11-9-2025 3",
        "4 CÔNG BÁO/Số 615 + 616/Ngày 18-5-2024",
        "CÔNG BÁO/Số 1523 +",
        "1524/Ngày 29-12-2024 3",
        "+ 348/Ngày 25-02-2025",
        "70 ÔNG BÁO/Số 1239 +",
        "BÁO/Số 1053 + 1054/Ngày 10-8-2025",
        "66 CÔNG BÁO/",
    ],
)
def test_pieces_of_the_gazette_running_header(line):
    assert is_running_header(line)


@pytest.mark.parametrize(
    "line",
    [
        "Hà Nội, ngày 25 tháng 7 năm 2025",
        "CÔNG BÁO ĐIỆN TỬ",
        "Số: 15/2023/TT-BLĐTBXH",
        "CHÍNH PHỦ",
        "Ngày 11-9-2025 là ngày",
    ],
)
def test_document_lines_are_no_running_header(line):
    assert not is_running_header(line)


def test_gazette_front_drops_running_header_and_section_heading():
    text = (
        "CÔNG BÁO/Số 901 +\n902/Ngày 03-10-2025 5\nVĂN BẢN QUY PHẠM PHÁP LUẬT\nBỘ TÀI CHÍNH\n"
        "BỘ TÀI CHÍNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 61/2025/TT-BTC Hà Nội, ngày 12 tháng 9 năm 2025\nTHÔNG TƯ\n"
    )
    lines = _texts(text)
    assert lines[0] == "BỘ TÀI CHÍNH"
    assert not any("Ngày 03-10-2025" in t or "QUY PHẠM" in t for t in lines)
    assert running_header_spans(text) == [(0, len("CÔNG BÁO/Số 901 +")), (18, 18 + len("902/Ngày 03-10-2025 5"))]


@pytest.mark.parametrize(
    "prev, nxt, joined",
    [
        ("Số:", "15/2023/QĐ-UBND", True),
        ("Hà Nội, ngày 20", "tháng 11 năm 2025", True),
        ("Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6", "năm 2015;", True),
        ("Bình", "Định, ngày 07 tháng 9 năm 2022", True),
        ("TRÊN ĐỊA BÀN TỈNH", "BẮC KẠN, GIAI ĐOẠN 2016 - 2020", True),
        ("Chủ trì tổ chức thực hiện Chương trình trên địa bàn tỉnh", "Sở Tài chính", False),
        ("ỦY BAN NHÂN DÂN TỈNH", "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", False),
        ("vốn đầu tư phát triển (vốn ngân sách: 10 tỷ đồng;", "vốn sự nghiệp: 5 tỷ đồng)", True),
        ("Ngân sách trung ương: Vốn sự nghiệp", "2.589 triệu đồng.", True),
        ("KẾ HOẠCH", "THỰC HIỆN CHƯƠNG TRÌNH", False),
        ("1. Mục tiêu chung", "- Giảm tỷ lệ hộ nghèo", False),
        ("Tổng kinh phí thực hiện:", "4.2 Tiểu dự án 2: Cải thiện dinh dưỡng", False),
        ("hoàn thành trong năm.", "Ủy ban nhân dân các xã", False),
    ],
)
def test_continues(prev, nxt, joined):
    assert continues(prev, nxt) is joined
