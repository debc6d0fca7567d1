"""Duty lists: the item openings, the components a duty names, plans end to end against
gold, the identity of a kind of body across levels, and its 2025 successors."""

from __future__ import annotations

import pytest
from conftest import CORPUS, PLAN_STEMS, RENDITIONS, doc_id_of, gold_for

from extract.analysis.evaluate import db_facts, gold_facts
from extract.document.build import build_document
from extract.extractors import agencies, duties
from extract.pipeline import extract_document, read_document
from extract.readers.txt import read_text
from extract.text.normalize import key

LD = "Phòng Lao động - Thương binh và Xã hội"


def subject(text: str, level: str = "district") -> list[str] | None:
    got = duties.read_subject(text, level, 12)
    return None if got is None else [b.name for b in got]


# (item as written, the plan's level, the bodies it gives duties to; None: not an item)
ITEMS = [
    ("1. Phòng Lao động - Thương binh và Xã hội", "district", [LD]),
    ("4. Sở NN&PTNT: Chủ trì, trực tiếp quản lý, hướng dẫn", "province", ["Sở Nông nghiệp và Phát triển nông thôn"]),
    ("2. Giao Trưởng phòng Lao động - Thương binh và Xã hội chủ trì, phối hợp với các phòng", "district", [LD]),
    (
        "7. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam huyện và các tổ chức chính trị - xã hội: tham gia",
        "district",
        ["Ủy ban Mặt trận Tổ quốc Việt Nam huyện"],
    ),
    # the level word closing the list applies to every body of it
    ("4. Đề nghị UBMTTQ và các tổ chức chính trị - xã hội huyện", "district", ["Ủy ban Mặt trận Tổ quốc huyện"]),
    (
        "1. Thủ trưởng các ban, phòng, ngành đoàn thể huyện, Chủ tịch Ủy ban nhân dân các xã, thị trấn căn cứ chức năng",
        "district",
        ["UBND cấp xã"],
    ),
    (
        "1.2. Các Công chức chuyên môn: Địa chính Nông nghiệp, Văn hóa – Xã hội;\nTrạm y tế xã (đơn vị được phân công)",
        "commune",
        ["Công chức Địa chính Nông nghiệp", "Công chức Văn hóa - Xã hội", "Trạm Y tế xã"],
    ),
    ("19. Ủy ban nhân dân các huyện, thị xã, thành phố", "province", ["UBND cấp huyện"]),
    # a label written close up, as a PDF of a Word list prints it
    ("21.Phòng Lao động - Thương binh và Xã hội", "district", [LD]),
    # late-2025 provincial and commune plans
    (
        "1. Sở Nông nghiệp và Môi trường (cơ quan thường trực Chương trình): chủ trì, phối hợp",
        "province",
        ["Sở Nông nghiệp và Môi trường"],
    ),
    ("- Sở Nội vụ: hướng dẫn thực hiện chính sách việc làm", "province", ["Sở Nội vụ"]),
    (
        "b) Giám đốc các Sở: Nội vụ, Tài chính; Chủ tịch UBND các xã, phường căn cứ",
        "province",
        ["Sở Nội vụ", "Sở Tài chính", "UBND cấp xã"],
    ),
    ("2. Phòng Văn hóa - Xã hội xã: tham mưu UBND xã", "commune", ["Phòng Văn hóa - Xã hội xã"]),
    (
        "Điều 2. Giao Sở LĐ-TB&XH chủ trì, phối hợp với các sở, ngành",
        "province",
        ["Sở Lao động - Thương binh và Xã hội"],
    ),
    # catch-alls give no entry, and neither does a body that only qualifies one
    ("17. Trách nhiệm của các sở, ban, ngành liên quan", "province", []),
    ("3. Các tổ chức thành viên của MTTQ Việt Nam phường tham gia giám sát", "commune", []),
    # not items: a duty verb or a sentence opens them
    ("a) Chủ trì, phối hợp với Sở Tài chính tổng hợp", "province", None),
    ("Hướng dẫn các đơn vị, UBND xã, thị trấn thực hiện nội dung dự án được giao", "district", None),
    (
        "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Y tế, Chủ tịch UBND các huyện chịu trách nhiệm thi hành "
        "Quyết định này.",
        "province",
        None,
    ),
]


@pytest.mark.parametrize("text,level,expected", ITEMS, ids=[i[0][:50] for i in ITEMS])
def test_item_openings(text, level, expected):
    assert subject(text, level) == expected


