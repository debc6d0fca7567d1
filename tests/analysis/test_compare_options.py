"""Issue 17: compare never answers a wrong question silently, and never puts different things
in one column.

Option values are checked against what the database and the rules hold (an unknown one is
an error, exit 2, naming the closest valid values; a valid question with nothing to show is
a message, exit 1); targets for different populations stay in different columns; machine
output of the targets matrix keeps the range top, the comparator and the year; every row
of --all-renditions says which rendition it is.
"""

from __future__ import annotations

import json
import shutil

import duckdb
import pytest
from click.testing import CliRunner

from extract.cli.main import main
from extract.text.normalize import strip_diacritics


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


# --- components ---------------------------------------------------------------------------------


def test_lower_case_component_is_read_as_its_code_and_says_so_regression(corpus_db, corpus_con):
    """`--component da4` printed "0 state total money"; now it is DA4, with a note."""
    code = corpus_con.execute(
        "SELECT component FROM funding_by_component WHERE primary_rendition AND total IS NOT NULL "
        "AND component IS NOT NULL ORDER BY component LIMIT 1"
    ).fetchone()[0]
    exact = json.loads(run("compare", "funding", "--component", code, "--format", "json", "--db", corpus_db).output)
    lower = run("compare", "funding", "--component", code.lower(), "--format", "json", "--db", corpus_db)
    assert lower.exit_code == 0
    assert json.loads(lower.output) == exact
    assert any(r["vnd"] is not None for r in exact)
    table = run("compare", "funding", "--component", code.lower(), "--db", corpus_db)
    assert f"as {code}" in table.output


@pytest.mark.parametrize("command", ["funding", "agencies"])
@pytest.mark.parametrize("bad", ["DA8", "DA9.1", "Du an 4", "xyz"])
def test_unknown_component_is_an_error_naming_the_valid_codes_regression(corpus_db, bad, command):
    r = run("compare", command, "--component", bad, "--db", corpus_db)
    assert r.exit_code == 2
    assert "unknown component" in r.output and "DA1" in r.output and "DA7" in r.output
    assert "Traceback" not in r.output


def test_unknown_component_suggests_the_nearest(corpus_db):
    r = run("compare", "funding", "--component", "DA4.9", "--db", corpus_db)
    assert r.exit_code == 2 and "did you mean" in r.output and "DA4" in r.output


# --- indicators and populations -----------------------------------------------------------------


def test_unknown_indicator_is_an_error_with_near_matches_regression(corpus_db, corpus_con):
    """`--indicator foo` printed "0 state foo"."""
    r = run("compare", "targets", "--indicator", "foo", "--db", corpus_db)
    assert r.exit_code == 2 and "unknown indicator 'foo'" in r.output
    key = corpus_con.execute("SELECT min(indicator) FROM targets WHERE indicator IS NOT NULL").fetchone()[0]
    typo = key[:-1] + ("x" if key[-1] != "x" else "y")
    r = run("compare", "targets", "--indicator", typo, "--db", corpus_db)
    assert r.exit_code == 2 and "did you mean" in r.output and key in r.output


def test_unknown_population_is_an_error(corpus_db):
    r = run("compare", "targets", "--population", "martians", "--db", corpus_db)
    assert r.exit_code == 2 and "population 'martians'" in r.output


# --- provinces and levels -----------------------------------------------------------------------


def test_misspelled_province_is_an_error_with_the_closest_names_regression(corpus_db, corpus_con):
    """`--province 'tra vnh'` printed an empty table."""
    province = corpus_con.execute("SELECT min(province) FROM plans WHERE province IS NOT NULL").fetchone()[0]
    plain = strip_diacritics(province).lower()
    typo = plain[:-2] + plain[-1]  # a letter dropped
    r = run("compare", "targets", "--province", typo, "--db", corpus_db)
    assert r.exit_code == 2
    assert f"no province {typo!r}" in r.output and province in r.output and "did you mean" in r.output


