"""Saved web pages: the document from its letterhead on, the site around it left out;
error, login and empty pages refused with what they are."""

from __future__ import annotations

import pytest
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.errors import DocumentError, NoTextError, UnsupportedFormatError
from extract.pipeline import extract_bytes, read_document
from extract.readers.html import read_html
from extract.readers.sniff import HTML, TXT, sniff
from extract.settings import DEFAULT_SETTINGS

PAGES = ROOT / "tests" / "fixtures" / "pages"
CRAWL = ROOT / "tests" / "fixtures" / "crawl"


def _page(name: str) -> bytes:
    return (PAGES / name).read_bytes()


def _read(data: bytes):
    blocks, encoding = read_html(data, DEFAULT_SETTINGS)
    return blocks, encoding


def test_a_legal_site_page_is_read_from_its_letterhead_on():
    doc = read_document(_page("legal_site_plan.html"), name="plan.html")
    assert doc.format == HTML
    assert doc.text.startswith("ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH")
    for chrome in (
        "Đăng nhập",
        "Trang chủ",
        "Tìm kiếm",
        "Số hiệu:",
        "Lược đồ",
        "Văn bản liên quan",
        "Bản quyền",
        "_gaq",
        "Đang tải văn bản",
        "1719/QĐ-TTg",
        "__VIEWSTATE",
    ):
        assert chrome not in doc.text, chrome
    assert "Căn cứ Quyết định số 90/QĐ-TTg ngày 18/01/2022" in doc.text
    # the signature block is the document's; the site's footer after it is not
    assert "TM. ỦY BAN NHÂN DÂN" in doc.text


def test_the_letterhead_table_becomes_the_header_block_as_in_word():
    blocks, _ = _read(_page("legal_site_plan.html"))
    left, right = blocks[0], blocks[1]
    assert (left.kind, left.column) == ("header", "left")
    assert left.text.splitlines() == ["ỦY BAN NHÂN DÂN", "TỈNH HÀ TĨNH", "-------", "Số: 37/KH-UBND"]
    assert (right.kind, right.column) == ("header", "right")
    assert "Độc lập - Tự do - Hạnh phúc" in right.text
    assert right.text.splitlines()[-1] == "Hà Tĩnh, ngày 14 tháng 02 năm 2023"


def test_html_paragraphs_are_one_line_whatever_the_source_wraps():
    blocks, _ = _read(_page("legal_site_plan.html"))
    texts = [b.text for b in blocks if b.kind == "paragraph"]
    assert "THỰC HIỆN CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA GIẢM NGHÈO BỀN VỮNG NĂM 2023 TRÊN ĐỊA BÀN TỈNH HÀ TĨNH" in texts
    heading = next(b for b in blocks if b.text == "II. NỘI DUNG")
    assert heading.emphasis
    plain = next(b for b in blocks if b.text.startswith("Hỗ trợ phát triển"))
    assert not plain.emphasis


def test_table_markup_becomes_rows_and_cells_on_the_grid():
    blocks, _ = _read(_page("legal_site_plan.html"))
    table = next(b for b in blocks if b.kind == "table" and "Nguồn vốn" in b.rows[0].texts()[2])
    first, second = table.rows[0], table.rows[1]
    assert first.is_header and second.is_header
    assert [(c.col, c.colspan) for c in first.cells] == [(0, 1), (1, 1), (2, 2)]
    # the rowspan cells above leave this row an empty cell in their columns
    assert second.texts() == ["", "", "Ngân sách trung ương", "Ngân sách địa phương"]
    assert [c.col for c in second.cells] == [0, 1, 2, 3]
    assert table.rows[2].texts() == [
        "1",
        "Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo",
        "12.000",
        "1.200",
    ]
    total = table.rows[-1]
    assert total.cells[0].text == "Tổng cộng" and total.cells[0].colspan == 2 and total.cells[1].col == 2


def test_a_legal_site_page_yields_its_facts():
    ex = extract_bytes(_page("legal_site_plan.html"), "plan.html")
    d = ex.document
    assert (d["format"], d["doc_type"], d["doc_number"], d["issued_date"]) == (
        "html",
        "ke_hoach",
        "37/KH-UBND",
        "2023-02-14",
    )
    assert d["programme"] == "poverty_2021_2025"
    assert {r["code"] for r in ex.rows["components"]} == {"DA2", "DA6"}
    money = {(r["component"], r["source"]): r["vnd"] for r in ex.rows["amounts"]}
    assert money[("DA2", "central")] == 12_000_000_000
    for r in ex.rows["amounts"]:
        assert d["text"][r["char_start"] : r["char_end"]] == r["quote"]


