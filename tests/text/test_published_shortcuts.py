"""The speed-ups of extract.text.published, each held to the plain code it replaced.

A pattern that ends the text (`\\s*$`) is searched from where the tail holds more
characters than a match can; the running header's cheap substring tests come first.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from shortcut_strategies import FUZZ, PLAN_LINES, PLAN_TEXTS, SPACES, TEXTS

from extract.text import published
from extract.text.normalize import match_form
from extract.text.published import _clean, is_running_header, running_header_spans

_ENDINGS = [
    (published._OPEN_END, published._OPEN_END_MOST),
    (published._LEVEL_END, published._LEVEL_END_MOST),
    (published._TERMINAL, published._TERMINAL_MOST),
]
_END_PIECES = st.sampled_from(
    ["số", "Số:", "SỐ", " :", "ngày", "Ngày 2", " 12", "tháng", "THÁNG 9", "năm", ",", "-", "và", "của", "về", "tỉnh"]
    + ["huyện", "xã", "thị xã", "thị  trấn", "thành phố", "THÀNH PHỐ", "a", "B", "9", ".", ";", ")", "”", "\n"]
    + SPACES
)


@pytest.mark.parametrize("pattern, most", _ENDINGS)
def test_a_pattern_ending_the_text_is_found_from_its_tail_as_from_the_start(pattern, most):
    for line in PLAN_LINES:
        for text in (line, line.rstrip() + " tháng 12  ", line + " thành phố\n", line + " Số :"):
            assert published._ends(pattern, text, most) == (pattern.search(text) is not None), text


@FUZZ
@given(st.one_of(st.lists(_END_PIECES, max_size=12).map("".join), TEXTS))
def test_a_pattern_ending_generated_text_is_found_from_its_tail_as_from_the_start(text):
    for pattern, most in _ENDINGS:
        assert published._ends(pattern, text, most) == (pattern.search(text) is not None)


def _plain_running_header_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for part in text.split("\n"):
        s = " ".join(_clean(part).split())
        if s and any(p.match(s) for p in published._RUNNING) and ("BÁO" in s or "Ngày" in s or "ÔNG" in s):
            spans.append((pos, pos + len(part)))
        pos += len(part) + 1
    return spans


@FUZZ
@given(
    st.lists(
        st.one_of(
            st.sampled_from(["CÔNG BÁO/Số 901 +", "902/Ngày 03-10-2025 5", "58 CÔNG", "BÁO/Số 1053", "C**ÔNG", "**"]),
            TEXTS,
        ),
        max_size=6,
    ).map("\n".join)
)
def test_running_header_spans_find_what_the_full_test_of_every_line_finds(text):
    assert running_header_spans(text) == _plain_running_header_spans(text)
    for line in text.split("\n"):
        s = " ".join(line.split())
        plain = bool(s) and any(p.match(s) for p in published._RUNNING) and ("BÁO" in s or "Ngày" in s or "ÔNG" in s)
        assert is_running_header(line) == plain


def plain_clean(line: str) -> str:
    return " ".join(published._MARKUP.sub("", line.replace("\t", " ").replace("\xa0", " ")).split())


_MARKUP_PIECES = st.sampled_from(
    ["**", "*", "__", "_", "#", "## ", "<b>", "</i>", "<br/>", "<span x>", "\\-", "\\", "a", "Đ", " ", "\t", "\xa0"]
)


@FUZZ
@given(st.one_of(TEXTS, st.lists(_MARKUP_PIECES, max_size=10).map("".join)))
def test_a_line_is_cleaned_as_by_dropping_markup_everywhere(text):
    assert _clean(text) == plain_clean(text)


def test_the_plans_lines_are_cleaned_as_by_dropping_markup_everywhere():
    for line in PLAN_LINES:
        assert _clean(line) == plain_clean(line)


def _front_views(texts: list[str]) -> list:
    return [published.front_view(t) for t in texts]


def test_front_view_of_the_plans_as_with_each_lines_own_matching_form(monkeypatch):
    """_classify slices a clean line's matching form from the whole text's."""
    texts = [*PLAN_TEXTS, "| Số: 15 /KH |\n  ỦY BAN  \n**Hoá** đơn\tthuỷ"]
    fast = _front_views(texts)
    monkeypatch.setattr(published, "match_form_within", lambda piece, form, start: match_form(piece))
    assert _front_views(texts) == fast


@FUZZ
@given(TEXTS)
def test_front_view_of_generated_text_as_with_each_lines_own_matching_form(text):
    fast = published.front_view(text)
    original = published.match_form_within
    published.match_form_within = lambda piece, form, start: match_form(piece)
    try:
        assert published.front_view(text) == fast
    finally:
        published.match_form_within = original
