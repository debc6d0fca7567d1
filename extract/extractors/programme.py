"""Which national target programme a document is for, and the words that decided it.

Plans of five national target programmes look alike: the ethnic-minority programme has
its own Dự án 1–10, drug prevention its Dự án 1–9, and every programme has Mục tiêu,
Kinh phí and Tổ chức thực hiện. What tells them apart is what the document says it is
for: its title ("Kế hoạch thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững
năm 2024"), the documents it rests on ("Căn cứ Quyết định số 90/QĐ-TTg ..."), and, for a
page that quotes a plan, its opening. The evidence is read in that order, and the first
place that names a programme decides:

1. the title (as the metadata step found it) and then the rest of the opening, before the
   first "Căn cứ" / "Thực hiện" paragraph: one programme named there is the document's,
   two or more, or "các chương trình mục tiêu quốc gia", make it `several`; an opening that
   names no programme but makes poverty reduction its subject ("giảm nghèo", "thoát
   nghèo") is for the poverty programme of the document's years;
2. the legal bases ("Căn cứ ...", "Thực hiện ..."): the programme cited most, or `several`
   when two are cited about as often;
3. the body, where a programme must be named at least twice and clearly more than any
   other, because plans of one programme mention the others in passing ("lồng ghép với
   Chương trình xây dựng nông thôn mới").

A poverty programme named without its own years ("Chương trình giảm nghèo bền vững")
takes the period printed with it, else the year printed with it, else the document's own
period or date. A document that names no programme and whose opening is not about
poverty reduction is `none`: a news item, a Q&A article or a legal document on another
subject. The quote and span of the deciding words are stored with the key.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from extract import rules
from extract.document.model import Document
from extract.document.provenance import provenance
from extract.extractors.step import Context, step
from extract.text.normalize import PhraseScan, collapse, match_form
from extract.vocabulary import POVERTY

SEVERAL, NONE = "several", "none"


# "Chương trình", "Chương trình mục tiêu quốc gia (MTQG)", "Chương trình MTQG về", "CTMTQG"
_PREFIX = (
    r"(?:chương\s+trình(?:\s+(?:mục\s+tiêu\s+quốc(?:\s+gia)?|mục\s+tiêu|mtqg))?"
    r"(?:\s*\(\s*(?:ct)?mtqg\s*\))?|ct\s*mtqg)(?:\s+về)?\s+"
)
_SEP = r"(?:\s*[-,]\s*|\s+)"
_TOKEN = regex.compile(r"[^\s,\-]+")
_SEP_RE = regex.compile(_SEP)
_SPACES = regex.compile(r"\s+")
_PERIOD = regex.compile(r"(?:giai\s+đoạn|thời\s+kỳ|từ\s+năm|từ)?\s*(\d{4})\s*(?:-|đến(?:\s+năm)?)\s*(\d{4})")
_YEAR = regex.compile(r"năm\s+(\d{4})")
_ANY_YEAR = regex.compile(r"(?<!\d)(20[0-4]\d|199\d)(?!\d)")
# "Số: 12/2022/NQ-HĐND": a document number, for instruments
_NUMBER = regex.compile(
    r"(?<![\w/])(\d+[a-zđ]?)\s*/\s*(?:(\d{4})\s*/\s*)?([a-zđ][a-zđ0-9]*(?:\s*-\s*[a-zđ0-9]+)*)(?![\w])"
)
_DATE_AFTER = regex.compile(
    r"\s*,?\s*(?:ngày\s+\d{1,2}\s*(?:[/.-]\s*\d{1,2}\s*[/.-]|\s+tháng\s+\d{1,2}\s+năm)\s*|năm\s+)(\d{4})"
)
# where the opening ends: the first legal basis, or the first numbered part
_BASIS_LINE = regex.compile(r"^\W{0,3}(?:căn\s+cứ|thực\s+hiện|xét\s|theo\s+đề\s+nghị|triển\s+khai|thi\s+hành)", regex.M)
_PART_LINE = regex.compile(
    r"^\s*(?:[ivx]+\.|\d+\.|điều\s+1\b|phần\s+(?:i|1|thứ)\b|chương\s+i\b|quyết\s+định\s*:|quyết\s+nghị\s*:)", regex.M
)
# a line of a site's list of related documents: "- 3 Quyết định 263/QĐ-TTg năm 2022 ..."
_LIST_LINE = regex.compile(
    r"^\s*[-•*]?\s*\d{1,3}\s*\.?\s*(?:quyết\s+định|nghị\s+quyết|nghị\s+định|thông\s+tư|luật|kế\s+hoạch|công\s+văn|chỉ\s+thị)\b[^\n]*$",
    regex.M,
)
OPENING_CHARS = 4000
NEWS_OPENING_CHARS = 700
BASIS_CHARS = 8000


@dataclass(frozen=True)
class Evidence:
    programme: str
    start: int
    end: int
    strong: bool = True


def _words_pattern(words: str) -> str:
    return _SEP.join(regex.escape(t) for t in _TOKEN.findall(match_form(words)))


@cache
def _catalogue():
    names, aliases, instruments, subjects, plurals, periods = [], [], {}, [], [], []
    for e in rules.load("programmes"):
        kind = e["kind"]
        if kind == "period":
            periods.append((e["start"], e["end"], e["programme"]))
        elif kind == "name":
            names.append((e["family"], _words_pattern(e["words"])))
        elif kind == "alias":
            aliases.append((e["family"], _words_pattern(e["phrase"])))
        elif kind == "instrument":
            key = regex.sub(r"\s+", "", match_form(e["number"]))
            instruments[key] = (e["programme"], e.get("year"))
        elif kind == "subject":
            subjects.append(_words_pattern(e["phrase"]))
        elif kind == "plural":
            plurals.append(e["phrase"])
    # longest names first, so that the merged programme's name is not read as its parts
    names.sort(key=lambda n: len(n[1]), reverse=True)
    groups = {f"n{i}": fam for i, (fam, _) in enumerate(names)}
    groups.update({f"a{i}": fam for i, (fam, _) in enumerate(aliases)})
    alternatives = [f"(?P<n{i}>{_PREFIX}{p})" for i, (_, p) in enumerate(names)]
    alternatives += [f"(?P<a{i}>{p})" for i, (_, p) in enumerate(aliases)]
    name_re = regex.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")
    subject_re = regex.compile(r"(?<!\w)(?:" + "|".join(subjects) + r")(?!\w)")
    plural_re = regex.compile(r"(?<!\w)(?:" + "|".join(plurals) + r")(?!\w)")
    return name_re, groups, instruments, subject_re, plural_re, sorted(periods)


@cache
def _name_scan() -> PhraseScan:
    """The programme names and aliases, tried only where a word one of them opens with
    stands: a name opens with "chương" or "ct" (_PREFIX), an alias with its first word."""
    leads = ["chương", "ct"]
    for e in rules.load("programmes"):
        if e["kind"] == "alias":
            words = _TOKEN.findall(match_form(e["phrase"]))
            leads.append(words[0] if words else "")
    return PhraseScan(_catalogue()[0], leads)


def _poverty_key(start: int | None, end: int | None = None) -> str | None:
    """The poverty programme of a period or a year (None before the first one)."""
    *_, periods = _catalogue()
    if start is None:
        return None
    for a, b, key in periods:
        if a <= start <= b and (end is None or end <= b + 5):
            return key
    if start > periods[-1][1]:
        return "merged_2026_2035" if end is None or start > periods[-1][1] else periods[-1][2]
    return None


def _period_after(form: str, end: int) -> tuple[tuple[int, int | None], int] | None:
    """The period or year printed right after a programme's name ("... giai đoạn 2021 - 2025",
    "... năm 2024", "... trên địa bàn tỉnh X giai đoạn 2016-2020")."""
    window = form[end : end + 90]
    stop = regex.search(r"[;.\n(]|\b(?:của|theo|tại|và|căn\s+cứ)\b", window)
    window = window[: stop.start()] if stop else window
    m = _PERIOD.search(window)
    if m:
        return (int(m.group(1)), int(m.group(2))), end + m.end()
    m = _YEAR.search(window)
    if m:
        return (int(m.group(1)), None), end + m.end()
    return None


class _Scan:
    """Every piece of evidence in the document, found once on the matching form."""

    def __init__(self, doc: Document, meta: dict):
        self.doc = doc
        self.meta = meta
        self.form = match_form(doc.text)
        _, groups, instruments, self.subject_re, self.plural_re, _ = _catalogue()
        self.evidence: list[Evidence] = []
        for m in _name_scan().finditer(self.form):
            family = groups[m.lastgroup]
            self.evidence.append(Evidence(family, m.start(), m.end()))
        for m in _NUMBER.finditer(self.form):
            key = _SPACES.sub("", m.group())
            hit = instruments.get(key)
            if hit is None:
                continue
            programme, year = hit
            if m.group(2) is None and year is not None:
                # "90/QĐ-TTg" is reissued every year: only the one dated in the founding year counts
                d = _DATE_AFTER.match(self.form, m.end())
                if d is None or int(d.group(1)) != year:
                    continue
            self.evidence.append(Evidence(programme, m.start(), m.end()))
        self.evidence.sort(key=lambda e: e.start)
        self.list_spans = [(m.start(), m.end()) for m in _LIST_LINE.finditer(self.form[: OPENING_CHARS + 2000])]

    def in_list(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.list_spans)

    def resolve(self, e: Evidence) -> tuple[str | None, Evidence]:
        """A programme key for a piece of evidence: a poverty name gets its period (and
        the quote the period printed with it)."""
        if e.programme != POVERTY:
            return e.programme, e
        after = _period_after(self.form, e.end)
        if after is None:
            return self.document_poverty_key() or "poverty_2021_2025", e
        (start, end), stop = after
        key = _poverty_key(start, end) if start < 2026 or end else "poverty_2021_2025"
        return key, Evidence(e.programme, e.start, stop)

    def document_poverty_key(self) -> str | None:
        """The poverty programme of the document's own years: its period, else its date,
        else the first year its opening prints."""
        start, end = self.meta.get("period_start"), self.meta.get("period_end")
        if start:
            key = _poverty_key(start, end)
            if key:
                return key
        issued = self.meta.get("issued_date")
        if issued and str(issued)[:4].isdigit():
            return _poverty_key(int(str(issued)[:4]))
        m = _ANY_YEAR.search(self.form, 0, min(len(self.form), NEWS_OPENING_CHARS * 2))
        return _poverty_key(int(m.group())) if m else None


def _zones(doc: Document, form: str, meta: dict) -> tuple[tuple[int, int] | None, int, int]:
    """(title span or None, end of the opening, end of the legal bases)."""
    basis = _BASIS_LINE.search(form, 0, min(len(form), OPENING_CHARS))
    part = _PART_LINE.search(form, 0, min(len(form), OPENING_CHARS))
    if basis is not None:
        opening_end = basis.start()
    elif part is not None:
        opening_end = part.start()
    else:
        opening_end = min(len(form), NEWS_OPENING_CHARS)
    bases_end = opening_end
    if basis is not None:
        part_after = _PART_LINE.search(form, basis.end(), min(len(form), basis.end() + BASIS_CHARS))
        bases_end = part_after.start() if part_after else min(len(form), basis.end() + BASIS_CHARS // 2)
    return _title_span(form, meta.get("title"), opening_end), opening_end, bases_end


def _title_span(form: str, title: str | None, limit: int) -> tuple[int, int] | None:
    """Where the metadata step's title (collapsed) stands in the text: all its words in a
    row, else from its first words to the end of the opening."""
    if not title:
        return None
    words = _TOKEN.findall(match_form(collapse(title)))
    if len(words) < 2:
        return None
    tokens = _Tokens(form, min(len(form), OPENING_CHARS * 3))
    whole = _words_in_a_row(form, tokens, words)
    if whole is not None:
        return whole
    head = _words_in_a_row(form, tokens, words[:6])
    if head is None:
        return None
    return head[0], max(head[1], min(len(form), head[0] + len(title) + 10, limit))


class _Tokens:
    """(start, end, text) of the tokens of form[:end], read only as far as they are asked
    for: a title mostly stands near the top, and the opening has thousands of tokens."""

    def __init__(self, form: str, end: int) -> None:
        self._found: list[tuple[int, int, str]] = []
        self._matches = _TOKEN.finditer(form, 0, end)

    def __getitem__(self, i: int) -> tuple[int, int, str]:
        return self._found[i]

    def has(self, i: int) -> bool:
        """Whether there is a token i, reading on to it if need be."""
        found = self._found
        while len(found) <= i:
            m = next(self._matches, None)
            if m is None:
                return False
            found.append((m.start(), m.end(), m.group()))
        return True


def _words_in_a_row(form: str, tokens: _Tokens, words: list[str]) -> tuple[int, int] | None:
    """The span of the first place `words` stand one after another among `tokens`, only
    separators (_SEP) between them; the first may end a longer token and the last begin
    one (a title in quotes or brackets). A title is different in every document, so this
    walks the opening's words rather than compiling a pattern per document."""
    n = len(words)
    first, last = words[0], words[-1]
    i = -1
    while tokens.has(i + n):
        i += 1
        if not tokens[i][2].endswith(first) or not tokens[i + n - 1][2].startswith(last):
            continue
        if all(
            (k == n - 1 or tokens[i + k][2] == words[k])
            and _SEP_RE.fullmatch(form, tokens[i + k - 1][1], tokens[i + k][0])
            for k in range(1, n)
        ):
            return tokens[i][1] - len(first), tokens[i + n - 1][0] + len(last)
    return None


