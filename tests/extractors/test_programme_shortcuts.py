"""The speed-ups of extract.extractors.programme, each held to the plain code it replaced.

Programme names are tried where their opening words stand (PhraseScan, tested with the
other scans in tests/text/test_normalize_shortcuts.py); the title's tokens are read only as
far as the search asks.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from shortcut_strategies import FUZZ, PLAN_LINES, PLAN_TEXTS

from extract.extractors import programme
from extract.text.normalize import collapse, match_form


def plain_title_span(form: str, title: str | None, limit: int):
    if not title:
        return None
    words = programme._TOKEN.findall(match_form(collapse(title)))
    if len(words) < 2:
        return None
    end = min(len(form), programme.OPENING_CHARS * 3)
    tokens = [(m.start(), m.end(), m.group()) for m in programme._TOKEN.finditer(form, 0, end)]

    def in_a_row(words):
        n = len(words)
        first, last = words[0], words[-1]
        for i in range(len(tokens) - n + 1):
            if not tokens[i][2].endswith(first) or not tokens[i + n - 1][2].startswith(last):
                continue
            if all(
                (k == n - 1 or tokens[i + k][2] == words[k])
                and programme._SEP_RE.fullmatch(form, tokens[i + k - 1][1], tokens[i + k][0])
                for k in range(1, n)
            ):
                return tokens[i][1] - len(first), tokens[i + n - 1][0] + len(last)
        return None

    whole = in_a_row(words)
    if whole is not None:
        return whole
    head = in_a_row(words[:6])
    if head is None:
        return None
    return head[0], max(head[1], min(len(form), head[0] + len(title) + 10, limit))


def test_title_span_as_the_plain_walk_on_the_plans():
    for text in PLAN_TEXTS:
        form = match_form(text)
        for title in [*PLAN_LINES[:40], text[:80], text[200:260], "Kế hoạch", "không có ở đây nào"]:
            assert programme._title_span(form, title, 500) == plain_title_span(form, title, 500)


@FUZZ
@given(
    st.lists(
        st.sampled_from(["kế", "hoạch", "năm", "2024", "-", ",", " ", "  ", "giảm", "nghèo", "(", "x"]), max_size=30
    ),
    st.lists(st.sampled_from(["kế", "hoạch", "năm", "2024", "giảm", "nghèo", "hoạch năm"]), max_size=8),
)
def test_title_span_as_the_plain_walk_on_generated_text(pieces, title_words):
    form = match_form(" ".join(pieces))
    title = " ".join(title_words)
    assert programme._title_span(form, title, 40) == plain_title_span(form, title, 40)
