"""What a reader hands to the document builder: blocks before text offsets exist.

Readers only say what they saw (a paragraph, a header column, a table's rows and cells,
with pages); the builder and the table joiner do everything that is the same whatever
the file format.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RawCell:
    text: str
    col: int
    colspan: int = 1


@dataclass
class RawRow:
    cells: list[RawCell]
    page: int | None = None
    is_header: bool = False
    joined: bool = False

    def texts(self) -> list[str]:
        return [c.text for c in self.cells]

    @property
    def ncols(self) -> int:
        return max((c.col + c.colspan for c in self.cells), default=0)


@dataclass
class RawBlock:
    kind: str  # "paragraph", "header", "table"
    text: str = ""
    page: int | None = None
    page_end: int | None = None
    rows: list[RawRow] = field(default_factory=list)
    column: str | None = None
    emphasis: bool = False
    # Set by readers that know a paragraph ended a page without finishing its sentence.
    continues: bool = False
    # A table that begins at the top of its page may be the rest of the previous page's table.
    starts_page: bool = False
