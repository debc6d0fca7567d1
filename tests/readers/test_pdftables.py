"""The table search's fast paths against the library code they stand in for.

pdftables restates three of pdfplumber's grid functions with sorted lookups, and pdffast
lists path bounds with bare C calls instead of pypdfium2's object wrappers; each must give
exactly what the original gives, on the sample PDFs and on made-up grids with shared
corners, gaps, overlaps and near misses.
"""

from __future__ import annotations

import pdfplumber.table as plumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from conftest import CORPUS, PLAN_STEMS
from hypothesis import given, settings
from hypothesis import strategies as st
from pdfplumber.utils import filter_edges

from extract.readers import pdffast, pdftables
from extract.readers.pdflayout import Frame


def _pages(stem: str):
    pdf = pdfium.PdfDocument((CORPUS / "office" / f"{stem}.pdf").read_bytes())
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            yield page
            page.close()
    finally:
        pdf.close()


@pytest.mark.parametrize("stem", PLAN_STEMS)
def test_path_bounds_are_what_pypdfium2_lists(stem):
    for page in _pages(stem):
        want = [obj.get_bounds() for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH])]
        assert pdffast.path_bounds(page) == want


def _grid(edges: list[dict]) -> tuple:
    """Intersections, cells and tables (cells in a table compared as a set: their order in a
    table changes none of its rows, columns or box)."""
    s = pdftables._SETTINGS
    fast = pdftables.edges_to_intersections(edges, s.intersection_x_tolerance, s.intersection_y_tolerance)
    slow = plumber.edges_to_intersections(edges, s.intersection_x_tolerance, s.intersection_y_tolerance)
    assert fast == slow
    cells = pdftables.intersections_to_cells(fast)
    assert cells == plumber.intersections_to_cells(slow)
    tables = [sorted(t) for t in pdftables.cells_to_tables(cells)]
    assert tables == [sorted(t) for t in plumber.cells_to_tables(cells)]
    return fast, cells, tables


def test_grid_functions_match_pdfplumber_on_the_sample_pdfs():
    s = pdftables._SETTINGS
    tables = 0
    for page in (page for stem in PLAN_STEMS for page in _pages(stem)):
        frame = Frame.all(page.get_bbox())[0]
        edges = filter_edges(
            pdftables.page_edges(pdffast.path_bounds(page), frame), min_length=s.edge_min_length_prefilter
        )
        edges = plumber.merge_edges(
            edges,
            snap_x_tolerance=s.snap_x_tolerance,
            snap_y_tolerance=s.snap_y_tolerance,
            join_x_tolerance=s.join_x_tolerance,
            join_y_tolerance=s.join_y_tolerance,
        )
        tables += len(_grid(filter_edges(edges, min_length=s.edge_min_length))[2])
    assert tables, "the sample plans hold ruled tables"


def _edge(orientation: str, a: float, b: float, at: float) -> dict:
    lo, hi = min(a, b), max(a, b)
    if orientation == "h":
        return pdftables._edge("h", lo, hi, at, at)
    return pdftables._edge("v", at, at, lo, hi)


# coordinates on a coarse grid with small offsets: shared corners, near misses within and
# just outside the one-point tolerance, duplicates and overlapping edges all occur
_COORD = st.builds(lambda k, d: k * 10 + d, st.integers(0, 6), st.sampled_from([0, 0, 0, 0.5, 1, 1.5, -1]))
_EDGES = st.lists(st.tuples(st.sampled_from("hv"), _COORD, _COORD, _COORD), max_size=40)


@settings(max_examples=300, deadline=None)
@given(_EDGES)
def test_grid_functions_match_pdfplumber_on_made_up_grids(items):
    _grid([_edge(o, a, b, at) for o, a, b, at in items])


def test_a_ruled_grid_becomes_one_table_of_its_cells():
    edges = [_edge("h", 0, 30, y) for y in (0, 10, 20)] + [_edge("v", 0, 20, x) for x in (0, 10, 20, 30)]
    _, cells, tables = _grid(edges)
    assert len(cells) == 6 and len(tables) == 1 and len(tables[0]) == 6
