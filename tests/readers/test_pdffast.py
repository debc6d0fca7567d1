"""pdffast's bulk reading against its character by character reading.

page_words reads every character's box and text object at once and cuts words with
numpy; the character by character reading (page_glyphs, then words()) is what the layout was always
given, and stays the fallback. Both must give the same words, upright and turned, and a
page the bulk reading does not restate (a fake bold twin) must take the fallback.
"""

from __future__ import annotations

import numpy as np
import pypdfium2 as pdfium
import pytest
from conftest import CORPUS, PLAN_STEMS
from hypothesis import given, settings
from hypothesis import strategies as st
from test_readers import _one_page_pdf
from test_rotation import turned

from extract.readers import pdffast
from extract.readers.pdflayout import Frame
from extract.settings import DEFAULT_SETTINGS

S = DEFAULT_SETTINGS


def _both(data: bytes) -> list[tuple[tuple, tuple, bool]]:
    """(bulk, character by character, whether the bulk reading took the page) for every page."""
    pdf = pdfium.PdfDocument(data)
    out = []
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            bulk = pdffast._bulk_words(textpage, pdffast._page_text(textpage), Frame.all(page.get_bbox()), S)
            textpage.close()
            got = pdffast.page_words(page, S)
            want = pdffast.glyph_words(pdffast.page_glyphs(page, S.pdf_word_gap), S)
            out.append((got, want, bulk is not None))
            page.close()
    finally:
        pdf.close()
    return out


@pytest.mark.parametrize("stem", PLAN_STEMS)
@pytest.mark.parametrize("quarter", [0, 1, 2, 3])
def test_bulk_words_are_the_glyph_by_glyph_words(stem, quarter):
    """Upright pages, and the same pages turned (with /Rotate, and one page only turned, so
    that a page holds one direction while the document holds two)."""
    data = (CORPUS / "office" / f"{stem}.pdf").read_bytes()
    variants = [data] if quarter == 0 else [turned(data, quarter), turned(data, quarter, mark=False, pages={0})]
    for variant in variants:
        for got, want, bulk in _both(variant):
            assert bulk
            assert got == want


@pytest.mark.parametrize("spacing", [0.0, 3.5, 5.0])
def test_bulk_words_cut_letter_spacing_as_per_character(spacing):
    """Tc inside one text object: the gap rule cuts where reading character by character does."""
    data = _one_page_pdf(b"BT /F1 12 Tf %.1f Tc 72 700 Td (Muc 3diem) Tj ET" % spacing)
    [(got, want, bulk)] = _both(data)
    assert bulk and got == want


def test_fake_bold_twin_takes_the_character_by_character_way():
    """A word drawn again a fraction of a point off (PDFium keeps it: another transform) is a
    twin for dedupe, which needs the glyphs: the page is read character by character, and counts once."""
    data = _one_page_pdf(
        b"BT /F1 12 Tf 72 700 Td (Bold face) Tj ET 1 0 0 1 0.4 0.2 cm BT /F1 12 Tf 72 700 Td (Bold) Tj ET"
    )
    [(got, want, bulk)] = _both(data)
    assert not bulk
    assert got == want
    assert [w.text for w in got[1][0]] == ["Bold", "face"]


def test_mixed_objects_in_a_word_and_a_second_line():
    """Words drawn by several text objects (a bold letter), a word per object, two baselines."""
    data = _one_page_pdf(
        b"BT /F1 12 Tf 72 700 Td (Ke) Tj ET BT /F1 14 Tf 84.6 700 Td (h) Tj ET BT /F1 12 Tf 92 700 Td (oach so) Tj ET "
        b"BT /F1 10 Tf 72 680 Td (59) Tj ET BT /F1 10 Tf 84 680 Td (-KH) Tj ET BT /F1 10 Tf 100 680.5 Td (/HU) Tj ET"
    )
    [(got, want, bulk)] = _both(data)
    assert bulk and got == want


