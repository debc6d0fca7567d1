"""The speed-ups of extract.extractors.components, each held to the plain code it replaced.

section_at and ancestors_at answer from an index over the sections (which the steps ask
about every line); best_match scores titles from a word index instead of every form.

Each speed-up promises the very answer of the straightforward version, not a close one, and
would go on passing the behaviour tests if an edit quietly broke that promise on some rarer
input. Each test states the plain version (mostly the code as it stood before the speed-up)
and compares the two on the sample plans and, mostly, on generated input (tests/shortcut_strategies.py).
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

import pytest
import regex
from conftest import CORPUS
from hypothesis import given
from hypothesis import strategies as st
from shortcut_strategies import FUZZ, PLAN_LINES, PLAN_TEXTS, TEXTS

from extract.document.model import Document, Section
from extract.extractors import assignments, components
from extract.extractors.money import tables as budgettables
from extract.extractors.money import text as amounts
from extract.extractors.targets import find as targets
from extract.pipeline import extract_document, read_document
from extract.settings import DEFAULT_SETTINGS
from extract.text.normalize import local_skeleton, strip_diacritics


@st.composite
def documents_with_sections(draw) -> Document:
    """Sections that nest, overlap, touch, repeat a level, hold nothing or name a parent
    that is not there (parents come first, as structure lists them, so no chain loops)."""
    n = draw(st.integers(0, 8))
    sections = []
    for i in range(n):
        start = draw(st.integers(0, 40))
        end = start + draw(st.integers(-2, 40))
        parent = draw(st.one_of(st.none(), st.integers(1, i) if i else st.none(), st.just(99)))
        sections.append(Section(i + 1, draw(st.integers(1, 4)), None, "arabic", f"s{i}", start, end, parent, start))
    return Document("x" * 90, [], "txt", sections=tuple(sections))


@FUZZ
@given(documents_with_sections())
def test_section_index_answers_as_the_document_does(doc):
    for offset in range(-2, 90):
        assert components.section_at(doc, offset) is doc.section_at(offset)
        assert list(components.ancestors_at(doc, offset)) == doc.ancestors(doc.section_at(offset))


def test_section_index_answers_as_the_document_does_on_the_plans():
    for text in PLAN_TEXTS:
        doc = read_document(text.encode("utf-8"))
        edges = {p + d for s in doc.sections for p in (s.start, s.end, s.heading_end) for d in (-1, 0, 1)}
        for offset in sorted(edges | set(range(0, len(doc.text) + 1, 61))):
            assert components.section_at(doc, offset) is doc.section_at(offset)
            assert list(components.ancestors_at(doc, offset)) == doc.ancestors(doc.section_at(offset))


def test_section_index_follows_the_document_asked_about():
    one = Document("x" * 20, [], "txt", sections=(Section(1, 1, None, "title", "a", 0, 20, None, 1),))
    two = Document("x" * 20, [], "txt", sections=(Section(2, 1, None, "title", "b", 5, 10, None, 6),))
    assert components.section_at(one, 2).section_id == 1
    assert components.section_at(two, 2) is None
    assert components.section_at(one, 6).section_id == 1
    one.sections = (Section(3, 1, None, "title", "c", 0, 5, None, 1),)  # a new tree, as structure writes it
    assert components.section_at(one, 2).section_id == 3
    one.sections += (Section(4, 2, None, "arabic", "d", 1, 4, 3, 2),)
    assert components.section_at(one, 2).section_id == 4
    assert [s.section_id for s in components.ancestors_at(one, 2)] == [4, 3]


def test_section_index_follows_a_replaced_section_tree():
    doc = Document("x" * 20, [], "txt", sections=(Section(1, 1, None, "title", "a", 0, 20, None, 1),))
    assert components.section_at(doc, 15) is doc.section_at(15)
    doc.sections = (dataclasses.replace(doc.sections[0], end=10),)
    assert components.section_at(doc, 15) is doc.section_at(15)
    doc.sections = (Section(2, 1, None, "title", "b", 0, 20, None, 1),)
    assert components.section_at(doc, 15) is doc.section_at(15)


def test_sections_cannot_be_edited_in_place():
    doc = Document("x" * 20, [], "txt", sections=(Section(1, 1, None, "title", "a", 0, 20, None, 1),))
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.sections[0].end = 10


def _dice(a: tuple, b: tuple) -> float:
    if not a or not b:
        return 0.0
    return 2 * sum((Counter(a) & Counter(b)).values()) / (len(a) + len(b))


def plain_best_match(title: str, level=None, parent=None):
    words = components._words(title)
    if not words:
        return None, 0.0
    scored = [(max(_dice(words, f) for f in c.forms), c) for c in components.catalogue()]
    if level is not None:
        same = [(s, c) for s, c in scored if c.level == level and s > 0]
        if same:
            scored = same
    score, best = max(scored, key=lambda sc: (sc[0], sc[1].parent is not None and sc[1].parent == parent))
    return (best.code, score) if score > 0 else (None, 0.0)


_CATALOGUE_WORDS = sorted({w for c in components.catalogue() for f in c.forms for w in f})
TITLES = st.one_of(
    TEXTS,
    st.lists(st.sampled_from(_CATALOGUE_WORDS), max_size=14).map(" ".join),
    st.sampled_from([c.title for c in components.catalogue()]),
)


@FUZZ
@given(
    TITLES,
    st.sampled_from([None, "project", "subproject"]),
    st.sampled_from([None] + [c.code for c in components.catalogue()]),
)
def test_best_match_from_the_word_index_equals_the_dice_of_every_form(title, level, parent):
    words = components._words(title)
    assert components._scores(words) == [max(_dice(words, f) for f in c.forms) for c in components.catalogue()]
    assert components.best_match.__wrapped__(title, level, parent) == plain_best_match(title, level, parent)


def test_best_match_from_the_word_index_equals_the_dice_of_every_form_on_the_plans():
    for line in PLAN_LINES:
        title = components.read_heading(line).title
        assert components.best_match.__wrapped__(title) == plain_best_match(title)


def _document_section_at(doc, offset):
    return doc.section_at(offset)


def _document_ancestors_at(doc, offset):
    return tuple(doc.ancestors(doc.section_at(offset)))


@pytest.mark.parametrize("path", sorted(CORPUS.glob("txt/*.txt")), ids=lambda p: p.stem)
def test_steps_give_the_same_rows_as_with_the_documents_own_section_lookups(path, monkeypatch):
    """amounts, assignments, targets and budget tables ask the section index for the
    section of every line."""
    data = path.read_bytes()
    fast = extract_document(read_document(data))
    for module in (amounts, assignments, targets, budgettables):
        monkeypatch.setattr(module, "section_at", _document_section_at, raising=False)
        if hasattr(module, "ancestors_at"):
            monkeypatch.setattr(module, "ancestors_at", _document_ancestors_at)
    plain = extract_document(read_document(data))
    assert fast.meta == plain.meta
    assert dict(fast.rows) == dict(plain.rows)


@FUZZ
@given(TITLES, st.sampled_from([0.0, 0.5, 0.6, 0.75, 0.85, 1.0]))
def test_a_title_that_cannot_reach_a_threshold_scores_below_it(title, threshold):
    """_may_reach is only a bound: where it says no, best_match names no component at the threshold."""
    if not components._may_reach(title, threshold):
        for level in (None, "project", "subproject"):
            code, score = plain_best_match(title, level)
            assert code is None or score < threshold


def test_a_title_that_cannot_reach_a_threshold_scores_below_it_on_the_plans():
    for line in PLAN_LINES:
        title = components.read_heading(line).title
        for threshold in (0.6, 0.75, 0.85):
            if not components._may_reach(title, threshold):
                code, score = plain_best_match(title)
                assert code is None or score < threshold


@FUZZ
@given(st.one_of(TEXTS, st.sampled_from(["Dự án 2: Đa dạng hóa", "  - Tiểu dự án 1.", "DỰ ÁN SỐ 3", "Nội dung3"])))
def test_a_paragraph_opens_with_a_label_where_read_heading_prints_one(text):
    assert components._opens_with_label(text) == bool(components.read_heading(text).printed)


def test_a_line_of_the_plans_opens_with_a_label_where_read_heading_prints_one():
    for line in PLAN_LINES:
        assert components._opens_with_label(line) == bool(components.read_heading(line).printed)


def plain_label_at_start(text: str):
    skel = components.strip_diacritics.__wrapped__(text)
    return components._label_re()[0].match(skel) if len(skel) == len(text) else None


_LABEL_TEXTS = st.one_of(
    TEXTS,
    st.lists(
        st.sampled_from(
            ["Dự án", "TIỂU DỰ ÁN", " 2", "số 3", ":", " - ", "...", "  ", "(", "Nội dung", "Hợp phần", "Điều 1"]
            + ["e\u0301", "Σ", "\u0300", "x" * 30, "—" * 20, "İ", "ﬁ"]
        ),
        max_size=12,
    ).map("".join),
)


@FUZZ
@given(_LABEL_TEXTS)
def test_a_label_at_the_start_as_the_plain_match_on_the_whole_skeleton(text):
    text = components.collapse(text)
    found, plain = components._label_at_start(text), plain_label_at_start(text)
    assert (found and (found.span(), found.groupdict())) == (plain and (plain.span(), plain.groupdict()))


def test_a_label_at_the_start_of_the_plans_lines_as_the_plain_match():
    for line in PLAN_LINES:
        text = components.collapse(line)
        found, plain = components._label_at_start(text), plain_label_at_start(text)
        assert (found and found.span()) == (plain and plain.span())


@FUZZ
@given(st.one_of(TEXTS, st.sampled_from(PLAN_TEXTS)), st.data())
def test_mentions_read_from_the_documents_skeleton_are_the_pieces_own(text, data):
    """named_in_text slices each paragraph's skeleton from the document's where every
    character has a skeleton of its own; the mentions are those of the piece read alone."""
    doc_skel = local_skeleton(text)
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    piece = text[a:b]
    if doc_skel is not None:
        assert doc_skel[a:b] == strip_diacritics(piece)
        assert components.mentions(piece, DEFAULT_SETTINGS, doc_skel[a:b]) == components.mentions(
            piece, DEFAULT_SETTINGS
        )


@pytest.mark.parametrize("path", sorted(CORPUS.glob("txt/*.txt"))[:6], ids=lambda p: p.stem)
def test_money_table_rows_are_found_once_and_as_found_afresh(path):
    """The components and money steps share a document's component rows of money tables."""
    doc = read_document(path.read_bytes())
    extract_document(doc)
    shared = components.table_rows(doc, DEFAULT_SETTINGS)
    assert components.table_rows(doc, DEFAULT_SETTINGS) is shared
    fresh = read_document(path.read_bytes())
    fresh.programme = doc.programme
    assert shared == (components._find_table_rows(fresh, DEFAULT_SETTINGS) if components.applies(fresh) else [])


