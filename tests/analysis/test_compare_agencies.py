"""compare agencies and the responsibilities view, run in-process on the sample corpus.

The answers are checked against the stored assignments and duties, not remembered: every
plan gets a row, a plan naming a lead of a component answers with its kinds of body, and a
kind of body is one key at every level.
"""

from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner

from extract.cli.main import main


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def _primary(con) -> set[str]:
    return {r[0] for r in con.execute("SELECT doc_id FROM plans WHERE primary_rendition").fetchall()}


def test_da4_json_answers_for_every_plan_that_names_a_lead(corpus_db, corpus_con):
    r = run("compare", "agencies", "--component", "DA4", "--format", "json", "--db", corpus_db)
    assert r.exit_code == 0, r.output
    rows = json.loads(r.output)
    assert {x["doc_id"] for x in rows} == _primary(corpus_con)
    naming = {
        d
        for (d,) in corpus_con.execute(
            "SELECT DISTINCT doc_id FROM responsibilities WHERE primary_rendition AND component_group = 'DA4' "
            "AND role IN ('lead', 'duty')"
        ).fetchall()
    }
    assert naming, "the samples name leads of Dự án 4"
    for x in rows:
        assert (x["lead_keys"] is not None) == (x["doc_id"] in naming), x
    # the labour body leads Dự án 4 at province, district and commune level under one key
    labour = [x for x in rows if x["lead_keys"] and "labour_social" in x["lead_keys"].split(", ")]
    assert len({x["admin_level"] for x in labour}) >= 2


def test_matrix_has_a_column_per_dự_án_and_missing_is_not_empty_string(corpus_db):
    r = run("compare", "agencies", "--format", "csv", "--db", corpus_db)
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(io.StringIO(r.output)))
    leads = [c for c in rows[0] if c.endswith("_lead")]
    assert leads and all("." not in c for c in leads)
    table = run("compare", "agencies", "--db", corpus_db).output
    assert "—" in table and "labour_social" in table


def test_level_filter_and_unknown_component(corpus_db):
    r = run("compare", "agencies", "--component", "DA2", "--level", "district", "--format", "json", "--db", corpus_db)
    assert {x["admin_level"] for x in json.loads(r.output)} == {"district"}
    bad = run("compare", "agencies", "--component", "DA9", "--db", corpus_db)
    assert bad.exit_code != 0 and "unknown component" in bad.output


def test_programme_filter(corpus_db, corpus_con):
    """--programme keeps the plans of one programme (the views hold only its documents)."""
    r = run("compare", "agencies", "--programme", "poverty_2021_2025", "--format", "json", "--db", corpus_db)
    assert r.exit_code == 0, r.output
    assert {x["doc_id"] for x in json.loads(r.output)} == _primary(corpus_con)
    other = run("compare", "agencies", "--programme", "new_rural", "--format", "json", "--db", corpus_db)
    assert (other.exit_code == 0 and json.loads(other.output) == []) or (
        other.exit_code == 1 and "no plan" in other.output
    )


def test_responsibilities_view_holds_every_assignment_and_duty(corpus_con):
    n = corpus_con.execute("SELECT count(*) FROM responsibilities").fetchone()[0]
    a = corpus_con.execute("SELECT count(*) FROM assignments").fetchone()[0]
    d = corpus_con.execute("SELECT count(*) FROM duties").fetchone()[0]
    assert d > 0 and n == a + d
    text = dict(corpus_con.execute("SELECT doc_id, text FROM documents").fetchall())
    for doc_id, s, e, q in corpus_con.execute(
        "SELECT doc_id, char_start, char_end, quote FROM responsibilities WHERE origin = 'duty'"
    ).fetchall():
        assert text[doc_id][s:e] == q
