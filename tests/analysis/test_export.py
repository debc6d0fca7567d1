"""kehoach export on the sample corpus: every table and view, read back equal, with a data dictionary."""

from __future__ import annotations

import csv

import duckdb
import pandas as pd
import pytest
from click.testing import CliRunner

from extract.cli.main import main
from extract.store.schema import TABLES
from extract.store.views import VIEWS

NAMES = list(TABLES) + list(VIEWS)


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def exported(corpus_db, tmp_path_factory):
    out = {}
    for fmt in ("parquet", "csv", "xlsx"):
        folder = tmp_path_factory.mktemp(f"export_{fmt}")
        r = run("export", "--format", fmt, "--out", folder, "--db", corpus_db)
        assert r.exit_code == 0, r.output
        out[fmt] = folder
    return out


def _reader(corpus_db):
    """A separate in-memory DuckDB with the corpus attached, for set comparisons."""
    con = duckdb.connect(":memory:")
    con.execute(f"ATTACH '{corpus_db}' AS db (READ_ONLY)")
    from extract.store.views import view_ddl

    con.execute("USE db")
    for stmt in view_ddl(temporary=True):
        con.execute(stmt)
    return con


def _exact(con, name):
    cols = []
    for col, typ, *_ in con.execute(f'DESCRIBE "{name}"').fetchall():
        cols.append(f'CAST("{col}" AS BIGINT) AS "{col}"' if typ == "HUGEINT" else f'"{col}"')
    return f'SELECT {", ".join(cols)} FROM "{name}"'


@pytest.mark.parametrize("name", NAMES)
def test_parquet_reads_back_equal(corpus_db, exported, name):
    path = exported["parquet"] / f"{name}.parquet"
    con = _reader(corpus_db)
    try:
        table = _exact(con, name)
        back = f"SELECT * FROM read_parquet('{path}')"
        n = con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
        assert con.execute(f"SELECT count(*) FROM ({back})").fetchone()[0] == n
        assert con.execute(f"SELECT count(*) FROM (({table}) EXCEPT ALL ({back}))").fetchone()[0] == 0
        assert con.execute(f"SELECT count(*) FROM (({back}) EXCEPT ALL ({table}))").fetchone()[0] == 0
        money = [c for c, t, *_ in con.execute(f'DESCRIBE "{name}"').fetchall() if t == "HUGEINT"]
        types = dict((c, t) for c, t, *_ in con.execute(f"DESCRIBE {back}").fetchall())
        assert all(types[c] == "BIGINT" for c in money), types
    finally:
        con.close()


def test_parquet_money_is_exact_int64_in_pandas(corpus_con, exported):
    frame = pd.read_parquet(exported["parquet"] / "amounts.parquet")
    assert str(frame["vnd"].dtype) == "Int64"
    want = sorted(r[0] for r in corpus_con.execute("SELECT vnd FROM amounts").fetchall())
    assert sorted(int(v) for v in frame["vnd"]) == want
    assert want, "the corpus yields amounts"


@pytest.mark.parametrize("name", NAMES)
def test_parquet_money_with_nulls_is_nullable_int64_in_pandas_regression(corpus_db, exported, name):
    """Issue 17: pd.read_parquet gave float64 for every money column holding a null; the
    file's pandas metadata now names Int64, so a missing figure is <NA> and the rest exact."""
    con = _reader(corpus_db)
    try:
        money = [c for c, t, *_ in con.execute(f'DESCRIBE "{name}"').fetchall() if t == "HUGEINT"]
        frame = pd.read_parquet(exported["parquet"] / f"{name}.parquet")
        for column in money:
            assert str(frame[column].dtype) == "Int64", (name, column, frame[column].dtype)
            want = [
                r[0] for r in con.execute(f'SELECT CAST("{column}" AS BIGINT) FROM ({_exact(con, name)})').fetchall()
            ]
            got = [None if pd.isna(v) else int(v) for v in frame[column]]
            assert sorted(got, key=lambda v: (v is None, v or 0)) == sorted(want, key=lambda v: (v is None, v or 0))
        for column, typ, *_ in con.execute(f'DESCRIBE "{name}"').fetchall():
            if typ in ("INTEGER", "BIGINT"):
                assert str(frame[column].dtype) in ("Int32", "Int64"), (name, column, frame[column].dtype)
    finally:
        con.close()


def test_funding_by_component_has_a_money_column_with_nulls(corpus_con):
    """The regression above is only meaningful if some money column holds a null."""
    assert corpus_con.execute("SELECT count(*) FROM funding_by_component WHERE central IS NULL").fetchone()[0] > 0


