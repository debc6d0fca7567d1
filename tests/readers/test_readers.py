"""Readers: what each format hands on, on the sample plans and on made-up layouts.

The sample-plan tests pin what was wrong before (header columns interleaved, paragraphs
joined across a heading, a table row cut at a page break); the synthetic ones state the
PDF layout rules one at a time, so a change to a rule shows which case it breaks.
"""

from __future__ import annotations

import io

import docx
import pytest
from conftest import CORPUS, PLAN_STEMS, sample_document
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.document.build import build_document
from extract.readers.docx import read_docx
from extract.readers.pdf import read_pdf
from extract.readers.pdflayout import Glyph, Line, PageLayout, Word, assemble, dedupe, join_text, lines, words
from extract.readers.txt import read_text
from extract.settings import DEFAULT_SETTINGS
from extract.text.normalize import collapse, key

S = DEFAULT_SETTINGS


def _header(doc, column: str) -> list[str]:
    return [ln for b in doc.blocks if b.kind == "header" and b.column == column for ln in b.text.split("\n")]


# --- the header block ---------------------------------------------------------------


@pytest.mark.parametrize("stem", PLAN_STEMS)
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_header_block_is_read_column_by_column(stem, fmt):
    doc = sample_document(f"office/{stem}.{fmt}")
    left, right = _header(doc, "left"), _header(doc, "right")
    left_text, right_text = " ".join(left), " ".join(right)
    # the issuing body and the document number come out together, in the left column
    assert left[0] == "ỦY BAN NHÂN DÂN"
    assert any(ln.startswith("Số:") for ln in left)
    assert "CỘNG HÒA" not in left_text and "Độc lập" not in left_text
    # the motto (and the place and date) in the right column, never the number
    assert right_text.startswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA")
    assert "Độc lập - Tự do - Hạnh phúc" in right
    assert "Số:" not in right_text and "ỦY BAN NHÂN DÂN" not in right_text


@pytest.mark.parametrize("stem", PLAN_STEMS)
def test_pdf_header_matches_the_docx_header(stem):
    """Wrapped lines aside ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA" / "VIỆT NAM"), both say the same."""
    pdf, word = sample_document(f"office/{stem}.pdf"), sample_document(f"office/{stem}.docx")
    for column in ("left", "right"):
        assert collapse(" ".join(_header(pdf, column))) == collapse(" ".join(_header(word, column)))


def test_header_block_ends_at_the_gap_before_the_title():
    """004 prints the place and date twice; the second, below the header, is body text."""
    doc = sample_document("office/004_77f6fc84ebd74c3d.pdf")
    assert _header(doc, "right")[-1] == "Cẩm Châu, ngày tháng 5 năm 2022"
    body = [b for b in doc.blocks if b.kind != "header"]
    assert body[0].text == "Cẩm Châu, ngày tháng 5 năm 2022"
    assert body[1].text == "KẾ HOẠCH"


# --- the fast PDF path ---------------------------------------------------------------


@pytest.mark.parametrize("stem", PLAN_STEMS)
def test_pdf_fast_backend_matches_pdfplumber(stem):
    """PDFium text plus pdfplumber tables gives what pdfplumber alone gives."""
    fast = sample_document(f"office/{stem}.pdf")
    slow = sample_document(f"office/{stem}.pdf", backend="pdfplumber")
    assert fast.text == slow.text
    assert [(s.label, s.level, s.title, s.start, s.end, s.parent_id, s.page) for s in fast.sections] == [
        (s.label, s.level, s.title, s.start, s.end, s.parent_id, s.page) for s in slow.sections
    ]
    assert [(b.kind, b.page, b.page_end) for b in fast.blocks] == [(b.kind, b.page, b.page_end) for b in slow.blocks]


def test_unknown_pdf_backend_is_refused():
    with pytest.raises(ValueError, match="pdfium"):
        read_pdf(b"%PDF-1.4", S, backend="pdfminer")


def test_word_cut_at_line_end_hyphen_is_whole():
    """PDFium marks a line-end hyphen as a soft hyphen; "90/QĐ-" + "TTg" stays "90/QĐ-TTg"."""
    doc = sample_document("office/004_77f6fc84ebd74c3d.pdf")
    assert "90/QĐ-TTg ngày 18/01/2022" in doc.text
    assert "QĐ TTg" not in doc.text


