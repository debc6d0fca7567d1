"""PDFs through pdfplumber: text in reading order, ruled tables as tables.

What a PDF does not say has to be rebuilt from geometry. Lines are words that share a
baseline; paragraphs are lines until a first-line indent, a numbering label, a short line
or a gap; the running page number is a lone number in the top or bottom margin. The
two-column header block that opens an administrative document interleaves line by line
(issuing body | motto), so on the first page the lines above the title are split at the
page's middle and each column becomes its own block.
"""

from __future__ import annotations

import io
import statistics
from dataclasses import dataclass

import pdfplumber
import regex
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException

from ..errors import CorruptFileError, EncryptedFileError, LimitExceededError
from ..rawblocks import RawBlock, RawCell, RawRow
from ..settings import Settings

_PAGE_NUMBER = regex.compile(r"^[\s\-–—]*(?:(?:trang|page)\s*)?\d{1,4}(?:\s*/\s*\d{1,4})?[\s\-–—]*$", regex.I)
PARAGRAPH_START = regex.compile(
    r"^(?:[-+•–*]\s|[IVXLC]+\.\s|\d+(?:\.\d+)*\.?\s|[a-zđ]\)\s|Điều\s+\d+|Căn cứ\s|Nơi nhận)", regex.I
)


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    bold: bool
    words: list


def _open(data: bytes):
    try:
        return pdfplumber.open(io.BytesIO(data))
    except (PDFPasswordIncorrect, PDFEncryptionError) as e:
        raise EncryptedFileError("the PDF is encrypted and needs a password; ask the publisher for an unprotected copy or decrypt it (qpdf --decrypt)") from e
    except (PDFSyntaxError, PSException, ValueError, TypeError, KeyError) as e:
        raise CorruptFileError(f"the PDF is damaged and cannot be parsed ({type(e).__name__}: {e}); re-download it") from e


def _lines(words: list[dict], tol: float) -> list[_Line]:
    words = sorted(words, key=lambda w: (round(w["top"]), w["x0"]))
    groups: list[list[dict]] = []
    for w in words:
        if groups and abs(groups[-1][0]["top"] - w["top"]) <= tol:
            groups[-1].append(w)
        else:
            groups.append([w])
    out = []
    for g in groups:
        g.sort(key=lambda w: w["x0"])
        out.append(_Line(
            text=" ".join(w["text"] for w in g),
            x0=g[0]["x0"], x1=max(w["x1"] for w in g),
            top=min(w["top"] for w in g), bottom=max(w["bottom"] for w in g),
            bold=all("bold" in (w.get("fontname") or "").lower() for w in g),
            words=g,
        ))
    out.sort(key=lambda ln: ln.top)
    return out


def _inside(word: dict, boxes: list[tuple]) -> bool:
    cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def _table_rows(table, page_no: int) -> list[RawRow]:
    texts = table.extract()
    edges = sorted({round(c[0]) for row in table.rows for c in row.cells if c is not None})
    rows = []
    for row, row_texts in zip(table.rows, texts):
        cells = []
        for bbox, text in zip(row.cells, row_texts):
            if bbox is None:
                continue
            x0, x1 = round(bbox[0]), round(bbox[2])
            col = edges.index(x0) if x0 in edges else 0
            span = max(1, sum(1 for e in edges if x0 <= e < x1 - 1))
            cell_lines = [ln.strip() for ln in (text or "").split("\n") if ln.strip()]
            joined = ""
            for ln in cell_lines:
                joined = _join(joined, ln) if joined else ln
            cells.append(RawCell(joined, col, span))
        rows.append(RawRow(cells, page=page_no))
    return rows


def _header_columns(lines: list[_Line], page_width: float, depth: float) -> tuple[list[str], list[str], int]:
    """Split the opening two-column block; returns left lines, right lines, lines consumed."""
    mid = page_width / 2
    if not lines:
        return [], [], 0
    first = lines[0]
    if not (any(w["x1"] < mid for w in first.words) and any(w["x0"] > mid for w in first.words)):
        return [], [], 0
    left, right = [], []
    used = 0
    for ln in lines:
        if ln.top > depth or any(w["x0"] < mid < w["x1"] for w in ln.words):
            break
        lw = [w["text"] for w in ln.words if (w["x0"] + w["x1"]) / 2 < mid]
        rw = [w["text"] for w in ln.words if (w["x0"] + w["x1"]) / 2 >= mid]
        if lw:
            left.append(" ".join(lw))
        if rw:
            right.append(" ".join(rw))
        used += 1
    return left, right, used


