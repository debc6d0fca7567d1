"""The compiled helper (_pdfchars) against the ctypes calls it stands in for.

pdffast asks PDFium about a page's characters and path objects through the compiled
helper when it is built, and through ctypes when it is not; both must give the same
words and paths on every sample page (upright and turned), fail where the other fails
(a failed call sends the page the character by character way), and the extraction must
run the same with the helper hidden. The helper's page_words, which works a whole page's
words out in C, must give the numpy code's words wherever it answers (and answer on every
sample page), on real pages and generated ones.
"""

from __future__ import annotations

import ctypes
import importlib
import io
import sys

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from conftest import CORPUS, PLAN_STEMS
from hypothesis import given, settings
from hypothesis import strategies as st
from test_readers import _one_page_pdf
from test_rotation import turned

from extract import readers
from extract.pipeline import extract_bytes
from extract.readers import pdffast
from extract.readers.pdflayout import Frame, Word
from extract.settings import DEFAULT_SETTINGS

S = DEFAULT_SETTINGS
compiled = pytest.mark.skipif(pdffast._pdfchars is None, reason="the compiled helper is not built (no C compiler)")


def _each_page(data: bytes):
    pdf = pdfium.PdfDocument(data)
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            try:
                yield page, textpage
            finally:
                textpage.close()
                page.close()
    finally:
        pdf.close()


def _both_ways(monkeypatch, read):
    """read() with the compiled helper, then with the ctypes calls."""
    got = read()
    with monkeypatch.context() as m:
        m.setattr(pdffast, "_pdfchars", None)
        return got, read()


def _variants(stem: str, quarter: int) -> list[bytes]:
    data = (CORPUS / "office" / f"{stem}.pdf").read_bytes()
    return [data] if quarter == 0 else [turned(data, quarter), turned(data, quarter, mark=False, pages={0})]


@compiled
@pytest.mark.parametrize("stem", PLAN_STEMS)
@pytest.mark.parametrize("quarter", [0, 1, 2, 3])
def test_compiled_and_ctypes_readings_agree_on_every_sample_page(stem, quarter, monkeypatch):
    for data in _variants(stem, quarter):
        for page, textpage in _each_page(data):
            text = pdffast._page_text(textpage)
            frames = Frame.all(page.get_bbox())
            words, ctypes_words = _both_ways(monkeypatch, lambda: pdffast._bulk_words(textpage, text, frames, S))
            assert words is not None
            assert words == ctypes_words
            paths, ctypes_paths = _both_ways(monkeypatch, lambda: pdffast.path_bounds(page))
            assert paths == ctypes_paths


@compiled
@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 400), max_size=60), st.lists(st.integers(-3, 1 << 20), max_size=2), st.randoms())
def test_each_bulk_question_answers_as_through_ctypes(indexes, stray, random):
    """Any characters, in any order, those PDFium made up included (no text object), and
    maybe one or two out of range (the calls fail there: no box, no object, no origin; a
    NaN matrix)."""
    data = (CORPUS / "office" / f"{PLAN_STEMS[0]}.pdf").read_bytes()
    indexes = indexes + stray
    random.shuffle(indexes)
    idx = np.array(indexes, np.int64)
    for page, textpage in _each_page(data):
        fast, slow = pdffast._CompiledReads(textpage), pdffast._CtypesReads(textpage)
        a, b = fast.boxes_objects(idx), slow.boxes_objects(idx)
        assert (a is None) == (b is None)
        if a is not None:
            assert np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1])
            assert np.array_equal(fast.fonts(a[1]), slow.fonts(b[1]))
        assert np.array_equal(fast.matrices(idx), slow.matrices(idx), equal_nan=True)
        a, b = fast.origins(idx), slow.origins(idx)
        assert (a is None) == (b is None) and (a is None or np.array_equal(a, b))
        assert np.array_equal(fast.font_sizes(idx), slow.font_sizes(idx), equal_nan=True)
        assert np.array_equal(fast.generated(idx), slow.generated(idx))
        break


def _failing_at(fn, restype, argtypes, index: int):
    """A C callback that answers as `fn` except for character `index`, where it fails (0)."""
    real = ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(fn, ctypes.c_void_p).value)

    def call(textpage, i, *rest):
        return 0 if i == index else real(textpage, i, *rest)

    return ctypes.CFUNCTYPE(restype, *argtypes)(call)


