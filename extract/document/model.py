"""The document model every reader produces and every extractor reads.

A document is an ordered list of blocks (the header block's two columns, headings,
paragraphs, tables) and one stored text that all of them point into. Spans are
[start, end) offsets into that text; `page` is the 1-based PDF page (None for DOCX/TXT,
whose pagination is not in the file).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice


@dataclass
class Cell:
    text: str
    start: int
    end: int
    col: int  # first grid column the cell occupies
    colspan: int = 1


@dataclass
class Row:
    cells: list[Cell]
    start: int
    end: int
    page: int | None = None
    is_header: bool = False
    joined: bool = False  # True when a continuation across a page break was merged into it

    def grid(self, ncols: int) -> list[Cell | None]:
        """Cells laid out on the table's grid; a merged cell fills every column it spans."""
        out: list[Cell | None] = [None] * ncols
        for c in self.cells:
            for k in range(c.col, min(ncols, c.col + c.colspan)):
                out[k] = c
        return out

    def texts(self, ncols: int) -> list[str]:
        return [c.text if c else "" for c in self.grid(ncols)]


@dataclass
class Block:
    kind: str  # "header", "heading", "paragraph", "table"
    text: str
    start: int
    end: int
    page: int | None = None
    page_end: int | None = None
    rows: list[Row] = field(default_factory=list)
    ncols: int = 0
    column: str | None = None  # "left"/"right" for the header block's two columns
    emphasis: bool = False  # bold or marked up as a heading in the source

    def header_rows(self) -> list[Row]:
        return [r for r in self.rows if r.is_header]

    def body_rows(self) -> list[Row]:
        return [r for r in self.rows if not r.is_header]


@dataclass(frozen=True)
class Section:
    section_id: int
    level: int
    label: str | None  # "I", "1", "2.1", "a", "Điều 3"; None for unnumbered headings
    label_kind: str  # "roman", "arabic", "arabic2", "arabic3", "letter", "article", "title"
    title: str
    start: int  # heading start
    end: int  # end of the section's content
    parent_id: int | None
    heading_end: int
    page: int | None = None


def _starts_if_in_order(blocks: list[Block]) -> list[int] | None:
    """The blocks' starts when each block ends by the start of the next, else None."""
    if all(b.start <= b.end for b in blocks) and all(a.end <= b.start for a, b in zip(blocks, blocks[1:])):
        return [b.start for b in blocks]
    return None


@dataclass
class Document:
    text: str
    blocks: list[Block]
    format: str  # "pdf", "docx", "txt", "html" (and doc, rtf, odt read through LibreOffice)
    pages: int | None = None
    encoding: str | None = None
    sections: tuple[Section, ...] = ()  # replaced, never edited: indexes over it key on its identity
    ocr: bool = False  # some text came from OCR of scanned pages
    ocr_confidence: float | None = None  # mean OCR word confidence, 0-100
    # Indexes that extraction steps build over this document (component headings, where each
    # section starts and ends), kept with it so that nothing outside the document goes stale.
    indexes: dict = field(default_factory=dict, repr=False, compare=False)
    # the national target programme the document is for (set by the programme step); the
    # steps that read Dự án of the poverty programme ask it before reading any
    programme: str | None = None
    # PDF pages whose layout came out as scattered letters: {page: (one-letter share as laid
    # out, share of the text kept, None when it is no longer scattered)}
    scattered_pages: dict = field(default_factory=dict)

    def page_at(self, offset: int) -> int | None:
        """The PDF page of a character offset (None outside PDFs): that of the first block
        holding it (an empty block: sitting at it), of the row holding it in a table.

        Every fact asks this of its start, so the blocks are not scanned from the first: where
        they follow one another in the text without overlapping (as build_document lays them
        out), no block before the last one starting before the offset can hold it, and none
        starting after it, so the scan covers only those between (found by bisection)."""
        index = self.indexes.get("page_at")
        if index is None or index[0] is not self.blocks or index[1] != len(self.blocks):
            index = self.indexes["page_at"] = (self.blocks, len(self.blocks), _starts_if_in_order(self.blocks))
        starts = index[2]
        blocks = self.blocks if starts is None else islice(self.blocks, max(bisect_left(starts, offset) - 1, 0), None)
        for b in blocks:
            if starts is not None and b.start > offset:
                break
            if b.start <= offset < b.end or (offset == b.end and b.start == b.end):
                if b.kind == "table":
                    for r in b.rows:
                        if r.start <= offset <= r.end:
                            return r.page
                return b.page
        return None

    def tables(self) -> Iterator[Block]:
        return (b for b in self.blocks if b.kind == "table")

    def section_at(self, offset: int) -> Section | None:
        """Innermost section whose span holds the offset."""
        best = None
        for s in self.sections:
            if s.start <= offset < s.end and (best is None or s.level >= best.level):
                best = s
        return best

    def ancestors(self, section: Section | None) -> list[Section]:
        """The section and its parents, innermost first."""
        by_id = {s.section_id: s for s in self.sections}
        out = []
        while section is not None:
            out.append(section)
            section = by_id.get(section.parent_id) if section.parent_id is not None else None
        return out
