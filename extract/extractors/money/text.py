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

Budget tables are read by budgettables.py, and the arithmetic checks (including the
correction of a printed unit the document's own sums contradict) by checks.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import regex

from extract.document.model import Document
from extract.document.provenance import provenance
from extract.extractors.components import ancestors_at, best_match, canon, component_at, read_heading, section_at
from extract.extractors.money.words import find_word_amounts, money_entries
from extract.extractors.step import Context, step
from extract.text.normalize import match_form, strip_diacritics
from extract.text.numbers import NUMBER_RE, to_dong

# a line's own number or bullet: "1.", "2.1.", "a)", "đ)", "-", "+", "•"
_BULLET = regex.compile(r"^\s*(?:(?P<num>\d+(?:\.\d+)*\.?\)?)|(?P<letter>[a-zđ]\))|(?P<mark>[-+•*–]))\s*")
# a sentence ends where the next starts with a capital: labels never reach back across it
_SENTENCE = regex.compile(r"[.;!?]\s+(?=\p{Lu})")
_YEAR = regex.compile(r"(?<!\w)năm\s+(?:20\d\d)(?!\d)")
_OPEN_PAREN = regex.compile(r"\s*\(")
_SPACE_WORD = regex.compile(r"\s\w")
_WORD_CHAR = regex.compile(r"\w")
_RESTATEMENT = regex.compile(r"[(\s:=,]|tức là|bằng chữ")


@cache
def _unit_re() -> regex.Pattern:
    units = sorted({match_form(e["phrase"]) for e in money_entries("unit")}, key=len, reverse=True)
    alt = "|".join(regex.escape(u) for u in units)
    return regex.compile(rf"(?P<num>{NUMBER_RE.pattern})\s*(?P<unit>{alt})(?![\w])")


@cache
def unit_factors() -> dict[str, int]:
    return {match_form(e["phrase"]): e["factor"] for e in money_entries("unit")}


@cache
def _label_re(header: bool) -> tuple[regex.Pattern, dict[str, tuple[str, str]]]:
    """One pattern for every source and capital phrase; phrase -> (field, value)."""
    labels: dict[str, tuple[str, str]] = {}
    for e in money_entries("source"):
        if header or not e.get("header"):
            labels[match_form(e["phrase"])] = ("source", e["source"])
    for e in money_entries("capital"):
        if header or not e.get("header"):
            labels[match_form(e["phrase"])] = ("capital", e["capital"])
    alt = "|".join(regex.escape(p) for p in sorted(labels, key=len, reverse=True))
    return regex.compile(rf"(?<!\w)(?:{alt})(?!\w)"), labels


def labels_in(text: str, header: bool = False) -> list[tuple[int, int, str, str]]:
    """(start, end, field, value) of every source / capital phrase in the text, in order."""
    pattern, labels = _label_re(header)
    form = match_form(text)
    return [(m.start(), m.end(), *labels[m.group()]) for m in pattern.finditer(form)]


def choose(labels: list[tuple[int, int, str, str]]) -> tuple[str | None, str | None]:
    """Source and capital a run of labels gives: the last specific source, else total."""
    sources = [v for _, _, f, v in labels if f == "source"]
    capitals = [v for _, _, f, v in labels if f == "capital"]
    specific = [s for s in sources if s != "total"]
    source = specific[-1] if specific else (sources[-1] if sources else None)
    return source, (capitals[-1] if capitals else None)


@cache
def _phrases(kind: str, where: str | None = None) -> tuple[str, ...]:
    return tuple(match_form(e["phrase"]) for e in money_entries(kind) if where is None or e.get("where") == where)


@cache
def _basis_phrases() -> tuple[tuple[str, str], ...]:
    return tuple((match_form(e["phrase"]), e["basis"]) for e in money_entries("basis"))


@cache
def _phrase_re(phrase: str) -> regex.Pattern:
    return regex.compile(rf"(?<!\w){regex.escape(phrase)}(?!\w)")


def _has_phrase(form: str, phrase: str) -> bool:
    return phrase in form and _phrase_re(phrase).search(form) is not None


def basis_of(text: str, multi_year: bool) -> str | None:
    form = match_form(text)
    hits = [b for p, b in _basis_phrases() if _has_phrase(form, p)]
    if "annual" in hits:
        return "annual"
    if "period" in hits:
        return "period"
    if multi_year and _YEAR.search(form):
        return "annual"
    return None


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
    if any(after.startswith(p) for p in _phrases("rate", "after")):
        return True
    before = form[max(0, start - 25) : start]
    return any(_has_phrase(before, p) for p in _phrases("rate", "before"))


def _line_figures(line: str) -> list[tuple[int, int, str, str, int, bool]]:
    """(start, end, raw, unit, vnd, words) of the money figures on one line, in order."""
    form = match_form(line)
    found = []
    factors = unit_factors()
    for m in _unit_re().finditer(form):
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


def read_text_figures(doc: Document, ctx) -> list[Figure]:
    """Every money figure of the running text, labelled, attributed and linked to its parts."""
    figures: list[Figure] = []
    stack: list[_Open] = []
    meta = ctx.meta
    multi_year = bool(meta.get("period_start") and meta.get("period_end") and meta["period_end"] > meta["period_start"])
    lines = []
    for b in doc.blocks:
        if b.kind not in ("paragraph", "heading"):
            continue
        pos = b.start
        for part in doc.text[b.start : b.end].split("\n"):
            lines.append((pos, part))
            pos += len(part) + 1

    def ancestors_ids(offset: int) -> set[int]:
        return {s.section_id for s in ancestors_at(doc, offset)}

    for li, (base, line) in enumerate(lines):
        if not line.strip():
            continue
        style = _style(line)
        anc = ancestors_ids(base)
        # close announcements this line no longer belongs to
        while stack and (stack[-1].section_id is not None and stack[-1].section_id not in anc):
            stack.pop()
        while stack and style is not None and stack[-1].style == style:
            stack.pop()
        found = _line_figures(line)
        depths = _depths(line) if found else []
        form = match_form(line)
        line_figs: list[int] = []
        bullet = _BULLET.match(line)
        prev_end = bullet.end() if bullet else 0
        line_head: int | None = None  # a figure that announces parts later on the same line
        for s, e, raw, unit, vnd, words in found:
            depth = depths[s]
            if depth == 0:
                ctx_start = prev_end
                stop = max((m.end() for m in _SENTENCE.finditer(line, prev_end, s)), default=None)
                ctx_start = stop if stop is not None and depths[stop - 1] == 0 else ctx_start
            else:
                cut = max(line.rfind("(", 0, s), line.rfind(";", 0, s), line.rfind(",", 0, s))
                ctx_start = max(cut + 1, prev_end if line_figs and figures[line_figs[-1]].depth == depth else 0)
            labels = labels_in(line[ctx_start:s])
            source, capital = choose(labels)
            f = Figure(
                base + s,
                base + e,
                raw,
                unit,
                unit_factors()[match_form(unit)] if not words else 1,
                vnd,
                depth,
                base + ctx_start,
                words,
            )
            f.source, f.capital = source, capital
            if _per_year(form, e):
                f.basis = "annual"
            idx = len(figures)
            if depth == 0:
                last = next((w for w in reversed(line_figs) if figures[w].depth == 0), None)
                between = form[(figures[last].end - base) if last is not None else 0 : s]
                if last is not None and any(_has_phrase(between, p) for p in _phrases("split")):
                    line_head = last
                if line_head is not None and line_head != idx:
                    f.parent = line_head
                    figures[line_head].children.append(idx)
                    if f.source is None:
                        f.source = figures[line_head].source
            figures.append(f)
            line_figs.append(idx)
            if depth > 0:
                whole = next((w for w in reversed(line_figs[:-1]) if figures[w].depth < depth), None)
                if whole is not None:
                    f.parent = whole
                    figures[whole].children.append(idx)
                    if f.source is None:
                        f.source = figures[whole].source
            close = _closing_paren(line, e) if depth == 0 else None
            prev_end = close if close else e
            if depth == 0 and close:
                inner = line[e:close]
                inner_figs = [x for x in found if e <= x[0] < close]
                if not inner_figs:
                    caps = {v for _, _, fld, v in labels_in(inner) if fld == "capital"}
                    if len(caps) == 1 and f.capital is None:
                        f.capital = caps.pop()
        # attach the line's figures to the announcement they answer
        for idx in line_figs:
            f = figures[idx]
            if f.depth > 0 or f.parent is not None:
                continue
            if stack:
                top = stack[-1]
                if top.figure is not None and top.figure != idx:
                    f.parent = top.figure
                    figures[top.figure].children.append(idx)
                if f.source is None:
                    f.source = top.source
                if top.basis and f.basis == "period":
                    f.basis = top.basis
            if f.source is None and f.capital is not None:
                f.source = "total"
        named = inline_component(line[: found[0][0]], ctx.settings) if found else None
        for idx in line_figs:
            f = figures[idx]
            b = basis_of(doc.text[f.clause_start : f.start], multi_year)
            if b:
                f.basis = b
            if named:
                f.component, f.inline = named, True
                if f.source is None and f.depth == 0:
                    f.source = "total"  # "Dự án 6: 2 tỷ đồng" is what the component gets in all
            elif f.parent is not None and figures[f.parent].inline:
                f.component, f.inline = figures[f.parent].component, True
            else:
                f.component = component_at(doc, ctx, f.start)
        # does this line announce parts on the following lines?
        tail_from = (figures[line_figs[-1]].end - base) if line_figs else 0
        tail = form[tail_from:]
        announces = any(_has_phrase(tail, p) for p in _phrases("split")) or tail.rstrip().endswith(":")
        if not announces and line_figs and figures[line_figs[0]].source == "total" and li + 1 < len(lines):
            nxt = lines[li + 1][1]
            announces = _style(nxt) is not None and _style(nxt) != style and bool(_line_figures(nxt))
        if announces:
            head = next((i for i in line_figs if figures[i].depth == 0), None)
            if head is not None:
                src, basis = figures[head].source, figures[head].basis
            else:
                src, _ = choose(labels_in(line))
                basis = basis_of(line, multi_year)
                if src is None:
                    continue
            sec = section_at(doc, base)
            stack.append(_Open(head, src, style, sec.section_id if sec else None, basis))
    return figures


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


@step(
    "amounts",
    requires=("meta.period_start", "meta.period_end"),
    assigns=("rows.amounts", "rows.checks"),
)
def extract(doc: Document, ctx: Context) -> None:
    from extract.extractors import checks
    from extract.extractors.money import tables as budgettables

    figures = read_text_figures(doc, ctx)
    checks.correct_units(doc, ctx, figures)
    kept = [f for f in figures if f.source is not None]
    ctx.rows["amounts"].extend(_row(doc, f) for f in kept)
    table_rows = budgettables.extract_tables(doc, ctx, kept)
    ctx.rows["amounts"].extend(table_rows)
    checks.check_text(doc, ctx, figures)
    checks.check_plan_totals(doc, ctx, ctx.rows["amounts"])
