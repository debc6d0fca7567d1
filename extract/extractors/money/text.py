"""Money figures in running text: how much, for which component, from which source.

Plans state funding as labelled lines ("Ngân sách trung ương: 9.870.000.000 đồng (vốn sự
nghiệp)"), as a total that announces its parts ("Tổng nhu cầu vốn: 12.345.000.000 đồng,
trong đó:" followed by one line per source), and with parentheses that either split a
figure ("29 tỷ đồng (vốn đầu tư phát triển: 10 tỷ đồng; vốn sự nghiệp: 19 tỷ đồng)"),
label it ("(vốn sự nghiệp)") or only describe what a source includes (no new fact).

A figure takes its source and capital type from the words between it and the previous
figure on its line (or, when those name none, from the words right after it: "120 tỷ
đồng vốn sự nghiệp ngân sách trung ương"); a line that names only a capital type ("- Vốn
sự nghiệp: 4.250 triệu đồng") takes its source from the line that announced it, and the
parts of a whole take its capital type. Its component is the one its clause names ("…
thực hiện Dự án 2 … là X", "Dự án 2 … 1,5 tỷ đồng; Dự án 3 …", "…, đa dạng hóa sinh kế 650
triệu đồng"), else the one its line opens with, else the component section it sits in
(components.component_at), else the one the words after it name ("88 triệu đồng để cải
thiện dinh dưỡng"), else the one the plan is for; the rest are plan-wide (component NULL).
A figure that is a rate or norm ("40 triệu đồng/hộ", "tối đa 10 triệu đồng") is not an
amount of the plan. An amount in words next to the same figure is the same fact, and so
is a rounded restatement ("hơn 830 tỷ đồng" over "830.140 triệu đồng").

Real plans, and the portal and newspaper items that quote them, also state money that is
not the plan's: another programme's or all programmes' ("các chương trình mục tiêu quốc
gia"), money already spent ("đã giải ngân"), other years' or periods', and a named
district's or commune's share. Those figures are read (they may be wholes or parts of
the plan's) but kept out of the rows, with the reason in Figure.outside.

The money vocabulary (units, source and capital phrases, bases) is money.vocabulary's;
budget tables are read by money.tables, and the arithmetic checks (including the
correction of a printed unit the document's own sums contradict) by checks. This module's
`extract` is the amounts step and runs all three.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import regex

from extract.document.model import Document
from extract.document.provenance import provenance
from extract.extractors import checks
from extract.extractors.components import (
    OTHER_PROGRAMMES,
    ancestors_at,
    best_match,
    canon,
    component_at,
    mentions,
    plan_component,
    programme_of,
    purpose_component,
    read_heading,
    section_at,
    title_suffix_match,
)
from extract.extractors.money import tables as budgettables
from extract.extractors.money.vocabulary import (
    basis_of,
    choose,
    has_phrase,
    labels_in,
    may_hold_figure,
    may_name_source,
    phrases,
    programme_re,
    unit_factors,
    unit_re,
    whole_capital_labels,
)
from extract.extractors.money.words import find_word_amounts
from extract.extractors.step import Context, step
from extract.text.normalize import key, match_form, match_form_within, strip_diacritics
from extract.text.numbers import to_dong

# a line's own number or bullet: "1.", "2.1.", "a)", "đ)", "-", "+", "•"
_BULLET = regex.compile(r"^\s*(?:(?P<num>\d+(?:\.\d+)*\.?\)?)|(?P<letter>[a-zđ]\))|(?P<mark>[-+•*–]))\s*")
# a sentence ends where the next starts with a capital: labels never reach back across it
_SENTENCE = regex.compile(r"[.;!?]\s+(?=\p{Lu})")
_FULL_STOP = regex.compile(r"[.!?]\s+(?=\p{Lu})")
_OPEN_PAREN = regex.compile(r"\s*\(")
_SPACE_WORD = regex.compile(r"\s\w")
_WORD_CHAR = regex.compile(r"\w")
_SPACES = regex.compile(r"\s*")
_PLAIN_INT = regex.compile(r"\d{1,3}")
_DONG_AFTER = regex.compile(r"\s*đồng(?!\w)")
_RESTATEMENT = regex.compile(r"[(\s:=,]|tức là|bằng chữ")
_PARENS = re.compile(r"[()]")
_DIGIT = re.compile(r"\d")


@dataclass
class Figure:
    """One money figure in the text and what it was read as."""

    start: int  # document offsets of the figure and its unit
    end: int
    raw: str
    unit: str
    factor: int
    vnd: int
    depth: int  # parenthesis depth on its line
    clause_start: int  # where its labels begin
    words: bool = False
    source: str | None = None
    capital: str | None = None
    basis: str = "period"
    component: str | None = None
    parent: int | None = None  # index of the figure it is a part of
    corrected: bool = False
    inline: bool = False  # the component is named on the figure's own line
    children: list[int] = field(default_factory=list)
    named: str | None = None  # the component its own clause names ("… thực hiện Dự án 2 … là X")
    purpose: str | None = None  # the component the words after it name ("X đồng để cải thiện dinh dưỡng")
    programme: str | None = None  # poverty, other or all, where its clause names a programme
    names_poverty: bool = False  # its own clause (not only its line) names this programme
    names_programme: bool = False  # … and by the programme's own name ("Chương trình mục tiêu quốc gia giảm nghèo")
    outside: str | None = (
        None  # why it is not the plan's: other_programme, result, other_year, local_unit, restatement, share
    )
    approximate: bool = False  # printed with "hơn", "gần", "khoảng"
    by_purpose: bool = False  # its source is only what it is for
    for_plan: bool = False  # the words after it say it is for the programme or the plan


@dataclass
class _Open:
    """A line that announced parts: its figure (if any), source, bullet style and section."""

    figure: int | None
    source: str | None
    style: str | None
    section_id: int | None
    basis: str | None


def _style(line: str) -> str | None:
    m = _BULLET.match(line)
    if not m:
        return None
    if m.group("num"):
        return "num" + str(m.group("num").count("."))
    if m.group("letter"):
        return "letter"
    return "mark" + m.group("mark")


def _paren_pairs(line: str) -> dict[int, int]:
    """Offset of each "(" that is closed on the line -> offset of its ")". A parenthesis
    left open (quoted text cut short, a typo) encloses nothing: news items quoting a plan
    drop closing brackets, and an open one would swallow every later figure."""
    pairs: dict[int, int] = {}
    if "(" not in line:
        return pairs
    stack = []
    for m in _PARENS.finditer(line):
        k = m.start()
        if m.group() == "(":
            stack.append(k)
        elif stack:
            pairs[stack.pop()] = k
    return pairs


def _depths(line: str) -> list[int]:
    out = [0] * len(line)
    for a, b in _paren_pairs(line).items():
        for k in range(a + 1, b):
            out[k] += 1
    return out


def _closing_paren(line: str, pos: int) -> int | None:
    """If a parenthesis opens right after pos, the offset just past its close."""
    m = _OPEN_PAREN.match(line, pos)
    if not m:
        return None
    close = _paren_pairs(line).get(m.end() - 1)
    return close + 1 if close is not None else None


def _per_year(form: str, end: int) -> bool:
    """ "500 triệu đồng/năm": a yearly amount, not a rate."""
    after = form[end : end + 12].lstrip()
    return after.startswith("/") and basis_of(after.split()[0] if after.split() else after, False) == "annual"


def _is_rate(form: str, start: int, end: int) -> bool:
    after = form[end : end + 20].lstrip()
    if _per_year(form, end):
        return False
    if any(after.startswith(p) for p in phrases("rate", "after")):
        return True
    before = form[max(0, start - 25) : start]
    return any(has_phrase(before, p) for p in phrases("rate", "before"))


def _compound(form: str, m) -> tuple[int, int] | None:
    """ "68 tỷ 782 triệu đồng", "1 tỷ 250 triệu": a figure written in several units, each
    smaller than the one before; (end, đồng) of the whole, or None when `m` is a lone figure."""
    factors = unit_factors()
    unit = m.group("unit")
    if "đồng" in unit or factors[unit] == 1:
        return None
    try:
        total = to_dong(m.group("num"), factors[unit])
    except ValueError:
        return None
    last, end, parts = factors[unit], m.end(), 0
    while True:
        nxt = unit_re().match(form, _SPACES.match(form, end).end())
        if nxt is None or factors[nxt.group("unit")] >= last or not _PLAIN_INT.fullmatch(nxt.group("num")):
            break
        total += int(nxt.group("num")) * factors[nxt.group("unit")]
        last, end, parts = factors[nxt.group("unit")], nxt.end(), parts + 1
        if "đồng" in nxt.group("unit"):
            break
    if not parts:
        return None
    if "đồng" not in form[m.start() : end] and _DONG_AFTER.match(form, end) is None and _SPACE_WORD.match(form, end):
        return None  # "2 triệu 500 nghìn người" is no money
    tail = _DONG_AFTER.match(form, end)
    return (tail.end() if tail else end), total


def _line_figures(line: str, form: str | None = None) -> list[tuple[int, int, str, str, int, bool]]:
    """(start, end, raw, unit, vnd, words) of the money figures on one line, in order
    (`form`: the line's matching form, when the caller has it)."""
    form = match_form(line) if form is None else form
    found = []
    factors = unit_factors()
    taken = 0
    digit = _DIGIT.search(form)  # every figure opens with one: the scan starts there
    for m in unit_re().finditer(form, digit.start()) if digit and may_hold_figure(form, digit.start()) else ():
        if m.start() < taken:
            continue  # the lower part of a compound figure already read
        unit = m.group("unit")
        compound = _compound(form, m)
        if compound is not None:
            end, vnd = compound
            if not _is_rate(form, m.start(), end):
                found.append((m.start(), end, line[m.start("num") : end], "đồng", vnd, True))
            taken = end
            continue
        if factors[unit] > 1 and "đồng" not in unit and not unit.startswith("tr"):
            nxt = form[m.end() : m.end() + 2]
            if _SPACE_WORD.match(nxt) and not form[m.end() :].lstrip().startswith("đồng"):
                continue  # "3 nghìn hộ", "1,5 triệu người"
        if _is_rate(form, m.start(), m.end()):
            continue
        raw = line[m.start("num") : m.end("num")]
        try:
            vnd = to_dong(raw, factors[unit])
        except ValueError:
            continue
        found.append((m.start(), m.end(), raw, line[m.start("unit") : m.end("unit")], vnd, False))
    for s, e, vnd in find_word_amounts(line, form):
        if any(fs <= s < fe for fs, fe, *_ in found):
            continue
        if _is_rate(form, s, e):
            continue
        prior = [f for f in found if f[1] <= s]
        if prior and prior[-1][4] == vnd and not _WORD_CHAR.search(_RESTATEMENT.sub("", form[prior[-1][1] : s])):
            continue  # the same figure repeated in words
        found.append((s, e, line[s:e], "đồng", vnd, True))
    return sorted(found)


@dataclass
class _Line:
    """One line of running text being read: where it starts, its text and figures."""

    base: int
    text: str
    form: str
    style: str | None
    found: list[tuple[int, int, str, str, int, bool]]
    figs: list[int] = field(default_factory=list)  # indexes into _Reading.figures
    programme: str | None = None  # the programme the line's clauses last named


@dataclass
class _Reading:
    """What reading a document's running text carries from line to line."""

    doc: Document
    ctx: object
    multi_year: bool
    figures: list[Figure] = field(default_factory=list)
    stack: list[_Open] = field(default_factory=list)  # announcements still open, innermost last
    programme: str | None = None  # the programme the last line with figures was about
    last_figs: list[int] = field(default_factory=list)  # the figures of the line before
    own_components: bool = True  # False in a document of another programme: its Dự án are not ours
    title_capitals: set[str] = field(default_factory=set)  # "Kế hoạch … (vốn đầu tư phát triển)"


def _text_lines(doc: Document) -> list[tuple[int, str]]:
    """(offset, text) of every line of the paragraphs and headings."""
    lines = []
    for b in doc.blocks:
        if b.kind not in ("paragraph", "heading"):
            continue
        pos = b.start
        for part in doc.text[b.start : b.end].split("\n"):
            lines.append((pos, part))
            pos += len(part) + 1
    return lines


def read_text_figures(doc: Document, ctx) -> list[Figure]:
    """Every money figure of the running text, labelled, attributed and linked to its parts.

    Each line goes through the same phases: announcements it no longer belongs to are
    closed; its figures are read with their labels and linked to the whole they split on
    the line; figures left free are attached to the open announcement; components and
    bases are given; and the line may open an announcement of its own. A line without
    figures (most lines) goes only through the first and the last, as the others read
    figures; its matching form is sliced from the document's (match_form_within).
    """
    meta = ctx.meta
    multi_year = bool(meta.get("period_start") and meta.get("period_end") and meta["period_end"] > meta["period_start"])
    r = _Reading(doc, ctx, multi_year, own_components=programme_of(doc, meta) not in OTHER_PROGRAMMES)
    lines = _text_lines(doc)
    doc_form = match_form(doc.text)
    for li, (base, text) in enumerate(lines):
        if not text.strip():
            continue
        form = match_form_within(text, doc_form, base)
        found = _line_figures(text, form)
        if not found and not r.stack and "(" not in text and not _announces(form):
            r.last_figs = []  # the phases below would leave a line like this (most lines) be
            continue
        line = _Line(base, text, form, _style(text), found)
        next_text = lines[li + 1][1] if li + 1 < len(lines) else None
        if not line.found:
            # the other phases read figures, and a line's programme is read only for them
            r.title_capitals |= _title_capitals(line.text)
            _close_announcements(r, line)
            _open_announcement(r, line, next_text)
            r.last_figs = line.figs
            continue
        if _opens_with_split(line):
            line.programme = r.programme  # "Cụ thể, …" goes on about the programme named before
        _close_announcements(r, line)
        _read_line(r, line)
        _unnamed_programme(r, line)
        _relink_by_sum(r, line)
        _attach_to_announcement(r, line)
        _continue_paragraph(r, line)
        _attribute(r, line)
        _open_announcement(r, line, next_text)
        r.last_figs = line.figs
        if line.figs:
            r.programme = line.programme
    _inherit(r.figures)
    _title_capital(r)
    _superseded(r)
    _programme_shares(r.figures)
    _restatements(r.figures)
    _unlabelled_shares(r.figures)
    return r.figures


# a plan or programme named before a parenthesis: "Kế hoạch đầu tư … năm 2020 (vốn đầu tư phát triển)"
_PLAN_TITLE = regex.compile(r"(?<!\w)(?:kế hoạch|chương trình|danh mục)(?!\w)")


def _title_capitals(text: str) -> set[str]:
    """Capital types a line without figures gives a plan's name in a parenthesis of its
    own ("Nghị quyết … phê duyệt Kế hoạch đầu tư thực hiện Chương trình … năm 2020 (vốn
    đầu tư phát triển)"): the document is about that capital type only."""
    found: set[str] = set()
    if "(" not in text:
        return found
    for a, b in _paren_pairs(text).items():
        # the parenthesis is one capital label from end to end (labels_in)
        capital = whole_capital_labels().get(match_form(match_form(text[a + 1 : b]).strip()))
        if capital is not None and _PLAN_TITLE.search(match_form(text[:a])):
            found.add(capital)
    return found


def _title_capital(r: _Reading) -> None:
    """Figures of a document whose plan is named for one capital type, and that state no
    capital type of their own, are of that type, unless some figure states another."""
    if len(r.title_capitals) != 1:
        return
    capital = next(iter(r.title_capitals))
    if any(f.capital not in (None, capital) for f in r.figures):
        return
    for f in r.figures:
        if f.capital is None and f.source not in ("other", "credit"):
            f.capital = capital


def _superseded(r: _Reading) -> None:
    """An estimate the paragraph later replaces ("ban đầu … dự kiến nhu cầu vốn là X. Tuy
    nhiên, … điều chỉnh giảm dần xuống Y và cuối cùng Z"): the first figure and those it
    went through are not the plan's, the last one is, with the first one's labels."""
    figs, text = r.figures, r.doc.text
    for i, first in enumerate(figs):
        if first.outside is not None or first.source is None:
            continue
        if not any(has_phrase(match_form(text[first.clause_start : first.start]), p) for p in phrases("superseded")):
            continue
        for j in range(i + 1, len(figs)):
            last = figs[j]
            if "\n" in text[first.end : last.start]:
                break
            if any(has_phrase(match_form(text[last.clause_start : last.start]), p) for p in phrases("final")):
                for k in range(i, j):
                    if figs[k].source in (None, first.source):
                        figs[k].outside = "superseded"
                last.source = last.source or first.source
                last.capital = last.capital or first.capital
                break


_UNNAMED_PROGRAMME = regex.compile(r"(?<!\w)(?:chương trình mục tiêu quốc gia|chương trình mtqg|ctmtqg)(?!\w)")


def _unnamed_programme(r: _Reading, line: _Line) -> None:
    """Money of "the national target programme" left unnamed where it is stated ("Kế
    hoạch … thực hiện Chương trình mục tiêu quốc gia năm 2023. Tổng nguồn vốn X …") that
    the words after it give to other programmes only ("Theo đó, … phân bổ nguồn vốn thực
    hiện Chương trình xây dựng nông thôn mới, …") is theirs, not this plan's."""
    free = [i for i in line.figs if r.figures[i].programme is None and r.figures[i].outside is None]
    if not free:
        return
    before = line.form[: r.figures[line.figs[0]].start - line.base]
    after = line.form[r.figures[line.figs[-1]].end - line.base :]
    pattern, names = programme_re()
    if not _UNNAMED_PROGRAMME.search(before) or pattern.search(before):
        return
    hits = {names[m.group()] for m in pattern.finditer(after)}
    if hits and hits <= {"other"}:
        for i in free:
            r.figures[i].outside = "other_programme"


def _programme_shares(figures: list[Figure]) -> None:
    """A sum split by where the money comes from, one part of which alone is named as this
    programme's ("X đồng cho công tác giảm nghèo. Trong đó, nguồn từ Chương trình mục tiêu
    quốc gia giảm nghèo Y, nguồn từ các chính sách khác Z"): the sum is wider than the
    programme, and only that part is the plan's money."""
    for w in figures:
        if w.outside is not None or w.names_programme or len(w.children) < 2:
            continue
        named = [k for k in w.children if figures[k].names_programme]
        if len(named) != 1:
            continue
        w.outside = "wider"
        for k in w.children:
            if k == named[0]:
                part = figures[k]
                part.parent, part.outside = None, None
                part.source = part.source or "total"
            else:
                figures[k].outside = "wider"
        w.children = []


def _unlabelled_shares(figures: list[Figure]) -> None:
    """A part that its own words do not set apart from its whole (same component, source,
    capital type and basis: "188.559 triệu đồng. Trong đó: ... Chương trình 30a là 34,5 tỷ
    đồng", "72 tỷ đồng. Trong đó, dự phòng ... gần 9 tỷ đồng") is a share of money the SPEC
    has no place for, not a second figure of the same kind."""
    for f in figures:
        if f.parent is None or f.outside is not None:
            continue
        whole = figures[f.parent]
        same = (f.component, f.source, f.capital, f.basis) == (
            whole.component,
            whole.source,
            whole.capital,
            whole.basis,
        )
        if same and whole.outside is None and f.vnd < whole.vnd:
            f.outside = "share"


def _approximate(form: str, start: int) -> bool:
    before = form[max(0, start - 14) : start].rstrip()
    return any(
        before.endswith(p) and (len(before) == len(p) or not before[-len(p) - 1].isalnum())
        for p in phrases("approximate")
    )


def _rounds(approx: Figure, exact: Figure) -> bool:
    """Is `approx` ("hơn 830 tỷ đồng", "gần 242 tỷ đồng") `exact` (830.140 triệu đồng, 241.950
    triệu đồng) cut or rounded to its printed digits?"""
    if approx.words or approx.vnd == exact.vnd or approx.vnd == 0:
        return False
    digits = approx.raw.split(",")[1] if "," in approx.raw else ""
    step = approx.factor // (10 ** len(digits)) if approx.factor >= 10 ** len(digits) else 1
    return step > 1 and abs(exact.vnd - approx.vnd) < step


def _restatements(figures: list[Figure]) -> None:
    """The same money stated again is one fact: a figure rounded down from one the text
    states exactly ("hơn 830 tỷ đồng" in a headline over "830.140 triệu đồng"), and a
    figure known only by what it is for that the text states with its labels elsewhere."""
    for f in figures:
        if f.outside is not None or f.parent is not None:
            continue
        if f.approximate and any(_rounds(f, g) for g in figures if g is not f and not g.approximate):
            f.outside = "restatement"
        elif f.by_purpose and any(
            g.vnd == f.vnd and not g.by_purpose and g.source is not None for g in figures if g is not f
        ):
            f.outside = "restatement"


def _inherit(figures: list[Figure]) -> None:
    """What parts take from their whole: the capital type of a whole split by source ("tổng
    kinh phí sự nghiệp X, trong đó ngân sách trung ương Y" makes Y recurrent), a yearly
    basis, and being outside the plan (another programme's money and its parts)."""
    for f in figures:
        if f.source is None and any(figures[k].source not in (None, "total") for k in f.children):
            f.source = "total"  # "… được phân bổ 5,6 tỷ đồng …, trong đó vốn ngân sách trung ương 5 tỷ đồng"
    for f in figures:  # wholes come before their parts
        if f.parent is None:
            continue
        whole = figures[f.parent]
        if f.capital is None and whole.capital is not None and f.source != "other":
            f.capital = whole.capital
        if whole.basis == "annual":
            f.basis = "annual"
        if f.outside is None and whole.outside is not None and not f.names_poverty:
            f.outside = whole.outside


def _labels_after(text: str, end: int, limit: int) -> tuple[str | None, str | None, int]:
    """Source and capital written right after a figure that has none before it ("120 tỷ
    đồng vốn sự nghiệp ngân sách trung ương", "535 tỷ đồng từ ngân sách trung ương và
    địa phương": two sources named together are the total), and where they end."""
    after = text[end:limit]
    stop = _PURPOSE_END.search(after)
    if stop is None and limit < len(text):
        # "X vốn ngân sách địa phương và nguồn huy động khác là Y": after "và" the words
        # name the next figure, not this one
        join = _AND.search(after)
        stop = join if join else None
    form = match_form(after[: stop.start() if stop else len(after)])
    lead = _AFTER_LEAD.match(form)
    labels = labels_in(form[lead.end() :])
    if not labels or labels[0][0] != 0:
        return None, None, end
    sources = {v for _, _, fld, v in labels if fld == "source"}
    source, capital = choose(labels)
    return ("total" if len(sources) > 1 else source), capital, end + lead.end() + labels[-1][1]


def _clause_labels(text: str, start: int, end: int) -> list[tuple[int, int, str, str]]:
    """The labels of a clause, less a list of sources in a parenthesis that only says what
    a figure is made of ("Tổng kế hoạch vốn (ngân sách trung ương, ngân sách tỉnh) … là X"),
    and less a label that points back to money stated before ("Với nguồn kinh phí trên, …
    phân bổ 45 triệu đồng để …": a share of it, not the total)."""
    labels = labels_in(text[start:end])
    form = match_form(text[start:end])
    pairs = [(a - start, b - start) for a, b in _paren_pairs(text).items() if start <= a and b < end]
    drop = {id(lab) for lab in labels if _BACK_REFERENCE.match(form, lab[1])}
    for a, b in pairs:
        inside = [lab for lab in labels if a < lab[0] < b and lab[2] == "source"]
        if len({lab[3] for lab in inside}) >= 2:
            drop.update(id(lab) for lab in inside)
    return [lab for lab in labels if id(lab) not in drop]


# a named unit: "huyện Nam Trà My", "Xã Na Loi" at a sentence's start (names of two or more capitalised words; "xã
# Đặc biệt khó khăn", "xã An toàn khu" are kinds of commune, not names)
_LOCAL_UNIT = regex.compile(
    r"(?<!\w)(?P<unit>[hH]uyện|[tT]hị xã|[qQ]uận|[tT]hành phố|[xX]ã|[pP]hường|[tT]hị trấn)\s+(?P<name>\p{Lu}\w*(?:\s+\p{Lu}\w*)+)"
)
_YEARS = regex.compile(r"(?<![\d/.])(20\d\d)(?![\d/])")
_AFTER_LEAD = regex.compile(
    r"\s*(?:(?:từ|thuộc|do)\s+)?(?:nguồn\s+(?=vốn|ngân sách|kinh phí)|nguồn lực\s+(?:(?:được|do)\s+)?)?"
)
# "… tỷ đồng (để) thực hiện Chương trình / Kế hoạch …": money for the plan itself
_FOR_PLAN = regex.compile(
    r"\s*(?:(?:để|nhằm|cho)\s+)?(?:triển khai\s+)?thực hiện\s+(?:các\s+)?(?:chương trình|kế hoạch|ctmtqg|mtqg)(?!\w)"
)
# a programme phrase that is the programme's name, not a field of work ("công tác giảm nghèo")
_PROGRAMME_NAME = regex.compile(r"(?:chương trình|ctmtqg|mtqg)(?!\w)")
# "kinh phí trên," / "nguồn vốn nói trên" / "số vốn này": money the text stated before
# ("trên" right before the figure is "over": "vốn sự nghiệp trên 21 tỷ đồng")
_BACK_REFERENCE = regex.compile(r"\s+(?:(?:nói\s+)?trên(?=\s*[,;.:)])|này(?!\w))")
_PURPOSE_END = regex.compile(r"[;.(]|,\s")
_AND = regex.compile(r"\s(?:và|cùng)\s")


def _scope(r: _Reading, line: _Line, f: Figure, start: int, s: int, e: int) -> None:
    """Whose money a figure is. A clause that names another programme, or all of them
    ("các chương trình mục tiêu quốc gia"), before the figure or right after it ("… tỷ
    đồng để thực hiện Chương trình … nông thôn mới"), puts its figures and those after it
    on the line outside the plan until a clause names this programme again; money spent
    ("đã giải ngân") is a result; money of years outside the plan's period (another
    year, or the whole programme period, in an annual plan) is not the plan's; money of a
    district or commune other than the plan's own ("huyện A được phân bổ …" in a provincial
    plan) is not the plan's figure. The clause's
    own component label and the component the words after the figure name are noted."""
    clause = line.form[start:s]
    after = line.text[e:]
    stop = _PURPOSE_END.search(after)
    after = after[: stop.start() if stop else len(after)]
    pattern, names = programme_re()
    hits = [names[m.group()] for m in pattern.finditer(clause)] or [
        names[m.group()] for m in pattern.finditer(match_form(after))
    ]
    if has_phrase(clause, "lồng ghép"):
        hits = []  # money integrated from another programme is this plan's (source other)
    if hits:
        f.programme = hits[-1]
        f.names_poverty = hits[-1] == "poverty"
        found = [m.group() for m in pattern.finditer(clause)] or [
            m.group() for m in pattern.finditer(match_form(after))
        ]
        f.names_programme = f.names_poverty and _PROGRAMME_NAME.match(found[-1]) is not None
        line.programme = hits[-1]
    elif f.depth == 0:
        f.programme = line.programme
    if f.programme in ("other", "all"):
        f.outside = "other_programme"
    elif any(has_phrase(clause, p) for p in phrases("result")):
        f.outside = "result"
    elif _other_year(r, clause):
        f.outside = "other_year"
    elif _other_unit(r, line.text[start:s] + " " + after):
        f.outside = "local_unit"
    f.for_plan = _FOR_PLAN.match(match_form(after)) is not None
    if not r.own_components:
        return
    mentioned = [m for m in mentions(line.text[:s], r.ctx.settings) if m[0] >= start]
    if mentioned:
        f.named = mentioned[-1][2]
    else:
        code, score, _ = title_suffix_match(line.text[start:s])
        if code and score >= r.ctx.settings.component_purpose_min_score:
            f.named = code  # "…, đa dạng hóa sinh kế 650 triệu đồng"
    f.purpose, _ = purpose_component(line.text[e:], r.ctx.settings)
    if f.purpose is None:
        named_after = mentions(after, r.ctx.settings)  # "35 tỷ đồng từ ngân sách tỉnh cho Dự án 4"
        f.purpose = named_after[0][2] if named_after else None


def _other_year(r: _Reading, clause: str) -> bool:
    """Does the clause name only years outside the plan's period ("giai đoạn 2016 - 2020"
    in a 2021-2025 plan; "nguồn vốn năm 2022 chuyển sang", "giai đoạn 2021 - 2025" in an
    annual plan for 2024)?"""
    meta = r.ctx.meta
    first, last = meta.get("period_start"), meta.get("period_end")
    if not first or not last:
        return False
    years = {int(y) for y in _YEARS.findall(clause)}
    return bool(years) and not any(first <= y <= last for y in years)


def _other_unit(r: _Reading, text: str) -> bool:
    """Does the text name a district, or a commune, other than the plan's own ("huyện Nam
    Trà My được phân bổ …" in a provincial plan, "xã A: 500 triệu đồng" in a district's)?
    A unit above the plan's own level ("huyện X" in a commune's plan) is its parent."""
    meta = r.ctx.meta
    level = meta.get("admin_level")
    for m in _LOCAL_UNIT.finditer(text):
        word, name = match_form(m.group("unit")), key(m.group("name"))
        if word in ("xã", "phường", "thị trấn"):
            own = meta.get("commune")
            if level in ("province", "district") or (own is not None and name != key(own)):
                return True
        else:
            own = meta.get("district")
            if word == "thành phố" and meta.get("province") and name == key(meta["province"]):
                continue  # "thành phố Cần Thơ": the province itself
            if level == "province" or (own is not None and name != key(own)):
                return True
    return False


def _close_announcements(r: _Reading, line: _Line) -> None:
    """Pop the announcements a line no longer belongs to: it left their section, or it
    is a sibling of the line that opened them."""
    if not r.stack:
        return
    anc = {s.section_id for s in ancestors_at(r.doc, line.base)}
    while r.stack and (r.stack[-1].section_id is not None and r.stack[-1].section_id not in anc):
        r.stack.pop()
    while r.stack and line.style is not None and r.stack[-1].style == line.style:
        r.stack.pop()


def _clause_start(r: _Reading, line: _Line, s: int, depth: int, depths: list[int], prev_end: int) -> int:
    """Where the words that label the figure at `s` begin: after the previous figure (or
    its parenthesis) and the last sentence break; inside a parenthesis, after its last
    separator."""
    text = line.text
    if depth == 0:
        stop = max((m.end() for m in _SENTENCE.finditer(text, prev_end, s)), default=None)
        return stop if stop is not None and depths[stop - 1] == 0 else prev_end
    cut = max(text.rfind("(", 0, s), text.rfind(";", 0, s), text.rfind(",", 0, s))
    same_depth = line.figs and r.figures[line.figs[-1]].depth == depth
    return max(cut + 1, prev_end if same_depth else 0)


def _link(r: _Reading, child: int, parent: int) -> None:
    f = r.figures[child]
    f.parent = parent
    r.figures[parent].children.append(child)
    if f.source is None:
        f.source = r.figures[parent].source


def _read_line(r: _Reading, line: _Line) -> None:
    """The line's figures with their labels; a figure after "trong đó" / "gồm" is a part of
    the figure before it, and a figure in a parenthesis a part of the figure it follows."""
    if not line.found:
        return
    text, form = line.text, line.form
    depths = _depths(text)
    bullet = _BULLET.match(text)
    prev_end = bullet.end() if bullet else 0
    line_head: int | None = None  # a figure that announces parts later on the same line
    for s, e, raw, unit, vnd, words in line.found:
        depth = depths[s]
        ctx_start = _clause_start(r, line, s, depth, depths, prev_end)
        source, capital = choose(_clause_labels(text, ctx_start, s))
        labelled_to = e
        if source in (None, "total") and capital is None:
            # "1.250 triệu đồng từ nguồn vốn sự nghiệp ngân sách trung ương": the words after
            # the figure name it more closely than a "kinh phí" before it
            after_source, after_capital, after_end = _labels_after(
                text, e, next((x[0] for x in line.found if x[0] >= e), len(text))
            )
            if after_capital or (after_source and (source is None or after_source != "total")):
                source, capital, labelled_to = after_source or source, after_capital, after_end
        factor = unit_factors()[match_form(unit)] if not words else 1
        f = Figure(line.base + s, line.base + e, raw, unit, factor, vnd, depth, line.base + ctx_start, words)
        f.source, f.capital = source, capital
        if _per_year(form, e):
            f.basis = "annual"
        _scope(r, line, f, ctx_start, s, e)
        if r.own_components and f.named is None and f.purpose is None:
            f.named = _sibling_component(r, line, f, ctx_start, s)
        f.approximate = _approximate(form, s)
        idx = len(r.figures)
        r.figures.append(f)
        if depth == 0:
            last = next((w for w in reversed(line.figs) if r.figures[w].depth == 0), None)
            after_last = (r.figures[last].end - line.base) if last is not None else 0
            breaks = [m.end() for m in _FULL_STOP.finditer(text, after_last, s) if depths[m.start()] == 0]
            between = form[breaks[-1] if breaks else after_last : s]
            splits = last is not None and any(has_phrase(between, p) for p in phrases("split"))
            if splits:
                line_head = last
            elif breaks:
                line_head = None  # a split announced in one sentence does not reach into the next
            if line_head is not None:
                _link(r, idx, line_head)
        line.figs.append(idx)
        if depth > 0:
            whole = next((w for w in reversed(line.figs[:-1]) if r.figures[w].depth < depth), None)
            if whole is not None:
                _link(r, idx, whole)
        close = _closing_paren(text, e) if depth == 0 else None
        prev_end = max(close if close else e, labelled_to)  # labels after a figure are its own
        if depth == 0 and close and not any(e <= x[0] < close for x in line.found):
            caps = {v for _, _, fld, v in labels_in(text[e:close]) if fld == "capital"}
            if len(caps) == 1 and f.capital is None:
                f.capital = caps.pop()  # "2 tỷ đồng (vốn sự nghiệp)"
            named = _paren_source(text[e:close])
            if named and f.source in (None, "total"):
                f.source = named  # "30.000 triệu đồng (ngân sách trung ương)"


# "Tiểu dự án này", "dự án nói trên": the component named before
_THIS_COMPONENT = regex.compile(r"(?<!\w)(?:tiểu\s+)?dự án\s+(?:này|nói trên|trên)(?!\w)")


def _sibling_component(r: _Reading, line: _Line, f: Figure, ctx_start: int, s: int) -> str | None:
    """The component of a figure whose own words name none: that of the figure before it
    in the same sentence ("Tiểu dự án 1 được phân bổ X vốn ngân sách trung ương và Y vốn
    ngân sách địa phương"), or, where its words point back to it ("… thực hiện Tiểu dự án
    này là Z"), that of the last figure of the line that named one."""
    before = [r.figures[i] for i in line.figs if r.figures[i].named]
    if not before:
        return None
    if _THIS_COMPONENT.search(match_form(line.text[ctx_start:s])):
        return before[-1].named
    prev = r.figures[line.figs[-1]]
    same_sentence = not _FULL_STOP.search(line.text, prev.end - line.base, s)
    if prev.named and prev.depth == f.depth == 0 and same_sentence:
        return prev.named
    return None


def _paren_source(paren: str) -> str | None:
    """The one source a parenthesis right after a figure names when it holds nothing but
    source and capital words ("(ngân sách trung ương)", "(nguồn vốn sự nghiệp ngân sách
    tỉnh)"): it names the figure's source. A parenthesis with other words only describes
    (SPEC), and one naming several sources says what the figure is made of."""
    form = match_form(paren.strip().removeprefix("(").removesuffix(")"))
    lead = _AFTER_LEAD.match(form)
    rest = form[lead.end() :]
    labels = labels_in(rest)
    covered = regex.sub(r"[\s,;:]+", "", "".join(rest[b:a] for (_, b, *_), (a, *_) in zip(labels, labels[1:])))
    if not labels or labels[0][0] != 0 or covered or rest[labels[-1][1] :].strip(" .,;:"):
        return None
    sources = {v for _, _, fld, v in labels if fld == "source"}
    return sources.pop() if len(sources) == 1 and "total" not in sources else None


def _relink_by_sum(r: _Reading, line: _Line) -> None:
    """Parts announced on a line belong to the figure they add up to: "23.586 triệu đồng
    (…; năm 2024: 7.964 triệu đồng (…)), gồm: trung ương 21.344 …; địa phương 2.241 …" splits
    the first figure, not the yearly one just before "gồm"."""
    heads = [i for i in line.figs if r.figures[i].depth == 0]
    for h in heads:
        kids = [k for k in r.figures[h].children if r.figures[k].depth == 0]
        if len(kids) < 2:
            continue
        total = sum(r.figures[k].vnd for k in kids)
        if checks.within(r.figures[h].vnd, total, r.ctx.settings):
            continue
        other = next(
            (g for g in reversed(heads) if g < h and checks.within(r.figures[g].vnd, total, r.ctx.settings)), None
        )
        if other is None:
            continue
        for k in kids:
            r.figures[h].children.remove(k)
            r.figures[k].parent = other
            r.figures[other].children.append(k)


def _opens_with_split(line: _Line) -> bool:
    """Does the line open with "Cụ thể", "Trong đó", "Bao gồm" (after its bullet)?"""
    splits = phrases("split")
    if not any(p in line.form for p in splits):
        return False
    bullet = _BULLET.match(line.text)
    opening = line.form[bullet.end() if bullet else 0 :].lstrip()
    return any(opening.startswith(p) and not opening[len(p) : len(p) + 1].isalnum() for p in phrases("split"))


def _continue_paragraph(r: _Reading, line: _Line) -> None:
    """A paragraph that opens with "Cụ thể," / "Trong đó," and states figures that add up
    to a figure of the paragraphs just before gives that figure's parts."""
    free = [
        i
        for i in line.figs
        if r.figures[i].depth == 0 and r.figures[i].parent is None and r.figures[i].source in (None, "total")
    ]
    if len(free) < 2:
        return
    if not _opens_with_split(line):
        return
    total = sum(r.figures[i].vnd for i in free)
    first = r.figures[free[0]].start
    whole = next(
        (
            i
            for i in range(free[0] - 1, -1, -1)
            if r.figures[i].depth == 0
            and r.figures[i].start < first
            and checks.within(r.figures[i].vnd, total, r.ctx.settings)
        ),
        None,
    )
    if whole is None:
        return
    for i in free:
        _link(r, i, whole)


def _attach_to_announcement(r: _Reading, line: _Line) -> None:
    """Figures the line left free are parts of the open announcement, and take its source
    and basis; a figure that names only a capital type is of the total."""
    for idx in line.figs:
        f = r.figures[idx]
        if f.depth > 0 or f.parent is not None:
            continue
        if r.stack:
            top = r.stack[-1]
            if top.figure is not None and top.figure != idx:
                f.parent = top.figure
                r.figures[top.figure].children.append(idx)
            if f.source is None:
                f.source = top.source
            if top.basis and f.basis == "period":
                f.basis = top.basis
        if f.source is None and f.capital is not None:
            f.source = "total"
        elif f.source is None and f.for_plan:
            f.source, f.by_purpose = "total", True  # "bố trí 15 tỷ đồng để thực hiện Chương trình"
        elif f.source is None and f.names_programme and f.parent is None:
            f.source, f.by_purpose = "total", True  # "nguồn vốn phân bổ để triển khai Chương trình … giảm nghèo … là X"


def _attribute(r: _Reading, line: _Line) -> None:
    """Basis and component of the line's figures: the component the line opens with, the
    one its whole was given on the line, else the component section it sits in."""
    if not line.figs:
        return
    named = None
    if r.own_components:
        head = line.text[: line.found[0][0]]
        named = inline_component(head, r.ctx.settings) or _framed_component(head, r.ctx.settings)
    for idx in line.figs:
        f = r.figures[idx]
        b = basis_of(r.doc.text[f.clause_start : f.start], r.multi_year)
        if b:
            f.basis = b
        parent = r.figures[f.parent] if f.parent is not None else None
        if f.named or named:
            f.component, f.inline = f.named or named, True
            if f.source is None and f.depth == 0:
                f.source = "total"  # "Dự án 6: 2 tỷ đồng" is what the component gets in all
        elif parent is not None and parent.inline:
            f.component, f.inline = parent.component, True
        else:
            f.component = component_at(r.doc, r.ctx, f.start)
            if f.component is None and f.purpose:
                f.component, f.inline = f.purpose, True
                if f.source is None and f.depth == 0:
                    f.source, f.by_purpose = "total", True  # "88 triệu đồng để cải thiện dinh dưỡng"
            elif f.component is None:
                f.component = plan_component(r.doc, r.ctx)


def _announces(tail: str) -> bool:
    """Whether the words after a line's last figure announce parts: a split phrase
    ("trong đó", "gồm") or a closing ":"."""
    return any(has_phrase(tail, p) for p in phrases("split") if p in tail) or tail.rstrip().endswith(":")


def _open_announcement(r: _Reading, line: _Line, next_text: str | None) -> None:
    """Does the line announce parts on the lines after it ("…, trong đó:", a line ending
    in ":", a total followed by a list of a different bullet style)?"""
    tail_from = (r.figures[line.figs[-1]].end - line.base) if line.figs else 0
    announces = _announces(line.form[tail_from:])
    if not announces and line.figs and r.figures[line.figs[0]].source == "total" and next_text is not None:
        announces = _style(next_text) is not None and _style(next_text) != line.style and bool(_line_figures(next_text))
    if not announces:
        return
    head = next((i for i in line.figs if r.figures[i].depth == 0), None)
    labels = None  # the line's labels, read once
    if head is None and _opens_with_split(line):
        labels = labels_in(line.text)
        if not choose(labels)[0]:
            # "Tổng kinh phí …: 2.500 triệu đồng." then "Trong đó:" on a line of its own
            head = next((i for i in r.last_figs if r.figures[i].depth == 0 and not r.figures[i].outside), None)
    if head is not None:
        src, basis = r.figures[head].source, r.figures[head].basis
    else:
        if labels is None and not may_name_source(line.form):
            return  # no source label: choose would give no source
        src, _ = choose(labels_in(line.text) if labels is None else labels)
        if src is None:
            return
        basis = basis_of(line.text, r.multi_year)
    sec = section_at(r.doc, line.base)
    r.stack.append(_Open(head, src, line.style, sec.section_id if sec else None, basis))


_NAMED = regex.compile(r"(?<!\w)(?:tieu\s+du\s+an|du\s+an)\s*(?:so\s*)?\d")


def inline_component(text: str, settings) -> str | None:
    """The component a line opens with, before its figures ("- Dự án 2: ...", "Đa dạng hóa sinh kế…:")."""
    skel = strip_diacritics(text)
    if len(skel) != len(text):
        return None
    bullet = _BULLET.match(text)
    m = _NAMED.match(skel, bullet.end() if bullet else 0)  # the line must open with the component
    if m:
        h = read_heading(text[m.start() :])
        code, score = best_match(h.title, h.label_level)
        if code and score >= settings.component_title_min_score:
            return code
        if h.label_level == "project" and canon(f"DA{h.printed_number}"):
            return f"DA{h.printed_number}"  # "Dự án 6: Kinh phí ...": no title to go by
        return None
    head = _BULLET.sub("", text, count=1).split(":")[0]
    code, score = best_match(head)
    return code if code and score >= settings.component_title_bare_min_score else None


def _framed_component(text: str, settings) -> str | None:
    """The component a paragraph is framed by when it opens with a frame word and the
    component's label ("Trong khuôn khổ Dự án 1: …, … Với tổng nguồn vốn X"; "Đối với Tiểu
    dự án 2, …"): its figures, in later sentences too, are that component's."""
    bullet = _BULLET.match(text)
    start = bullet.end() if bullet else 0
    opening = match_form(text[start:])
    for p in phrases("component_frame"):
        if not opening.startswith(p) or opening[len(p) : len(p) + 1].isalnum():
            continue
        rest = text[start + len(p) :]
        found = mentions(rest, settings)
        if found and not rest[: found[0][0]].strip():
            return found[0][2]
    return None


def _row(doc: Document, f: Figure) -> dict:
    sec = section_at(doc, f.start)
    start = f.clause_start
    while start < f.start and not doc.text[start].isalnum():
        start += 1
    return {
        "component": f.component,
        "source": f.source,
        "capital": f.capital,
        "vnd": f.vnd,
        "basis": f.basis,
        "origin": "text",
        "raw": f.raw,
        "unit": f.unit,
        "corrected": f.corrected,
        "section_id": sec.section_id if sec else None,
        **provenance(doc, start, f.end),
    }


@step(
    "amounts",
    requires=("meta.period_start", "meta.period_end", "meta.admin_level", "meta.district_code", "meta.programme"),
    assigns=("rows.amounts", "rows.checks"),
)
def extract(doc: Document, ctx: Context) -> None:
    figures = read_text_figures(doc, ctx)
    checks.correct_units(doc, ctx, figures)
    kept = [f for f in figures if f.source is not None and f.outside is None]
    ctx.rows["amounts"].extend(_row(doc, f) for f in kept)
    table_rows = budgettables.extract_tables(doc, ctx, kept)
    ctx.rows["amounts"].extend(table_rows)
    checks.check_text(doc, ctx, figures)
    checks.check_plan_totals(doc, ctx, ctx.rows["amounts"])


def money_figures(text: str) -> list[tuple[int, int]]:
    """(start, end) of the money figures of a piece of text (rates and norms left out)."""
    return [(s, e) for s, e, *_ in _line_figures(text)]
