"""The speed-ups of extract.extractors.places, each held to the plain code it replaced.

Name tokens are read in place instead of from slices; same_unit and contains compare
units by identity and code before comparing every field; both gazetteers are built from
the package's rows as tuples instead of dicts, their units made without the frozen
dataclass's __init__ and their names keyed in one pass.

Each speed-up promises the very answer of the straightforward version, not a close one, and
would go on passing the behaviour tests if an edit quietly broke that promise on some rarer
input. Each test states the plain version (mostly the code as it stood before the speed-up)
and compares the two on the sample plans and, mostly, on generated input (tests/shortcut_strategies.py).
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections import defaultdict
from functools import cache

import regex
from hypothesis import given
from hypothesis import strategies as st
from shortcut_strategies import FEW, FUZZ, TEXTS, text_and_span

from extract.extractors import places as jurisdictions
from extract.text.normalize import key

_TOKEN = jurisdictions._TOKEN


def plain_name_tokens(text: str, pos: int, upper: bool, limit: int = 5) -> list[tuple[int, int]]:
    spans = []
    i = pos
    while len(spans) < limit:
        m = regex.match(r"[ ]{1,3}|\.[ ]?", text[i:]) if spans or i == pos else None
        j = i + (m.end() if m else 0)
        if not m and spans:
            break
        t = _TOKEN.match(text, j)
        if not t:
            break
        word = t.group()
        ok = (word.isupper() if upper else word[0].isupper()) or word.isdigit()
        if not ok:
            break
        spans.append(t.span())
        i = t.end()
    return spans


NAME_TEXT = st.lists(
    st.sampled_from(
        [
            "Mường",
            "Nhé",
            "MƯỜNG",
            "NHÉ",
            "tỉnh",
            "Si",
            "Ma",
            "Cai",
            "12",
            " ",
            "  ",
            "    ",
            ".",
            ". ",
            "\n",
            "’",
            "'",
            "-",
            "TP",
        ]
    ),
    max_size=14,
).map("".join)


@FUZZ
@given(text_and_span(st.one_of(NAME_TEXT, TEXTS)), st.booleans(), st.integers(1, 6))
def test_name_tokens_read_in_place_equal_the_sliced_reading(case, upper, limit):
    text, pos, _ = case
    assert jurisdictions._name_tokens(text, pos, upper, limit) == plain_name_tokens(text, pos, upper, limit)


@cache
def _some_units() -> tuple:
    units = jurisdictions.gazetteer().units
    return tuple(units[::97])


@FEW
@given(st.data())
def test_same_unit_equals_unit_equality(data):
    units = _some_units()
    a = data.draw(st.one_of(st.none(), st.sampled_from(units)))
    b = data.draw(st.one_of(st.none(), st.sampled_from(units)))
    if b is not None and data.draw(st.booleans()):
        field = data.draw(st.sampled_from(["name", "code", "province_key", None]))
        b = dataclasses.replace(b, **({field: b.code + "x" if field == "code" else "khác"} if field else {}))
    assert jurisdictions.same_unit(a, b) == (a == b)
    assert jurisdictions.same_unit(b, a) == (b == a)


def test_contains_with_same_unit_equals_the_parent_comparison():
    gaz = jurisdictions.gazetteer()
    units = _some_units()
    for inner in units:
        for outer in units[::5]:
            assert gaz.contains(outer, inner) == (gaz.parent(inner, outer.level) == outer)


def _dict_rows(db, sql: str) -> list[dict]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        con.row_factory = sqlite3.Row
        return [dict(r) for r in con.execute(sql).fetchall()]
    finally:
        con.close()


def _plain_province(row) -> jurisdictions.Unit:
    kind = "Tỉnh" if row["province"].startswith("Tỉnh") else "Thành phố"
    code = row["provinceCode"]
    return jurisdictions.Unit(
        "province", kind, row["provinceShort"], code, row["provinceShort"], code, province_key=row["provinceKey"]
    )


def plain_gazetteer() -> tuple:
    """The units, aliases and successors of the pre-2025 gazetteer, read as dicts by name."""
    Unit = jurisdictions.Unit
    data = jurisdictions._package_data()
    rows = _dict_rows(data / "dataset.db", "SELECT * FROM admin_units_legacy")
    new_rows = _dict_rows(
        data / "dataset.db", "SELECT DISTINCT provinceKey, provinceShort, wardKey, wardShort FROM admin_units"
    )
    conv = json.loads((data / "converter_2025.json").read_text(encoding="utf-8"))
    units, aliases, seen = [], defaultdict(list), set()

    def add(unit, alias):
        seen.add((unit.level, unit.code))
        units.append(unit)
        for a in json.loads(alias) if alias else []:
            aliases[(unit.level, a)].append(unit)

    for r in rows:
        if ("province", r["provinceCode"]) not in seen:
            add(_plain_province(r), r["provinceAlias"])
        if ("district", r["districtCode"]) not in seen:
            district = Unit(
                "district", r["districtType"], r["districtShort"], r["districtCode"], r["provinceShort"],
                r["provinceCode"], r["districtShort"], r["districtCode"], r["provinceKey"], r["districtKey"],
            )  # fmt: skip
            add(district, r["districtAlias"])
        if r["wardCode"] and ("commune", r["wardCode"]) not in seen:
            commune = Unit(
                "commune", r["wardType"], r["wardShort"], r["wardCode"], r["provinceShort"], r["provinceCode"],
                r["districtShort"], r["districtCode"], r["provinceKey"], r["districtKey"], r["wardKey"],
            )  # fmt: skip
            add(commune, r["wardAlias"])
    new_province_name = {r["provinceKey"]: r["provinceShort"] for r in new_rows}
    new_ward_name = {(r["provinceKey"], r["wardKey"]): r["wardShort"] for r in new_rows}
    province_successor = defaultdict(list)
    for new_key, old_keys in conv["DICT_PROVINCE"].items():
        for old in old_keys:
            province_successor[old].append(new_province_name.get(new_key, new_key))
    commune_successor = defaultdict(list)
    for new_prov, wards in conv["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_ward, old_keys in wards.items():
            for old in old_keys:
                commune_successor[old].append(new_ward_name.get((new_prov, new_ward), new_ward))
    for new_prov, olds in conv["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, candidates in olds.items():
            commune_successor[old] = [
                new_ward_name.get((new_prov, c["newWardKey"]), c["newWardKey"]) for c in candidates
            ]
    return units, dict(aliases), dict(province_successor), dict(commune_successor)


def plain_gazetteer_2025() -> tuple:
    Unit = jurisdictions.Unit
    rows = _dict_rows(jurisdictions._package_data() / "dataset.db", "SELECT * FROM admin_units")
    units, aliases, province_successor, commune_successor, provinces = [], defaultdict(list), {}, {}, {}
    for r in rows:
        pk = r["provinceKey"]
        if pk not in provinces:
            p = provinces[pk] = _plain_province(r)
            units.append(p)
            province_successor[pk] = [r["provinceShort"]]
            for a in json.loads(r["provinceAlias"]) if r["provinceAlias"] else []:
                aliases[("province", a)].append(p)
        c = Unit(
            "commune", r["wardType"], r["wardShort"], r["wardCode"], r["provinceShort"], r["provinceCode"],
            province_key=pk, commune_key=r["wardKey"],
        )  # fmt: skip
        units.append(c)
        commune_successor[f"{pk}__{r['wardKey']}"] = [r["wardShort"]]
        for a in json.loads(r["wardAlias"]) if r["wardAlias"] else []:
            aliases[("commune", a)].append(c)
    return units, dict(aliases), province_successor, commune_successor


def test_both_gazetteers_read_from_tuples_hold_what_the_rows_read_as_dicts_give():
    for built, plain in (
        (jurisdictions.gazetteer.__wrapped__(), plain_gazetteer()),
        (jurisdictions.gazetteer_2025.__wrapped__(), plain_gazetteer_2025()),
    ):
        units, aliases, province_successor, commune_successor = plain
        assert len(built.units) == len(units) > 3000
        assert [dataclasses.astuple(u) for u in built.units] == [dataclasses.astuple(u) for u in units]
        assert {k: [dataclasses.astuple(u) for u in v] for k, v in built._aliases.items()} == {
            k: [dataclasses.astuple(u) for u in v] for k, v in aliases.items()
        }
        assert dict(built._province_successor) == province_successor
        assert dict(built._commune_successor) == commune_successor


_FIELD = st.one_of(st.none(), st.text(max_size=6))


@FEW
@given(st.lists(_FIELD, min_size=len(jurisdictions._UNIT_FIELDS), max_size=len(jurisdictions._UNIT_FIELDS)))
def test_a_unit_made_without_init_is_the_unit_init_makes(values):
    fast, plain = jurisdictions._unit(*values), jurisdictions.Unit(*values)
    assert type(fast) is type(plain)
    assert vars(fast) == vars(plain) and list(vars(fast)) == list(vars(plain))
    assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)


def test_the_gazetteers_units_are_what_unit_init_makes_and_are_keyed_by_key():
    gaz = jurisdictions.gazetteer.__wrapped__()
    for u in gaz.units:
        plain = jurisdictions.Unit(**vars(u))
        assert vars(u) == vars(plain) and u == plain and hash(u) == hash(plain)
    by_name = defaultdict(list)
    for u in gaz.units:
        by_name[(u.level, key(u.name))].append(u)
    assert dict(gaz._by_name) == dict(by_name)
