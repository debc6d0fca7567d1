"""Issue 17: the review page and `show` tell the analyst what they are looking at.

`show` and `review` agree on a file not yet ingested (both extract it on the spot and say
it is not in the database: `review` in a banner), both accept a plan's stem, PDF renditions
carry page marks in the text, and every money figure says whether it is one year's or the
whole period's. No browser: these read the HTML (tests/analysis/test_review.py drives one).
"""

from __future__ import annotations

import json
import re
import shutil

import pytest
from click.testing import CliRunner
from conftest import CORPUS, PLAN_STEMS

from extract.analysis.review import period_label
from extract.cli.main import main


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def _facts(page: str) -> list[dict]:
    return json.loads(re.search(r'<script type="application/json" id="facts">(.*?)</script>', page, re.S).group(1))


@pytest.fixture
def not_ingested(tmp_path):
    path = tmp_path / "fresh_plan.txt"
    shutil.copy(CORPUS / "txt" / f"{PLAN_STEMS[0]}.txt", path)
    return path


def test_show_and_review_agree_on_a_file_not_ingested_regression(corpus_db, not_ingested, tmp_path):
    """`show` said "no document", `review` extracted the file: they disagreed."""
    shown = run("show", not_ingested, "--db", corpus_db)
    assert shown.exit_code == 0, shown.output
    assert "not in the database" in shown.output
    data = json.loads(run("show", not_ingested, "--format", "json", "--db", corpus_db).output)
    assert data["document"]["in_database"] is False and data["document"]["file_name"] == "fresh_plan.txt"
    assert data["sections"] and sum(data["counts"].values()) > 0
    out = tmp_path / "r.html"
    reviewed = run("review", not_ingested, "--out", out, "--db", corpus_db)
    assert reviewed.exit_code == 0, reviewed.output
    page = out.read_text(encoding="utf-8")
    assert '<div id="banner"' in page and "not in the database" in page
    assert len(_facts(page)) == sum(data["counts"].values())


def test_show_and_review_agree_without_a_database(not_ingested, tmp_path):
    absent = tmp_path / "absent.duckdb"
    assert "not in the database" in run("show", not_ingested, "--db", absent).output
    out = tmp_path / "r.html"
    assert run("review", not_ingested, "--out", out, "--db", absent).exit_code == 0
    assert '<div id="banner"' in out.read_text(encoding="utf-8")
    assert not absent.exists()


def test_show_and_review_agree_on_a_name_that_is_neither(corpus_db, tmp_path):
    shown = run("show", "nothing_here.pdf", "--db", corpus_db)
    reviewed = run("review", "nothing_here.pdf", "--out", tmp_path / "r.html", "--db", corpus_db)
    assert shown.exit_code == reviewed.exit_code == 2
    assert "no document" in shown.output and "no document" in reviewed.output


def test_stored_document_has_no_banner(corpus_db, tmp_path):
    out = tmp_path / "r.html"
    assert run("review", f"{PLAN_STEMS[0]}.txt", "--out", out, "--db", corpus_db).exit_code == 0
    assert '<div id="banner"' not in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("stem", PLAN_STEMS)
def test_review_and_show_accept_a_plans_stem_regression(corpus_db, corpus_con, stem, tmp_path):
    """`review` did not accept a plan's stem: it names the plan's primary rendition."""
    primary = corpus_con.execute(
        "SELECT doc_id, file_name FROM plans WHERE primary_rendition AND file_name LIKE ?", [f"{stem}.%"]
    ).fetchone()
    out = tmp_path / "r.html"
    r = run("review", stem, "--out", out, "--db", corpus_db)
    assert r.exit_code == 0, r.output
    assert f"doc_id {primary[0]}" in out.read_text(encoding="utf-8")
    data = json.loads(run("show", stem, "--format", "json", "--db", corpus_db).output)
    assert data["document"]["doc_id"] == primary[0]


def test_pdf_rendition_page_is_marked_with_its_pages(corpus_db, corpus_con, tmp_path):
    file_name, pages = corpus_con.execute(
        "SELECT file_name, pages FROM documents WHERE format = 'pdf' AND pages > 2 ORDER BY file_name LIMIT 1"
    ).fetchone()
    out = tmp_path / "r.html"
    assert run("review", file_name, "--out", out, "--db", corpus_db).exit_code == 0
    page = out.read_text(encoding="utf-8")
    marks = [int(n) for n in re.findall(r'<span class="pg" id="page-(\d+)"', page)]
    assert marks == sorted(marks) and marks[0] == 1 and len(marks) >= 2 and max(marks) <= pages
    facts = _facts(page)
    assert facts and all(f["page"] for f in facts if f["start"] is not None)
    docx = file_name.rsplit(".", 1)[0] + ".docx"
    assert run("review", docx, "--out", out, "--db", corpus_db).exit_code == 0
    assert 'class="pg"' not in out.read_text(encoding="utf-8")


def test_money_figures_say_one_year_or_whole_period(corpus_db, corpus_con, tmp_path):
    """Every amount on the page says what time it covers, as the plan's period tells."""
    for doc_id, start, end in corpus_con.execute(
        "SELECT p.doc_id, p.period_start, p.period_end FROM plans p WHERE primary_rendition AND EXISTS "
        "(SELECT 1 FROM amounts a WHERE a.doc_id = p.doc_id)"
    ).fetchall():
        out = tmp_path / f"{doc_id}.html"
        assert run("review", doc_id, "--out", out, "--db", corpus_db).exit_code == 0
        amounts = [f for f in _facts(out.read_text(encoding="utf-8")) if f["kind"] == "amount"]
        assert amounts
        for f in amounts:
            covers = dict(f["fields"])["covers"]
            assert covers in f["label"]
            basis = dict(f["fields"]).get("basis")
            if basis == "annual":
                assert covers == "per year"
            elif start == end:
                assert covers == f"one-year plan {start}"
            else:
                assert covers.startswith(f"whole period {start}–{end}")


@pytest.mark.parametrize(
    ("basis", "start", "end", "label"),
    [
        ("annual", 2021, 2025, "per year"),
        ("period", 2024, 2024, "one-year plan 2024"),
        ("period", 2021, 2025, "whole period 2021–2025 (5 years)"),
        (None, None, None, "whole period"),
    ],
)
def test_period_label(basis, start, end, label):
    assert period_label(basis, {"period_start": start, "period_end": end}) == label
