"""Quantitative goals: the shares, rates and counts a plan commits to, and what they measure.

A figure is a candidate only when it carries a unit a goal can have (a percent, a share
in words or as 1/2, a count per 10.000 people, or a count of households, people, models
or communes); ages, durations, dates, document numbers and money never do, so they never
become candidates. A candidate is a goal when it stands in a goal section (Mục tiêu, Chỉ
tiêu, Các kết quả và chỉ tiêu cần đạt …) or its sentence says it is one (phấn đấu, đảm
bảo …); a bare directive ("chỉ đạo chọn ít nhất 01 xã thí điểm") is a task.

Each line (or table cell) is cut into clauses at sentence ends, semicolons and "trong
đó"; a parenthesis that holds a figure is a clause of its own (a subgroup goal "(trong
đó, tỷ lệ hộ nghèo dân tộc Khmer giảm …)") and is hidden from the clause around it, so
its words do not leak into the outer goal. A clause with several figures is cut between
them, one goal per figure. The words of rules/target_phrases.yaml read the comparator,
the yearly unit, the subgroup and the horizon year; rules/indicators.yaml names what is
measured.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import regex

from extract.document.model import Document
from extract.document.provenance import provenance
from extract.extractors.components import ancestors_at, component_at, section_at
from extract.extractors.step import Context, step
from extract.extractors.targets.phrases import NUM, Lexicon, lexicon, phrase_key
from extract.text.normalize import PhraseScan, collapse, match_form
from extract.text.numbers import parse_number

_SENTENCE_END = regex.compile(r";|[.!?](?=\s|$)")
_LINE = regex.compile(r"[^\n\t]+")
_PAREN = regex.compile(r"\([^()]*\)")
_YEAR = regex.compile(r"(?<![\p{L}\p{N}])năm\s+(?P<year>(?:19|20|21)\d\d)(?!\d)")
_YEAR_LEAD = regex.compile(r"[\W_]*năm\s+(?P<year>(?:19|20|21)\d\d)(?!\d)")
_CLOSED = regex.compile(r"[.;:!?…)\]*_]\s*$")
_CONTINUES = regex.compile(r"\s*(?:\p{Ll}(?![.)]\s)|\d+(?![.)]\s|\.\d+[.)]?\s))")
_LEAD_TRIM = regex.compile(r"[\s\-+*•·–.,;:)]*(?:(?:[a-zđ]|\d{1,2}(?:\.\d{1,2})*|[ivxlc]+)[.)]\s+)?[\s\-+*•·–,;:]*")
_TAIL_TRIM = regex.compile(r"[\s.,;:]+$")
# where a number can open: every figure pattern but the fraction words opens with one
_NUMBER_OPENER = regex.compile(r"(?<![\d.,])\d")
_COMMA_OR_COLON = regex.compile(r"[,:]")
_LEAD_END = regex.compile(r"[,;]\s*$")
_LETTERS = regex.compile(r"\p{L}{2,}")
_DIGIT_FRACTION = regex.compile(r"(?<![\d/.,])(?P<n>\d)\s*/\s*(?P<d>\d)(?!\d|\s*/\s*\d|[.,]\d)")


@dataclass
class Quantity:
    start: int
    end: int
    value: float
    value_high: float | None
    unit: str  # before the per-year reading: %, households, people, per_10000_people, models, communes
    per_year_suffix: bool = False


@dataclass
class Clause:
    start: int
    end: int
    holes: list[tuple[int, int]] = field(default_factory=list)
    host: Clause | None = None

    def view(self, mform: str, start: int | None = None, end: int | None = None) -> str:
        """The clause's matching-form text with its parentheses blanked, same length as the span."""
        s, e = self.start if start is None else start, self.end if end is None else end
        chars = list(mform[s:e])
        for hs, he in self.holes:
            for k in range(max(hs, s), min(he, e)):
                chars[k - s] = " "
        return "".join(chars)


def _number(text: str) -> float:
    return float(parse_number(text))


_PATTERNS: dict[int, list[tuple[str, regex.Pattern | PhraseScan, re.Pattern | None]]] = {}


