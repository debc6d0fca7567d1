"""PDFs: text and ruling lines from PDFium, table grids by pdfplumber's rules, layout in pdflayout.

pdfplumber is thorough but slow (pdfminer interprets every page in Python); PDFium reads
the same characters and drawn paths tens of times faster. So the text of every page comes
from PDFium, and on pages that draw ruling lines (asking PDFium for path objects costs
next to nothing) pdftables turns PDFium's paths into edges and runs pdfplumber's grid
search on them (restated there), so tables come out as pdfplumber would find them without
pdfminer.

`backend="pdfplumber"` reads every page's text with pdfplumber as well (and looks for
tables on every page). It is the slow reference path: the test suite checks that both
paths give the same stored text and sections on the sample corpus.
"""

from __future__ import annotations

import io
import statistics
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter

import numpy as np
import regex

from extract.document.blocks import RawBlock, RawCell, RawRow
from extract.errors import CorruptFileError, EncryptedFileError, LimitExceededError
from extract.readers import pdffast, pdftables
from extract.readers.pdflayout import (
    PAGE_NUMBER,
    Frame,
    Glyph,
    Line,
    PageLayout,
    Word,
    assemble,
    drop_page_numbers,
    join_text,
    lines,
    words,
)
from extract.settings import Settings

BACKENDS = ("pdfium", "pdfplumber")

_by_col = attrgetter("col")
_ENCRYPTED = "the PDF is encrypted and needs a password; ask the publisher for an unprotected copy or decrypt it (qpdf --decrypt)"


def _plumber_errors() -> tuple[type[Exception], ...]:
    """What pdfplumber raises on a damaged PDF. Imported here, with pdfplumber itself, only
    by the pdfplumber backend: the PDFium path needs neither, and importing them was a
    twentieth of the workers' start-up."""
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    return (PDFSyntaxError, PSException, ValueError, TypeError, KeyError, AttributeError)


def _open_plumber(data: bytes):
    import pdfplumber  # the reference backend only (see _plumber_errors)
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        return pdfplumber.open(io.BytesIO(data))
    except (PDFPasswordIncorrect, PDFEncryptionError) as e:
        raise EncryptedFileError(_ENCRYPTED) from e
    except _plumber_errors() as e:
        raise CorruptFileError(
            f"the PDF is damaged and cannot be parsed ({type(e).__name__}: {e}); re-download it"
        ) from e


def _open_pdfium(data: bytes):
    try:
        return pdffast.open_document(data)
    except pdffast.pdfium.PdfiumError as e:
        if pdffast.is_password_error(e):
            raise EncryptedFileError(_ENCRYPTED) from e
        raise CorruptFileError(f"the PDF is damaged and cannot be parsed ({e}); re-download it") from e


def _plumber_glyphs(page) -> list[Glyph | None]:
    """pdfplumber's characters as glyphs; the baseline comes from each glyph's text matrix."""
    out: list[Glyph | None] = []
    for c in page.chars:
        text = c["text"]
        if not text or text.isspace():
            out.append(None)
            continue
        base = c["bottom"] + (c["y0"] - c["matrix"][5])
        out.append(Glyph(text, float(c["x0"]), float(c["x1"]), float(base), float(c["size"]), c.get("fontname") or ""))
    return out


def _table_rows(table, page_no: int) -> list[RawRow]:
    """Rows of a pdfplumber table; a cell merged down from the row above becomes an empty cell,
    as python-docx reports it, so every format gives the same grid."""
    table_rows = table.rows
    texts = table.extract()
    edges = sorted({round(c[0]) for row in table_rows for c in row.cells if c is not None})
    ncols = len(edges)
    column = {e: k for k, e in enumerate(edges)}
    rows = []
    for row, row_texts in zip(table_rows, texts):
        cells = []
        covered: set[int] = set()
        for bbox, text in zip(row.cells, row_texts):
            if bbox is None:
                continue
            x0, x1 = round(bbox[0]), round(bbox[2])
            col = column[x0]  # the index of x0 among the edges, which hold it
            span = max(1, bisect_left(edges, x1 - 1) - col)
            joined = ""
            if text and "\n" not in text:
                joined = text.strip()
            elif text:
                for ln in text.split("\n"):
                    ln = ln.strip()
                    if ln:
                        joined = join_text(joined, ln) if joined else ln
            cells.append(RawCell(joined, col, span))
            covered.update(range(col, col + span))
        if len(covered) < ncols:  # a row's own cells come by column already (the cells by x0, x0 rounded)
            cells += [RawCell("", k) for k in range(ncols) if k not in covered]
            cells.sort(key=_by_col)
        rows.append(RawRow(cells, page=page_no))
    return rows


