"""Views hold the documents of one programme (poverty_2021_2025 unless asked), never a page
that is no administrative document; a crawl of pages on other subjects reaches no view."""

from __future__ import annotations

import duckdb
import pytest
from click.testing import CliRunner
from conftest import ROOT

from extract.analysis.query import open_database, run_query
from extract.cli.main import main
from extract.errors import KehoachError
from extract.pipeline import extract_bytes
from extract.store.schema import TABLES, columns
from extract.store.views import view_ddl
from extract.store.writer import Store, connect

CRAWL = ROOT / "tests" / "fixtures" / "crawl"
PAGES = ROOT / "tests" / "fixtures" / "pages"
FACT_VIEWS = ("plans", "plan_summary", "funding", "funding_by_component", "targets_by_indicator")


def _doc(doc_id: str, programme: str | None, doc_type: str | None = "ke_hoach") -> dict:
    row = dict.fromkeys(columns("documents"))
    row.update(
        doc_id=doc_id,
        file_name=f"{doc_id}.txt",
        status="ok",
        text="x" * 50,
        doc_type=doc_type,
        doc_number=f"{doc_id}/KH-UBND",
        programme=programme,
        province="P",
        admin_level="province",
        period_start=2023,
        period_end=2023,
    )
    return row


def _amount(doc_id: str) -> dict:
    row = dict.fromkeys(columns("amounts"))
    row.update(
        doc_id=doc_id, source="total", vnd=1_000, basis="period", origin="text", char_start=0, char_end=3, quote="xxx"
    )
    return row


def _target(doc_id: str) -> dict:
    row = dict.fromkeys(columns("targets"))
    row.update(
        doc_id=doc_id,
        indicator="poverty_rate_reduction",
        text="giảm 1,5%/năm",
        value=1.5,
        unit="%/year",
        comparator="eq",
        year=2023,
        char_start=0,
        char_end=3,
        quote="xxx",
    )
    return row


@pytest.fixture
def mixed_db(tmp_path):
    db = tmp_path / "mixed.duckdb"
    con = connect(db)
    docs = [
        _doc("ours", "poverty_2021_2025"),
        _doc("rural", "new_rural"),
        _doc("old", "poverty_2016_2020"),
        _doc("other", "none"),
        _doc("news", "poverty_2021_2025", doc_type=None),
        _doc("qa", "none", None),
    ]
    cols = columns("documents")
    con.executemany(
        f"INSERT INTO documents VALUES ({', '.join('?' * len(cols))})", [[d[c] for c in cols] for d in docs]
    )
    acols = columns("amounts")
    con.executemany(
        f"INSERT INTO amounts VALUES ({', '.join('?' * len(acols))})",
        [[_amount(d["doc_id"])[c] for c in acols] for d in docs],
    )
    tcols = columns("targets")
    con.executemany(
        f"INSERT INTO targets VALUES ({', '.join('?' * len(tcols))})",
        [[_target(d["doc_id"])[c] for c in tcols] for d in docs],
    )
    con.close()
    return db


def _ids(con, view: str) -> set[str]:
    return {r[0] for r in con.execute(f'SELECT DISTINCT doc_id FROM "{view}"').fetchall()}


def test_stored_views_hold_poverty_2021_2025_documents_only(mixed_db):
    con = duckdb.connect(str(mixed_db), read_only=True)
    for view in FACT_VIEWS:
        assert _ids(con, view) == {"ours"}, view
    con.close()


@pytest.mark.parametrize(
    "programme, expected",
    [
        (None, {"ours"}),
        ("new_rural", {"rural"}),
        ("poverty_2016_2020", {"old"}),
        ("none", {"other"}),
        ("all", {"ours", "rural", "old", "other"}),
    ],
)
def test_analysis_views_follow_the_programme_asked_for(mixed_db, programme, expected):
    con = open_database(mixed_db, programme)
    try:
        for view in FACT_VIEWS:
            assert _ids(con, view) == expected, view
    finally:
        con.close()
    rows = run_query(mixed_db, "SELECT doc_id FROM plan_summary", programme).rows
    assert {r["doc_id"] for r in rows} == expected


def test_an_unknown_programme_is_an_error_naming_the_allowed_ones(mixed_db):
    with pytest.raises(KehoachError, match="unknown programme 'poverty'.*poverty_2021_2025.*new_rural.*or all"):
        open_database(mixed_db, "poverty")
    with pytest.raises(KehoachError, match="unknown programme"):
        view_ddl(programme="poverty_2021-2025")


def test_compare_and_export_take_programme(mixed_db, tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["compare", "funding", "--programme", "all", "--format", "csv", "--db", str(mixed_db)])
    assert result.exit_code == 0, result.output
    assert result.output.count("\n") == 1 + 4  # header and the four typed documents of every programme
    result = runner.invoke(main, ["compare", "targets", "--programme", "bogus", "--db", str(mixed_db)])
    assert result.exit_code != 0
    assert "unknown programme 'bogus'" in result.output and "ethnic_minority" in result.output
    out = tmp_path / "export"
    result = runner.invoke(
        main, ["export", "--format", "csv", "--out", str(out), "--programme", "new_rural", "--db", str(mixed_db)]
    )
    assert result.exit_code == 0, result.output
    assert (out / "plans.csv").read_text(encoding="utf-8").count("rural") >= 1
    assert "ours" not in (out / "plans.csv").read_text(encoding="utf-8")
    assert (out / "documents.csv").read_text(encoding="utf-8").count("\nnews,") == 1  # tables keep every document


