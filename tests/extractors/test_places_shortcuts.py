"""The speed-ups of extract.extractors.places, each held to the plain code it replaced.

Name tokens are read in place instead of from slices; same_unit and contains compare
units by identity and code before comparing every field.

Each speed-up promises the very answer of the straightforward version, not a close one, and
would go on passing the behaviour tests if an edit quietly broke that promise on some rarer
input. Each test states the plain version (mostly the code as it stood before the speed-up)
and compares the two on the sample plans and, mostly, on generated input (tests/shortcut_strategies.py).
"""

from __future__ import annotations

import dataclasses
from functools import cache

import regex
from hypothesis import given
from hypothesis import strategies as st
from shortcut_strategies import FEW, FUZZ, TEXTS, text_and_span

from extract.extractors import places as jurisdictions

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
