"""A worker's garbage collector: what warm-up loaded frozen, the youngest generation
collected less often (workers.settle_collector). Checked in a process of its own, so the
test run's own collector is left as it is."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_settled_collector_has_frozen_the_warm_objects_and_a_higher_young_threshold():
    code = (
        "import gc\n"
        "from extract.batch.workers import YOUNG_COLLECTION_THRESHOLD, settle_collector\n"
        "older = gc.get_threshold()[1:]\n"
        "settle_collector()\n"
        "print(gc.get_threshold() == (YOUNG_COLLECTION_THRESHOLD, *older), gc.get_freeze_count() > 0)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(ROOT)},
    )
    assert out.stdout.split() == ["True", "True"]


def test_warm_caches_fill_the_scattered_letter_table():
    """Workers are forked warm: the letters table the PDF scattered-letter check counts by is
    built before, not once per worker on its first PDF."""
    from extract.batch.workers import warm_caches
    from extract.readers import pdf

    pdf._bmp_letters.cache_clear()
    assert warm_caches()
    assert pdf._bmp_letters.cache_info().currsize == 1
