"""The PDF layout's shortcuts against the plain rules they stand in for.

Lines, word centres, extents, cell spans and letter counts are worked out with fewer calls
than the rules state them (one rounding per distinct size, a direction's arithmetic written
out, extremes mapped instead of every word's box, bisection instead of a scan, one pattern
search per page); each must give exactly what the plain rule gives.
"""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest
from conftest import CORPUS, PLAN_STEMS
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.document.blocks import RawBlock, RawCell, RawRow
from extract.readers import pdf, pdftables
from extract.readers.pdflayout import Frame, Line, Word, _bold_font, lines, words
from extract.settings import DEFAULT_SETTINGS

_FRAMES = Frame.all((3.5, -2.0, 600.25, 845.75))
_FONTS = st.sampled_from(["Times", "Times-Bold", "Arial-BoldMT", "Arial", "Times-Black"])
_WORDS = st.lists(
    st.builds(
        Word,
        st.sampled_from(["a", "Kế", "hoạch", "2021-2025", "Điều", "x"]),
        st.floats(0, 500, allow_nan=False),
        st.floats(0, 500, allow_nan=False),
        st.floats(10, 800, allow_nan=False),
        st.sampled_from([9.96, 10.0, 12.0, 12.04, 13.0, 12.96]),
        _FONTS,
    ).map(lambda w: Word(w.text, min(w.x0, w.x1), max(w.x0, w.x1), w.base, w.size, w.font)),
    min_size=1,
    max_size=30,
)


def _plain_line(ws: list[Word]) -> tuple:
    """Line's fields as its rule states them: words left to right, the size most letters are
    set in (to a tenth of a point; the larger on a tie), bold when every word is."""
    ws = sorted(ws, key=lambda w: w.x0)
    sizes: dict[float, int] = {}
    for w in ws:
        sizes[round(w.size, 1)] = sizes.get(round(w.size, 1), 0) + len(w.text)
    size = max(sizes, key=lambda s: (sizes[s], s))
    bold = all(_bold_font(w.font) for w in ws)
    return " ".join(w.text for w in ws), ws[0].x0, max(w.x1 for w in ws), max(w.base for w in ws), size, bold


@settings(max_examples=200)
@given(_WORDS)
def test_a_line_is_what_its_rule_says(ws):
    line = Line(list(ws))
    assert (line.text, line.x0, line.x1, line.base, line.size, line.bold) == _plain_line(ws)


@settings(max_examples=100)
@given(_WORDS)
def test_lines_group_words_by_baseline(ws):
    tol = DEFAULT_SETTINGS.pdf_line_tolerance
    groups: list[list[Word]] = []
    for w in sorted(ws, key=lambda w: (w.base, w.x0)):
        if groups and w.base - groups[-1][-1].base <= tol:
            groups[-1].append(w)
        else:
            groups.append([w])
    assert [ln.text for ln in lines(ws, DEFAULT_SETTINGS)] == [_plain_line(g)[0] for g in groups]


def _centre(frame: Frame, w: Word) -> tuple[float, float]:
    left, bottom, right, top = frame.page_rect(w.x0, w.base - w.size, w.x1, w.base)
    return (left + right) / 2, (bottom + top) / 2


@settings(max_examples=100)
@given(_WORDS, st.integers(0, 3))
def test_word_centres_are_those_of_their_boxes_in_page_space(ws, direction):
    frame = _FRAMES[direction]
    assert pdf._centres(frame, ws) == [_centre(frame, w) for w in ws]


@settings(max_examples=200)
@given(_WORDS, st.integers(0, 3), st.integers(0, 3))
def test_an_extent_is_the_box_around_every_words_box(ws, direction, shown):
    frame, view = _FRAMES[direction], _FRAMES[shown]
    spans = [view.rect(*frame.page_rect(w.x0, w.base - w.size, w.x1, w.base)) for w in ws]
    want = (min(s[0] for s in spans), min(s[1] for s in spans), max(s[2] for s in spans), max(s[3] for s in spans))
    assert pdf._extent(frame, view, ws, []) == want


def test_words_outside_tables_are_those_centred_in_none():
    ws = [Word("a", x, x + 4, b, 10.0, "Times") for x in range(0, 100, 7) for b in range(20, 120, 9)]
    boxes = [(10.0, 30.0, 50.0, 60.0), (40.0, 50.0, 90.0, 100.0)]

    def inside(w: Word) -> bool:
        cx, cy = (w.x0 + w.x1) / 2, w.base - w.size / 2
        return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

    assert pdf._outside(ws, boxes) == [w for w in ws if not inside(w)]
    claimed = [(10.0, 700.0, 50.0, 790.0), (30.0, 740.0, 80.0, 800.0)]  # overlapping, as _outside's
    centres = pdf._centres(_FRAMES[0], ws)
    assert pdf._unclaimed(ws, centres, claimed) == [
        w for w, (x, y) in zip(ws, centres) if not any(a <= x <= c and b <= y <= d for a, b, c, d in claimed)
    ]