def _quantity_patterns(lex: Lexicon) -> list[tuple[str, regex.Pattern | PhraseScan, re.Pattern | None]]:
    """Figure patterns in the order they win overlaps, compiled once per lexicon."""
    if id(lex) not in _PATTERNS:
        _PATTERNS[id(lex)] = _compile_quantity_patterns(lex)
    return _PATTERNS[id(lex)]


def _any_of(literals) -> re.Pattern | None:
    """Text one of which a pattern's every match holds (None: no such test)."""
    return re.compile("|".join(map(re.escape, literals))) if literals and all(literals) else None


def _compile_quantity_patterns(lex: Lexicon) -> list[tuple[str, regex.Pattern | PhraseScan, re.Pattern | None]]:
    """Each kind of figure, its pattern, and a quick test for text every match holds: the
    patterns are slow to try, and a line rarely holds what they end with."""
    sep, pct = lex.separator, lex.percent
    return [
        (
            "per_capita",
            regex.compile(rf"(?P<v1>{NUM})\s+(?P<what>[^\d;:()%/\n\t]+?)\s*{lex.per_capita}"),
            _any_of(lex.literals.get("per_capita")),
        ),
        (
            "percent",
            regex.compile(rf"(?P<v1>{NUM})(?:\s*{pct})?(?:\s*{sep}\s*(?P<v2>{NUM}))?\s*{pct}"),
            _any_of(lex.literals.get("percent_word")),
        ),
        ("fraction", _DIGIT_FRACTION, None),
        ("fraction_word", PhraseScan(regex.compile(lex.fraction_words), lex.fraction_leads), None),
        (
            "count",
            regex.compile(
                rf"(?P<v1>{NUM})(?:\s*{sep}\s*(?P<v2>{NUM}))?(?:\s+(?P<mag>{lex.magnitude}))?\s+(?P<noun>{lex.count_nouns})"
            ),
            _any_of(lex.literals.get("count_noun")),
        ),
    ]


def find_quantities(mform: str, start: int, end: int, lex: Lexicon) -> list[Quantity]:
    """Figures with a goal unit in mform[start:end], earlier kinds winning overlaps."""
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    figures = _NUMBER_OPENER.search(mform, start, end) is not None
    for kind, pat, holds in _quantity_patterns(lex):
        if kind != "fraction_word" and not figures:
            continue  # every other kind opens with a number
        if holds is not None and holds.search(mform, start, end) is None:
            continue
        for m in pat.finditer(mform, start, end):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            q = _read(kind, m, mform, start, lex)
            if q is None:
                continue
            taken.append((s, e))
            found.append(q)
    return sorted(found, key=lambda q: q.start)


def _read(kind: str, m: regex.Match, mform: str, line_start: int, lex: Lexicon) -> Quantity | None:
    s, e = m.span()
    before = mform[line_start:s]
    if kind == "fraction":
        n, d = int(m["n"]), int(m["d"])
        if not 0 < n < d or lex.number_blocker.search(before):
            return None
        return Quantity(s, e, round(100 * n / d, 6), None, "%")
    if kind == "fraction_word":
        return Quantity(s, e, lex.fraction_value[phrase_key(m.group())], None, "%")
    if lex.number_blocker.search(before):
        return None
    try:
        v1 = _number(m["v1"])
        v2 = _number(m["v2"]) if m.groupdict().get("v2") else None
    except ValueError:
        return None
    if kind == "percent":
        if lex.money_word.match(mform, e):
            return None
        suffix = lex.per_year_suffix.match(mform, e)
        if suffix:
            e = suffix.end()
        return Quantity(s, e, v1, v2, "%", per_year_suffix=bool(suffix))
    if kind == "per_capita":
        return Quantity(s, e, v1, None, "per_10000_people")
    if m["mag"]:
        factor = lex.magnitude_value[phrase_key(m["mag"])]
        v1, v2 = v1 * factor, None if v2 is None else v2 * factor
    suffix = lex.per_year_suffix.match(mform, e)
    unit = lex.count_unit[phrase_key(m["noun"])]
    return Quantity(s, suffix.end() if suffix else e, v1, v2, unit, per_year_suffix=bool(suffix))