COMPONENTS = [
    ("chủ trì thực hiện Tiểu dự án 1 - Dự án 4", None, ["DA4.1"]),
    ("Chủ trì thực hiện Tiểu dự án 3 thuộc Dự án 4 và Dự án 2", None, ["DA4.3", "DA2"]),
    ("chủ trì Tiểu dự án 1, Tiểu dự án 3 thuộc Dự án 4", None, ["DA4.1", "DA4.3"]),
    ("chủ trì Dự án 4 (Tiểu dự án 1 và Tiểu dự án 3); Dự án 2", None, ["DA4", "DA4.1", "DA4.3", "DA2"]),
    ("thực hiện Tiểu dự án 2: Cải thiện dinh dưỡng (thuộc Dự án 3); đã 2 lần kiểm tra", None, ["DA3.2"]),
    ("Chủ trì, trực tiếp quản lý, hướng dẫn tổ chức thực hiện Dự án hỗ trợ phát triển sản xuất;", None, ["DA3.1"]),
    ("trực tiếp quản lý Tiểu dự án “Giảm nghèo về thông tin” thuộc Chương trình", None, ["DA6.1"]),
    (
        "tổ chức, triển khai thực hiện các dự án, chính sách: kiểm tra, giám sát, đánh giá việc thực hiện chương "
        "trình; phát triển giáo dục nghề nghiệp, việc làm bền vững, nâng cao tỷ lệ người lao động thuộc vùng khó "
        "khăn qua đào tạo; nâng cao năng lực; truyền thông về giảm nghèo.",
        None,
        ["DA7.2", "DA4", "DA7.1", "DA6.2"],
    ),
    # a title counts only for a component the plan has: housing without a Dự án 5 is a policy
    ("triển khai Đề án hỗ trợ nhà ở cho hộ nghèo; các dự án: hỗ trợ nhà ở cho hộ nghèo.", frozenset({"DA2"}), []),
    # a management duty for the whole plan names no component
    ("Hướng dẫn quy trình giám sát, đánh giá thực hiện Kế hoạch này.", None, []),
    ("thực hiện các dự án, tiểu dự án thành phần thuộc Chương trình", None, []),
]


@pytest.mark.parametrize("text,have,expected", COMPONENTS, ids=[c[0][:50] for c in COMPONENTS])
def test_components_a_duty_names(text, have, expected):
    assert duties.named_components(text, have) == expected


def _doc(text: str):
    return build_document(read_text(text), "txt")


def test_duty_list_of_a_plan_without_samples_wording():
    """A late-2025 provincial plan: paragraph items under the heading, one of them naming a
    component, the closing paragraph not an item."""
    text = (
        "KẾ HOẠCH\nThực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2025\n"
        "I. MỤC TIÊU\nGiảm tỷ lệ hộ nghèo 1%.\n"
        "II. TỔ CHỨC THỰC HIỆN\n"
        "1. Sở Nông nghiệp và Môi trường\n"
        "- Là cơ quan thường trực, chủ trì tổ chức thực hiện Chương trình; chủ trì thực hiện Dự án 2.\n"
        "2. Sở Nội vụ: chủ trì thực hiện Tiểu dự án 3 - Dự án 4, phối hợp với Sở Tài chính.\n"
        "3. Sở Tài chính: bố trí kinh phí thực hiện Chương trình.\n"
        "4. Các sở, ban, ngành căn cứ chức năng, nhiệm vụ tổ chức thực hiện.\n"
        "5. Ủy ban nhân dân các xã, phường: xây dựng kế hoạch thực hiện.\n"
        "Trên đây là Kế hoạch thực hiện Chương trình; đề nghị Sở Y tế phối hợp.\n"
    )
    ctx = extract_document(_doc(text))
    got = sorted((r["agency"], r["component"]) for r in ctx.rows["duties"])
    assert got == [
        ("Sở Nông nghiệp và Môi trường", "DA2"),
        ("Sở Nội vụ", "DA4.3"),
        ("Sở Tài chính", None),
        ("UBND cấp xã", None),
    ]
    for r in ctx.rows["duties"]:
        assert ctx.rows["duties"] and r["quote"] and r["char_end"] > r["char_start"]
        assert r["agency_key"] is not None


def test_issuer_sentence_gives_a_duty_only_where_it_does_not_restate_an_assignment():
    """Regression: a portal report with no duty list; "UBND tỉnh giao Sở X ..." is a duty,
    unless X is said to chủ trì elsewhere in the document (then it restates that)."""
    duty = _doc(
        "Kế hoạch thực hiện Tiểu dự án giảm nghèo về thông tin.\n"
        "UBND tỉnh giao Sở Thông tin và Truyền thông chủ động hướng dẫn về chuyên môn cho các đơn vị.\n"
    )
    assert [r["agency"] for r in extract_document(duty).rows["duties"]] == ["Sở Thông tin và Truyền thông"]
    restated = _doc(
        "UBND tỉnh đồng ý chủ trương cho Sở Thông tin và Truyền thông chủ trì, phối hợp với các đơn vị triển khai.\n"
        "UBND tỉnh giao cho Sở Thông tin và Truyền thông có trách nhiệm triển khai thực hiện các nhiệm vụ nêu trên.\n"
    )
    assert extract_document(restated).rows["duties"] == []