_PAGE = b"BT /F1 12 Tf 72 700 Td (Muc tieu giam ngheo) Tj ET BT /F1 10 Tf 72 680 Td (nam 2025) Tj ET"


@compiled
@pytest.mark.parametrize(
    "name, char, fn, restype, argtypes",
    [
        (
            "_C_LOOSE_BOX",
            "g",
            pdfium_c.FPDFText_GetLooseCharBox,
            ctypes.c_int,
            [ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p],
        ),
        ("_C_TEXT_OBJECT", "g", pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p, [ctypes.c_void_p, ctypes.c_int]),
        (
            "_C_CHAR_ORIGIN",
            "M",  # the character that registers its text object: its origin is the baseline
            pdfium_c.FPDFText_GetCharOrigin,
            ctypes.c_int,
            [ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p],
        ),
    ],
)
def test_a_failed_compiled_call_takes_the_character_by_character_way(name, char, fn, restype, argtypes, monkeypatch):
    """A call failing for one character (a C callback standing in for PDFium's function):
    no bulk reading, and page_words gives the glyph by glyph words."""
    for page, textpage in _each_page(_one_page_pdf(_PAGE)):
        want = pdffast.glyph_words(pdffast.page_glyphs(page, S.pdf_word_gap), S)
        text = pdffast._page_text(textpage)
        frames = Frame.all(page.get_bbox())
        assert pdffast._bulk_words(textpage, text, frames, S) is not None
        failing = _failing_at(fn, restype, argtypes, text.index(char))
        monkeypatch.setattr(pdffast, name, ctypes.cast(failing, ctypes.c_void_p).value)
        assert pdffast._bulk_words(textpage, text, frames, S) is None
        assert pdffast.page_words(page, S) == want


@compiled
def test_a_failed_matrix_call_takes_the_character_by_character_way_both_ways(monkeypatch):
    """A failed matrix call is a NaN direction, which the bulk reading does not restate (the
    glyph reading takes it as upright): no bulk reading either way, and the glyph words."""
    args = [ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p]
    for page, textpage in _each_page(_one_page_pdf(_PAGE)):
        text = pdffast._page_text(textpage)
        frames = Frame.all(page.get_bbox())
        want = pdffast._bulk_words(textpage, text, frames, S)
        failing = _failing_at(pdfium_c.FPDFText_GetMatrix, ctypes.c_int, args, 0)
        monkeypatch.setattr(pdffast, "_C_MATRIX", ctypes.cast(failing, ctypes.c_void_p).value)
        monkeypatch.setattr(pdffast, "_MATRIX", failing)
        assert _both_ways(monkeypatch, lambda: pdffast._bulk_words(textpage, text, frames, S)) == (None, None)
        assert _both_ways(monkeypatch, lambda: pdffast.page_words(page, S)) == (want, want)


def _nested_forms(depth: int) -> bytes:
    """Page k draws page k-1 as a Form XObject between two rules of its own, so the last
    page nests `depth` forms."""
    pdf = pdfium.PdfDocument.new()
    for k in range(depth + 1):
        page = pdf.new_page(200, 200)
        for y in (20, 40):
            path = pdfium_c.FPDFPageObj_CreateNewRect(10 + k, y, 50 + 10 * k, 1)
            pdfium_c.FPDFPath_SetDrawMode(path, pdfium_c.FPDF_FILLMODE_NONE, True)
            pdfium_c.FPDFPage_InsertObject(page.raw, path)
            if k and y == 20:
                page.insert_obj(pdf.page_as_xobject(k - 1, pdf).as_pageobject())
        page.gen_content()
        page.close()
    out = io.BytesIO()
    pdf.save(out)
    pdf.close()
    return out.getvalue()


@compiled
@pytest.mark.parametrize("max_depth", [1, 2, 3, 4, 6])
def test_path_walk_goes_into_forms_in_order_as_get_objects(max_depth, monkeypatch):
    pdf = pdfium.PdfDocument(_nested_forms(4))
    page = pdf[len(pdf) - 1]
    want = [
        tuple(obj.get_bounds()) for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=max_depth)
    ]
    got, ctypes_got = _both_ways(monkeypatch, lambda: pdffast.path_bounds(page, max_depth))
    assert got == ctypes_got == want
    assert len(got) == 2 * min(max_depth, 5)
    page.close()
    pdf.close()


