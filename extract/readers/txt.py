"""Plain text and Markdown-ish text as plans are found converted from PDF or Word.

Conversions leave markers (`##`, `**bold**`, `*italic*`, `<b>`, `<i>`), debris such as
`[bookmark: _GoBack]`, tables as tab-separated lines (a row per line, the header row
repeated after each page break), and tables flattened one cell per line (each cell on a
line that starts with a tab, rows separated by a blank line).
"""

from __future__ import annotations

import regex

from extract.document.blocks import RawBlock, RawCell, RawRow
from extract.text.published import continues, is_running_header

_DEBRIS = regex.compile(r"\[bookmark:[^\]]*\]|</?(?:b|i|u|strong|em|span)(?:\s[^>]*)?>|<br\s*/?>", regex.I)
_HEADING_MARK = regex.compile(r"^\s*#{1,6}\s*")
_BOLD = regex.compile(r"\*\*(.+?)\*\*|__(.+?)__")
_ITALIC = regex.compile(r"(?<![\w*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\w*])")
_LETTER = regex.compile(r"\p{L}")
_ALL_BOLD = regex.compile(r"^\s*(?:#{1,6}\s*)?(?:\*\*|<b>)(.+)(?:\*\*|</b>)\s*$", regex.I)

# A flattened table needs at least this many rows, one of them this wide, to be a table.
_MIN_FLAT_ROWS = 2
_MIN_FLAT_WIDTH = 3


def strip_markup(line: str) -> str:
    line = _DEBRIS.sub("", line)
    line = _HEADING_MARK.sub("", line)
    line = _BOLD.sub(lambda m: m.group(1) or m.group(2), line)
    line = _ITALIC.sub(lambda m: m.group(1), line)
    return line


def _is_emphasised(line: str) -> bool:
    return bool(_HEADING_MARK.match(line)) or bool(_ALL_BOLD.match(line))


def _row(cells: list[str]) -> RawRow:
    """One table row; a merged cell that the conversion wrote once per grid column it
    spans (the same words in adjacent cells) becomes one cell spanning them."""
    out: list[RawCell] = []
    for i, c in enumerate(cells):
        text = strip_markup(c).strip()
        prev = out[-1] if out else None
        if prev is not None and text and text == prev.text and _LETTER.search(text):
            prev.colspan += 1
            continue
        out.append(RawCell(text, i))
    return RawRow(out)


def _close_bold_spans(lines: list[str]) -> tuple[list[str], set[int]]:
    """Bold that spans lines ("**TM. ỦY BAN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH**", a Markdown
    paragraph with hard breaks) is closed on each line, so every line strips alone; returns
    the lines and the indices of lines that sat inside such a span."""
    out = list(lines)
    inside: set[int] = set()
    i = 0
    while i < len(out):
        if out[i].count("**") % 2 == 1 and out[i].lstrip().startswith("**"):
            j = i + 1
            while j < len(out) and out[j].strip() and out[j].count("**") % 2 == 0:
                j += 1
            if j < len(out) and out[j].strip() and out[j].count("**") % 2 == 1:
                for k in range(i, j + 1):
                    body = out[k].rstrip()
                    if k == i:
                        body = body + "**"
                    elif k == j:
                        body = "**" + body.lstrip()
                    else:
                        body = "**" + body.strip() + "**"
                    out[k] = body
                    inside.add(k)
                i = j + 1
                continue
        i += 1
    return out, inside


def _wrap_width(lines: list[str]) -> int | None:
    """The column at which a hard-wrapped text was cut (a legal-document site's ~80, a
    gazette's PDF text), or None when the text keeps a paragraph per line: most of its long
    lines end within a few columns of the longest."""
    lengths = sorted(len(ln.rstrip()) for ln in lines if ln.strip() and "\t" not in ln)
    if len(lengths) < 20:
        return None
    width = lengths[int(len(lengths) * 0.95) - 1]
    if not 50 <= width <= 140:
        return None
    near = sum(1 for n in lengths if width - 15 <= n <= width + 2)
    return width if near >= 0.3 * len(lengths) else None


def _is_plain(line: str) -> bool:
    return bool(_LETTER.search(line)) and "\t" not in line and not _is_flat_cell(line)


def _cells(lines: list[str]) -> list[int]:
    """For each line, the number of the letterhead cell it belongs to (0: none). A site lays
    the letterhead's cells out one after another between bare "|" border lines; the issuer's
    cell is the run of lines (at most four) just above the first border."""
    bars = [i for i, ln in enumerate(lines) if strip_markup(ln).strip() == "|"]
    cell = [0] * len(lines)
    for n, (a, b) in enumerate(zip(bars, bars[1:]), 2):
        for i in range(a + 1, b):
            cell[i] = n
    if bars:
        i = bars[0] - 1
        while i >= 0 and lines[i].strip() and bars[0] - i <= 5:
            i -= 1
        if sum(1 for k in range(i + 1, bars[0]) if _is_plain(lines[k])) <= 4:
            for k in range(i + 1, bars[0]):
                cell[k] = 1
    return cell