@pytest.mark.parametrize("stem", PLAN_STEMS)
def test_running_page_numbers_are_dropped(stem):
    doc = sample_document(f"office/{stem}.pdf")
    assert not [b.text for b in doc.blocks if b.kind == "paragraph" and b.text.strip().isdigit()]


# --- tables --------------------------------------------------------------------------


def _rows(doc):
    return [[key(c.text) for c in r.cells] for t in doc.tables() for r in t.rows]


def test_repeated_header_rows_are_recognised_as_repeats():
    """003's appendix table repeats its header on every page; it is kept once, as header."""
    for fmt in ("txt/003_9192dfae355c46d7.txt", "office/003_9192dfae355c46d7.docx", "office/003_9192dfae355c46d7.pdf"):
        doc = sample_document(fmt)
        tables = list(doc.tables())
        assert len(tables) == 1, fmt
        header = tables[0].header_rows()
        assert [collapse(c.text) for c in header[0].cells] == [
            "TT",
            "Nhiệm vụ, giải pháp",
            "Cơ quan chủ trì",
            "Cơ quan phối hợp",
            "Thời gian thực hiện",
        ], fmt
        assert len(header) == 1, fmt
        assert not [r for r in tables[0].body_rows() if key(r.cells[0].text) == "tt"], fmt


def test_split_table_row_comes_out_joined():
    """In 003's TXT a row continues after the repeated header, its TT cell empty."""
    txt = sample_document("txt/003_9192dfae355c46d7.txt")
    table = next(txt.tables())
    joined = [r for r in table.rows if r.joined]
    assert len(joined) == 1
    assert all(r.cells[0].text for r in table.body_rows()), "no row is left without its number"
    # the joined row reads as the Word rendition's uncut row
    assert _rows(txt) == _rows(sample_document("office/003_9192dfae355c46d7.docx"))


def test_pdf_rows_cut_at_page_breaks_are_joined():
    pdf = sample_document("office/003_9192dfae355c46d7.pdf")
    table = next(pdf.tables())
    assert any(r.joined for r in table.rows)
    assert table.page == 6 and table.page_end == 12
    assert _rows(pdf) == _rows(sample_document("office/003_9192dfae355c46d7.docx"))


def test_flattened_txt_table_is_read_one_cell_per_line():
    """002's TXT appendix has one cell per line, rows separated by a blank line."""
    doc = sample_document("txt/002_36708f18770573fd.txt")
    table = next(doc.tables())
    assert table.ncols == 17
    assert len(table.rows) == 15
    first = table.rows[0].texts(table.ncols)
    assert first[:4] == ["1", "Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo", "62.500", "-"]
    assert first[-1] == "500"


def test_merged_cells_span_their_columns():
    word = next(sample_document("office/002_36708f18770573fd.docx").tables())
    pdf = next(sample_document("office/002_36708f18770573fd.pdf").tables())
    for table in (word, pdf):
        top = table.rows[0]
        spans = [(collapse(c.text), c.col, c.colspan) for c in top.cells if c.colspan > 1]
        assert ("Tổng nhu cầu kinh phí giai đoạn 2022 - 2025", 2, 4) in spans
        assert table.rows[1].is_header
    # a cell merged down from the row above is an empty cell in both formats
    assert [[key(c.text) for c in r.cells] for r in pdf.rows[:2]] == [
        [key(c.text) for c in r.cells] for r in word.rows[:2]
    ]


def test_txt_repeated_cell_text_is_one_merged_cell():
    """A conversion writes a merged cell's text once per column it spans."""
    blocks = read_text("\tKinh phí 01 năm\n\tKinh phí 01 năm\n\t53.175\n\t2.500\n\n\t1\n\tDự án 1\n\t10\n\t20\n")
    row = blocks[0].rows[0]
    assert [(c.text, c.col, c.colspan) for c in row.cells] == [
        ("Kinh phí 01 năm", 0, 2),
        ("53.175", 2, 1),
        ("2.500", 3, 1),
    ]


def test_txt_repeated_numbers_are_not_merged():
    blocks = read_text("STT\tNội dung\tA\tB\n1\tX\t-\t-\n2\tY\t5\t5\n")
    assert [len(r.cells) for r in blocks[0].rows] == [4, 4, 4]


