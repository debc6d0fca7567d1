"""Words of a PDF page from pypdfium2, the fast text backend.

pdfplumber (pdfminer) interprets every page in Python and reads about ten pages a second
on a small machine; PDFium does the same work in C, tens of times faster. This module
only turns PDFium's characters into the words the pdfplumber backend's glyph records
(text, horizontal extent, baseline, size, font name) give, so that everything after it —
lines, paragraphs, the header block — is one code path whichever backend read the page,
and the two can be compared on the sample corpus.

Asking PDFium about one character is a C call, and a Python loop around each call cost
more than PDFium's own reading of the page. So page_words asks each question of all the
page's characters at once (loose boxes, text objects, then per text object its font, size,
direction and baseline; origins only where a box's bottom or turned text needs them) and
cuts words with numpy, as words() would cut the glyphs the character by character reading
(page_glyphs) gives; a page with something the bulk reading does not restate goes that
way instead.

Even mapped over preallocated buffers, each ctypes call costs thousands of instructions
outside PDFium (millions of calls on a few hundred pages, more time than PDFium's own
answers), so a small compiled helper (_pdfchars.c, built by setup.py where a C compiler
is found) asks each question of a page's characters in one call, looping in C over the
very PDFium functions pypdfium2 loaded (passed by address); it also walks the page's
path objects for path_bounds, and works out a page's words as the numpy code does, in
one call (numpy's per-call overhead had become most of the cost). Where it is not built, the same questions go through
ctypes (_CtypesReads, the walk in path_bounds), with the same answers: the tests compare
the two on every sample page. The character by character reading stays ctypes.

Each word is given in the upright frame of its own text direction (see pdflayout.Frame):
text drawn turned a quarter or upside down (a landscape annex on a page marked /Rotate, a
table set sideways in a portrait page) reads left to right, top to bottom there, as
upright text does in the page's frame. The direction comes from the text object's matrix,
which the PDF states; nothing is guessed from the letters. White space PDFium inserts
itself after turned text is dropped (it sees a new line at every text object there, even
inside a word); the layout finds the word and line breaks of turned text from geometry
(gaps, baselines) instead.

It also says, cheaply, whether a page draws any straight path at all: pages without ruling
lines cannot hold a ruled table, so pdfplumber's table finder (the slow part worth keeping)
only runs on pages that have them.
"""

from __future__ import annotations

import ctypes
import re
import struct
import threading
from itertools import repeat

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extract.readers.pdflayout import Frame, Glyph, Word, words
from extract.settings import DEFAULT_SETTINGS, Settings

try:  # built by setup.py where a C compiler is found; else the same questions go through ctypes
    from extract.readers import _pdfchars
except ImportError:
    _pdfchars = None

# Paths thinner than this (points) in one direction are drawn rules: table borders.
_RULE_THICKNESS = 2.0
_MIN_RULE_LENGTH = 5.0
# PDFium reports a hyphen that ends a line as U+0002 (U+FFFE in its text range), its "soft
# hyphen" marker; it is the printed hyphen of "59-" / "KH/HU", so it is read back as one.
_HYPHENS = {"\x02": "-", "\xad": "-", "\ufffe": "-"}
# a word as PDFium shows it: characters between white space (str.isspace, as re's \s is) and the
# non-characters PDFium marks
_WORD = re.compile(r"[^\s\x00\uffff]+")


def open_document(data: bytes) -> pdfium.PdfDocument:
    """Open with PDFium; PdfiumError (with its err_code) tells damaged from encrypted."""
    return pdfium.PdfDocument(data)


def is_password_error(error: Exception) -> bool:
    code = getattr(error, "err_code", None)
    return code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY)


def has_rules(bounds: list[tuple[float, float, float, float]]) -> bool:
    """True when the paths (path_bounds of a page) hold at least one horizontal and one vertical rule."""
    horizontal = vertical = False
    for left, bottom, right, top in bounds:
        w, h = right - left, top - bottom
        if h < _RULE_THICKNESS and w >= _MIN_RULE_LENGTH:
            horizontal = True
        elif w < _RULE_THICKNESS and h >= _MIN_RULE_LENGTH:
            vertical = True
        elif w >= _MIN_RULE_LENGTH and h >= _MIN_RULE_LENGTH:
            # a rectangle path (a cell border drawn as one box) carries both directions
            horizontal = vertical = True
        if horizontal and vertical:
            return True
    return False


def path_bounds(page: pdfium.PdfPage, max_depth: int = 15) -> list[tuple[float, float, float, float]]:
    """(left, bottom, right, top) of every path object, inside Form XObjects too, in the order
    pypdfium2's page.get_objects(filter=[PATH]) lists them.

    Straight C calls: get_objects wraps every object of the page, text included, in a Python
    object before filtering, and on a page of a thousand ruled cells that cost more than
    finding the table. The compiled helper (_pdfchars) walks the objects in one call; without
    it, the types of a page's (or a form's) objects are asked in bulk (map over the C
    functions through ctypes), and only paths and forms are looked at one by one.
    """
    if _pdfchars is not None:
        out, status = _pdfchars.path_bounds(_PATH_FUNCTIONS, _address(page.raw), max_depth)
        if status:
            raise pdfium.PdfiumError(_PATH_ERRORS[status])
        return out
    out: list[tuple[float, float, float, float]] = []
    bounds = (ctypes.c_float * 4)()
    pointers = [ctypes.c_void_p(ctypes.addressof(bounds) + 4 * k) for k in range(4)]
    path, form, unknown = pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM, pdfium_c.FPDF_PAGEOBJ_UNKNOWN

    def walk(parent, count, get, level: int) -> None:
        n = count(parent)
        # each handle is let go at once: holding a page's worth of them (ctypes objects, which
        # the garbage collector tracks) woke the collector several times a page
        kinds = list(map(_OBJ_TYPE, map(get, repeat(parent, n), range(n))))
        if path not in kinds and form not in kinds and unknown not in kinds:
            return
        for i, kind in enumerate(kinds):
            if kind == path:
                if not _OBJ_BOUNDS(get(parent, i), *pointers):
                    raise pdfium.PdfiumError(_PATH_ERRORS[1])
                out.append(_read_rect(bounds))
            elif kind == form:
                if level < max_depth - 1:
                    walk(get(parent, i), _FORM_COUNT, _FORM_OBJECT, level + 1)
            elif kind == unknown and not get(parent, i):  # PDFium reports no handle as of unknown type
                raise pdfium.PdfiumError(_PATH_ERRORS[2])

    walk(page.raw, _PAGE_COUNT, _PAGE_OBJECT, 0)
    return out


