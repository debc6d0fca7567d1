"""The table search's fast paths against the library code they stand in for.

pdftables restates pdfplumber's grid search (edges, snapping, joining, intersections,
cells, tables) on tuples, and pdffast lists path bounds with bare C calls instead of
pypdfium2's object wrappers; each must give exactly what the original gives, on the sample
PDFs and on made-up rules and boxes with shared corners, gaps, overlaps and near misses.
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
from extract.readers.pdflayout import Frame, Word


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


def _plumber_edge(orientation: str, x0: float, x1: float, top: float, bottom: float) -> dict:
    return {
        "orientation": orientation,
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "width": x1 - x0,
        "height": bottom - top,
        "object_type": "line",
    }


def _plumber_edges(rects, frame: Frame) -> list[dict]:
    """Paths as pdfplumber's edge dicts, as pdftables._edges describes them."""
    edges = []
    for bounds in rects:
        left, t, right, b = frame.rect(*bounds)
        w, h = right - left, b - t
        if h <= w and h < 2.0:
            edges.append(_plumber_edge("h", left, right, (t + b) / 2, (t + b) / 2))
        elif w < h and w < 2.0:
            edges.append(_plumber_edge("v", (left + right) / 2, (left + right) / 2, t, b))
        else:
            edges += [
                _plumber_edge("h", left, right, t, t),
                _plumber_edge("h", left, right, b, b),
                _plumber_edge("v", left, left, t, b),
                _plumber_edge("v", right, right, t, b),
            ]
    return edges


def _plumber_cells(rects, frame: Frame) -> list[list[tuple]]:
    """pdfplumber's own table search (lines strategy, default settings) on the paths."""
    s = pdftables._SETTINGS
    edges = filter_edges(_plumber_edges(rects, frame), min_length=s.edge_min_length_prefilter)
    edges = plumber.merge_edges(
        edges,
        snap_x_tolerance=s.snap_x_tolerance,
        snap_y_tolerance=s.snap_y_tolerance,
        join_x_tolerance=s.join_x_tolerance,
        join_y_tolerance=s.join_y_tolerance,
    )
    edges = filter_edges(edges, min_length=s.edge_min_length)
    points = plumber.edges_to_intersections(edges, s.intersection_x_tolerance, s.intersection_y_tolerance)
    return plumber.cells_to_tables(plumber.intersections_to_cells(points))


def _same_tables(rects, frame: Frame) -> list[list[tuple]]:
    """find_cells against pdfplumber's search (cells in a table compared as a set: their order
    in a table changes none of its rows, columns or box)."""
    fast = pdftables.find_cells(rects, frame)
    assert [sorted(t) for t in fast] == [sorted(t) for t in _plumber_cells(rects, frame)]
    return fast


def test_grid_search_matches_pdfplumber_on_the_sample_pdfs():
    tables = 0
    for page in (page for stem in PLAN_STEMS for page in _pages(stem)):
        rects = pdffast.path_bounds(page)
        for frame in Frame.all(page.get_bbox())[:2]:
            tables += len(_same_tables(rects, frame))
    assert tables, "the sample plans hold ruled tables"


def _rule(orientation: str, a: float, b: float, at: float, thick: float) -> tuple:
    lo, hi = min(a, b), max(a, b)
    if orientation == "h":
        return (lo, at, hi, at + thick)
    if orientation == "v":
        return (at, lo, at + thick, hi)
    return (lo, min(at, thick * 20), hi, max(at, thick * 20))  # a box


# coordinates on a coarse grid with small offsets: shared corners, near misses within and
# just outside the tolerances, duplicates, overlapping and nearly touching rules all occur
_COORD = st.builds(lambda k, d: k * 10 + d, st.integers(0, 6), st.sampled_from([0, 0, 0, 0.5, 1, 1.5, -1, 3.5, 4, 0.3]))
_THICK = st.sampled_from([0.0, 0.5, 1.0, 1.9, 2.5])
_RECTS = st.lists(st.tuples(st.sampled_from("hhhvvvb"), _COORD, _COORD, _COORD, _THICK), min_size=6, max_size=40)
_FRAMES = Frame.all((-5.0, -5.0, 75.0, 80.0))