_coords = st.floats(0, 40, allow_nan=False, width=32)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            _coords, st.floats(0, 8, allow_nan=False, width=32), st.sampled_from([100.0, 101.0, 104.0]), st.booleans()
        ),
        min_size=1,
        max_size=40,
    )
)
def test_word_starts_rounds_agree_with_the_loop(items):
    """Step backs, right edges that shrink, baselines drifting within the tolerance."""
    x0 = np.array([i[0] for i in items], np.float64)
    x1 = x0 + np.array([i[1] for i in items])
    base = np.array([i[2] for i in items])
    cut = np.array([i[3] for i in items])
    got = pdffast._word_starts(x0, x1, base, cut, S.pdf_line_tolerance, S.pdf_word_gap)
    assert got.tolist() == pdffast._word_starts_loop(x0, x1, base, cut, S.pdf_line_tolerance, S.pdf_word_gap).tolist()


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from([65, 66]), st.floats(0, 6, allow_nan=False), st.floats(0, 6, allow_nan=False)),
        min_size=2,
        max_size=30,
    )
)
def test_twin_check_finds_every_near_pair(items):
    """Any two glyph starts of the same text less than a point apart both ways are caught."""
    codes = np.array([i[0] for i in items], np.uint32)
    x0 = np.array([i[1] for i in items])
    base = np.array([i[2] for i in items])
    every = np.ones(len(items), bool)
    near = any(
        a[0] == b[0] and abs(a[1] - b[1]) < 1 and abs(a[2] - b[2]) < 1
        for k, a in enumerate(items)
        for b in items[k + 1 :]
    )
    if near:
        assert pdffast._maybe_twins(codes, x0, x0 + 5, base, every, ~every, S.pdf_word_gap)


def test_pages_longer_than_the_buffers_are_read_in_slices(monkeypatch):
    """A page of more characters than the ctypes reading's C buffers hold reads as with buffers to spare."""
    data = (CORPUS / "office" / f"{PLAN_STEMS[0]}.pdf").read_bytes()
    monkeypatch.setattr(pdffast, "_pdfchars", None)
    want = _both(data)
    monkeypatch.setattr(pdffast._LOCAL, "buffers", pdffast._Buffers(64), raising=False)
    assert _both(data) == want


def test_word_characters_are_those_of_the_word_pattern():
    """The bulk reading's table of characters that are no part of a word is _WORD's complement."""
    codes = np.arange(0x11000)
    table = pdffast._NOT_WORD.take(np.minimum(codes, 0x10000))
    assert table.tolist() == [pdffast._WORD.fullmatch(chr(c)) is None for c in codes.tolist()]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.integers(1, 6), st.integers(1, 4)), min_size=1, max_size=30),
    st.lists(st.booleans(), min_size=120, max_size=120),
)
def test_objects_registered_from_runs_as_by_unique(runs, extra):
    """Each object's registering character and each character's object agree with
    np.unique over the pieces, whether every object comes in one run or some come back."""
    char_obj = np.repeat(np.array([r[0] for r in runs], np.uint64), [r[1] for r in runs])
    head = np.ones(len(char_obj), bool)
    head[1:] = char_obj[1:] != char_obj[:-1]
    piece = head | np.array(extra[: len(char_obj)])  # every change of object starts a piece
    objects, reg, of = pdffast._register(char_obj, piece)
    piece_at = np.flatnonzero(piece)
    want, first = np.unique(char_obj[piece_at], return_index=True)
    assert objects[of].tolist() == char_obj.tolist()
    assert sorted(zip(objects.tolist(), reg.tolist())) == list(zip(want.tolist(), piece_at[first].tolist()))


_SPACES = st.sampled_from([" ", "\n", "\t", "\u00a0", "\u2003", "\u3000", "\x00", "\uffff", "  "])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(st.sampled_from("aăệ𝐀-"), min_size=1, max_size=4), min_size=1, max_size=12),
    st.lists(_SPACES, min_size=12, max_size=12),
    st.one_of(st.just([False] * 60), st.lists(st.booleans(), min_size=60, max_size=60)),
)
def test_words_split_as_sliced(parts, spaces, cuts):
    """Texts of words cut by str.split are those sliced word by word from the text: words
    as PDFium's text shows them, or cut further (then sliced either way)."""
    text = "".join(p + s for p, s in zip(parts, spaces))
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), np.uint32)
    idx = np.flatnonzero(pdffast._NOT_WORD.take(np.minimum(codes, 0x10000)) == 0)
    m = len(idx)
    opens = np.ones(m, bool)
    opens[1:] = idx[1:] != idx[:-1] + 1
    word_at = np.flatnonzero(opens)
    at = np.flatnonzero(opens | np.array(cuts[:m]))
    x0 = np.arange(m, dtype=np.float64)
    args = (text, idx, x0, x0 + 0.5, x0 * 0, np.arange(m), at, np.ones(len(at)), np.array(["F"] * len(at), object))
    sliced = pdffast._words_of(*args, np.empty(0, np.intp))
    assert pdffast._words_of(*args, word_at) == sliced
    if np.array_equal(at, word_at):
        assert [w.text for w in sliced] == pdffast._WORD.findall(text)
