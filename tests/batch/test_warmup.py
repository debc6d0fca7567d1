"""The pool's fork server warms up in a fresh interpreter, as multiprocessing starts it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _in_fresh_interpreter(code: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "KEHOACH_POOL_PARENT"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120, check=True
    )
    return json.loads(done.stdout.splitlines()[-1])


def test_the_server_warms_with_the_collector_off_and_forks_workers_with_it_on():
    state = _in_fresh_interpreter(
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
    state = _in_fresh_interpreter(
        "import json, sys\n"
        "import extract.batch.ingest as ingest\n"
        "started = []\n"
        "ingest.start_server = lambda: started.append('duckdb' in sys.modules)\n"
        "ingest.LocalPool = lambda jobs, settings: ingest._Serial(settings)  # the pool itself is not under test\n"
        f"summary = ingest.ingest([{str(sample)!r}], {str(tmp_path / 'k.duckdb')!r}, jobs=2)\n"
        "print(json.dumps({'started': started, 'ok': summary.ok}))"
    )
    assert state == {"started": [False], "ok": 1}
