"""The speed-ups of extract.extractors.references, each held to the plain code it replaced.

Citations are cached and shared between steps.

Each speed-up promises the very answer of the straightforward version, not a close one, and
would go on passing the behaviour tests if an edit quietly broke that promise on some rarer
input. Each test states the plain version (mostly the code as it stood before the speed-up)
and compares the two on the sample plans and, mostly, on generated input (tests/shortcut_strategies.py).
"""

from __future__ import annotations

import dataclasses

from hypothesis import given
from shortcut_strategies import FEW, PLAN_TEXTS, TEXTS

from extract.extractors import references
from extract.settings import DEFAULT_SETTINGS


def test_cached_citations_equal_a_fresh_reading_and_come_as_a_new_list():
    references._citations.cache_clear()
    for text in PLAN_TEXTS:
        want = list(references._citations.__wrapped__(text, 0, DEFAULT_SETTINGS.citation_issuer_max_chars))
        first = references.find_citations(text)
        assert first == want
        first.clear()
        assert references.find_citations(text) == want
        short = dataclasses.replace(DEFAULT_SETTINGS, citation_issuer_max_chars=12)
        assert references.find_citations(text, 5, short) == list(references._citations.__wrapped__(text, 5, 12))
    cached = references.find_citations(PLAN_TEXTS[0])
    assert cached and len({hash(c) for c in cached}) > 0  # hashable: frozen, and nothing in them a caller could change


@FEW
@given(TEXTS)
def test_cached_citations_equal_a_fresh_reading_on_generated_text(text):
    fresh = references._citations.__wrapped__(text, 3, DEFAULT_SETTINGS.citation_issuer_max_chars)
    assert references.find_citations(text, 3) == list(fresh)