class _Handle(ctypes.c_void_p):
    """A C pointer a bare call returns as is: ctypes turns a plain c_void_p result into a Python
    int, which a bare call would then pass on as a 32-bit C int."""


_PAGE_OBJECT = ctypes.CFUNCTYPE(_Handle)(ctypes.cast(pdfium_c.FPDFPage_GetObject, ctypes.c_void_p).value)
_FORM_OBJECT = ctypes.CFUNCTYPE(_Handle)(ctypes.cast(pdfium_c.FPDFFormObj_GetObject, ctypes.c_void_p).value)


def _bare(fn, restype):
    """The same C function, called without ctypes checking each argument against argtypes.

    That check is most of the cost of a call; these are made once or twice per character,
    always with arguments that are C values already (handles, buffer pointers, an index).
    """
    return ctypes.CFUNCTYPE(restype)(ctypes.cast(fn, ctypes.c_void_p).value)


_TEXT_OBJECT = _bare(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p)
_LOOSE_BOX = _bare(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_int)
_CHAR_ORIGIN = _bare(pdfium_c.FPDFText_GetCharOrigin, ctypes.c_int)
_MATRIX = _bare(pdfium_c.FPDFText_GetMatrix, ctypes.c_int)
_PAGE_COUNT = _bare(pdfium_c.FPDFPage_CountObjects, ctypes.c_int)
_FORM_COUNT = _bare(pdfium_c.FPDFFormObj_CountObjects, ctypes.c_int)
_OBJ_TYPE = _bare(pdfium_c.FPDFPageObj_GetType, ctypes.c_int)
_OBJ_BOUNDS = _bare(pdfium_c.FPDFPageObj_GetBounds, ctypes.c_int)
_void_p = ctypes.c_void_p
_OBJ_FONT = ctypes.CFUNCTYPE(_void_p, _void_p)(ctypes.cast(pdfium_c.FPDFTextObj_GetFont, _void_p).value)
_FONT_NAME = ctypes.CFUNCTYPE(ctypes.c_ulong, _void_p, _void_p, ctypes.c_ulong)(
    ctypes.cast(pdfium_c.FPDFFont_GetBaseFontName, _void_p).value
)
_FONT_SIZE = ctypes.CFUNCTYPE(ctypes.c_double, _void_p, ctypes.c_int)(
    ctypes.cast(pdfium_c.FPDFText_GetFontSize, _void_p).value
)
_new_glyph = tuple.__new__


def _address(pointer) -> int:
    """The address of a ctypes pointer or function, as the compiled helper takes it."""
    return ctypes.cast(pointer, _void_p).value


# FPDFPage_CountObjects, FPDFPage_GetObject, FPDFFormObj_CountObjects, FPDFFormObj_GetObject,
# FPDFPageObj_GetType, FPDFPageObj_GetBounds: the functions _pdfchars.path_bounds walks with
_PATH_FUNCTIONS = tuple(
    _address(fn)
    for fn in (
        pdfium_c.FPDFPage_CountObjects,
        pdfium_c.FPDFPage_GetObject,
        pdfium_c.FPDFFormObj_CountObjects,
        pdfium_c.FPDFFormObj_GetObject,
        pdfium_c.FPDFPageObj_GetType,
        pdfium_c.FPDFPageObj_GetBounds,
    )
)
_PATH_ERRORS = {1: "Failed to locate pageobject.", 2: "Failed to get pageobject."}
_read_rect = struct.Struct("4f").unpack_from  # FS_RECTF: left, top, right, bottom; or 4 floats of bounds
_read_ab = struct.Struct("2f").unpack_from  # FS_MATRIX: a, b (the baseline's direction), ...


def page_glyphs(page: pdfium.PdfPage, gap: float = DEFAULT_SETTINGS.pdf_word_gap) -> list[Glyph | None]:
    """The page's text in content order, as runs of characters; None marks white space (a word break).

    The character by character reading (see _PageReader), which page_words falls back on
    and is checked against.
    """
    textpage = page.get_textpage()
    try:
        return _PageReader(textpage, Frame.all(page.get_bbox()), gap).read(_page_text(textpage))
    finally:
        textpage.close()


def page_words(
    page: pdfium.PdfPage, settings: Settings = DEFAULT_SETTINGS, frames: tuple[Frame, ...] | None = None
) -> tuple[list[int], dict[int, list[Word]]]:
    """The page's words per text direction, and how many characters each direction has.

    What words(page_glyphs(page)) gives (per direction, as pdf.py lays each direction out
    on its own: a glyph of another direction is a word break), read in bulk: every
    character's loose box and text object, and the font, size, direction and baseline of
    each text object from the character that registers it (see `_bulk_words`). A page
    with something the bulk reading does not restate (a character without a text object,
    a failed call, a glyph with a near twin for dedupe, NaN coordinates, a character read
    on its own that lies in another object than its run's) is read character by character.
    `frames` are the page's (Frame.all of its box), when the caller has them already.
    """
    textpage = page.get_textpage()
    try:
        frames = frames or Frame.all(page.get_bbox())
        text = _page_text(textpage)
        got = _bulk_words(textpage, text, frames, settings) if text else ([0, 0, 0, 0], {})
        if got is None:
            got = glyph_words(_PageReader(textpage, frames, settings.pdf_word_gap).read(text), settings)
    finally:
        textpage.close()
    return got


