"""Bytes already stored under another path are linked, not extracted again.

Plans are republished under new names, copied between folders, and whole folders get
ingested once by a relative and once by an absolute path; the bytes (their hash) decide,
so such a file gets its own `files` row pointing at the stored document, and nothing is
parsed. Each case ends with the database an ingest from scratch would give.
"""

from __future__ import annotations

import dataclasses
import io
import shutil
from pathlib import Path

from conftest import CORPUS
from dbcompare import snapshot

from extract.batch import workers
from extract.batch.ingest import ingest
from extract.batch.progress import Progress
from extract.batch.runreport import build
from extract.settings import DEFAULT_SETTINGS

PLANS = sorted(CORPUS.glob("txt/*.txt"))


def _no_extraction(monkeypatch):
    def refuse(task, settings):
        raise AssertionError(f"{task.key} was extracted")

    monkeypatch.setattr(workers, "extract_task", refuse)


def _files(db: Path) -> dict[str, str]:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return dict(con.execute("SELECT path, doc_id FROM files").fetchall())
    finally:
        con.close()


def _fresh(tmp_path: Path, *folders: Path) -> dict:
    db = tmp_path / "fresh.duckdb"
    ingest(folders, db)
    return snapshot(db)


def _copies(tmp_path: Path, first_name: str, second_name: str) -> tuple[Path, Path]:
    """Two folders, each holding the same plan under the name given."""
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir(), second.mkdir()
    shutil.copy(PLANS[0], first / first_name)
    shutil.copy(PLANS[0], second / second_name)
    return first, second


def test_a_copy_in_another_folder_is_linked_not_extracted(tmp_path, monkeypatch):
    first, second = _copies(tmp_path, "plan.txt", "republished.txt")
    db = tmp_path / "k.duckdb"
    ingest([first], db)
    before = snapshot(db)

    _no_extraction(monkeypatch)
    out = io.StringIO()
    progress = Progress(out=out, err=io.StringIO(), tty=False)
    summary = ingest([first, second], db, progress=progress)
    monkeypatch.undo()

    by_path = {Path(r.path).name: r for r in summary.results}
    assert by_path["plan.txt"].change == "unchanged"
    copy = by_path["republished.txt"]
    assert (copy.status, copy.change, copy.copy, copy.seconds) == ("ok", "new", True, 0.0)
    assert (
        f"ok         {second / 'republished.txt'} (the same bytes as a stored file: not extracted again)"
        in out.getvalue()
    )
    assert progress.extracted == 0
    report = build(summary, db=db, inputs=[str(first), str(second)], exit_code=0)
    assert report["counts"]["copies"] == 1 and report["copies"] == [str(second / "republished.txt")]
    files = _files(db)
    assert files[str(second / "republished.txt")] == files[str(first / "plan.txt")]
    after = snapshot(db)
    assert {t: rows for t, rows in after.items() if t != "files"} == {
        t: rows for t, rows in before.items() if t != "files"
    }
    assert after == _fresh(tmp_path, first, second)


def test_a_folder_given_by_another_path_is_not_extracted_again(tmp_path, monkeypatch):
    folder = tmp_path / "inbox"
    folder.mkdir()
    for p in PLANS[:2]:
        shutil.copy(p, folder / p.name)
    db = tmp_path / "k.duckdb"
    ingest([folder], db)
    monkeypatch.chdir(tmp_path)

    _no_extraction(monkeypatch)
    summary = ingest([Path("inbox")], db)

    assert [(r.status, r.copy) for r in summary.results] == [("ok", True), ("ok", True)]
    assert sorted(_files(db)) == sorted(
        [str(folder / p.name) for p in PLANS[:2]] + [f"inbox/{p.name}" for p in PLANS[:2]]
    )


def test_a_changed_file_whose_new_bytes_are_stored_drops_its_old_document(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(PLANS[0], folder / "a.txt")
    shutil.copy(PLANS[1], folder / "b.txt")
    db = tmp_path / "k.duckdb"
    ingest([folder], db)
    shutil.copy(PLANS[1], folder / "a.txt")  # a.txt now holds b.txt's bytes

    _no_extraction(monkeypatch)
    summary = ingest([folder], db)
    monkeypatch.undo()

    a = next(r for r in summary.results if r.path.endswith("a.txt"))
    assert (a.status, a.change, a.copy) == ("ok", "changed", True)
    files = _files(db)
    assert files[str(folder / "a.txt")] == files[str(folder / "b.txt")]
    after = snapshot(db)
    assert {row[0] for row in after["documents"]} == {files[str(folder / "b.txt")]}  # PLANS[0]'s rows are gone
    assert after == _fresh(tmp_path, folder)


def test_a_copy_of_a_document_replaced_earlier_in_the_same_run_is_extracted(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(PLANS[0], folder / "a.txt")
    db = tmp_path / "k.duckdb"
    ingest([folder], db)
    # in one run: a.txt (walked first) changes, so its old document goes once written, and
    # b.txt arrives with exactly those old bytes; committing each document at once makes
    # the old document gone by the time b.txt is looked at
    shutil.copy(PLANS[1], folder / "a.txt")
    shutil.copy(PLANS[0], folder / "b.txt")
    one_by_one = dataclasses.replace(DEFAULT_SETTINGS, write_batch_docs=1)
    summary = ingest([folder], db, settings=one_by_one)

    b = next(r for r in summary.results if r.path.endswith("b.txt"))
    assert (b.status, b.change, b.copy) == ("ok", "new", False)
    assert snapshot(db) == _fresh(tmp_path, folder)


def test_force_extracts_copies_too(tmp_path):
    first, second = _copies(tmp_path, "plan.txt", "plan.txt")
    db = tmp_path / "k.duckdb"
    ingest([first], db)
    summary = ingest([second], db, force=True)
    assert [(r.status, r.copy, r.change) for r in summary.results] == [("ok", False, "new")]


def test_the_documents_row_of_shared_bytes_names_the_same_path_whatever_the_order(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir(), second.mkdir()
    for folder in (first, second):
        for p in PLANS[:2]:
            shutil.copy(p, folder / p.name)
    later_first = tmp_path / "later_first.duckdb"
    ingest([second], later_first)  # the path that sorts first arrives last, linked
    ingest([first], later_first)
    parallel = tmp_path / "parallel.duckdb"
    ingest([second, first], parallel, jobs=2)  # both extracted, in whatever order workers finish
    fresh = _fresh(tmp_path, first, second)
    assert snapshot(later_first) == fresh == snapshot(parallel)
    assert {Path(row[2]).parent for row in fresh["documents"]} == {first}