def test_a_news_page_is_read_from_its_article_with_its_headline():
    doc = read_document(_page("news_item.html"), name="news.html")
    lines = doc.text.splitlines()
    assert lines[0] == "Huyện miền núi phấn đấu giảm 3% hộ nghèo năm 2024"
    assert "Tổng kinh phí thực hiện năm 2024 dự kiến 52,4 tỷ đồng" in doc.text
    for chrome in ("Thời sự", "Chia sẻ", "Tin liên quan", "thoát nghèo nhờ trồng quế", "Giấy phép", "08:15"):
        assert chrome not in doc.text, chrome


@pytest.mark.parametrize(
    "name, error, words",
    [
        ("error_404.html", UnsupportedFormatError, r"error page \('404 - Không tìm thấy trang'\)"),
        ("login_wall.html", UnsupportedFormatError, "login page"),
        ("empty_shell.html", NoTextError, "built by JavaScript"),
    ],
)
def test_pages_that_are_no_document_are_refused_with_their_reason(name, error, words):
    with pytest.raises(error, match=words):
        read_document(_page(name), name=name)


def test_a_page_whose_menu_says_login_and_error_is_still_read():
    """The legal-site page has a login link, a search box and a password-free form: it is a document."""
    page = _page("legal_site_plan.html").replace(b"</form>", b'<input type="password" name="p"></form>')
    doc = read_document(page.replace(b"<title>", b"<title>L\xe1\xbb\x97i | "), name="plan.html")
    assert "KẾ HOẠCH" in doc.text


def test_a_motto_broken_by_line_breaks_still_opens_the_document():
    page = (
        b"""<html><head><meta charset="utf-8"></head><body><div class="menu-top">Trang ch\xe1\xbb\xa7</div>
    <div><p>Trang web: danh m\xe1\xbb\xa5c v\xc4\x83n b\xe1\xba\xa3n</p>
    <table><tr><td>H\xe1\xbb\x98I \xc4\x90\xe1\xbb\x92NG NH\xc3\x82N D\xc3\x82N<br>T\xe1\xbb\x88NH B\xc3\x8cNH \xc4\x90\xe1\xbb\x8aNH</td>
    <td>C\xe1\xbb\x98NG H\xc3\x92A X\xc3\x83 H\xe1\xbb\x98I<br>CH\xe1\xbb\xa6 NGH\xc4\xa8A VI\xe1\xbb\x86T NAM</td></tr></table>
    <p>NGH\xe1\xbb\x8a QUY\xe1\xba\xbeT</p><p>"""
        + "Căn cứ Luật Tổ chức chính quyền địa phương; ".encode() * 8
        + b"</p></div></body></html>"
    )
    doc = read_document(page, name="nq.htm")
    assert doc.text.startswith("HỘI ĐỒNG NHÂN DÂN\nTỈNH BÌNH ĐỊNH")
    assert "danh mục" not in doc.text and "Trang chủ" not in doc.text


@pytest.mark.parametrize(
    "prefix",
    [
        b"",
        b"\xef\xbb\xbf",
        b"\r\n  ",
        b"<!-- saved from url=(0041)https://example.vn/van-ban/kh-37.html -->\r\n",
        b'<?xml version="1.0" encoding="utf-8"?>\n',
    ],
)
def test_a_web_page_is_sniffed_as_html_whatever_precedes_its_markup(prefix):
    assert sniff(prefix + _page("legal_site_plan.html"), "plan.pdf") == HTML


def test_text_that_mentions_html_is_still_text():
    assert sniff("KẾ HOẠCH\nTrang <html> của tỉnh\n".encode(), "plan.txt") == TXT


def test_a_page_declared_in_a_legacy_charset_is_decoded_by_its_declaration():
    text = _page("news_item.html").decode("utf-8").replace('charset="utf-8"', 'charset="utf-16"')
    blocks, encoding = _read(text.encode("utf-16"))
    assert encoding == "utf-16"
    assert blocks[0].text == "Huyện miền núi phấn đấu giảm 3% hộ nghèo năm 2024"


def _web_archive(page: bytes) -> bytes:
    """The page as a browser saves it in one file (.mhtml): a MIME message, the page quoted-printable."""
    import quopri

    body = quopri.encodestring(page).decode("ascii")
    return (
        "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://example.vn/van-ban/kh-37.html\r\n"
        "Subject: =?utf-8?Q?K=E1=BA=BF_ho=E1=BA=A1ch?=\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/related; type="text/html"; boundary="----MultipartBoundary--x"\r\n\r\n'
        "------MultipartBoundary--x\r\nContent-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n"
        "Content-Location: https://example.vn/van-ban/kh-37.html\r\n\r\n"
        f"{body}\r\n------MultipartBoundary--x\r\nContent-Type: image/png\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n------MultipartBoundary--x--\r\n"
    ).encode("ascii")


