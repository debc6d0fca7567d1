"""The money vocabulary that running text, budget tables and checks share: units, the
phrases that name a funding source or capital type, and the phrases that say a figure is
for one year or the whole period (rules/money.yaml, kind `money`).

Text amounts (money.text), budget tables (money.tables) and the arithmetic checks
(checks) all read figures in these terms; keeping the vocabulary here, below all three,
is what lets them share it without importing each other. The closed lists of sources,
capital types and bases come from extract.vocabulary, so the rules are validated
against the same values the store and the CLI use.
"""

from __future__ import annotations

import re
from functools import cache

import regex

from extract import rules
from extract.text.normalize import match_form
from extract.text.numbers import NUMBER_RE

# one year named ("năm 2024"), not a span of years ("từ năm 2022 - 2024") nor an end ("đến năm 2025")
_YEAR = regex.compile(r"(?<!\w)(?<!đến\s)năm\s+(?:20\d\d)(?!\d)(?!\s*(?:[-–—]|đến)\s*(?:năm\s+)?20\d\d)")


def money_entries(kind: str) -> tuple[dict, ...]:
    return tuple(e for e in rules.load("money") if e["kind"] == kind)


@cache
def _unit_alternatives() -> str:
    units = sorted({match_form(e["phrase"]) for e in money_entries("unit")}, key=len, reverse=True)
    return "|".join(regex.escape(u) for u in units)


@cache
def unit_re() -> regex.Pattern:
    """A figure and the money unit written after it ("2.589 triệu đồng", "62,5 tỷ")."""
    return regex.compile(rf"(?P<num>{NUMBER_RE.pattern})\s*(?P<unit>{_unit_alternatives()})(?![\w])")


@cache
def _unit_after_digit() -> regex.Pattern:
    # a number's last digit and what unit_re reads after it
    return regex.compile(rf"\d\s*(?:{_unit_alternatives()})(?![\w])")


def may_hold_figure(form: str, pos: int = 0) -> bool:
    """False where unit_re finds no figure in form[pos:]. Every figure's number ends in a
    digit that its unit follows as unit_re reads it, and a line seldom holds such a digit:
    this is tried far faster than unit_re's numbers are at every digit of a line."""
    return _unit_after_digit().search(form, pos) is not None


@cache
def unit_factors() -> dict[str, int]:
    """Each unit in matching form -> đồng per unit."""
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


@cache
def whole_capital_labels() -> dict[str, str]:
    """Capital phrase (matching form) -> its capital type: a text that is one of these
    and nothing else reads by labels_in as that one capital label from end to end (no
    longer phrase fits in it, and every other label in it lies inside this one)."""
    return {p: v for p, (fld, v) in _label_re(False)[1].items() if fld == "capital"}


def labels_in(text: str, header: bool = False) -> list[tuple[int, int, str, str]]:
    """(start, end, field, value) of every source / capital phrase in the text, in order.
    Short forms trusted only in table headers ("tổng", "sn") count when `header` is set.
    A source and a capital type may share a word ("tổng vốn đầu tư": "tổng vốn" and "vốn
    đầu tư"), so a phrase overlapping one of the other field is kept; one inside a longer
    phrase, or overlapping one of its own field, is not."""
    pattern, labels = _label_re(header)
    form = match_form(text)
    kept: list[tuple[int, int, str, str]] = []
    for m in pattern.finditer(form, overlapped=True):
        lab = (m.start(), m.end(), *labels[m.group()])
        if any((k[0] <= lab[0] and lab[1] <= k[1]) or (lab[0] < k[1] and k[2] == lab[2]) for k in kept):
            continue
        kept.append(lab)
    return kept


@cache
def _label_words(header: bool, fields: tuple[str, ...]) -> re.Pattern | None:
    phrases = tuple(p for p, (fld, _) in _label_re(header)[1].items() if fld in fields)
    return re.compile("|".join(map(re.escape, phrases))) if all(phrases) else None


def may_name_source(form: str) -> bool:
    """False where labels_in(text) finds no source label, `form` being match_form(text):
    each is a source phrase, and one search of the text for any of them as it stands
    (word or not) is far cheaper than reading every label."""
    test = _label_words(False, ("source",))
    return test is None or test.search(form) is not None


def may_hold_label(form: str, header: bool = False) -> bool:
    """False where labels_in(text, header) finds no label at all (as may_name_source)."""
    test = _label_words(header, ("source", "capital"))
    return test is None or test.search(form) is not None


def choose(labels: list[tuple[int, int, str, str]]) -> tuple[str | None, str | None]:
    """Source and capital a run of labels gives: the last specific source, else total."""
    sources = [v for _, _, f, v in labels if f == "source"]
    capitals = [v for _, _, f, v in labels if f == "capital"]
    specific = [s for s in sources if s != "total"]
    source = specific[-1] if specific else (sources[-1] if sources else None)
    return source, (capitals[-1] if capitals else None)


@cache
def phrases(kind: str, where: str | None = None) -> tuple[str, ...]:
    """The phrases of one entry kind in matching form (those said to stand `where`, if given)."""
    return tuple(match_form(e["phrase"]) for e in money_entries(kind) if where is None or e.get("where") == where)


@cache
def _basis_phrases() -> tuple[tuple[str, str], ...]:
    return tuple((match_form(e["phrase"]), e["basis"]) for e in money_entries("basis"))


@cache
def _phrase_re(phrase: str) -> regex.Pattern:
    return regex.compile(rf"(?<!\w){regex.escape(phrase)}(?!\w)")


def has_phrase(form: str, phrase: str) -> bool:
    """Does the phrase occur in the text (matching form) as whole words?"""
    return phrase in form and _phrase_re(phrase).search(form) is not None


def basis_of(text: str, multi_year: bool) -> str | None:
    """'annual' or 'period' where the words say which ("01 năm", "cả giai đoạn"); in a
    multi-year plan a single year named ("năm 2024") makes a figure annual. None when the
    words do not say."""
    form = match_form(text)
    hits = [b for p, b in _basis_phrases() if has_phrase(form, p)]
    if "annual" in hits:
        return "annual"
    if "period" in hits:
        return "period"
    if multi_year and _YEAR.search(form):
        return "annual"
    return None


@cache
def programme_re() -> tuple[regex.Pattern, dict[str, str]]:
    """One pattern for the phrases naming a national target programme; phrase -> poverty,
    other or all."""
    names = {match_form(e["phrase"]): e["programme"] for e in money_entries("programme")}
    alt = "|".join(regex.escape(p) for p in sorted(names, key=len, reverse=True))
    return regex.compile(rf"(?<!\w)(?:{alt})(?!\w)"), names