def test_existing_province_without_plans_is_a_clear_message_not_an_empty_table(corpus_db, corpus_con):
    held = {
        strip_diacritics(p).lower()
        for (p,) in corpus_con.execute("SELECT DISTINCT province FROM plans WHERE province IS NOT NULL").fetchall()
    }
    other = next(p for p in ("Hà Giang", "Cà Mau", "Điện Biên", "Lai Châu") if strip_diacritics(p).lower() not in held)
    for command in (("targets",), ("funding",)):
        r = run("compare", *command, "--province", strip_diacritics(other).lower(), "--db", corpus_db)
        assert r.exit_code == 1, r.output
        assert f"no plan of {other}" in r.output
        assert "jurisdiction" not in r.output  # no table header of an empty table


def test_level_without_plans_is_a_clear_message(corpus_db, corpus_con):
    province = corpus_con.execute(
        "SELECT province FROM plans GROUP BY province HAVING bool_and(admin_level <> 'commune') LIMIT 1"
    ).fetchone()
    assert province, "the corpus has a province with no commune plan"
    r = run("compare", "funding", "--province", province[0], "--level", "commune", "--db", corpus_db)
    assert r.exit_code == 1 and "no commune-level plan" in r.output


@pytest.mark.parametrize(("option", "value"), [("--level", "village"), ("--source", "foreign"), ("--top", "0")])
def test_choice_options_refuse_other_values(corpus_db, option, value):
    command = "funding" if option == "--source" else "targets"
    r = run("compare", command, option, value, "--db", corpus_db)
    assert r.exit_code == 2 and "Invalid value" in r.output


# --- populations never share a column -----------------------------------------------------------


@pytest.fixture(scope="module")
def population_db(corpus_db, corpus_con, tmp_path_factory):
    """The corpus with, for one plan's indicator stated for everyone, a second goal of the
    same indicator for poor and near-poor households (value + 5), as a plan states both
    "95% of the population" and "100% of poor and near-poor people"."""
    doc_id, indicator, value = corpus_con.execute(
        "SELECT doc_id, indicator, value FROM targets_by_indicator WHERE primary_rendition AND headline "
        "AND population IS NULL AND unit = '%' AND value < 90 ORDER BY doc_id, indicator LIMIT 1"
    ).fetchone()
    db = tmp_path_factory.mktemp("population") / "k.duckdb"
    shutil.copy(corpus_db, db)
    con = duckdb.connect(str(db))
    try:
        con.execute(
            "INSERT INTO targets SELECT * REPLACE ('poor_near_poor' AS population, value + 5 AS value) FROM targets "
            "WHERE doc_id = ? AND indicator = ? AND population IS NULL",
            [doc_id, indicator],
        )
    finally:
        con.close()
    return db, doc_id, indicator, value


def test_one_indicator_shows_only_the_goal_for_everyone_and_names_other_populations(population_db):
    db, doc_id, indicator, value = population_db
    rows = json.loads(run("compare", "targets", "--indicator", indicator, "--format", "json", "--db", db).output)
    row = next(r for r in rows if r["doc_id"] == doc_id)
    assert row["value"] == value and row["population"] is None
    table = run("compare", "targets", "--indicator", indicator, "--db", db).output
    assert "poor_near_poor" in table and "--population" in table
    sub = json.loads(
        run(
            "compare",
            "targets",
            "--indicator",
            indicator,
            "--population",
            "poor_near_poor",
            "--format",
            "json",
            "--db",
            db,
        ).output
    )
    row = next(r for r in sub if r["doc_id"] == doc_id)
    assert row["value"] == value + 5 and row["population"] == "poor_near_poor"


def test_matrix_puts_each_population_in_its_own_labelled_column_regression(population_db):
    """The whole population's 95% sat beside poor households' 100% in one column."""
    db, doc_id, indicator, value = population_db
    rows = json.loads(run("compare", "targets", "--top", 50, "--format", "json", "--db", db).output)
    row = next(r for r in rows if r["doc_id"] == doc_id)
    assert row[indicator] == value
    assert row[f"{indicator}[poor_near_poor]"] == value + 5
    header = run("compare", "targets", "--top", 50, "--db", db).output.splitlines()[0]
    assert f"{indicator}[poor_near_poor]" in header


