"""The speed-ups of extract.text.numbers, each held to the plain code it replaced.

parse_number reads with one compiled pattern.

Each speed-up promises the very answer of the straightforward version, not a close one, and
would go on passing the behaviour tests if an edit quietly broke that promise on some rarer
input. Each test states the plain version (mostly the code as it stood before the speed-up)
and compares the two on the sample plans and, mostly, on generated input (tests/shortcut_strategies.py).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import regex
from hypothesis import given
from hypothesis import strategies as st
from shortcut_strategies import FEW, PLAN_WORDS

from extract.text.numbers import parse_number


def plain_parse_number(text: str) -> Decimal:
    s = text.strip().replace(" ", "")
    if not s or not regex.fullmatch(r"[\d.,]+", s) or not s[0].isdigit():
        raise ValueError(f"not a number: {text!r}")
    if regex.match(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$", s):
        s = s.replace(".", "").replace(",", ".")
    elif "," in s:
        if s.count(",") > 1 or "." in s:
            raise ValueError(f"ambiguous number: {text!r}")
        s = s.replace(",", ".")
    elif s.count(".") > 1:
        raise ValueError(f"ambiguous number: {text!r}")
    try:
        return Decimal(s)
    except InvalidOperation as e:
        raise ValueError(f"not a number: {text!r}") from e


def _outcome(f, *args):
    try:
        return f(*args)
    except ValueError as e:
        return str(e)


@FEW
@given(st.one_of(st.text(alphabet="0123456789., a\u0663\xa0", max_size=12), st.sampled_from(PLAN_WORDS)))
def test_parse_number_with_a_compiled_pattern_reads_as_before(text):
    assert _outcome(parse_number, text) == _outcome(plain_parse_number, text)
