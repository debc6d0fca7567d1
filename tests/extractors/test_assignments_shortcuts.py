"""The speed-ups of extract.extractors.assignments, each held to the plain code it replaced.

parse shares marker hits with the mention finder and is cached; semicolons are found by scan.

Each speed-up promises the very answer of the straightforward version, not a close one, and
would go on passing the behaviour tests if an edit quietly broke that promise on some rarer
input. Each test states the plain version (mostly the code as it stood before the speed-up)
and compares the two on the sample plans and, mostly, on generated input (tests/shortcut_strategies.py).
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from plain_agencies import plain_parse
from shortcut_strategies import FUZZ, PLAN_LINES, TEXTS, text_and_span

from extract.extractors import assignments
from extract.settings import DEFAULT_SETTINGS


def test_parse_with_shared_marker_hits_equals_the_plain_parse_on_the_plans():
    for line in PLAN_LINES:
        assert assignments.parse(line, "province") == plain_parse(line, "province")
    for line in PLAN_LINES[::7]:
        assert assignments.parse(line, None, "support") == plain_parse(line, None, "support")


@FUZZ
@given(TEXTS, st.sampled_from([None, "lead", "support"]))
def test_parse_with_shared_marker_hits_equals_the_plain_parse_on_generated_text(text, role):
    assert assignments.parse(text, "district", role) == plain_parse(text, "district", role)


def test_cached_parse_equals_a_fresh_reading_and_comes_as_a_new_list():
    assignments._parsed.cache_clear()
    for line in PLAN_LINES:
        fresh = list(assignments._parsed.__wrapped__(line, "province", None, DEFAULT_SETTINGS.agency_max_words))
        first = assignments.parse(line, "province")
        assert first == fresh
        first.append(None)
        assert assignments.parse(line, "province") == fresh
        assert assignments.parse(line, "commune", "lead", 5) == list(
            assignments._parsed.__wrapped__(line, "commune", "lead", 5)
        )


@FUZZ
@given(text_and_span(st.lists(st.sampled_from([";", "a", " ", ";;", "\n"]), max_size=12).map("".join)))
def test_after_semicolons_equals_the_character_scan(case):
    form, a, b = case
    assert assignments._after_semicolons(form, a, b) == {a + i + 1 for i, ch in enumerate(form[a:b]) if ch == ";"}
