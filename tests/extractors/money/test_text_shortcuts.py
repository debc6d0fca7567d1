"""The speed-ups of money.text and money.tables, each held to the plain code it replaced.

Parentheses are paired from one scan of the brackets; a plan title's parenthesis is one
capital label when it is one capital phrase; a line without figures goes only through the
phases that read lines without figures; a table's columns are tested for figures before
its values are read, and a cell without a leading digit is no number.
"""

from __future__ import annotations

from collections import Counter

import pytest
from conftest import CORPUS
from hypothesis import given
from hypothesis import strategies as st
from shortcut_strategies import FUZZ, PLAN_LINES, TEXTS

from extract.document.model import Block, Cell, Row
from extract.extractors.components import row_title
from extract.extractors.money import tables
from extract.extractors.money import text as amounts
from extract.extractors.money.vocabulary import (
    has_phrase,
    labels_in,
    may_hold_figure,
    may_hold_label,
    may_name_source,
    money_entries,
    phrases,
    unit_factors,
    unit_re,
)
from extract.pipeline import extract_document, read_document
from extract.text.normalize import match_form
from extract.text.numbers import parse_number


def plain_paren_pairs(line: str) -> dict[int, int]:
    pairs, stack = {}, []
    for k, ch in enumerate(line):
        if ch == "(":
            stack.append(k)
        elif ch == ")" and stack:
            pairs[stack.pop()] = k
    return pairs


def plain_title_capitals(text: str) -> set[str]:
    found = set()
    for a, b in plain_paren_pairs(text).items():
        inner = match_form(text[a + 1 : b]).strip()
        labels = labels_in(inner)
        if (
            len(labels) == 1
            and labels[0][2] == "capital"
            and labels[0][0] == 0
            and labels[0][1] == len(inner)
            and amounts._PLAN_TITLE.search(match_form(text[:a]))
        ):
            found.add(labels[0][3])
    return found


_PHRASES = [e["phrase"] for kind in ("capital", "source") for e in money_entries(kind)]
PAREN_TEXTS = st.one_of(
    TEXTS,
    st.lists(
        st.one_of(
            st.sampled_from(["(", ")", " ", "Kế hoạch ", "chương trình", " và ", "Vốn ", ", "]),
            st.sampled_from(_PHRASES),
        ),
        max_size=10,
    ).map("".join),
)


@FUZZ
@given(PAREN_TEXTS)
def test_parentheses_and_title_capitals_as_the_plain_reading(text):
    assert amounts._paren_pairs(text) == plain_paren_pairs(text)
    assert amounts._title_capitals(text) == plain_title_capitals(text)


@pytest.mark.parametrize("phrase", _PHRASES)
def test_a_plan_titles_parenthesis_of_one_phrase_as_the_plain_reading(phrase):
    for text in (
        f"Kế hoạch vốn năm 2024 ({phrase})",
        f"Kế hoạch ( {phrase.upper()} )",
        f"Chương trình ({phrase}, khác)",
    ):
        assert amounts._title_capitals(text) == plain_title_capitals(text)


def test_title_capitals_of_the_plans_as_the_plain_reading():
    for line in PLAN_LINES:
        assert amounts._title_capitals(line) == plain_title_capitals(line)


def plain_cell_value(text: str):
    t = " ".join(text.split())
    if not t:
        return None
    if t in tables._DASHES:
        return tables.DASH
    try:
        return parse_number(t)
    except ValueError:
        return None


@FUZZ
@given(st.one_of(TEXTS, st.sampled_from(["", " - ", "x", "0-", "1.250", " 12,5 ", "²3", "٣", "a1", "1 000"])))
def test_a_cell_value_as_the_plain_reading(text):
    assert tables._cell_value(text) == plain_cell_value(text)


def plain_grid(block: Block):
    rows = block.body_rows()
    texts = [r.texts(block.ncols) for r in rows]
    values = [[tables._cell_value(t) for t in row] for row in texts]
    title_cols = Counter()
    for r in rows:
        _, title, start, _ = row_title(block, r)
        cell = next((c for c in r.cells if c.start == start), None)
        if title and cell is not None:
            title_cols[cell.col + cell.colspan - 1] += 1
    first = (max(title_cols) + 1) if title_cols else 0
    cols = []
    for c in range(first, block.ncols):
        filled = [row[c] for row in texts if " ".join(row[c].split())]
        vals = [v[c] for v in values if v[c] is not None]
        if filled and len(vals) == len(filled):
            cols.append(c)
    return values, cols


