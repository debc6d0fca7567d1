"""Saved web pages (.html, .htm): the document a legal-document site shows, without the site.

A page saved from a legal-document site (thuvienphapluat, luatvietnam, vanban.chinhphu.vn,
a province's portal) holds the document inside the site: menus, a search box, a tab bar
("Nội dung | VB gốc | Lược đồ | Tải về"), the site's own table of the document's properties
("Số hiệu | Loại văn bản | Nơi ban hành"), then the document (letterhead table, title,
paragraphs, tables, signature), then lists of related documents, comments and a footer.
The document is read from its letterhead on: the element that holds the national motto
("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") and the issuing body beside it. A page without a
letterhead (a news item quoting a plan, an annex) is read from its main content: the
article element, or the element whose paragraphs hold the most text. Site chrome (scripts,
navigation, menus, forms, hidden elements, related-document lists, footers) is dropped;
paragraphs become paragraphs, table markup becomes table blocks with rows and cells
(colspan kept, a rowspan's later rows get the empty cell a Word table has there), and the
letterhead table becomes the header block, as the Word reader makes it.

The parser is lxml.html (libxml2's HTML parser): it reads the broken markup real sites
serve (unclosed <p> and <td>, stray end tags, tables inside paragraphs) much as a browser
does, it runs in C, and it is already installed as python-docx's XML layer, so it adds
no dependency. BeautifulSoup over html.parser is several times slower and repairs broken
tables differently from browsers; selectolax is faster still but is one more compiled
wheel and has no parent/ancestor navigation, which finding the document's container needs.

A page that is no document is refused with what it is: an HTTP error page (404, 403,
500 ...), a "page not found" or login page, a bot check, or an empty shell whose content
is built by JavaScript after loading (saved before it loaded).
"""

from __future__ import annotations

import codecs
import email
import email.policy
import re

import regex
from lxml import etree
from lxml import html as lxml_html

from extract.document.blocks import RawBlock, RawCell, RawRow
from extract.errors import CorruptFileError, LimitExceededError, NoTextError, UnsupportedFormatError
from extract.readers.encodings import decode_bytes
from extract.readers.sniff import is_web_archive
from extract.settings import Settings

# Elements whose content is never document text.
_DROP_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "svg",
        "canvas",
        "video",
        "audio",
        "map",
        "button",
        "select",
        "option",
        "input",
        "textarea",
        "label",
        "nav",
        "aside",
        "footer",
        "head",
        "title",
        "meta",
        "link",
        "img",
        "picture",
        "source",
    }
)
# Word tokens of a class or id that mark site chrome (split at non-letters and camelCase).
_CHROME_TOKENS = frozenset(
    {
        "nav",
        "navbar",
        "navigation",
        "menu",
        "menubar",
        "megamenu",
        "breadcrumb",
        "breadcrumbs",
        "footer",
        "sidebar",
        "related",
        "relate",
        "lienquan",
        "comment",
        "comments",
        "binhluan",
        "share",
        "sharing",
        "social",
        "banner",
        "ads",
        "advert",
        "advertisement",
        "quangcao",
        "login",
        "signin",
        "dangnhap",
        "register",
        "search",
        "timkiem",
        "cookie",
        "cookies",
        "popup",
        "modal",
        "toolbar",
        "pagination",
        "paging",
        "widget",
        "hotline",
        "copyright",
        "rating",
        "subscribe",
        "newsletter",
        "tabs",
        "tabbar",
    }
)
_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "center",
        "address",
        "figure",
        "figcaption",
        "form",
        "fieldset",
        "body",
        "hr",
        "caption",
        "tr",
        "td",
        "th",
        "thead",
        "tbody",
        "tfoot",
    }
)
_BOLD_TAGS = frozenset({"b", "strong"})
_CELL_TAGS = ("td", "th")