def glyph_words(glyphs: list[Glyph | None], settings: Settings) -> tuple[list[int], dict[int, list[Word]]]:
    """Characters per direction and words per direction of a page's glyphs (page_glyphs)."""
    counts = [0, 0, 0, 0]
    for g in glyphs:
        if g is not None:
            counts[g[6]] += len(g[0])
    present = [d for d in range(4) if counts[d]]
    if len(present) == 1:
        return counts, {present[0]: words(glyphs, settings)}
    return counts, {d: words([g if g is None or g[6] == d else None for g in glyphs], settings) for d in present}


def _page_text(textpage) -> str:
    """The page's characters, one per char index, the hyphen markers read as "-"."""
    n = textpage.count_chars()
    text = textpage.get_text_range(0, n) if n else ""
    if len(text) != n:  # not one code point per char index (surrogate pairs)
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage, i)) for i in range(n))
    for marker in _HYPHENS:  # one character for one: character i stays at index i
        if marker in text:  # str.translate costs more than looking, on non-ASCII text
            text = text.replace(marker, "-")
    return text


class _PageReader:
    """The character by character reading of a page: glyphs, as words() and dedupe take them.

    A word as PDFium's text shows it (characters between two white spaces) that lies in
    one upright text object is read in runs: a text object has one font, size and baseline,
    so only each character's loose box is asked (one C call), and characters join a run
    until the gap or step back at which words() would cut. PDFium does not insert a space
    at every such gap (a figure and its unit set apart by kerning inside one object), so
    the boxes are still read. An object is registered (font, size, direction, baseline)
    from the first character of its first run; pages often set every word as an object.

    Per character (words across several objects' runs that cannot be read so, turned text):
    the font name, size and text direction are asked once per text object. So is the
    baseline of upright text: a character whose loose box has the same top and bottom as
    the object's first character shares its baseline (the box is the baseline plus the
    font's ascent and descent), and only one that does not (a font without metrics) has its
    own origin asked for; turned text asks every glyph's origin.
    """

    def __init__(self, textpage, frames, gap: float) -> None:
        self.gap = gap
        self.textpage = textpage
        self.frames = frames
        self.top_edge = frames[0].top
        self.tp = ctypes.c_void_p(ctypes.cast(textpage.raw, ctypes.c_void_p).value)
        self.rect = pdfium_c.FS_RECTF()
        self.matrix = pdfium_c.FS_MATRIX()
        self.ox, self.oy = ctypes.c_double(), ctypes.c_double()
        self.rect_p, self.ox_p, self.oy_p, self.matrix_p = (
            ctypes.c_void_p(ctypes.addressof(v)) for v in (self.rect, self.ox, self.oy, self.matrix)
        )
        self.name_buf = ctypes.create_string_buffer(256)
        self.fonts: dict[int | None, str] = {}
        self.upright: dict[int, tuple[str, float, float, float, float]] = {}
        self.turned: dict[int, tuple[str, float, int]] = {}
        self.out: list[Glyph | None] = []

    def read(self, text: str) -> list[Glyph | None]:
        """The glyphs of the page's characters `text` (as _page_text gives them)."""
        out = self.out
        append = out.append
        tp = self.tp
        pos = 0
        for m in _WORD.finditer(text):
            a, b = m.span()
            if a > pos:
                last = out[-1] if out else None
                if last is None or not last[6]:
                    append(None)  # one break stands for the whole white space (words() cuts once)
                else:
                    for i in range(pos, a):
                        if pdfium_c.FPDFText_IsGenerated(self.textpage, i) != 1:
                            append(None)
                            break
            pos = b
            obj = _TEXT_OBJECT(tp, a) or 0
            if b - a > 1 and (_TEXT_OBJECT(tp, b - 1) or 0) != obj:
                self.pieces(text, a, b)
            else:
                self.piece(text, a, b, obj)
        if len(text) > pos:
            append(None)
        return out

    def _scan(self, text: str, a: int, b: int, info: tuple, start: tuple | None = None) -> None:
        """Characters a..b-1 of one upright text object, known already (`info`), as glyphs of
        several characters; `start` is the box (left, right) of character a-1 when it opened
        the first glyph already.

        Only each character's loose box is asked (one C call): a text object has one font,
        size and baseline. A run is cut where words() would cut it (a gap wider than `gap`,
        a step back), so the words are those of reading each character on its own; a box
        with another bottom than the object's (the bottom is the baseline plus the font's
        descent; the top is not compared, as PDFium widens a box to a tall letter's own
        outline) is a character to read on its own.
        """
        tp, rect, rect_p, gap, bottom_of = self.tp, self.rect, self.rect_p, self.gap, info[3]
        out, base, size, font = self.out, info[4], info[1], info[0]
        s = a - 1 if start else a
        x0, x1 = start if start else (0.0, 0.0)
        for k in range(a, b):
            _LOOSE_BOX(tp, k, rect_p)
            left, _, right, bottom = _read_rect(rect)
            if bottom != bottom_of:
                if k > s:
                    out.append(_new_glyph(Glyph, (text[s:k], x0, x1, base, size, font, 0)))
                self.char(text[k], k)
                s = k + 1
                continue
            if k > s and left >= x0 and left - x1 <= gap:
                if right > x1:
                    x1 = right
                continue
            if k > s:
                out.append(_new_glyph(Glyph, (text[s:k], x0, x1, base, size, font, 0)))
            s, x0, x1 = k, left, right
        if b > s:
            out.append(_new_glyph(Glyph, (text[s:b], x0, x1, base, size, font, 0)))

    def pieces(self, text: str, a: int, b: int) -> None:
        """A word drawn by several text objects: one glyph per object's run of it, a
        character at a time where run() cannot tell (the first character of an object
        not seen yet registers it)."""
        tp = self.tp
        objs = [_TEXT_OBJECT(tp, k) or 0 for k in range(a, b)]
        k = a
        while k < b:
            obj = objs[k - a]
            e = k + 1
            while e < b and objs[e - a] == obj:
                e += 1
            self.piece(text, k, e, obj)
            k = e

    def piece(self, text: str, a: int, b: int, obj: int) -> None:
        """Characters a..b-1 of one text object: in runs when it is upright, else one by
        one. An object not seen yet (pages often set each word as one) is registered from
        its first character, which opens the first run."""
        if obj and obj not in self.upright and obj not in self.turned:
            _LOOSE_BOX(self.tp, a, self.rect_p)
            left, top, right, bottom = _read_rect(self.rect)
            _CHAR_ORIGIN(self.tp, a, self.ox_p, self.oy_p)
            info = self._object_info(obj, a, top, bottom)
            if len(info) == 5:
                self._scan(text, a + 1, b, info, start=(left, right))
                return
            self.out.append(
                _turned_glyph(text[a], left, top, right, bottom, self.ox.value, self.oy.value, info, self.frames)
            )
            a += 1
        else:
            info = self.upright.get(obj) if obj else None
            if info is not None:
                self._scan(text, a, b, info)
                return
        for i in range(a, b):
            self.char(text[i], i)

    def char(self, ch: str, i: int) -> None:
        tp, oy = self.tp, self.oy
        obj = _TEXT_OBJECT(tp, i) or 0
        _LOOSE_BOX(tp, i, self.rect_p)
        left, top, right, bottom = _read_rect(self.rect)
        info = self.upright.get(obj)
        if info is None or info[2] != top or info[3] != bottom or not obj:
            _CHAR_ORIGIN(tp, i, self.ox_p, self.oy_p)
            if info is None:
                info = self.turned.get(obj)
                if info is None or not obj:
                    info = self._object_info(obj, i, top, bottom)
                if len(info) == 3:
                    self.out.append(
                        _turned_glyph(ch, left, top, right, bottom, self.ox.value, oy.value, info, self.frames)
                    )
                    return
            base = self.top_edge - oy.value
        else:
            base = info[4]
        self.out.append(_new_glyph(Glyph, (ch, left, right, base, info[1], info[0], 0)))

    def _object_info(self, obj: int, i: int, top: float, bottom: float) -> tuple:
        """Font name, size and direction of the text object drawing character i (its origin
        asked already). Pages set a word per text object, so this runs for most words: the
        calls skip ctypes' argument checks, and a font's name is asked once per page."""
        font = _OBJ_FONT(obj) if obj else None
        name = self.fonts.get(font)
        if name is None:
            length = _FONT_NAME(font, self.name_buf, len(self.name_buf)) if font else 0
            name = self.fonts[font] = self.name_buf.raw[: max(length - 1, 0)].decode("utf-8", "replace")
        direction = 0
        if obj and _MATRIX(self.tp, i, self.matrix_p):
            a, b = _read_ab(self.matrix)
            if b or a < 0:
                direction = _direction(a, b)
        size = _FONT_SIZE(self.tp, i)
        if direction == 0:
            info = (name, size, top, bottom, self.top_edge - self.oy.value)
            self.upright[obj] = info
        else:
            info = (name, size, direction)
            self.turned[obj] = info
        return info