def rebuild_paragraphs(lines: list[str]) -> list[str]:
    """Lines as the document's paragraphs: the gazette's running header lines dropped, a
    bare "|" cell border dropped, the lines of one letterhead cell joined ("HỘI" / "ĐỒNG
    NHÂN DÂN" / "TỈNH BÌNH ĐỊNH"), and a line the layout wrapped joined to the one it
    continues (see text.published.continues; in a hard-wrapped text a line that fills the
    width and does not end a sentence runs on too). Tables (tab-separated or one cell per
    line) are left alone."""
    width = _wrap_width(lines)
    cell = _cells(lines)
    out: list[str] = []
    out_cell: list[int] = []
    for i, line in enumerate(lines):
        bare = strip_markup(line).strip()
        if bare == "|" or (bare and is_running_header(bare)):
            continue
        if out and _is_plain(line) and _is_plain(out[-1]):
            prev = strip_markup(out[-1]).strip()
            full = (
                width is not None
                and len(out[-1].rstrip()) >= width - 15
                and not _TERMINAL_END.search(prev)
                and not _HEADING.match(prev)
            )
            same_cell = cell[i] and out_cell[-1] == cell[i]
            if same_cell or (not cell[i] and continues(prev, bare, full and not _STARTS_ITEM.match(bare))):
                out[-1] = out[-1].rstrip() + " " + line.strip()
                continue
        out.append(line)
        out_cell.append(cell[i])
    return out


# a numbered heading ("5. Dự án 5: Hỗ trợ nhà ở ...") may fill the width without running on
_HEADING = regex.compile(
    r"^(?:[IVXLC]+[.)]\s|(?:(?:\d+(?:\.\d+)*[.)]?|[a-zđ][)])\s+)?(?:Dự án|Tiểu dự án|Điều|Chương|Mục|Phần|DỰ ÁN|TIỂU DỰ ÁN)\s)"
)
_TERMINAL_END = regex.compile(r"[.;:!?]\**\s*$")
_STARTS_ITEM = regex.compile(r"^(?:[-+•–*#]|\d+(?:\.\d+)*[.)]\s|[a-zđ][)]\s|[IVXLC]+[.)]\s|(?:Điều|Chương|Mục|Phần)\s)")


def read_text(text: str) -> list[RawBlock]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines, _ = _close_bold_spans(lines)
    lines = rebuild_paragraphs(lines)
    blocks: list[RawBlock] = []
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        if _is_flat_cell(line):
            rows, j = _read_flat_table(lines, i)
            if len(rows) >= _MIN_FLAT_ROWS and max(len(r.cells) for r in rows) >= _MIN_FLAT_WIDTH:
                blocks.append(RawBlock("table", rows=rows))
                i = j
                continue
        if (
            "\t" in line
            and len(line.strip("\t ").split("\t")) >= 2
            or (line.startswith("\t") and line.count("\t") >= 2)
        ):
            rows = []
            while i < n and "\t" in lines[i] and lines[i].strip():
                cells = lines[i].split("\t")
                rows.append(_row(cells))
                i += 1
            if not rows:  # a line of tabs and spaces only: nothing to read, and no row to stop at
                i += 1
                continue
            if len(rows) == 1 and sum(1 for c in rows[0].cells if c.text) < 2:
                blocks.append(RawBlock("paragraph", text=rows[0].cells[-1].text if rows[0].cells else ""))
            else:
                blocks.append(RawBlock("table", rows=rows))
            continue
        stripped = strip_markup(line).strip()
        if stripped:
            blocks.append(RawBlock("paragraph", text=stripped, emphasis=_is_emphasised(line)))
        i += 1
    return blocks


_FLAT_CELL = regex.compile(r"^ ?\t[^\t]*$")


def _is_flat_cell(line: str) -> bool:
    return bool(_FLAT_CELL.match(line))


def _read_flat_table(lines: list[str], i: int) -> tuple[list[RawRow], int]:
    """Rows of a table flattened one cell per line; returns the rows and the next line index."""
    rows: list[RawRow] = []
    n = len(lines)
    while i < n and _is_flat_cell(lines[i]):
        cells = []
        while i < n and _is_flat_cell(lines[i]):
            cells.append(lines[i].split("\t", 1)[1])
            i += 1
        while cells and not cells[-1].strip():
            cells.pop()
        if cells:
            rows.append(_row(cells))
        # rows are separated by one empty line; anything else ends the table
        if i < n and lines[i].strip() == "" and i + 1 < n and _is_flat_cell(lines[i + 1]):
            i += 1
    return rows, i
