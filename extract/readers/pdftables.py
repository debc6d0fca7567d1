"""Ruled tables without pdfminer: PDFium's path objects as edges, pdfplumber's grid logic.

pdfplumber finds a ruled table by turning the page's lines and rectangles into edges,
snapping and joining them, intersecting them into cells and grouping the cells into
tables; only the first step needs the page parsed, and pdfminer's parse of a page with a
table costs a quarter of a second here. PDFium lists the same drawn paths in C, so this
module builds the edges from PDFium's path bounds and hands them to pdfplumber's own
grid functions (with its default table settings), and fills the cells from PDFium's
glyphs through pdfplumber's own cell text extraction. The pdfplumber path stays as the
reference the test suite compares this one with.
"""

from __future__ import annotations

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfplumber.table import (
    Table,
    TableSettings,
    cells_to_tables,
    edges_to_intersections,
    intersections_to_cells,
    merge_edges,
)
from pdfplumber.utils import filter_edges

from extract.readers.pdflayout import Word
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


def page_edges(page: pdfium.PdfPage, height: float) -> list[dict]:
    """Every drawn path as pdfplumber-style edges, in top-down page coordinates.

    A thin path is one rule (its centre line); any other path contributes the four sides
    of its bounding box, as pdfplumber does for a rectangle.
    """
    edges = []
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH]):
        left, bottom, right, top = obj.get_bounds()
        t, b = height - top, height - bottom
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
        self._centres = [
            (cx, cy, w)
            for w in words
            if bx0 <= (cx := (w.x0 + w.x1) / 2) <= bx1 and btop <= (cy := w.base - _MID * w.size) <= bbottom
        ]
        self._tolerance = tolerance

    def extract(self, **kwargs) -> list[list[str | None]]:
        out = []
        for row in self.rows:
            out.append([None if cell is None else self._cell_text(cell) for cell in row.cells])
        return out

    def _cell_text(self, cell) -> str:
        x0, top, x1, bottom = cell
        inside = [w for cx, cy, w in self._centres if x0 <= cx < x1 and top <= cy < bottom]
        inside.sort(key=lambda w: (w.base, w.x0))
        lines: list[list[Word]] = []
        for w in inside:
            if lines and abs(w.base - lines[-1][0].base) <= self._tolerance:
                lines[-1].append(w)
            else:
                lines.append([w])
        return "\n".join(" ".join(w.text for w in sorted(ln, key=lambda w: w.x0)) for ln in lines)


def find_tables(page: pdfium.PdfPage, words: list[Word], height: float, settings: Settings) -> list[PdfiumTable]:
    s = _SETTINGS
    edges = filter_edges(page_edges(page, height), min_length=s.edge_min_length_prefilter)
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
    return [PdfiumTable(group, words, settings.pdf_line_tolerance) for group in cells_to_tables(cells)]