def _plain_rows(table, page_no: int) -> list[RawRow]:
    """_table_rows as its rule states it: a cell's column is the index of its left edge among
    the table's left edges, its span the left edges it covers."""
    texts = table.extract()
    edges = sorted({round(c[0]) for row in table.rows for c in row.cells if c is not None})
    rows = []
    for row, row_texts in zip(table.rows, texts):
        cells, covered = [], set()
        for bbox, text in zip(row.cells, row_texts):
            if bbox is None:
                continue
            x0, x1 = round(bbox[0]), round(bbox[2])
            col = edges.index(x0) if x0 in edges else 0
            span = max(1, sum(1 for e in edges if x0 <= e < x1 - 1))
            joined = ""
            for ln in (ln.strip() for ln in (text or "").split("\n")):
                if ln:
                    joined = pdf.join_text(joined, ln) if joined else ln
            cells.append(RawCell(joined, col, span))
            covered.update(range(col, col + span))
        cells += [RawCell("", k) for k in range(len(edges)) if k not in covered]
        cells.sort(key=lambda c: c.col)
        rows.append(RawRow(cells, page=page_no))
    return rows


@pytest.mark.parametrize("stem", PLAN_STEMS)
def test_table_rows_and_cell_texts_follow_their_rules_on_the_sample_pdfs(stem):
    doc = pdfium.PdfDocument((CORPUS / "office" / f"{stem}.pdf").read_bytes())
    try:
        for i in range(len(doc)):
            page = doc[i]
            frame = Frame.all(page.get_bbox())[0]
            ws = words(pdf.pdffast.page_glyphs(page), DEFAULT_SETTINGS)
            rects = pdf.pdffast.path_bounds(page)
            page.close()
            for table in pdftables.find_tables(rects, ws, frame, DEFAULT_SETTINGS):
                assert pdf._table_rows(table, i + 1) == _plain_rows(table, i + 1)
                for row in table.rows:
                    for cell in filter(None, row.cells):
                        x0, top, x1, bottom = cell
                        inside = [
                            w
                            for w in ws
                            if x0 <= (w.x0 + w.x1) / 2 < x1 and top <= w.base - pdftables._MID * w.size < bottom
                        ]
                        assert table._cell_text(cell) == table._lines(sorted(inside, key=lambda w: (w.base, w.x0)))
    finally:
        doc.close()


_TEXTS = st.text(alphabet=st.sampled_from("ab cđ ế\n1.-"), max_size=40)


@settings(max_examples=200)
@given(
    st.lists(
        st.tuples(st.integers(1, 3), _TEXTS, st.lists(st.tuples(st.sampled_from([None, 1, 2, 4]), _TEXTS), max_size=3)),
        max_size=12,
    )
)
def test_one_letter_shares_count_the_words_of_each_page(items):
    raw = [
        RawBlock(
            "table" if cells else "paragraph",
            text=text,
            page=page,
            rows=[RawRow([RawCell(t, 0)] if t else [], page=p) for p, t in cells],
        )
        for page, text, cells in items
    ]
    counts: dict[int, list[int]] = {}
    for b in raw:
        for page, text in [(b.page, b.text)] + [(r.page or b.page, c.text) for r in b.rows for c in r.cells]:
            found = pdf._LETTERS.findall(text)
            seen = counts.setdefault(page or 1, [0, 0])
            seen[0] += sum(len(w) == 1 for w in found)
            seen[1] += len(found)
    want = {p: one / total for p, (one, total) in counts.items() if total >= pdf._SCATTERED_MIN_WORDS}
    got = pdf.one_letter_shares(raw)
    assert got == want and list(got) == list(want)


_ANY_TEXTS = st.lists(
    st.text(st.one_of(st.characters(max_codepoint=0xFFFF), st.sampled_from("\u0558\u1c89ꟍ a\n\ud800\u0301ếĐ𝐀"))),
    max_size=4,
)


@settings(max_examples=300)
@given(_ANY_TEXTS)
def test_letter_runs_counted_from_code_points_are_the_patterns_words(texts):
    """_letter_run_counts against the pattern's own words, with letters Python's tables do
    not know yet, marks, lone surrogates and (the fallback) characters beyond the BMP."""
    got = pdf._letter_run_counts(texts)
    if any(ord(ch) > 0xFFFF for t in texts for ch in t):
        assert got is None
        return
    words = [pdf._LETTERS.findall(t) for t in texts]
    assert got == [(len(ws), sum(len(w) == 1 for w in ws)) for ws in words]
