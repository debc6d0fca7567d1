"""The front of a document as it is published, read past the publisher's furniture.

Documents reach kehoach in the shapes publishers give them, not as their authors typed
them. A legal-document website prints its own record of the document before it (a
table "Số hiệu: … Loại văn bản: … Ngày ban hành: …", navigation, the page title), flattens
the letterhead's two columns into cells separated by "|" lines, keeps `**`/`*` emphasis
and wraps lines at about 80 columns wherever a phrase happens to fall ("Số:" above its
number, "Hà Nội, ngày 20" above "tháng 11 năm 2025"). The official gazette (Công báo)
prints a running header on every page ("CÔNG BÁO/Số 1271 + 1272/Ngày 11-9-2025", the
gazette's own number and date, not the document's), page numbers, its section headings
("VĂN BẢN QUY PHẠM PHÁP LUẬT") and, in text taken from its PDFs, pieces of that running
header interleaved with the letterhead.

`front_view` gives the letterhead and title of such a text as logical lines: furniture
left out, emphasis marks and cell separators dropped, a wrapped line joined to the line it
continues. Every logical line keeps the span of the stored text it was read from, so a
fact read from it still points into the stored text. The stored text itself is not
changed here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import regex

from extract.text.normalize import match_form, match_form_within

# The gazette's running header, whole or cut into pieces by the PDF's text order:
# "CÔNG BÁO/Số 1523 +" / "1524/Ngày 29-12-2024 3", "70 ÔNG BÁO/Số 1239 +", "58 CÔNG" ...
# "BÁO/Số 1053 + 1054/Ngày 10-8-2025", "66 CÔNG BÁO/" ... "Số 459 + 460/Ngày 11-03-2025".
_GAZETTE_DATE = r"/\s*Ngày\s*\d{1,2}\s*-\s*\d{1,2}\s*-\s*\d{4}"
_RUNNING = (
    regex.compile(
        r"^(?:\d{1,4}\s+)?C?ÔNG(?:\s*BÁO)?\s*(?:/\s*(?:Số\s*[\d\s+]*(?:" + _GAZETTE_DATE + r")?)?)?\s*(?:\d{1,4})?$"
    ),
    regex.compile(r"^(?:\d{1,4}\s+)?(?:BÁO\s*/\s*)?(?:Số\s*)?\+?\s*[\d\s+]*" + _GAZETTE_DATE + r"(?:\s+\d{1,4})?$"),
)
# Gazette section headings (the gazette's, not the document's) and bare page numbers.
_GAZETTE_SECTIONS = ("văn bản quy phạm pháp luật", "văn bản pháp luật khác", "phần i", "phần ii", "mục lục")
_PAGE_NUMBER = regex.compile(r"^(?:trang\s*)?\d{1,4}(?:\s*/\s*\d{1,4})?$", regex.I)
_SEPARATOR = regex.compile(r"^[\s\-_=*.…–—~|+:]*$")
# A legal-document site's record of the document and its page furniture.
_SITE_FIELD = regex.compile(
    r"^(?:số hiệu|loại văn bản|nơi ban hành|cơ quan ban hành|người ký|ngày ban hành|ngày hiệu lực|ngày công báo|"
    r"số công báo|tình trạng|lĩnh vực|ngày có hiệu lực|ngày hết hiệu lực|tình trạng hiệu lực|"
    r"đã biết|đang cập nhật|tư vấn liên quan|văn bản liên quan|lược đồ|nội dung|tiếng anh|tải về|"
    r"theo dõi hiệu lực|bản in|lưu|văn bản gốc|ngày đăng công báo|ngày đăng|số, ký hiệu|chức danh|thông tin áp dụng|"
    r"nguồn thu nhập)\b"
)
_SITE_ID = regex.compile(r"^\d{4,}$")
# Electronic-signature stamps printed in the margin of signed PDFs.
_SIGNATURE = regex.compile(r"(?:ký bởi|signed by|người ký\s*:|cơ quan\s*:|thời gian ký|email\s*:|ngày ký\s*:)", regex.I)
_MARKUP = regex.compile(
    r"\*\*|__|(?<![\p{L}\d])\*|\*(?![\p{L}\d])|^#{1,6}\s*|</?(?:b|i|u|strong|em|span|p|div)(?:\s[^>]*)?>|<br\s*/?>|\\(?=[-*_.])",
    regex.I,
)
# a character every match of _MARKUP holds: a line without one has no markup to drop
_MARKUP_CHAR = re.compile(r"[*_#<\\]")
_CELL_SPLIT = regex.compile(r"\s*\|\s*")
_LIST_MARK = regex.compile(
    r"^(?:[-+•–]\s|\d+(?:\.\d+)*[.)]\s|\d{1,2}(?:\.\d{1,2})+\s+\p{Lu}|[a-zđ][)]\s|[IVXLC]+[.)]\s|điều\s+\d|chương\s+[ivxlc\d])",
    regex.I,
)
# A line that stops where a phrase runs on: a label without its value, a date cut short.
_OPEN_END = regex.compile(
    r"(?:\bsố\s*:?|\bngày(?:\s*\d{1,2})?|\btháng(?:\s*\d{1,2})?|\bnăm|,|-|\bvà|\bcủa|\bvề)\s*$",
    regex.I,
)
# A level word at the end of a title's line waits for the unit's name on the next ("... TỈNH" /
# "BẮC KẠN"), unless the next line opens the body.
_LEVEL_END = regex.compile(r"(?:\btỉnh|\bhuyện|\bxã|\bphường|\bquận|\bthị xã|\bthị trấn|\bthành phố)\s*$", regex.I)
# "các xã, thị trấn", "cấp huyện": levels named as a group, after which no unit's name is cut
_COLLECTIVE_END = regex.compile(
    r"\b(?:các|những|cấp|mỗi|từng)\s+(?:(?:tỉnh|huyện|xã|phường|quận|thị xã|thị trấn|thành phố)\s*,?\s*(?:và\s+)?)+$",
    regex.I,
)
# the most characters other than white space a match of each holds ("tháng 12", "thành phố")
_OPEN_END_MOST, _LEVEL_END_MOST, _TERMINAL_MOST = 7, 8, 1
_BODY_OPENING = regex.compile(r"^(?:căn cứ|thực hiện|xét|theo|kính gửi|điều|sau khi|quyết định|quyết nghị)\b", regex.I)
_TERMINAL = regex.compile(r"[.;:!?)”\"]\s*$")
# white space to the patterns above, and a few characters that may be: counted as such, a
# tail holds no more characters than it really does
_MAYBE_SPACE = frozenset("\u180e\u200b\u2060\ufeff")


def _ends(pattern: regex.Pattern, text: str, most: int) -> bool:
    """pattern.search(text) is not None, for a pattern whose matches end the text (a
    closing `\\s*$`) and hold at most `most` characters other than white space: the search
    starts where the tail holds more than that, as no match can start before it."""
    i, seen = len(text), 0
    while i > 0 and seen <= most:
        i -= 1
        ch = text[i]
        if not (ch.isspace() or ch in _MAYBE_SPACE):
            seen += 1
    return pattern.search(text, i) is not None


@dataclass(frozen=True)
class ViewLine:
    """One logical line: `text` as read, `start`/`end` the span of the stored text it came from."""

    text: str
    start: int
    end: int


@dataclass
class _Raw:
    text: str
    start: int
    end: int
    kind: str  # "line", "break" (blank, separator, cell border), "skip" (furniture)


def is_running_header(line: str) -> bool:
    """True for a line (or a piece of one) of the gazette's running header."""
    s = " ".join(line.split())
    return ("BÁO" in s or "Ngày" in s or "ÔNG" in s) and any(p.match(s) for p in _RUNNING)


