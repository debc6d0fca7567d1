"""The pool's fork server warms up in a fresh interpreter, as multiprocessing starts it."""

from __future__ import annotations

from pathlib import Path

from fresh import in_fresh_interpreter

from extract.batch.workers import PARENT_ENV

ROOT = Path(__file__).resolve().parents[2]


def _fresh(code: str) -> dict:
    """Run as a fork server runs: no pool parent to watch."""
    return in_fresh_interpreter(code, drop=(PARENT_ENV,))


def test_the_server_warms_with_the_collector_off_and_forks_workers_with_it_on():
    state = _fresh(
        "import gc, json; runs = []; "
        "gc.callbacks.append(lambda phase, info: phase == 'start' and runs.append(info['generation'])); "
        "import extract.batch.warmup as w; "
        "print(json.dumps({'warm': w.WARM, 'runs': runs, 'enabled': gc.isenabled(), 'frozen': gc.get_freeze_count()}))"
    )
    assert state["warm"] is True
    assert 2 not in state["runs"]  # no full collection: the warm-up's little garbage is frozen with the rest
    assert len(state["runs"]) < 50  # before it was off: the start; hundreds more with it on
    assert state["enabled"] is True  # workers inherit the collector's state from the server
    assert state["frozen"] > 10_000  # what the warm-up loaded is frozen, never scanned again


def test_the_run_starts_the_server_before_it_loads_duckdb(tmp_path):
    sample = ROOT / "corpus" / "txt" / "001_9d22f5555e289895.txt"
    state = _fresh(
        "import json, sys\n"
        "import extract.batch.ingest as ingest\n"
        "started = []\n"
        "ingest.start_server = lambda: started.append('duckdb' in sys.modules)\n"
        "ingest.LocalPool = lambda jobs, settings: ingest._Serial(settings)  # the pool itself is not under test\n"
        f"summary = ingest.ingest([{str(sample)!r}], {str(tmp_path / 'k.duckdb')!r}, jobs=2)\n"
        "print(json.dumps({'started': started, 'ok': summary.ok}))"
    )
    assert state == {"started": [False], "ok": 1}