_CELLS = st.sampled_from(["", "Dự án 1", "1.200", "-", "x", "ghi chú", "12,5", " ", "I", "2."])


@FUZZ
@given(st.lists(st.lists(_CELLS, min_size=4, max_size=4), max_size=5))
def test_a_tables_numeric_columns_as_the_plain_reading(cells):
    rows = [
        Row([Cell(t, 10 * r + c, 10 * r + c + 1, c) for c, t in enumerate(texts)], 10 * r, 10 * r + 9)
        for r, texts in enumerate(cells)
    ]
    block = Block("table", "", 0, 100, rows=rows, ncols=4)
    g = tables._grid(block)
    values, cols = plain_grid(block)
    assert g.cols == cols
    if cols:
        assert g.values == values


def _all_phases(r, line, next_text):
    """read_text_figures' loop body before lines without figures took the short way."""
    if not line.found:
        r.title_capitals |= plain_title_capitals(line.text)
    if amounts._opens_with_split(line):
        line.programme = r.programme
    amounts._close_announcements(r, line)
    amounts._read_line(r, line)
    amounts._unnamed_programme(r, line)
    amounts._relink_by_sum(r, line)
    amounts._attach_to_announcement(r, line)
    amounts._continue_paragraph(r, line)
    amounts._attribute(r, line)
    amounts._open_announcement(r, line, next_text)
    r.last_figs = line.figs
    if line.figs:
        r.programme = line.programme


def plain_read_text_figures(doc, ctx):
    meta = ctx.meta
    multi_year = bool(meta.get("period_start") and meta.get("period_end") and meta["period_end"] > meta["period_start"])
    r = amounts._Reading(
        doc, ctx, multi_year, own_components=amounts.programme_of(doc, meta) not in amounts.OTHER_PROGRAMMES
    )
    lines = amounts._text_lines(doc)
    for li, (base, text) in enumerate(lines):
        if not text.strip():
            continue
        line = amounts._Line(base, text, match_form(text), amounts._style(text), amounts._line_figures(text))
        _all_phases(r, line, lines[li + 1][1] if li + 1 < len(lines) else None)
    amounts._inherit(r.figures)
    amounts._title_capital(r)
    amounts._superseded(r)
    amounts._programme_shares(r.figures)
    amounts._restatements(r.figures)
    amounts._unlabelled_shares(r.figures)
    return r.figures


@pytest.mark.parametrize(
    "path", sorted(CORPUS.glob("txt/*.txt")) + sorted(CORPUS.glob("office/*")), ids=lambda p: p.name
)
def test_regression_lines_without_figures_read_as_through_every_phase(path):
    doc = read_document(path.read_bytes(), name=path.name)
    ctx = extract_document(doc)
    assert amounts.read_text_figures(doc, ctx) == plain_read_text_figures(doc, ctx)


# --- a figure's unit after a digit ---------------------------------------------------------


FIGURE_TEXTS = st.one_of(
    TEXTS,
    st.lists(
        st.one_of(
            st.sampled_from(["1", "2,5", "1.000", "12.500,75", ".", ",", " ", "  ", "\n", "\t", "\u00a0", "a", "đơn"]),
            st.sampled_from(sorted(unit_factors())),
        ),
        max_size=12,
    ).map("".join),
)


def _no_figure_from(form: str, pos: int) -> bool:
    return next(unit_re().finditer(form, pos), None) is None


@FUZZ
@given(FIGURE_TEXTS, st.integers(0, 40))
def test_a_text_may_hold_a_figure_wherever_unit_re_finds_one(text, pos):
    form = match_form(text)
    pos = min(pos, len(form))
    if not may_hold_figure(form, pos):
        assert _no_figure_from(form, pos)