_MOTTO = regex.compile(
    r"c[ộo]ng\s+h[òo]a\s+x[ãa]\s+h[ộo]i\s+ch[ủu]\s+ngh[ĩi]a\s+vi[ệe]t\s+nam|đ[ộo]c\s+l[ậa]p\s*[-–—]\s*t[ựu]\s+do\s*[-–—]\s*h[ạa]nh\s+ph[úu]c|đ[ảa]ng\s+c[ộo]ng\s+s[ảa]n\s+vi[ệe]t\s+nam",
    regex.I,
)
_MOTTO_HINT = re.compile(r"c[ộo]ng|đ[ộo]c|đ[ảa]ng|C[ỘO]NG|Đ[ỘO]C|Đ[ẢA]NG", re.I)
_HEADER_MOTTO = regex.compile(r"CỘNG\s+H[OÒ]A|Độc\s+lập|Số\s*:|ĐẢNG\s+CỘNG\s+SẢN", regex.I)
_CONTENT_TOKENS = frozenset(
    {
        "content",
        "article",
        "detail",
        "details",
        "entry",
        "post",
        "noidung",
        "chitiet",
        "document",
        "doc",
        "vanban",
        "body",
        "main",
        "story",
        "news",
        "fulltext",
        "toanvan",
    }
)
# A heading after which a site lists other things, not the document.
_STOP = regex.compile(
    r"^\W*(?:văn\s+bản\s+liên\s+quan|các\s+văn\s+bản\s+liên\s+quan|bài\s+viết\s+liên\s+quan|tin\s+liên\s+quan|"
    r"tin\s+khác|các\s+tin\s+khác|tin\s+cùng\s+chuyên\s+mục|tin\s+mới\s+nhất|tin\s+đã\s+đăng|xem\s+thêm|"
    r"bình\s+luận|ý\s+kiến\s+bạn\s+đọc|gửi\s+ý\s+kiến|gửi\s+bình\s+luận|chia\s+sẻ|từ\s+khóa|tags?|"
    r"văn\s+bản\s+cùng\s+lĩnh\s+vực|văn\s+bản\s+mới|related\s+(?:articles|posts|documents))\W*$",
    regex.I,
)
_WS = re.compile(r"[ \t\r\n\f\v\u00a0\u200b\ufeff]+")

# What an error page says about itself (its title or first heading).
_ERROR_TITLE = regex.compile(
    r"\b(?:40[0-9]|41[0-9]|50[0-9])\b.{0,40}\b(?:not\s+found|forbidden|error|unauthori[sz]ed|bad\s+(?:gateway|request)|"
    r"service\s+unavailable|gateway\s+time-?out|lỗi|không\s+tìm\s+thấy)|"
    r"\b(?:not\s+found|forbidden|error|lỗi)\b.{0,10}\b(?:40[0-9]|50[0-9])\b|"
    r"page\s+not\s+found|file\s+not\s+found|không\s+tìm\s+thấy\s+(?:trang|nội\s+dung|văn\s+bản|tài\s+liệu|bài\s+viết)|"
    r"trang\s+(?:bạn\s+)?(?:yêu\s+cầu|tìm\s+kiếm)\s+không\s+tồn\s+tại|không\s+tồn\s+tại|đã\s+bị\s+xóa|"
    r"access\s+denied|internal\s+server\s+error|server\s+error|an\s+error\s+occurred|đã\s+xảy\s+ra\s+lỗi|"
    r"có\s+lỗi\s+xảy\s+ra|just\s+a\s+moment|attention\s+required|checking\s+your\s+browser|"
    r"verify(?:ing)?\s+you\s+are\s+(?:a\s+)?human|captcha|ddos\s+protection|^\W*(?:error|lỗi|not\s+found)\W*$",
    regex.I,
)
_LOGIN = regex.compile(r"đăng\s+nhập|log\s*in|sign\s*in|mật\s+khẩu|password", regex.I)
MIN_DOCUMENT_CHARS = 200
# libxml2's HTML parser drops what is nested deeper than 256 elements (html and body included)
MAX_DEPTH = 255
ERROR_PAGE_MAX_CHARS = 3000


def _tokens(el) -> set[str]:
    raw = f"{el.get('class') or ''} {el.get('id') or ''}"
    if not raw.strip():
        return set()
    raw = re.sub(r"([a-z])([A-Z])", r"\1 \2", raw)
    return {t for t in re.split(r"[^A-Za-z0-9]+", raw.lower()) if t}