def _outside(ws: list[Word], boxes: list[tuple]) -> list[Word]:
    """The words whose centre lies in none of the boxes (x0, top, x1, bottom), edges included."""
    return _unclaimed(ws, [((w.x0 + w.x1) / 2, w.base - w.size / 2) for w in ws], boxes)


def _tables(plumber_page) -> list:
    return [t for t in plumber_page.find_tables() if len(t.rows) >= 1 and len(t.rows[0].cells) >= 2]


def read_pdf(data: bytes, settings: Settings, backend: str = "pdfium") -> tuple[list[RawBlock], int]:
    if backend not in BACKENDS:
        raise ValueError(f"unknown PDF backend {backend!r}; choose one of {', '.join(BACKENDS)}")
    doc = _open_pdfium(data)
    plumber = None
    try:
        n = len(doc)
        if n > settings.max_pages:
            raise LimitExceededError(
                f"the PDF has {n} pages, over the limit max_pages={settings.max_pages}; raise that setting to read it"
            )
        pages: list[PageLayout] = []
        for i in range(n):
            page = doc[i]
            try:
                if backend == "pdfium":
                    pages += _pdfium_page(page, i + 1, settings)
                    continue
                width, height = page.get_size()
                if plumber is None:
                    plumber = _open_plumber(data)
                try:
                    ppage = plumber.pages[i]
                    tables = _tables(ppage)
                    page_words = words(_plumber_glyphs(ppage), settings)
                except _plumber_errors() as e:
                    raise CorruptFileError(
                        f"page {i + 1} of the PDF is damaged ({type(e).__name__}: {e}); re-download it"
                    ) from e
            finally:
                page.close()
            boxes = [t.bbox for t in tables]
            ws = _outside(page_words, boxes) if boxes else page_words
            page_lines = drop_page_numbers(lines(ws, settings), float(height), settings)
            layout = PageLayout(i + 1, float(width), float(height), page_lines)
            layout.tables = [(float(t.bbox[1]), rows) for t in tables if (rows := _table_rows(t, i + 1))]
            pages.append(layout)
        return assemble(pages, settings), n
    finally:
        if plumber is not None:
            plumber.close()
        doc.close()


def _ruled(tables) -> list:
    return [t for t in tables if len(t.rows) >= 1 and len(t.rows[0].cells) >= 2]


def _layout(number: int, frame: Frame, ws: list[Word], tables: list, settings: Settings) -> PageLayout:
    """One direction's words and tables on a page, laid out in that direction's frame."""
    if tables:
        ws = _outside(ws, [t.bbox for t in tables])
    page_lines = drop_page_numbers(lines(ws, settings), frame.height, settings)
    layout = PageLayout(number, frame.width, frame.height, page_lines)
    layout.tables = [(float(t.bbox[1]), rows) for t in tables if (rows := _table_rows(t, number))]
    return layout


def _centres(frame: Frame, ws: list[Word]) -> list[tuple[float, float]]:
    """The words' middles in PDF space: the centre of frame.page_rect of each word's box,
    its arithmetic written out per direction (a call per word cost more than the sums)."""
    L, B, R, T = frame.left, frame.bottom, frame.right, frame.top
    d = frame.direction
    if d == 0:
        return [((w.x0 + w.x1) / 2, ((T - w.base) + (T - (w.base - w.size))) / 2) for w in ws]
    if d == 1:
        return [((((w.base - w.size) + L) + (w.base + L)) / 2, ((w.x0 + B) + (w.x1 + B)) / 2) for w in ws]
    if d == 2:
        return [(((R - w.x1) + (R - w.x0)) / 2, (((w.base - w.size) + B) + (w.base + B)) / 2) for w in ws]
    return [(((R - w.base) + (R - (w.base - w.size))) / 2, ((T - w.x1) + (T - w.x0)) / 2) for w in ws]


