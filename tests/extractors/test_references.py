"""Citations of other documents, and the view linking a plan to the ingested plan it cites."""

from __future__ import annotations

import pytest
from conftest import RENDITIONS, doc_id_of

from extract.extractors import metadata, references
from extract.extractors.references import find_citations, type_of_number
from extract.pipeline import Context, read_document
from extract.settings import DEFAULT_SETTINGS


@pytest.mark.parametrize(
    "text, want",
    [
        (
            "Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ phê duyệt Chương trình",
            ("quyet_dinh", "90/QĐ-TTg", "2022-01-18", "Thủ tướng Chính phủ"),
        ),
        (
            "Kế hoạch số 82/KH-UBND ngày 07 tháng 4 năm 2022 của UBND huyện Cẩm Thủy về Triển khai",
            ("ke_hoach", "82/KH-UBND", "2022-04-07", "UBND huyện Cẩm Thủy"),
        ),
        (
            "Căn cứ Quyết định số 90/QĐ-TTg, ngày 18/01/2022 của Thủ tướng Chính phủ;",
            ("quyet_dinh", "90/QĐ-TTg", "2022-01-18", "Thủ tướng Chính phủ"),
        ),
        (
            "Nghị định số 27/2022/NĐ-CP ngày 19/4/2022 của Chính phủ quy định",
            ("nghi_dinh", "27/2022/NĐ-CP", "2022-04-19", "Chính phủ"),
        ),
        (
            "Kế hoạch số 59-KH/HU ngày 24/12/2021 của Huyện ủy phải được thực hiện",
            ("ke_hoach", "59-KH/HU", "2021-12-24", "Huyện ủy"),
        ),
        (
            "Kế hoạch hành động số 30-KH/TU ngày 16/8/2021 của Ban Thường vụ Tỉnh ủy về",
            ("ke_hoach", "30-KH/TU", "2021-08-16", "Ban Thường vụ Tỉnh ủy"),
        ),
        (
            "Chỉ thị số 05-CT/TW của Ban Bí thư Trung ương Đảng",
            ("chi_thi", "05-CT/TW", None, "Ban Bí thư Trung ương Đảng"),
        ),
        ("Tờ trình số 144/TTr-SLĐTBXH, ngày 24/6/2022,", ("to_trinh", "144/TTr-SLĐTBXH", "2022-06-24", None)),
        (
            "Công văn số 123/UBND-VX ngày 2/3/2023 của UBND tỉnh Điện Biên",
            ("cong_van", "123/UBND-VX", "2023-03-02", "UBND tỉnh Điện Biên"),
        ),
    ],
)
def test_find_citations(text, want):
    c = find_citations(text)[0]
    assert (c.ref_type, c.number, c.date, c.issuer) == want
    quote = text[c.start : c.end]
    assert quote[:1].isupper()
    assert quote.endswith(want[3]) if want[3] else want[1] in quote.replace(" ", "")


def test_a_list_of_numbers_after_one_type_word():
    found = find_citations("các Quyết định số 1/QĐ-UBND, số 2/QĐ-UBND và số 3/QĐ-UBND ngày 5/1/2022 của UBND tỉnh")
    assert [(c.ref_type, c.number) for c in found] == [("quyet_dinh", f"{i}/QĐ-UBND") for i in (1, 2, 3)]


@pytest.mark.parametrize(
    "number, doc_type",
    [
        ("21/KH-UBND", "ke_hoach"),
        ("1424/QĐ-UBND", "quyet_dinh"),
        ("59-KH/HU", "ke_hoach"),
        ("27/2022/NĐ-CP", "nghi_dinh"),
        ("12/BC-UBND", "bao_cao"),
        ("123/UBND-VX", None),
        (None, None),
    ],
)
def test_type_of_number(number, doc_type):
    assert type_of_number(number) == doc_type


def _rows(text: str) -> tuple[dict, list[dict]]:
    doc = read_document(text.encode("utf-8"))
    ctx = Context(DEFAULT_SETTINGS)
    metadata.extract(doc, ctx)
    references.extract(doc, ctx)
    return ctx.meta, ctx.rows["references"]


