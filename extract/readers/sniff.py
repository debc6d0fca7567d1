"""Tell a file's real format from its bytes, whatever its name says.

Plans arrive named `.pdf` that are HTML error pages or plain text, `.doc` that are really
`.docx`, `.docx` that are broken downloads, and text in several encodings. The extension
is only a hint: the bytes decide, and the name only sharpens an error message. A web page
is read as one (a legal-document site's page holds the document); the HTML reader refuses
the error, login and empty pages among them.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import PurePath

from extract.errors import CorruptFileError, EmptyFileError, EncryptedFileError, UnsupportedFormatError
from extract.readers.encodings import looks_like_text

PDF, DOCX, DOC, RTF, ODT, TXT, HTML = "pdf", "docx", "doc", "rtf", "odt", "txt", "html"
# Formats read by converting to .docx with LibreOffice first.
CONVERTED = (DOC, RTF, ODT)

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Stream names inside an OLE compound file (UTF-16LE directory entries).
_WORD_STREAM = "WordDocument".encode("utf-16-le")
_OTHER_OLE = {
    "Workbook": "an Excel workbook (.xls)",
    "Book": "an Excel workbook (.xls)",
    "PowerPoint Document": "a PowerPoint presentation (.ppt)",
}
_ENCRYPTED_OLE = "EncryptedPackage".encode("utf-16-le")
_ODT_MIME = b"mimetypeapplication/vnd.oasis.opendocument.text"


def _named(name: str | None) -> str:
    suffix = PurePath(name).suffix.lower() if name else ""
    return f" (named {suffix})" if suffix else ""


describe_name = _named  # " (named .pdf)" for messages of readers that refuse a file


def sniff(data: bytes, name: str | None = None) -> str:
    if not data or not data.strip():
        raise EmptyFileError("the file is empty (0 bytes or only white space); re-download it")
    head = data[:1024]
    if b"%PDF-" in head:
        return PDF
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _sniff_zip(data, name)
    if data.startswith(_OLE):
        return _sniff_ole(data)
    if data.lstrip()[:5] == b"{\\rtf":
        return RTF
    if _is_html(data) or _is_web_archive(data):
        return HTML
    if looks_like_text(data):
        _refuse_markup(data, name)
        return TXT
    hint = _named(name)
    if hint and hint.endswith((".docx)", ".xlsx)", ".odt)")):
        raise CorruptFileError(
            f"the file{hint} is not a zip archive, as every .docx is, but binary data of an unknown kind; "
            "the download is probably broken: download it again"
        )
    raise UnsupportedFormatError(
        f"the file{hint} is binary data of an unknown kind (not PDF, Word, RTF or text); check what was downloaded"
    )


# What a web page opens with, after a byte-order mark, white space, an XML declaration and
# comments (a browser's "saved from url" comment).
_HTML_START = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|title)[\s>/]", re.I)
_LEADING = re.compile(rb"(?:\s+|<\?xml[^>]*>|<!--.*?-->)*", re.S)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _is_html(data: bytes) -> bool:
    head = data[:4096]
    if head.startswith(_UTF16_BOMS):
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    head = head.removeprefix(b"\xef\xbb\xbf")
    return _HTML_START.match(head, _LEADING.match(head).end()) is not None


def is_web_archive(data: bytes) -> bool:
    """A page saved as one file by a browser (.mht, .mhtml): a MIME message, as mail is,
    whose parts are the page and its images."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return (
        head.startswith(
            (b"mime-version:", b"from:", b"content-type:", b"date:", b"subject:", b"snapshot-content-location:")
        )
        and b"multipart/related" in head
    )


_is_web_archive = is_web_archive


def _refuse_markup(data: bytes, name: str | None) -> None:
    """Text that is JSON data is not a plan, whatever it is named: annotations or exports
    beside the plans would otherwise load as an empty plan.
    """
    start = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:64].lower()
    if start[:1] in (b"{", b"["):
        try:
            json.loads(data.decode("utf-8-sig"))
        except (ValueError, UnicodeDecodeError):
            return
        raise UnsupportedFormatError(
            f"the file{_named(name)} is JSON data, not a plan document; leave it out of the plans folder"
        )


def _sniff_zip(data: bytes, name: str | None) -> str:
    if data[30 : 30 + len(_ODT_MIME)] == _ODT_MIME or data[:200].find(_ODT_MIME) >= 0:
        return ODT
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as e:
        if b"word/" in data[:65536] or b"[Content_Types].xml" in data[:65536]:
            raise CorruptFileError(
                f"the Word document is damaged (its zip structure is broken: {e}); it was probably cut off while "
                "downloading: download it again or re-save it in Word"
            ) from e
        raise CorruptFileError(f"the file{_named(name)} is a damaged zip archive ({e}); download it again") from e
    if "word/document.xml" in names:
        return DOCX
    if any(n.startswith("xl/") for n in names):
        raise UnsupportedFormatError(
            "the file is an Excel workbook (.xlsx), not a plan document; save the plan as PDF or Word"
        )
    if any(n.startswith("ppt/") for n in names):
        raise UnsupportedFormatError("the file is a PowerPoint presentation (.pptx), not a plan document")
    if any(n.startswith("word/") for n in names) or "[Content_Types].xml" in names:
        raise CorruptFileError("the Word document has no word/document.xml part; re-save it in Word or LibreOffice")
    raise UnsupportedFormatError(
        "the file is a zip archive but not a Word document; unpack it and ingest what is inside"
    )


def _sniff_ole(data: bytes) -> str:
    if _WORD_STREAM in data:
        return DOC
    if _ENCRYPTED_OLE in data:
        raise EncryptedFileError("the Office document is password-protected; ask the publisher for an unprotected copy")
    for stream, what in _OTHER_OLE.items():
        if stream.encode("utf-16-le") in data:
            raise UnsupportedFormatError(f"the file is {what}, not a plan document; save the plan as PDF or Word")
    raise UnsupportedFormatError(
        "the file is an old Office binary file of an unknown kind (not a Word .doc); open it in Office and save as .docx"
    )