# --- TXT markup ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, text, emphasis",
    [
        ("## **KẾ HOẠCH**", "KẾ HOẠCH", True),
        ("**I. MỤC TIÊU**", "I. MỤC TIÊU", True),
        ("Tỷ lệ (*trong đó, Khmer*) giảm", "Tỷ lệ (trong đó, Khmer) giảm", False),
        ("<b>1. Mục đích</b>", "1. Mục đích", True),
        ("Kết thúc[bookmark: _GoBack] văn bản", "Kết thúc văn bản", False),
    ],
)
def test_txt_markup_is_stripped(line, text, emphasis):
    (block,) = read_text(line)
    assert (block.text, block.emphasis) == (text, emphasis)


def test_txt_bold_spanning_lines_is_closed_on_each_line():
    blocks = read_text("**TM. ỦY BAN NHÂN DÂN  \nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH**\n")
    assert [(b.text, b.emphasis) for b in blocks] == [
        ("TM. ỦY BAN NHÂN DÂN", True),
        ("KT. CHỦ TỊCH", True),
        ("PHÓ CHỦ TỊCH", True),
    ]


# --- DOCX ------------------------------------------------------------------------------


def _docx_bytes(build) -> bytes:
    d = docx.Document()
    build(d)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_docx_keeps_tables_in_document_order():
    def build(d):
        d.add_paragraph("Trước bảng")
        t = d.add_table(rows=2, cols=3)
        for i, text in enumerate(["TT", "Nội dung", "Kinh phí"]):
            t.cell(0, i).text = text
        for i, text in enumerate(["1", "Dự án 1", "1.000"]):
            t.cell(1, i).text = text
        d.add_paragraph("Sau bảng")

    blocks = read_docx(_docx_bytes(build), S)
    assert [b.kind for b in blocks] == ["paragraph", "table", "paragraph"]
    assert blocks[1].rows[1].texts() == ["1", "Dự án 1", "1.000"]


def test_docx_merged_cell_is_one_cell():
    def build(d):
        d.add_paragraph("Bảng")
        t = d.add_table(rows=3, cols=3)
        t.cell(0, 1).merge(t.cell(0, 2)).text = "Kinh phí"
        t.cell(0, 0).merge(t.cell(1, 0)).text = "TT"
        t.cell(1, 1).text, t.cell(1, 2).text = "Tổng", "ĐTPT"
        for i, text in enumerate(["1", "5", "3"]):
            t.cell(2, i).text = text

    table = [b for b in read_docx(_docx_bytes(build), S) if b.kind == "table"][0]
    top, second = table.rows[0], table.rows[1]
    assert [(c.text, c.col, c.colspan) for c in top.cells] == [("TT", 0, 1), ("Kinh phí", 1, 2)]
    assert [(c.text, c.col) for c in second.cells] == [("", 0), ("Tổng", 1), ("ĐTPT", 2)]


def test_docx_borderless_two_column_header_becomes_header_columns():
    def build(d):
        t = d.add_table(rows=2, cols=2)
        t.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nHUYỆN A"
        t.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
        t.cell(1, 0).text = "Số: 12/KH-UBND"
        t.cell(1, 1).text = "A, ngày 1 tháng 2 năm 2022"
        d.add_paragraph("KẾ HOẠCH")

    doc = build_document(read_docx(_docx_bytes(build), S), "docx")
    assert _header(doc, "left") == ["ỦY BAN NHÂN DÂN", "HUYỆN A", "Số: 12/KH-UBND"]
    assert _header(doc, "right") == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "A, ngày 1 tháng 2 năm 2022",
    ]


# --- PDF layout rules on made-up pages ----------------------------------------------------

LEFT, RIGHT, SIZE, PITCH = 85.0, 538.0, 13.0, 17.0
CHAR = 6.5  # width of one character in these made-up lines


def _line(
    text: str,
    base: float,
    x0: float = LEFT,
    bold: bool = False,
    size: float = SIZE,
    justify: bool = False,
    right: float = RIGHT,
) -> Line:
    ws, x = [], x0
    parts = text.split(" ")
    gap = CHAR / 2
    if justify and len(parts) > 1:
        natural = sum(len(p) * CHAR for p in parts) + gap * (len(parts) - 1)
        gap += (right - x0 - natural) / (len(parts) - 1)
    for p in parts:
        ws.append(Word(p, x, x + len(p) * CHAR, base, size, "Serif-Bold" if bold else "Serif"))
        x += len(p) * CHAR + gap
    return Line(ws)


def _full(text: str, base: float, x0: float = LEFT, **kw) -> Line:
    return _line(text, base, x0, justify=True, **kw)


