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
import struct

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extract.readers.pdflayout import Frame, Glyph

# Paths thinner than this (points) in one direction are drawn rules: table borders.
_RULE_THICKNESS = 2.0
_MIN_RULE_LENGTH = 5.0
# PDFium reports a hyphen that ends a line as U+0002 (U+FFFE in its text range), its "soft
# hyphen" marker; it is the printed hyphen of "59-" / "KH/HU", so it is read back as one.
_HYPHENS = {"\x02": "-", "\xad": "-", "\ufffe": "-"}
_NOT_TEXT = ("\x00", "\uffff")


def open_document(data: bytes) -> pdfium.PdfDocument:
    """Open with PDFium; PdfiumError (with its err_code) tells damaged from encrypted."""
    return pdfium.PdfDocument(data)


def is_password_error(error: Exception) -> bool:
    code = getattr(error, "err_code", None)
    return code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY)


def has_rules(page: pdfium.PdfPage) -> bool:
    """True when the page draws at least one horizontal and one vertical rule."""
    horizontal = vertical = False
    for left, bottom, right, top in path_bounds(page):
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
    finding the table.
    """
    out: list[tuple[float, float, float, float]] = []
    bounds = (ctypes.c_float * 4)()
    pointers = [ctypes.c_void_p(ctypes.addressof(bounds) + 4 * k) for k in range(4)]
    path, form = pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM

    def walk(parent, count, get, level: int) -> None:
        for i in range(count(parent)):
            obj = get(parent, i)
            if not obj:
                raise pdfium.PdfiumError("Failed to get pageobject.")
            obj = _void_p(obj)  # a bare call would pass a Python int as a 32-bit C int
            kind = _OBJ_TYPE(obj)
            if kind == path:
                if not _OBJ_BOUNDS(obj, *pointers):
                    raise pdfium.PdfiumError("Failed to locate pageobject.")
                out.append(_read_rect(bounds))
            elif kind == form and level < max_depth - 1:
                walk(obj, _FORM_COUNT, _FORM_GET, level + 1)

    walk(page.raw, _PAGE_COUNT, _PAGE_GET, 0)
    return out


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
_PAGE_GET = _bare(pdfium_c.FPDFPage_GetObject, ctypes.c_void_p)
_FORM_COUNT = _bare(pdfium_c.FPDFFormObj_CountObjects, ctypes.c_int)
_FORM_GET = _bare(pdfium_c.FPDFFormObj_GetObject, ctypes.c_void_p)
_OBJ_TYPE = _bare(pdfium_c.FPDFPageObj_GetType, ctypes.c_int)
_OBJ_BOUNDS = _bare(pdfium_c.FPDFPageObj_GetBounds, ctypes.c_int)
_void_p = ctypes.c_void_p
_new_glyph = tuple.__new__
_read_rect = struct.Struct("4f").unpack_from  # FS_RECTF: left, top, right, bottom; or 4 floats of bounds
_read_ab = struct.Struct("2f").unpack_from  # FS_MATRIX: a, b (the baseline's direction), ...


def page_glyphs(page: pdfium.PdfPage) -> list[Glyph | None]:
    """The page's characters in content order; None marks white space (a word break).

    Two C calls per character (text object, loose box). The font name, size and text
    direction are asked once per text object. So is the baseline of upright text: a
    character whose loose box has the same top and bottom as the object's first character
    shares its baseline (the box is the baseline plus the font's ascent and descent), and
    only one that does not (a font without metrics) has its own origin asked for; turned
    text (rare) asks every glyph's origin.

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
    direct = len(text) == n  # one code point per char index (no surrogate pairs)
    rect = pdfium_c.FS_RECTF()
    matrix = pdfium_c.FS_MATRIX()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    rect_p, ox_p, oy_p, matrix_p = (ctypes.c_void_p(ctypes.addressof(v)) for v in (rect, ox, oy, matrix))
    name_buf = ctypes.create_string_buffer(256)
    # per upright text object: font name, size, top and bottom of its first box, baseline
    upright: dict[int, tuple[str, float, float, float, float]] = {}
    # per turned text object: font name, size, direction (its glyphs' origins are always asked)
    turned: dict[int, tuple[str, float, int]] = {}
    out: list[Glyph | None] = []
    append = out.append
    tp = ctypes.c_void_p(ctypes.cast(textpage.raw, ctypes.c_void_p).value)
    if not direct:
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage, i)) for i in range(n))
    top_edge = frames[0].top
    for i, ch in enumerate(text):
        if ch.isspace() or ch in _NOT_TEXT:
            if out and out[-1] is not None and out[-1][6] and pdfium_c.FPDFText_IsGenerated(textpage, i) == 1:
                continue
            append(None)
            continue
        ch = _HYPHENS.get(ch, ch)
        obj = _TEXT_OBJECT(tp, i) or 0
        _LOOSE_BOX(tp, i, rect_p)
        left, top, right, bottom = _read_rect(rect)
        info = upright.get(obj)
        if info is None or info[2] != top or info[3] != bottom or not obj:
            _CHAR_ORIGIN(tp, i, ox_p, oy_p)
            if info is None:
                info = turned.get(obj)
                if info is None or not obj:
                    font = pdfium_c.FPDFTextObj_GetFont(ctypes.cast(obj, pdfium_c.FPDF_PAGEOBJECT)) if obj else None
                    length = pdfium_c.FPDFFont_GetBaseFontName(font, name_buf, len(name_buf)) if font else 0
                    name = name_buf.raw[: max(length - 1, 0)].decode("utf-8", "replace")
                    direction = 0
                    if obj and _MATRIX(tp, i, matrix_p):
                        a, b = _read_ab(matrix)
                        if b or a < 0:
                            direction = _direction(a, b)
                    size = pdfium_c.FPDFText_GetFontSize(textpage, i)
                    if direction == 0:
                        info = upright[obj] = (name, size, top, bottom, top_edge - oy.value)
                    else:
                        info = turned[obj] = (name, size, direction)
                if len(info) == 3:
                    append(_turned_glyph(ch, left, top, right, bottom, ox.value, oy.value, info, frames))
                    continue
            base = top_edge - oy.value
        else:
            base = info[4]
        append(_new_glyph(Glyph, (ch, left, right, base, info[1], info[0], 0)))
    textpage.close()
    return out


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