def test_named_figures_in_text_as_with_unit_re_tried_everywhere(monkeypatch):
    docs = [read_document(p.read_bytes()) for p in sorted(CORPUS.glob("txt/*.txt"))]
    fast = [extract_document(d).rows.get("components") for d in docs]
    monkeypatch.setattr(components, "may_hold_figure", lambda form, pos=0: True)
    docs = [read_document(p.read_bytes()) for p in sorted(CORPUS.glob("txt/*.txt"))]
    assert [extract_document(d).rows.get("components") for d in docs] == fast


def test_white_space_to_the_label_patterns_is_no_word_character_to_the_gate():
    """_label_words reads the label patterns' white space (regex's \\s) as \\W+ (re's): every
    character the one matches, the other does."""
    spaces = [chr(c) for c in range(0x110000) if regex.fullmatch(r"\s", chr(c))]
    assert spaces and all(re.fullmatch(r"\W", ch) for ch in spaces)


def _pieces_without_labels(text: str, data) -> tuple[str, int, int, bool] | None:
    skel = local_skeleton(text)
    places = components._label_places(skel)
    if places is None:
        return None
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    return skel, a, b, components._may_hold_label(places, a, b)


_GATE_TEXTS = st.one_of(
    TEXTS,
    st.sampled_from(PLAN_TEXTS),
    st.lists(
        st.sampled_from(
            ["Dự án", "TIỂU DỰ\nÁN", "tiểu", " dự  án", " 2", "số 3", ":", " - ", "\n", "Nội\u00a0dung", "Hợp phần"]
            + ["x", "dự", "án", "Đa dạng hóa sinh kế", "Σ", "\u0300", "\u2028", "_"]
        ),
        max_size=16,
    ).map("".join),
)