def _unclaimed(ws: list[Word], centres: list[tuple[float, float]], claimed: list[tuple]) -> list[Word]:
    """The words whose centre (PDF space) lies in none of the claimed boxes (left, bottom, right, top).

    Box by box, each a test in one comprehension: a loop over the boxes for every word
    cost more than the words' own layout on a page with a table."""
    kept = list(zip(ws, centres))
    for x0, y0, x1, y1 in claimed:
        kept = [p for p in kept if not (x0 <= p[1][0] <= x1 and y0 <= p[1][1] <= y1)]
    return [p[0] for p in kept]


def _extent(frame: Frame, view: Frame, ws: list[Word], tables: list) -> tuple[float, float, float, float]:
    """The box, in the frame the page is shown in, around the words and tables of one direction.

    Each side of a box mapped from one frame to another is one side of the original moved
    or mirrored, so over many words the extremes come from the words' extreme sides: only
    the boxes of those (the smallest and the largest of each side) are mapped.
    """
    boxes = []
    if ws:
        tops = [w.base - w.size for w in ws]
        x0s, x1s, bases = [w.x0 for w in ws], [w.x1 for w in ws], [w.base for w in ws]
        boxes.append(frame.page_rect(min(x0s), min(tops), min(x1s), min(bases)))
        boxes.append(frame.page_rect(max(x0s), max(tops), max(x1s), max(bases)))
    boxes += [frame.page_rect(*t.bbox) for t in tables]
    spans = [view.rect(*b) for b in boxes]
    return (
        min(x[0] for x in spans),
        min(x[1] for x in spans),
        max(x[2] for x in spans),
        max(x[3] for x in spans),
    )