def _centred(text: str, base: float) -> Line:
    width = len(text.replace(" ", "")) * CHAR + text.count(" ") * CHAR / 2
    return _line(text, base, x0=(LEFT + RIGHT - width) / 2, bold=True)


def _page(*page_lines: Line, number: int = 2) -> PageLayout:
    # a page of body text needs enough full lines for the margins and the pitch to be measured
    filler = [
        _full("aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm", 600 + i * PITCH) for i in range(6)
    ]
    return PageLayout(number, 595.0, 842.0, list(page_lines) + filler)


def _texts(*pages: PageLayout) -> list[str]:
    return [b.text for b in assemble(list(pages), S)][:-1]  # the filler is the last paragraph


def test_paragraph_continues_after_a_full_line_at_the_left_margin():
    assert _texts(
        _page(
            _full("Căn cứ Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ về", 100, x0=113),
            _line("phê duyệt Chương trình.", 100 + PITCH),
        )
    ) == ["Căn cứ Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ về phê duyệt Chương trình."]


def test_a_short_line_ends_its_paragraph():
    """ "a) Nội dung" left room for the next line's first word, so it was a line of its own."""
    assert _texts(
        _page(
            _line("a) Nội dung, đối tượng hỗ trợ", 100, x0=113),
            _full("Triển khai các mô hình, dự án giảm nghèo hỗ trợ phát triển sản xuất kinh", 100 + PITCH, x0=113),
            _line("doanh, dịch vụ.", 100 + 2 * PITCH),
        )
    ) == [
        "a) Nội dung, đối tượng hỗ trợ",
        "Triển khai các mô hình, dự án giảm nghèo hỗ trợ phát triển sản xuất kinh doanh, dịch vụ.",
    ]


def test_a_first_line_indent_starts_a_paragraph():
    assert _texts(
        _page(
            _full("Lãnh đạo, chỉ đạo, thực hiện Chương trình mục tiêu quốc gia giảm nghèo", 100, x0=113),
            _full("Tạo sự chuyển biến tích cực về nhận thức và hành động trong công tác lãnh", 100 + PITCH, x0=113),
        )
    ) == [
        "Lãnh đạo, chỉ đạo, thực hiện Chương trình mục tiêu quốc gia giảm nghèo",
        "Tạo sự chuyển biến tích cực về nhận thức và hành động trong công tác lãnh",
    ]


def test_a_number_or_dash_at_a_line_start_continues_an_unfinished_sentence():
    """ "giai đoạn 2021" / "- 2025:" and ".. giai đoạn" / "2022 - 2025; ..." are wrapped phrases."""
    assert _texts(
        _page(
            _full("3. Các phòng, ban, ngành huyện chủ trì dự án thuộc Chương trình giai đoạn 2021", 100, x0=113),
            _line("- 2025:", 100 + PITCH),
            _full(
                "+ Tiếp tục triển khai các chương trình, đề án về giải quyết việc làm giai đoạn",
                100 + 2 * PITCH,
                x0=113,
            ),
            _line("2022 - 2025; triển khai các hoạt động.", 100 + 3 * PITCH),
        )
    ) == [
        "3. Các phòng, ban, ngành huyện chủ trì dự án thuộc Chương trình giai đoạn 2021 - 2025:",
        "+ Tiếp tục triển khai các chương trình, đề án về giải quyết việc làm giai đoạn 2022 - 2025; triển khai các hoạt động.",
    ]


def test_a_label_after_a_finished_sentence_starts_a_paragraph():
    assert _texts(
        _page(
            _full("Thực hiện hiệu quả các chế độ, chính sách đối với các đối tượng được hưởng.", 100, x0=113),
            _full("- Giảm tỷ lệ hộ nghèo đến hết năm 2024 toàn huyện còn 1,41% theo chuẩn mới", 100 + PITCH),
        )
    ) == [
        "Thực hiện hiệu quả các chế độ, chính sách đối với các đối tượng được hưởng.",
        "- Giảm tỷ lệ hộ nghèo đến hết năm 2024 toàn huyện còn 1,41% theo chuẩn mới",
    ]


def test_paragraph_spacing_separates_paragraphs():
    assert _texts(
        _page(
            _line(
                "VỀ VIỆC BAN HÀNH KẾ HOẠCH THỰC HIỆN CHƯƠNG TRÌNH MỤC TIÊU QUỐC",
                100,
                x0=100,
                bold=True,
                justify=True,
                right=LEFT + RIGHT - 100,
            ),
            _centred("ĐỊA BÀN TỈNH", 100 + PITCH),
            _centred("ỦY BAN NHÂN DÂN TỈNH", 100 + 2 * PITCH + 4),
        )
    ) == ["VỀ VIỆC BAN HÀNH KẾ HOẠCH THỰC HIỆN CHƯƠNG TRÌNH MỤC TIÊU QUỐC ĐỊA BÀN TỈNH", "ỦY BAN NHÂN DÂN TỈNH"]