def test_execution_clause_of_a_decision_is_not_a_duty_list():
    text = (
        "QUYẾT ĐỊNH\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch.\n"
        "Điều 2. Tổ chức thực hiện\nChánh Văn phòng UBND tỉnh, Giám đốc Sở Tài chính, Chủ tịch UBND các huyện "
        "chịu trách nhiệm thi hành Quyết định này.\n"
    )
    assert extract_document(_doc(text)).rows["duties"] == []


@pytest.mark.parametrize("stem", PLAN_STEMS)
def test_sample_duty_lists_match_gold(stem):
    doc = read_document((CORPUS / "txt" / f"{stem}.txt").read_bytes())
    rows = extract_document(doc).rows["duties"]
    want = gold_facts(gold_for(stem), "duties")
    from extract.analysis.evaluate import duty_units

    assert duty_units((r["agency"], r["component"]) for r in rows) == want
    for r in rows:
        assert doc.text[r["char_start"] : r["char_end"]] == r["quote"]


@pytest.mark.slow
@pytest.mark.parametrize("path", RENDITIONS, ids=[p.name for p in RENDITIONS])
def test_every_rendition_stores_the_gold_duties(corpus_con, path):
    doc_id = doc_id_of(corpus_con, path.name)
    assert db_facts(corpus_con, doc_id, "duties") == gold_facts(gold_for(path.stem), "duties")


# --- one identity per kind of body ----------------------------------------------------

LABOUR = [
    ("Sở Lao động - Thương binh và Xã hội", "province"),
    ("Phòng Lao động - Thương binh và Xã hội", "district"),
    ("Phòng LĐTB&XH huyện", "district"),
    ("Công chức Văn hóa - Xã hội", "commune"),
    ("Công chức Văn hóa Chính sách", "commune"),
    ("Bộ Lao động - Thương binh và Xã hội", "central"),
]


@pytest.mark.parametrize("name,level", LABOUR)
def test_labour_body_is_one_key_at_every_level(name, level):
    ident = agencies.identity(agencies.expand(name))
    assert (ident.key, ident.level) == ("labour_social", level)


def test_unknown_name_takes_the_key_of_its_field():
    assert agencies.identity("Phòng Văn hóa, Khoa học và Thông tin huyện").key == "culture_information"
    assert agencies.identity("Ban Chỉ huy Phòng thủ dân sự").key is None


def test_2025_successors_of_the_labour_body():
    moved = {s.successor: s for s in agencies.successors("labour_social")}
    assert moved["agriculture_environment"].date == "2025-03-01"
    assert "giảm nghèo" in moved["agriculture_environment"].matters
    assert "việc làm" in moved["home_affairs"].matters
    assert agencies.level_ends()["district"] == "2025-07-01"
    known = {e["agency_key"] for e in agencies.rules.load("agencies") if e["kind"] == "body"}
    assert {s.key for s in agencies.successors()} | {s.successor for s in agencies.successors()} <= known


def test_mentions_of_one_body_in_a_plan_are_one_name():
    a = agencies.plan_form("Trung tâm Văn hóa - Thông tin và Thể thao huyện", "district")
    assert a == agencies.plan_form("Trung tâm Văn hóa – Thông tin và Thể thao", "district")
    assert agencies.plan_form("UBND cấp xã", "commune") != agencies.plan_form("Ủy ban nhân dân", "commune")


def test_da4_leads_of_the_samples_share_the_labour_key():
    """Done-when of issue 16: every lead of a Dự án 4 component that is a labour-and-social-
    affairs body carries one and the same agency_key, whatever its level."""
    keys, levels = set(), set()
    for stem in PLAN_STEMS:
        ctx = extract_document(read_document((CORPUS / "txt" / f"{stem}.txt").read_bytes()))
        for r in ctx.rows["assignments"]:
            if (
                r["role"] == "lead"
                and (r["component"] or "").startswith("DA4")
                and r["agency_kind"]
                in (
                    "labour_social",
                    "commune_officer",
                )
            ):
                keys.add(r["agency_key"])
                levels.add(r["agency_level"])
    assert keys == {"labour_social"}
    assert levels >= {"province", "district", "commune"} or len(levels) >= 2


def test_every_assignment_and_duty_has_an_identity_where_the_lexicon_knows_the_body():
    ctx = extract_document(read_document((CORPUS / "txt" / f"{PLAN_STEMS[3]}.txt").read_bytes()))
    for r in ctx.rows["assignments"] + ctx.rows["duties"]:
        if r["agency_kind"] is not None:
            assert r["agency_key"], r["agency"]
    assert len({key(r["agency"]) for r in ctx.rows["duties"]}) == len(
        {agencies.plan_form(r["agency"], "district") for r in ctx.rows["duties"]}
    )