# --- machine output keeps what the terminal shows -----------------------------------------------


def test_targets_matrix_json_and_csv_keep_range_top_and_comparator_regression(corpus_db, corpus_con):
    """2–2,5%/năm became 2.0 in JSON/CSV: the matrix dropped value_high and the comparator."""
    ranged = corpus_con.execute(
        "SELECT doc_id, indicator, value, value_high, comparator, year FROM targets_by_indicator "
        "WHERE primary_rendition AND headline AND population IS NULL AND value_high IS NOT NULL LIMIT 1"
    ).fetchone()
    assert ranged, "the corpus has a goal stated as a range"
    doc_id, indicator, value, high, comparator, year = ranged
    rows = json.loads(run("compare", "targets", "--top", 50, "--format", "json", "--db", corpus_db).output)
    row = next(r for r in rows if r["doc_id"] == doc_id)
    assert (row[indicator], row[f"{indicator}_high"], row[f"{indicator}_comparator"], row[f"{indicator}_year"]) == (
        value,
        high,
        comparator,
        year,
    )
    text = run("compare", "targets", "--top", 50, "--format", "csv", "--db", corpus_db).output
    header = text.splitlines()[0].split(",")
    assert f"{indicator}_high" in header and f"{indicator}_comparator" in header


def test_targets_matrix_keeps_at_least_comparators(corpus_db, corpus_con):
    ge = corpus_con.execute(
        "SELECT doc_id, indicator FROM targets_by_indicator WHERE primary_rendition AND headline "
        "AND population IS NULL AND comparator = 'ge' LIMIT 1"
    ).fetchone()
    if ge is None:
        pytest.skip("no sample goal is stated as a minimum")
    rows = json.loads(run("compare", "targets", "--top", 50, "--format", "json", "--db", corpus_db).output)
    row = next(r for r in rows if r["doc_id"] == ge[0])
    assert row[f"{ge[1]}_comparator"] == "ge"


# --- renditions ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [("funding",), ("funding", "--component", "DA1"), ("targets",), ("agencies",), ("agencies", "--component", "DA4")],
)
def test_all_renditions_rows_say_which_rendition_regression(corpus_db, corpus_con, command):
    """--all-renditions printed identical rows with nothing to tell them apart."""
    rows = json.loads(run("compare", *command, "--all-renditions", "--format", "json", "--db", corpus_db).output)
    assert len(rows) == corpus_con.execute("SELECT count(*) FROM plans").fetchone()[0]
    assert len({(r["format"], r["file_name"]) for r in rows}) == len(rows)
    table = run("compare", *command, "--all-renditions", "--db", corpus_db).output
    assert "rendition" in table.splitlines()[0]
    lines = table.splitlines()[2 : 2 + len(rows)]
    assert len(set(lines)) == len(lines)
    for fmt, file_name in {(r["format"], r["file_name"]) for r in rows}:
        assert f"{fmt}: {file_name}" in table


# --- what can be asked --------------------------------------------------------------------------


def test_province_may_be_asked_with_its_level_word(corpus_db, corpus_con):
    province = corpus_con.execute("SELECT min(province) FROM plans WHERE province IS NOT NULL").fetchone()[0]
    plain = json.loads(run("compare", "funding", "--province", province, "--format", "json", "--db", corpus_db).output)
    worded = json.loads(
        run("compare", "funding", "--province", f"tỉnh {province}", "--format", "json", "--db", corpus_db).output
    )
    assert plain and worded == plain


def test_empty_database_is_a_clear_message(tmp_path):
    from extract.store.writer import Store

    db = tmp_path / "empty.duckdb"
    Store(db).close()
    for command in ("targets", "funding"):
        r = run("compare", command, "--db", db)
        assert r.exit_code == 1 and "no plan yet" in r.output