def test_a_change_of_weight_or_size_starts_a_paragraph():
    assert _texts(
        _page(
            _full("1. Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo bền vững", 100, x0=113, bold=True),
            _line("trên địa bàn.", 100 + PITCH),
            _line("[1] Ngân sách Trung ương hỗ trợ 04 năm", 100 + 2 * PITCH, size=10),
        )
    ) == [
        "1. Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo bền vững",
        "trên địa bàn.",
        "[1] Ngân sách Trung ương hỗ trợ 04 năm",
    ]


def test_a_paragraph_continues_across_a_page_break():
    filler = "aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm."
    first = PageLayout(
        3,
        595.0,
        842.0,
        [_full(filler, 100 + i * PITCH) for i in range(6)]
        + [_full("Tập trung nguồn lực đầu tư xây dựng hạ tầng thiết yếu phục vụ cho sản xuất", 760, x0=113)],
    )
    second = PageLayout(
        4,
        595.0,
        842.0,
        [
            _line("và dân sinh.", 80),
            _full("Hỗ trợ, khuyến khích doanh nghiệp đầu tư ở những địa bàn khó khăn", 80 + PITCH, x0=113),
        ],
    )
    texts = [b.text for b in assemble([first, second], S)]
    assert texts[-2:] == [
        "Tập trung nguồn lực đầu tư xây dựng hạ tầng thiết yếu phục vụ cho sản xuất và dân sinh.",
        "Hỗ trợ, khuyến khích doanh nghiệp đầu tư ở những địa bàn khó khăn",
    ]
    assert [b.page for b in assemble([first, second], S)][-2] == 3


@pytest.mark.parametrize(
    "a, b, joined",
    [
        ("Kế hoạch số 59-", "KH/HU ngày", "Kế hoạch số 59-KH/HU ngày"),
        ("kinh tế -", "xã hội", "kinh tế - xã hội"),
        ("giai đoạn 2021", "- 2025", "giai đoạn 2021 - 2025"),
    ],
)
def test_join_text(a, b, joined):
    assert join_text(a, b) == joined


def test_words_and_lines_from_glyphs():
    """White space and wide gaps split words; glyphs drawn twice (fake bold) count once."""
    g = [
        Glyph("K", 10, 16, 100, 12, "F"),
        Glyph("H", 16, 22, 100, 12, "F"),
        None,
        Glyph("1", 30, 36, 100.5, 12, "F"),
        Glyph("1", 30.2, 36.2, 100.5, 12, "F"),
        Glyph("x", 60, 66, 100, 12, "F"),
        Glyph("y", 10, 16, 120, 12, "F"),
    ]
    ls = lines(words(g, S), S)
    assert [ln.text for ln in ls] == ["KH 1 x", "y"]


def test_sample_pdf_paragraphs_match_the_docx():
    """Every paragraph of every sample PDF is a paragraph of the Word rendition."""
    for stem in PLAN_STEMS:
        pdf, word = sample_document(f"office/{stem}.pdf"), sample_document(f"office/{stem}.docx")
        want = [key(b.text) for b in word.blocks if b.kind in ("paragraph", "heading")]
        got = [key(b.text) for b in pdf.blocks if b.kind in ("paragraph", "heading")]
        assert got == want, stem


def test_reader_is_chosen_by_content_not_name(tmp_path):
    from extract.pipeline import read_document

    data = (CORPUS / "office/001_9d22f5555e289895.pdf").read_bytes()
    assert read_document(data, name="ke_hoach.docx").format == "pdf"


# --- the fast PDF text path against plain reference implementations -----------------------