def _turned_glyph(
    ch: str, left: float, top: float, right: float, bottom: float, ox: float, oy: float, info: tuple, frames
) -> Glyph:
    """A glyph of turned text in its direction's frame: extent along the baseline, baseline from the origin."""
    name, size, direction = info
    if direction == 2:
        x0, x1 = -right, -left
    elif direction == 1:
        x0, x1 = bottom, top
    else:
        x0, x1 = -top, -bottom
    frame = frames[direction]
    return Glyph(ch, x0 - frame.shift, x1 - frame.shift, frame.base(ox, oy), size, name, direction)


def _direction(a: float, b: float) -> int:
    """The quarter turn (0-3, anticlockwise in PDF space) nearest a text matrix's baseline."""
    if abs(a) >= abs(b):
        return 0 if a >= 0 else 2
    return 1 if b > 0 else 3


# --- the bulk reading ---------------------------------------------------------------------

_TEXT_OBJECT_INT = _bare(pdfium_c.FPDFText_GetTextObject, ctypes.c_size_t)  # NULL as 0, for numpy
_OBJ_FONT_INT = ctypes.CFUNCTYPE(ctypes.c_size_t, _void_p)(ctypes.cast(pdfium_c.FPDFTextObj_GetFont, _void_p).value)
_FONT_SIZE_BARE = _bare(pdfium_c.FPDFText_GetFontSize, ctypes.c_double)
_IS_GENERATED = _bare(pdfium_c.FPDFText_IsGenerated, ctypes.c_int)
_NAME_BUFFER = 256
_HANDLE = ctypes.POINTER(ctypes.c_ubyte)
_MAX_ROUNDS = 32
# characters that are no part of a word (what _WORD does not match), by code point; code
# points past the table (none is white space) are looked up at its last entry, False
_NOT_WORD = np.zeros(0x10001, bool)
_NOT_WORD[[c for c in range(0x3001) if chr(c).isspace()]] = True
_NOT_WORD[[0, 0xFFFF]] = True
_NOT_WORD_RE = re.compile(r"[\s\x00\uffff]+")