# --- clauses ------------------------------------------------------------------------------


def _parentheses(mform: str, start: int, end: int) -> list[tuple[int, int]]:
    """Outermost (…) spans in the line, as (open, close + 1)."""
    out, depth, open_at = [], 0, None
    for k in range(start, end):
        ch = mform[k]
        if ch == "(":
            if depth == 0:
                open_at = k
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                out.append((open_at, k + 1))
    return out


def _segments(view: str, offset: int, lex: Lexicon) -> list[tuple[int, int]]:
    """Cut a view at sentence ends and before "trong đó"."""
    cuts = {0, len(view)}
    for m in _SENTENCE_END.finditer(view):
        cuts.add(m.end())
    for m in lex.subclause_opener.finditer(view):
        cuts.add(m.start())
    bounds = sorted(cuts)
    return [(offset + a, offset + b) for a, b in zip(bounds, bounds[1:]) if view[a:b].strip()]


def line_clauses(mform: str, start: int, end: int, quantities: list[Quantity], lex: Lexicon) -> list[Clause]:
    """The clauses of one line, parentheses holding a figure cut out as clauses of their own."""
    holes = [(a, b) for a, b in _parentheses(mform, start, end) if any(a < q.start and q.end <= b for q in quantities)]
    outer = Clause(start, end, holes)
    clauses = [
        Clause(a, b, [h for h in holes if a < h[1] and h[0] < b]) for a, b in _segments(outer.view(mform), start, lex)
    ]
    for a, b in holes:
        host = next((c for c in clauses if c.start <= a < c.end), None)
        inner = Clause(a + 1, b - 1)
        clauses.extend(Clause(s, e, host=host) for s, e in _segments(inner.view(mform), a + 1, lex))
    return clauses


def _inside(q: Quantity, c: Clause) -> bool:
    return c.start <= q.start and q.end <= c.end and not any(a <= q.start < b for a, b in c.holes)


def _split_points(view: str, offset: int, qs: list[Quantity], lex: Lexicon) -> list[int]:
    """Where to cut a clause holding several figures: at the conjunction between two, else after a comma."""
    points = []
    for q, nxt in zip(qs, qs[1:]):
        gap = view[q.end - offset : nxt.start - offset]
        m = lex.conjunction.search(gap)
        if m:
            points.append(q.end + m.start())
            continue
        comma = _COMMA_OR_COLON.search(gap)
        points.append(q.end + (comma.end() if comma else 0))
    return points


# --- the goal and its parts ------------------------------------------------------------------


def _context(doc: Document, offset: int, lex: Lexicon) -> str | None:
    """'goal' or 'result' from the nearest enclosing section that says which, else None."""
    for s in ancestors_at(doc, offset):
        if s.label_kind == "title":
            continue
        title = match_form(s.title)
        if lex.result_heading.search(title):
            return "result"
        if lex.goal_heading.search(title):
            return "goal"
    return None


def _comparator(mform: str, q: Quantity, c: Clause, lex: Lexicon) -> str:
    if q.value_high is not None:
        return "range"
    after = lex.comparator_after.match(mform, q.end, c.end)
    if after:
        return lex.comparator_value[phrase_key(after["c"])]
    before = lex.comparator_before.search(mform, c.start, q.start)
    if before:
        return lex.comparator_value[phrase_key(before["c"])]
    return "eq"


def _unit(q: Quantity, view: str, lex: Lexicon) -> str:
    per_year = q.per_year_suffix or bool(lex.per_year.search(view))
    if q.unit == "%" and per_year and (q.per_year_suffix or lex.change_verb.search(view)):
        return "%/year"
    if q.unit == "people" and per_year:
        return "people/year"
    return q.unit


def _lead(mform: str, line_start: int, clause_start: int) -> str:
    """The line's lead-in before its first colon ("Tỷ lệ sử dụng nước hợp vệ sinh: …"), when the clause follows it."""
    colon = mform.find(":", line_start, clause_start)
    return mform[line_start:colon] if colon >= 0 else ""


