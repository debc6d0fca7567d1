"""The speed-ups of extract.extractors.money.words, each held to the plain code it replaced.

Amounts in words are looked for only where a "đồng" stands.

Each speed-up promises the very answer of the straightforward version, not a close one, and
would go on passing the behaviour tests if an edit quietly broke that promise on some rarer
input. Each test states the plain version (mostly the code as it stood before the speed-up)
and compares the two on the sample plans and, mostly, on generated input (tests/shortcut_strategies.py).
"""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st
from shortcut_strategies import FUZZ, PLAN_LINES, TEXTS

from extract.extractors.money import words as moneywords
from extract.text.normalize import match_form


def plain_find_word_amounts(text: str) -> list:
    out = []
    form = match_form(text)
    words = moneywords._words()
    for m in moneywords._span_re().finditer(form):
        tokens = regex.findall(r"\w+", m.group())[:-1]
        if not any(words[t][0] in ("scale", "hundred") for t in tokens):
            continue
        if not any(words[t][0] in ("digit", "ten") for t in tokens):
            continue
        for k in range(len(tokens)):
            try:
                value = moneywords._parse(tokens[k:])
            except ValueError:
                continue
            out.append((moneywords._offset_of_token(form, m.start(), k), m.end(), value))
            break
    return out


_MONEY_WORDS = sorted(moneywords._words())
MONEY_AMOUNTS = [
    "một trăm triệu",
    "hai trăm lẻ chín tỷ sáu trăm triệu",
    "năm mươi nghìn",
    "ba tỷ",
    "mười lăm triệu",
    "bốn trăm",
    "một nghìn không trăm linh năm",
    "Hai Tỷ",
    "năm",
    "triệu",
]
MONEY_TEXT = st.builds(
    lambda before, amount, unit, after: before + amount + unit + after,
    st.sampled_from(["", "Tổng kinh phí: ", "(bằng chữ: ", "sáu ", "\n"]),
    st.one_of(st.sampled_from(MONEY_AMOUNTS), st.lists(st.sampled_from(_MONEY_WORDS), max_size=6).map(" ".join)),
    st.sampled_from([" đồng", " ĐỒNG", "  đồng", "\nđồng", " đ", "\xa0đồng", ""]),
    st.sampled_from(["", ".", ")", " chẵn", "\n", "đồng", " đồng"]),
)


@FUZZ
@given(st.one_of(TEXTS, MONEY_TEXT))
def test_word_amounts_with_the_dong_prefilter_equal_the_plain_scan(text):
    assert moneywords.find_word_amounts(text) == plain_find_word_amounts(text)


def test_word_amounts_with_the_dong_prefilter_equal_the_plain_scan_on_the_plans():
    for line in PLAN_LINES + [a + " đồng" for a in MONEY_AMOUNTS]:
        assert moneywords.find_word_amounts(line) == plain_find_word_amounts(line)
