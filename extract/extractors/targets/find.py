"""Quantitative goals: the shares, rates and counts a plan commits to, and what they measure.

A figure is a candidate only when it carries a unit a goal can have (a percent, a share
in words or as 1/2, a count per 10.000 people, a count of households, people, models,
communes or districts, "7/8 huyện", a multiple "tăng 1,8 lần"); ages, durations, dates,
document numbers and money never do, so they never become candidates. A candidate is a goal when it stands in a goal section (Mục tiêu, Chỉ
tiêu, Các kết quả và chỉ tiêu cần đạt …) or its sentence says it is one (phấn đấu, đảm
bảo …); a bare directive ("chỉ đạo chọn ít nhất 01 xã thí điểm") is a task.

Each line (or table cell) is cut into clauses at sentence ends, semicolons and "trong
đó"; a parenthesis that holds a figure is a clause of its own (a subgroup goal "(trong
đó, tỷ lệ hộ nghèo dân tộc Khmer giảm …)") and is hidden from the clause around it, so
its words do not leak into the outer goal. A clause with several figures is cut between
them, one goal per figure. The words of rules/target_phrases.yaml read the comparator,
the yearly unit, the subgroup and the horizon year; rules/indicators.yaml names what is
measured.

Running text (a document with no numbered sections: a portal or newspaper item quoting a
plan) has no goal section, and its goals seldom repeat their goal word: "Phấn đấu giảm …
7,3% trở lên, trong đó …; hộ cận nghèo 1,3%/năm trở lên", a headline and then paragraphs of
goals, results of past years between them. There each clause is a goal or a result by its own
words (the later of a goal word and a result word, a result opener, a figure measured against
a plan) or goes on with the clause before it, across sentences and paragraphs. A rate's change
in a one-year goal (an annual plan, "năm 2023 giảm …", "so với năm 2022") is %/year; a figure
of another place, of an earlier year than the passage's goals, or that only names the group
the next figure is for is not a goal; a goal told again (a headline, then the body) is one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

import regex

from extract.document.model import Document
from extract.document.provenance import provenance
from extract.extractors.components import ancestors_at, component_at, section_at
from extract.extractors.step import Context, step
from extract.extractors.targets.phrases import NUM, Indicator, Lexicon, lexicon, literal, phrase_key
from extract.text.normalize import PhraseScan, collapse, match_form, opening_words
from extract.text.numbers import parse_number

_SENTENCE_END = regex.compile(r";|(?<!(?<![\p{L}])(?:tp|tx|tt))[.!?](?=\s|$)")  # "TP. Đồng Hới" goes on
_LINE = re.compile(r"[^\n\t]+")  # the standard library finds the runs faster
_PAREN = regex.compile(r"\([^()]*\)")
_YEAR = regex.compile(r"(?<![\p{L}\p{N}])năm\s+(?P<year>(?:19|20|21)\d\d)(?!\d)")
_YEAR_LEAD = regex.compile(r"[\W_]*năm\s+(?P<year>(?:19|20|21)\d\d)(?!\d)")
_CLOSED = regex.compile(r"[.;:!?…)\]*_]\s*$")
_CONTINUES = regex.compile(r"\s*(?:\p{Ll}(?![.)]\s)|\d+(?![.)]\s|\.\d{1,2}[.)]?\s))")
_LEAD_TRIM = regex.compile(r"[\s\-+*•·–.,;:)]*(?:(?:[a-zđ]|\d{1,2}(?:\.\d{1,2})*|[ivxlc]+)[.)]\s+)?[\s\-+*•·–,;:]*")
_TAIL_TRIM = regex.compile(r"[\s.,;:]+$")
# where a number can open: every figure pattern but the fraction words opens with one
_NUMBER_OPENER = regex.compile(r"(?<![\d.,])\d")
_COMMA_OR_COLON = regex.compile(r"[,:]")
_LEAD_END = regex.compile(r"[,;]\s*$")
_LETTERS = regex.compile(r"\p{L}{2,}")
_ENDS_SENTENCE = regex.compile(r"[.!?]\s*$")
_NUMBERED = frozenset({"roman", "arabic", "arabic2", "arabic3", "letter", "article"})
_DISTRICT_NAME = regex.compile(
    r"(?<![\p{L}\p{N}])(?:[Hh]uyện|[Tt]hị xã)\s+(?P<name>(?>\p{Lu}(?:\p{Ll}|[’'‘]\p{L})*(?:[ -]\p{Lu}(?:\p{Ll}|[’'‘]\p{L})*)*))(?![\p{L}\p{N}]|,\s*\p{Lu})"
)
_FOLLOWING_WORDS = regex.compile(r"[\s/]*(\p{L}+(?:[ \t]+\p{L}+)?)")  # the noun after a figure, up to two words
_MARKED = "marked"  # a titled plan: a goal outside a goal section is one its own clause marks
_COMPARED_YEAR = regex.compile(
    r"[^.;()]{0,80}?(?<![\p{L}\p{N}])so(?:\s+với)?(?:\s+(?:cuối|hết))?\s+năm\s+(?P<year>(?:19|20|21)\d\d)(?!\d)"
)
_PERIOD_RANGE = regex.compile(r"giai\s+đoạn\s+(?P<a>(?:19|20|21)\d\d)\s*-\s*(?P<year>(?:19|20|21)\d\d)(?!\d)")
_COMPARING = regex.compile(
    r"(?<![\p{L}\p{N}])(?:so|với|từ|sau|trước)(?:\s+(?:với|cuối|hết|đầu))?\s*(?:\d[\d.,]*\s*%?\s*(?:\([^()]*\)\s*)?)?$"
)
_DIGIT_FRACTION = regex.compile(r"(?<![\d/.,])(?P<n>\d)\s*/\s*(?P<d>\d)(?!\d|\s*/\s*\d|[.,]\d)")


@dataclass
class Quantity:
    start: int
    end: int
    value: float
    value_high: float | None
    unit: str  # before the per-year reading: %, households, people, per_10000_people, models, communes
    per_year_suffix: bool = False
    kind: str = ""


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
_WORD_PATTERNS: dict[int, list[tuple[str, regex.Pattern | PhraseScan, re.Pattern | None]]] = {}  # no number needed


def _quantity_patterns(lex: Lexicon) -> list[tuple[str, regex.Pattern | PhraseScan, re.Pattern | None]]:
    """Figure patterns in the order they win overlaps, compiled once per lexicon."""
    if id(lex) not in _PATTERNS:
        _PATTERNS[id(lex)] = _compile_quantity_patterns(lex)
        _WORD_PATTERNS[id(lex)] = [p for p in _PATTERNS[id(lex)] if p[0] == "fraction_word"]
    return _PATTERNS[id(lex)]


def _any_of(literals) -> re.Pattern | None:
    """Text one of which a pattern's every match holds (None: no such test). Each piece of
    text is tried once, and kinds that hold the same pieces share one test, which a line
    then answers once (find_quantities)."""
    return _literal_test(tuple(dict.fromkeys(literals))) if literals and all(literals) else None


@cache
def _literal_test(literals: tuple[str, ...]) -> re.Pattern:
    """Found where one of the literals stands (as a tree of their letters: a test only asks
    whether one does)."""
    return re.compile(opening_words(set(literals)))


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
            regex.compile(
                rf"(?P<v1>{NUM})(?:\s*{pct}(?P<py1>{lex.per_year_slash})?)?(?:\s*{sep}\s*(?P<v2>{NUM}))?,?\s*{pct}"
            ),
            _any_of(lex.literals.get("percent_word")),
        ),
        (
            "count_of",
            regex.compile(rf"(?<![\d.,/])(?P<v1>\d+)\s*/\s*(?P<d>\d+)\s+(?P<noun>{lex.count_nouns})"),
            _any_of(lex.literals.get("count_noun")),
        ),
        ("fraction", _DIGIT_FRACTION, None),
        (
            "multiple",
            regex.compile(rf"(?P<v1>{NUM})(?:\s*{sep}\s*(?P<v2>{NUM}))?\s*{lex.multiple}(?![\p{{L}}\p{{N}}]|\s+thứ)"),
            _any_of(lex.literals.get("multiple")),
        ),
        (
            "fraction_word",
            PhraseScan(regex.compile(lex.fraction_words), lex.fraction_leads),
            _any_of([literal(p) for p in lex.fraction_value]),
        ),
        (
            "count",
            regex.compile(
                rf"(?P<v1>{NUM})(?:\s*{sep}\s*(?P<v2>{NUM}))?(?:\s+(?P<mag>{lex.magnitude}))?\s+(?P<noun>{lex.count_nouns})"
            ),
            _any_of(lex.literals.get("count_noun")),
        ),
        (
            # "số hộ nghèo … còn lại là 2.740.": the count's noun is told before it, as the subject
            "subject_count",
            regex.compile(
                rf"(?<![\p{{L}}])số\s+(?P<noun>{lex.count_nouns})[^.;:!?\d\n\t]{{0,80}}?"
                rf"(?:{lex.level_words}(?:\s+là)?|là)\s+(?P<v1>{NUM})(?=\s*(?:[.;,)!?]|$))"
            ),
            _any_of(lex.literals.get("count_noun")),
        ),
    ]


class _Runs:
    """The distinct quick tests of a list of patterns (each with a bit), and for each set of
    tests that hold (their bits or-ed) the kinds to try, in order: a line then tries its
    tests once each and loops over the few kinds they leave, not over every kind. A set's
    kinds are listed the first time a line has it, so the table holds only the sets lines
    have, however many tests the rules bring."""

    def __init__(self, patterns: list) -> None:
        self.patterns = patterns
        quick = dict.fromkeys(p[2] for p in patterns if p[2] is not None)
        self.tests = tuple((1 << k, t) for k, t in enumerate(quick))
        self._bit = {t: b for b, t in self.tests}
        self._kinds: dict[int, list] = {}

    def kinds(self, mform: str, start: int, end: int) -> list:
        held = 0
        for bit, test in self.tests:
            if test.search(mform, start, end) is not None:
                held |= bit
        kinds = self._kinds.get(held)
        if kinds is None:
            kinds = self._kinds[held] = [
                (kind, pat) for kind, pat, holds in self.patterns if holds is None or held & self._bit[holds]
            ]
        return kinds


_RUNS: dict[int, _Runs] = {}


def find_quantities(mform: str, start: int, end: int, lex: Lexicon) -> list[Quantity]:
    """Figures with a goal unit in mform[start:end], earlier kinds winning overlaps."""
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    patterns = _quantity_patterns(lex)
    if _NUMBER_OPENER.search(mform, start, end) is None:
        patterns = _WORD_PATTERNS[id(lex)]  # every other kind opens with a number
    runs = _RUNS.get(id(patterns))
    if runs is None or runs.patterns is not patterns:
        runs = _RUNS[id(patterns)] = _Runs(patterns)
    for kind, pat in runs.kinds(mform, start, end):
        for m in pat.finditer(mform, start, end):
            s, e = m.span("v1") if kind == "subject_count" else m.span()
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
    if kind == "count_of":  # "7/8 huyện có Trung tâm dạy nghề": seven of the eight
        n, d = int(m["v1"]), int(m["d"])
        if not 0 < n <= d or lex.number_blocker.search(before):
            return None
        return Quantity(s, e, float(n), None, lex.count_unit[phrase_key(m["noun"])], kind="count_of")
    if kind == "multiple":  # "tăng 1,8 lần so năm 2020", "gấp 2,5 - 3 lần", never "lần thứ", "2 lần/năm"
        if not lex.multiple_lead.search(before) or mform.startswith("/", e):
            return None
        return Quantity(s, e, _number(m["v1"]), _number(m["v2"]) if m["v2"] else None, "times")
    if kind == "subject_count":
        if lex.number_blocker.search(mform[line_start : m.start("v1")]):
            return None
        try:
            value = _number(m["v1"])
        except ValueError:
            return None
        return Quantity(m.start("v1"), m.end("v1"), value, None, lex.count_unit[phrase_key(m["noun"])], kind=kind)
    if lex.number_blocker.search(before):
        return None
    try:
        v1 = _number(m["v1"])
        v2 = _number(m["v2"]) if m.groupdict().get("v2") else None
    except ValueError:
        return None
    if kind == "percent":
        if lex.money_word.match(mform, e) or lex.money_share.search(before[-240:]):
            return None  # "hỗ trợ 70% chi phí", "vốn địa phương 300.000 tỷ đồng, chiếm 28,7%": shares of money
        suffix = lex.per_year_suffix.match(mform, e)
        if suffix:
            e = suffix.end()
        return Quantity(s, e, v1, v2, "%", per_year_suffix=bool(suffix or m["py1"]))
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
    """Where to cut a clause holding several figures: at the last conjunction between two (the
    next goal's own "và": "30% xã … ven biển và hải đảo thoát nghèo và tỷ lệ hộ nghèo … giảm 4-5%"),
    else after a comma); a comma that opens a new predicate ("…1,5%/năm, giảm tỷ lệ hộ nghèo vùng đồng bào
    DTTS và miền núi xuống dưới 10%") comes first when no conjunction precedes it, the "và" after it being inside the next goal's subject."""
    points = []
    for q, nxt in zip(qs, qs[1:]):
        gap = view[q.end - offset : nxt.start - offset]
        conjunctions = list(lex.conjunction.finditer(gap))
        openers = [
            m
            for m in _COMMA_OR_COLON.finditer(gap)
            if lex.predicate_opener.match(gap, m.end()) and not any(c.start() < m.start() for c in conjunctions)
        ]
        if openers:
            points.append(q.end + openers[-1].end())
            continue
        if conjunctions:
            points.append(q.end + conjunctions[-1].start())
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


def _unit(
    q: Quantity,
    view: str,
    lex: Lexicon,
    one_year: bool = False,
    carried: bool = False,
    around: tuple[str, str] = ("", ""),
    year: int | None = None,
) -> str:
    """The unit read with the clause: a yearly change where the clause says so ("/năm", "hằng
    năm"), where the goal is one year's ("năm 2023 giảm 2%", "giảm 2% so với năm 2023", an annual
    plan), or where an earlier clause of its sentence set a yearly pace the clause goes on with."""
    per_year = q.per_year_suffix or bool(lex.per_year.search(view))
    if q.unit == "%" and per_year and (q.per_year_suffix or lex.change_verb.search(view)):
        return "%/year"
    if (
        q.unit == "%"
        and (one_year or carried or _against_year_before(around[1], year, lex))
        and _is_change(*around, lex, year, carried)
    ):
        return "%/year"
    if q.unit == "people" and per_year:
        return "people/year"
    return q.unit


def _is_change(before: str, after: str, lex: Lexicon, year: int | None = None, carried: bool = False) -> bool:
    """A change of a rate by the figure ("giảm 2%", "tăng 1,5%"), not a level reached ("giảm
    còn 2%", "giảm xuống dưới 5%") unless it is measured against the year before ("xuống 2% so
    với năm 2024"), and not a change over the whole period ("so với đầu kỳ"); a cap right before
    the figure ("giảm … dưới 1%") is a level too. A verb inside a
    name ("mô hình giảm nghèo") changes nothing."""
    names = [m.span() for m in lex.neutral.finditer(before)]
    verbs = [m for m in lex.change_verb.finditer(before) if not any(a <= m.start() < b for a, b in names)]
    if lex.period_reference.search(before + " " + after):
        return False
    if not verbs:  # "…; Tuyên Hóa 4,5-5,0% (1.070-1.190 hộ)": an item going on with the sentence's yearly change
        return carried and not lex.level_word.search(before) and not _LETTERS.search(after)
    bound = lex.comparator_before.search(before, verbs[-1].end())
    if bound and lex.comparator_value[phrase_key(bound["c"])] in ("lt", "le"):
        # "giảm tỷ lệ hộ nghèo toàn tỉnh dưới 1%": no plan caps a fall, so the cap is the level reached
        return _against_year_before(after, year, lex)
    return not lex.level_word.search(before[verbs[-1].end() :]) or _against_year_before(after, year, lex)


def _against_year_before(after: str, year: int | None, lex: Lexicon) -> bool:
    """Whether the figure is measured against the year before its own ("so với năm 2023" in a 2024 goal)."""
    if lex.one_year_reference.match(after):
        return True
    m = _COMPARED_YEAR.match(after)
    return m is not None and year is not None and int(m["year"]) == year - 1


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


def _stated_years(text: str, lex: Lexicon):
    """(year, words) the text states a goal's year with, in order: a horizon ("đến năm 2030"),
    a year of its own ("năm 2023 giảm …", "đến hết năm 2023"), never a year compared with ("so
    với năm 2022", "từ … năm 2013") and never a range ("giai đoạn 2021-2025")."""
    found = []
    lead = _YEAR_LEAD.match(text)
    if lead:
        found.append((lead.start("year"), lead.start(), 1, int(lead["year"]), "năm"))
    for m in lex.horizon.finditer(text):
        found.append((m.start("year"), m.start(), 1, int(m["year"]), "horizon"))
    for m in lex.stated_year.finditer(text):
        if not _COMPARING.search(text, 0, m.start()) and not _PERIOD_RANGE.search(
            text, max(0, m.start() - 10), m.end()
        ):
            found.append((m.start("year"), m.start(), 0, int(m["year"]), phrase_key(m["w"])))
    seen = set()
    for at, _, _, year, words in sorted(found):
        if at not in seen:
            seen.add(at)
            yield year, words


def _goal_year(texts: list[str], period: tuple[int | None, int | None], lex: Lexicon) -> tuple[int | None, str | None]:
    """The goal's year and the words that state it: the first stated year not before the plan
    starts, else the end of a period the clause names for the goal itself ("… giai đoạn 2021-2025
    từ 1,5 - 2%/năm", not the poverty line's "chuẩn nghèo đa chiều giai đoạn 2022-2025"), else the
    plan's end."""
    start, end = period
    for text in texts:
        for year, words in _stated_years(text, lex):
            if start is None or year >= start:
                return year, words
    for text in texts[:2]:
        for m in _PERIOD_RANGE.finditer(text):
            if not lex.standard_period.search(text, max(0, m.start() - 60), m.end()) and (
                start is None or int(m["year"]) >= start
            ):
                return int(m["year"]), "period"
    return end, None


def _last_stated_year(text: str, period, lex: Lexicon) -> int | None:
    """The year stated last before a clause of the same paragraph ("Năm 2025, tỉnh phấn đấu giảm
    …; trong đó, …"), the one its goals go on with."""
    start = period[0]
    years = [y for y, _ in _stated_years(text, lex) if start is None or y >= start]
    return years[-1] if years else None


def _year(texts: list[str], period: tuple[int | None, int | None], lex: Lexicon) -> int | None:
    return _goal_year(texts, period, lex)[0]


def _one_year(year: int | None, words: str | None, period, texts: list[str], lex: Lexicon) -> bool:
    """Whether the goal is one year's: the plan is annual, or the clause names the year as its
    own ("năm 2023", "trong năm 2022", "đến hết năm 2023" in a longer plan ending later)."""
    start, end = period
    if start is not None and start == end:
        return True
    if any(lex.this_year.search(t) for t in texts):
        return True
    if words is None or words == "period" or year is None:
        return False
    if words in ("năm", "trong năm"):
        return True
    if words == "horizon":
        return end is not None and year < end
    return end is None or year != end


def _period(ctx) -> tuple[int | None, int | None]:
    """The plan's period, as the metadata step read it."""
    return ctx.meta.get("period_start"), ctx.meta.get("period_end")


def _running_text(doc: Document) -> bool:
    """Whether the document tells its goals in running text (a portal or newspaper item quoting a
    plan): it has no numbered sections, so no goal section says which figures are goals."""
    return not any(s.label_kind in _NUMBERED for s in doc.sections)


def _plan_period(mform: str, ctx, lex: Lexicon, running: bool) -> tuple[int | None, int | None]:
    """The plan's period; running text that names an annual plan ("ban hành Kế hoạch … giảm
    nghèo bền vững năm 2023") is that year's even where the metadata read a longer period."""
    period = _period(ctx)
    if running and period[0] != period[1]:
        m = lex.annual_title.search(mform)
        if m is not None:
            return int(m["year"]), int(m["year"])
    return period


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


def _own_state(mform: str, c: Clause, qs: list[Quantity], lex: Lexicon) -> str | None:
    """'goal' or 'result' as the clause's own words say, up to its last figure; None when they
    say neither. The later word wins ("… đã đề ra mục tiêu cụ thể là: giảm …" is a goal, "đạt chỉ
    tiêu" a result), and a clause that opens on the present or a review ("Hiện nay, …", "Theo kết
    quả rà soát …") states a result unless a goal word follows."""
    end = max((q.end for q in qs), default=c.end)
    view = c.view(mform, c.start, end)
    last = _last_mark(view, lex)
    if last is not None:
        return last
    if lex.result_opener.match(view):
        return "result"
    # "08/08 huyện … đã kiện toàn …", "… giảm 1,17%, đạt chỉ tiêu …": a result told after its figure
    if _last_mark(c.view(mform, end, c.end), lex) == "result":
        return "result"
    # "…, đạt 103% kế hoạch": measured against a plan, the clause tells how it went
    return "result" if any(lex.result_after.match(mform, q.end, c.end) for q in qs) else None


def _last_mark(view: str, lex: Lexicon) -> str | None:
    """'goal' or 'result' for the last goal or result word of the text, a word inside a longer
    one of the other kind or inside a name ("Chương trình mục tiêu quốc gia") not counting; an
    estimate ("còn khoảng") is a result word only where no goal word comes before it."""
    names = [m.span() for m in lex.neutral.finditer(view)]
    marks = [(m.start(), m.end(), "goal") for m in lex.goal_marker.finditer(view, overlapped=True)]
    marks += [(m.start(), m.end(), "result") for m in lex.result_marker.finditer(view, overlapped=True)]
    marks += [
        (m.start(), m.end(), "result")
        for m in lex.estimate_marker.finditer(view)
        if not any(
            kind == "goal" and a < m.start() and not lex.forecast_word.fullmatch(view, a, b) for a, b, kind in marks
        )
    ]
    kept = [
        a
        for a in marks
        if not any(b[2] != a[2] and b[0] <= a[0] and a[1] <= b[1] and b[1] - b[0] > a[1] - a[0] for b in marks)
        and not any(ns <= a[0] and a[1] <= ne for ns, ne in names)
    ]
    return max(kept)[2] if kept else None


def _states(mform: str, clauses: list[Clause], figures: dict, state: str | None, lex: Lexicon):
    """Each clause's state in running text, and the state the line leaves: a clause that says
    neither goal nor result goes on with the one before it, or with a goal word later in its
    own sentence ("Tỷ lệ hộ nghèo … mỗi năm giảm trên 3%; …; phấn đấu đến năm 2025 …")."""
    own = {id(c): _own_state(mform, c, figures[id(c)], lex) for c in clauses}
    outer = [c for c in clauses if c.host is None]
    states: dict[int, str | None] = {}
    sentence: list[Clause] = []
    for i, c in enumerate(outer):
        sentence.append(c)
        if i + 1 < len(outer) and not _ENDS_SENTENCE.search(mform, c.start, c.end):
            continue
        for k, d in enumerate(sentence):
            mine = own[id(d)]
            if mine is None:
                later = next((x for x in sentence[k + 1 :] if own[id(x)] is not None), None)
                ahead = later is not None and own[id(later)] == "goal" and not _earlier_year(mform, d, later, lex)
                mine = "goal" if ahead else state
            states[id(d)] = state = mine
        sentence = []
    for c in clauses:
        if c.host is not None:
            states[id(c)] = own[id(c)] or states.get(id(c.host))
    return states, state


def _earlier_year(mform: str, c: Clause, goal: Clause, lex: Lexicon) -> bool:
    """Whether the clause states a year before the one the goal clause after it states ("Cuối năm
    2022, … còn 40.522 hộ nghèo; dự kiến năm 2023, tỷ lệ hộ nghèo giảm xuống còn 15,39%")."""
    mine = next(_stated_years(c.view(mform), lex), None)
    theirs = next(_stated_years(goal.view(mform), lex), None)
    return mine is not None and theirs is not None and mine[0] < theirs[0]


@step(
    "targets",
    requires=("meta.period_start", "meta.period_end", "meta.admin_level"),
    assigns=("rows.targets",),
)
def extract(doc: Document, ctx: Context) -> None:
    lex = lexicon()
    mform = match_form(doc.text)
    period = _plan_period(mform, ctx, lex, _running_text(doc))
    running = _running_text(doc)
    state = None
    told = _Told() if running else None
    lines = logical_lines(doc)
    if told is not None and lines:
        told.headline = lines[0][0]
        if len(lines) > 1 and lex.goal_confirmation.match(mform, lines[1][0], lines[1][1]):
            state = "goal"  # the headline's figures are goals its next line names so
    for ls, le in lines:
        quantities = find_quantities(mform, ls, le, lex)
        if quantities and _bare_table_cell(mform, ls, le, quantities):
            continue
        if not quantities and not running:
            continue
        clauses = line_clauses(mform, ls, le, quantities, lex)
        figures = {id(c): [q for q in quantities if _inside(q, c)] for c in clauses}
        if running:
            states, state = _states(mform, clauses, figures, state, lex)
        yearly = False
        for clause in clauses:
            qs = figures[id(clause)]
            if qs:
                made = _clause_targets(
                    doc,
                    ctx,
                    mform,
                    (ls, le),
                    clause,
                    qs,
                    period,
                    lex,
                    states.get(id(clause)) if running else _MARKED,
                    yearly and clause.host is None,
                    told,
                )
                if clause.host is None:
                    yearly = yearly or made
            if clause.host is None and _ENDS_SENTENCE.search(mform, clause.start, clause.end):
                yearly = False


def _clause_targets(
    doc,
    ctx,
    mform,
    line,
    clause: Clause,
    qs: list[Quantity],
    period,
    lex: Lexicon,
    state: str | None = _MARKED,
    carried: bool = False,
    told: _Told | None = None,
) -> bool:
    """Append the clause's goals; whether one of them is a yearly change (the pace later
    clauses of the sentence go on with)."""
    ls, le = line
    view = clause.view(mform)
    context = _context(doc, clause.start, lex)
    if context == "result":
        return False
    if context != "goal":
        if state == _MARKED:
            marker_view = view + " " + (clause.host.view(mform) if clause.host else "")
            if not lex.goal_marker.search(marker_view) or lex.past_marker.search(view):
                return False
        elif state != "goal":
            return False
    running = state != _MARKED
    inherited = (
        running
        and _own_state(mform, clause, qs, lex) is None
        and (clause.host is None or _own_state(mform, clause.host, [], lex) is None)
    )
    for i in range(len(qs) - 1, 0, -1):
        gap = mform[qs[i - 1].end : qs[i].start]
        if (
            _starting_level(gap, mform, clause.start, qs[i - 1], lex)
            or _names_subject(gap, qs[i - 1], qs[i], lex)
            or _in_rate_subject(mform, clause.start, qs[i - 1], qs[i], lex)
        ):
            del qs[i - 1]
    cuts = [clause.start] + _split_points(view, clause.start, qs, lex) + [clause.end]
    lead = _lead(mform, ls, clause.start)
    titles = _ancestor_titles(doc, clause.start)
    baseline_at = None  # the end of the last figure read as a starting level
    yearly = False
    for q, (s, e) in zip(qs, zip(cuts, cuts[1:])):
        sub = clause.view(mform, s, e)
        before, after = sub[: q.start - s], sub[q.end - s :]
        told_before = _sentence_before(mform, ls, clause.start) if _part_of(view, clause, lex) else ""
        if _is_baseline(told_before + before, period, lex) or _restates_baseline(mform, baseline_at, q, lex):
            baseline_at = q.end
            continue
        if running and (_other_scope(before, lex) or lex.result_after.match(after)):
            continue
        ts, te = _trim(mform, s, e, clause.holes, lex)
        ts = _from_marker(mform, ts, q.start, lex)
        # a year told after this part of the clause is a later goal's ("…, đến năm 2030 còn dưới 20%")
        year, words = _goal_year([mform[ts:te], sub, clause.view(mform, clause.start, e)], period, lex)
        said = year if words is not None else None  # a year the text itself gives the goal
        if words is None and running:
            said = _last_stated_year(mform[ls : clause.start], period, lex)
            year = said or year
        elif words is None:
            year = _year([mform[ts:te], sub, lead, view, mform[ls:le]] + titles, period, lex)
        if told is not None and said is None and inherited and told.year is not None and _part_of(view, clause, lex):
            years_before = [y for y, _ in _stated_years(mform[ls : clause.start], lex)]
            if years_before and years_before[-1] < told.year:
                continue  # "Đến hết năm 2020, còn 14.600 hộ nghèo, trong đó, 13.700 hộ …": part of a result
        if told is not None and said is not None:
            if inherited and told.year is not None and said < told.year:
                continue  # "Năm 2023, toàn tỉnh giảm 3.200 hộ nghèo" after the passage's 2024 goals: a result
            if not inherited:
                told.year = min(told.year or said, said)
        one_year = _one_year(year, words, period, [sub, view], lex)
        clause_before = clause.view(mform, clause.start, q.start)
        unit = _unit(q, sub, lex, one_year, carried, (clause_before, after), year) if running else _unit(q, sub, lex)
        yearly = yearly or unit == "%/year"
        views = [sub, lead + " " + sub]
        if clause.host is not None:
            views.append(clause.host.view(mform) + " " + sub)
        if len(qs) > 1:
            views.append(lead + " " + view)
        ind = _indicator(views, unit, lex)
        dimension = ind.dimension if ind and ind.dimension else _first(lex.dimensions, lead + " " + view)
        comparator = _comparator(mform, q, Clause(s, e), lex)
        population = None if ind is not None and ind.group else _first(lex.populations, sub)
        if population is None and running and ctx.meta.get("admin_level") == "province":
            population = _named_district(doc.text[s : q.start], lex)
        if population is None:
            population = _poor_population(sub, q.end - s, ind, lex) or _parent_population(
                ctx.rows["targets"], ls, view, ind, lex
            )
        if population is None and clause.host is not None:
            population = _host_population(ctx.rows["targets"], clause.host, clause.start)
        row = {
            "component": component_at(doc, ctx, q.start),
            "indicator": ind.key if ind else None,
            "dimension": dimension,
            "text": collapse(doc.text[ts:te]),
            "value": q.value,
            "value_high": q.value_high,
            "unit": unit,
            "comparator": comparator,
            "year": year,
            "population": population,
            "section_id": section.section_id if (section := section_at(doc, q.start)) else None,
            **provenance(doc, ts, te),
        }
        follow = _FOLLOWING_WORDS.match(mform, q.end, le)
        head = phrase_key(mform[ts : q.end])  # the goal as told up to its figure
        if told is None or _new_goal(
            ctx.rows["targets"],
            told.goals,
            row,
            ls,
            words is not None,
            follow[1] if follow else "",
            head,
            ls == told.headline and not mform[q.end : le].strip(),
        ):
            ctx.rows["targets"].append(row)
    return yearly


@dataclass
class _Told:
    """What a passage in running text has told so far: its goals (to know one told again) and
    the earliest year a goal of its own words was stated for (a passage may go on to later horizons,
    "đến năm 2025 còn dưới 35%, đến năm 2030 còn dưới 30%"; a figure of a year before them all is a result)."""

    goals: dict = field(default_factory=dict)
    year: int | None = None
    headline: int | None = None  # where the passage's first line starts


def _new_goal(
    rows: list[dict],
    kept: dict,
    row: dict,
    line_start: int,
    stated: bool,
    follow: str,
    head: str,
    headline: bool = False,  # the figure ends the passage's first line, a title
) -> bool:
    """Whether the row is a goal not told before in another line of the passage (a headline, then
    the body). Told again, the telling that says more (a yearly unit, a year of its own, what is
    measured) takes the earlier one's place. Goals of different stated years stay apart, and so do
    two of which one names nothing measured unless they say the same ("… 2.000 hộ nghèo" twice;
    "100% số xã …" and "100% số trường …" are two), or two of different populations. A headline
    that ends on its figure ("… đặt mục tiêu giảm nghèo từ 1 đến 1,5%") names nothing after it to
    tell it apart: the body's telling of the same figure is the same goal."""
    unit = row["unit"].removesuffix("/year")
    key = (row["value"], row["value_high"], unit)
    population = row["population"]
    score = int(row["unit"] != unit) + int(stated) + int(row["indicator"] is not None) + int(population is not None)
    for earlier in kept.get(key, []):
        if earlier["population"] is not None and population is not None and earlier["population"] != population:
            continue
        same_text = earlier["text"] == head
        if (earlier["line"] == line_start and not same_text) or (
            earlier["stated"] and stated and earlier["year"] != row["year"]
        ):
            continue
        a, b = earlier["indicator"], row["indicator"]
        if (
            (a is None or b is None)
            and not same_text
            and not (earlier["stated"] and stated)
            and not _same_noun(earlier["follow"], follow)
            and not earlier["headline"]
        ):
            continue
        if a is not None and b is not None and a != b and not _told_alike(earlier, head, follow, row["year"]):
            continue
        if score > earlier["score"]:
            rows[earlier["index"]] = row
            earlier.update(
                score=score, stated=stated, year=row["year"], indicator=b or a, text=head, population=population
            )
        return False
    kept.setdefault(key, []).append(
        {
            "line": line_start,
            "stated": stated,
            "year": row["year"],
            "score": score,
            "indicator": row["indicator"],
            "follow": follow,
            "headline": headline,
            "population": population,
            "text": head,
            "index": len(rows),
        }
    )
    return True


def _told_alike(earlier: dict, head: str, follow: str, year: int | None) -> bool:
    """Whether two tellings of a figure are one goal though what each is read to measure differs
    (the body's "(giảm 3.528 hộ)" read with its host's "… còn 4,18%"): the earlier gives it a year
    of its own and the later the same year, one telling up to the figure ends the other ("Phấn đấu
    năm 2025 giảm 3.528 hộ" as a subheading; a verb and the figure at least), and the words after
    it do not tell them apart."""
    x, y = earlier["text"].split(), head.split()
    n = min(len(x), len(y))
    return (
        earlier["stated"]
        and earlier["year"] == year
        and n >= 2
        and x[-n:] == y[-n:]
        and (not follow or not earlier["follow"] or _same_noun(earlier["follow"], follow))
    )


def _part_of(view: str, clause: Clause, lex: Lexicon) -> bool:
    """Whether the clause tells a part of the one before it: a parenthesis, or "trong đó …"."""
    return clause.host is not None or bool(lex.subclause_opener.match(view.lstrip(" ,;:-")))


def _sentence_before(mform: str, line_start: int, at: int) -> str:
    """The part of the sentence before a position: what a "trong đó" clause is a part of."""
    ends = list(_SENTENCE_END.finditer(mform, line_start, at))
    return mform[ends[-1].end() if ends else line_start : at]


def _same_noun(a: str, b: str) -> bool:
    """Whether two figures count the same thing by the words after them: "2.000 hộ nghèo" in a
    headline and "(giảm 2.000 hộ)" in the body do, "100% số xã" and "100% số trường" do not."""
    if not a or not b:
        return False
    x, y = a.split(), b.split()
    n = min(len(x), len(y))
    return x[:n] == y[:n]


def _starting_level(gap: str, mform: str, clause_start: int, q: Quantity, lex: Lexicon) -> bool:
    """The figure is where the goal starts from: "từ 5% xuống còn 3%", "từ 30,23% năm 2023, xuống
    còn 25,93%", not "giảm từ 3% trở lên, …"."""
    if lex.baseline_link.match(_YEAR.sub(" ", _PAREN.sub(" ", gap))):
        return True
    after = lex.comparator_after.match(gap)
    rest = gap[after.end() :] if after else gap
    links = list(lex.baseline_link_word.finditer(rest))
    return (
        bool(links)
        and len(rest) - links[-1].end() <= 20
        and bool(lex.range_opener.search(mform, clause_start, q.start))
    )


def _names_subject(gap: str, q: Quantity, nxt: Quantity, lex: Lexicon) -> bool:
    """The figure only says which group the next one is for: "7 huyện nghèo giảm từ 6% trở lên",
    "các xã có tỷ lệ hộ nghèo cao trên 25% giảm từ 4%"; a share of a group ("2/7 huyện") is a goal."""
    return q.kind != "count_of" and nxt.unit == "%" and bool(lex.subject_gap.fullmatch(gap))


def _in_rate_subject(mform: str, clause_start: int, q: Quantity, nxt: Quantity, lex: Lexicon) -> bool:
    """The count only names whose rate the next figure is: "tỷ lệ hộ nghèo bình quân 2 huyện 30a
    còn dưới 35,32%" (a rate word before it, the rate's figure after it, no break between)."""
    if q.unit == "%" or nxt.unit != "%" or _SUBJECT_END.search(mform, q.end, nxt.start):
        return False
    breaks = list(_SUBJECT_END.finditer(mform, clause_start, q.start))
    start = breaks[-1].end() if breaks else clause_start
    rate = list(lex.rate_word.finditer(mform, start, q.start))
    return bool(rate) and not lex.change_verb.search(mform, rate[-1].end(), q.start)


def _named_district(before: str, lex: Lexicon) -> str | None:
    """'district:<name>' where a provincial plan's goal is one named district's ("tỷ lệ hộ nghèo
    huyện Mường Tè giảm 5%"); several districts ("các huyện A, B và C") are no one district."""
    form = match_form(before)
    found = [m for m in _DISTRICT_NAME.finditer(before) if not lex.plural_before.search(form, 0, m.start())]
    names = {m["name"] for m in found}
    return f"district:{names.pop()}" if len(names) == 1 else None


_SUBJECT_END = regex.compile(r"[,;:]")


def _poor_population(sub: str, end: int, ind: Indicator | None, lex: Lexicon) -> str | None:
    """The poor class a goal is for when the class is what is measured: "98% hộ nghèo, hộ cận
    nghèo sử dụng nước …", "Tỷ lệ người lao động thuộc hộ nghèo … qua đào tạo đạt 70%", "1.200 hộ
    nghèo được hỗ trợ nhà ở". Read only where what is measured is known and is not named by the
    indicator itself (own_subject: the poverty rate, its reductions and the households leaving
    poverty count that group already, so "hộ nghèo" there is no population; cadres and models are
    subjects of their own), and only in the goal's subject: before the figure, or after it up to
    the first comma (the figure's noun phrase). A class named later is whom the action serves
    ("việc làm cho 2.900 lao động, nâng cao thu nhập cho các hộ nghèo"). `end` is where the figure
    ends in `sub`; the entries are tried in file order, the narrowest class first."""
    if ind is None or ind.group or ind.own_subject:
        return None
    boundary = _SUBJECT_END.search(sub, end)
    limit = boundary.start() if boundary else len(sub)
    for pat, value in lex.poor_populations:
        if any(m.start() < limit for m in pat.finditer(sub)):
            return value
    return None


def _parent_population(rows: list[dict], line_start: int, view: str, ind: Indicator | None, lex: Lexicon) -> str | None:
    """The poor class of the goal a "trong đó" clause is part of: in "Tỷ lệ người lao động thuộc
    hộ nghèo … qua đào tạo đạt 70%, trong đó có bằng cấp chứng chỉ đạt 34,75%" the 34,75% are of
    the same workers, not of all workers. Only the goal just before it on the same line counts."""
    if ind is None or ind.group or ind.own_subject or not rows:
        return None
    if not lex.subclause_opener.match(view.lstrip(" ,;:-")):
        return None
    parent = rows[-1]
    if parent["char_start"] < line_start:
        return None
    return parent["population"] if parent["population"] in {v for _, v in lex.poor_populations} else None


def _host_population(rows: list[dict], host: Clause, at: int) -> str | None:
    """The population of the goal a parenthesis restates in other terms: in "tỷ lệ hộ nghèo dân tộc
    thiểu số giảm 2,57% (2.849 hộ)" and "Huyện A giảm 2,4% (giảm 740 hộ)" the households are of
    the same group as the rate, the goal told last before the parenthesis."""
    told = [r for r in rows if host.start <= r["char_start"] < at]
    return told[-1]["population"] if told else None


def _other_scope(before: str, lex: Lexicon) -> bool:
    """A figure of somewhere else (the country's projection a plan compares itself with, "dự
    kiến cả nước còn 1,93%"), unless a goal word follows the mention ("tỉnh đông dân thứ 4 cả
    nước sẽ phấn đấu giảm …") or stands right before it ("phấn đấu cả nước có khoảng 65% số xã …":
    the plan's own scope is the country); a forecast word there does not count."""
    scopes = list(lex.other_scope.finditer(before))
    if not scopes:
        return False
    compared = lex.reference_word.search(before, 0, scopes[-1].start())
    if compared:
        return True
    lead = before[: scopes[-1].start()].rstrip()
    own = [m for m in lex.goal_marker.finditer(lead) if m.end() == len(lead)]
    if own and not any(lex.forecast_word.fullmatch(m.group()) for m in own):
        return False
    return not lex.goal_marker.search(before, scopes[-1].end())
