"""From glyphs on pages to the blocks a reader hands on: the layout rules for PDFs.

A PDF says where each character is and nothing about words, lines or paragraphs, so
they are rebuilt here from geometry, the same way whichever backend (PDFium or
pdfplumber) supplied the glyphs:

- words are glyphs in content order until white space, a jump back or a wide gap;
- lines are words sharing a baseline;
- a line continues the paragraph above it only when a word processor would have put it
  there: the previous line had no room left for the line's first word (otherwise the
  paragraph ended on purpose), the line starts where continuation lines start (the left
  margin, or the same centre for a centred title), it has the same size and weight, and
  the baselines are no further apart than the document's ordinary line pitch (paragraph
  spacing adds to it). Numbering labels and dashes only start a paragraph when the line
  above ended a sentence, because "giai đoạn 2021" / "- 2025" is one wrapped phrase;
- the two-column block that opens an administrative document (issuing body | motto,
  number | place and date) shares baselines across the columns, so its lines are split
  at the gutter between the columns and each column becomes its own block;
- running page numbers are lone numbers in the top or bottom margin.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter, itemgetter
from typing import NamedTuple

import numpy as np
import regex

from extract.document.blocks import RawBlock, RawRow
from extract.settings import Settings


class Glyph(NamedTuple):
    text: str
    x0: float
    x1: float
    base: float  # baseline, distance from the top of the page
    size: float
    font: str
    direction: int = 0  # quarter turns of the text (Frame), 0 for upright


class Frame(NamedTuple):
    """A page seen upright for text drawn in one of four directions.

    `direction` counts quarter turns anticlockwise in PDF space: 0 is ordinary text, 1 runs
    bottom to top (a landscape page's text as stored under /Rotate 90, or a table set
    sideways), 2 is upside down, 3 runs top to bottom. In a direction's frame its text
    reads left to right with baselines growing downwards, y measured from the page box's
    edge that is then on top and x from the edge then on the left (upright x is PDF x, as
    the reader has always used it), so words, lines, tables and page margins come out
    of one code path whatever the direction. left/bottom/right/top are the page box in
    PDF space (y up).
    """

    direction: int
    left: float
    bottom: float
    right: float
    top: float

    @classmethod
    def all(cls, bbox) -> tuple[Frame, Frame, Frame, Frame]:
        return tuple(cls(d, *map(float, bbox)) for d in range(4))

    @property
    def width(self) -> float:
        return self.right - self.left if self.direction % 2 == 0 else self.top - self.bottom

    @property
    def height(self) -> float:
        return self.top - self.bottom if self.direction % 2 == 0 else self.right - self.left

    @property
    def shift(self) -> float:
        """What comes off a coordinate along the text (x, y, -x or -y in PDF space)."""
        return (0.0, self.bottom, -self.right, -self.top)[self.direction]

    def base(self, x: float, y: float) -> float:
        """The frame's y of a PDF-space point (for a glyph origin: its baseline)."""
        d = self.direction
        return self.top - y if d == 0 else x - self.left if d == 1 else y - self.bottom if d == 2 else self.right - x

    def rect(self, left: float, bottom: float, right: float, top: float) -> tuple[float, float, float, float]:
        """A PDF-space rectangle as (x0, top, x1, bottom) in the frame."""
        L, B, R, T = self.left, self.bottom, self.right, self.top
        d = self.direction
        if d == 0:
            return left, T - top, right, T - bottom
        if d == 1:
            return bottom - B, left - L, top - B, right - L
        if d == 2:
            return R - right, bottom - B, R - left, top - B
        return T - top, R - right, T - bottom, R - left

    def page_rect(self, x0: float, top: float, x1: float, bottom: float) -> tuple[float, float, float, float]:
        """The inverse of `rect`: (left, bottom, right, top) in PDF space."""
        L, B, R, T = self.left, self.bottom, self.right, self.top
        d = self.direction
        if d == 0:
            return x0, T - bottom, x1, T - top
        if d == 1:
            return top + L, x0 + B, bottom + L, x1 + B
        if d == 2:
            return R - x1, top + B, R - x0, bottom + B
        return R - bottom, T - x1, R - top, T - x0


class Word(NamedTuple):
    """A word laid out of glyphs. A tuple: pages hold hundreds, and pdffast makes them in
    bulk (tuple.__new__ over zipped columns) at a fraction of a dataclass's cost."""

    text: str
    x0: float
    x1: float
    base: float
    size: float
    font: str

    @property
    def bold(self) -> bool:
        return _bold_font(self.font)


@lru_cache(maxsize=1024)
def _bold_font(name: str) -> bool:
    name = name.lower()
    return "bold" in name or "black" in name or "heavy" in name