class _Buffers:
    """C buffers the bulk ctypes calls (_CtypesReads) write into, with an argument object
    made once per slot: the calls are mapped over lists of these, so no Python object is
    made per character. A page with more characters than the buffers hold is read in
    slices of them.

    The slots are ctypes arrays, and the text page goes as a ctypes pointer: ctypes passes
    those as they are, where a c_void_p argument is looked up in its table of formats on
    every call, a sixth of what a call costs.
    """

    def __init__(self, size: int = 4096) -> None:
        self.size = size
        self.box = (ctypes.c_float * (4 * size))()  # FS_RECTF each
        self.origin = (ctypes.c_double * (2 * size))()  # x, y each
        self.matrix = (ctypes.c_float * (6 * size))()  # FS_MATRIX each
        box, origin, matrix = (ctypes.addressof(b) for b in (self.box, self.origin, self.matrix))
        rect, point, affine = ctypes.c_float * 4, ctypes.c_double * 1, ctypes.c_float * 6
        self.box_p = [rect.from_address(box + 16 * k) for k in range(size)]
        self.ox_p = [point.from_address(origin + 16 * k) for k in range(size)]
        self.oy_p = [point.from_address(origin + 16 * k + 8) for k in range(size)]
        self.matrix_p = [affine.from_address(matrix + 24 * k) for k in range(size)]


_LOCAL = threading.local()  # each thread's _Buffers, made at its first page (not at import)


def _buffers() -> _Buffers:
    buffers = getattr(_LOCAL, "buffers", None)
    if buffers is None:
        buffers = _LOCAL.buffers = _Buffers()
    return buffers


def _slices(chars: list[int], size: int):
    return (chars[k : k + size] for k in range(0, len(chars), size)) if len(chars) > size else (chars,)


def _read_boxes(tp, chars: list[int]) -> np.ndarray | None:
    """(left, top, right, bottom) of each character's loose box; None when a call fails."""
    buffers, parts = _buffers(), []
    for part in _slices(chars, buffers.size):
        if 0 in list(map(_LOOSE_BOX, repeat(tp), part, buffers.box_p)):
            return None
        parts.append(np.frombuffer(buffers.box, np.float32, 4 * len(part)).reshape(-1, 4).astype(np.float64))
    return parts[0] if len(parts) == 1 else np.concatenate(parts)


def _read_origins(tp, chars: list[int]) -> np.ndarray | None:
    """(x, y) of each character's origin; None when a call fails."""
    buffers, parts = _buffers(), []
    for part in _slices(chars, buffers.size):
        if 0 in list(map(_CHAR_ORIGIN, repeat(tp), part, buffers.ox_p, buffers.oy_p)):
            return None
        parts.append(np.frombuffer(buffers.origin, np.float64, 2 * len(part)).reshape(-1, 2).copy())
    return parts[0] if len(parts) == 1 else np.concatenate(parts)


def _read_matrices(tp, chars: list[int]) -> np.ndarray:
    """(a, b) of each character's matrix (the baseline's direction); NaN where the call fails."""
    buffers, parts = _buffers(), []
    for part in _slices(chars, buffers.size):
        ok = np.fromiter(map(_MATRIX, repeat(tp), part, buffers.matrix_p), np.int64, len(part))
        ab = np.frombuffer(buffers.matrix, np.float32, 6 * len(part)).reshape(-1, 6)[:, :2].astype(np.float64)
        ab[ok == 0] = np.nan
        parts.append(ab)
    return parts[0] if len(parts) == 1 else np.concatenate(parts)


