"""compare targets / compare funding / query, run in-process on the sample corpus.

Which indicator and component to compare is chosen from the data (one some plans state
and others do not), so the tests check behaviour, not remembered figures: a plan lacking
the figure is missing (— / null), never 0; money is an exact integer in machine formats.
"""

from __future__ import annotations

import csv
import io
import json

import pandas as pd
import pytest
from click.testing import CliRunner

from extract.cli.main import main
from extract.text import vnformat
from extract.text.normalize import strip_diacritics


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    return result


def _primary_plans(con) -> list[str]:
    return [r[0] for r in con.execute("SELECT doc_id FROM plans WHERE primary_rendition").fetchall()]


@pytest.fixture(scope="module")
def partial_indicator(corpus_con):
    """An indicator some primary plans state (for everyone) and at least one does not."""
    n = len(_primary_plans(corpus_con))
    row = corpus_con.execute(
        """
        SELECT indicator, count(DISTINCT doc_id) AS plans FROM targets_by_indicator
        WHERE primary_rendition AND headline AND population IS NULL
        GROUP BY indicator HAVING plans < ? ORDER BY plans DESC, indicator LIMIT 1""",
        [n],
    ).fetchone()
    assert row, "the corpus has an indicator that not every plan states"
    return row[0]


@pytest.fixture(scope="module")
def partial_component(corpus_con):
    """A Dự án with a total in some primary plans and none in at least one."""
    n = len(_primary_plans(corpus_con))
    row = corpus_con.execute(
        """
        SELECT component, count(*) AS plans FROM funding_by_component
        WHERE primary_rendition AND total IS NOT NULL AND component IS NOT NULL AND NOT subcomponent
        GROUP BY component HAVING plans < ? ORDER BY plans DESC, component LIMIT 1""",
        [n],
    ).fetchone()
    assert row, "the corpus has a component with money in some plans only"
    return row[0]


# --- targets ------------------------------------------------------------------------------------


def test_compare_targets_json_one_row_per_plan_missing_is_null(corpus_db, corpus_con, partial_indicator):
    r = run("compare", "targets", "--indicator", partial_indicator, "--format", "json", "--db", corpus_db)
    assert r.exit_code == 0, r.output
    rows = json.loads(r.output)
    assert sorted(x["doc_id"] for x in rows) == sorted(_primary_plans(corpus_con))
    missing = 0
    for x in rows:
        want = corpus_con.execute(
            "SELECT value, unit, year FROM targets_by_indicator WHERE doc_id = ? AND indicator = ? AND headline "
            "AND population IS NULL",
            [x["doc_id"], partial_indicator],
        ).fetchone()
        if want is None:
            missing += 1
            assert x["value"] is None and x["unit"] is None
        else:
            assert (x["value"], x["unit"], x["year"]) == want
    assert missing >= 1


def test_compare_targets_table_shows_missing_as_dash_and_sorts_by_value(corpus_db, corpus_con, partial_indicator):
    r = run("compare", "targets", "--indicator", partial_indicator, "--db", corpus_db)
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    header = lines[0]
    assert partial_indicator in header
    col = header.index("period")
    data = json.loads(
        run("compare", "targets", "--indicator", partial_indicator, "--format", "json", "--db", corpus_db).output
    )
    assert len(lines) >= 2 + len(data)
    body = lines[2 : 2 + len(data)]
    for line, row in zip(body, data):
        assert line.startswith(row["jurisdiction"] or f"({row['file_name']})")
        cell = (
            vnformat.target(row["value"], row["value_high"], row["unit"], row["comparator"])
            if row["value"] is not None
            else "—"
        )
        assert f" {cell}" in line[col:]
        if row["value"] is None:
            assert " 0%" not in line and " 0 " not in line[col + 12 :]
    by_level: dict[str, list] = {}
    for row in data:
        by_level.setdefault(row["admin_level"], []).append(row)
    for rows in by_level.values():
        values = [x["value"] for x in rows]
        present = [v for v in values if v is not None]
        assert values[: len(present)] == present, "missing plans sort last"
        units = [x["unit"] for x in rows if x["value"] is not None]
        for unit in set(units):
            vs = [x["value"] for x in rows if x["unit"] == unit]
            assert vs == sorted(vs, reverse=True)