@settings(max_examples=400, deadline=None)
@given(_RECTS, st.integers(0, 3))
def test_grid_search_matches_pdfplumber_on_made_up_grids(items, direction):
    _same_tables([_rule(*item) for item in items], _FRAMES[direction])


def test_a_ruled_grid_becomes_one_table_of_its_cells():
    rects = [_rule("h", 0, 30, y, 0.5) for y in (0, 10, 20)] + [_rule("v", 0, 20, x, 0.5) for x in (0, 10, 20, 30)]
    tables = _same_tables(rects, _FRAMES[0])
    assert len(tables) == 1 and len(tables[0]) == 6


def test_a_point_between_two_pieces_of_one_rule_lies_on_both():
    """Pieces of a rule more than the join tolerance apart stay two edges, but a crossing
    rule between them is within the intersection tolerance of both: the search must look
    along each of them, as pdfplumber does."""
    rects = [_rule("v", 0, 10, x, 0.5) for x in (0, 20)] + [_rule("v", 14, 30, x, 0.5) for x in (0, 20)]
    rects += [_rule("h", 0, 20, y, 0.5) for y in (0, 12, 30)] + [_rule("v", 0, 30, 10, 0.5)]
    assert _same_tables(rects, _FRAMES[0])


def test_a_page_of_rules_that_never_cross_holds_no_table():
    rects = [_rule("h", 0, 60, y, 0.5) for y in (0, 10, 20, 30)] + [_rule("v", 40, 60, 5, 0.5)]
    assert _same_tables(rects, _FRAMES[0]) == []


def test_the_grid_settings_are_pdfplumbers_defaults():
    want = plumber.TableSettings.resolve(None)
    for name in pdftables._GridSettings.__dataclass_fields__:
        assert getattr(pdftables._SETTINGS, name) == getattr(want, name), name


def _same_rows(cells: list[tuple]) -> None:
    """PdfiumTable's rows and box against pdfplumber's Table on the same cells."""
    ours = pdftables.PdfiumTable(cells, pdftables.WordCentres([]), 1.0)
    theirs = plumber.Table(None, cells)
    assert ours.bbox == theirs.bbox
    assert [(r.cells, r.bbox) for r in ours.rows] == [(r.cells, r.bbox) for r in theirs.rows]


def test_table_rows_are_pdfplumbers_on_the_sample_pdfs():
    tables = 0
    for page in (page for stem in PLAN_STEMS for page in _pages(stem)):
        rects = pdffast.path_bounds(page)
        for frame in Frame.all(page.get_bbox())[:2]:
            for cells in pdftables.find_cells(rects, frame):
                _same_rows(cells)
                tables += 1
    assert tables


_CELL = st.builds(
    lambda x, y, w, h: (x, y, x + w, y + h), _COORD, _COORD, st.sampled_from([5, 10, 20]), st.sampled_from([5, 10])
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_CELL, min_size=1, max_size=30))
def test_table_rows_are_pdfplumbers_on_made_up_cells(cells):
    _same_rows(cells)


def _plain_lines(inside: list, tolerance: float) -> str:
    """PdfiumTable._lines as its rule states it, without the one-line shortcut."""
    lines: list[list] = []
    for w in inside:
        if lines and abs(w.base - lines[-1][0].base) <= tolerance:
            lines[-1].append(w)
        else:
            lines.append([w])
    return "\n".join(" ".join(w.text for w in sorted(ln, key=lambda w: w.x0)) for ln in lines)


_CELL_WORDS = st.lists(
    st.builds(
        lambda t, x, b: Word(t, x, x + 5, b, 10.0, "Times"),
        st.sampled_from("abc"),
        st.sampled_from([0.0, 3.0, 7.5, 7.5, 12.0]),
        st.sampled_from([100.0, 100.5, 101.0, 101.5, 102.0, 103.0, 110.0]),
    ),
    max_size=8,
)


@settings(max_examples=300, deadline=None)
@given(_CELL_WORDS, st.sampled_from([0.0, 0.5, 1.0, 1.5, 3.0]))
def test_a_cells_lines_are_its_words_grouped_by_baseline(ws, tolerance):
    inside = sorted(ws, key=lambda w: (w.base, w.x0))
    table = pdftables.PdfiumTable([(0.0, 0.0, 10.0, 10.0)], pdftables.WordCentres([]), tolerance)
    assert table._lines(inside) == _plain_lines(inside, tolerance)