def test_references_are_one_row_per_cited_document_and_skip_the_plan_itself():
    meta, refs = _rows(
        "Số: 15/KH-UBND\nMường Nhé, ngày 3 tháng 3 năm 2023\nKẾ HOẠCH\nGiảm nghèo năm 2023\n"
        "Căn cứ Kế hoạch số 20/KH-UBND ngày 10/02/2023 của UBND tỉnh về giảm nghèo; Quyết định số 90/QĐ-TTg.\n"
        "I. MỤC TIÊU\nThực hiện Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ.\n"
        "PHỤ LỤC\n(Kèm theo Kế hoạch số 15/KH-UBND ngày 3/3/2023 của UBND huyện)\n"
    )
    assert meta["doc_number"] == "15/KH-UBND"
    got = {(r["ref_type"], r["ref_number"]): r for r in refs}
    assert set(got) == {("ke_hoach", "20/KH-UBND"), ("quyet_dinh", "90/QĐ-TTg")}
    assert got[("quyet_dinh", "90/QĐ-TTg")]["ref_date"] == "2022-01-18"  # the fuller mention wins
    # "UBND tỉnh" without a name is the citing district's own province
    assert (got[("ke_hoach", "20/KH-UBND")]["ref_level"], got[("ke_hoach", "20/KH-UBND")]["ref_unit_code"]) == (
        "province",
        "11",
    )
    for r in refs:
        assert r["quote"].startswith(("Kế hoạch", "Quyết định")) and r["char_end"] > r["char_start"]


def test_named_issuer_resolves_within_the_citing_province():
    _, refs = _rows(
        "Số: 3/KH-UBND\nCẩm Châu, ngày 2 tháng 3 năm 2022\nKẾ HOẠCH\nGiảm nghèo trên địa bàn xã Cẩm Châu\n"
        "Thực hiện Kế hoạch số 82/KH-UBND ngày 07/4/2022 của UBND huyện Cẩm Thủy.\nI. MỤC TIÊU\nNội dung.\n"
    )
    [r] = refs
    assert (r["ref_level"], r["ref_unit_code"]) == ("district", "390")


@pytest.mark.parametrize("path", RENDITIONS, ids=lambda p: p.name)
def test_sample_plans_cite_the_national_programme_or_a_higher_plan(corpus_con, path):
    doc_id = doc_id_of(corpus_con, path.name)
    rows = corpus_con.execute(
        'SELECT ref_type, ref_number, ref_date, quote FROM "references" WHERE doc_id = ?', [doc_id]
    ).fetchall()
    assert rows
    own = corpus_con.execute("SELECT doc_number FROM documents WHERE doc_id = ?", [doc_id]).fetchone()[0]
    assert all(number != own for _, number, _, _ in rows)
    assert all(number in quote.replace(" ", "") for _, number, _, quote in rows)


def test_plan_citations_view_links_a_plan_to_the_ingested_plan_it_cites(tmp_path):
    from extract.batch.ingest import ingest
    from extract.store.writer import connect

    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "district.txt").write_text(
        "ỦY BAN NHÂN DÂN\nHUYỆN MƯỜNG NHÉ\nSố: 82/KH-UBND\nMường Nhé, ngày 7 tháng 4 năm 2022\nKẾ HOẠCH\n"
        "Giảm nghèo bền vững giai đoạn 2021 - 2025 trên địa bàn huyện Mường Nhé\nI. MỤC TIÊU\nNội dung.\n",
        encoding="utf-8",
    )
    (plans / "commune.txt").write_text(
        "ỦY BAN NHÂN DÂN\nXÃ CHUNG CHẢI\nSố: 5/KH-UBND\nChung Chải, ngày 2 tháng 5 năm 2022\nKẾ HOẠCH\n"
        "Giảm nghèo bền vững giai đoạn 2021 - 2025 trên địa bàn xã Chung Chải\n"
        "Thực hiện Kế hoạch số 82/KH-UBND ngày 07/4/2022 của UBND huyện Mường Nhé về giảm nghèo;\n"
        "I. MỤC TIÊU\nNội dung.\n",
        encoding="utf-8",
    )
    (plans / "elsewhere.txt").write_text(  # same number, another district: must not link
        "ỦY BAN NHÂN DÂN\nHUYỆN TỦA CHÙA\nSố: 82/KH-UBND\nTủa Chùa, ngày 7 tháng 4 năm 2022\nKẾ HOẠCH\n"
        "Giảm nghèo giai đoạn 2021 - 2025\nI. MỤC TIÊU\nNội dung.\n",
        encoding="utf-8",
    )
    db = tmp_path / "k.duckdb"
    assert ingest([plans], db).failed == 0
    con = connect(db, read_only=True)
    try:
        rows = con.execute(
            "SELECT citing_file, cited_file, citing_level, cited_level, ref_number, date_agrees FROM plan_citations"
        ).fetchall()
    finally:
        con.close()
    assert rows == [("commune.txt", "district.txt", "commune", "district", "82/KH-UBND", True)]
