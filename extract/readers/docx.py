"""Word documents through python-docx, paragraphs and tables in document order.

`Document.paragraphs` alone loses the tables and where they stood, so this walks the
body's XML children. Merged cells are read from the grid (gridSpan, vMerge) so a merged
cell is one cell, not the same text repeated. The borderless two-column table that opens
an administrative document (issuing body and number | motto, place and date) becomes the
header block, one block per column.
"""

from __future__ import annotations

import io
import zipfile

import regex
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml

from extract.document.blocks import RawBlock, RawCell, RawRow
from extract.errors import CorruptFileError, LimitExceededError
from extract.settings import Settings

_MOTTO = regex.compile(r"CỘNG\s+H[OÒ]A|Độc\s+lập|Số\s*:", regex.I)
# Clark names, computed once: qn() splits and looks up its prefix on every call.
_P, _R, _T, _TAB, _BR, _CR = (qn(f"w:{t}") for t in ("p", "r", "t", "tab", "br", "cr"))
_RPR, _B, _VAL = qn("w:rPr"), qn("w:b"), qn("w:val")
_TBL, _TR, _TRPR, _TBLHEADER, _TC, _TCPR, _GRIDSPAN, _VMERGE = (
    qn(f"w:{t}") for t in ("tbl", "tr", "trPr", "tblHeader", "tc", "tcPr", "gridSpan", "vMerge")
)
_SDT, _SDTCONTENT = qn("w:sdt"), qn("w:sdtContent")
_DOCUMENT, _BODY = qn("w:document"), qn("w:body")
_PIECES = {_TAB: "\t", _BR: "\n", _CR: "\n"}
_MAIN_PART = "word/document.xml"


def _check_zip(zf: zipfile.ZipFile, settings: Settings) -> None:
    """Refuse a zip bomb before anything is expanded: sizes come from the central directory."""
    total = sum(i.file_size for i in zf.infolist())
    if total > settings.max_docx_uncompressed_bytes:
        raise LimitExceededError(
            f"the Word document expands to {total:,} bytes, over the limit max_docx_uncompressed_bytes="
            f"{settings.max_docx_uncompressed_bytes:,}; raise that setting if the file is genuine"
        )
    if _MAIN_PART not in zf.namelist():
        raise CorruptFileError(f"the zip archive has no {_MAIN_PART}, so it is not a Word document")


def _para_text(p) -> str:
    return "".join((node.text or "") if node.tag == _T else _PIECES[node.tag] for node in p.iter(_T, _TAB, _BR, _CR))


def _is_bold(p) -> bool:
    runs = [r for r in p.iter(_R) if "".join(t.text or "" for t in r.iter(_T)).strip()]
    if not runs:
        return False
    for r in runs:
        rpr = r.find(_RPR)
        b = rpr.find(_B) if rpr is not None else None
        if b is None or b.get(_VAL) in ("0", "false"):
            return False
    return True


def _cell_text(tc) -> str:
    return "\n".join(_para_text(p) for p in tc.iter(_P)).strip()


def _rows(tbl) -> list[RawRow]:
    rows = []
    for tr in tbl.iter(_TR):
        if tr.getparent() is not tbl:
            continue  # rows of nested tables are read as their cell's text
        trpr = tr.find(_TRPR)
        is_header = trpr is not None and trpr.find(_TBLHEADER) is not None
        col = 0
        cells = []
        for tc in tr.findall(_TC):
            tcpr = tc.find(_TCPR)
            span = 1
            vmerge_continue = False
            if tcpr is not None:
                gs = tcpr.find(_GRIDSPAN)
                if gs is not None:
                    span = int(gs.get(_VAL, "1") or 1)
                vm = tcpr.find(_VMERGE)
                if vm is not None and vm.get(_VAL, "continue") != "restart":
                    vmerge_continue = True
            text = "" if vmerge_continue else _cell_text(tc)
            cells.append(RawCell(text, col, span))
            col += span
        rows.append(RawRow(cells, is_header=is_header))
    return rows


def _body_children(body):
    for child in body.iterchildren():
        if child.tag == _SDT:
            content = child.find(_SDTCONTENT)
            if content is not None:
                yield from _body_children(content)
        else:
            yield child


def read_docx(data: bytes, settings: Settings) -> list[RawBlock]:
    """The blocks of the main document part alone, parsed by python-docx's own XML layer.

    `docx.Document()` would unpack and parse every part of the package (styles, numbering,
    settings, theme) while only the body is read here, and a template-made file carries
    hundreds of kilobytes of styles: this is about ten times faster per file.
    """
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as e:
        raise CorruptFileError(
            f"the file claims to be a Word document but is not a valid zip archive ({e}); re-download or re-save it as .docx"
        ) from e
    with zf:
        _check_zip(zf, settings)
        try:
            root = parse_xml(zf.read(_MAIN_PART))
        except Exception as e:  # zipfile, zlib and lxml raise many types for damaged parts
            raise CorruptFileError(
                f"the Word document could not be opened ({type(e).__name__}: {e}); re-save it in Word or LibreOffice"
            ) from e
    body = root.find(_BODY) if root.tag == _DOCUMENT else None
    if body is None:
        raise CorruptFileError(
            f"the Word document's {_MAIN_PART} holds no document body; re-save it in Word or LibreOffice"
        )
    return blocks_of(body)


def blocks_of(body) -> list[RawBlock]:
    """Paragraphs, tables and the header block of a document body (a python-docx CT_Body)."""
    blocks: list[RawBlock] = []
    seen_text = False
    for child in _body_children(body):
        if child.tag == _P:
            text = _para_text(child)
            if text.strip():
                blocks.append(RawBlock("paragraph", text=text, emphasis=_is_bold(child)))
                seen_text = True
        elif child.tag == _TBL:
            rows = _rows(child)
            if not rows:
                continue
            if _is_header_block(rows, seen_text):
                for side, cell in zip(("left", "right"), rows[0].cells):
                    lines = [ln for r in rows for c in r.cells if c is not None for ln in [c.text] if c.col == cell.col]
                    text = "\n".join(t for t in lines if t.strip())
                    if text.strip():
                        blocks.append(RawBlock("header", text=text, column=side))
                continue
            blocks.append(RawBlock("table", rows=rows))
            seen_text = True
    return blocks


def _is_header_block(rows: list[RawRow], seen_text: bool) -> bool:
    if len(rows) > 3 or any(len(r.cells) != 2 for r in rows):
        return False
    text = " ".join(c.text for r in rows for c in r.cells)
    return not seen_text or bool(_MOTTO.search(text))