def test_indicators_lists_every_key_compare_accepts(corpus_db, corpus_con):
    rows = json.loads(run("indicators", "--format", "json", "--db", corpus_db).output)
    keys = {r["indicator"] for r in rows}
    stored = {
        r[0]
        for r in corpus_con.execute("SELECT DISTINCT indicator FROM targets WHERE indicator IS NOT NULL").fetchall()
    }
    assert stored <= keys
    for r in rows:
        assert r["name"] and r["units"] is not None
        if r["indicator"] in stored:
            assert r["plans"] > 0
        assert run("compare", "targets", "--indicator", r["indicator"], "--db", corpus_db).exit_code == 0


def test_components_lists_every_code_compare_accepts(corpus_db, tmp_path):
    rows = json.loads(run("components", "--format", "json", "--db", corpus_db).output)
    codes = [r["component"] for r in rows]
    assert codes[0] == "DA1" and "DA7" in codes and all(r["title"] for r in rows)
    for code in codes:
        assert run("compare", "funding", "--component", code, "--db", corpus_db).exit_code == 0
    bare = json.loads(run("components", "--format", "json", "--db", tmp_path / "none.duckdb").output)
    assert [r["component"] for r in bare] == codes and "plans" not in bare[0]


# --- plans of different lengths -----------------------------------------------------------------


def test_per_year_divides_by_the_plans_years(corpus_db, corpus_con):
    whole = json.loads(run("compare", "funding", "--component", "DA2", "--format", "json", "--db", corpus_db).output)
    yearly = json.loads(
        run("compare", "funding", "--component", "DA2", "--per-year", "--format", "json", "--db", corpus_db).output
    )
    years = dict(corpus_con.execute("SELECT doc_id, years FROM plans").fetchall())
    by_id = {r["doc_id"]: r for r in yearly}
    stated = [r for r in whole if r["vnd"] is not None]
    assert stated
    for r in stated:
        y = by_id[r["doc_id"]]
        assert y["years"] == years[r["doc_id"]] and y["per_year"] is True
        assert y["vnd"] == round(r["vnd"] / years[r["doc_id"]])
        assert isinstance(y["vnd"], int)
    table = run("compare", "funding", "--per-year", "--db", corpus_db).output
    assert "per year" in table.splitlines()[0] and "divided by the years" in table


def test_mixed_period_lengths_are_said_regression(corpus_db, corpus_con):
    """A one-year plan sat beside five-year plans with nothing saying so."""
    lengths = {
        r[0]
        for r in corpus_con.execute("SELECT years FROM plans WHERE primary_rendition AND years IS NOT NULL").fetchall()
    }
    assert len(lengths) > 1, "the corpus mixes plan lengths"
    table = run("compare", "funding", "--db", corpus_db).output
    assert "different lengths" in table and "--per-year" in table
    assert "period" in table.splitlines()[0]


@pytest.mark.parametrize(
    "args",
    [("funding", "--component", ""), ("targets", "--indicator", ""), ("funding", "--province", "")],
    ids=["component", "indicator", "province"],
)
def test_empty_option_value_is_an_error_not_no_filter(corpus_db, args):
    r = run("compare", *args, "--db", corpus_db)
    assert r.exit_code == 2 and "''" in r.output


def test_lower_case_component_in_compare_agencies(corpus_db):
    exact = json.loads(run("compare", "agencies", "--component", "DA4", "--format", "json", "--db", corpus_db).output)
    lower = run("compare", "agencies", "--component", "da4", "--format", "json", "--db", corpus_db)
    assert lower.exit_code == 0 and json.loads(lower.output) == exact


def test_population_is_read_case_insensitively(population_db):
    db, doc_id, indicator, value = population_db
    r = run(
        "compare", "targets", "--indicator", indicator, "--population", "Poor_Near_Poor", "--format", "json", "--db", db
    )
    assert r.exit_code == 0
    assert next(x for x in json.loads(r.output) if x["doc_id"] == doc_id)["population"] == "poor_near_poor"
