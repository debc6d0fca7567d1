"""notebooks/compare_plans.ipynb runs end to end on the sample corpus and writes its figures to output/."""

from __future__ import annotations

import os
import time

import nbformat
import pytest
from conftest import ROOT
from nbclient import NotebookClient

pytestmark = pytest.mark.slow  # a Jupyter kernel runs the notebook

NOTEBOOK = ROOT / "notebooks" / "compare_plans.ipynb"
FIGURES = ["compare_budget_by_component.png", "compare_poverty_targets.png", "compare_lead_agencies.png"]


def _text(cell) -> str:
    out = []
    for o in cell.get("outputs", []):
        if o.get("output_type") == "stream":
            out.append(o.get("text", ""))
        elif "data" in o:
            out.append(o["data"].get("text/plain", ""))
    return "\n".join(out)


def test_notebook_runs_and_writes_figures(corpus_db, corpus_con, monkeypatch):
    figures = ROOT / "output"
    monkeypatch.setenv("KEHOACH_DB", str(corpus_db))
    monkeypatch.setenv("KEHOACH_FIGURES", str(figures))
    started = time.time()
    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(
        nb,
        timeout=600,
        startup_timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    ).execute()
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert not [o for c in code for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert str(corpus_db) in _text(code[0])
    for name in FIGURES:
        path = figures / name
        assert path.exists() and path.stat().st_mtime >= started - 1, name
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert path.stat().st_size > 5_000
    shown = "\n".join(_text(c) for c in code)
    for (jurisdiction,) in corpus_con.execute(
        "SELECT coalesce(jurisdiction, file_name) FROM plans WHERE primary_rendition"
    ).fetchall():
        assert jurisdiction in shown
    assert os.path.basename(FIGURES[0]) in _text(code[-1])
    # issue 17: a one-year plan is never drawn beside multi-year plans without its period,
    # and a goal keeps its comparator ("≥") and its range
    for jurisdiction, start, end, years in corpus_con.execute(
        "SELECT coalesce(jurisdiction, file_name), period_start, period_end, years FROM plans "
        "WHERE primary_rendition AND period_start IS NOT NULL"
    ).fetchall():
        period = str(start) if start == end else f"{start}–{end}"
        assert f"{jurisdiction} ({period}" in shown
        if years == 1:
            assert f"{jurisdiction} ({period}, 1 year)" in shown or f"{jurisdiction} ({period})" in shown
    for value, high, comparator in corpus_con.execute(
        "SELECT value, value_high, comparator FROM targets_by_indicator WHERE primary_rendition AND headline "
        "AND indicator = 'poverty_rate_reduction' AND population IS NULL"
    ).fetchall():
        sign = {"ge": "≥ ", "gt": "> ", "le": "≤ ", "lt": "< "}.get(comparator, "")
        label = f"{sign}{value:g}" + (f"–{high:g}" if high is not None else "")
        assert label in shown, label
