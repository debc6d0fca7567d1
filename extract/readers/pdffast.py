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


def page_glyphs(page: pdfium.PdfPage) -> list[Glyph | None]:
    """The page's characters in content order; None marks white space (a word break)."""
    textpage = page.get_textpage()
    height = page.get_height()
    n = textpage.count_chars()
    text = textpage.get_text_range(0, n) if n else ""
    rect = pdfium_c.FS_RECTF()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    name_buf = ctypes.create_string_buffer(256)
    fonts: dict[int, str] = {}
    out: list[Glyph | None] = []
    get_box = pdfium_c.FPDFText_GetLooseCharBox
    get_origin = pdfium_c.FPDFText_GetCharOrigin
    get_size = pdfium_c.FPDFText_GetFontSize
    get_obj = pdfium_c.FPDFText_GetTextObject
    get_font = pdfium_c.FPDFTextObj_GetFont
    for i in range(n):
        # get_text_range yields one str code point per char index except for surrogate pairs
        u = pdfium_c.FPDFText_GetUnicode(textpage, i) if len(text) != n else ord(text[i])
        ch = _HYPHENS.get(u) or (chr(u) if u else "")
        if not ch or ch.isspace() or u == 0xFFFF:
            out.append(None)
            continue
        get_box(textpage, i, rect)
        get_origin(textpage, i, ox, oy)
        font = get_font(get_obj(textpage, i))
        key = ctypes.cast(font, ctypes.c_void_p).value or 0
        name = fonts.get(key)
        if name is None:
            length = pdfium_c.FPDFFont_GetBaseFontName(font, name_buf, len(name_buf)) if font else 0
            name = name_buf.raw[: max(length - 1, 0)].decode("utf-8", "replace")
            fonts[key] = name
        out.append(Glyph(ch, rect.left, rect.right, height - oy.value, get_size(textpage, i), name))
    textpage.close()
    return out
