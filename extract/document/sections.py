"""The heading tree of a document.

Plans number their parts in a fixed order of label kinds (Điều / I. / 1. / 1.1. /
1.1.1. / a)), so a heading's depth follows from its label kind relative to the headings
open above it, not from any markup level (which conversions get wrong). Numbering
mistakes in the document (two sections both printed "II.") do not matter here: the tree
is built from the kinds, and the labels are kept as printed.

Headings without a number are recognised by form: all-capital lines ("KẾ HOẠCH",
"PHỤ LỤC") start a new top-level part; other short emphasised lines nest under the
heading open above them. A title printed over several lines ("KẾ HOẠCH" / "THỰC HIỆN
CHƯƠNG TRÌNH ...") is one heading, not a run of empty parts, so adjacent capital lines
with nothing between them make one section. A line that opens with a dash or bullet is a
list item however it is set (a bold "- BLĐVP, NCVX;" in a distribution list is not a
heading).
"""

from __future__ import annotations

import regex

from extract.document.model import Document, Section

_LABELS = [
    ("article", regex.compile(r"^(Điều\s+\d+)\s*[.:]\s*")),
    ("arabic3", regex.compile(r"^(\d{1,2}\.\d{1,2}\.\d{1,2})\.?\s+(?=\S)")),
    ("arabic2", regex.compile(r"^(\d{1,2}\.\d{1,2})\.?\s+(?=\D)")),
    ("arabic", regex.compile(r"^(\d{1,2})\s*[.)]\s+(?=\S)")),
    ("roman", regex.compile(r"^([IVX]{1,5})\s*[.:]\s*(?=\S)")),
    ("letter", regex.compile(r"^([a-zđ])\s*\)\s*(?=\S)")),
]
# Every label above opens with one of these: a text that does not is tried against none of them.
_LABEL_START = regex.compile(r"^(?:Điều|\d|[IVX]|[a-zđ])")
# The labels above as one pattern, tried in their order (the first kind that matches wins,
# as it would trying them one by one), each kind's label its own named group.
_ANY_LABEL = regex.compile(
    "^(?:" + "|".join(pattern.pattern[1:].replace("(", f"(?P<{kind}>", 1) for kind, pattern in _LABELS) + ")"
)
RANK = {"title": 0, "article": 1, "roman": 1, "arabic": 2, "arabic2": 3, "arabic3": 4, "letter": 5, "emphasis": 6}

_MAX_TITLE = 200
_MAX_UNNUMBERED = 160
_LETTERS = regex.compile(r"\p{L}")
_ASCII_SMALL = bytes(range(ord("a"), ord("z") + 1))
_BULLET = regex.compile(r"^[-+•–—*]")


def heading_label(text: str) -> tuple[str, str, int] | None:
    """(kind, label, length of the label prefix) when a line opens with a heading label."""
    if _LABEL_START.match(text) is None:
        return None
    m = _ANY_LABEL.match(text)
    if m is None:
        return None
    kind = m.lastgroup
    return kind, m.group(kind), m.end()


def _is_caps(text: str) -> bool:
    # a-z are letters and not capitals, and a text has no more letters than characters: when
    # a tenth of it is a-z, capitals cannot be nine letters in ten (most paragraphs end here)
    utf8 = text.encode("utf-8", "surrogatepass")
    if (len(utf8) - len(utf8.translate(None, _ASCII_SMALL))) * 10 >= len(text):
        return False
    letters = _LETTERS.findall(text)
    return len(letters) >= 4 and sum(map(str.isupper, letters)) / len(letters) > 0.9


def _title(text: str) -> str:
    text = text.strip()
    if len(text) > _MAX_TITLE:
        head, sep, _ = text.partition(":")
        text = head if sep and len(head) <= _MAX_TITLE else text[:_MAX_TITLE].rsplit(" ", 1)[0]
    return text.rstrip(":").strip()


def detect_sections(doc: Document) -> None:
    found: list[tuple[str, str | None, str, int, int, int | None]] = []
    prev_title = False  # the block just before was an unnumbered capital heading
    for b in doc.blocks:
        if b.kind not in ("paragraph", "heading"):
            prev_title = False
            continue
        lab = heading_label(b.text)
        is_title = False
        if lab:
            kind, label, n = lab
            if kind == "article":
                label = regex.sub(r"\s+", " ", label)
            found.append((kind, label, _title(b.text[n:]), b.start, b.end, b.page))
        elif _BULLET.match(b.text) or len(b.text) > _MAX_UNNUMBERED:
            prev_title = False
            continue
        elif _is_caps(b.text):
            is_title = True
            if prev_title:
                kind, label, title, start, _, page = found[-1]
                found[-1] = (kind, label, _title(title + " " + b.text), start, b.end, page)
            else:
                found.append(("title", None, _title(b.text), b.start, b.end, b.page))
        elif b.emphasis:
            found.append(("emphasis", None, _title(b.text), b.start, b.end, b.page))
        else:
            prev_title = False
            continue
        prev_title = is_title
        b.kind = "heading"

    # a section ends where the next heading of the same or a higher rank begins: just when
    # that heading closes it on the stack of open sections
    opened: list[tuple[int, int, str | None, str, str, int, int, int | None, int | None]] = []
    ends: list[int] = []
    stack: list[tuple[int, int]] = []  # (rank, index in opened)
    for i, (kind, label, title, start, hend, page) in enumerate(found):
        rank = RANK[kind]
        while stack and stack[-1][0] >= rank:
            ends[stack.pop()[1]] = start
        parent = stack[-1][1] + 1 if stack else None
        opened.append((i + 1, len(stack) + 1, label, kind, title, start, hend, page, parent))
        ends.append(len(doc.text))
        stack.append((rank, i))
    doc.sections = tuple(
        Section(
            section_id=sid,
            level=level,
            label=label,
            label_kind=kind,
            title=title,
            start=start,
            end=end,
            parent_id=parent,
            heading_end=hend,
            page=page,
        )
        for (sid, level, label, kind, title, start, hend, page, parent), end in zip(opened, ends)
    )