def test_compare_targets_matrix_without_indicator(corpus_db, corpus_con):
    r = run("compare", "targets", "--top", 3, "--format", "json", "--db", corpus_db)
    rows = json.loads(r.output)
    assert len(rows) == len(_primary_plans(corpus_con))
    indicators = [c for c in rows[0] if c.endswith("_unit")]
    assert len(indicators) == 3
    table = run("compare", "targets", "--top", 3, "--db", corpus_db).output
    for key in indicators:
        assert key[: -len("_unit")] in table.splitlines()[0]


def test_compare_targets_filters_by_level_and_province_without_diacritics(corpus_db, corpus_con, partial_indicator):
    province, level = corpus_con.execute(
        "SELECT province, admin_level FROM plans WHERE primary_rendition AND province IS NOT NULL "
        "ORDER BY province LIMIT 1"
    ).fetchone()
    plain = strip_diacritics(province).lower()
    rows = json.loads(
        run(
            "compare",
            "targets",
            "--indicator",
            partial_indicator,
            "--province",
            plain,
            "--format",
            "json",
            "--db",
            corpus_db,
        ).output
    )
    expected = corpus_con.execute(
        "SELECT count(*) FROM plans WHERE primary_rendition AND province = ?", [province]
    ).fetchone()[0]
    assert len(rows) == expected and all(x["province"] == province for x in rows)
    rows = json.loads(
        run(
            "compare",
            "targets",
            "--indicator",
            partial_indicator,
            "--level",
            level,
            "--format",
            "json",
            "--db",
            corpus_db,
        ).output
    )
    assert rows and all(x["admin_level"] == level for x in rows)
    every = json.loads(
        run(
            "compare",
            "targets",
            "--indicator",
            partial_indicator,
            "--all-renditions",
            "--format",
            "json",
            "--db",
            corpus_db,
        ).output
    )
    assert len(every) == corpus_con.execute("SELECT count(*) FROM plans").fetchone()[0]


# --- funding ------------------------------------------------------------------------------------


def test_compare_funding_component_json_exact_integers_and_null_for_missing(corpus_db, corpus_con, partial_component):
    r = run("compare", "funding", "--component", partial_component, "--format", "json", "--db", corpus_db)
    assert r.exit_code == 0, r.output
    rows = json.loads(r.output)
    assert sorted(x["doc_id"] for x in rows) == sorted(_primary_plans(corpus_con))
    missing = 0
    for x in rows:
        want = corpus_con.execute(
            "SELECT total FROM funding_by_component WHERE doc_id = ? AND component = ?",
            [x["doc_id"], partial_component],
        ).fetchone()
        want = want[0] if want else None
        assert x["vnd"] == want
        if want is None:
            missing += 1
        else:
            assert type(x["vnd"]) is int
    assert missing >= 1


def test_compare_funding_csv_keeps_whole_dong(corpus_db, corpus_con, partial_component):
    r = run(
        "compare",
        "funding",
        "--component",
        partial_component,
        "--source",
        "total",
        "--format",
        "csv",
        "--db",
        corpus_db,
    )
    rows = list(csv.DictReader(io.StringIO(r.output)))
    stated = [x for x in rows if x["vnd"]]
    assert stated
    for x in stated:
        assert x["vnd"].isdigit(), x["vnd"]
        want = corpus_con.execute(
            "SELECT total FROM funding_by_component WHERE doc_id = ? AND component = ?",
            [x["doc_id"], partial_component],
        ).fetchone()[0]
        assert int(x["vnd"]) == want
    assert any(x["vnd"] == "" for x in rows)


