"""Tell a file's real format from its bytes, whatever its name says.

Plans arrive named `.pdf` that are HTML error pages, `.doc` that are really `.docx`, and
text in several encodings. The extension is only a hint; the bytes decide.
"""

from __future__ import annotations

import codecs

from .errors import EmptyFileError, UnsupportedFormatError

PDF, DOCX, DOC, TXT = "pdf", "docx", "doc", "txt"

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff(data: bytes) -> str:
    if not data or not data.strip():
        raise EmptyFileError("the file is empty (0 bytes or only white space); re-download it")
    head = data[:1024]
    if b"%PDF-" in head:
        return PDF
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        if b"word/" in data[:65536] or b"[Content_Types].xml" in data[:65536]:
            return DOCX
        raise UnsupportedFormatError("the file is a zip archive but not a Word document; unpack it and ingest what is inside")
    if data.startswith(_OLE):
        return DOC
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF8)):
        return TXT
    sample = data[:8192]
    if b"\x00" in sample:
        raise UnsupportedFormatError("the file is binary data of an unknown kind (not PDF, DOCX or text); check what was downloaded")
    if sample.lstrip().lower().startswith((b"<!doctype html", b"<html")):
        return TXT
    return TXT


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode a text file; returns (text, encoding name)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1258"), "windows-1258"
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace"), "utf-8 (with replacement characters)"
