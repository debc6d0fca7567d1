"""Glyphs of a PDF page from pypdfium2, the fast text backend.

pdfplumber (pdfminer) interprets every page in Python and reads about ten pages a second
on a small machine; PDFium does the same work in C, tens of times faster. This module
only turns PDFium's characters into the same glyph records the pdfplumber backend
produces (text, horizontal extent, baseline, size, font name), so that everything after
it — words, lines, paragraphs, the header block — is one code path whichever backend read
the page, and the two can be compared on the sample corpus.

It also says, cheaply, whether a page draws any straight path at all: pages without ruling
lines cannot hold a ruled table, so pdfplumber's table finder (the slow part worth keeping)
only runs on pages that have them.
"""

from __future__ import annotations

import ctypes
import re
import struct
from itertools import repeat

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extract.readers.pdflayout import Frame, Glyph
from extract.settings import DEFAULT_SETTINGS

# Paths thinner than this (points) in one direction are drawn rules: table borders.
_RULE_THICKNESS = 2.0
_MIN_RULE_LENGTH = 5.0
# PDFium reports a hyphen that ends a line as U+0002 (U+FFFE in its text range), its "soft
# hyphen" marker; it is the printed hyphen of "59-" / "KH/HU", so it is read back as one.
_HYPHENS = {"\x02": "-", "\xad": "-", "\ufffe": "-"}
_HYPHEN_TABLE = str.maketrans(_HYPHENS)
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
    finding the table. Most objects are text, so the types of a page's (or a form's) objects
    are asked in bulk (map over the C functions), and only paths and forms are looked at
    one by one.
    """
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
                    raise pdfium.PdfiumError("Failed to locate pageobject.")
                out.append(_read_rect(bounds))
            elif kind == form:
                if level < max_depth - 1:
                    walk(get(parent, i), _FORM_COUNT, _FORM_OBJECT, level + 1)
            elif kind == unknown and not get(parent, i):  # PDFium reports no handle as of unknown type
                raise pdfium.PdfiumError("Failed to get pageobject.")

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
_read_rect = struct.Struct("4f").unpack_from  # FS_RECTF: left, top, right, bottom; or 4 floats of bounds
_read_ab = struct.Struct("2f").unpack_from  # FS_MATRIX: a, b (the baseline's direction), ...


def page_glyphs(page: pdfium.PdfPage, gap: float = DEFAULT_SETTINGS.pdf_word_gap) -> list[Glyph | None]:
    """The page's text in content order, as runs of characters; None marks white space (a word break).

    A word as PDFium's text shows it (characters between two white spaces) that lies in
    one upright text object is read in runs: a text object has one font, size and baseline,
    so only each character's loose box is asked (one C call), and characters join a run
    until the gap or step back at which words() would cut (`gap` is its pdf_word_gap).
    PDFium does not insert a space at every such gap (a figure and its unit set apart by
    kerning inside one object), so the boxes are still read, but making a record of each
    character, and asking its text object, was most of what reading a page cost in Python.
    Pages that set every word as a text object of its own are common, so an object is
    registered (font, size, direction, baseline) from the first character of its run.

    Per character (words across several objects' runs that cannot be read so, turned text):
    the font name, size and text direction are asked once per text object. So is the
    baseline of upright text: a character whose loose box has the same top and bottom as
    the object's first character shares its baseline (the box is the baseline plus the
    font's ascent and descent), and only one that does not (a font without metrics) has its
    own origin asked for; turned text (rare) asks every glyph's origin.

    Each glyph is given in the upright frame of its own text direction (see
    pdflayout.Frame): text drawn turned a quarter or upside down (a landscape annex on a
    page marked /Rotate, a table set sideways in a portrait page) reads left to right,
    top to bottom there, as upright text does in the page's frame. The direction comes
    from the text object's matrix, which the PDF states; nothing is guessed from the
    letters. White space PDFium inserts itself after turned text is dropped (it sees a new
    line at every text object there, even inside a word); the layout finds the word and
    line breaks of turned text from geometry (gaps, baselines) instead.
    """
    textpage = page.get_textpage()
    frames = Frame.all(page.get_bbox())
    n = textpage.count_chars()
    text = textpage.get_text_range(0, n) if n else ""
    if len(text) != n:  # not one code point per char index (surrogate pairs)
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage, i)) for i in range(n))
    text = text.translate(_HYPHEN_TABLE)  # same length: character i stays at index i
    reader = _PageReader(textpage, frames, gap)
    out = reader.out
    append = out.append
    tp = reader.tp
    pos = 0
    for m in _WORD.finditer(text):
        a, b = m.span()
        if a > pos:
            last = out[-1] if out else None
            if last is None or not last[6]:
                append(None)  # one break stands for the whole white space (words() cuts once)
            else:
                for i in range(pos, a):
                    if pdfium_c.FPDFText_IsGenerated(textpage, i) != 1:
                        append(None)
                        break
        pos = b
        obj = _TEXT_OBJECT(tp, a) or 0
        if b - a > 1 and (_TEXT_OBJECT(tp, b - 1) or 0) != obj:
            reader.pieces(text, a, b)
        else:
            reader.piece(text, a, b, obj)
    if n > pos:
        append(None)
    textpage.close()
    return out


class _PageReader:
    """What reading one page's characters one at a time needs: the C buffers, and per text
    object its font name, size, first box and baseline (upright) or direction (turned)."""

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