def test_the_plans_lines_may_hold_a_figure_wherever_unit_re_finds_one():
    held = 0
    for line in PLAN_LINES:
        form = match_form(line)
        for pos in {0, len(form) // 2}:
            if may_hold_figure(form, pos):
                held += 1
            else:
                assert _no_figure_from(form, pos), line
    assert held  # the plans do state money


def test_a_lines_figures_as_with_unit_re_tried_everywhere(monkeypatch):
    fast = [amounts._line_figures(line) for line in PLAN_LINES]
    monkeypatch.setattr(amounts, "may_hold_figure", lambda form, pos=0: True)
    assert [amounts._line_figures(line) for line in PLAN_LINES] == fast


# --- a source label needs a source phrase ------------------------------------------------------

SOURCE_TEXTS = st.one_of(
    PAREN_TEXTS,
    st.lists(
        st.one_of(
            st.sampled_from([" ", ":", "Tổng ", "vốn", " và ", "\n", "ngân sách", "Trung ương", "NSTW", "-"]),
            st.sampled_from(_PHRASES),
            st.sampled_from(_PHRASES).map(str.upper),
        ),
        max_size=8,
    ).map("".join),
)


@FUZZ
@given(SOURCE_TEXTS)
def test_a_text_may_name_a_source_wherever_its_labels_hold_one(text):
    if not may_name_source(match_form(text)):
        assert not [lab for lab in labels_in(text) if lab[2] == "source"]
        assert amounts.choose(labels_in(text))[0] is None


def test_the_plans_lines_may_name_a_source_wherever_their_labels_hold_one():
    named = 0
    for line in PLAN_LINES:
        if may_name_source(match_form(line)):
            named += 1
        else:
            assert amounts.choose(labels_in(line))[0] is None, line
    assert named


@pytest.mark.parametrize("path", sorted(CORPUS.glob("txt/*.txt")), ids=lambda p: p.name)
def test_announcements_as_with_every_lines_labels_read(path, monkeypatch):
    doc = read_document(path.read_bytes(), name=path.name)
    ctx = extract_document(doc)
    fast = amounts.read_text_figures(doc, ctx)
    monkeypatch.setattr(amounts, "may_name_source", lambda form: True)
    assert amounts.read_text_figures(doc, ctx) == fast


@FUZZ
@given(SOURCE_TEXTS, st.booleans())
def test_a_text_may_hold_a_label_wherever_it_holds_one(text, header):
    if not may_hold_label(match_form(text), header):
        assert labels_in(text, header) == []


def test_the_plans_lines_may_hold_a_label_wherever_they_hold_one():
    for line in PLAN_LINES:
        for header in (False, True):
            if not may_hold_label(match_form(line), header):
                assert labels_in(line, header) == [], line


@pytest.mark.parametrize(
    "path", sorted(CORPUS.glob("txt/*.txt")) + sorted(CORPUS.glob("office/*")), ids=lambda p: p.name
)
def test_budget_tables_as_with_every_rows_labels_read(path, monkeypatch):
    fast = extract_document(read_document(path.read_bytes(), name=path.name))
    monkeypatch.setattr(tables, "may_hold_label", lambda form, header=False: True)
    plain = extract_document(read_document(path.read_bytes(), name=path.name))
    assert dict(fast.rows) == dict(plain.rows)


# --- an announcement's words ---------------------------------------------------------------


def plain_announces(tail: str) -> bool:
    return any(has_phrase(tail, p) for p in phrases("split") if p in tail) or tail.rstrip().endswith(":")


ANNOUNCING_TEXTS = st.one_of(
    TEXTS,
    st.lists(
        st.sampled_from([*phrases("split"), "x", " ", ":", " :", "\n", ",", "đó", "trong", "gồmx", "bao"]),
        max_size=8,
    ).map("".join),
)


@FUZZ
@given(ANNOUNCING_TEXTS)
def test_a_line_announces_parts_as_the_plain_reading(text):
    form = match_form(text)
    assert amounts._announces(form) == plain_announces(form)


def test_the_plans_lines_announce_parts_as_the_plain_reading():
    for line in PLAN_LINES:
        form = match_form(line)
        assert amounts._announces(form) == plain_announces(form)