def test_compare_funding_table_uses_vietnamese_money(corpus_db, partial_component):
    rows = json.loads(
        run("compare", "funding", "--component", partial_component, "--format", "json", "--db", corpus_db).output
    )
    table = run("compare", "funding", "--component", partial_component, "--db", corpus_db).output
    header = table.splitlines()[0]
    unit = "ty" if "tỷ đồng" in header else "trieu"
    assert vnformat.pick_money_unit([x["vnd"] for x in rows] + [x["plan_vnd"] for x in rows]) == unit
    for x in rows:
        line = next(line for line in table.splitlines() if line.startswith(x["jurisdiction"] or f"({x['file_name']})"))
        if x["vnd"] is None:
            assert "—" in line or "×" in line
        else:
            assert vnformat.money_column(x["vnd"], unit) in line
            assert vnformat.percent(x["share"]) in line


def test_compare_funding_matrix_and_shares(corpus_db, corpus_con):
    money = json.loads(run("compare", "funding", "--format", "json", "--db", corpus_db).output)
    shares = json.loads(run("compare", "funding", "--share", "--format", "json", "--db", corpus_db).output)
    assert len(money) == len(shares) == len(_primary_plans(corpus_con))
    codes = [c for c in money[0] if c.startswith("DA")]
    assert codes and all("." not in c for c in codes)
    share_of = {x["doc_id"]: x for x in shares}
    for x in money:
        for code in codes:
            if x[code] is None or not x["plan_total"]:
                assert share_of[x["doc_id"]][code] is None
            else:
                assert share_of[x["doc_id"]][code] == pytest.approx(x[code] / x["plan_total"])
    not_done = corpus_con.execute(
        "SELECT count(*) FROM funding_by_component WHERE primary_rendition "
        "AND implemented = false AND total IS NULL AND NOT subcomponent"
    ).fetchone()[0]
    table = run("compare", "funding", "--db", corpus_db).output
    assert ("×" in table) == (not_done > 0)


def test_compare_funding_xlsx_reads_back_equal(corpus_db, tmp_path, partial_component):
    out = tmp_path / "f.xlsx"
    r = run("compare", "funding", "--component", partial_component, "--out", out, "--db", corpus_db)
    assert r.exit_code == 0 and out.exists(), r.output
    frame = pd.read_excel(out)
    rows = json.loads(
        run("compare", "funding", "--component", partial_component, "--format", "json", "--db", corpus_db).output
    )
    assert list(frame["doc_id"]) == [x["doc_id"] for x in rows]
    got = [None if pd.isna(v) else int(v) for v in frame["vnd"]]
    assert got == [x["vnd"] for x in rows]


def test_xlsx_needs_a_file(corpus_db):
    r = run("compare", "funding", "--format", "xlsx", "--db", corpus_db)
    assert r.exit_code == 2 and "--out" in r.output


# --- query --------------------------------------------------------------------------------------


def test_query_formats_agree(corpus_db, corpus_con):
    sql = "SELECT doc_id, component, source, vnd FROM amounts ORDER BY doc_id, char_start, vnd"
    want = corpus_con.execute(sql).fetchall()
    rows = json.loads(run("query", sql, "--format", "json", "--db", corpus_db).output)
    assert [tuple(x.values()) for x in rows] == want
    parsed = list(csv.reader(io.StringIO(run("query", sql, "--format", "csv", "--db", corpus_db).output)))
    assert parsed[0] == ["doc_id", "component", "source", "vnd"]
    assert [int(x[3]) for x in parsed[1:]] == [w[3] for w in want]
    table = run("query", sql, "--db", corpus_db).output
    assert vnformat.group_int(want[0][3]) in table


@pytest.mark.parametrize(
    "sql",
    [
        "DELETE FROM amounts",
        "CREATE TABLE x AS SELECT 1",
        "COPY amounts TO '/tmp/kehoach_should_not_exist.csv'",
        "SELECT * FROM read_csv('/etc/hostname')",
    ],
)
def test_query_is_read_only(corpus_db, corpus_con, sql):
    before = corpus_con.execute("SELECT count(*) FROM amounts").fetchone()[0]
    r = run("query", sql, "--db", corpus_db)
    assert r.exit_code == 2
    assert "Error:" in r.output
    assert corpus_con.execute("SELECT count(*) FROM amounts").fetchone()[0] == before