def _wrapped(text: str) -> str:
    """Long lines broken at 78 characters, as a PDF or an e-mailed text breaks them."""
    import textwrap

    out = []
    for line in text.split("\n"):
        out += (textwrap.wrap(line, 78) or [""]) if len(line) > 90 and "\t" not in line else [line]
    return "\n".join(out)


def _plain_duty_heading(text: str) -> str:
    """The organising part's heading as a plain line ("Tổ chức thực hiện:"), unnumbered."""
    import re

    return re.sub(r"(?m)^.*T[ỔO] CH[ỨU]C TH[ỰU]C HI[ỆE]N.*$", "Tổ chức thực hiện:", text, count=1)


@pytest.mark.parametrize("relayout", [_wrapped, _plain_duty_heading], ids=["wrapped", "plain_heading"])
@pytest.mark.parametrize("stem", PLAN_STEMS)
def test_relaid_out_plans_keep_their_duty_lists(stem, relayout):
    """Regression: a name broken over two lines ("Chủ tịch Ủy ban nhân dân" / "các xã, thị
    trấn"), a line carrying on a duty ("... với" / "Sở LĐTB&XH theo quy định") taken for an
    item, and a duty heading the layout did not mark as one."""
    from extract.analysis.evaluate import duty_units

    text = relayout((CORPUS / "txt" / f"{stem}.txt").read_text(encoding="utf-8"))
    ctx = extract_document(read_document(text.encode("utf-8")))
    got = duty_units((r["agency"], r["component"]) for r in ctx.rows["duties"])
    assert got == gold_facts(gold_for(stem), "duties")


def test_article_of_a_decision_that_gives_duties():
    text = (
        "QUYẾT ĐỊNH\nĐiều 1. Phê duyệt Đề án giảm nghèo bền vững.\n"
        "Điều 2. Giao Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp với các sở, ngành tham mưu Ủy ban "
        "nhân dân tỉnh xây dựng kế hoạch triển khai thực hiện hàng năm.\n"
        "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc các sở, ngành chịu trách nhiệm thi hành Quyết định này.\n"
    )
    rows = extract_document(_doc(text)).rows["duties"]
    assert [(r["agency"], r["item"]) for r in rows] == [("Sở Lao động - Thương binh và Xã hội", "Điều 2")]


def test_items_whose_numbering_the_file_kept_out_of_the_text():
    """A Word list numbers its items outside the text: each item is a paragraph with a name
    alone or a name and a colon, after a paragraph that need not end a sentence."""
    import io

    import docx

    d = docx.Document()
    d.add_paragraph("KẾ HOẠCH", style="Title")
    d.add_paragraph("Thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2025")
    d.add_paragraph("TỔ CHỨC THỰC HIỆN", style="Heading 1")
    d.add_paragraph("Sở Nông nghiệp và Môi trường", style="List Number")
    d.add_paragraph("Chủ trì tổ chức thực hiện Chương trình trên địa bàn tỉnh", style="List Bullet")
    d.add_paragraph("Sở Tài chính", style="List Number")
    d.add_paragraph("Bố trí kinh phí thực hiện theo quy định", style="List Bullet")
    d.add_paragraph("Ủy ban nhân dân các xã, phường: triển khai thực hiện, báo cáo kết quả về", style="List Number")
    d.add_paragraph("Sở Y tế theo quy định.")
    buf = io.BytesIO()
    d.save(buf)
    rows = extract_document(read_document(buf.getvalue())).rows["duties"]
    assert sorted(r["agency"] for r in rows) == ["Sở Nông nghiệp và Môi trường", "Sở Tài chính", "UBND cấp xã"]


def test_item_run_into_the_line_before():
    """Regression: a PDF line that ran two list items together ("... gia đình văn hóa. 26.Sở
    Tư Pháp: ...") still opens an item for the second."""
    text = (
        "KẾ HOẠCH\nTỔ CHỨC THỰC HIỆN\n"
        "25.Sở Văn hóa, Thể thao và Du lịch: Phối hợp xây dựng đời sống văn hóa ở cơ sở và gia đình văn hóa. "
        "26.Sở Tư Pháp: Tổ chức tuyên truyền pháp luật cho người nghèo.\n"
    )
    rows = extract_document(_doc(text)).rows["duties"]
    assert [r["agency"] for r in rows] == ["Sở Văn hóa, Thể thao và Du lịch", "Sở Tư pháp"]
    assert rows[1]["quote"].startswith("26.Sở Tư Pháp")