def _clean(line: str) -> str:
    if _MARKUP_CHAR.search(line) is not None:
        line = _MARKUP.sub("", line.replace("\t", " ").replace("\xa0", " "))
    return " ".join(line.split())


def _raw_lines(text: str, limit: int) -> list[_Raw]:
    out: list[_Raw] = []
    pos = 0
    form = match_form(text)  # the steps after this one read the whole text's too (cached)
    for part in text[:limit].split("\n"):
        start, end = pos, pos + len(part)
        pos = end + 1
        if "|" in part and part.strip() not in ("|", ""):
            cells, cpos = [], start
            for piece in part.split("|"):
                cells.append((piece, cpos))
                cpos += len(piece) + 1
            for piece, cpos in cells:
                out.extend(_classify(piece, cpos, form))
                out.append(_Raw("", cpos, cpos, "break"))
            continue
        out.extend(_classify(part, start, form))
    return out


def _classify(part: str, start: int, doc_form: str) -> list[_Raw]:
    """A piece of a line (`doc_form`: the matching form of the text it stands at `start` in)
    as a line, a break or furniture."""
    lead = len(part) - len(part.lstrip())
    s, e = start + lead, start + len(part.rstrip())
    text = _clean(part)
    if not text or _SEPARATOR.match(text):
        return [_Raw("", s, e, "break")]
    # most lines are clean as they stand: their form is a slice of the text's
    form = match_form_within(text, doc_form, s) if part.startswith(text, lead) else match_form(text)
    if (
        is_running_header(text)
        or _PAGE_NUMBER.match(text)
        or _SITE_ID.match(text)
        or _SITE_FIELD.match(form)
        or form in _GAZETTE_SECTIONS
        or _SIGNATURE.search(text)
    ):
        return [_Raw(text, s, e, "skip")]
    return [_Raw(text, s, e, "line")]


