"""Ruled tables without pdfminer: PDFium's path objects as edges, pdfplumber's grid logic.

pdfplumber finds a ruled table by turning the page's lines and rectangles into edges,
snapping and joining them, intersecting them into cells and grouping the cells into
tables; only the first step needs the page parsed, and pdfminer's parse of a page with a
table costs a quarter of a second here. PDFium lists the same drawn paths in C, so this
module builds the edges from PDFium's path bounds and hands them to pdfplumber's own
grid functions (with its default table settings), and fills the cells from PDFium's
glyphs through pdfplumber's own cell text extraction. The pdfplumber path stays as the
reference the test suite compares this one with. Three of pdfplumber's grid functions are
restated here with sorted lookups instead of their all-pairs scans (same results, held to
pdfplumber's by tests/readers): on a gazette page of a thousand ruled cells those scans
took most of a second.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from operator import itemgetter

from pdfplumber.table import Table, TableSettings, merge_edges
from pdfplumber.utils import filter_edges

from extract.readers.pdflayout import Frame, Word
from extract.settings import Settings

_SETTINGS = TableSettings.resolve(None)
# A word's vertical middle, as a share of its font size above the baseline.
_MID = 0.3


def _edge(orientation: str, x0: float, x1: float, top: float, bottom: float) -> dict:
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


def page_edges(rects: list[tuple[float, float, float, float]], frame: Frame) -> list[dict]:
    """Every drawn path (`rects`: pdffast.path_bounds) as pdfplumber-style edges, in the
    frame's top-down coordinates.

    A thin path is one rule (its centre line); any other path contributes the four sides
    of its bounding box, as pdfplumber does for a rectangle. A quarter turn maps rules to
    rules, so a table set sideways is found in the frame its text reads upright in.
    """
    edges = []
    for bounds in rects:
        left, t, right, b = frame.rect(*bounds)
        w, h = right - left, b - t
        if h <= w and h < 2.0:
            mid = (t + b) / 2
            edges.append(_edge("h", left, right, mid, mid))
        elif w < h and w < 2.0:
            mid = (left + right) / 2
            edges.append(_edge("v", mid, mid, t, b))
        else:
            edges += [
                _edge("h", left, right, t, t),
                _edge("h", left, right, b, b),
                _edge("v", left, left, t, b),
                _edge("v", right, right, t, b),
            ]
    return edges


class PdfiumTable(Table):
    """pdfplumber's Table (rows, bbox from its cells) whose cell text comes from PDFium words.

    Words, not characters: PDFium's glyph boxes are tighter than pdfminer's, so gaps
    between characters are no guide to spaces; the word breaks PDFium reports are.
    """

    def __init__(self, cells, words: list[Word], tolerance: float):
        super().__init__(None, cells)
        bx0, btop, bx1, bbottom = self.bbox
        # each word by its centre, once, and only those within the table: a page's words
        # would otherwise be scanned again for every cell
        centres = [
            (cy, k, cx, w)
            for k, w in enumerate(words)
            if bx0 <= (cx := (w.x0 + w.x1) / 2) <= bx1 and btop <= (cy := w.base - _MID * w.size) <= bbottom
        ]
        # by height, so that a cell looks only at the words of its own rows
        centres.sort(key=itemgetter(0, 1))
        self._centres = centres
        self._heights = [c[0] for c in centres]
        self._tolerance = tolerance
        self._turned: list[tuple[float, float, Word, int]] = []

    def add_turned(self, found: list) -> None:
        """Words of other directions within the table (a column heading set on its side), as
        (their box in this table's frame, the word in its own frame, its direction)."""
        self._turned = [((r[0] + r[2]) / 2, (r[1] + r[3]) / 2, w, d) for r, w, d in found]

    def extract(self, **kwargs) -> list[list[str | None]]:
        out = []
        for row in self.rows:
            out.append([None if cell is None else self._cell_text(cell) for cell in row.cells])
        return out

    def _cell_text(self, cell) -> str:
        x0, top, x1, bottom = cell
        rows = self._centres[bisect_left(self._heights, top) : bisect_left(self._heights, bottom)]
        inside = [w for _, _, w in sorted((k, cx, w) for _, k, cx, w in rows if x0 <= cx < x1)]  # page order
        text = self._lines(inside)
        if self._turned:
            by_dir: dict[int, list[Word]] = {}
            for cx, cy, w, d in self._turned:
                if x0 <= cx < x1 and top <= cy < bottom:
                    by_dir.setdefault(d, []).append(w)
            text = "\n".join(filter(None, [text] + [self._lines(ws) for _, ws in sorted(by_dir.items())]))
        return text

    def _lines(self, inside: list[Word]) -> str:
        inside.sort(key=lambda w: (w.base, w.x0))
        lines: list[list[Word]] = []
        for w in inside:
            if lines and abs(w.base - lines[-1][0].base) <= self._tolerance:
                lines[-1].append(w)
            else:
                lines.append([w])
        return "\n".join(" ".join(w.text for w in sorted(ln, key=lambda w: w.x0)) for ln in lines)


# --- pdfplumber's grid functions, same results without their quadratic scans ---------------
#
# pdfplumber's edges_to_intersections compares every vertical edge with every horizontal
# one, and intersections_to_cells scans all later points for each point; on a page of a
# thousand ruled cells that is most of the table search. These give the same points,
# cells and tables (tests/readers hold them to pdfplumber's functions) with sorted lookups.


def _bbox(edge: dict) -> tuple:
    return (edge["x0"], edge["top"], edge["x1"], edge["bottom"])


def edges_to_intersections(edges: list[dict], x_tolerance: float = 1, y_tolerance: float = 1) -> dict:
    """pdfplumber.table.edges_to_intersections: the points where a vertical edge meets a
    horizontal one, each with the edges that meet there."""
    v_edges = sorted((e for e in edges if e["orientation"] == "v"), key=lambda e: (e["x0"], e["top"]))
    h_edges = sorted((e for e in edges if e["orientation"] == "h"), key=lambda e: (e["top"], e["x0"]))
    tops = [h["top"] for h in h_edges]
    intersections: dict = {}
    for v in v_edges:
        x = v["x0"]
        # v["top"] <= h["top"] + tol and v["bottom"] >= h["top"] - tol
        lo = bisect_left(tops, v["top"] - y_tolerance)
        hi = bisect_right(tops, v["bottom"] + y_tolerance)
        for h in h_edges[lo:hi]:
            if (
                v["top"] <= h["top"] + y_tolerance
                and v["bottom"] >= h["top"] - y_tolerance
                and x >= h["x0"] - x_tolerance
                and x <= h["x1"] + x_tolerance
            ):
                vertex = (x, h["top"])
                if vertex not in intersections:
                    intersections[vertex] = {"v": [], "h": []}
                intersections[vertex]["v"].append(v)
                intersections[vertex]["h"].append(h)
    return intersections


def intersections_to_cells(intersections: dict) -> list[tuple]:
    """pdfplumber.table.intersections_to_cells: for each point, the smallest cell it is the
    top-left corner of, its sides drawn by shared edges."""
    points = sorted(intersections)
    v_sets = {p: {_bbox(e) for e in d["v"]} for p, d in intersections.items()}
    h_sets = {p: {_bbox(e) for e in d["h"]} for p, d in intersections.items()}
    by_x: dict[float, list] = defaultdict(list)
    by_y: dict[float, list] = defaultdict(list)
    for p in points:  # in sorted order: a column's points top-down, a row's left to right
        by_x[p[0]].append(p)
        by_y[p[1]].append(p)
    at_x = {p: k for column in by_x.values() for k, p in enumerate(column)}
    at_y = {p: k for row in by_y.values() for k, p in enumerate(row)}

    def connects(p1: tuple, p2: tuple) -> bool:
        if p1[0] == p2[0] and not v_sets[p1].isdisjoint(v_sets[p2]):
            return True
        return p1[1] == p2[1] and not h_sets[p1].isdisjoint(h_sets[p2])

    cells = []
    for pt in points:
        below = by_x[pt[0]][at_x[pt] + 1 :]
        right = by_y[pt[1]][at_y[pt] + 1 :]
        cell = None
        for below_pt in below:
            if not connects(pt, below_pt):
                continue
            for right_pt in right:
                if not connects(pt, right_pt):
                    continue
                bottom_right = (right_pt[0], below_pt[1])
                if (
                    bottom_right in intersections
                    and connects(bottom_right, right_pt)
                    and connects(bottom_right, below_pt)
                ):
                    cell = (pt[0], pt[1], bottom_right[0], bottom_right[1])
                    break
            if cell is not None:
                break
        if cell is not None:
            cells.append(cell)
    return cells


def cells_to_tables(cells: list[tuple]) -> list[list[tuple]]:
    """pdfplumber.table.cells_to_tables: cells sharing a corner, transitively, form a table;
    tables top-down, then left to right, by their top-left corner; single cells dropped."""
    by_corner: dict[tuple, list[int]] = defaultdict(list)
    corners = []
    for k, (x0, top, x1, bottom) in enumerate(cells):
        cs = ((x0, top), (x0, bottom), (x1, top), (x1, bottom))
        corners.append(cs)
        for c in cs:
            by_corner[c].append(k)
    group = [-1] * len(cells)
    tables = []
    for start in range(len(cells)):
        if group[start] >= 0:
            continue
        group[start] = len(tables)
        members, stack = [], [start]
        while stack:
            k = stack.pop()
            members.append(k)
            for c in corners[k]:
                for j in by_corner[c]:
                    if group[j] < 0:
                        group[j] = group[start]
                        stack.append(j)
        tables.append([cells[k] for k in sorted(members)])
    tables.sort(key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in tables if len(t) > 1]


def find_cells(rects: list[tuple[float, float, float, float]], frame: Frame) -> list[list[tuple]]:
    """The cells of each ruled table among the drawn paths `rects`, seen in `frame`."""
    s = _SETTINGS
    edges = filter_edges(page_edges(rects, frame), min_length=s.edge_min_length_prefilter)
    edges = merge_edges(
        edges,
        snap_x_tolerance=s.snap_x_tolerance,
        snap_y_tolerance=s.snap_y_tolerance,
        join_x_tolerance=s.join_x_tolerance,
        join_y_tolerance=s.join_y_tolerance,
    )
    edges = filter_edges(edges, min_length=s.edge_min_length)
    cells = intersections_to_cells(
        edges_to_intersections(edges, s.intersection_x_tolerance, s.intersection_y_tolerance)
    )
    return cells_to_tables(cells)


def find_tables(
    rects: list[tuple[float, float, float, float]], words: list[Word], frame: Frame, settings: Settings
) -> list[PdfiumTable]:
    """Ruled tables among the drawn paths `rects` (pdffast.path_bounds), seen in `frame`."""
    return [PdfiumTable(group, words, settings.pdf_line_tolerance) for group in find_cells(rects, frame)]
