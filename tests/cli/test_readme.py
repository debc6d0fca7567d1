"""Issue 17: what the README says about the data in pandas holds, checked by running it.

The README's pandas block runs as written against an export of the sample corpus (in a
folder laid out as the README assumes), and its claims are checked on what it produces:
money is Int64 from Parquet with no option, Int64 from CSV with the nullable dtype backend,
a missing figure is <NA>, and the CSV holds whole numbers. `query --units` names units.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest
from click.testing import CliRunner
from conftest import ROOT

from extract.cli.main import main

README = ROOT / "README.md"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def _pandas_block() -> str:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Using the data in pandas", 1)[1]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


@pytest.fixture(scope="module")
def readme_namespace(corpus_db, tmp_path_factory):
    """The README's export command and pandas block, run from a folder like the README's."""
    home = tmp_path_factory.mktemp("readme")
    text = README.read_text(encoding="utf-8").split("## Using the data in pandas", 1)[1]
    commands = [m.group(1).split() for m in re.finditer(r"kehoach (export [^\n#]*)", text.split("```python")[0])]
    assert len(commands) == 2
    for command in commands:
        r = run(*command[:-1], home / command[-1], "--db", corpus_db)
        assert r.exit_code == 0, r.output
    namespace: dict = {}
    code = _pandas_block().replace('"output/', f'"{home}/output/')
    exec(compile(code, str(README), "exec"), namespace)  # noqa: S102 - the README's own statements
    return namespace, home


def test_readme_pandas_block_runs(readme_namespace):
    namespace, _ = readme_namespace
    assert isinstance(namespace["funding"], pd.DataFrame) and len(namespace["funding"])
    assert len(namespace["plans"]) and namespace["plans"]["primary_rendition"].all()


@pytest.mark.parametrize("frame", ["funding", "central"])
def test_readme_money_is_int64_and_missing_is_na(readme_namespace, corpus_con, frame):
    namespace, _ = readme_namespace
    data = namespace[frame]
    for column in ("central", "local", "other", "credit", "total", "plan_total"):
        assert str(data[column].dtype) == "Int64", (frame, column, data[column].dtype)
    assert data["central"].isna().any(), "some plan states no central money"
    want = sorted(
        r[0]
        for r in corpus_con.execute(
            "SELECT CAST(total AS BIGINT) FROM funding_by_component WHERE total IS NOT NULL"
        ).fetchall()
    )
    assert sorted(int(v) for v in data["total"].dropna()) == want


def test_readme_plan_summary_money_is_int64(readme_namespace):
    namespace, _ = readme_namespace
    for column in ("total_budget", "central_budget", "local_budget", "other_budget"):
        assert str(namespace["plans"][column].dtype) == "Int64", column


def test_readme_csv_holds_whole_numbers(readme_namespace):
    _, home = readme_namespace
    frame = pd.read_csv(home / "output" / "export" / "funding_by_component.csv", dtype=str, keep_default_na=False)
    for column in ("central", "local", "total", "plan_total"):
        assert not frame[column].str.contains(r"\.", regex=True).any(), column


def test_readme_units_statement(corpus_db):
    text = README.read_text(encoding="utf-8")
    assert "--units" in text and "total_budget [đồng]" in text
    r = run("query", "SELECT total_budget FROM plan_summary", "--units", "--format", "csv", "--db", corpus_db)
    assert r.exit_code == 0 and r.output.splitlines()[0] == "total_budget [đồng]", r.output


def test_query_units_names_each_column_with_its_unit(corpus_db):
    r = run(
        "query",
        "SELECT jurisdiction, total_budget, period_start, years FROM plan_summary",
        "--units",
        "--format",
        "csv",
        "--db",
        corpus_db,
    )
    assert r.exit_code == 0, r.output
    assert r.output.splitlines()[0] == "jurisdiction,total_budget [đồng],period_start [year],years [years]"
    plain = run("query", "SELECT total_budget FROM plan_summary", "--format", "csv", "--db", corpus_db)
    assert plain.output.splitlines()[0] == "total_budget"
    table = run("query", "SELECT sum(vnd) AS money FROM amounts", "--units", "--db", corpus_db).output
    assert "money [đồng]" in table.splitlines()[0]
