"""`kehoach ingest` and `kehoach show` in-process (click's CliRunner), on small folders.

Bad files get a failed row and do not stop the batch; an unchanged file is left alone
(no row changes, same ingested_at); a changed file at the same path replaces its rows;
`show` finds a document by path, file name or doc_id; every command's help ends with an
example.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS

from extract.cli.main import main
from extract.store.writer import connect

SAMPLE = CORPUS / "txt" / "001_9d22f5555e289895.txt"
OTHER = CORPUS / "txt" / "003_9192dfae355c46d7.txt"


def _ingest(*args: str):
    return CliRunner().invoke(main, ["ingest", "--jobs", "1", *args], catch_exceptions=False)


def _snapshot(db) -> dict:
    con = connect(db, read_only=True)
    try:
        docs = con.execute(
            "SELECT doc_id, file_name, status, error, ingested_at FROM documents ORDER BY doc_id"
        ).fetchall()
        sections = con.execute(
            "SELECT doc_id, section_id, label, title, char_start, char_end FROM sections ORDER BY ALL"
        ).fetchall()
        files = con.execute("SELECT path, doc_id FROM files ORDER BY path").fetchall()
    finally:
        con.close()
    return {"documents": docs, "sections": sections, "files": files}


@pytest.fixture
def inbox(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "plan.txt")
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "garbage.docx").write_bytes(bytes(range(256)) * 8)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage")
    return folder


def test_bad_files_get_failed_rows_and_do_not_stop_the_batch(inbox, tmp_path):
    db = tmp_path / "k.duckdb"
    result = _ingest(str(inbox), "--db", str(db))
    assert result.exit_code == 1, result.output
    con = connect(db, read_only=True)
    try:
        rows = dict(con.execute("SELECT file_name, status FROM documents").fetchall())
        errors = dict(con.execute("SELECT file_name, error FROM documents WHERE status = 'failed'").fetchall())
    finally:
        con.close()
    assert rows == {"plan.txt": "ok", "empty.pdf": "failed", "garbage.docx": "failed", "broken.pdf": "failed"}
    for name, error in errors.items():
        # a sentence a person can act on, not a traceback
        assert error and error[0].islower() and len(error) > 20 and "Traceback" not in error, (name, error)
    assert "empty" in errors["empty.pdf"]
    assert "internal error" not in " ".join(errors.values())
    assert "failed" in result.output and "plan.txt" in result.output


def test_reingesting_unchanged_files_changes_nothing(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "plan.txt")
    db = tmp_path / "k.duckdb"
    assert _ingest(str(folder), "--db", str(db)).exit_code == 0
    before = _snapshot(db)
    again = _ingest(str(folder), "--db", str(db))
    assert again.exit_code == 0
    assert _snapshot(db) == before  # same rows, same ingested_at
    assert before["documents"][0][4] is not None


def test_a_changed_file_at_the_same_path_replaces_its_rows(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    target = folder / "plan.txt"
    shutil.copy(SAMPLE, target)
    db = tmp_path / "k.duckdb"
    _ingest(str(folder), "--db", str(db))
    old = _snapshot(db)
    shutil.copy(OTHER, target)
    assert _ingest(str(folder), "--db", str(db)).exit_code == 0
    new = _snapshot(db)
    assert len(new["documents"]) == 1 and new["documents"][0][0] != old["documents"][0][0]
    assert {r[0] for r in new["sections"]} == {new["documents"][0][0]}
    assert new["files"] == [(str(target), new["documents"][0][0])]


def test_show_finds_a_document_by_path_file_name_and_doc_id(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "plan.txt")
    db = tmp_path / "k.duckdb"
    _ingest(str(folder), "--db", str(db))
    doc_id = _snapshot(db)["documents"][0][0]
    outputs = []
    for target in (str(folder / "plan.txt"), "plan.txt", doc_id):
        result = CliRunner().invoke(main, ["show", target, "--db", str(db)])
        assert result.exit_code == 0, result.output
        assert doc_id in result.output
        assert "I. MỤC ĐÍCH, YÊU CẦU" in result.output
        outputs.append(result.output)
    assert outputs[0] == outputs[1] == outputs[2]
    missing = CliRunner().invoke(main, ["show", "nothing.pdf", "--db", str(db)])
    assert missing.exit_code == 2 and "no document" in missing.output


def test_symlink_loop_does_not_hang(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(SAMPLE, folder / "sub" / "plan.txt")
    os.symlink(folder, folder / "sub" / "loop")
    db = tmp_path / "k.duckdb"
    result = _ingest(str(folder), "--db", str(db))
    assert result.exit_code == 0, result.output
    assert len(_snapshot(db)["documents"]) == 1


def _commands(group, prefix=()):
    yield list(prefix)
    for name, cmd in getattr(group, "commands", {}).items():
        yield from _commands(cmd, (*prefix, name))


@pytest.mark.parametrize("cmd", list(_commands(main)), ids=lambda c: " ".join(c) or "kehoach")
def test_every_command_help_ends_with_an_example(cmd):
    result = CliRunner().invoke(main, [*cmd, "--help"])
    assert result.exit_code == 0, cmd
    description = result.output.split("\nOptions:")[0].rstrip().splitlines()
    starts = [i for i, line in enumerate(description) if line.strip().startswith("Example")]
    assert starts, f"'kehoach {' '.join(cmd)} --help' has no example: {description[-3:]}"
    tail = [line for line in description[starts[-1] + 1 :] if line.strip()]
    assert tail and all(line.strip().startswith("kehoach ") for line in tail), (cmd, description[-3:])


def test_database_inside_the_ingested_folder_is_not_ingested(tmp_path):
    """Regression: with --db inside the input folder, ingest read its own database file as a plan."""
    from extract.batch.ingest import ingest

    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "plan.txt").write_text("KẾ HOẠCH\nI. MỤC TIÊU\n", encoding="utf-8")
    db = folder / "kehoach.duckdb"
    ingest([folder], db)
    summary = ingest([folder], db)
    assert [Path(r.path).name for r in summary.results] == ["plan.txt"]


def test_database_folder_that_cannot_be_created_gives_a_clear_error(tmp_path):
    """Regression: an unwritable --db location printed a traceback."""
    from extract.errors import StoreError
    from extract.store.writer import connect

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match="choose another --db"):
        connect(blocker / "sub" / "k.duckdb")
