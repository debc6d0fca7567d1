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

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .pdflayout import Glyph

# Paths thinner than this (points) in one direction are drawn rules: table borders.
_RULE_THICKNESS = 2.0
_MIN_RULE_LENGTH = 5.0
# PDFium reports a hyphen that ends a line as U+0002 (U+FFFE in its text range), its "soft
# hyphen" marker; it is the printed hyphen of "59-" / "KH/HU", so it is read back as one.
_HYPHENS = {0x02: "-", 0xAD: "-", 0xFFFE: "-"}


def open_document(data: bytes) -> pdfium.PdfDocument:
    """Open with PDFium; PdfiumError (with its err_code) tells damaged from encrypted."""
    return pdfium.PdfDocument(data)


def is_password_error(error: Exception) -> bool:
    code = getattr(error, "err_code", None)
    return code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY)


def has_rules(page: pdfium.PdfPage) -> bool:
    """True when the page draws at least one horizontal and one vertical rule."""
    horizontal = vertical = False
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH]):
        left, bottom, right, top = obj.get_bounds()
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


def _address_returning(fn, *argtypes):
    """The same C function, returning its pointer as a plain int (a cheap dict key)."""
    proto = ctypes.CFUNCTYPE(ctypes.c_void_p, *argtypes)
    return proto(ctypes.cast(fn, ctypes.c_void_p).value)


_GET_TEXT_OBJECT = _address_returning(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p, ctypes.c_int)


def page_glyphs(page: pdfium.PdfPage) -> list[Glyph | None]:
    """The page's characters in content order; None marks white space (a word break).

    Three C calls per character (box, origin, text object); the font name and size are
    asked once per text object, which is what dominates the time otherwise.
    """
    textpage = page.get_textpage()
    height = page.get_height()
    n = textpage.count_chars()
    text = textpage.get_text_range(0, n) if n else ""
    direct = len(text) == n  # one code point per char index (no surrogate pairs)
    rect = pdfium_c.FS_RECTF()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    name_buf = ctypes.create_string_buffer(256)
    fonts: dict[int, tuple[str, float]] = {}
    out: list[Glyph | None] = []
    get_box = pdfium_c.FPDFText_GetLooseCharBox
    get_origin = pdfium_c.FPDFText_GetCharOrigin
    tp_handle = ctypes.cast(textpage.raw, ctypes.c_void_p)
    append = out.append
    for i in range(n):
        u = ord(text[i]) if direct else pdfium_c.FPDFText_GetUnicode(textpage, i)
        ch = _HYPHENS.get(u) or (chr(u) if u else "")
        if not ch or ch.isspace() or u == 0xFFFF:
            append(None)
            continue
        get_box(textpage, i, rect)
        get_origin(textpage, i, ox, oy)
        obj = _GET_TEXT_OBJECT(tp_handle, i) or 0
        info = fonts.get(obj)
        if info is None:
            font = pdfium_c.FPDFTextObj_GetFont(ctypes.cast(obj, pdfium_c.FPDF_PAGEOBJECT)) if obj else None
            length = pdfium_c.FPDFFont_GetBaseFontName(font, name_buf, len(name_buf)) if font else 0
            name = name_buf.raw[: max(length - 1, 0)].decode("utf-8", "replace")
            info = fonts[obj] = (name, pdfium_c.FPDFText_GetFontSize(textpage, i))
        append(Glyph(ch, rect.left, rect.right, height - oy.value, info[1], info[0]))
    textpage.close()
    return out