_by_x0 = attrgetter("x0")
_by_base_x0 = attrgetter("base", "x0")
_by_top_kind = itemgetter(0, 1)


@dataclass
class Line:
    words: list[Word]
    text: str = ""
    x0: float = 0.0
    x1: float = 0.0
    base: float = 0.0
    size: float = 0.0
    bold: bool = False

    def __post_init__(self) -> None:
        ws = self.words
        if len(ws) > 1:
            ws.sort(key=_by_x0)
        # the words' fields as columns, in one pass
        texts, x0s, x1s, bases, sizes, fonts = zip(*ws)
        self.text = " ".join(texts)
        self.x0 = x0s[0]
        self.x1 = max(x1s)
        self.base = max(bases)
        # the size most of the line's letters are set in (to a tenth of a point), the larger
        # on a tie; most lines have one size
        sizes = set(sizes)
        if len(sizes) == 1:
            self.size = round(sizes.pop(), 1)
        else:
            letters: dict[float, int] = {}
            for w in ws:
                size = round(w.size, 1)
                letters[size] = letters.get(size, 0) + len(w.text)
            self.size = max(letters, key=lambda s: (letters[s], s))
        self.bold = all(map(_bold_font, set(fonts)))

    @property
    def top(self) -> float:
        return self.base - self.size


@dataclass
class PageLayout:
    """What one page holds once read: its size, text lines outside tables, and tables."""

    number: int
    width: float
    height: float
    lines: list[Line]
    tables: list[tuple[float, list[RawRow]]] = field(default_factory=list)  # (top, rows)
    fresh: bool = False  # a further part of the page (text in another direction): no paragraph runs into it


PAGE_NUMBER = regex.compile(r"^[\s\-–—]*(?:(?:trang|page)\s*)?\d{1,4}(?:\s*/\s*\d{1,4})?[\s\-–—]*$", regex.I)
# What opens a new paragraph when the line above ended a sentence.
_MARKER = regex.compile(r"^(?:[-+•–*]\s|[IVXLC]+\.\s|\d+(?:\.\d+)*[.)]\s|[a-zđ]\)\s|Điều\s+\d+)")
_SENTENCE_END = regex.compile(r"[.;:!?…]\W*$")
_CUT_WORD_END = regex.compile(r"\w-$")
_WORD_START = regex.compile(r"\w")


def dedupe(glyphs: list[Glyph | None]) -> list[Glyph | None]:
    """Drop glyphs drawn twice at (almost) the same place: a cheap trick for bold type.

    A glyph is a repeat when an earlier kept glyph of the same text and font lies less
    than a point away in both directions. Most pages have none, so the pairwise check
    only runs on the few glyphs that have such a twin anywhere on the page.
    """
    suspects = _with_near_twin(glyphs)
    if not suspects:
        return glyphs
    seen: dict[tuple[str, int, int], list[Glyph]] = {}
    out: list[Glyph | None] = []
    for g in glyphs:
        if g is None or id(g) not in suspects:
            out.append(g)
            continue
        kx, kb = int(g.x0), int(g.base)
        dup = False
        for dx in (-1, 0, 1):
            for db in (-1, 0, 1):
                for o in seen.get((g.text, kx + dx, kb + db), ()):
                    if abs(o.x0 - g.x0) < 1 and abs(o.base - g.base) < 1 and o.font == g.font:
                        dup = True
        if dup:
            continue
        seen.setdefault((g.text, kx, kb), []).append(g)
        out.append(g)
    return out


_glyph_text, _glyph_x0, _glyph_base = itemgetter(0), itemgetter(1), itemgetter(3)


def _with_near_twin(glyphs: list[Glyph | None]) -> set[int]:
    """ids of the glyphs with another of the same text less than a point away.

    A superset is enough (dedupe checks each pair exactly, fonts too), so the test is done
    by sorting: in one of two grids of 2-point bands offset by a point, two baselines less
    than a point apart share a band; within a band, a glyph's x-neighbour is its nearest.
    """
    present = list(filter(None, glyphs))
    n = len(present)
    if n < 2:
        return set()
    text = np.fromiter(map(hash, map(_glyph_text, present)), np.int64, n)
    x = np.fromiter(map(_glyph_x0, present), np.float64, n)
    base = np.fromiter(map(_glyph_base, present), np.float64, n)
    near = np.zeros(len(present), bool)
    for shift in (0.0, 1.0):
        band = np.floor((base + shift) / 2)
        order = np.lexsort((x, band, text))
        t, b, xs = text[order], band[order], x[order]
        pair = (t[1:] == t[:-1]) & (b[1:] == b[:-1]) & (xs[1:] - xs[:-1] < 1)
        near[order[1:][pair]] = True
        near[order[:-1][pair]] = True
    return {id(present[j]) for j in np.flatnonzero(near)}


