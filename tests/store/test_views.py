"""The analysis views over the sample corpus: each agrees with the fact tables it summarizes.

Expectations are computed from the tables themselves, so the tests hold whatever the
extractors find; a small hand-built database pins the fallback rules of funding_by_component.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import PLAN_STEMS

from extract.store.schema import columns
from extract.store.views import VIEW_DOCS, VIEWS
from extract.store.writer import connect

OURS = ["plans", "funding", "funding_by_component", "targets_by_indicator", "plan_summary"]


def _rows(con, sql, params=()):
    cur = con.execute(sql, list(params))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


@pytest.mark.parametrize("view", OURS)
def test_every_view_column_is_documented(corpus_con, view):
    described = [r[0] for r in corpus_con.execute(f'DESCRIBE "{view}"').fetchall()]
    assert view in VIEWS
    assert [c for c in described if not VIEW_DOCS[view].get(c)] == []


def test_money_stays_hugeint_in_views(corpus_con):
    types = {
        (v, r[0]): r[1]
        for v in ("funding", "funding_by_component", "plan_summary")
        for r in corpus_con.execute(f'DESCRIBE "{v}"').fetchall()
    }
    for key in [
        ("funding", "vnd"),
        ("funding_by_component", "total"),
        ("funding_by_component", "central"),
        ("funding_by_component", "plan_total"),
        ("plan_summary", "total_budget"),
    ]:
        assert types[key] == "HUGEINT", key


def test_renditions_of_a_plan_share_one_key_and_one_primary(corpus_con):
    plans = _rows(corpus_con, "SELECT file_name, plan_key, primary_rendition, renditions FROM plans")
    for stem in PLAN_STEMS:
        mine = [p for p in plans if Path(p["file_name"]).stem == stem]
        assert len(mine) == 3, stem
        assert len({p["plan_key"] for p in mine}) == 1, (stem, mine)
        assert sum(p["primary_rendition"] for p in mine) == 1
        assert all(p["renditions"] == 3 for p in mine)


def test_funding_has_one_row_per_distinct_amount_fact(corpus_con):
    distinct = corpus_con.execute(
        "SELECT count(*) FROM (SELECT DISTINCT doc_id, component, source, capital, basis, vnd FROM amounts)"
    ).fetchone()[0]
    assert distinct > 0
    assert corpus_con.execute("SELECT count(*) FROM funding").fetchone()[0] == distinct
    assert (
        corpus_con.execute("SELECT sum(mentions) FROM funding").fetchone()[0]
        == corpus_con.execute("SELECT count(*) FROM amounts").fetchone()[0]
    )
    spans = corpus_con.execute(
        "SELECT count(*) FROM funding f JOIN documents d USING (doc_id) "
        "WHERE substr(d.text, f.char_start + 1, f.char_end - f.char_start) <> f.quote"
    ).fetchone()[0]
    assert spans == 0


def test_a_stated_component_total_is_the_first_stated_figure(corpus_con):
    rows = _rows(
        corpus_con,
        "SELECT doc_id, component, total FROM funding_by_component "
        "WHERE total_basis = 'stated' AND component IS NOT NULL",
    )
    assert rows
    for r in rows:
        first = corpus_con.execute(
            "SELECT vnd FROM amounts WHERE doc_id = ? AND component = ? AND source = 'total' AND capital IS NULL "
            "AND coalesce(basis, 'period') = 'period' ORDER BY char_start LIMIT 1",
            [r["doc_id"], r["component"]],
        ).fetchone()
        assert first[0] == r["total"]
        assert isinstance(r["total"], int)


def test_a_component_without_money_is_missing_not_zero(corpus_con):
    silent = _rows(
        corpus_con,
        """
        SELECT DISTINCT c.doc_id, c.code FROM components c
        WHERE NOT EXISTS (SELECT 1 FROM amounts a WHERE a.doc_id = c.doc_id
                          AND (a.component = c.code OR a.component LIKE c.code || '.%'))""",
    )
    assert silent, "the corpus has plans that carry out components without stating money for them"
    for r in silent:
        row = corpus_con.execute(
            "SELECT central, local, other, credit, total, share FROM funding_by_component "
            "WHERE doc_id = ? AND component = ?",
            [r["doc_id"], r["code"]],
        ).fetchone()
        assert row == (None, None, None, None, None, None), r


def test_shares_are_totals_over_the_plan_total(corpus_con):
    rows = _rows(corpus_con, "SELECT total, plan_total, share FROM funding_by_component WHERE share IS NOT NULL")
    assert rows
    for r in rows:
        assert r["share"] == pytest.approx(r["total"] / r["plan_total"])


def test_a_dua_an_without_own_figure_sums_its_tieu_du_an(corpus_con):
    rows = _rows(
        corpus_con,
        "SELECT doc_id, component, total FROM funding_by_component WHERE total_basis = 'sum_of_subcomponents'",
    )
    for r in rows:
        children = corpus_con.execute(
            "SELECT sum(total) FROM funding_by_component WHERE doc_id = ? AND component_group = ? AND subcomponent",
            [r["doc_id"], r["component"]],
        ).fetchone()[0]
        assert children == r["total"]


def test_one_headline_target_per_plan_indicator_and_population(corpus_con):
    dup = corpus_con.execute("""
        SELECT count(*) FROM (SELECT doc_id, indicator, population, count(*) FILTER (WHERE headline) AS n
                              FROM targets_by_indicator GROUP BY ALL HAVING n <> 1)""").fetchone()[0]
    assert dup == 0
    distinct = corpus_con.execute("""
        SELECT count(*) FROM (SELECT DISTINCT doc_id, component, indicator, population, year, unit, comparator,
                              value, value_high FROM targets WHERE indicator IS NOT NULL)""").fetchone()[0]
    assert distinct > 0
    assert corpus_con.execute("SELECT count(*) FROM targets_by_indicator").fetchone()[0] == distinct


def test_plan_summary_counts_match_the_tables(corpus_con):
    summary = _rows(corpus_con, "SELECT * FROM plan_summary")
    assert len(summary) == corpus_con.execute("SELECT count(*) FROM documents WHERE status = 'ok'").fetchone()[0]
    for s in summary:
        for table, col in [("targets", "targets"), ("assignments", "assignments"), ("checks", "checks_raised")]:
            n = corpus_con.execute(f'SELECT count(*) FROM "{table}" WHERE doc_id = ?', [s["doc_id"]]).fetchone()[0]
            assert s[col] == n, (s["file_name"], col)
        plan_row = corpus_con.execute(
            "SELECT total FROM funding_by_component WHERE doc_id = ? AND component IS NULL", [s["doc_id"]]
        ).fetchone()
        assert s["total_budget"] == (plan_row[0] if plan_row else None)
        carried = corpus_con.execute(
            "SELECT count(DISTINCT code) FROM components WHERE doc_id = ? AND coalesce(implemented, true)",
            [s["doc_id"]],
        ).fetchone()[0]
        assert s["components_carried_out"] == carried


# --- the fallback rules, on a hand-built plan ---------------------------------------------------


def _amount(doc_id, component, source, capital, vnd, at):
    row = dict.fromkeys(columns("amounts"))
    row.update(
        doc_id=doc_id,
        component=component,
        source=source,
        capital=capital,
        vnd=vnd,
        basis="period",
        origin="text",
        char_start=at,
        char_end=at + 3,
        quote="xxx",
    )
    return row


@pytest.fixture
def tiny_db(tmp_path):
    db = tmp_path / "tiny.duckdb"
    con = connect(db)
    doc = dict.fromkeys(columns("documents"))
    doc.update(
        doc_id="d1",
        file_name="plan.txt",
        status="ok",
        text="x" * 100,
        doc_type="ke_hoach",
        programme="poverty_2021_2025",
        admin_level="district",
        province="P",
        district="D",
        period_start=2021,
        period_end=2025,
    )
    cols = columns("documents")
    con.execute(f"INSERT INTO documents VALUES ({', '.join('?' * len(cols))})", [doc[c] for c in cols])
    big = 9_007_199_254_740_993  # 2**53 + 1: a float would round it
    rows = [
        _amount("d1", "DA2", "central", "recurrent", 700, 1),  # no whole central figure: parts add up
        _amount("d1", "DA2", "central", "investment", 300, 5),
        _amount("d1", "DA2", "province", None, 50, 9),  # no local figure: province + district
        _amount("d1", "DA2", "district", None, 25, 13),
        _amount("d1", "DA3.1", "total", None, 400, 20),  # DA3 has no figure: sum of its Tiểu dự án
        _amount("d1", "DA3.2", "total", None, 600, 24),
        _amount("d1", "DA3.2", "total", None, 999, 60),  # restated differently later: first one counts
        _amount("d1", "DA6", "total", None, big, 70),
    ]
    acols = columns("amounts")
    con.executemany(
        f"INSERT INTO amounts VALUES ({', '.join('?' * len(acols))})", [[r[c] for c in acols] for r in rows]
    )
    con.close()
    con = connect(db, read_only=True)
    yield con
    con.close()


@pytest.mark.parametrize(
    "component, expected",
    [
        ("DA2", {"central": 1000, "local": 75, "total": 1075, "total_basis": "sum_of_sources"}),
        ("DA3", {"central": None, "local": None, "total": 1000, "total_basis": "sum_of_subcomponents"}),
        ("DA3.2", {"total": 600, "total_basis": "stated"}),
        ("DA6", {"total": 9_007_199_254_740_993, "total_basis": "stated"}),
        (None, {"total": 1075 + 1000 + 9_007_199_254_740_993, "total_basis": "sum_of_components"}),
    ],
)
def test_funding_by_component_fallbacks(tiny_db, component, expected):
    row = _rows(tiny_db, "SELECT * FROM funding_by_component WHERE component IS NOT DISTINCT FROM ?", [component])
    assert len(row) == 1
    for key, value in expected.items():
        assert row[0][key] == value, key