def test_a_page_saved_as_one_file_is_read_from_its_html_part():
    data = _web_archive(_page("legal_site_plan.html"))
    assert sniff(data, "plan.mhtml") == HTML
    doc = read_document(data, name="plan.mhtml")
    assert doc.text.startswith("ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH")
    assert "Nguồn vốn (triệu đồng)" in doc.text


def test_a_web_archive_without_a_page_is_refused_with_how_to_save_it():
    data = b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="x"\r\n\r\n--x\r\n'
    with pytest.raises(UnsupportedFormatError, match="holds no HTML page"):
        read_document(data, name="plan.mht")


def test_the_crawl_error_page_is_refused_but_the_other_pages_are_read():
    for path in sorted(CRAWL.glob("*.html")):
        if path.name == "error_page.html":
            with pytest.raises(UnsupportedFormatError, match="error page"):
                read_document(path.read_bytes(), name=path.name)
        else:
            assert read_document(path.read_bytes(), name=path.name).text.strip()


# --- any markup: a Document or a DocumentError, never an internal error ----------------------

_TAGS = [
    "div",
    "p",
    "table",
    "tr",
    "td",
    "th",
    "span",
    "b",
    "br",
    "ul",
    "li",
    "a",
    "script",
    "h1",
    "thead",
    "font",
    "nav",
    "form",
    "input",
    "article",
    "pre",
    "tbody",
    "i",
    "center",
]
_ATTRS = [
    "",
    ' class="content"',
    ' class="menu"',
    ' colspan="3"',
    ' rowspan="2"',
    ' colspan="x"',
    ' rowspan="0"',
    ' style="display:none"',
    ' type="password"',
    ' id="footer"',
    ' style="font-weight:bold"',
]
_WORDS = [
    "CỘNG HÒA XÃ HỘI",
    "CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "ỦY BAN NHÂN DÂN",
    "Số: 12/KH-UBND",
    "KẾ HOẠCH",
    "404 Not Found",
    "Đăng nhập",
    "Mật khẩu",
    "giảm nghèo bền vững",
    "1.200 triệu đồng",
    "&nbsp;",
    "&amp;",
    "<!-- c -->",
    "]]>",
    "\u200b",
    "Văn bản liên quan",
    "x" * 300,
]


@st.composite
def _markup(draw):
    parts = []
    for _ in range(draw(st.integers(1, 60))):
        kind = draw(st.integers(0, 3))
        tag = draw(st.sampled_from(_TAGS))
        if kind == 0:
            parts.append(f"<{tag}{draw(st.sampled_from(_ATTRS))}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        else:
            parts.append(draw(st.sampled_from(_WORDS)))
    head = draw(st.sampled_from(["<!DOCTYPE html><html><body>", "<html>", "<html><head><title>Lỗi</title></head>"]))
    return (head + "".join(parts)).encode(draw(st.sampled_from(["utf-8", "utf-16"])))


@settings(max_examples=150, deadline=None)
@given(_markup())
def test_any_markup_gives_a_document_or_a_document_error(data):
    try:
        doc = read_document(data, name="page.html")
    except DocumentError:
        return
    assert doc.format == HTML and doc.text.strip()


def test_a_letterhead_table_with_a_spacer_column_and_a_date_row_across_is_the_header():
    page = """<html><head><meta charset="utf-8"></head><body><table>
    <tr><td colspan="3"><b>TÒA ÁN NHÂN DÂN<br>KHU VỰC 9</b></td><td></td>
        <td colspan="5"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</b></td></tr>
    <tr><td colspan="9"><i>Cần Thơ, ngày 05 tháng 3 năm 2025</i></td></tr></table>
    <p>BÁO CÁO</p><p>Tình hình thụ lý, giải quyết các loại vụ việc trong quý I năm 2025 của đơn vị.</p>
    </body></html>""".encode()
    blocks, _ = _read(page)
    assert [(b.kind, b.column) for b in blocks[:2]] == [("header", "left"), ("header", "right")]
    assert blocks[0].text == "TÒA ÁN NHÂN DÂN\nKHU VỰC 9"
    assert blocks[1].text.splitlines()[-1] == "Cần Thơ, ngày 05 tháng 3 năm 2025"
