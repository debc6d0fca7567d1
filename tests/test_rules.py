"""Rules files are validated per entry kind when loaded; a malformed file is refused with
an error naming the file, the entry and the field."""

from __future__ import annotations

import textwrap

import pytest

from extract import rules
from extract.errors import RulesError

KIND = "zz_validation_test"
rules.register(
    KIND,
    {
        "kind": rules.Field(str, choices=frozenset({"unit", "pattern"})),
        "phrase": rules.Field(str),
        "factor": rules.Field(int, required=False),
        "regex": rules.Field(str, required=False, pattern=True),
    },
    required_by_kind={"unit": ("factor",), "pattern": ("regex",)},
)


def _file(tmp_path, body: str):
    path = tmp_path / f"{KIND}.yaml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def _load(tmp_path, entries: str):
    return rules.load_file(KIND, _file(tmp_path, f"kind: {KIND}\nsource: a test\nentries:\n{entries}"))


def test_a_valid_file_loads(tmp_path):
    entries = _load(
        tmp_path, "  - {kind: unit, phrase: tỷ, factor: 1000000000}\n  - {kind: pattern, phrase: x, regex: 'a+'}\n"
    )
    assert [e["kind"] for e in entries] == ["unit", "pattern"]


def test_an_entry_kind_without_its_required_field_is_refused(tmp_path):
    with pytest.raises(
        RulesError, match=r"zz_validation_test\.yaml: entry 2 \(kind 'unit', 'triệu'\) lacks field\(s\) \['factor'\]"
    ):
        _load(tmp_path, "  - {kind: unit, phrase: tỷ, factor: 1000000000}\n  - {kind: unit, phrase: triệu}\n")


def test_a_bad_pattern_is_a_rules_error_not_a_regex_error(tmp_path):
    with pytest.raises(RulesError, match=r"entry 1 .*field 'regex' is not a valid regular expression"):
        _load(tmp_path, "  - {kind: pattern, phrase: x, regex: '(unclosed'}\n")


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        ("  - {kind: unit, phrase: tỷ, factor: many}\n", "field 'factor' must be int"),
        ("  - {kind: unit, phrase: tỷ, factor: true}\n", "field 'factor' must be int"),
        ("  - {kind: money, phrase: tỷ}\n", "field 'kind' is 'money', not one of"),
        ("  - {kind: unit, phrase: tỷ, factor: 1, colour: red}\n", r"unknown field\(s\) \['colour'\]"),
        ("  - {kind: unit, factor: 1}\n", "lacks required field 'phrase'"),
        ("  - just a string\n", "must be a mapping"),
    ],
)
def test_malformed_entries_are_refused_naming_the_field(tmp_path, entries, message):
    with pytest.raises(RulesError, match=message):
        _load(tmp_path, entries)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("kind: [unclosed\n", "is not valid YAML"),
        ("kind: other\nsource: x\nentries: []\n", f"must hold 'kind: {KIND}'"),
        (f"kind: {KIND}\nentries: []\n", "must say where its data came from"),
    ],
)
def test_malformed_files_are_refused(tmp_path, body, message):
    with pytest.raises(RulesError, match=message):
        rules.load_file(KIND, _file(tmp_path, body))


def test_a_missing_file_names_its_path(tmp_path):
    with pytest.raises(RulesError, match="is missing"):
        rules.load_file(KIND, tmp_path / "absent.yaml")


def test_every_shipped_rules_file_loads():
    from extract.pipeline import steps

    steps()  # the step modules register their kinds
    for path in sorted(rules.RULES_DIR.glob("*.yaml")):
        assert rules.load(path.stem), path.name


@pytest.mark.parametrize(
    ("kind", "entry", "message"),
    [
        ("money", "{kind: unit, phrase: tỷ}", r"lacks field\(s\) \['factor'\], required for entries of kind 'unit'"),
        ("money", "{kind: source, phrase: vốn khác, source: elsewhere}", "field 'source' is 'elsewhere', not one of"),
        ("components", "{kind: component, code: DA9, level: project, number: 9}", r"lacks field\(s\) \['title'\]"),
        ("metadata", "{kind: period, pattern: 'năm (\\d{4}'}", "field 'pattern' is not a valid regular expression"),
        ("agencies", "{kind: abbreviation, short: LĐTB&XH}", r"lacks field\(s\) \['expansion'\]"),
    ],
)
def test_the_shipped_schemas_refuse_an_entry_missing_what_its_kind_needs(tmp_path, kind, entry, message):
    path = tmp_path / f"{kind}.yaml"
    path.write_text(f"kind: {kind}\nsource: a test\nentries:\n  - {entry}\n", encoding="utf-8")
    with pytest.raises(RulesError, match=message):
        rules.load_file(kind, path)