class _CtypesReads:
    """The bulk questions through ctypes: each call mapped over C buffers (_Buffers), so no
    Python object is made per character, but every call still costs thousands of
    instructions outside PDFium. What runs when the compiled helper is not built."""

    def __init__(self, textpage) -> None:
        self.tp = ctypes.cast(textpage.raw, _HANDLE)

    def boxes_objects(self, idx: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
        """Loose boxes (float64 n x 4) and text objects (uint64) of characters `idx`; None
        when a box call fails or a character has no object."""
        chars = idx.tolist()
        box = _read_boxes(self.tp, chars)
        if box is None:
            return None
        objects = np.fromiter(map(_TEXT_OBJECT_INT, repeat(self.tp), chars), np.uint64, len(chars))
        return (box, objects) if objects.all() else None

    def matrices(self, idx: np.ndarray) -> np.ndarray:
        return _read_matrices(self.tp, idx.tolist())

    def origins(self, idx: np.ndarray) -> np.ndarray | None:
        return _read_origins(self.tp, idx.tolist())

    def font_sizes(self, idx: np.ndarray) -> np.ndarray:
        return np.fromiter(map(_FONT_SIZE_BARE, repeat(self.tp), idx.tolist()), np.float64, len(idx))

    def fonts(self, objects: np.ndarray) -> np.ndarray:
        return np.fromiter(map(_OBJ_FONT_INT, objects.tolist()), np.uint64, len(objects))

    def generated(self, idx: np.ndarray) -> np.ndarray:
        return np.fromiter(map(_IS_GENERATED, repeat(self.tp), idx.tolist()), np.int64, len(idx))


class _CompiledReads:
    """The same questions, each asked of all the characters in one call to the compiled
    helper (_pdfchars), which loops in C over the PDFium functions pypdfium2 loaded (passed
    by address): the ctypes calls cost more than turning the answers into words."""

    def __init__(self, textpage) -> None:
        self.tp = _address(textpage.raw)

    def boxes_objects(self, idx: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
        m = len(idx)
        box, objects = np.empty((m, 4)), np.empty(m, np.uint64)
        if _pdfchars.char_boxes(_C_LOOSE_BOX, _C_TEXT_OBJECT, self.tp, idx, box, objects) < m:
            return None
        return box, objects

    def matrices(self, idx: np.ndarray) -> np.ndarray:
        ab = np.empty((len(idx), 2))
        _pdfchars.char_matrices(_C_MATRIX, self.tp, idx, ab)
        return ab

    def origins(self, idx: np.ndarray) -> np.ndarray | None:
        origin = np.empty((len(idx), 2))
        return origin if _pdfchars.char_origins(_C_CHAR_ORIGIN, self.tp, idx, origin) == len(idx) else None

    def font_sizes(self, idx: np.ndarray) -> np.ndarray:
        size = np.empty(len(idx))
        _pdfchars.font_sizes(_C_FONT_SIZE, self.tp, idx, size)
        return size

    def fonts(self, objects: np.ndarray) -> np.ndarray:
        fonts = np.empty(len(objects), np.uint64)
        _pdfchars.text_fonts(_C_TEXT_FONT, objects, fonts)
        return fonts

    def generated(self, idx: np.ndarray) -> np.ndarray:
        made = np.empty(len(idx), np.int64)
        _pdfchars.is_generated(_C_IS_GENERATED, self.tp, idx, made)
        return made


_C_LOOSE_BOX = _address(pdfium_c.FPDFText_GetLooseCharBox)
_C_TEXT_OBJECT = _address(pdfium_c.FPDFText_GetTextObject)
_C_MATRIX = _address(pdfium_c.FPDFText_GetMatrix)
_C_CHAR_ORIGIN = _address(pdfium_c.FPDFText_GetCharOrigin)
_C_FONT_SIZE = _address(pdfium_c.FPDFText_GetFontSize)
_C_TEXT_FONT = _address(pdfium_c.FPDFTextObj_GetFont)
_C_IS_GENERATED = _address(pdfium_c.FPDFText_IsGenerated)
_C_FONT_NAME = _address(pdfium_c.FPDFFont_GetBaseFontName)


def _bulk_words(textpage, text: str, frames, settings: Settings) -> tuple[list[int], dict[int, list[Word]]] | None:
    """page_words for a page the bulk reading restates exactly; None for one it does not.

    Worked out with numpy (_array_words), a few dozen calls a page, each costing more in
    numpy's own overhead than its work on a page's couple of thousand characters; so the
    compiled helper works a page out in one call, the same way (_pdfchars.page_words), and
    leaves to numpy what it does not restate (an object in two runs, a failed call, NaN).
    """
    if _pdfchars is not None:
        got = _pdfchars.page_words(
            _page_functions(),
            _address(textpage.raw),
            text,
            _NOT_WORD,
            frames[0],
            settings.pdf_line_tolerance,
            settings.pdf_word_gap,
            Word,
        )
        if got is not None:
            return got
    return _array_words(textpage, text, frames, settings)


def _page_functions() -> tuple[int, ...]:
    """What _pdfchars.page_words asks PDFium with (looked up at each call, so that a test can
    stand a failing function in for one)."""
    return (
        _C_LOOSE_BOX,
        _C_TEXT_OBJECT,
        _C_MATRIX,
        _C_CHAR_ORIGIN,
        _C_FONT_SIZE,
        _C_TEXT_FONT,
        _C_FONT_NAME,
        _C_IS_GENERATED,
    )


def _array_words(textpage, text: str, frames, settings: Settings) -> tuple[list[int], dict[int, list[Word]]] | None:
    """_bulk_words with numpy.

    The character by character reading (_PageReader) decides, for each word as PDFium's
    text shows it, from its first and last characters' text objects whether it lies in
    one object (else each run of one object is a piece); an object is registered (font,
    size, direction, the first box's bottom, the baseline) at the first piece it opens; a
    character of an upright object whose box has another bottom than the registering
    one, and every character of turned text, is asked its own origin. Here each of those
    questions is asked for all the page's characters at once (every character's object,
    so that no word needs a second pass: _CompiledReads, or _CtypesReads where the
    compiled helper is not built), and the same values are worked out with numpy.

    words() then joins glyphs while the rule (same baseline within pdf_line_tolerance,
    no step back before the word's start, no gap over pdf_word_gap after its furthest
    right edge) holds; the runs the glyph reading makes inside a text object are cut
    where that rule would cut them, so the words are those of taking every character as
    a glyph of its own, and that is what _word_starts cuts, per direction. Only
    dedupe needs the glyphs themselves: a page where two characters that could start a
    glyph have the same text less than a point apart goes the character by character way.
    """
    tol, gap = settings.pdf_line_tolerance, settings.pdf_word_gap
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), np.uint32)
    idx = np.flatnonzero(_NOT_WORD.take(np.minimum(codes, 0x10000)) == 0)  # the characters of words
    m = len(idx)
    if m == 0:
        return [0, 0, 0, 0], {}
    reads = _CompiledReads(textpage) if _pdfchars is not None else _CtypesReads(textpage)
    got = reads.boxes_objects(idx)
    if got is None:
        return None
    box, actual = got
    edges = box.T.copy()  # contiguous columns: numpy works on strided ones at a fraction of the speed
    left, top, right, bottom = edges

    # the first character of each word as PDFium's text shows words, and of each piece:
    # a word whose first and last characters lie in one text object is one piece
    opens = np.empty(m, bool)
    opens[0] = True
    np.not_equal(idx[1:], idx[:-1] + 1, out=opens[1:])
    word_at = np.flatnonzero(opens)
    word_end = np.empty_like(word_at)
    word_end[:-1] = word_at[1:] - 1
    word_end[-1] = m - 1
    whole = actual[word_at] == actual[word_end]
    if whole.all():
        piece = opens
        char_obj = np.repeat(actual[word_at], word_end - word_at + 1)
    else:
        word = np.add.accumulate(opens, dtype=np.intp) - 1
        single = whole[word]
        char_obj = np.where(single, actual[word_at][word], actual)
        piece = opens.copy()
        piece[1:] |= (actual[1:] != actual[:-1]) & ~single[1:]

    objects, reg, of = _register(char_obj, piece)
    reg_chars = idx[reg]
    ab = reads.matrices(reg_chars)
    reg_origin = reads.origins(reg_chars)
    if reg_origin is None:
        return None
    a, b = ab[:, 0], ab[:, 1]
    turned = (b != 0) | (a < 0)
    if turned.any():
        if np.isnan(ab).any():  # a failed call (upright in the character reading) or a NaN matrix
            return None
        direction = np.where(np.abs(a) >= np.abs(b), np.where(a >= 0, 0, 2), np.where(b > 0, 1, 3))
        direction[~turned] = 0
    else:
        direction = None
    top_edge = frames[0].top
    x0, x1 = left, right
    base = (top_edge - reg_origin[:, 1])[of]
    own = bottom != bottom[reg][of]  # upright characters asked their own origin
    own[reg] = False
    if direction is not None:
        direction_of = direction[of]
        own |= direction_of != 0
    if own.any():
        own_at = np.flatnonzero(own)
        if not np.array_equal(actual[own_at], char_obj[own_at]):  # read as their object's
            return None
        origin = reads.origins(idx[own_at])
        if origin is None:
            return None
        base[own_at] = top_edge - origin[:, 1]
        if direction is not None:
            _turn(frames[0], direction_of[own_at], own_at, origin, box, x0, x1, base)

    # a word break before a word's first character, but not after turned text where
    # the white space is all PDFium's own
    brk = opens
    if direction is not None:
        after_turned = word_at[1:][direction_of[word_at[1:] - 1] != 0]
        if len(after_turned):
            brk = opens.copy()
            ends, starts = idx[after_turned - 1] + 1, idx[after_turned]
            spans = starts - ends
            gaps = np.repeat(starts - np.cumsum(spans), spans) + np.arange(spans.sum())
            made = reads.generated(gaps) == 1
            brk[after_turned] = np.add.reduceat(~made, np.cumsum(spans) - spans) > 0

    if np.isnan(edges).any() or np.isnan(base).any():
        return None
    if _maybe_twins(codes[idx], x0, x1, base, piece, own, gap):
        return None

    # words per direction; a word's font and size are its first character's object's,
    # asked only of the objects that start a word (about half of them)
    if direction is None:
        counts, rows = [m, 0, 0, 0], [(0, np.arange(m), brk)]
    else:
        counts = np.bincount(direction_of, minlength=4).tolist()
        present = [d for d in range(4) if counts[d]]
        rows = []
        for d in present:
            sel = np.flatnonzero(direction_of == d) if len(present) > 1 else np.arange(m)
            cut = brk[sel]
            cut[0] = True
            cut[1:] |= sel[1:] != sel[:-1] + 1
            rows.append((d, sel, cut))
    starts = [
        sel[
            _word_starts(x0, x1, base, cut, tol, gap)
            if len(sel) == m
            else _word_starts(x0[sel], x1[sel], base[sel], cut, tol, gap)
        ]
        for _, sel, cut in rows
    ]
    lead = of[np.concatenate(starts)]
    is_needed = np.zeros(len(objects), bool)
    is_needed[lead] = True
    needed = np.flatnonzero(is_needed)
    size = reads.font_sizes(idx[reg[needed]])
    fonts = reads.fonts(objects[needed]).tolist()
    distinct = list(dict.fromkeys(fonts))  # a page has a few fonts; its objects, hundreds
    names = _font_names(distinct)
    if names is None or np.isnan(size).any():
        return None
    name_of = dict(zip(distinct, names))
    at_needed = (np.add.accumulate(is_needed, dtype=np.intp) - 1)[lead]
    size_at, font_at = size[at_needed], np.array(list(map(name_of.__getitem__, fonts)), object)[at_needed]
    out: dict[int, list[Word]] = {}
    done = 0
    for (d, sel, _), at in zip(rows, starts):
        few = slice(done, done + len(at))
        out[d] = _words_of(text, idx, x0, x1, base, sel, at, size_at[few], font_at[few], word_at)
        done += len(at)
    return counts, out