def _hidden(el) -> bool:
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = (el.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def _declared_charset(data: bytes) -> str | None:
    m = re.search(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", data[:4096], re.I)
    if not m:
        m = re.search(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", data[:512], re.I)
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def _unwrap_archive(data: bytes, name_hint: str) -> tuple[bytes, str | None]:
    """The page inside a browser's single-file archive (.mht, .mhtml: a MIME message whose
    first text/html part is the page, quoted-printable or base64) and the charset its part
    declares; other bytes as they are."""
    if not is_web_archive(data):
        return data, None
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if payload:
                return payload, part.get_content_charset()
    raise UnsupportedFormatError(
        f"the web archive{name_hint} holds no HTML page; open it in a browser and save the page as 'Web page, HTML only'"
    )


def decode_html(data: bytes, charset: str | None = None) -> tuple[str, str]:
    """The page's text and its encoding: a byte-order mark, else the charset the page
    declares (when its bytes agree), else the one its archive part declares, else UTF-8,
    else the text decoder's guess."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc, errors="replace").lstrip("\ufeff"), enc
    declared = _declared_charset(data)
    if charset:
        try:
            charset = codecs.lookup(charset).name
        except LookupError:
            charset = None
    for enc in filter(None, (declared, charset, "utf-8")):
        try:
            return data.decode(enc), enc
        except (UnicodeDecodeError, LookupError):
            continue
    return decode_bytes(data)


def _parse(text: str):
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)  # lxml refuses a str that declares its encoding
    try:
        root = lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError) as e:
        raise NoTextError(f"the web page holds no HTML content to read ({e})") from e
    except etree.LxmlError as e:  # pragma: no cover - libxml2 recovers from nearly everything
        raise CorruptFileError(f"the web page cannot be parsed ({type(e).__name__}: {e}); save it again") from e
    depth = 0
    for event, _ in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        if depth >= MAX_DEPTH:
            raise CorruptFileError(
                f"the web page nests its elements {MAX_DEPTH} levels deep, where the HTML parser stops reading "
                "(what lies deeper would be lost); save the document's own file or its page as text"
            )
    return root


def _squash(text: str) -> str:
    """White space runs as one space, keeping a space at either end (str.split is many times
    faster than a pattern; it leaves the zero-width characters, removed first)."""
    if "\u200b" in text or "\ufeff" in text:
        text = text.replace("\u200b", "").replace("\ufeff", "")
    core = " ".join(text.split())
    if not core:
        return " " if text else ""
    return (" " if text[0].isspace() else "") + core + (" " if text[-1].isspace() else "")


def _text_of(el) -> str:
    return _squash(el.text_content()).strip()


def _own_text(el) -> str:
    """An element's text outside its children, line breaks and all ("CỘNG HÒA XÃ HỘI<br>CHỦ NGHĨA")."""
    return " ".join(filter(None, [el.text, *(c.tail for c in el)]))


def _motto_elements(root, first: bool = False) -> list:
    """Elements whose text opens the motto, found on the page's text nodes in order, so
    that a motto split by <br> or by inline tags ("<b>CỘNG HÒA XÃ HỘI</b> <b>CHỦ NGHĨA…")
    is found in one linear pass."""
    nodes = [t for t in root.xpath("//body//text()") if t.strip()]
    found = []
    for i, t in enumerate(nodes):
        if _MOTTO_HINT.search(t) is None:  # the match starts in this node, so its first word is here
            continue
        window = " ".join(nodes[i : i + 4])
        m = _MOTTO.search(window)
        if m is None or m.start() >= len(t):
            continue
        el = t.getparent()
        if t.is_tail:
            el = el.getparent()
        if el is not None and isinstance(el.tag, str) and el.tag not in _DROP_TAGS:
            found.append(el)
            if first:
                break
    return found


def _strip_chrome(root) -> None:
    """Remove every element that is never document text; an element holding the motto
    (the document's letterhead) is kept whatever its class says."""
    for el in list(root.iter(etree.Comment, etree.ProcessingInstruction)):
        _remove(el)
    keep = set()
    for el in _motto_elements(root):
        keep.update(id(a) for a in el.iterancestors())
        keep.add(id(el))
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or id(el) in keep or el.getparent() is None:
            continue
        tag = el.tag.lower()
        if tag in _DROP_TAGS or _hidden(el) or (tag not in ("body", "html") and _tokens(el) & _CHROME_TOKENS):
            _remove(el)


def _remove(el) -> None:
    """Drop an element but keep its tail text, which belongs to its parent."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _refuse_error_page(title: str, heading: str, text: str, password: bool, name_hint: str) -> None:
    """An error, login or bot-check page is not a document: say which it is. A page that
    holds a letterhead is a document, whatever its menus say ("Đăng nhập", "Lỗi")."""
    if _MOTTO.search(text) or len(text) >= ERROR_PAGE_MAX_CHARS:
        return
    short = text if len(text) < 300 else ""
    for what in (title, heading, short):
        if what and _ERROR_TITLE.search(what):
            raise UnsupportedFormatError(
                f"the web page{name_hint} is an error page ({what[:80]!r}), not a document; the site did not send "
                "the document: open the address again and save the page once the document shows"
            )
    if password and _LOGIN.search(text + " " + title):
        raise UnsupportedFormatError(
            f"the web page{name_hint} is a login page ({title[:80] or 'a password form'!r}), not a document; "
            "log in to the site and save the page that shows the document"
        )


def _letterhead(root):
    """The element that opens the document: the table holding the motto, or the block
    holding it with the issuing body's lines just before it."""
    found = _motto_elements(root, first=True)
    if not found:
        return None
    motto = found[0]
    for a in [motto, *motto.iterancestors()]:
        if a.tag == "table":
            outer = a
            # a layout table that wraps the whole page is not the letterhead
            if len(_text_of(outer)) < 1500:
                return outer
            break
    block = motto
    while block.getparent() is not None and block.tag not in ("p", "div", "td", "li", "center", "h1", "h2", "h3", "h4"):
        block = block.getparent()
    # the issuing body stands in the one or two blocks before the motto
    prev = block.getprevious()
    steps = 0
    while prev is not None and steps < 3 and len(_text_of(prev)) < 120:
        if _text_of(prev):
            block = prev
            steps += 1
        prev = prev.getprevious()
    return block


_PARAGRAPH_TAGS = frozenset({"p", "li", "blockquote", "pre", "h2", "h3", "h4", "td", "dd"})


def _main_content(body):
    """Where a page without a letterhead keeps its text: the element whose paragraphs hold
    the most text, each paragraph counting for its parent and half for its grandparent
    (as readability tools score a page), an <article>, <main> or content-named element
    counting half again."""
    scores: dict = {}
    for el in body.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag in _PARAGRAPH_TAGS or (el.tag == "div" and el.text and el.text.strip()):
            n = len(_text_of(el)) if el.tag != "div" else len(el.text.strip())
            parent = el.getparent()
            if parent is None:
                continue
            scores[parent] = scores.get(parent, 0) + n
            grand = parent.getparent()
            if grand is not None:
                scores[grand] = scores.get(grand, 0) + n / 2
    best, best_score = body, 0.0
    for el, score in scores.items():
        if el.tag in ("article", "main") or _tokens(el) & _CONTENT_TOKENS:
            score *= 1.5
        if score > best_score:
            best, best_score = el, score
    return best


class _Reader:
    """Paragraphs and tables of an element, in document order."""

    def __init__(self, start=None):
        self.blocks: list[RawBlock] = []
        self.buf: list[str] = []
        self.bold_chars = 0
        self.chars = 0
        self.bold = 0
        self.link = 0
        self.link_chars = 0
        self.started = start is None
        self.start = start
        self.stopped = False
        self.seen_text = False

    def flush(self) -> None:
        text = "".join(self.buf)
        self.buf = []
        lines = [" ".join(ln.split()) for ln in text.split("\n")]
        text = "\n".join(ln for ln in lines if ln)
        bold, chars, links = self.bold_chars, self.chars, self.link_chars
        self.bold_chars = self.chars = self.link_chars = 0
        if not text or not self.started or self.stopped:
            return
        if chars and links >= 0.9 * chars:  # a menu item or a link to another page
            return
        if self.seen_text and len(text) < 80 and _STOP.match(text):
            self.stopped = True
            return
        self.blocks.append(RawBlock("paragraph", text=text, emphasis=chars > 0 and bold >= 0.9 * chars))
        self.seen_text = True

    def add(self, text: str | None) -> None:
        if not text or self.stopped or not self.started:
            return
        text = _squash(text)  # a line break in the page's source is a space; <br> is the line break
        self.buf.append(text)
        n = len(text.strip())
        self.chars += n
        if self.bold:
            self.bold_chars += n
        if self.link:
            self.link_chars += n

    def walk(self, el) -> None:
        if self.stopped:
            return
        if el is self.start:
            self.flush()
            self.buf = []
            self.started = True
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag == "table":
            self.flush()
            if self.started:
                self.table(el)
            else:
                for child in el:
                    self.walk(child)
                self.flush()
            self.add(el.tail)
            return
        if tag == "br":
            self.buf.append("\n")
            self.add(el.tail)
            return
        if tag == "pre":
            self.flush()
            self.buf.append(el.text_content())
            self.flush()
            self.add(el.tail)
            return
        block = tag in _BLOCK_TAGS
        if block:
            self.flush()
        style = (el.get("style") or "").replace(" ", "").lower()
        bold = tag in _BOLD_TAGS or "font-weight:bold" in style or "font-weight:700" in style
        link = tag == "a"
        self.bold += bold
        self.link += link
        self.add(el.text)
        for child in el:
            self.walk(child)
        self.bold -= bold
        self.link -= link
        if block:
            self.flush()
        self.add(el.tail)

    def table(self, tbl) -> None:
        rows = _table_rows(tbl)
        if not rows:
            return
        sides = _header_sides(rows, self.seen_text)
        if sides is not None:
            for side, lines in zip(("left", "right"), sides, strict=True):
                if lines:
                    self.blocks.append(RawBlock("header", text="\n".join(lines), column=side))
            self.seen_text = True
            return
        if all(len(r.cells) == 1 for r in rows):  # a one-column layout table: its cells are paragraphs
            for r in rows:
                for line in r.cells[0].text.split("\n"):
                    if line.strip():
                        self.blocks.append(RawBlock("paragraph", text=line))
            self.seen_text = True
            return
        self.blocks.append(RawBlock("table", rows=rows))
        self.seen_text = True


def _own_rows(tbl):
    for child in tbl:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "tr":
            yield child, False
        elif child.tag in ("thead", "tbody", "tfoot"):
            for tr in child:
                if isinstance(tr.tag, str) and tr.tag == "tr":
                    yield tr, child.tag == "thead"


def _cell_text(cell) -> str:
    reader = _Reader()
    reader.add(cell.text)
    for child in cell:
        reader.walk(child)
    reader.flush()
    parts = []
    for b in reader.blocks:
        if b.kind == "table":
            parts.extend(" ".join(c.text for c in r.cells if c.text) for r in b.rows)
        else:
            parts.append(b.text)
    return "\n".join(p for p in parts if p.strip())


def _span(value: str | None) -> int:
    try:
        return max(1, min(int((value or "1").strip()), 100))
    except ValueError:
        return 1


def _table_rows(tbl) -> list[RawRow]:
    """Rows and cells on the table's grid: colspan widens a cell, and a rowspan leaves the
    rows below it an empty cell in its column (as a vertically merged Word cell does)."""
    rows: list[RawRow] = []
    pending: dict[int, tuple[int, int]] = {}  # column -> (rows still covered, colspan)
    for tr, in_head in _own_rows(tbl):
        cells: list[RawCell] = []
        col = 0
        tds = [c for c in tr if isinstance(c.tag, str) and c.tag in _CELL_TAGS]

        def fill_covered() -> None:
            nonlocal col
            while col in pending:
                left, span = pending[col]
                cells.append(RawCell("", col, span))
                if left <= 1:
                    del pending[col]
                else:
                    pending[col] = (left - 1, span)
                col += span

        for td in tds:
            fill_covered()
            span = _span(td.get("colspan"))
            down = _span(td.get("rowspan"))
            cells.append(RawCell(_cell_text(td), col, span))
            if down > 1:
                pending[col] = (down - 1, span)
            col += span
        fill_covered()
        for c in sorted(c for c in pending if c >= col):
            left, span = pending[c]
            cells.append(RawCell("", c, span))
            pending[c] = (left - 1, span)
            if left <= 1:
                del pending[c]
        if not any(c.text.strip() for c in cells):
            continue
        is_header = in_head or (bool(tds) and all(td.tag == "th" for td in tds))
        rows.append(RawRow(cells, is_header=is_header))
    return rows


_PLACE_DATE = regex.compile(r"ngày\s*[\d.…]*\s*tháng|,\s*ngày", regex.I)


def _header_sides(rows: list[RawRow], seen_text: bool) -> tuple[list[str], list[str]] | None:
    """The letterhead table's two columns (issuing body and number | motto, place and date),
    as the Word reader makes its header block; None for any other table. Empty spacer
    cells are left out; a row of one cell across the table goes to the right when it is
    the place and date, else to the left."""
    if not rows or len(rows) > 4:
        return None
    filled = [[c for c in r.cells if c.text.strip()] for r in rows]
    if any(len(cells) > 2 for cells in filled) or not any(len(cells) == 2 for cells in filled):
        return None
    text = " ".join(c.text for cells in filled for c in cells)
    if len(text) > 800 or not _HEADER_MOTTO.search(text) or (seen_text and not _MOTTO.search(text)):
        return None
    left: list[str] = []
    right: list[str] = []
    for cells in filled:
        if len(cells) == 2:
            left.append(cells[0].text)
            right.append(cells[1].text)
        elif cells:
            (right if _PLACE_DATE.search(cells[0].text) else left).append(cells[0].text)
    return left, right


def read_html(data: bytes, settings: Settings, name_hint: str = "") -> tuple[list[RawBlock], str]:
    """The document's blocks and the page's encoding. Raises UnsupportedFormatError for an
    error, login or bot-check page and NoTextError for a page with no document text."""
    data, charset = _unwrap_archive(data, name_hint)
    text, encoding = decode_html(data, charset)
    root = _parse(text)
    title_el = root.find(".//title")
    title = _WS.sub(" ", title_el.text_content()).strip() if title_el is not None else ""
    password = root.find(".//input[@type='password']") is not None
    body = root.find("body")
    if body is None:
        body = root
    _strip_chrome(root)
    heading = next((t for h in body.iter("h1", "h2") if (t := _text_of(h))), "")
    _refuse_error_page(title, heading, _text_of(body), password, name_hint)
    start = _letterhead(root)
    if start is not None:
        container = start.getparent() if start.getparent() is not None else body
        while container is not body and len(_text_of(container)) < len(_text_of(start)) + MIN_DOCUMENT_CHARS:
            container = container.getparent()
        reader = _Reader(start)
        reader.walk(container)
    else:
        container = _main_content(body)
        reader = _Reader()
        title = _page_heading(body, container)
        if title:
            reader.blocks.append(RawBlock("paragraph", text=title, emphasis=True))
            reader.seen_text = True
        reader.walk(container)
    reader.flush()
    chars = sum(len(b.text) + sum(len(c.text) for r in b.rows for c in r.cells) for b in reader.blocks)
    if chars > settings.max_text_chars:
        raise LimitExceededError(
            f"the web page's text has {chars:,} characters, over the limit max_text_chars={settings.max_text_chars:,}; "
            "raise that setting to read it"
        )
    if chars < MIN_DOCUMENT_CHARS and start is None:
        raise NoTextError(
            f"the web page{name_hint} holds no document text ({chars} characters once the site's menus and scripts are "
            "left out): probably a page whose content is built by JavaScript, saved before it loaded; save it again "
            "after the document shows, or download the document's own file"
        )
    return reader.blocks, encoding


def _page_heading(body, container) -> str | None:
    """The page's first heading when it stands outside the content (a news item's headline)."""
    for h in body.iter("h1"):
        if h is container or any(a is container for a in h.iterancestors()):
            return None
        text = _text_of(h)
        if text:
            return text
    return None
