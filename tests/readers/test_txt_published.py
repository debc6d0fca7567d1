"""Plain text as publishers give it: paragraphs rebuilt from hard-wrapped lines, cell borders
and the gazette's running header left out, tables untouched."""

from __future__ import annotations

from extract.readers.txt import read_text, rebuild_paragraphs

WRAPPED = """I. MỤC TIÊU
1. Mục tiêu chung
- Phấn đấu giảm tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều bình quân 1,5%/năm, riêng
hộ nghèo dân tộc thiểu số giảm 3%/năm; hỗ trợ người nghèo vượt lên mức sống tối
thiểu, tiếp cận các dịch vụ xã hội cơ bản theo chuẩn nghèo đa chiều của Ủy ban
Nhân dân tỉnh và các quy định hiện hành của pháp luật về giảm nghèo bền vững.
- Tổng kinh phí thực hiện: Ngân sách trung ương: Vốn sự nghiệp
1.250 triệu đồng.
5. Dự án 5: Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo trên địa bàn huyện nghèo
Huyện không thực hiện (do huyện không còn là huyện nghèo theo quy định hiện hành
của Thủ tướng Chính phủ về danh sách các huyện nghèo giai đoạn 2021 - 2025).
4.2 Tiểu dự án 2: Truyền thông về giảm nghèo đa chiều
a) Vốn ngân sách trung ương: 96,1 tỷ đồng (vốn đầu tư phát triển: 10 tỷ đồng;
vốn sự nghiệp: 86,1 tỷ đồng)
""" + "\n".join(
    f"Dòng đệm số {i} của văn bản để đo độ rộng dòng khi văn bản bị ngắt cứng ở cột tám mươi." for i in range(20)
)


def test_hard_wrapped_paragraphs_are_rebuilt():
    lines = rebuild_paragraphs(WRAPPED.split("\n"))
    assert any(ln.startswith("- Phấn đấu") and ln.endswith("giảm nghèo bền vững.") for ln in lines)
    assert "- Tổng kinh phí thực hiện: Ngân sách trung ương: Vốn sự nghiệp 1.250 triệu đồng." in lines
    assert any(ln.startswith("a) Vốn ngân sách trung ương") and ln.endswith("86,1 tỷ đồng)") for ln in lines)


def test_headings_and_numbered_items_are_not_run_into_the_line_before():
    lines = rebuild_paragraphs(WRAPPED.split("\n"))
    assert "I. MỤC TIÊU" in lines and "1. Mục tiêu chung" in lines
    assert "5. Dự án 5: Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo trên địa bàn huyện nghèo" in lines
    assert "4.2 Tiểu dự án 2: Truyền thông về giảm nghèo đa chiều" in lines


def test_regression_separator_does_not_swallow_the_number_line():
    lines = rebuild_paragraphs(["Độc lập - Tự do - Hạnh phúc", "---------------", "|", "Số: 04/KH-UBND", "|"])
    assert "Số: 04/KH-UBND" in lines and "|" not in lines


def test_running_header_lines_are_dropped_and_the_page_break_joined():
    lines = [
        "Điều 1. Phạm vi điều chỉnh",
        "Nghị định này quy định cơ chế tài chính theo quy định tại khoản 5 Điều 120 Luật",
        "CÔNG BÁO/Số 1301 + 1302/Ngày 11-9-2025 3",
        "Bảo hiểm xã hội.",
    ]
    out = rebuild_paragraphs(lines)
    assert not any("CÔNG BÁO" in ln for ln in out)


def test_tables_are_left_alone():
    text = "Bảng 1\nSTT\tNội dung\tKinh phí\n1\tDự án 1\t1.200\n2\tDự án 2\t800\n"
    blocks = read_text(text)
    assert [b.kind for b in blocks] == ["paragraph", "table"]
    assert len(blocks[1].rows) == 3