def decide(doc: Document, meta: dict) -> tuple[str, Evidence | None]:
    scan = _Scan(doc, meta)
    form = scan.form
    title, opening_end, bases_end = _zones(doc, form, meta)

    def named(a: int, b: int, skip_lists: bool = False) -> list[tuple[str, Evidence]]:
        out = []
        for e in scan.evidence:
            if a <= e.start < b and not (skip_lists and scan.in_list(e.start)):
                key, quoted = scan.resolve(e)
                if key:
                    out.append((key, quoted))
        return out

    def plural(a: int, b: int, skip_lists: bool = False) -> Evidence | None:
        for m in scan.plural_re.finditer(form, a, b):
            if not (skip_lists and scan.in_list(m.start())):
                return Evidence(SEVERAL, m.start(), m.end())
        return None

    zones = []
    if title is not None:
        zones.append(title)
    zones.append((0, opening_end))
    for a, b in zones:
        found = named(a, b, skip_lists=True)
        many = plural(a, b, skip_lists=True)
        keys = list(dict.fromkeys(k for k, _ in found))
        if many is not None or len(keys) > 1:
            return SEVERAL, many or found[0][1]
        if keys:
            return keys[0], found[0][1]
    # an opening about poverty reduction that names no programme
    for a, b in zones:
        for m in scan.subject_re.finditer(form, a, b):
            if scan.in_list(m.start()):
                continue
            bases = [k for k, _ in named(opening_end, bases_end)]
            if bases and not any(k.startswith(POVERTY) for k in bases):
                break
            key = next((k for k in bases if k.startswith(POVERTY)), None) or scan.document_poverty_key()
            if key:
                return key, Evidence(key, m.start(), m.end(), strong=False)
            break
    for (a, b), least in (((opening_end, bases_end), 1), ((bases_end, len(form)), 2)):
        found = named(a, b)
        if not found:
            continue
        counts: dict[str, int] = {}
        for k, _ in found:
            counts[k] = counts.get(k, 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        top, n = ranked[0]
        second = ranked[1][1] if len(ranked) > 1 else 0
        if n < least:
            continue
        first = next(e for k, e in found if k == top)
        if n >= 2 * second or (second == 1 and n > second and least == 1):
            return top, first
        if second >= least:
            return SEVERAL, found[0][1]
    return NONE, None


@step(
    "programme",
    requires=("meta.issued_date", "meta.period_start", "meta.period_end"),
    assigns=(
        "meta.programme",
        "meta.programme_page",
        "meta.programme_char_start",
        "meta.programme_char_end",
        "meta.programme_quote",
    ),
)
def extract(doc: Document, ctx: Context) -> None:
    programme, ev = decide(doc, ctx.meta)
    ctx.meta["programme"] = programme
    doc.programme = programme
    if ev is None:
        ctx.meta.update(programme_page=None, programme_char_start=None, programme_char_end=None, programme_quote=None)
        return
    p = provenance(doc, ev.start, ev.end)
    ctx.meta.update(
        programme_page=p["page"],
        programme_char_start=p["char_start"],
        programme_char_end=p["char_end"],
        programme_quote=p["quote"],
    )
