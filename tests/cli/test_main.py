"""The command's own process: what it does at exit."""

from __future__ import annotations

import atexit
import gc
import importlib
import subprocess
import sys

from click.testing import CliRunner
from conftest import CORPUS

cli_main = importlib.import_module("extract.cli.main")  # the module: extract.cli.main is also the command


def test_ingest_freezes_the_heap_at_exit_only_and_registers_that_once(tmp_path, monkeypatch):
    registered = []
    monkeypatch.setattr(atexit, "register", lambda f, *a, **k: registered.append(f))
    cli_main._quick_exit.cache_clear()  # as if this process had run no command yet
    frozen = gc.get_freeze_count()
    for _ in range(2):
        result = CliRunner().invoke(
            cli_main.main, ["ingest", str(CORPUS / "txt"), "--db", str(tmp_path / "k.duckdb"), "-q", "--jobs", "1"]
        )
        assert result.exit_code == 0, result.output
    assert registered.count(gc.freeze) == 1
    assert gc.get_freeze_count() == frozen  # nothing frozen while the process goes on


def test_a_run_exits_cleanly_with_its_database_whole(tmp_path):
    db = tmp_path / "k.duckdb"
    run = subprocess.run(
        [sys.executable, "-c", "import sys; from extract.cli.main import main; sys.exit(main())"]
        + ["ingest", str(CORPUS / "txt"), "--db", str(db), "-q", "--jobs", "2"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM documents WHERE status = 'ok'").fetchone()[0] == 5
    finally:
        con.close()