def _indicator(views: list[str], unit: str, lex: Lexicon):
    for view in views:
        for ind in lex.indicators:
            if ind.fits(view, unit):
                return ind
    return None


def _first(patterns, text: str):
    for pat, value in patterns:
        if pat.search(text):
            return value
    return None


def _year(texts: list[str], period: tuple[int | None, int | None], lex: Lexicon) -> int | None:
    """The first horizon year ("đến năm 2030", or a lead "Năm 2023: …") not before the plan starts, else the plan's end."""
    start, end = period
    for text in texts:
        for m in [_YEAR_LEAD.match(text), *lex.horizon.finditer(text)]:
            if m is not None and (start is None or int(m["year"]) >= start):
                return int(m["year"])
    return end


def _period(ctx) -> tuple[int | None, int | None]:
    """The plan's period, as the metadata step read it."""
    return ctx.meta.get("period_start"), ctx.meta.get("period_end")


def _trim(mform: str, s: int, e: int, holes, lex: Lexicon) -> tuple[int, int]:
    """The clause without its bullet, a category lead-in ("Chiều thiếu hụt về y tế:"), a
    leading conjunction, a trailing parenthesis that is a clause of its own, or end punctuation."""
    for a, b in sorted(holes, reverse=True):
        if a >= s and b <= e and not mform[b:e].strip(" .,;:"):
            e = a
    m = _LEAD_TRIM.match(mform, s, e)
    if m:
        s = m.end()
    colon = mform.find(":", s, e)
    if colon >= 0 and _first(lex.dimensions, mform[s:colon]):
        s = colon + 1
    m = lex.conjunction.match(mform, s, e)
    if m:
        s = m.end()
    m = _LEAD_TRIM.match(mform, s, e)
    if m:
        s = m.end()
    m = _TAIL_TRIM.search(mform, s, e)
    if m:
        e = m.start()
    return s, max(s, e)


def _is_baseline(before: str, period, lex: Lexicon) -> bool:
    """A starting level ("hiện nay là 5,2%", "năm 2020 là 5,2%"), unless it is what the goal is
    compared with ("so với năm 2020") or the goal comes after the start ("… xuống còn 2%")."""
    links = list(lex.baseline_link_word.finditer(before))
    if links:
        before = before[links[-1].end() :]
    ref = lex.reference_word.search(before)
    text = before[: ref.start()] if ref else before
    if lex.baseline_word.search(text):
        return True
    start = period[0]
    return start is not None and any(int(m["year"]) < start for m in _YEAR.finditer(text))


def _restates_baseline(mform: str, baseline_at: int | None, q: Quantity, lex: Lexicon) -> bool:
    """A figure that goes on describing a starting level in the same clause ("… còn 4.350 hộ
    nghèo, chiếm 6,12%"), with no goal word between them to open a goal of its own."""
    if baseline_at is None:
        return False
    between = mform[baseline_at : q.start]
    return not (
        lex.goal_marker.search(between) or lex.change_verb.search(between) or lex.baseline_link_word.search(between)
    )


def _from_marker(mform: str, s: int, q_start: int, lex: Lexicon) -> int:
    """Start the quoted goal at its marker when a lead-in clause comes first ("Thực hiện …, phấn đấu tăng …")."""
    for m in lex.goal_marker.finditer(mform, s, q_start):
        if _LEAD_END.search(mform[s : m.start()]):
            return m.start()
    return s


def _ancestor_titles(doc: Document, offset: int) -> list[str]:
    return [match_form(s.title) for s in ancestors_at(doc, offset) if s.label_kind != "title"]


def logical_lines(doc: Document) -> list[tuple[int, int]]:
    """Spans of stored lines and table cells, a paragraph broken mid-sentence (PDF) joined again.

    A paragraph line that ends without closing punctuation and is followed by a paragraph
    line that starts in lower case or with a figure ("… giai đoạn 2021 -" / "2025 từ 1,5%
    trở lên.") continues it; headings, list items and table rows never do.
    """
    text = doc.text
    paragraphs = {b.start for b in doc.blocks if b.kind == "paragraph"}
    spans: list[tuple[int, int]] = []
    for m in _LINE.finditer(text):
        s, e = m.span()
        if (
            spans
            and spans[-1][1] == s - 1
            and text[s - 1] == "\n"
            and s in paragraphs
            and spans[-1][0] in paragraphs
            and _CONTINUES.match(text, s)
            and not _CLOSED.search(text, spans[-1][0], spans[-1][1])
        ):
            spans[-1] = (spans[-1][0], e)
        else:
            spans.append((s, e))
    return spans