@FUZZ
@given(_GATE_TEXTS, st.data())
def test_a_piece_the_gate_turns_away_names_no_component_and_opens_with_no_label(text, data):
    """Where _may_hold_label says a piece of the document holds no label, the piece has no
    mention and, collapsed, opens with no label: the gate is a "certainly not"."""
    found = _pieces_without_labels(text, data)
    if found is None:
        return
    skel, a, b, maybe = found
    if not maybe:
        piece = text[a:b]
        assert components.mentions(piece, DEFAULT_SETTINGS, skel[a:b]) == []
        assert components._label_at_start(components.collapse(piece)) is None


def test_the_gate_lets_through_every_line_of_the_plans_with_a_label():
    for text in PLAN_TEXTS:
        places = components._label_places(local_skeleton(text))
        pos = 0
        for line in text.split("\n"):
            named = components.mentions(line, DEFAULT_SETTINGS) or components._label_at_start(components.collapse(line))
            assert not named or components._may_hold_label(places, pos, pos + len(line))
            pos += len(line) + 1


def test_components_of_the_plans_as_without_the_gate(monkeypatch):
    docs = [read_document(p.read_bytes()) for p in sorted(CORPUS.glob("txt/*.txt"))]
    fast = [extract_document(d).rows.get("components") for d in docs]
    monkeypatch.setattr(components, "_may_hold_label", lambda places, start, end: True)
    docs = [read_document(p.read_bytes()) for p in sorted(CORPUS.glob("txt/*.txt"))]
    assert [extract_document(d).rows.get("components") for d in docs] == fast


def test_section_headings_read_as_with_a_label_looked_for_in_each():
    """_find_candidates reads a heading without looking for a label where the gate says its
    piece of the text holds none, and a title's words from the text's skeleton."""
    texts = [*PLAN_TEXTS, "1. Dự án 2: Đa dạng hóa sinh kế\n2. NỘI DUNG 3 - x\nII. TIỂU DỰ\nÁN 1\nIII. Hợp phần"]
    for text in texts:
        doc = read_document(text.encode("utf-8"))
        _, places = components._skeleton_and_labels(doc)
        skel = local_skeleton(doc.text)
        for s in doc.sections:
            h = components._section_heading(doc, s, places)
            assert h == components.read_heading(s.title)
            at = doc.text.find(h.title, s.start, s.heading_end)
            if at >= 0 and skel is not None:
                piece = skel[at : at + len(h.title)]
                for threshold in (0.5, 0.75, 0.85):
                    assert components._may_reach(h.title, threshold, piece) == components._may_reach(h.title, threshold)