def test_csv_money_has_no_decimal_point_and_reads_as_int64_with_nullable_dtypes(corpus_con, exported):
    """Issue 17: CSV money is written as whole numbers (no ".0") and pandas keeps it exact
    when asked for nullable dtypes, as the README says."""
    text = (exported["csv"] / "funding_by_component.csv").read_text(encoding="utf-8")
    header, *lines = text.splitlines()
    rows = list(csv.DictReader([header, *lines]))
    for column in ("central", "local", "total", "plan_total"):
        assert all("." not in r[column] for r in rows), column
    frame = pd.read_csv(exported["csv"] / "funding_by_component.csv", dtype_backend="numpy_nullable")
    assert str(frame["central"].dtype) == "Int64" and frame["central"].isna().any()


@pytest.mark.parametrize("name", ["amounts", "targets", "funding_by_component", "plan_summary"])
def test_csv_reads_back_equal(corpus_db, exported, name):
    path = exported["csv"] / f"{name}.csv"
    con = _reader(corpus_db)
    try:
        table = _exact(con, name)
        back = f"SELECT * FROM read_csv('{path}', header = true, auto_detect = true)"
        assert (
            con.execute(f"SELECT count(*) FROM ({back})").fetchone()[0]
            == con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
        )
        cols = [c for c, *_ in con.execute(f'DESCRIBE "{name}"').fetchall() if c != "text"]
        sel = ", ".join(f'"{c}"::VARCHAR' for c in cols)
        diff = f"SELECT {sel} FROM ({table}) EXCEPT ALL SELECT {sel} FROM ({back})"
        assert con.execute(f"SELECT count(*) FROM ({diff})").fetchone()[0] == 0
    finally:
        con.close()
    with open(path, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for col in ("vnd", "total", "total_budget"):
        for r in rows:
            if r.get(col):
                assert r[col].isdigit(), (col, r[col])


def test_xlsx_workbook_has_every_table_and_reads_back(corpus_con, exported):
    sheets = pd.read_excel(exported["xlsx"] / "kehoach.xlsx", sheet_name=None)
    assert set(NAMES) | {"data_dictionary"} == set(sheets)
    amounts = sheets["amounts"]
    want = corpus_con.execute("SELECT doc_id, vnd, char_start FROM amounts ORDER BY doc_id, char_start, vnd").fetchall()
    got = sorted(zip(amounts["doc_id"], (int(v) for v in amounts["vnd"]), (int(v) for v in amounts["char_start"])))
    assert got == sorted(want)
    for name in NAMES:
        n = corpus_con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
        assert len(sheets[name]) == n, name
    assert "text" not in sheets["documents"].columns


def test_data_dictionary_describes_every_column(corpus_con, exported):
    frame = pd.read_csv(exported["parquet"] / "data_dictionary.csv", keep_default_na=False)
    assert list(frame.columns) == ["table", "kind", "column", "type", "unit", "meaning", "allowed_values"]
    for name in NAMES:
        described = [r[0] for r in corpus_con.execute(f'DESCRIBE "{name}"').fetchall()]
        mine = frame[frame["table"] == name]
        assert list(mine["column"]) == described, name
        assert (mine["meaning"] != "").all(), mine[mine["meaning"] == ""]
    row = frame[(frame["table"] == "amounts") & (frame["column"] == "vnd")].iloc[0]
    assert (row["type"], row["unit"]) == ("BIGINT", "đồng")
    source = frame[(frame["table"] == "amounts") & (frame["column"] == "source")].iloc[0]
    assert set(source["allowed_values"].split(", ")) >= {"total", "central", "local", "other"}
    component = frame[(frame["table"] == "funding_by_component") & (frame["column"] == "component")].iloc[0]
    assert "DA4.3" in component["allowed_values"]
    share = frame[(frame["table"] == "funding_by_component") & (frame["column"] == "share")].iloc[0]
    assert share["unit"].startswith("fraction")


BIG = 2**53 + 1  # a float would round it


@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
def test_machine_formats_keep_huge_money_exact(tmp_path, fmt):
    from extract.analysis.export import Result, write_result

    result = Result(
        columns=["doc_id", "vnd"], rows=[{"doc_id": "a", "vnd": BIG}, {"doc_id": "b", "vnd": None}], money={"vnd"}
    )
    out = tmp_path / f"r.{fmt}"
    write_result(result, fmt, out)
    if fmt == "json":
        import json

        assert [r["vnd"] for r in json.loads(out.read_text())] == [BIG, None]
    elif fmt == "csv":
        assert out.read_text().splitlines()[1:] == [f"a,{BIG}", "b,"]
    else:
        from openpyxl import load_workbook

        cells = [row[1] for row in load_workbook(out).active.iter_rows(min_row=2, values_only=True)]
        assert [int(cells[0]), cells[1]] == [BIG, None]
