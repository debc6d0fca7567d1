"""Money figures in running text: how much, for which component, from which source.

Plans state funding as labelled lines ("Ngân sách trung ương: 9.870.000.000 đồng (vốn sự
nghiệp)"), as a total that announces its parts ("Tổng nhu cầu vốn: 12.345.000.000 đồng,
trong đó:" followed by one line per source), and with parentheses that either split a
figure ("29 tỷ đồng (vốn đầu tư phát triển: 10 tỷ đồng; vốn sự nghiệp: 19 tỷ đồng)"),
label it ("(vốn sự nghiệp)") or only describe what a source includes (no new fact).

A figure takes its source and capital type from the words between it and the previous
figure on its line; a line that names only a capital type ("- Vốn sự nghiệp: 4.250 triệu
đồng") takes its source from the line that announced it. Its component is the component
section it sits in (components.component_at); figures outside any component section are
plan-wide (component NULL). A figure that is a rate or norm ("40 triệu đồng/hộ", "tối đa
10 triệu đồng") is not an amount of the plan. An amount in words next to the same figure
is the same fact.

The money vocabulary (units, source and capital phrases, bases) is money.vocabulary's;
budget tables are read by money.tables, and the arithmetic checks (including the
correction of a printed unit the document's own sums contradict) by checks. This module's
`extract` is the amounts step and runs all three.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from extract.document.model import Document
from extract.document.provenance import provenance
from extract.extractors import checks
from extract.extractors.components import ancestors_at, best_match, canon, component_at, read_heading, section_at
from extract.extractors.money import tables as budgettables
from extract.extractors.money.vocabulary import basis_of, choose, has_phrase, labels_in, phrases, unit_factors, unit_re
from extract.extractors.money.words import find_word_amounts
from extract.text.normalize import match_form, strip_diacritics
from extract.text.numbers import to_dong

# a line's own number or bullet: "1.", "2.1.", "a)", "đ)", "-", "+", "•"
_BULLET = regex.compile(r"^\s*(?:(?P<num>\d+(?:\.\d+)*\.?\)?)|(?P<letter>[a-zđ]\))|(?P<mark>[-+•*–]))\s*")
# a sentence ends where the next starts with a capital: labels never reach back across it
_SENTENCE = regex.compile(r"[.;!?]\s+(?=\p{Lu})")
_OPEN_PAREN = regex.compile(r"\s*\(")
_SPACE_WORD = regex.compile(r"\s\w")
_WORD_CHAR = regex.compile(r"\w")
_RESTATEMENT = regex.compile(r"[(\s:=,]|tức là|bằng chữ")


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


def _depths(line: str) -> list[int]:
    out, d = [], 0
    for ch in line:
        if ch == ")":
            d = max(0, d - 1)
        out.append(d)
        if ch == "(":
            d += 1
    return out


def _closing_paren(line: str, pos: int) -> int | None:
    """If a parenthesis opens right after pos, the offset just past its close."""
    m = _OPEN_PAREN.match(line, pos)
    if not m:
        return None
    d = 0
    for k in range(m.end() - 1, len(line)):
        if line[k] == "(":
            d += 1
        elif line[k] == ")":
            d -= 1
            if d == 0:
                return k + 1
    return len(line)


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


def _line_figures(line: str) -> list[tuple[int, int, str, str, int, bool]]:
    """(start, end, raw, unit, vnd, words) of the money figures on one line, in order."""
    form = match_form(line)
    found = []
    factors = unit_factors()
    for m in unit_re().finditer(form):
        unit = m.group("unit")
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
    for s, e, vnd in find_word_amounts(line):
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


@dataclass
class _Reading:
    """What reading a document's running text carries from line to line."""

    doc: Document
    ctx: object
    multi_year: bool
    figures: list[Figure] = field(default_factory=list)
    stack: list[_Open] = field(default_factory=list)  # announcements still open, innermost last


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
    bases are given; and the line may open an announcement of its own.
    """
    meta = ctx.meta
    multi_year = bool(meta.get("period_start") and meta.get("period_end") and meta["period_end"] > meta["period_start"])
    r = _Reading(doc, ctx, multi_year)
    lines = _text_lines(doc)
    for li, (base, text) in enumerate(lines):
        if not text.strip():
            continue
        line = _Line(base, text, match_form(text), _style(text), _line_figures(text))
        _close_announcements(r, line)
        _read_line(r, line)
        _attach_to_announcement(r, line)
        _attribute(r, line)
        _open_announcement(r, line, lines[li + 1][1] if li + 1 < len(lines) else None)
    return r.figures


def _close_announcements(r: _Reading, line: _Line) -> None:
    """Pop the announcements a line no longer belongs to: it left their section, or it
    is a sibling of the line that opened them."""
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
        source, capital = choose(labels_in(text[ctx_start:s]))
        factor = unit_factors()[match_form(unit)] if not words else 1
        f = Figure(line.base + s, line.base + e, raw, unit, factor, vnd, depth, line.base + ctx_start, words)
        f.source, f.capital = source, capital
        if _per_year(form, e):
            f.basis = "annual"
        idx = len(r.figures)
        r.figures.append(f)
        if depth == 0:
            last = next((w for w in reversed(line.figs) if r.figures[w].depth == 0), None)
            between = form[(r.figures[last].end - line.base) if last is not None else 0 : s]
            if last is not None and any(has_phrase(between, p) for p in phrases("split")):
                line_head = last
            if line_head is not None:
                _link(r, idx, line_head)
        line.figs.append(idx)
        if depth > 0:
            whole = next((w for w in reversed(line.figs[:-1]) if r.figures[w].depth < depth), None)
            if whole is not None:
                _link(r, idx, whole)
        close = _closing_paren(text, e) if depth == 0 else None
        prev_end = close if close else e
        if depth == 0 and close and not any(e <= x[0] < close for x in line.found):
            caps = {v for _, _, fld, v in labels_in(text[e:close]) if fld == "capital"}
            if len(caps) == 1 and f.capital is None:
                f.capital = caps.pop()  # "2 tỷ đồng (vốn sự nghiệp)"


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


def _attribute(r: _Reading, line: _Line) -> None:
    """Basis and component of the line's figures: the component the line opens with, the
    one its whole was given on the line, else the component section it sits in."""
    if not line.figs:
        return
    named = inline_component(line.text[: line.found[0][0]], r.ctx.settings)
    for idx in line.figs:
        f = r.figures[idx]
        b = basis_of(r.doc.text[f.clause_start : f.start], r.multi_year)
        if b:
            f.basis = b
        if named:
            f.component, f.inline = named, True
            if f.source is None and f.depth == 0:
                f.source = "total"  # "Dự án 6: 2 tỷ đồng" is what the component gets in all
        elif f.parent is not None and r.figures[f.parent].inline:
            f.component, f.inline = r.figures[f.parent].component, True
        else:
            f.component = component_at(r.doc, r.ctx, f.start)


def _open_announcement(r: _Reading, line: _Line, next_text: str | None) -> None:
    """Does the line announce parts on the lines after it ("…, trong đó:", a line ending
    in ":", a total followed by a list of a different bullet style)?"""
    tail_from = (r.figures[line.figs[-1]].end - line.base) if line.figs else 0
    tail = line.form[tail_from:]
    announces = any(has_phrase(tail, p) for p in phrases("split")) or tail.rstrip().endswith(":")
    if not announces and line.figs and r.figures[line.figs[0]].source == "total" and next_text is not None:
        announces = _style(next_text) is not None and _style(next_text) != line.style and bool(_line_figures(next_text))
    if not announces:
        return
    head = next((i for i in line.figs if r.figures[i].depth == 0), None)
    if head is not None:
        src, basis = r.figures[head].source, r.figures[head].basis
    else:
        src, _ = choose(labels_in(line.text))
        basis = basis_of(line.text, r.multi_year)
        if src is None:
            return
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


def extract(doc: Document, ctx) -> None:
    figures = read_text_figures(doc, ctx)
    checks.correct_units(doc, ctx, figures)
    kept = [f for f in figures if f.source is not None]
    ctx.rows["amounts"].extend(_row(doc, f) for f in kept)
    table_rows = budgettables.extract_tables(doc, ctx, kept)
    ctx.rows["amounts"].extend(table_rows)
    checks.check_text(doc, ctx, figures)
    checks.check_plan_totals(doc, ctx, ctx.rows["amounts"])
