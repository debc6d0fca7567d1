"""The schema of every rules file, in one place: the fields an entry may have, their types
and allowed values, and the fields each kind of entry requires.

`extract.rules` validates each file against its schema when it is loaded, so a typo in a
rules file fails at start-up naming the file, the entry and the field, instead of
raising a KeyError later in every worker. The closed lists (sources, capital types,
levels, programmes) come from `extract.vocabulary`, the one place the SPEC's
vocabularies are written down. This module is plain data and imports nothing else of
the package, so the rules are checkable before any extractor is imported.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extract.vocabulary import BASES, CAPITALS, LEVELS, LOCAL_LEVELS, POVERTY, PROGRAMMES, SOURCES


@dataclass(frozen=True)
class Field:
    type: type | tuple[type, ...]
    required: bool = True
    choices: frozenset | None = None
    item_type: type | None = None  # for list fields
    pattern: bool = False  # a regular expression (Python `regex`), compiled when the file is loaded


@dataclass(frozen=True)
class Schema:
    fields: dict[str, Field]
    # per value of an entry's `kind`, the fields that kind requires on top of the required ones
    required_by_kind: dict[str, tuple[str, ...]] = field(default_factory=dict)


DIMENSIONS = frozenset({"employment", "health", "education", "housing", "water_sanitation", "information", "income"})
ROLES = frozenset(
    {
        "goal_heading",
        "result_heading",
        "goal_marker",
        "past_marker",
        "comparator",
        "range_opener",
        "range_separator",
        "per_year",
        "change_verb",
        "per_capita",
        "count_noun",
        "fraction_word",
        "number_blocker",
        "money_word",
        "baseline_link",
        "horizon",
        "subclause_opener",
        "conjunction",
        "population",
        "poor_population",
        "dimension",
        "percent_word",
        "magnitude",
        "baseline_word",
        "reference_word",
        "result_marker",
        "estimate_marker",
        "forecast_word",
        "result_opener",
        "other_scope",
        "multiple",
        "multiple_lead",
        "annual_title",
        "stated_year",
        "standard_period",
        "this_year",
        "neutral",
        "level_word",
        "one_year_reference",
        "period_reference",
        "result_after",
        "subject_gap_word",
        "rate_word",
        "plural",
        "money_amount",
        "share_word",
        "goal_confirmation",
    }
)
ASSIGNMENT_PHRASE_KINDS = frozenset(
    {
        "label",
        "opener",
        "by",
        "link",
        "lead",
        "lead_label",
        "support_after",
        "support_label",
        "support_self",
        "doer",
        "list_end",
        "excluded_section",
        "column_number",
        "column_task",
        "column_lead",
        "column_support",
        "column_time",
    }
)
DUTY_PHRASE_KINDS = frozenset(
    {
        "section",
        "article_section",
        "opener",
        "title",
        "plural_head",
        "stop",
        "not_duty",
        "end",
        "assigner",
    }
)


SCHEMAS: dict[str, Schema] = {
    "legacy_encodings": Schema(
        {
            "name": Field(str),
            "kind": Field(str, choices=frozenset({"encoding", "syllable"})),
            "description": Field(str, required=False),
            "caps_font": Field(bool, required=False),
            "map": Field(dict, required=False),
            "initials": Field(list, required=False, item_type=str),
            "nuclei": Field(list, required=False, item_type=str),
            "finals": Field(list, required=False, item_type=str),
        },
        required_by_kind={
            "encoding": ("caps_font", "description", "map"),
            "syllable": ("finals", "initials", "nuclei"),
        },
    ),
    "money": Schema(
        {
            "kind": Field(
                str,
                choices=frozenset(
                    {
                        "unit",
                        "source",
                        "capital",
                        "split",
                        "rate",
                        "basis",
                        "unit_caption",
                        "number_word",
                        "programme",
                        "result",
                        "approximate",
                        "component_frame",
                        "superseded",
                        "final",
                    }
                ),
            ),
            "phrase": Field(str),
            "factor": Field(int, required=False),
            "source": Field(str, required=False, choices=frozenset(SOURCES)),
            "capital": Field(str, required=False, choices=frozenset(CAPITALS)),
            "header": Field(bool, required=False),
            "where": Field(str, required=False, choices=frozenset({"before", "after"})),
            "basis": Field(str, required=False, choices=frozenset(BASES)),
            "value": Field(int, required=False),
            "role": Field(str, required=False, choices=frozenset({"digit", "ten", "hundred", "scale", "link"})),
            "programme": Field(str, required=False, choices=frozenset({"poverty", "other", "all"})),
        },
        required_by_kind={
            "unit": ("factor",),
            "source": ("source",),
            "capital": ("capital",),
            "rate": ("where",),
            "basis": ("basis",),
            "programme": ("programme",),
            "number_word": ("role", "value"),
        },
    ),
    "programmes": Schema(
        {
            "kind": Field(str, choices=frozenset({"period", "name", "alias", "instrument", "subject", "plural"})),
            "programme": Field(str, required=False, choices=frozenset(PROGRAMMES[:7])),
            "family": Field(str, required=False, choices=frozenset({POVERTY, *PROGRAMMES[3:7]})),
            "start": Field(int, required=False),
            "end": Field(int, required=False),
            "words": Field(str, required=False),
            "phrase": Field(str, required=False),
            "number": Field(str, required=False),
            "year": Field(int, required=False),
            "what": Field(str, required=False),
        },
        required_by_kind={
            "period": ("end", "programme", "start"),
            "name": ("family", "words"),
            "alias": ("family", "phrase"),
            "instrument": ("number", "programme", "what", "year"),
        },
    ),
    "target_phrases": Schema(
        {
            "role": Field(str, choices=ROLES),
            "phrases": Field(list, item_type=str),
            "value": Field((str, int, float), required=False),
            "position": Field(str, required=False, choices=frozenset({"before", "after"})),
        },
    ),
    "indicators": Schema(
        {
            "key": Field(str),
            "dimension": Field(str, required=False, choices=DIMENSIONS),
            "units": Field(list, item_type=str),
            "phrases": Field(list, item_type=str),
            "also": Field(list, required=False, item_type=str),
            "not": Field(list, required=False, item_type=str),
            "group": Field(bool, required=False),
            "own_subject": Field(bool, required=False),
        },
    ),
    "assignment_phrases": Schema(
        {
            "kind": Field(str, choices=ASSIGNMENT_PHRASE_KINDS),
            "phrase": Field(str),
        },
    ),
    "metadata": Schema(
        {
            "kind": Field(str, choices=frozenset({"number_label", "self_caption", "body_start", "period", "motto"})),
            "phrase": Field(str, required=False),
            "pattern": Field(str, required=False, pattern=True),
        },
        required_by_kind={
            "number_label": ("phrase",),
            "self_caption": ("phrase",),
            "body_start": ("pattern",),
            "motto": ("phrase",),
            "period": ("pattern",),
        },
    ),
    "components": Schema(
        {
            "kind": Field(str, choices=frozenset({"component", "not_implemented", "reason", "label"})),
            "code": Field(str, required=False),
            "level": Field(str, required=False, choices=frozenset({"project", "subproject"})),
            "number": Field(int, required=False),
            "parent": Field(str, required=False),
            "title": Field(str, required=False),
            "variants": Field(list, required=False, item_type=str),
            "phrase": Field(str, required=False),
        },
        required_by_kind={
            "component": ("code", "level", "number", "title"),
            "not_implemented": ("phrase",),
            "reason": ("phrase",),
            "label": ("phrase",),
        },
    ),
    "doc_types": Schema(
        {
            "type": Field(str),
            "names": Field(list, item_type=str),
            "codes": Field(list, item_type=str),
            "own": Field(bool, required=False),
        },
    ),
    "agencies": Schema(
        {
            "kind": Field(
                str,
                choices=frozenset({"body", "abbreviation", "level_word", "head", "sector", "successor", "level_end"}),
            ),
            "name": Field(str, required=False),
            "agency_kind": Field(str, required=False),
            "agency_key": Field(str, required=False),
            "phrase": Field(str, required=False),
            "successor": Field(str, required=False),
            "matters": Field(str, required=False),
            "date": Field(str, required=False),
            "source": Field(str, required=False),
            "level": Field(str, required=False, choices=frozenset(LEVELS) | {"any"}),
            "variants": Field(list, required=False, item_type=str),
            "collective": Field(str, required=False),
            "short": Field(str, required=False),
            "expansion": Field(str, required=False),
            "word": Field(str, required=False),
            "unit": Field(str, required=False),
        },
        required_by_kind={
            "body": ("agency_key", "agency_kind", "level", "name"),
            "abbreviation": ("expansion", "short"),
            "level_word": ("level", "unit", "word"),
            "head": ("word",),
            "sector": ("agency_key", "phrase"),
            "successor": ("agency_key", "date", "matters", "source", "successor"),
            "level_end": ("date", "level", "source"),
        },
    ),
    "agency_catchalls": Schema(
        {
            "kind": Field(str, choices=frozenset({"phrase", "prefix", "tail"})),
            "phrase": Field(str),
        },
    ),
    "duty_phrases": Schema(
        {
            "kind": Field(str, choices=DUTY_PHRASE_KINDS),
            "phrase": Field(str),
            "head": Field(str, required=False),
        },
        required_by_kind={
            "plural_head": ("head",),
        },
    ),
    "issuers": Schema(
        {
            "kind": Field(
                str,
                choices=frozenset(
                    {"level_word", "body", "self_cue", "issuing_verb", "issuer_stop", "central_body", "central_code"}
                ),
            ),
            "word": Field(str, required=False),
            "abbreviations": Field(list, required=False, item_type=str),
            "levels": Field(list, required=False, item_type=str),
            "unit_kinds": Field(list, required=False, item_type=str),
            "not_followed_by": Field(list, required=False, item_type=str),
            "phrase": Field(str, required=False),
            "short": Field(str, required=False),
            "level": Field(str, required=False, choices=frozenset(LOCAL_LEVELS)),
        },
        required_by_kind={
            "level_word": ("levels", "unit_kinds", "word"),
            "body": ("phrase",),
            "self_cue": ("phrase",),
            "issuing_verb": ("phrase",),
            "issuer_stop": ("phrase",),
            "central_body": ("phrase",),
            "central_code": ("phrase",),
        },
    ),
}