def _dedupe_reference(glyphs):
    """The pairwise rule with no shortcut: a glyph repeats an earlier kept one of the same
    text and font less than a point away in both directions."""
    kept, out = [], []
    for g in glyphs:
        if g is not None and any(
            o.text == g.text and o.font == g.font and abs(o.x0 - g.x0) < 1 and abs(o.base - g.base) < 1 for o in kept
        ):
            continue
        if g is not None:
            kept.append(g)
        out.append(g)
    return out


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.none(),
            st.tuples(
                st.sampled_from("ab"),
                st.floats(0, 6, allow_nan=False),
                st.floats(0, 6, allow_nan=False),
                st.sampled_from(["F", "F-Bold"]),
            ),
        ),
        max_size=40,
    )
)
def test_dedupe_shortcut_drops_exactly_what_the_pairwise_rule_drops(items):
    """Twins straddling a grid line, chains of near copies and same text in another font."""
    glyphs = [None if i is None else Glyph(i[0], i[1], i[1] + 5, i[2], 12.0, i[3]) for i in items]
    assert dedupe(glyphs) == _dedupe_reference(glyphs)


def _glyphs_reference(page):
    """Every property asked of PDFium for every character, through pypdfium2's checked calls."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    textpage = page.get_textpage()
    height = page.get_height()
    rect, ox, oy = pdfium_c.FS_RECTF(), ctypes.c_double(), ctypes.c_double()
    buf = ctypes.create_string_buffer(256)
    out = []
    for i in range(textpage.count_chars()):
        ch = chr(pdfium_c.FPDFText_GetUnicode(textpage, i))
        if ch.isspace() or ch in "\x00\uffff":
            out.append(None)
            continue
        pdfium_c.FPDFText_GetLooseCharBox(textpage, i, rect)
        pdfium_c.FPDFText_GetCharOrigin(textpage, i, ox, oy)
        obj = pdfium_c.FPDFText_GetTextObject(textpage, i)
        font = pdfium_c.FPDFTextObj_GetFont(obj) if obj else None
        n = pdfium_c.FPDFFont_GetBaseFontName(font, buf, len(buf)) if font else 0
        name = buf.raw[: max(n - 1, 0)].decode("utf-8", "replace")
        size = pdfium_c.FPDFText_GetFontSize(textpage, i)
        out.append(Glyph("-" if ch in "\x02\xad\ufffe" else ch, rect.left, rect.right, height - oy.value, size, name))
    textpage.close()
    return out


@pytest.mark.parametrize("stem", PLAN_STEMS)
def test_fast_glyphs_match_asking_pdfium_for_everything(stem):
    """The baseline and font asked once per text object, unchecked C calls, and a word of one
    text object read as one run from its first and last characters change no word: the
    words laid out of them are those of asking PDFium everything about every character."""
    import pypdfium2 as pdfium

    from extract.readers.pdffast import page_glyphs

    settings = DEFAULT_SETTINGS
    pdf = pdfium.PdfDocument((CORPUS / "office" / f"{stem}.pdf").read_bytes())
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            want = _glyphs_reference(page)
            got = page_glyphs(page)
            assert words(got, settings) == words(want, settings), (stem, i + 1)
            assert "".join(g.text for g in got if g) == "".join(g.text for g in want if g), (stem, i + 1)
            assert len(got) < len(want), "words of one text object come as one run"
            page.close()
    finally:
        pdf.close()


def _one_page_pdf(content: bytes) -> bytes:
    """A one-page PDF drawing `content` with the standard Times-Roman font."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


@pytest.mark.parametrize("spacing", [0.0, 1.0, 3.5, 5.0])
def test_regression_letter_spacing_inside_one_text_object_cuts_words_as_per_character(spacing):
    """Character spacing (Tc) sets letters apart inside one text object, and PDFium puts no
    space there: read as runs, "3diem" must still be cut where the per-character reading
    cuts it (a gap over pdf_word_gap), not kept whole because its first and last letters
    belong to one object (a gazette table's "3 điểm" became "3điểm" so)."""
    import pypdfium2 as pdfium

    from extract.readers.pdffast import page_glyphs

    data = _one_page_pdf(b"BT /F1 12 Tf %.1f Tc 72 700 Td (Muc 3diem) Tj ET" % spacing)
    pdf = pdfium.PdfDocument(data)
    try:
        page = pdf[0]
        want = words(_glyphs_reference(page), DEFAULT_SETTINGS)
        got = words(page_glyphs(page, DEFAULT_SETTINGS.pdf_word_gap), DEFAULT_SETTINGS)
        page.close()
    finally:
        pdf.close()
    assert [w.text for w in got] == [w.text for w in want]
    assert got == want
    if spacing > DEFAULT_SETTINGS.pdf_word_gap:
        assert len(got) == len("Muc3diem")
    else:
        assert [w.text for w in got] == ["Muc", "3diem"]
