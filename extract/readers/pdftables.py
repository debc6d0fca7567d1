"""Ruled tables without pdfminer: PDFium's path objects as edges, pdfplumber's grid logic.

pdfplumber finds a ruled table by turning the page's lines and rectangles into edges,
snapping and joining them, intersecting them into cells and grouping the cells into
tables; only the first step needs the page parsed, and pdfminer's parse of a page with a
table costs a quarter of a second here. PDFium lists the same drawn paths in C, so this
module builds the edges from PDFium's path bounds and runs pdfplumber's grid search on them
(with its default table settings), and fills the cells from PDFium's words. The search is
pdfplumber's, restated on tuples with sorted lookups instead of its edge dicts and
all-pairs scans (same edges, points, cells and tables, to the bit: tests/readers hold it to
pdfplumber's own functions): on a gazette page of a thousand ruled cells those took most
of a second. The rows of each table's cells are pdfplumber's Table.rows, restated too, so
that this path never imports pdfplumber (nor pdfminer); the pdfplumber backend stays as
the reference the test suite compares this path with.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from operator import attrgetter, itemgetter

from extract.readers.pdflayout import Frame, Word
from extract.settings import Settings


@dataclass(frozen=True)
class _GridSettings:
    """pdfplumber's TableSettings.resolve(None), the values its lines strategy reads: stated
    here so that reading a PDF never imports pdfplumber (and pdfminer with it, a twentieth
    of the workers' start-up); the tests hold them to pdfplumber's."""

    snap_x_tolerance: float = 3
    snap_y_tolerance: float = 3
    join_x_tolerance: float = 3
    join_y_tolerance: float = 3
    edge_min_length: float = 3
    edge_min_length_prefilter: float = 1
    intersection_x_tolerance: float = 3
    intersection_y_tolerance: float = 3


_SETTINGS = _GridSettings()
# A word's vertical middle, as a share of its font size above the baseline.
_MID = 0.3
# how much wider than the tolerance the bisected range of candidate intersections is
_SLACK = 0.01
_by_x0 = attrgetter("x0")
_by_base_x0 = attrgetter("base", "x0")


class WordCentres:
    """A page's words by their centres, sorted top-down (then in page order), so that each
    table of the page takes the words within its height by bisection instead of scanning
    them all again."""

    def __init__(self, words: list[Word]) -> None:
        centres = [(w.base - _MID * w.size, k, (w.x0 + w.x1) / 2, w) for k, w in enumerate(words)]
        centres.sort(key=itemgetter(0))  # stable: words at one height stay in page order
        self.centres = centres
        self.heights = [c[0] for c in centres]

    def within(self, x0: float, top: float, x1: float, bottom: float) -> list[tuple[float, int, float, Word]]:
        """(cy, k, cx, word) of the words centred in the box, edges included, top-down then in page order."""
        lo, hi = bisect_left(self.heights, top), bisect_right(self.heights, bottom)
        return [c for c in self.centres[lo:hi] if x0 <= c[2] <= x1]


class Row:
    """pdfplumber's table Row: the cells of one height (None where a column has none there)."""

    def __init__(self, cells: list[tuple | None]):
        self.cells = cells

    @cached_property
    def bbox(self) -> tuple[float, float, float, float]:
        """Asked only by the tests (which hold it to pdfplumber's), so worked out on demand."""
        present = [c for c in self.cells if c]
        return (
            min(map(itemgetter(0), present)),
            min(map(itemgetter(1), present)),
            max(map(itemgetter(2), present)),
            max(map(itemgetter(3), present)),
        )


class PdfiumTable:
    """pdfplumber's Table (rows, bbox from its cells, as pdfplumber.table.Table works them
    out, restated) whose cell text comes from PDFium words.

    Words, not characters: PDFium's glyph boxes are tighter than pdfminer's, so gaps
    between characters are no guide to spaces; the word breaks PDFium reports are.
    The cells never change, so rows and bbox (properties pdfplumber recomputes at each
    use) are worked out once.
    """

    def __init__(self, cells, words: WordCentres, tolerance: float):
        self.page = None
        self.cells = cells
        # each word by its centre, only those within the table: by height, so that a cell
        # looks only at the words of its own rows
        centres = words.within(*self.bbox)
        self._centres = centres
        self._heights = [c[0] for c in centres]
        self._tolerance = tolerance
        self._bands: dict[tuple[float, float], tuple[list[float], list[tuple]]] = {}
        self._turned: list[tuple[float, float, Word, int]] = []

    @cached_property
    def bbox(self) -> tuple[float, float, float, float]:
        c = self.cells
        return (
            min(map(itemgetter(0), c)),
            min(map(itemgetter(1), c)),
            max(map(itemgetter(2), c)),
            max(map(itemgetter(3), c)),
        )

    @cached_property
    def rows(self) -> list[Row]:
        """Top-down, a Row per distinct top; each row's cells by the table's distinct x0s."""
        xs = sorted(set(map(itemgetter(0), self.cells)))
        rows = []
        for _, row_cells in itertools.groupby(sorted(self.cells, key=itemgetter(1, 0)), itemgetter(1)):
            by_x = {cell[0]: cell for cell in row_cells}
            rows.append(Row([by_x.get(x) for x in xs]))
        return rows

    def add_turned(self, found: list) -> None:
        """Words of other directions within the table (a column heading set on its side), as
        (their box in this table's frame, the word in its own frame, its direction)."""
        self._turned = [((r[0] + r[2]) / 2, (r[1] + r[3]) / 2, w, d) for r, w, d in found]

    def extract(self, **kwargs) -> list[list[str | None]]:
        out = []
        for row in self.rows:
            out.append([None if cell is None else self._cell_text(cell) for cell in row.cells])
        return out

    def _band(self, top: float, bottom: float) -> tuple[list[float], list[tuple]]:
        """The words centred in [top, bottom), by their x centre: the cells of a row share
        their band, so it is cut once and each cell bisects it."""
        band = self._bands.get((top, bottom))
        if band is None:
            rows = self._centres[bisect_left(self._heights, top) : bisect_left(self._heights, bottom)]
            rows.sort(key=itemgetter(2))
            band = self._bands[(top, bottom)] = ([c[2] for c in rows], rows)
        return band

    def _cell_text(self, cell) -> str:
        x0, top, x1, bottom = cell
        xs, rows = self._band(top, bottom)
        lo, hi = bisect_left(xs, x0), bisect_left(xs, x1)
        if not self._turned and hi - lo <= 1:  # most cells hold no word or one: no lines to lay out
            return rows[lo][3].text if hi > lo else ""
        # by line, then left to right, words at the same place in page order
        inside = sorted([(w.base, w.x0, k, w) for _, k, _, w in rows[lo:hi]])
        text = self._lines([c[3] for c in inside])
        if self._turned:
            by_dir: dict[int, list[Word]] = {}
            for cx, cy, w, d in self._turned:
                if x0 <= cx < x1 and top <= cy < bottom:
                    by_dir.setdefault(d, []).append(w)
            text = "\n".join(
                filter(None, [text] + [self._lines(sorted(ws, key=_by_base_x0)) for _, ws in sorted(by_dir.items())])
            )
        return text

    def _lines(self, inside: list[Word]) -> str:
        """The words (sorted by baseline, then x) as lines: a word within the tolerance of
        its line's first baseline joins it (the baselines only grow: when the last is within
        the tolerance of the first, all the words are one line)."""
        if inside and inside[-1].base - inside[0].base <= self._tolerance:
            return " ".join([w.text for w in sorted(inside, key=_by_x0)])
        lines: list[list[Word]] = []
        for w in inside:
            if lines and abs(w.base - lines[-1][0].base) <= self._tolerance:
                lines[-1].append(w)
            else:
                lines.append([w])
        return "\n".join(" ".join([w.text for w in sorted(ln, key=_by_x0)]) for ln in lines)


# --- pdfplumber's grid search on tuples ---------------------------------------------------
#
# pdfplumber keeps every edge as a dict and rebuilds it at each snap and join, compares
# every vertical edge with every horizontal one and scans all later points for each point;
# on a gazette page of a thousand ruled cells that was most of a second. The functions below
# give the same edges, points, cells and tables (tests/readers hold find_cells to
# pdfplumber's own functions) with edges as tuples and sorted lookups. The floating-point
# steps are pdfplumber's own, in its order (a snapped coordinate is x + (mean - x), a
# joined vertical edge's length grows by the difference of its ends), so every coordinate
# and length comes out to the same bit and the same edges pass the length filters.


def _edges(rects: list[tuple[float, float, float, float]], frame: Frame) -> tuple[list, list]:
    """Every drawn path (`rects`: pdffast.path_bounds) as pdfplumber's edges, in the frame's
    top-down coordinates: horizontal ones as (y, x0, x1), vertical ones as (x, top, bottom,
    length), those shorter than pdfplumber's prefilter length left out.

    A thin path is one rule (its centre line); any other path contributes the four sides
    of its bounding box, as pdfplumber does for a rectangle. A quarter turn maps rules to
    rules, so a table set sideways is found in the frame its text reads upright in.
    """
    shortest = _SETTINGS.edge_min_length_prefilter
    hs: list[tuple[float, float, float]] = []
    vs: list[tuple[float, float, float, float]] = []
    if frame.direction == 0:  # Frame.rect written out: most pages are upright
        T = frame.top
        boxes = [(left, T - top, right, T - bottom) for left, bottom, right, top in rects]
    else:
        rect = frame.rect
        boxes = [rect(*bounds) for bounds in rects]
    for left, t, right, b in boxes:
        w, h = right - left, b - t
        if h <= w and h < 2.0:
            if w >= shortest:
                hs.append(((t + b) / 2, left, right))
        elif w < h and w < 2.0:
            if h >= shortest:
                vs.append(((left + right) / 2, t, b, h))
        else:
            if w >= shortest:
                hs += ((t, left, right), (b, left, right))
            if h >= shortest:
                vs += ((left, t, b, h), (right, t, b, h))
    return hs, vs


def _snap(edges: list[tuple], tolerance: float) -> list[tuple]:
    """pdfplumber's snap_objects on an edge's first coordinate: values chained less than
    `tolerance` apart form a cluster, and each edge moves to its cluster's mean."""
    values = sorted({e[0] for e in edges})
    cluster: dict[float, int] = {}
    k, last = -1, None
    for x in values:
        if last is None or x > last + tolerance:
            k += 1
        cluster[x] = k
        last = x
    members: list[list[tuple]] = [[] for _ in range(k + 1)]
    for e in edges:
        members[cluster[e[0]]].append(e)
    out = []
    for group in members:
        if len(group) == 1 and group[0][0]:  # x + (x / 1 - x) is x (not for -0.0)
            out.append(group[0])
            continue
        mean = sum([e[0] for e in group]) / len(group)
        out += [(e[0] + (mean - e[0]), *e[1:]) for e in group]
    return out


def _merged(rects: list[tuple[float, float, float, float]], frame: Frame) -> tuple[list, list]:
    """pdfplumber's edges after filter_edges, merge_edges (snap, then join along each line)
    and filter_edges again: horizontal (y, x0, x1) sorted by (y, x0), vertical (x, top, bottom)
    sorted by (x, top)."""
    s = _SETTINGS
    hs, vs = _edges(rects, frame)
    hs = sorted(_snap(hs, s.snap_y_tolerance), key=itemgetter(0, 1))
    vs = sorted(_snap(vs, s.snap_x_tolerance), key=itemgetter(0, 1))
    shortest, hjoin, vjoin = s.edge_min_length, s.join_x_tolerance, s.join_y_tolerance
    h_out: list[tuple[float, float, float]] = []
    y = x0 = x1 = None
    for e in hs:
        if e[0] == y and e[1] <= x1 + hjoin:
            if e[2] > x1:
                x1 = e[2]
            continue
        if y is not None and x1 - x0 >= shortest:
            h_out.append((y, x0, x1))
        y, x0, x1 = e
    if y is not None and x1 - x0 >= shortest:
        h_out.append((y, x0, x1))
    v_out: list[tuple[float, float, float]] = []
    x = top = bottom = length = None
    for e in vs:
        if e[0] == x and e[1] <= bottom + vjoin:
            if e[2] > bottom:
                length += e[2] - bottom
                bottom = e[2]
            continue
        if x is not None and length >= shortest:
            v_out.append((x, top, bottom))
        x, top, bottom, length = e
    if x is not None and length >= shortest:
        v_out.append((x, top, bottom))
    return h_out, v_out


def _intersections(hs: list, vs: list) -> dict[tuple[float, float], list]:
    """pdfplumber's edges_to_intersections: each point where a vertical edge meets a
    horizontal one, with the index of the vertical and of the horizontal edge there (a
    frozenset of them where several meet: pieces of one rule a little more than the join
    tolerance apart can both be within the intersection tolerance of a crossing rule)."""
    s = _SETTINGS
    xtol, ytol = s.intersection_x_tolerance, s.intersection_y_tolerance
    ys = [h[0] for h in hs]
    bounds = [(y, y + ytol, y - ytol, x0 - xtol, x1 + xtol, j) for j, (y, x0, x1) in enumerate(hs)]
    out: dict[tuple[float, float], list] = {}
    for i, (x, top, bottom) in enumerate(vs):
        # a bisected range a little wider than the test, which is then made exactly
        lo, hi = bisect_left(ys, top - ytol - _SLACK), bisect_right(ys, bottom + ytol + _SLACK)
        for y, below, above, left, right, j in bounds[lo:hi]:
            if top <= below and bottom >= above and x >= left and x <= right:
                at = out.get((x, y))
                if at is None:
                    out[(x, y)] = [i, j]
                else:
                    if at[0] != i:
                        at[0] = _ids(at[0]) | {i}
                    if at[1] != j:
                        at[1] = _ids(at[1]) | {j}
    return out


def _ids(found: int | frozenset[int]) -> frozenset[int]:
    return found if isinstance(found, frozenset) else frozenset((found,))


def _meet(a: int | frozenset[int], b: int | frozenset[int]) -> bool:
    """Whether two points' edges (of one orientation) have one in common."""
    if a.__class__ is int and b.__class__ is int:
        return a == b
    return not _ids(a).isdisjoint(_ids(b))


def _after(p: tuple, found: frozenset[int], on: dict[int, list]) -> list:
    """The points after p on any of its several edges `found`, in order."""
    return sorted({q for i in found for q in on[i] if (q[0], q[1]) > p})


def _cells(points: dict[tuple[float, float], list]) -> list[tuple]:
    """pdfplumber's intersections_to_cells: for each point, top-down and left to right, the
    smallest cell it is the top-left corner of, its sides drawn by shared edges.

    pdfplumber walks down the point's column and along its row, skipping points with no
    edge in common; only points on one of the point's own edges can connect, so the walk
    takes just those (listed per edge, in order, each with its edge of the other
    orientation, which the corner test needs).
    """
    on_v: dict[int, list] = defaultdict(list)  # (x, y, horizontal edge there) per vertical edge
    on_h: dict[int, list] = defaultdict(list)  # (x, y, vertical edge there) per horizontal edge
    walk = []
    for p in sorted(points):
        x, y = p
        v, h = points[p]
        if v.__class__ is int:
            line = on_v[v]
            down = len(line)
            line.append((x, y, h))
        else:
            down = -1
            for i in v:
                on_v[i].append((x, y, h))
        if h.__class__ is int:
            line = on_h[h]
            walk.append((p, v, h, down, len(line)))
            line.append((x, y, v))
        else:
            walk.append((p, v, h, down, -1))
            for j in h:
                on_h[j].append((x, y, v))
    cells = []
    at = points.get
    for pt, v, h, down, across in walk:
        if down >= 0 and across >= 0:  # one edge each way: try the nearest corner first
            col, row = on_v[v], on_h[h]
            if down + 1 == len(col) or across + 1 == len(row):
                continue
            _, y, below_h = col[down + 1]
            x, _, right_v = row[across + 1]
            corner = at((x, y))
            # equal edges meet; anything else is left to the full walk, which starts here again
            if corner is not None and corner[0] == right_v and corner[1] == below_h:
                cells.append((pt[0], pt[1], x, y))
                continue
        below = on_v[v][down + 1 :] if down >= 0 else _after(pt, v, on_v)
        if not below:
            continue
        if across >= 0:
            right = on_h[h][across + 1 :]
        else:
            right = _after(pt, h, on_h)
        if not right:
            continue
        for _, y, below_h in below:
            for x, _, right_v in right:
                corner = at((x, y))
                if corner is not None:
                    cv, ch = corner
                    if (
                        cv == right_v
                        or (cv.__class__ is not int or right_v.__class__ is not int)
                        and _meet(cv, right_v)
                    ) and (
                        ch == below_h
                        or (ch.__class__ is not int or below_h.__class__ is not int)
                        and _meet(ch, below_h)
                    ):
                        cells.append((pt[0], pt[1], x, y))
                        break
            else:
                continue
            break
    return cells


def cells_to_tables(cells: list[tuple]) -> list[list[tuple]]:
    """pdfplumber.table.cells_to_tables: cells sharing a corner, transitively, form a table;
    tables top-down, then left to right, by their top-left corner; single cells dropped.
    The groups are found by union-find over the corners; each table lists its cells in the
    order they came."""
    parent = list(range(len(cells)))
    first: dict[tuple[float, float], int] = {}
    for k, (x0, top, x1, bottom) in enumerate(cells):
        own = k  # the root of cell k's group (k is the newest cell: its own root until joined)
        for corner in ((x0, top), (x0, bottom), (x1, top), (x1, bottom)):
            j = first.setdefault(corner, k)
            if j == k:
                continue
            while parent[j] != j:  # to j's root, halving the path
                parent[j] = j = parent[parent[j]]
            if j != own:
                if j < own:
                    parent[own] = own = j
                else:
                    parent[j] = own
    groups: dict[int, list[tuple]] = {}
    for k, cell in enumerate(cells):
        j = k
        while parent[j] != j:
            parent[j] = j = parent[parent[j]]
        groups.setdefault(j, []).append(cell)
    tables = sorted(groups.values(), key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in tables if len(t) > 1]


def find_cells(rects: list[tuple[float, float, float, float]], frame: Frame) -> list[list[tuple]]:
    """The cells of each ruled table among the drawn paths `rects`, seen in `frame`."""
    hs, vs = _merged(rects, frame)
    if len(hs) < 2 or len(vs) < 2:
        return []
    return cells_to_tables(_cells(_intersections(hs, vs)))


def find_tables(
    rects: list[tuple[float, float, float, float]], words: list[Word], frame: Frame, settings: Settings
) -> list[PdfiumTable]:
    """Ruled tables among the drawn paths `rects` (pdffast.path_bounds), seen in `frame`."""
    groups = find_cells(rects, frame)
    if not groups:
        return []
    centres = WordCentres(words)
    return [PdfiumTable(group, centres, settings.pdf_line_tolerance) for group in groups]