def _register(char_obj: np.ndarray, piece: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The page's text objects, each one's registering character (the first piece it
    opens) and each character's object (an index into the objects), from every
    character's object `char_obj` and the pieces' first characters `piece`.

    Every change of object starts a piece (a word, or a run of one object inside a word
    across objects), and a page's objects mostly come in one run each: then each run's
    first character registers its object and a running count of runs names each
    character's object. An object that comes back after another (a run of its own again)
    is found by sorting the runs' objects, and then np.unique over the pieces decides.
    """
    head = np.empty(len(char_obj), bool)
    head[0] = True
    np.not_equal(char_obj[1:], char_obj[:-1], out=head[1:])
    run_at = np.flatnonzero(head)
    objects = char_obj[run_at]
    ordered = np.sort(objects)
    if not (ordered[1:] == ordered[:-1]).any():
        return objects, run_at, np.add.accumulate(head, dtype=np.intp) - 1
    piece_at = np.flatnonzero(piece)
    objects, first = np.unique(char_obj[piece_at], return_index=True)
    return objects, piece_at[first], np.searchsorted(objects, char_obj)


def _turn(frame: Frame, direction, at, origin, box, x0, x1, base) -> None:
    """Characters `at` of turned text (`direction` each) in their direction's frame, as
    _turned_glyph places them: extent along the baseline, baseline from the origin."""
    L, B, R, T = frame.left, frame.bottom, frame.right, frame.top
    ox, oy = origin[:, 0], origin[:, 1]
    left, top, right, bottom = box[at].T
    for d, lo, hi, line in (
        (1, bottom - B, top - B, ox - L),
        (2, -right - (-R), -left - (-R), oy - B),
        (3, -top - (-T), -bottom - (-T), R - ox),
    ):
        mask = direction == d
        if mask.any():
            x0[at[mask]], x1[at[mask]], base[at[mask]] = lo[mask], hi[mask], line[mask]


def _font_names(fonts: list[int]) -> list[str] | None:
    """Base font names (None: a name too long for the buffer the glyph reading uses)."""
    buffer = ctypes.create_string_buffer(_NAME_BUFFER)
    names = []
    for font in fonts:
        length = _FONT_NAME(font, buffer, _NAME_BUFFER) if font else 0
        if length > _NAME_BUFFER:
            return None
        names.append(buffer.raw[: max(length - 1, 0)].decode("utf-8", "replace"))
    return names


def _maybe_twins(
    codes: np.ndarray, x0: np.ndarray, x1: np.ndarray, base: np.ndarray, piece: np.ndarray, own: np.ndarray, gap: float
) -> bool:
    """Whether dedupe could drop a glyph of the character by character reading of these characters.

    Twin glyphs have the same text, so their first characters are the same less than a
    point apart (x and baseline). A glyph starts at a piece, at and after a character
    read on its own, or inside a run where it steps back or leaves a gap over `gap`
    after the character before; those characters are tested as _with_near_twin tests
    glyphs (a superset again: a hit sends the page the character by character way).
    """
    start = piece | own
    start[1:] |= own[:-1] | (x0[1:] < x0[:-1]) | (x0[1:] - x1[:-1] > gap)
    at = np.flatnonzero(start)
    if len(at) < 2:
        return False
    x, b = np.floor(x0[at]), np.floor(base[at])
    x -= x.min()
    b -= b.min()
    if x.max() >= 1 << 20 or b.max() >= 1 << 16:
        return True
    # glyphs less than a point apart are at most one apart in floor(x) and floor(base); one
    # of two grids of 2-unit bands offset by one puts two such baselines in one band, and
    # then their keys (text, band, floor x) sort next to each other, at most one apart
    high = codes[at].astype(np.int64) << 37
    x = x.astype(np.int64)
    for shift in (0, 1):
        key = high | ((b.astype(np.int64) + shift) >> 1) << 20 | x
        key.sort()
        if (key[1:] - key[:-1] <= 1).any():
            return True
    return False


def _words_of(
    text: str,
    idx: np.ndarray,
    x0: np.ndarray,
    x1: np.ndarray,
    base: np.ndarray,
    sel: np.ndarray,
    at: np.ndarray,
    size: np.ndarray,
    font: np.ndarray,
    word_at: np.ndarray,
) -> list[Word]:
    """The words of one direction's characters `sel` (indexes into the page's word
    characters, which are `idx` in `text`), starting at `at` (a subset of `sel`), with
    the size and font of each word's first character.

    Most pages have one direction whose words are the words as PDFium's text shows them
    (`word_at`: their first characters): then str.split cuts the texts (white space is
    what str.isspace says, as for the characters of words), which costs a fraction of
    slicing the text word by word (a new non-ASCII string scans its characters).
    """
    whole = len(sel) == len(idx)
    pos = at if whole else np.searchsorted(sel, at)  # where each word starts in sel
    last = sel[np.append(pos[1:], len(sel)) - 1]
    if whole and _as_split(text, at, word_at):
        texts = text.split()
    else:
        first, stop = idx[at], idx[last] + 1
        texts = list(map(text.__getitem__, map(slice, first.tolist(), stop.tolist())))
        for j in np.flatnonzero(stop - first != last - at + 1).tolist():  # turned text across PDFium's white space
            texts[j] = _NOT_WORD_RE.sub("", texts[j])
    columns = zip(
        texts,
        x0[at].tolist(),
        np.maximum.reduceat(x1 if whole else x1[sel], pos).tolist(),
        base[at].tolist(),
        size.tolist(),
        font.tolist(),
    )
    return list(map(_new_glyph, repeat(Word), columns))


def _as_split(text: str, at: np.ndarray, word_at: np.ndarray) -> bool:
    """Whether str.split gives the texts of words starting at `at` (of all the page's word
    characters): each is a word as PDFium's text shows it, and no character but white
    space separates them (PDFium's non-characters are not str.isspace)."""
    return np.array_equal(at, word_at) and "\x00" not in text and "\uffff" not in text


def _word_starts(
    x0: np.ndarray, x1: np.ndarray, base: np.ndarray, cut: np.ndarray, tol: float, gap: float
) -> np.ndarray:
    """Where words() starts a word in a row of one-character glyphs (`cut`: a break before).

    words() compares each glyph with the word's first glyph (baseline within `tol`, no
    step back before its x0) and with the word's furthest right edge so far (no gap over
    `gap`): each answer depends on where the word started. A first guess compares each
    glyph with the one before; every round then recomputes each glyph's answer from the
    words the guess makes. An answer depends only on the guesses before it, so each round
    settles at least the first wrong guess, and the rounds stop when nothing changes —
    after one or two on real pages; _word_starts_loop is the plain reading.
    """
    m = len(x0)
    starts = cut.copy()
    starts[0] = True
    starts[1:] |= (np.abs(base[1:] - base[:-1]) > tol) | (x0[1:] < x0[:-1]) | (x0[1:] - x1[:-1] > gap)
    for _ in range(_MAX_ROUNDS):
        seg = np.add.accumulate(starts, dtype=np.intp) - 1
        first = np.flatnonzero(starts)[seg]
        if (x1[1:] < x1[:-1])[~starts[1:]].any():  # the furthest right edge is not the last one
            order = np.argsort(x1, kind="stable")
            rank = np.empty(m, np.int64)
            rank[order] = np.arange(m)
            right = x1[order[np.maximum.accumulate(seg * m + rank) - seg * m]]
        else:
            right = x1
        head = first[:-1]
        joins = (np.abs(base[1:] - base[head]) <= tol) & (x0[1:] >= x0[head]) & (x0[1:] - right[:-1] <= gap)
        again = cut.copy()
        again[0] = True
        again[1:] |= ~joins
        if np.array_equal(again, starts):
            return starts
        starts = again
    return _word_starts_loop(x0, x1, base, cut, tol, gap)


def _word_starts_loop(
    x0: np.ndarray, x1: np.ndarray, base: np.ndarray, cut: np.ndarray, tol: float, gap: float
) -> np.ndarray:
    """_word_starts one glyph at a time, as words() reads."""
    starts = np.zeros(len(x0), bool)
    w0 = wr = wb = 0.0
    for j, (a, b, c, brk) in enumerate(zip(x0.tolist(), x1.tolist(), base.tolist(), cut.tolist())):
        if j and not brk and abs(c - wb) <= tol and a >= w0 and a - wr <= gap:
            if b > wr:
                wr = b
            continue
        starts[j] = True
        w0, wr, wb = a, b, c
    return starts