def _pdfium_page(page, number: int, settings: Settings) -> list[PageLayout]:
    """A page read through PDFium: one layout, or one per text direction when it has several.

    Each direction's text (see pdflayout.Frame) is laid out in its own upright frame, with
    the ruled tables seen in that frame, so a landscape page under /Rotate, a page whose
    text is drawn sideways and a table turned inside a portrait page all read like an
    upright page. The direction a viewer shows upright is the page's /Rotate; on a page
    with several directions, the text in that direction is split around each turned block
    (placed where it sits as the page is shown), and a turned block beside the text (a
    running header set along the margin) follows it. Ruled tables are found once, in the
    main direction's frame, and each is read in the direction most of its words run in;
    words of another direction inside it (a column heading set on its side) join their cell.
    """
    frames = Frame.all(page.get_bbox())
    shown = (page.get_rotation() // 90) % 4
    counts, by_dir = pdffast.page_words(page, settings, frames)
    present = [d for d in range(4) if counts[d]]
    rects = pdffast.path_bounds(page)
    if not pdffast.has_rules(rects):
        rects = None
    if len(present) <= 1:
        frame = frames[present[0] if present else shown]
        ws = by_dir[present[0]] if present else []
        tables = _ruled(pdftables.find_tables(rects, ws, frame, settings)) if rects else []
        return [_layout(number, frame, ws, tables, settings)]
    centres = {d: _centres(frames[d], by_dir[d]) for d in present}
    main = max(present, key=lambda d: (counts[d], d == shown))
    owned: dict[int, list] = {d: [] for d in present}
    claimed: list[tuple[float, float, float, float]] = []  # PDF-space boxes of the tables
    indexed: dict[int, pdftables.WordCentres] = {}
    for cells in pdftables.find_cells(rects, frames[main]) if rects else ():
        boxes = [frames[main].page_rect(*c) for c in cells]
        left, bottom = min(b[0] for b in boxes), min(b[1] for b in boxes)
        right, top = max(b[2] for b in boxes), max(b[3] for b in boxes)
        inside = {e: len([1 for x, y in centres[e] if left <= x <= right and bottom <= y <= top]) for e in present}
        d = max(present, key=lambda e: (inside[e], e == main))
        if d not in indexed:
            indexed[d] = pdftables.WordCentres(by_dir[d])
        table = pdftables.PdfiumTable([frames[d].rect(*b) for b in boxes], indexed[d], settings.pdf_line_tolerance)
        if _ruled([table]):
            owned[d].append(table)
            claimed.append((left, bottom, right, top))
    for d, tables in owned.items():
        for t in tables:
            left, bottom, right, top = frames[d].page_rect(*t.bbox)
            t.add_turned(
                [
                    (frames[d].rect(x, y, x, y), w, e)
                    for e in present
                    if e != d
                    for w, (x, y) in zip(by_dir[e], centres[e])
                    if left <= x <= right and bottom <= y <= top
                ]
            )
    parts = []
    for d in present:
        kept = _unclaimed(by_dir[d], centres[d], claimed) if claimed else by_dir[d]
        layout = _layout(number, frames[d], kept, owned[d], settings)
        if layout.lines or layout.tables:
            parts.append((d, layout, _extent(frames[d], frames[shown], kept, owned[d]), len(kept)))
    return _order(parts, shown)


def _order(parts: list, shown: int) -> list[PageLayout]:
    """The layouts of one page's directions in reading order, as the page is shown.

    `parts` holds (direction, layout, extent in the shown frame, word count). Text in the
    shown direction is read top down and split where a block of turned text sits; a
    turned block that lies beside the page's main text rather than within its width (a
    running header set along the margin) follows the page's text. Every layout after the
    first is marked as a fresh start: no paragraph runs on into it from another direction.
    """
    if len(parts) == 1:
        return [parts[0][1]]
    biggest = max(parts, key=lambda p: p[3])
    bx0, bx1 = biggest[2][0], biggest[2][2]
    aside = [p for p in parts if p is not biggest and (p[2][2] <= bx0 or p[2][0] >= bx1)]
    placed = [p for p in parts if p not in aside]
    upright = next((p for p in placed if p[0] == shown), None)
    blocks = sorted((p for p in placed if p is not upright), key=lambda p: p[2][1])
    out: list[PageLayout] = []
    if upright is None:
        out = [p[1] for p in blocks]
    else:
        layout = upright[1]
        items = sorted(
            [(ln.top, 1, ln) for ln in layout.lines] + [(top, 0, rows) for top, rows in layout.tables],
            key=lambda it: (it[0], it[1]),
        )
        k = 0
        for cut in [p[2][1] for p in blocks] + [float("inf")]:
            chunk = []
            while k < len(items) and items[k][0] < cut:
                chunk.append(items[k])
                k += 1
            if chunk:
                piece = PageLayout(layout.number, layout.width, layout.height, [it[2] for it in chunk if it[1] == 1])
                piece.tables = [(it[0], it[2]) for it in chunk if it[1] == 0]
                out.append(piece)
            if cut != float("inf"):
                out.append(blocks.pop(0)[1])
    out += [p[1] for p in aside]
    for layout in out[1:]:
        layout.fresh = True
    return out


# --- the interface extract/ocr.py lays out OCR'd lines through ------------------------

_PAGE_NUMBER = PAGE_NUMBER


@dataclass
class _Line:
    """A visual line as OCR reports it (top/bottom box, words as dicts with x0/x1/top/bottom)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    bold: bool
    words: list


def _assemble(per_page, settings: Settings) -> list[RawBlock]:
    """Lay out OCR'd pages with the PDF rules: `per_page` holds (page number, size, tables, lines).

    OCR boxes vary in height with the letters they hold, so every line gets the page's
    median line height as its font size; paragraphs then follow from pitch, fit and indent.
    """
    pages = []
    for page_no, size, _tables, ocr_lines in per_page:
        heights = [ln.bottom - ln.top for ln in ocr_lines if ln.bottom > ln.top]
        font_size = round(statistics.median(heights), 1) if heights else 10.0
        layout_lines = []
        for ln in ocr_lines:
            ws = [
                Word(
                    w["text"],
                    float(w["x0"]),
                    float(w["x1"]),
                    float(ln.bottom),
                    font_size,
                    "OCR-Bold" if ln.bold else "OCR",
                )
                for w in ln.words
                if str(w["text"]).strip()
            ]
            if ws:
                layout_lines.append(Line(ws))
        pages.append(PageLayout(page_no, float(size.width), float(size.height), layout_lines))
    return assemble(pages, settings)


# --- pages read as scattered letters -------------------------------------------------------

_LETTERS = regex.compile(r"\p{L}+")
# A page of Vietnamese prose has a few one-letter words ("ở", "ý", list letters "a)"); a page
# whose glyphs were put together in the wrong order ("t ế h y à g N") is mostly one-letter words.
SCATTERED_SHARE = 0.3
_SCATTERED_MIN_WORDS = 20


def one_letter_shares(raw: list[RawBlock]) -> dict[int, float]:
    """Per page with enough words to judge, the share of its words that are a single letter.

    A page's texts are read as one (joined by line breaks, which no word crosses)."""
    texts: dict[int, list[str]] = {}
    for b in raw:
        page = b.page or 1
        texts.setdefault(page, []).append(b.text)
        for r in b.rows:
            if r.cells:
                row_texts = texts.setdefault(r.page or page, [])
                row_texts += [c.text for c in r.cells]
    joined = ["\n".join(page_texts) for page_texts in texts.values()]
    counts = _letter_run_counts(joined)
    if counts is None:
        words = [_LETTERS.findall(text) for text in joined]
        counts = [(len(ws), list(map(len, ws)).count(1)) for ws in words]
    return {page: ones / n for page, (n, ones) in zip(texts, counts) if n >= _SCATTERED_MIN_WORDS}


def _letter_run_counts(texts: list[str]) -> list[tuple[int, int]] | None:
    """(runs of letters, runs of one letter) in each text, as _LETTERS finds them; None when
    a text holds a character beyond the Basic Multilingual Plane.

    A pattern search makes a string of every word, a few hundred thousand per document;
    the runs are counted from the texts' code points instead, in one pass over all of
    them, with the pattern's own letters (_bmp_letters). The texts are joined by line
    breaks, which no run crosses.
    """
    if not texts:
        return []
    full = "\n".join(texts)
    points = np.frombuffer(full.encode("utf-32-le", "surrogatepass"), np.uint32)
    if points.size and points.max() > 0xFFFF:
        return None
    letter = _bmp_letters()[points]
    first = letter.copy()
    first[1:] &= ~letter[:-1]
    alone = first.copy()
    alone[:-1] &= ~letter[1:]
    ends = np.cumsum([len(text) + 1 for text in texts]) - 1
    starts = ends - [len(text) for text in texts]
    runs, ones = np.zeros(len(full) + 1, np.int64), np.zeros(len(full) + 1, np.int64)
    np.cumsum(first, out=runs[1:])
    np.cumsum(alone, out=ones[1:])
    return list(zip((runs[ends] - runs[starts]).tolist(), (ones[ends] - ones[starts]).tolist()))


@lru_cache(maxsize=1)
def _bmp_letters() -> np.ndarray:
    """Which code points below U+10000 _LETTERS takes for letters, asked of the pattern (the
    regex module's Unicode tables are newer than Python's, so str.isalpha would differ)."""
    table = np.zeros(0x10000, bool)
    for m in _LETTERS.finditer("".join(map(chr, range(0x10000)))):
        table[m.start() : m.end()] = True
    return table


def scattered_pages(raw: list[RawBlock]) -> dict[int, float]:
    """Pages whose text is scattered letters: {page: share of one-letter words} over the limit."""
    return {page: share for page, share in one_letter_shares(raw).items() if share > SCATTERED_SHARE}


def pdfium_order_blocks(data: bytes, pages: list[int]) -> list[RawBlock]:
    """The given pages' text in PDFium's own content order, one paragraph per line: the other
    way of reading a page whose layout came out as scattered letters."""
    doc = _open_pdfium(data)
    out = []
    try:
        for number in pages:
            page = doc[number - 1]
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            textpage.close()
            page.close()
            for line in text.replace("\r\n", "\n").split("\n"):
                if line.strip():
                    out.append(RawBlock("paragraph", text=line.strip(), page=number, page_end=number))
    finally:
        doc.close()
    return out
