"""The target lexicon: rules/target_phrases.yaml and rules/indicators.yaml, compiled once.

Every phrase becomes a regular expression over the matching form of the text
(textnorm.match_form), bounded on the sides where it begins or ends with a letter or
digit, so that "xã" does not match inside "xã hội" only when the words differ, and "-"
still separates "1,5-2". Each role keeps the phrase it matched mapped back to its value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import regex

from extract import rules
from extract.errors import RulesError
from extract.rule_schemas import DIMENSIONS, ROLES
from extract.text.numbers import NUMBER_RE

UNITS = frozenset(
    {
        "%",
        "%/year",
        "households",
        "people",
        "people/year",
        "per_10000_people",
        "models",
        "communes",
        "districts",
        "provinces",
        "schools",
        "times",
    }
)
COMPARATORS = frozenset({"eq", "ge", "gt", "le", "lt"})
# which roles need a value, and what it must be
_VALUE_CHECK = {
    "comparator": lambda v: v in COMPARATORS,
    "count_noun": lambda v: v in UNITS,
    "per_capita": lambda v: v in UNITS,
    "fraction_word": lambda v: isinstance(v, (int, float)) and 0 < v <= 100,
    "magnitude": lambda v: isinstance(v, int) and v > 1,
    "population": lambda v: isinstance(v, str) and regex.fullmatch(r"[a-z][a-z0-9_]*", v) is not None,
    "poor_population": lambda v: isinstance(v, str) and regex.fullmatch(r"[a-z][a-z0-9_]*", v) is not None,
    "dimension": lambda v: v in DIMENSIONS,
}


NUM = f"(?:{NUMBER_RE.pattern})"
_WORD = regex.compile(r"[\p{L}\p{N}]")


def phrase_pattern(phrase: str) -> str:
    """A phrase as a pattern: spaces stretch to any run of space, word edges are bounded."""
    before, body, after = _bounded(phrase)
    return before + body + after


_BEFORE = r"(?<![\p{L}\p{N}])"
_AFTER = r"(?![\p{L}\p{N}])"


def _bounded(phrase: str) -> tuple[str, str, str]:
    """phrase_pattern in three: the bound before it, the phrase, the bound after ("" for none)."""
    body = r"\s+".join(regex.escape(w) for w in phrase.split())
    body = body.replace("/", r"\s*/\s*")
    return (_BEFORE if _WORD.match(phrase[:1]) else "", body, _AFTER if _WORD.match(phrase[-1:]) else "")


def alternation(phrases) -> str:
    """Longest phrase first, so that "không dưới" wins over "dưới".

    Neighbouring phrases bounded on the same sides share their bounds: B(?:x|y)A tries the
    same ways to match, in the same order, as (?:BxA|ByA), so it finds the same matches,
    and the regex module parses each bound once instead of once per phrase (the bounds were
    half of the compile time of the lexicon, which every process pays at start-up).
    """
    runs: list[tuple[str, list[str], str]] = []
    for p in sorted(set(phrases), key=len, reverse=True):
        before, body, after = _bounded(p)
        if runs and runs[-1][0] == before and runs[-1][2] == after:
            runs[-1][1].append(body)
        else:
            runs.append((before, [body], after))
    parts = []
    for before, bodies, after in runs:
        if before or after:
            parts.append(before + (bodies[0] if len(bodies) == 1 else "(?:" + "|".join(bodies) + ")") + after)
        else:
            parts.extend(bodies)
    return "(?:" + "|".join(parts) + ")"


def _key(phrase: str) -> str:
    return " ".join(phrase.replace("/", " / ").split())


@dataclass(frozen=True)
class Indicator:
    key: str
    dimension: str | None
    units: tuple[str, ...]
    phrases: regex.Pattern
    also: regex.Pattern | None
    not_: regex.Pattern | None
    group: bool = False  # it counts a group itself ("30% huyện nghèo thoát nghèo"): no subgroup population
    # it names its own subject (the poverty rate counts poor households, cadres_trained counts
    # cadres): "hộ nghèo" in its clause says what is counted, not whose rate it is
    own_subject: bool = False

    def fits(self, view: str, unit: str) -> bool:
        if unit not in self.units or not self.phrases.search(view):
            return False
        if self.also is not None and not self.also.search(view):
            return False
        return self.not_ is None or not self.not_.search(view)


@dataclass(frozen=True)
class Lexicon:
    goal_heading: regex.Pattern
    result_heading: regex.Pattern
    goal_marker: regex.Pattern
    past_marker: regex.Pattern
    result_marker: regex.Pattern
    estimate_marker: regex.Pattern
    forecast_word: regex.Pattern
    result_opener: regex.Pattern
    neutral: regex.Pattern
    other_scope: regex.Pattern
    multiple: str
    multiple_lead: regex.Pattern
    annual_title: regex.Pattern
    stated_year: regex.Pattern
    standard_period: regex.Pattern
    this_year: regex.Pattern
    level_word: regex.Pattern
    one_year_reference: regex.Pattern
    period_reference: regex.Pattern
    result_after: regex.Pattern
    subject_gap: regex.Pattern
    rate_word: regex.Pattern
    plural_before: regex.Pattern
    comparator_before: regex.Pattern
    comparator_after: regex.Pattern
    comparator_value: dict
    range_opener: regex.Pattern
    separator: str
    per_year_suffix: regex.Pattern
    per_year_slash: str
    per_year: regex.Pattern
    change_verb: regex.Pattern
    per_capita: str
    percent: str
    magnitude: str
    magnitude_value: dict
    count_nouns: str
    level_words: str
    count_unit: dict
    fraction_words: str
    fraction_value: dict
    number_blocker: regex.Pattern
    money_word: regex.Pattern
    money_share: regex.Pattern
    goal_confirmation: regex.Pattern
    baseline_link: regex.Pattern
    baseline_link_word: regex.Pattern
    baseline_word: regex.Pattern
    reference_word: regex.Pattern
    horizon: regex.Pattern
    subclause_opener: regex.Pattern
    conjunction: regex.Pattern
    predicate_opener: regex.Pattern
    populations: tuple[tuple[regex.Pattern, str], ...]
    poor_populations: tuple[tuple[regex.Pattern, str], ...]
    dimensions: tuple[tuple[regex.Pattern, str], ...]
    indicators: tuple[Indicator, ...]
    fraction_leads: tuple[str, ...] = ()  # the word each fraction_word phrase opens with
    literals: dict = field(default_factory=dict)  # role -> a piece of text each of its phrases matches


def _by_role(entries) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {r: [] for r in ROLES}
    for i, e in enumerate(entries):
        check = _VALUE_CHECK.get(e["role"])
        if check is not None and not check(e.get("value")):
            raise RulesError(
                f"target_phrases.yaml: entry {i + 1} (role {e['role']}) has no valid 'value', got {e.get('value')!r}"
            )
        if e["role"] == "comparator" and e.get("position") is None:
            raise RulesError(
                f"target_phrases.yaml: entry {i + 1} (comparator) must say its 'position' (before or after)"
            )
        out[e["role"]].append(e)
    for role in ROLES:
        if not out[role]:
            raise RulesError(f"target_phrases.yaml has no entry for role {role!r}")
    return out


def _phrases(entries) -> list[str]:
    return [p for e in entries for p in e["phrases"]]


def _compile(pattern: str) -> regex.Pattern:
    return regex.compile(pattern)


@cache
def lexicon() -> Lexicon:
    roles = _by_role(rules.load("target_phrases"))
    cmp_before = [e for e in roles["comparator"] if e["position"] == "before"]
    cmp_after = [e for e in roles["comparator"] if e["position"] == "after"]
    comparator_value = {_key(p): e["value"] for e in roles["comparator"] for p in e["phrases"]}
    per_year_all = _phrases(roles["per_year"])
    indicators = []
    for i, e in enumerate(rules.load("indicators")):
        bad = [u for u in e["units"] if u not in UNITS]
        if bad or not e["units"]:
            raise RulesError(
                f"indicators.yaml: entry {i + 1} ({e['key']}) has unknown unit(s) {bad}; allowed: {sorted(UNITS)}"
            )
        indicators.append(
            Indicator(
                e["key"],
                e.get("dimension"),
                tuple(e["units"]),
                _compile(alternation(e["phrases"])),
                _compile(alternation(e["also"])) if e.get("also") else None,
                _compile(alternation(e["not"])) if e.get("not") else None,
                bool(e.get("group")),
                bool(e.get("own_subject")),
            )
        )
    return Lexicon(
        goal_heading=_compile(r"^[\W\d_]*" + alternation(_phrases(roles["goal_heading"]))),
        result_heading=_compile(r"^[\W\d_]*" + alternation(_phrases(roles["result_heading"]))),
        goal_marker=_compile(alternation(_phrases(roles["goal_marker"]))),
        past_marker=_compile(alternation(_phrases(roles["past_marker"]))),
        result_marker=_compile(alternation(_phrases(roles["result_marker"]) + _phrases(roles["past_marker"]))),
        estimate_marker=_compile(alternation(_phrases(roles["estimate_marker"]))),
        forecast_word=_compile(alternation(_phrases(roles["forecast_word"]))),
        result_opener=_compile(r"^[\W\d_]*" + alternation(_phrases(roles["result_opener"]))),
        neutral=_compile(alternation(_phrases(roles["neutral"]))),
        other_scope=_compile(alternation(_phrases(roles["other_scope"]))),
        multiple=alternation(_phrases(roles["multiple"])),
        multiple_lead=_compile(
            alternation(_phrases(roles["multiple_lead"])) + r"(?:\s*" + alternation(_phrases(cmp_before)) + r")?\s*$"
        ),
        annual_title=_compile(
            alternation(_phrases(roles["annual_title"]))
            + r"(?:(?!giai\s+đoạn|\d{4}\s*-\s*\d{4})[^.;:\n\t]){0,160}?(?<![\p{L}\p{N}])(?<!(?:đến|tới|vào)\s+)năm\s+(?P<year>(?:19|20|21)\d\d)(?!\d|\s*[-–]\s*\d)"
        ),
        stated_year=_compile(
            r"(?P<w>"
            + alternation(_phrases(roles["stated_year"]))
            + r")\s+(?P<year>(?:19|20|21)\d\d)(?!\d|\s*[-–]\s*\d)"
        ),
        standard_period=_compile(
            alternation(_phrases(roles["standard_period"]))
            + r"[^.;:\n\t]{0,40}?giai\s+đoạn\s+(?:19|20|21)\d\d\s*[-–]\s*(?:19|20|21)\d\d"
        ),
        this_year=_compile(alternation(_phrases(roles["this_year"]))),
        level_word=_compile(alternation(_phrases(roles["level_word"]))),
        one_year_reference=_compile(r"[^.;]{0,80}?" + alternation(_phrases(roles["one_year_reference"]))),
        period_reference=_compile(alternation(_phrases(roles["period_reference"]))),
        subject_gap=_compile(
            r"\s*"
            + alternation(_phrases(roles["change_verb"]))
            + r"(?:\s+"
            + alternation(_phrases(roles["subject_gap_word"]))
            + r")*\s*"
        ),
        rate_word=_compile(alternation(_phrases(roles["rate_word"]))),
        plural_before=_compile(alternation(_phrases(roles["plural"])) + r"\s*$"),
        result_after=_compile(r"\s*" + alternation(_phrases(roles["result_after"]))),
        comparator_before=_compile(r"(?P<c>" + alternation(_phrases(cmp_before)) + r")\s*$"),
        comparator_after=_compile(r"\s*(?P<c>" + alternation(_phrases(cmp_after)) + ")"),
        comparator_value=comparator_value,
        range_opener=_compile(alternation(_phrases(roles["range_opener"])) + r"\s*$"),
        separator=alternation(_phrases(roles["range_separator"])),
        per_year_suffix=_compile(r"\s*" + alternation([p for p in per_year_all if p.lstrip().startswith("/")])),
        per_year=_compile(alternation(per_year_all)),
        per_year_slash=r"\s*" + alternation([p for p in per_year_all if p.lstrip().startswith("/")]),
        change_verb=_compile(alternation(_phrases(roles["change_verb"]))),
        per_capita=alternation(_phrases(roles["per_capita"])),
        percent=alternation(_phrases(roles["percent_word"])),
        magnitude=alternation(_phrases(roles["magnitude"])),
        magnitude_value={_key(p): e["value"] for e in roles["magnitude"] for p in e["phrases"]},
        count_nouns=alternation(_phrases(roles["count_noun"])),
        level_words=alternation(_phrases(roles["level_word"])),
        count_unit={_key(p): e["value"] for e in roles["count_noun"] for p in e["phrases"]},
        fraction_words=alternation(_phrases(roles["fraction_word"])),
        fraction_value={_key(p): float(e["value"]) for e in roles["fraction_word"] for p in e["phrases"]},
        number_blocker=_compile(alternation(_phrases(roles["number_blocker"])) + r"\s*$"),
        money_word=_compile(r"\s*(?:tổng\s+)?" + alternation(_phrases(roles["money_word"]))),
        goal_confirmation=_compile(r"[^.;:!?\n]{0,40}?" + alternation(_phrases(roles["goal_confirmation"]))),
        money_share=_compile(
            rf"{NUM}\s*(?:"
            + alternation(_phrases(roles["magnitude"]))
            + r"\s*)?"
            + alternation(_phrases(roles["money_amount"]))
            + r"(?:[^;.!?\n]|\.(?=\d))*?"
            + alternation(_phrases(roles["share_word"]))
            + r"\s*$"
        ),
        baseline_link=_compile(r"^\s*" + alternation(_phrases(roles["baseline_link"])) + r"\s*$"),
        baseline_link_word=_compile(alternation(_phrases(roles["baseline_link"]))),
        baseline_word=_compile(alternation(_phrases(roles["baseline_word"]))),
        reference_word=_compile(alternation(_phrases(roles["reference_word"]))),
        horizon=_compile(alternation(_phrases(roles["horizon"])) + r"\s+(?P<year>(?:19|20|21)\d\d)(?!\d)"),
        subclause_opener=_compile(alternation(_phrases(roles["subclause_opener"]))),
        conjunction=_compile(alternation(_phrases(roles["conjunction"]))),
        predicate_opener=_compile(
            r"\s*"
            + alternation(
                _phrases(roles["change_verb"]) + _phrases(roles["goal_marker"]) + _phrases(roles["rate_word"])
            )
        ),
        populations=tuple((_compile(alternation(e["phrases"])), e["value"]) for e in roles["population"]),
        poor_populations=tuple((_compile(alternation(e["phrases"])), e["value"]) for e in roles["poor_population"]),
        dimensions=tuple((_compile(alternation(e["phrases"])), e["value"]) for e in roles["dimension"]),
        indicators=tuple(indicators),
        fraction_leads=tuple(lead(p) for p in _phrases(roles["fraction_word"])),
        literals={
            role: tuple(literal(p) for p in _phrases(roles[role]))
            for role in ("per_capita", "percent_word", "count_noun", "multiple")
        },
    )


def literal(phrase: str) -> str:
    """The longest piece of text every match of phrase_pattern(phrase) holds as written."""
    return max((piece for w in phrase.split() for piece in w.split("/")), key=len, default="")


def lead(phrase: str) -> str:
    """The literal text every match of phrase_pattern(phrase) opens with."""
    words = phrase.split()
    return words[0].split("/")[0] if words else ""


def phrase_key(text: str) -> str:
    """The lookup key of a matched phrase (spaces folded), as the value maps store it."""
    return _key(text)