def words(glyphs: list[Glyph | None], settings: Settings) -> list[Word]:
    """Glyphs in content order until white space, a jump back, a wide gap or a new baseline.

    A change of font inside a word (one bold letter) does not split it; the word keeps
    the font it started in.
    """
    out: list[Word] = []
    tol, gap = settings.pdf_line_tolerance, settings.pdf_word_gap
    text = None  # the word being read: text, x0, x1, base, size, font
    x0 = x1 = base = size = 0.0
    font = ""
    for g in dedupe(glyphs):
        if g is None:
            if text is not None:
                out.append(Word(text, x0, x1, base, size, font))
                text = None
            continue
        if text is not None and abs(g[3] - base) <= tol and g[1] >= x0 and g[1] - x1 <= gap:
            text += g[0]
            if g[2] > x1:
                x1 = g[2]
            continue
        if text is not None:
            out.append(Word(text, x0, x1, base, size, font))
        text, x0, x1, base, size, font, _ = g
    if text is not None:
        out.append(Word(text, x0, x1, base, size, font))
    return out


def lines(ws: list[Word], settings: Settings) -> list[Line]:
    """Words by baseline, then x; a word within the tolerance of the last one's baseline joins its line."""
    tol = settings.pdf_line_tolerance
    groups: list[list[Word]] = []
    group: list[Word] = []
    last = 0.0
    for w in sorted(ws, key=_by_base_x0):
        base = w.base
        if group and base - last <= tol:
            group.append(w)
        else:
            group = [w]
            groups.append(group)
        last = base
    return [Line(g) for g in groups]


def drop_page_numbers(page_lines: list[Line], height: float, settings: Settings) -> list[Line]:
    """The lines but the running page numbers: lone numbers in the top or bottom margin (the
    margin is tested first: it rules out most lines without the pattern)."""
    margin = settings.pdf_page_number_margin * height
    low = height - margin
    return [ln for ln in page_lines if not ((ln.top < margin or ln.base > low) and PAGE_NUMBER.match(ln.text))]


def join_text(a: str, b: str) -> str:
    """Join two lines of one paragraph; a word cut at a hyphen ("59-" / "KH/HU") stays whole."""
    if _CUT_WORD_END.search(a) and _WORD_START.match(b):
        return a + b
    return a + " " + b


# --- the header block -------------------------------------------------------------


def _gutter(header: list[Line], width: float) -> float | None:
    """The x nearest the page's middle that no word of the header lines crosses."""
    spans = sorted((w.x0, w.x1) for ln in header for w in ln.words)
    gaps = []
    reach = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 > reach:
            gaps.append((reach, x0))
        reach = max(reach, x1)
    if not gaps:
        return None
    mid = width / 2
    lo, hi = min(gaps, key=lambda g: 0 if g[0] <= mid <= g[1] else min(abs(g[0] - mid), abs(g[1] - mid)))
    if abs((lo + hi) / 2 - mid) > width / 4:
        return None
    return (lo + hi) / 2


def split_header(page: PageLayout, settings: Settings) -> tuple[list[str], list[str], int]:
    """Split the opening two-column block of page 1: (left lines, right lines, lines used)."""
    page_lines = page.lines
    if not page_lines:
        return [], [], 0
    mid = page.width / 2
    first = page_lines[0]
    if not (any(w.x1 < mid for w in first.words) and any(w.x0 > mid for w in first.words)):
        return [], [], 0
    depth = settings.pdf_header_max_depth * page.height
    header = [first]
    for prev, ln in zip(page_lines, page_lines[1:]):
        if ln.top > depth or ln.base - prev.base > settings.pdf_header_gap * max(ln.size, prev.size):
            break
        header.append(ln)
    gutter = _gutter(header, page.width)
    if gutter is None:
        return [], [], 0
    left, right = [], []
    used = 0
    for ln in header:
        if any(w.x0 < gutter < w.x1 for w in ln.words):
            break
        lw = [w.text for w in ln.words if w.x1 <= gutter]
        rw = [w.text for w in ln.words if w.x0 >= gutter]
        if lw:
            left.append(" ".join(lw))
        if rw:
            right.append(" ".join(rw))
        used += 1
    return left, right, used


# --- paragraphs ---------------------------------------------------------------------


@dataclass
class _Frame:
    """The text frame of pages of one size: left and right margins, centre, line pitch."""

    left: float
    right: float
    pitch: dict[float, float]  # usual baseline distance inside a paragraph, per font size

    @property
    def centre(self) -> float:
        return (self.left + self.right) / 2


