"""`kehoach show` tells first when a document is no plan, and why (the relevance step's verdict,
documents.is_plan and not_plan_reason), whether the file is stored or extracted on the spot."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import CORPUS, PLAN_STEMS

from extract.cli.main import main


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    """A database holding a note of a few words (no plan) and a sample plan."""
    folder = tmp_path_factory.mktemp("inbox")
    (folder / "note.txt").write_text("Ghi chú vài chữ.\n", encoding="utf-8")
    plan = folder / "plan.txt"
    plan.write_bytes((CORPUS / "txt" / f"{PLAN_STEMS[0]}.txt").read_bytes())
    db = tmp_path_factory.mktemp("db") / "k.duckdb"
    run("ingest", folder, "--db", db, "--jobs", 1)
    return folder, db


def test_show_displays_the_relevance_verdict_of_a_stored_document_that_is_not_a_plan(stored):
    folder, db = stored
    lines = run("show", folder / "note.txt", "--db", db).splitlines()
    assert lines[0].startswith("NOT A PLAN: ") and "min_plan_chars" in lines[0]
    data = json.loads(run("show", folder / "note.txt", "--format", "json", "--db", db))
    assert data["document"]["is_plan"] is False
    assert data["not_plan"].startswith(data["document"]["not_plan_reason"])


def test_show_of_a_plan_has_no_verdict_line(stored):
    folder, db = stored
    assert "NOT A PLAN" not in run("show", folder / "plan.txt", "--db", db)
    assert json.loads(run("show", folder / "plan.txt", "--format", "json", "--db", db))["not_plan"] is None


def test_show_of_a_file_not_ingested_gives_the_verdict_too(tmp_path):
    note = tmp_path / "scribble.txt"
    note.write_text("Ghi chú.\n", encoding="utf-8")
    lines = run("show", note, "--db", tmp_path / "absent.duckdb").splitlines()
    assert lines[0].startswith("NOTE: not in the database")
    assert any(line.startswith("NOT A PLAN: ") and "too little text" in line for line in lines)