def continues(prev: str, nxt: str, full: bool = False) -> bool:
    """True when `nxt` carries on the phrase `prev` was cut in by a hard wrap: `prev` ends
    open (a label without its value, a date cut short, a comma, a level word before its
    name) or `nxt` starts in lower case or with a figure; with `full` (`prev` filled the
    width of a hard-wrapped text) any line that is not a list item or an article does."""
    if _LIST_MARK.match(nxt):
        return False
    if nxt[:1].isupper() and _COLLECTIVE_END.search(prev):
        return False
    if nxt[:1].isupper() and not prev.isupper() and _ends(_LEVEL_END, prev, _LEVEL_END_MOST):
        words = nxt.split()
        if not (len(words) >= 2 and words[1][:1].isupper()):
            return False  # "… xã hội huyện" / "Hướng dẫn, chỉ đạo …": a new sentence, not a unit's name
    body = _LIST_MARK.sub("", prev, count=1)  # "a)" opens no parenthesis
    if _ends(_OPEN_END, prev, _OPEN_END_MOST) or body.count("(") > body.count(")"):
        return True
    if _ends(_LEVEL_END, prev, _LEVEL_END_MOST) and not _BODY_OPENING.match(nxt):
        word = nxt.split(" ", 1)[0]
        if prev.isupper() and word.isupper():  # a wrapped title; in running text a name may not follow
            return True
    if _ends(_TERMINAL, prev, _TERMINAL_MOST):
        return False
    first = nxt[:1]
    if first.islower() or (first.isdigit() and not prev.isupper()) or full:
        return True
    # "Bình" / "Định, ngày 07 tháng 9 năm 2022": a place name cut before its comma
    return (
        len(prev.split()) <= 2
        and prev[:1].isupper()
        and not prev.isupper()
        and regex.match(r"^\p{Lu}\p{Ll}*\s*,", nxt) is not None
    )


def _is_rule(text: str, r: _Raw) -> bool:
    """A break that is a rule under the issuer ("-------"), not a blank line."""
    return bool(text[r.start : r.end].strip())


def front_view(text: str, limit: int = 12000) -> list[ViewLine]:
    """The logical lines of the first `limit` characters of `text` (see the module's docstring).

    Between two "|" border lines all lines form one logical line (a letterhead cell holds
    one item: the issuer, the motto, the number, the place and date). Elsewhere a line is
    joined to the next when the next continues it: the line ends open ("Số:", "ngày 20", a
    comma) or the next starts in lower case; a list item or article never continues a line.
    """
    raws = _raw_lines(text, limit)
    bars = [i for i, r in enumerate(raws) if r.kind == "break" and text[r.start : r.end].strip() == "|"]
    in_cell = [False] * len(raws)
    for a, b in zip(bars, bars[1:]):
        for i in range(a + 1, b):
            in_cell[i] = True
    if bars:  # the issuer's cell, before the first border: back to a blank line or the page's furniture
        i, lines = bars[0] - 1, 0
        while (
            i >= 0
            and raws[i].kind != "skip"
            and (raws[i].kind == "line" or raws[i].text == "" and _is_rule(text, raws[i]))
        ):
            lines += raws[i].kind == "line"
            i -= 1
        if 0 < lines <= 4:
            for k in range(i + 1, bars[0]):
                in_cell[k] = True
    out: list[ViewLine] = []
    cur: ViewLine | None = None
    cell_of_cur = False
    for i, r in enumerate(raws):
        if r.kind == "skip":
            continue
        if r.kind == "break":
            if cur is not None and not (in_cell[i] and cell_of_cur):
                out.append(cur)
                cur = None
            continue
        if cur is not None and ((in_cell[i] and cell_of_cur) or (not in_cell[i] and continues(cur.text, r.text))):
            cur = ViewLine(f"{cur.text} {r.text}", cur.start, r.end)
            continue
        if cur is not None:
            out.append(cur)
        cur = ViewLine(r.text, r.start, r.end)
        cell_of_cur = in_cell[i]
    if cur is not None:
        out.append(cur)
    return out


def running_header_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the lines of `text` that are (pieces of) the gazette's running header."""
    spans, pos = [], 0
    for part in text.split("\n"):
        # every piece of the header holds "ÔNG" or the date's "/", which cleaning never adds
        if ("Ô" in part or "/" in part) and is_running_header(_clean(part)):
            spans.append((pos, pos + len(part)))
        pos += len(part) + 1
    return spans