def _frames(pages: list[PageLayout], settings: Settings) -> dict[tuple[int, int], _Frame]:
    groups: dict[tuple[int, int], list[PageLayout]] = {}
    for p in pages:
        groups.setdefault((round(p.width), round(p.height)), []).append(p)
    out = {}
    for key, group in groups.items():
        all_lines = [ln for p in group for ln in p.lines]
        if len(all_lines) >= 2:
            left = statistics.quantiles([ln.x0 for ln in all_lines], n=20)[0]
            right = statistics.quantiles([ln.x1 for ln in all_lines], n=20)[-1]
        elif all_lines:
            left, right = all_lines[0].x0, all_lines[0].x1
        else:
            left, right = 0.0, float(key[0])
        tol = settings.pdf_indent_tolerance
        # snap to the margin most lines actually share
        flush = [ln.x0 for ln in all_lines if abs(ln.x0 - left) <= tol]
        if flush:
            left = statistics.median(flush)
        full = [ln.x1 for ln in all_lines if abs(ln.x1 - right) <= tol]
        if full:
            right = max(full)
        pitches: dict[float, list[float]] = {}
        for p in group:
            for a, b in zip(p.lines, p.lines[1:]):
                if a.size == b.size and a.x1 >= right - tol and abs(b.x0 - left) <= tol and b.base > a.base:
                    pitches.setdefault(a.size, []).append(b.base - a.base)
        out[key] = _Frame(left, right, {s: statistics.median(v) for s, v in pitches.items()})
    return out


def _continues(a: Line, b: Line, first_of_para: bool, same_page: bool, frame: _Frame, settings: Settings) -> bool:
    """Whether line b carries on the paragraph whose last line so far is a."""
    tol = settings.pdf_indent_tolerance
    if a.bold != b.bold or abs(a.size - b.size) > 0.5:
        return False
    if same_page:
        pitch = b.base - a.base
        if frame.pitch:
            usual = frame.pitch.get(a.size) or frame.pitch[min(frame.pitch, key=lambda s: abs(s - a.size))]
        else:
            usual = settings.pdf_default_pitch * a.size
        if pitch <= 0 or pitch > usual + settings.pdf_spacing_tolerance * a.size:
            return False
    # room left on line a for b's first word means line a ended its paragraph
    first = b.words[0]
    space = 0.25 * a.size
    if a.x1 + space + (first.x1 - first.x0) <= frame.right + tol:
        return False
    centred_b = b.x0 > frame.left + tol and abs((b.x0 + b.x1) / 2 - frame.centre) <= settings.pdf_centre_tolerance
    centred_a = a.x0 > frame.left + tol and abs((a.x0 + a.x1) / 2 - frame.centre) <= settings.pdf_centre_tolerance
    flush_b = abs(b.x0 - frame.left) <= tol
    if not (flush_b or (centred_a and centred_b) or (not first_of_para and abs(b.x0 - a.x0) <= tol)):
        return False
    if _MARKER.match(b.text) and _SENTENCE_END.search(a.text):
        return False
    return True


def assemble(pages: list[PageLayout], settings: Settings) -> list[RawBlock]:
    frames = _frames(pages, settings)
    blocks: list[RawBlock] = []
    prev_line: Line | None = None  # the last line of the open paragraph, if it can go on
    first_of_para = True
    header_done = False
    for page in pages:
        frame = frames[(round(page.width), round(page.height))]
        page_lines = page.lines
        if page.fresh:
            prev_line = None
        if page.number == 1 and not header_done:
            header_done = True
            left, right, used = split_header(page, settings)
            if used:
                if left:
                    blocks.append(RawBlock("header", text="\n".join(left), page=1, column="left"))
                if right:
                    blocks.append(RawBlock("header", text="\n".join(right), page=1, column="right"))
                page_lines = page_lines[used:]
        items: list[tuple[float, int, object]] = [(ln.top, 1, ln) for ln in page_lines]
        items += [(top, 0, rows) for top, rows in page.tables]
        items.sort(key=_by_top_kind)
        first_on_page = True
        for _, kind, obj in items:
            if kind == 0:
                blocks.append(
                    RawBlock("table", rows=obj, page=page.number, page_end=page.number, starts_page=first_on_page)
                )
                prev_line = None
                first_on_page = False
                continue
            ln: Line = obj
            cur = blocks[-1] if blocks else None
            if (
                cur is not None
                and cur.kind == "paragraph"
                and prev_line is not None
                and _continues(prev_line, ln, first_of_para, not first_on_page, frame, settings)
            ):
                cur.text = join_text(cur.text, ln.text)
                cur.page_end = page.number
                first_of_para = False
            else:
                blocks.append(
                    RawBlock("paragraph", text=ln.text, page=page.number, page_end=page.number, emphasis=ln.bold)
                )
                first_of_para = True
            prev_line = ln
            first_on_page = False
    return blocks
