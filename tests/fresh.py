"""Code run in a new interpreter, for what only shows in a process's first imports (what
an import loads, what the fork server's warm-up leaves behind)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def in_fresh_interpreter(code: str, drop: tuple[str, ...] = ()) -> dict:
    """The JSON object `code` prints last, run by this Python with the checkout first on its
    path and the environment variables `drop` unset."""
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120, check=True
    )
    return json.loads(done.stdout.splitlines()[-1])
