"""Who leads and supports: the clause parser, task tables, plans end to end, and gold."""

from __future__ import annotations

from collections import Counter

import pytest
from conftest import PLAN_STEMS, RENDITIONS, doc_id_of, gold_for

from extract.analysis.evaluate import db_facts, gold_facts
from extract.extractors import assignments, components
from extract.pipeline import Context, read_document
from extract.settings import DEFAULT_SETTINGS
from extract.text.normalize import key

LD = "Phòng Lao động - Thương binh và Xã hội"
NN = "Phòng Nông nghiệp và Phát triển nông thôn"
TCKH = "Phòng Tài chính - Kế hoạch"
KTHT = "Phòng Kinh tế - Hạ tầng"
MT = "Ủy ban Mặt trận Tổ quốc Việt Nam huyện"


def roles(text: str, level: str = "district", default_role: str | None = None) -> list[tuple[str, str]]:
    return [(a.role, a.mention.name) for a in assignments.parse(text, level, default_role)]


# (clause as written, the plan's level, [(role, body)])
CLAUSES = [
    (
        "Phòng Lao động - Thương binh và Xã hội chủ trì, phối hợp với Trung tâm Y tế huyện, các cơ quan, "
        "đơn vị có liên quan tổ chức thực hiện; kiểm tra, giám sát, đánh giá và tổng hợp, báo cáo kết quả.",
        "district",
        [("lead", LD), ("support", "Trung tâm Y tế huyện")],
    ),
    (
        "Phân công thực hiện: Phòng NN&PTNT chủ trì phối hợp với Phòng LĐTB&XH và UBND các xã, thị trấn tổ chức thực hiện.",
        "district",
        [("lead", NN), ("support", LD), ("support", "UBND cấp xã")],
    ),
    (
        "- Phân công thực hiện: Sở Y tế chủ trì, phối hợp với các sở, ban, ngành, cơ quan, đơn vị có liên quan "
        "và địa phương tổ chức thực hiện.",
        "province",
        [("lead", "Sở Y tế")],
    ),
    (
        "c) Phân công thực hiện: Trạm y tế xã chủ trì, phối hợp với Văn phòng HĐND&UBND xã, Công chức Văn hóa – xã hội, "
        "các cơ quan, đơn vị có liên quan và các thôn tổ chức thực hiện trên địa bàn.",
        "commune",
        [
            ("lead", "Trạm Y tế xã"),
            ("support", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã"),
            ("support", "Công chức Văn hóa - Xã hội"),
        ],
    ),
    # lists separated by semicolons and by line breaks
    (
        "Phòng Tài chính - Kế hoạch chủ trì, phối hợp với Phòng Kinh tế - Hạ tầng; Phòng Tư pháp; Ban Dân tộc huyện "
        "tổ chức thực hiện.",
        "district",
        [("lead", TCKH), ("support", KTHT), ("support", "Phòng Tư pháp"), ("support", "Ban Dân tộc huyện")],
    ),
    (
        "Phòng Tài chính - Kế hoạch chủ trì, phối hợp với:\nPhòng Kinh tế - Hạ tầng\nPhòng Quản lý Dự án\nđể thực hiện.",
        "district",
        [("lead", TCKH), ("support", KTHT), ("support", "Phòng Quản lý Dự án")],
    ),
    # several leads, joined by "và"
    (
        "Phòng Kinh tế - Hạ tầng và Phòng Tài chính - Kế hoạch chủ trì, phối hợp với Phòng LĐTB&XH thực hiện.",
        "district",
        [("lead", KTHT), ("lead", TCKH), ("support", LD)],
    ),
    # Đề nghị … chủ trì / phối hợp thực hiện
    ("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam huyện chủ trì vận động, tổ chức thực hiện", "district", [("lead", MT)]),
    ("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam huyện phối hợp thực hiện", "district", [("support", MT)]),
    (
        "Giao Phòng Văn hóa và Thông tin chủ trì, phối hợp với Trung tâm Văn hóa - Thông tin và Thể thao thực hiện.",
        "district",
        [("lead", "Phòng Văn hóa và Thông tin"), ("support", "Trung tâm Văn hóa - Thông tin và Thể thao")],
    ),
    # no one chủ trì: the one said to triển khai / thực hiện leads
    (
        "UBND xã, thị trấn triển khai các dự án hỗ trợ phát triển sản xuất nông nghiệp.",
        "district",
        [("lead", "UBND cấp xã")],
    ),
    (
        "Tiểu dự án 2: Cải thiện dinh dưỡng (dự án do Sở Y tế triển khai trên địa bàn huyện)",
        "district",
        [("lead", "Sở Y tế")],
    ),
    (
        "Trung tâm Y tế huyện phối hợp với Phòng Giáo dục và Đào tạo tổ chức thực hiện.",
        "district",
        [("lead", "Trung tâm Y tế huyện"), ("support", "Phòng Giáo dục và Đào tạo")],
    ),
    # two clauses in one sentence
    (
        "Phòng Tài chính - Kế hoạch chủ trì; Phòng Kinh tế - Hạ tầng phối hợp thực hiện.",
        "district",
        [("lead", TCKH), ("support", KTHT)],
    ),
    (
        "Sở Nông nghiệp và Phát triển nông thôn là cơ quan chủ trì, phối hợp cùng Sở Tài chính.",
        "province",
        [("lead", "Sở Nông nghiệp và Phát triển nông thôn"), ("support", "Sở Tài chính")],
    ),
    (
        "Cơ quan chủ trì: Phòng Y tế; cơ quan phối hợp: Trung tâm Y tế huyện, Phòng GD&ĐT.",
        "district",
        [("lead", "Phòng Y tế"), ("support", "Trung tâm Y tế huyện"), ("support", "Phòng Giáo dục và Đào tạo")],
    ),
    # unknown bodies keep their shape
    (
        "Ban Quản lý Khu kinh tế huyện chủ trì, phối hợp với Phòng Quản lý Đất đai thực hiện.",
        "district",
        [("lead", "Ban Quản lý Khu kinh tế huyện"), ("support", "Phòng Quản lý Đất đai")],
    ),
]


@pytest.mark.parametrize("text,level,expected", CLAUSES, ids=[c[0][:50] for c in CLAUSES])
def test_clauses(text, level, expected):
    assert roles(text, level) == expected


def test_regression_support_after_chu_tri_thuc_hien():
    """A lead "chủ trì thực hiện <work>, phối hợp với <body>" once lost its supporting body:
    the "thực hiện" after "chủ trì" was taken for the verb of a new clause."""
    text = (
        "Phòng Văn hóa và Thông tin chủ trì thực hiện Tiểu dự án 1; Phòng LĐTB&XH chủ trì thực hiện "
        "Tiểu dự án 2, phối hợp với Đài Truyền thanh huyện."
    )
    assert roles(text) == [("lead", "Phòng Văn hóa và Thông tin"), ("lead", LD), ("support", "Đài Truyền thanh huyện")]


# running text that names bodies without saying who carries the work out
NOT_ASSIGNMENTS = [
    "Hướng dẫn UBND xã triển khai các chỉ tiêu, nhiệm vụ.",
    "Tăng cường phối hợp giữa Phòng Lao động - Thương binh và Xã hội và các xã.",
    "Kinh phí do UBND huyện giao hàng năm.",
    "Chủ trì, phối hợp với các cơ quan, đơn vị có liên quan tổ chức thực hiện.",
    "Các cơ quan, đơn vị có liên quan chủ trì triển khai thực hiện.",
    "Ưu tiên các mô hình do người khuyết tật, phụ nữ chủ trì thực hiện.",
]


@pytest.mark.parametrize("text", NOT_ASSIGNMENTS)
def test_running_text_without_a_role_is_not_an_assignment(text):
    assert roles(text) == []


# table cells: the column's role unless the cell says otherwise
CELLS = [
    ("Phòng Lao động - Thương binh và Xã hội, UBND các xã, thị trấn", "lead", [("lead", LD), ("lead", "UBND cấp xã")]),
    ("Các phòng, ban, ngành đoàn thể huyện, UBND các xã, thị trấn", "lead", [("lead", "UBND cấp xã")]),
    (
        "Phòng Lao động - Thương binh và Xã hội, Phòng Nông nghiệp và Phát triển nông thôn và các phòng, ban, ngành "
        "đoàn thể huyện có liên quan",
        "support",
        [("support", LD), ("support", NN)],
    ),
    (
        "Các phòng, ban, ngành đoàn thể huyện có liên quan. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam huyện phối hợp thực hiện",
        "support",
        [("support", MT)],
    ),
    ("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam huyện chủ trì vận động, tổ chức thực hiện", "lead", [("lead", MT)]),
    ("Phòng Nông nghiệp và Phát triển nông thôn,\nPhòng Tài chính - Kế hoạch", "lead", [("lead", NN), ("lead", TCKH)]),
    ("Các phòng, ban, ngành huyện có liên quan", "support", []),
]


@pytest.mark.parametrize("text,column,expected", CELLS, ids=[c[0][:50] for c in CELLS])
def test_table_cells(text, column, expected):
    assert roles(text, "district", column) == expected


def test_clause_spans_quote_the_clause():
    text = "Căn cứ tình hình. Phòng Y tế chủ trì, phối hợp với Phòng Tư pháp thực hiện; báo cáo kết quả."
    for a in assignments.parse(text, "district"):
        assert text[a.clause_start : a.clause_end].startswith("Phòng Y tế chủ trì")
        assert "báo cáo" not in text[a.clause_start : a.clause_end]


# --- whole plans -----------------------------------------------------------------------

PLAN = """KẾ HOẠCH
Thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025 trên địa bàn huyện
I. MỤC TIÊU
1. Mục tiêu chung
Giảm nghèo bền vững.
II. NHIỆM VỤ
1. Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo
a) Nội dung: Hỗ trợ phát triển sản xuất.
b) Phân công thực hiện: Phòng LĐTB&XH chủ trì, phối hợp với Phòng NN&PTNT, các cơ quan, đơn vị có liên quan tổ chức thực hiện.
2. Dự án 3: Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng
2.1. Tiểu dự án 2: Cải thiện dinh dưỡng (dự án do Sở Y tế triển khai trên địa bàn huyện)
Nội dung: chăm sóc dinh dưỡng cho trẻ em.
III. TỔ CHỨC THỰC HIỆN
1. Phòng Tài chính - Kế hoạch: chủ trì, phối hợp với Phòng Lao động - Thương binh và Xã hội tham mưu bố trí kinh phí.
2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam huyện phối hợp thực hiện.
Nơi nhận:
- Sở Lao động - TB&XH (b/c);
- UBND các xã, thị trấn;
PHỤ LỤC
TT\tNhiệm vụ, giải pháp\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian thực hiện
I\tTuyên truyền\t\t\t
1\tPhổ biến chính sách\tPhòng Lao động - Thương binh và Xã hội\tUBND các xã, thị trấn\tHàng năm
2\tXây dựng trang thông tin\tTrung tâm Văn hóa – Thông tin và Thể thao\tCác phòng, ban, ngành huyện có liên quan\tNăm 2022
II\tNguồn lực\t\t\t
1\tHuy động nguồn lực\tPhòng Tài chính - Kế hoạch, Phòng Kinh tế - Hạ tầng\tPhòng LĐTB&XH\tGiai đoạn 2021-2025, 2026-2030 và hàng năm
TT\tNhiệm vụ, giải pháp\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian thực hiện
2\tVận động doanh nghiệp\tĐề nghị Ủy ban Mặt trận Tổ quốc Việt Nam huyện chủ trì vận động\tPhòng LĐTB&XH\tGiai đoạn 2021-2030
"""


@pytest.fixture(scope="module")
def plan_rows() -> list[dict]:
    doc = read_document(PLAN.encode("utf-8"))
    ctx = Context(DEFAULT_SETTINGS, meta={"admin_level": "district"})
    components.extract(doc, ctx)
    assignments.extract(doc, ctx)
    return ctx.rows["assignments"]


def test_plan_assignments(plan_rows):
    got = {(r["component"], r["task"], r["role"], r["agency"]) for r in plan_rows}
    assert got == {
        ("DA2", None, "lead", LD),
        ("DA2", None, "support", NN),
        ("DA3.2", None, "lead", "Sở Y tế"),
        (None, "I.1", "lead", LD),
        (None, "I.1", "support", "UBND cấp xã"),
        (None, "I.2", "lead", "Trung tâm Văn hóa - Thông tin và Thể thao"),
        (None, "II.1", "lead", TCKH),
        (None, "II.1", "lead", KTHT),
        (None, "II.1", "support", LD),
        (None, "II.2", "lead", MT),
        (None, "II.2", "support", LD),
    }


def test_duty_lists_and_distribution_list_are_not_assignments(plan_rows):
    quotes = " ".join(r["quote"] for r in plan_rows)
    assert "tham mưu bố trí" not in quotes and "b/c" not in quotes


def test_task_rows_carry_text_and_timeframe(plan_rows):
    row = next(r for r in plan_rows if r["task"] == "II.1" and r["role"] == "lead")
    assert row["task_text"] == "Huy động nguồn lực"
    assert row["timeframe"] == "Giai đoạn 2021-2025, 2026-2030 và hàng năm"
    assert (row["year_start"], row["year_end"]) == (2021, 2030)
    assert row["agency_kind"] == "finance_planning" and row["agency_level"] == "district"
    once = next(r for r in plan_rows if r["task"] == "I.2")
    assert (once["year_start"], once["year_end"]) == (2022, 2022)


def test_rows_carry_provenance(plan_rows):
    doc = read_document(PLAN.encode("utf-8"))
    for r in plan_rows:
        assert doc.text[r["char_start"] : r["char_end"]] == r["quote"]
        assert r["agency_raw"] in r["quote"] or key(r["agency_raw"]) in key(r["quote"])


def test_component_own_to_chuc_thuc_hien_is_an_assignment():
    """A component's "Tổ chức thực hiện" sub-section is its clause; the plan's part of that
    name, holding duty lists by agency, is not."""
    text = (
        "KẾ HOẠCH\nI. NỘI DUNG\n1. Dự án 4: Phát triển giáo dục nghề nghiệp, việc làm bền vững\n"
        "1.1. Tiểu dự án 1: Phát triển giáo dục nghề nghiệp vùng nghèo, vùng khó khăn\n"
        "a) Nội dung: đào tạo nghề.\n"
        "b) Tổ chức thực hiện: Phòng Lao động - TB&XH chủ trì; phối hợp với Trung tâm GDNN-GDTX huyện thực hiện.\n"
        "II. TỔ CHỨC THỰC HIỆN\n1. Phòng Tư pháp chủ trì, phối hợp với Phòng Nội vụ thực hiện Tiểu dự án 1.\n"
    )
    doc = read_document(text.encode("utf-8"))
    ctx = Context(DEFAULT_SETTINGS, meta={"admin_level": "district"})
    components.extract(doc, ctx)
    assignments.extract(doc, ctx)
    got = {(r["component"], r["role"], r["agency"]) for r in ctx.rows["assignments"]}
    assert got == {
        ("DA4.1", "lead", LD),
        ("DA4.1", "support", "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên huyện"),
    }


def test_list_on_the_lines_after_the_clause():
    """ "phối hợp với:" and the bodies one per line after it, as a bulleted list."""
    text = (
        "KẾ HOẠCH\nI. NỘI DUNG\n1. Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo\n"
        "a) Phân công thực hiện: Phòng LĐTB&XH chủ trì, phối hợp với:\n"
        "- Phòng Nông nghiệp và Phát triển nông thôn;\n- Hội Nông dân huyện;\n- Các cơ quan, đơn vị có liên quan.\n"
        "b) Kinh phí: theo kế hoạch.\n- Ngân sách trung ương: Phòng Tài chính - Kế hoạch tổng hợp.\n"
    )
    doc = read_document(text.encode("utf-8"))
    ctx = Context(DEFAULT_SETTINGS, meta={"admin_level": "district"})
    components.extract(doc, ctx)
    assignments.extract(doc, ctx)
    got = {(r["component"], r["role"], r["agency"]) for r in ctx.rows["assignments"]}
    assert got == {("DA2", "lead", LD), ("DA2", "support", NN), ("DA2", "support", "Hội Nông dân huyện")}


def test_continuation_row_adds_to_its_task():
    """A row cut by a page break whose number cell is empty belongs to the task above it."""
    text = (
        "KẾ HOẠCH\nPHỤ LỤC\nTT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian thực hiện\n"
        "III\tSản xuất\t\t\t\n"
        "9\tKhuyến khích doanh nghiệp\tPhòng Nông nghiệp và Phát triển nông thôn,\tUBND các xã, thị trấn\tGiai đoạn 2021-2030\n"
        "\tphù hợp với người nghèo\tPhòng Tài chính - Kế hoạch\t\t\n"
    )
    doc = read_document(text.encode("utf-8"))
    ctx = Context(DEFAULT_SETTINGS, meta={"admin_level": "district"})
    assignments.extract(doc, ctx)
    got = {(r["task"], r["role"], r["agency"]) for r in ctx.rows["assignments"]}
    assert got == {("III.9", "lead", NN), ("III.9", "lead", TCKH), ("III.9", "support", "UBND cấp xã")}


def test_table_rows_that_name_components():
    """A table listing components with their lead and support bodies: the row's title gives
    the component, not a task number."""
    text = (
        "KẾ HOẠCH\nPHỤ LỤC\nSTT\tNội dung\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian\n"
        "1\tDự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo\tPhòng NN&PTNT\tUBND các xã\t2023\n"
        "2\tTiểu dự án 2: Cải thiện dinh dưỡng\tTrung tâm Y tế huyện\tPhòng LĐTB&XH\t2023\n"
    )
    doc = read_document(text.encode("utf-8"))
    ctx = Context(DEFAULT_SETTINGS, meta={"admin_level": "district"})
    assignments.extract(doc, ctx)
    got = {(r["component"], r["task"], r["role"], r["agency"]) for r in ctx.rows["assignments"]}
    assert got == {
        ("DA2", None, "lead", NN),
        ("DA2", None, "support", "UBND cấp xã"),
        ("DA3.2", None, "lead", "Trung tâm Y tế huyện"),
        ("DA3.2", None, "support", LD),
    }


def test_columns_by_header_names():
    doc = read_document(
        "KẾ HOẠCH\nSTT\tNội dung công việc\tĐơn vị chủ trì\tĐơn vị phối hợp\tTiến độ\n1\tA\tPhòng Y tế\tPhòng Tư pháp\tNăm 2023\n".encode()
    )
    block = next(doc.tables())
    assert assignments.columns(block) == {"number": 0, "task": 1, "lead": 2, "support": 3, "time": 4}


def test_columns_under_a_spanning_header():
    """A two-row header: "Cơ quan thực hiện" spans the "Chủ trì" and "Phối hợp" columns."""
    text = (
        "KẾ HOẠCH\nTT\tNhiệm vụ\tCơ quan thực hiện\tCơ quan thực hiện\tThời gian thực hiện\n"
        "\t\tChủ trì\tPhối hợp\t\n1\tA\tPhòng Y tế\tPhòng Tư pháp\tNăm 2023\n"
    )
    block = next(read_document(text.encode()).tables())
    assert assignments.columns(block) == {"number": 0, "task": 1, "lead": 2, "support": 3, "time": 4}


# --- gold ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", RENDITIONS, ids=[p.name for p in RENDITIONS])
def test_gold_assignments(corpus_con, path):
    stem = path.name.split(".")[0]
    want = gold_facts(gold_for(stem), "assignments")
    got = db_facts(corpus_con, doc_id_of(corpus_con, path.name), "assignments")
    assert sorted(got.elements(), key=repr) == sorted(want.elements(), key=repr)


def test_assignments_micro_f1(corpus_con):
    tp = fp = fn = 0
    for path in RENDITIONS:
        stem = path.name.split(".")[0]
        want = gold_facts(gold_for(stem), "assignments")
        got = db_facts(corpus_con, doc_id_of(corpus_con, path.name), "assignments")
        both = sum((want & got).values())
        tp, fp, fn = tp + both, fp + sum(got.values()) - both, fn + sum(want.values()) - both
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert len(RENDITIONS) == 3 * len(PLAN_STEMS) == 15
    assert 2 * precision * recall / (precision + recall) >= 0.95


def test_every_row_has_a_known_role_and_level(corpus_con):
    rows = corpus_con.execute("SELECT role, agency_level, agency, agency_raw, quote FROM assignments").fetchall()
    assert rows
    assert Counter(r[0] for r in rows).keys() <= {"lead", "support"}
    assert {r[1] for r in rows} <= {"central", "province", "district", "commune"}
    assert all(r[2] and r[3] and r[4] for r in rows)