def _join(a: str, b: str) -> str:
    if regex.search(r"\S-$", a) and regex.match(r"\w", b):
        return a + b
    return a + " " + b


def read_pdf(data: bytes, settings: Settings) -> tuple[list[RawBlock], int]:
    pdf = _open(data)
    try:
        try:
            pages = pdf.pages
        except (PDFSyntaxError, PSException, ValueError, TypeError, KeyError) as e:
            raise CorruptFileError(f"the PDF's page tree is damaged ({type(e).__name__}); re-download it") from e
        if len(pages) > settings.max_pages:
            raise LimitExceededError(
                f"the PDF has {len(pages)} pages, over the limit max_pages={settings.max_pages}; raise that setting to read it"
            )
        per_page = []
        for page_no, page in enumerate(pages, 1):
            page = page.dedupe_chars()
            tables = [t for t in page.find_tables() if len(t.rows) >= 1 and len(t.rows[0].cells) >= 2]
            boxes = [t.bbox for t in tables]
            words = [w for w in page.extract_words(extra_attrs=["fontname", "size"]) if not _inside(w, boxes)]
            lines = _lines(words, settings.pdf_line_tolerance)
            margin = settings.pdf_page_number_margin * float(page.height)
            lines = [ln for ln in lines if not (_PAGE_NUMBER.match(ln.text) and (ln.top < margin or ln.bottom > float(page.height) - margin))]
            per_page.append((page_no, page, tables, lines))
        return _assemble(per_page, settings), len(pages)
    finally:
        pdf.close()


def _assemble(per_page, settings: Settings) -> list[RawBlock]:
    all_lines = [ln for _, _, _, lines in per_page for ln in lines]
    if all_lines:
        left = statistics.quantiles([ln.x0 for ln in all_lines], n=20)[0] if len(all_lines) > 1 else all_lines[0].x0
        right = statistics.quantiles([ln.x1 for ln in all_lines], n=20)[-1] if len(all_lines) > 1 else all_lines[0].x1
    else:
        left, right = 0.0, 1.0
    width = max(right - left, 1.0)
    heights = [ln.bottom - ln.top for ln in all_lines] or [10.0]
    line_h = statistics.median(heights)

    blocks: list[RawBlock] = []
    prev_line: _Line | None = None
    for page_no, page, tables, lines in per_page:
        if page_no == 1:
            lcol, rcol, used = _header_columns(lines, float(page.width), settings.pdf_header_max_depth * float(page.height))
            if used:
                if lcol:
                    blocks.append(RawBlock("header", text="\n".join(lcol), page=1, column="left"))
                if rcol:
                    blocks.append(RawBlock("header", text="\n".join(rcol), page=1, column="right"))
                lines = lines[used:]
        items = [("line", ln.top, ln) for ln in lines] + [("table", t.bbox[1], t) for t in tables]
        items.sort(key=lambda it: it[1])
        first_on_page = True
        for kind, top, obj in items:
            if kind == "table":
                rows = _table_rows(obj, page_no)
                if rows:
                    blocks.append(RawBlock("table", rows=rows, page=page_no, page_end=page_no, starts_page=first_on_page))
                prev_line = None
                first_on_page = False
                continue
            ln: _Line = obj
            centered = ln.x0 > left + 20 and abs((ln.x0 + ln.x1) / 2 - (left + right) / 2) < 15
            cur = blocks[-1] if blocks else None
            continue_para = (
                cur is not None and cur.kind == "paragraph" and prev_line is not None
                and not PARAGRAPH_START.match(ln.text)
                and ln.bold == cur.emphasis
                and (
                    (not centered and ln.x0 <= left + 8 and prev_line.x1 >= left + settings.pdf_short_line_ratio * width
                     and (first_on_page or ln.top - prev_line.bottom < 1.2 * line_h))
                    or (centered and prev_line.x0 > left + 20 and ln.top - prev_line.bottom < 1.2 * line_h)
                )
            )
            if continue_para:
                cur.text = _join(cur.text, ln.text)
                cur.page_end = page_no
            else:
                blocks.append(RawBlock("paragraph", text=ln.text, page=page_no, page_end=page_no, emphasis=ln.bold))
            prev_line = ln
            first_on_page = False
    return blocks