def _bare_table_cell(mform: str, start: int, end: int, quantities: list[Quantity]) -> bool:
    """A table cell holding only figures ("1,5%") is table data, not a stated goal; such
    tables (per-year or per-locality columns) are left to a reader that knows their layout."""
    in_table = mform[start - 1 : start] == "\t" or mform[end : end + 1] == "\t"
    if not in_table:
        return False
    rest = list(mform[start:end])
    for q in quantities:
        rest[q.start - start : q.end - start] = " " * (q.end - q.start)
    return not _LETTERS.search("".join(rest))


@step(
    "targets",
    requires=("meta.period_start", "meta.period_end"),
    assigns=("rows.targets",),
)
def extract(doc: Document, ctx: Context) -> None:
    lex = lexicon()
    mform = match_form(doc.text)
    period = _period(ctx)
    for ls, le in logical_lines(doc):
        quantities = find_quantities(mform, ls, le, lex)
        if not quantities or _bare_table_cell(mform, ls, le, quantities):
            continue
        for clause in line_clauses(mform, ls, le, quantities, lex):
            qs = [q for q in quantities if _inside(q, clause)]
            if qs:
                _clause_targets(doc, ctx, mform, (ls, le), clause, qs, period, lex)


def _clause_targets(doc, ctx, mform, line, clause: Clause, qs: list[Quantity], period, lex: Lexicon) -> None:
    ls, le = line
    view = clause.view(mform)
    context = _context(doc, clause.start, lex)
    if context == "result":
        return
    if context != "goal":
        marker_view = view + " " + (clause.host.view(mform) if clause.host else "")
        if not lex.goal_marker.search(marker_view) or lex.past_marker.search(view):
            return
    for i in range(len(qs) - 1, 0, -1):  # "từ 5% xuống còn 3%": the first is the starting level
        if lex.baseline_link.match(_YEAR.sub(" ", _PAREN.sub(" ", mform[qs[i - 1].end : qs[i].start]))):
            del qs[i - 1]
    cuts = [clause.start] + _split_points(view, clause.start, qs, lex) + [clause.end]
    lead = _lead(mform, ls, clause.start)
    titles = _ancestor_titles(doc, clause.start)
    baseline_at = None  # the end of the last figure read as a starting level
    for q, (s, e) in zip(qs, zip(cuts, cuts[1:])):
        sub = clause.view(mform, s, e)
        if _is_baseline(sub[: q.start - s], period, lex) or _restates_baseline(mform, baseline_at, q, lex):
            baseline_at = q.end
            continue
        unit = _unit(q, sub, lex)
        views = [sub, lead + " " + sub]
        if clause.host is not None:
            views.append(clause.host.view(mform) + " " + sub)
        if len(qs) > 1:
            views.append(lead + " " + view)
        ind = _indicator(views, unit, lex)
        dimension = ind.dimension if ind and ind.dimension else _first(lex.dimensions, lead + " " + view)
        ts, te = _trim(mform, s, e, clause.holes, lex)
        ts = _from_marker(mform, ts, q.start, lex)
        ctx.rows["targets"].append(
            {
                "component": component_at(doc, ctx, q.start),
                "indicator": ind.key if ind else None,
                "dimension": dimension,
                "text": collapse(doc.text[ts:te]),
                "value": q.value,
                "value_high": q.value_high,
                "unit": unit,
                "comparator": _comparator(mform, q, Clause(s, e), lex),
                "year": _year([mform[ts:te], sub, lead, view, mform[ls:le]] + titles, period, lex),
                "population": _first(lex.populations, sub),
                "section_id": section.section_id if (section := section_at(doc, q.start)) else None,
                **provenance(doc, ts, te),
            }
        )
