"""Vietnamese number formats: figures, units and amounts in words."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.extractors.money.words import find_word_amounts, parse_words
from extract.text.numbers import format_number, parse_number, to_dong

NUMBERS = [
    ("28.590.000.000", Decimal("28590000000")),
    ("2.589", Decimal("2589")),
    ("62,5", Decimal("62.5")),
    ("37,950", Decimal("37.950")),  # a comma is always the decimal mark
    ("4,950", Decimal("4.95")),
    ("209.600", Decimal("209600")),
    ("0", Decimal("0")),
    ("1.5", Decimal("1.5")),  # a lone dot before other than three digits is a decimal point
    ("1.234.567,89", Decimal("1234567.89")),
]


@pytest.mark.parametrize("text, value", NUMBERS)
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "abc", "1,2,3", "1.234,5.6", "-5"])
def test_parse_number_rejects(text):
    with pytest.raises(ValueError):
        parse_number(text)


MONEY = [
    ("28.590.000.000", 1, 28_590_000_000),
    ("2.589", 10**6, 2_589_000_000),
    ("62,5", 10**9, 62_500_000_000),
    ("37,950", 10**9, 37_950_000_000),
    ("0", 10**6, 0),
    ("750", 10**6, 750_000_000),
]


@pytest.mark.parametrize("text, factor, vnd", MONEY)
def test_to_dong(text, factor, vnd):
    assert to_dong(text, factor) == vnd


def test_to_dong_refuses_fractions_of_a_dong():
    with pytest.raises(ValueError):
        to_dong("1,5", 1)


WORDS = [
    ("hai trăm lẻ chín tỷ sáu trăm triệu đồng", 209_600_000_000),
    ("một tỷ không trăm năm mươi triệu đồng", 1_050_000_000),
    ("hai mươi mốt triệu", 21_000_000),
    ("mười lăm triệu đồng", 15_000_000),
    ("ba trăm linh năm nghìn", 305_000),
    ("một nghìn tỷ", 10**12),
    ("chín trăm chín mươi chín", 999),
    ("năm mươi tư tỷ", 54_000_000_000),
    ("Hai Trăm Lẻ Chín Tỷ", 209_000_000_000),
]


@pytest.mark.parametrize("text, value", WORDS)
def test_parse_words(text, value):
    assert parse_words(text) == value


@pytest.mark.parametrize("text", ["", "đồng", "hai mươi mươi", "tỷ tỷ hai lẻ"])
def test_parse_words_rejects(text):
    with pytest.raises(ValueError):
        parse_words(text)


def test_find_word_amounts_spans_the_words_only():
    text = "Tổng kinh phí: 209.600.000.000 đồng (hai trăm lẻ chín tỷ sáu trăm triệu đồng)."
    [(start, end, value)] = find_word_amounts(text)
    assert text[start:end] == "hai trăm lẻ chín tỷ sáu trăm triệu đồng"
    assert value == 209_600_000_000


def test_find_word_amounts_ignores_thin_phrases():
    assert find_word_amounts("trong năm đồng thời triển khai") == []


@given(st.integers(min_value=0, max_value=10**15))
def test_format_then_parse_round_trips_integers(n):
    assert parse_number(format_number(n)) == n


@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=1, max_value=3))
def test_format_then_parse_round_trips_decimals(n, places):
    value = Decimal(n).scaleb(-places)
    assert parse_number(format_number(value, places)) == value


_DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]


def _say_below_thousand(n: int, inner: bool) -> list[str]:
    """Spell 0 < n < 1000 the way a plan writes it (the reference for the property test)."""
    h, t, u = n // 100, n // 10 % 10, n % 10
    out = []
    if h or inner:
        out += [_DIGITS[h], "trăm"]
    if t == 0 and u:
        out += (["lẻ"] if out else []) + [_DIGITS[u]]
    elif t == 1:
        out += ["mười"] + ([("lăm" if u == 5 else _DIGITS[u])] if u else [])
    elif t > 1:
        out += [_DIGITS[t], "mươi"] + ([{1: "mốt", 5: "lăm"}.get(u, _DIGITS[u])] if u else [])
    return out


def _say(n: int) -> str:
    words, inner = [], False
    for scale, name in ((10**9, "tỷ"), (10**6, "triệu"), (10**3, "nghìn"), (1, "")):
        part = n // scale % 1000 if scale < 10**9 else n // scale
        if part:
            words += (_say(part).split() if part >= 1000 else _say_below_thousand(part, inner)) + (
                [name] if name else []
            )
            inner = True
    return " ".join(words) + " đồng"


@given(st.integers(min_value=1, max_value=999_999_999_999))
def test_spelled_amounts_read_back(n):
    assert parse_words(_say(n)) == n