_BOUNDS = ctypes.CFUNCTYPE(ctypes.c_int, *[ctypes.c_void_p] * 5)
_GET = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)


@compiled
@pytest.mark.parametrize(
    "slot, bare, callback, message",
    [
        (5, "_OBJ_BOUNDS", _BOUNDS(lambda *args: 0), "Failed to locate pageobject."),
        (1, "_PAGE_OBJECT", _GET(lambda page, i: None), "Failed to get pageobject."),
    ],
)
def test_a_failed_path_walk_call_raises_as_through_ctypes(slot, bare, callback, message, monkeypatch):
    pdf = pdfium.PdfDocument(_nested_forms(1))
    page = pdf[1]
    functions = list(pdffast._PATH_FUNCTIONS)
    functions[slot] = ctypes.cast(callback, ctypes.c_void_p).value
    monkeypatch.setattr(pdffast, "_PATH_FUNCTIONS", tuple(functions))
    monkeypatch.setattr(pdffast, bare, callback)
    with pytest.raises(pdfium.PdfiumError, match=message):
        pdffast.path_bounds(page)
    monkeypatch.setattr(pdffast, "_pdfchars", None)
    with pytest.raises(pdfium.PdfiumError, match=message):
        pdffast.path_bounds(page)
    page.close()
    pdf.close()


@compiled
def test_the_helper_refuses_arguments_it_cannot_use():
    helper = pdffast._pdfchars
    idx = np.arange(3, dtype=np.int64)
    box, objects = np.empty((3, 4)), np.empty(3, np.uint64)
    fn = pdffast._C_LOOSE_BOX
    with pytest.raises(ValueError):
        helper.char_boxes(fn, pdffast._C_TEXT_OBJECT, 0, idx, box, objects)  # no text page
    with pytest.raises(TypeError):
        helper.char_boxes(fn, pdffast._C_TEXT_OBJECT, 1, idx.astype(np.int32), box, objects)
    with pytest.raises(TypeError):
        helper.char_boxes(fn, pdffast._C_TEXT_OBJECT, 1, idx, box.astype(np.float32), objects)
    with pytest.raises(ValueError):
        helper.char_boxes(fn, pdffast._C_TEXT_OBJECT, 1, idx, box[:2], objects)
    with pytest.raises(ValueError):
        helper.char_origins(pdffast._C_CHAR_ORIGIN, 1, idx, np.empty((3, 2))[:, ::-1])  # not contiguous
    with pytest.raises(TypeError):
        helper.path_bounds(pdffast._PATH_FUNCTIONS[:5], 1, 15)
    for page, textpage in _each_page(_one_page_pdf(_PAGE)):
        tp = pdffast._address(textpage.raw)
        with pytest.raises(OverflowError):
            helper.char_boxes(fn, pdffast._C_TEXT_OBJECT, tp, np.array([1 << 40]), box[:1], objects[:1])


@compiled
def test_the_helpers_object_types_are_pdfiums():
    helper = pdffast._pdfchars
    assert (helper.PAGEOBJ_UNKNOWN, helper.PAGEOBJ_PATH, helper.PAGEOBJ_FORM) == (
        pdfium_c.FPDF_PAGEOBJ_UNKNOWN,
        pdfium_c.FPDF_PAGEOBJ_PATH,
        pdfium_c.FPDF_PAGEOBJ_FORM,
    )


def test_extraction_runs_the_same_with_the_helper_hidden(monkeypatch):
    """Where the helper is not built, pdffast imports without it and reads through ctypes."""
    data = (CORPUS / "office" / f"{PLAN_STEMS[1]}.pdf").read_bytes()
    want = extract_bytes(data, "plan.pdf")
    try:
        with monkeypatch.context() as m:
            m.setitem(sys.modules, "extract.readers._pdfchars", None)  # import fails, as when never built
            m.delattr(readers, "_pdfchars", raising=False)
            importlib.reload(pdffast)
            assert pdffast._pdfchars is None
            asked = []
            boxes_objects = pdffast._CtypesReads.boxes_objects
            m.setattr(
                pdffast._CtypesReads, "boxes_objects", lambda self, idx: asked.append(idx) or boxes_objects(self, idx)
            )
            assert extract_bytes(data, "plan.pdf") == want
            assert asked
    finally:
        importlib.reload(pdffast)