def test_query_does_not_lock_other_connections_regression(corpus_db, corpus_con, tmp_path):
    """query switches file access off; in one process that must not reach other users of the file."""
    assert run("query", "SELECT 1 AS one", "--db", corpus_db).exit_code == 0
    r = run("export", "--format", "csv", "--out", tmp_path, "--db", corpus_db)
    assert r.exit_code == 0, r.output
    assert (tmp_path / "amounts.csv").exists()
    corpus_con.execute("SELECT count(*) FROM read_csv(?)", [str(tmp_path / "amounts.csv")]).fetchone()


# --- help and formatting ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "command", [["compare"], ["compare", "targets"], ["compare", "funding"], ["query"], ["export"], ["review"]]
)
def test_help_ends_with_an_example(command):
    r = run(*command, "--help")
    assert r.exit_code == 0
    description = [line for line in r.output.split("\nOptions:")[0].splitlines() if line.strip()]
    starts = [i for i, line in enumerate(description) if line.strip().startswith("Example")]
    assert starts
    examples = description[starts[-1] + 1 :]
    assert examples and all(line.strip().startswith("kehoach " + command[0]) for line in examples)


@pytest.mark.parametrize(
    "value, text",
    [
        (28590000000, "28.590.000.000"),
        (0, "0"),
        (999, "999"),
        (1000, "1.000"),
        (-1234567, "-1.234.567"),
    ],
)
def test_group_int(value, text):
    assert vnformat.group_int(value) == text


@pytest.mark.parametrize(
    "vnd, unit, text",
    [
        (62_500_000_000, "ty", "62,5"),
        (28_590_000_000, "ty", "28,59"),
        (2_589_000_000, "trieu", "2.589"),
        (1_143_600_000, "trieu", "1.143,6"),
        (37_950_000_000, "ty", "37,95"),
        (5_000, "dong", "5.000"),
    ],
)
def test_money(vnd, unit, text):
    assert vnformat.money(vnd, unit) == text


@pytest.mark.parametrize(
    "vnd, unit, text",
    [
        (62_500_000_000, "ty", "62,50"),
        (1_675_000_000, "ty", "1,68"),
        (1_143_600_000, "trieu", "1.144"),
        (9_007_199_254_740_993, "dong", "9.007.199.254.740.993"),
    ],
)
def test_money_column_is_fixed_and_exact(vnd, unit, text):
    assert vnformat.money_column(vnd, unit) == text


def test_money_with_unit():
    assert vnformat.money_with_unit(62_500_000_000, "ty") == "62,5 tỷ"
    assert vnformat.money_with_unit(2_589_000_000, "trieu") == "2.589 triệu"


@pytest.mark.parametrize(
    "args, text",
    [
        ((1.5, None, "%/year", "eq"), "1,5%/năm"),
        ((2, 2.5, "%/year", "range"), "2–2,5%/năm"),
        ((338, None, "people", "ge"), "≥ 338 người"),
        ((1, None, "%/year", "gt"), "> 1%/năm"),
        ((8, None, "per_10000_people", "eq"), "8/10.000 dân"),
        ((1200, None, "households", None), "1.200 hộ"),
        ((3, None, "widgets", "eq"), "3 widgets"),
    ],
)
def test_target_text(args, text):
    assert vnformat.target(*args) == text


def test_percent_and_unit_choice():
    assert vnformat.percent(0.461) == "46,1%"
    assert vnformat.percent(1.0) == "100,0%"
    assert vnformat.pick_money_unit([9_999_000_000, None]) == "trieu"
    assert vnformat.pick_money_unit([10_000_000_000]) == "ty"
    assert vnformat.pick_money_unit([None]) == "trieu"
