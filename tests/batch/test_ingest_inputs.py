"""Issue 17: `ingest` checks its input before it writes anything.

A path that does not exist is an error (exit 2) that writes no row (a failed row for a typo
would stay in the database for good); an input with no file in it says that no plan files
were found (exit 1) and creates no database; negative or absurd option values are refused
by the option parser.
"""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner
from conftest import CORPUS

from extract.batch.ingest import MissingInputError, ingest
from extract.cli.main import main
from extract.errors import SettingsError
from extract.store.writer import connect

SAMPLE = CORPUS / "txt" / "001_9d22f5555e289895.txt"


def _ingest(*args):
    return CliRunner().invoke(main, ["ingest", *[str(a) for a in args]], catch_exceptions=False)


def test_missing_path_is_an_error_that_writes_no_row_regression(tmp_path):
    """A missing path exited 1 and left a permanent failed row."""
    db = tmp_path / "k.duckdb"
    r = _ingest(tmp_path / "no_such_folder", "--db", db, "--jobs", 1)
    assert r.exit_code == 2
    assert "no such file or folder" in r.output and "no_such_folder" in r.output
    assert not db.exists()


def test_missing_path_beside_a_real_one_writes_nothing(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "plan.txt")
    db = tmp_path / "k.duckdb"
    assert _ingest(folder, "--db", db, "--jobs", 1).exit_code == 0
    con = connect(db, read_only=True)
    before = con.execute("SELECT path, doc_id FROM files ORDER BY path").fetchall()
    con.close()
    r = _ingest(folder, tmp_path / "typo.pdf", "--db", db, "--jobs", 1)
    assert r.exit_code == 2 and "typo.pdf" in r.output
    con = connect(db, read_only=True)
    try:
        assert con.execute("SELECT path, doc_id FROM files ORDER BY path").fetchall() == before
        assert con.execute("SELECT count(*) FROM documents WHERE status = 'failed'").fetchone()[0] == 0
    finally:
        con.close()


def test_missing_path_is_refused_by_the_library_too(tmp_path):
    with pytest.raises(MissingInputError, match="no such file or folder"):
        ingest([tmp_path / "absent"], tmp_path / "k.duckdb")
    assert not (tmp_path / "k.duckdb").exists()


def test_missing_path_run_report_says_exit_2(tmp_path):
    report = tmp_path / "run.json"
    r = _ingest(tmp_path / "absent", "--db", tmp_path / "k.duckdb", "--report", report)
    assert r.exit_code == 2
    assert json.loads(report.read_text(encoding="utf-8"))["exit_code"] == 2


@pytest.mark.parametrize("hidden_only", [False, True])
def test_empty_input_says_no_plan_files_were_found_regression(tmp_path, hidden_only):
    """An empty folder gave "0 files seen", exit 0."""
    folder = tmp_path / "empty"
    folder.mkdir()
    if hidden_only:
        (folder / ".hidden.txt").write_text("x", encoding="utf-8")
    db = tmp_path / "k.duckdb"
    r = _ingest(folder, "--db", db, "--jobs", 1)
    assert r.exit_code == 1
    assert "No plan files were found" in r.output
    assert not db.exists()


@pytest.mark.parametrize(
    "option",
    [
        ("--wait", "-5"),
        ("--wait", "1e12"),
        ("--wait", "nan"),
        ("--jobs", "0"),
        ("--jobs", "-3"),
        ("--jobs", "100000"),
    ],
)
def test_negative_or_absurd_option_values_are_refused_regression(tmp_path, option):
    """`--wait -5` was accepted."""
    db = tmp_path / "k.duckdb"
    r = _ingest(SAMPLE, *option, "--db", db)
    assert r.exit_code == 2 and "Invalid value" in r.output, r.output
    assert not db.exists()


def test_library_refuses_a_negative_wait(tmp_path):
    with pytest.raises(SettingsError, match="wait"):
        ingest([SAMPLE], tmp_path / "k.duckdb", wait=-1)


@pytest.mark.parametrize("option", [("--scheduler", "tcp://127.0.0.1:1"), ("--shards", "/tmp/shards")])
def test_dask_options_without_dask_are_refused(tmp_path, option):
    r = _ingest(SAMPLE, *option, "--db", tmp_path / "k.duckdb")
    assert r.exit_code == 2 and "--executor dask" in r.output
    assert not (tmp_path / "k.duckdb").exists()