def _array_and_bulk(data: bytes):
    """Per page: (the numpy working out, _bulk_words, the helper's page_words answer)."""
    out = []
    for page, textpage in _each_page(data):
        text = pdffast._page_text(textpage)
        if not text:
            continue
        frames = Frame.all(page.get_bbox())
        tp = pdffast._address(textpage.raw)
        answer = pdffast._pdfchars.page_words(
            pdffast._page_functions(),
            tp,
            text,
            pdffast._NOT_WORD,
            frames[0],
            S.pdf_line_tolerance,
            S.pdf_word_gap,
            Word,
        )
        out.append(
            (pdffast._array_words(textpage, text, frames, S), pdffast._bulk_words(textpage, text, frames, S), answer)
        )
    return out


@compiled
@pytest.mark.parametrize("stem", PLAN_STEMS)
@pytest.mark.parametrize("quarter", [0, 1, 2, 3])
def test_every_sample_page_is_worked_out_by_the_helper_as_with_numpy(stem, quarter):
    """Every sample page, upright or turned, is the helper's, with numpy's words to the last
    bit (the same types, the directions in the same order)."""
    for data in _variants(stem, quarter):
        for want, got, answer in _array_and_bulk(data):
            assert answer is not None
            assert got == want and list(got[1]) == list(want[1])
            for words in got[1].values():
                assert {tuple(map(type, w)) for w in words} == {(str, float, float, float, float, str)}


_segments = st.lists(
    st.tuples(
        st.floats(40, 120, allow_nan=False, width=32),
        st.sampled_from([700.0, 700.4, 702.0, 690.0]),
        st.sampled_from([8, 12]),
        st.sampled_from([0.0, 0.5, 3.0, 6.0]),
        st.sampled_from([0.0, 0.0, 0.3, 2.5]),
        st.text("ab -\xe9", min_size=1, max_size=6),
        st.sampled_from([0, 0, 0, 1, 2, 3]),
        st.one_of(st.none(), st.tuples(st.floats(0, 1.5, width=32), st.floats(0, 1.5, width=32))),
    ),
    min_size=1,
    max_size=12,
)


@compiled
@settings(max_examples=120, deadline=None)
@given(_segments)
def test_the_helper_works_out_any_page_as_numpy_does(segments):
    """Text objects anywhere, overlapping (steps back), drawn twice a little apart (twins
    for dedupe, or not quite), letter spaced, raised (Ts), on baselines within the line
    tolerance or not, turned any quarter: the helper
    gives numpy's words where it answers, and leaves the page to numpy where it does not."""
    content = b""
    for x, y, size, spacing, rise, text, quarter, twin in segments:
        a, b = ((1, 0), (0, 1), (-1, 0), (0, -1))[quarter]
        body = text.encode("latin-1").replace(b"(", b"").replace(b")", b"")
        at = b"%d %d %d %d %.2f %.2f Tm" % (a, b, -b, a, x + 150 * quarter, y - 150 * quarter)
        for shift in [b""] if twin is None else [b"", b"1 0 0 1 %.2f %.2f cm " % twin]:  # PDFium keeps a twin so
            content += b"q %sBT /F1 %d Tf %.1f Tc %.1f Ts %s (%s) Tj ET Q " % (shift, size, spacing, rise, at, body)
    for want, got, answer in _array_and_bulk(_one_page_pdf(content)):
        assert got == want
        if answer is not None:
            assert answer == want and list(answer[1]) == list(want[1])


@compiled
def test_a_font_name_longer_than_the_glyph_readings_buffer_is_left_to_numpy(monkeypatch):
    """A name the glyph reading cannot hold (a stand-in for PDFium's function says it is one
    byte over the buffer): the helper leaves the page to numpy, which reads no bulk words."""
    kind = ctypes.CFUNCTYPE(ctypes.c_ulong, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_ulong)
    too_long = kind(lambda font, buffer, length: pdffast._NAME_BUFFER + 1)
    monkeypatch.setattr(pdffast, "_C_FONT_NAME", ctypes.cast(too_long, ctypes.c_void_p).value)
    monkeypatch.setattr(pdffast, "_FONT_NAME", too_long)
    for want, got, answer in _array_and_bulk(_one_page_pdf(_PAGE)):
        assert answer is None and want is None and got is None
