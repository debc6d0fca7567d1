"""Scanned PDFs: pages without a text layer are rasterised and read with Tesseract.

Many plans are published as scans of the signed paper copy. A page whose text layer holds
(almost) nothing but which carries an image is rendered with pdfium and recognised by the
`tesseract` program with its Vietnamese model. Tesseract's own line grouping is kept
(it copes with slight skew); lines that sit side by side are merged into one visual line,
so the PDF reader's paragraph and header-column rules apply to a scan exactly as they do
to a born-digital page. Word confidences are averaged into the document's
`ocr_confidence`.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from extract.document.blocks import RawBlock
from extract.errors import CorruptFileError, LimitExceededError, MissingToolError, TimeLimitError
from extract.readers.external import run_tool
from extract.readers.pdf import _PAGE_NUMBER, _assemble, _Line
from extract.settings import Settings
from extract.timelimit import check, remaining

LANGUAGE = "vie"
_HOW_TO_INSTALL = "install Tesseract with its Vietnamese model (Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-vie, or run 'make system-deps') and ingest again"
# Seconds Tesseract may take on one page before the page is given up as unreadable.
_PAGE_TIMEOUT = 300.0


@dataclass
class OcrResult:
    blocks: list[RawBlock]
    confidence: float | None  # mean word confidence, 0-100
    pages: list[int]


@lru_cache(maxsize=1)
def _languages(program: str) -> frozenset[str]:
    try:
        out = run_tool([program, "--list-langs"], 30).stdout.decode("utf-8", "replace")
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    return frozenset(line.strip() for line in out.splitlines()[1:] if line.strip())


def tesseract() -> str:
    """The tesseract program, checked to have the Vietnamese model; raises MissingToolError."""
    program = shutil.which("tesseract")
    if program is None:
        raise MissingToolError(
            f"the PDF is a scan (its pages carry no text layer) and reading it needs OCR: {_HOW_TO_INSTALL}"
        )
    if LANGUAGE not in _languages(program):
        raise MissingToolError(
            f"the PDF is a scan and Tesseract lacks its Vietnamese model ('{LANGUAGE}'): {_HOW_TO_INSTALL}"
        )
    return program


def scanned_pages(data: bytes, text_chars: dict[int, int], pages: int, settings: Settings) -> list[int]:
    """Pages (1-based) with too little text-layer text that carry an image."""
    candidates = [p for p in range(1, pages + 1) if text_chars.get(p, 0) < settings.ocr_min_chars_per_page]
    if not candidates:
        return []
    # deferred: PDFium loads only when a page is OCR'd
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        pdf = pdfium.PdfDocument(data)
    except Exception as e:  # pdfium raises PdfiumError and others on damaged files
        raise CorruptFileError(
            f"the PDF's pages cannot be rendered for OCR ({type(e).__name__}: {e}); re-download it"
        ) from e
    try:
        out = []
        for p in candidates:
            if p > len(pdf):
                break
            page = pdf[p - 1]
            try:
                if any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3)):
                    out.append(p)
            finally:
                page.close()
        return out
    finally:
        pdf.close()


def ocr_pdf_pages(data: bytes, page_numbers: list[int], settings: Settings) -> OcrResult:
    if len(page_numbers) > settings.max_ocr_pages:
        raise LimitExceededError(
            f"the PDF has {len(page_numbers)} scanned pages to OCR, over the limit max_ocr_pages={settings.max_ocr_pages}; "
            "raise that setting to read it"
        )
    program = tesseract()
    # deferred: PDFium loads only when a page is OCR'd
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except Exception as e:
        raise CorruptFileError(
            f"the PDF's pages cannot be rendered for OCR ({type(e).__name__}: {e}); re-download it"
        ) from e
    per_page = []
    confidences: list[float] = []
    try:
        with tempfile.TemporaryDirectory(prefix="kehoach-ocr-") as tmp:
            for p in page_numbers:
                check()
                page = pdf[p - 1]
                try:
                    width, height = page.get_size()
                    image = page.render(scale=settings.ocr_dpi / 72, grayscale=True).to_pil()
                finally:
                    page.close()
                png = Path(tmp) / f"page{p}.png"
                image.save(png, dpi=(settings.ocr_dpi, settings.ocr_dpi))
                words = _run(program, png, settings)
                confidences += [w.conf for w in words if w.conf >= 0 and w.text.strip()]
                lines = _visual_lines(words, 72 / settings.ocr_dpi)
                margin = settings.pdf_page_number_margin * height
                lines = [
                    ln
                    for ln in lines
                    if not (_PAGE_NUMBER.match(ln.text) and (ln.top < margin or ln.bottom > height - margin))
                ]
                per_page.append((p, _PageSize(width, height), [], lines))
    finally:
        pdf.close()
    blocks = _assemble(per_page, settings) if per_page else []
    confidence = round(sum(confidences) / len(confidences), 2) if confidences else None
    return OcrResult(blocks, confidence, list(page_numbers))


@dataclass
class _PageSize:
    width: float
    height: float


@dataclass
class _Word:
    text: str
    conf: float
    left: int
    top: int
    width: int
    height: int
    line: tuple[int, int, int]


def _run(program: str, png: Path, settings: Settings) -> list[_Word]:
    timeout = remaining(_PAGE_TIMEOUT)
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    cmd = [program, str(png), "stdout", "-l", LANGUAGE, "--psm", "3", "--dpi", str(settings.ocr_dpi), "tsv"]
    try:
        proc = run_tool(cmd, timeout, env)
    except subprocess.TimeoutExpired as e:
        raise TimeLimitError(
            f"OCR of a page did not finish within the time left under max_seconds_per_document="
            f"{settings.max_seconds_per_document:g}; raise that setting to read this scan"
        ) from e
    out, err = proc.stdout, proc.stderr
    if proc.returncode != 0:
        detail = err.decode("utf-8", "replace").strip().splitlines()
        raise CorruptFileError(
            f"Tesseract could not read a scanned page ({detail[-1][:200] if detail else 'no message'})"
        )
    words = []
    reader = csv.DictReader(io.StringIO(out.decode("utf-8", "replace")), delimiter="\t", quoting=csv.QUOTE_NONE)
    for row in reader:
        if row.get("level") != "5" or not (row.get("text") or "").strip():
            continue
        try:
            words.append(
                _Word(
                    row["text"],
                    float(row["conf"]),
                    int(row["left"]),
                    int(row["top"]),
                    int(row["width"]),
                    int(row["height"]),
                    (int(row["block_num"]), int(row["par_num"]), int(row["line_num"])),
                )
            )
        except (KeyError, ValueError):
            continue
    return words


def _visual_lines(words: list[_Word], scale: float) -> list[_Line]:
    """Tesseract's lines, merged where they sit side by side, in page coordinates (points)."""
    groups: dict[tuple, list[_Word]] = {}
    for w in words:
        groups.setdefault(w.line, []).append(w)
    tess_lines = []
    for ws in groups.values():
        ws.sort(key=lambda w: w.left)
        top = min(w.top for w in ws)
        bottom = max(w.top + w.height for w in ws)
        tess_lines.append((top, bottom, ws))
    tess_lines.sort(key=lambda t: (t[0] + t[1]) / 2)
    rows: list[list] = []
    for top, bottom, ws in tess_lines:
        if rows:
            rtop, rbottom, rws = rows[-1]
            overlap = min(bottom, rbottom) - max(top, rtop)
            if overlap > 0.5 * min(bottom - top, rbottom - rtop) and not _overlaps_horizontally(ws, rws):
                rows[-1] = [min(top, rtop), max(bottom, rbottom), rws + ws]
                continue
        rows.append([top, bottom, list(ws)])
    lines = []
    for top, bottom, ws in rows:
        ws.sort(key=lambda w: w.left)
        pdf_words = [
            {
                "text": w.text,
                "x0": w.left * scale,
                "x1": (w.left + w.width) * scale,
                "top": w.top * scale,
                "bottom": (w.top + w.height) * scale,
            }
            for w in ws
        ]
        lines.append(
            _Line(
                text=" ".join(w.text for w in ws),
                x0=pdf_words[0]["x0"],
                x1=max(w["x1"] for w in pdf_words),
                top=top * scale,
                bottom=bottom * scale,
                bold=False,
                words=pdf_words,
            )
        )
    return lines


def _overlaps_horizontally(a: list[_Word], b: list[_Word]) -> bool:
    a0, a1 = min(w.left for w in a), max(w.left + w.width for w in a)
    b0, b1 = min(w.left for w in b), max(w.left + w.width for w in b)
    return min(a1, b1) > max(a0, b0)