def test_an_older_database_gains_the_programme_columns(tmp_path):
    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    old = [(c, t) for c, t, _ in TABLES["documents"] if not c.startswith("programme")]
    con.execute(f"CREATE TABLE documents ({', '.join(f'{c} {t}' for c, t in old)})")
    con.execute("INSERT INTO documents (doc_id, status) VALUES ('d1', 'ok')")
    con.close()
    con = connect(db)
    names = {r[0] for r in con.execute("DESCRIBE documents").fetchall()}
    assert {"programme", "programme_quote", "programme_char_start"} <= names
    assert con.execute("SELECT programme FROM documents").fetchall() == [(None,)]
    con.close()


def test_a_crawl_of_other_subjects_reaches_no_view(tmp_path):
    """Regression: 13,463 crawled pages that never mention poverty reduction were in plans and
    plan_summary, 406 of them in funding and 51 in targets_by_indicator."""
    db = tmp_path / "crawl.duckdb"
    paths = sorted(CRAWL.iterdir()) + [PAGES / "legal_site_plan.html", PAGES / "news_item.html"]
    with Store(db) as store:
        for path in paths:
            try:
                ex = extract_bytes(path.read_bytes(), path.name)
            except Exception as e:  # noqa: BLE001 - only the crawl's error page may be refused
                assert path.name == "error_page.html", (path.name, e)
                continue
            store.write(str(path), ex.document, ex.rows)
    con = duckdb.connect(str(db), read_only=True)
    facts = con.execute(
        "SELECT d.file_name, count(t.doc_id) FROM documents d LEFT JOIN targets t USING (doc_id) GROUP BY 1"
    ).fetchall()
    assert any(n for name, n in facts if name.endswith("_plan.txt")), (
        "the crawl's facts stay stored with their documents"
    )
    for view in FACT_VIEWS:
        names = {r[0] for r in con.execute(f'SELECT DISTINCT file_name FROM "{view}"').fetchall()}
        assert names <= {"legal_site_plan.html"}, (view, names)
    assert {r[0] for r in con.execute("SELECT file_name FROM plans").fetchall()} == {"legal_site_plan.html"}
    untyped = {r[0] for r in con.execute("SELECT file_name FROM documents WHERE doc_type IS NULL").fetchall()}
    assert {"qa_article.txt", "sports_news.txt", "navigation_page.txt", "qa_page.html"} <= untyped
    con.close()
    con = open_database(db, "all")
    try:
        everything = {r[0] for r in con.execute("SELECT file_name FROM plans").fetchall()}
    finally:
        con.close()
    assert {"em_plan.txt", "drug_plan.txt", "ntm_plan.txt", "legal_site_plan.html"} <= everything
    assert not everything & untyped


def test_a_document_flagged_no_plan_is_in_no_view_and_an_unflagged_old_row_still_is(tmp_path):
    """is_plan = false keeps a typed document out of every view; a row stored before the
    relevance step existed (is_plan NULL) is judged by its doc_type as before."""
    db = tmp_path / "flagged.duckdb"
    con = connect(db)
    flagged = dict(
        _doc("flagged", "poverty_2021_2025"),
        is_plan=False,
        not_plan_reason="OCR confidence 62 below min_ocr_confidence 70",
    )
    docs = [dict(_doc("plan", "poverty_2021_2025"), is_plan=True), flagged, _doc("old", "poverty_2021_2025")]
    for i, d in enumerate(docs):
        d["doc_number"] = f"{i}/KH-UBND"
    cols = columns("documents")
    con.executemany(
        f"INSERT INTO documents VALUES ({', '.join('?' * len(cols))})", [[d[c] for c in cols] for d in docs]
    )
    acols = columns("amounts")
    con.executemany(
        f"INSERT INTO amounts VALUES ({', '.join('?' * len(acols))})",
        [[_amount(d["doc_id"])[c] for c in acols] for d in docs],
    )
    con.close()
    con = duckdb.connect(str(db), read_only=True)
    try:
        for view in ("plans", "plan_summary", "funding"):
            assert _ids(con, view) == {"plan", "old"}, view
        assert (
            con.execute("SELECT not_plan_reason FROM documents WHERE doc_id = 'flagged'")
            .fetchone()[0]
            .startswith("OCR")
        )
    finally:
        con.close()


def test_a_database_from_before_is_plan_gets_the_columns_and_keeps_its_plans(tmp_path):
    db = tmp_path / "old.duckdb"
    con = connect(db)
    con.execute("DROP TABLE kehoach_schema")
    con.execute("ALTER TABLE documents DROP COLUMN not_plan_reason")
    con.execute("ALTER TABLE documents DROP COLUMN is_plan")
    old_cols = [c for c in columns("documents") if c not in ("is_plan", "not_plan_reason")]
    row = _doc("old", "poverty_2021_2025")
    con.execute(
        f"INSERT INTO documents ({', '.join(old_cols)}) VALUES ({', '.join('?' * len(old_cols))})",
        [row[c] for c in old_cols],
    )
    con.close()
    con = connect(db)
    try:
        assert con.execute("SELECT is_plan, not_plan_reason FROM documents").fetchall() == [(None, None)]
        assert _ids(con, "plans") == {"old"}
    finally:
        con.close()
