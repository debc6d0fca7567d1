"""The speed-ups of extract.extractors.agencies, each held to the plain code it replaced.

find_mentions cuts items in the matching form of the whole text, runs the matcher on the
tokenizer's own tokens, caches expand, and tries abbreviations only where their words occur.

Each speed-up promises the very answer of the straightforward version, not a close one, and
would go on passing the behaviour tests if an edit quietly broke that promise on some rarer
input. Each test states the plain version (mostly the code as it stood before the speed-up)
and compares the two on the sample plans and, mostly, on generated input (tests/shortcut_strategies.py).
"""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st
from plain_agencies import plain_find_mentions, plain_items, plain_lexicon_mentions, plain_parse, plain_shape_mention
from shortcut_strategies import FEW, FUZZ, PLAN_LINES, PLAN_WORDS, TEXTS, text_and_span

from extract.extractors import agencies, assignments
from extract.text.normalize import key


def _assert_mentions_agree(text: str) -> None:
    scan = assignments._stop_re()
    assert agencies.find_mentions(text) == plain_find_mentions(text)
    assert agencies.find_mentions(text, "district", scan) == plain_find_mentions(text, "district", scan.pattern)


AGENCY_SENTENCES = [
    f"{first}{sep}{then}"
    for first in ("Ban Quản lý dự án huyện", "Giao Phòng Dân tộc chủ trì", "Uỷ ban Mặt trận Tổ quốc xã")
    for sep in (", ", "; ", "\n", " và ", " hoặc ", ". ", ",", " , ")
    for then in (
        "Các phòng ban",
        "các đơn vị",
        "Mọi người dân",
        "Trạm Khuyến nông Sìn Hồ",
        "Sở Y tế phối hợp",
        "tổ chức đoàn thể",
        "Cơ quan , đơn vị chủ trì: Hội Cựu chiến binh",
        "",
    )
]


def test_find_mentions_and_item_cuts_equal_the_plain_reading_on_agency_lists():
    for text in AGENCY_SENTENCES:
        _assert_mentions_agree(text)
        assert assignments.parse(text, "district") == plain_parse(text, "district")
        form = agencies.space_form(text)
        for a in range(len(text) + 1):
            assert agencies._items(text, form, a, len(text)) == plain_items(text, a, len(text))
            assert agencies._shape_mention(text, a, len(text), None, 12) == plain_shape_mention(
                text, a, len(text), None, 12
            )


def test_find_mentions_equals_the_plain_reading_on_the_plans():
    for i, line in enumerate(PLAN_LINES):
        _assert_mentions_agree(line)
        if i % 5 == 0:
            _assert_mentions_agree("\n".join(PLAN_LINES[i : i + 4]))


@FUZZ
@given(TEXTS)
def test_find_mentions_equals_the_plain_reading_on_generated_text(text):
    _assert_mentions_agree(text)


@FUZZ
@given(text_and_span())
def test_item_cuts_and_shapes_equal_the_plain_reading_of_any_stretch(case):
    """_items cuts the matching form of the whole text where slicing first would agree, and
    tries head words only where their first letter stands."""
    text, a, b = case
    assert agencies._items(text, agencies.space_form(text), a, b) == plain_items(text, a, b)
    assert agencies._shape_mention(text, a, b, "province", 12) == plain_shape_mention(text, a, b, "province", 12)


@FUZZ
@given(TEXTS)
def test_space_token_test_says_whether_the_tokenizer_makes_a_white_space_token(text):
    """The matcher runs on the tokenizer's own tokens only where none of them is white space."""
    form = agencies.space_form(text)
    tokens = agencies.lexicon().nlp.make_doc(form)
    assert (agencies._SPACE_TOKEN.search(form) is None) == (not any(t.is_space for t in tokens))
    assert agencies._lexicon_mentions(text, form, None) == plain_lexicon_mentions(text, form, None)


@FEW
@given(TEXTS)
def test_cached_expand_equals_its_uncached_reading(text):
    assert agencies.expand(text) == agencies.expand.__wrapped__(text)


def plain_substitutions(form: str, abbreviations: list[tuple[str, str]]) -> set[str]:
    out = {form}
    frontier = {form}
    for _ in range(agencies._MAX_SUBSTITUTIONS):
        nxt = set()
        for f in frontier:
            for short, exp in abbreviations:
                pat = regex.compile(r"(?<!\w)" + regex.escape(exp) + r"(?!\w)")
                if pat.search(f):
                    for s in (short, short.replace("&", " & ")):
                        g = pat.sub(s, f)
                        if g not in out:
                            nxt.add(g)
        out |= nxt
        frontier = nxt
        if not frontier:
            break
    return out


def _lexicon_abbreviations() -> list[tuple[str, str]]:
    entries = agencies.rules.load("agencies")
    pairs = [(key(e["short"]), key(e["expansion"])) for e in entries if e["kind"] == "abbreviation"]
    return sorted(pairs, key=lambda a: len(a[1]), reverse=True)


def test_abbreviation_substitutions_tried_only_where_the_words_occur_equal_the_plain_ones():
    abbreviations = _lexicon_abbreviations()
    entries = agencies.rules.load("agencies")
    forms = {key(f) for e in entries if e["kind"] == "body" for f in [e["name"], *(e.get("variants") or [])]}
    assert forms
    for form in sorted(forms):
        for g in {form, agencies._dashless(form)}:
            assert agencies._substitutions(g, abbreviations) == plain_substitutions(g, abbreviations)


@FEW
@given(
    st.lists(
        st.sampled_from([exp for _, exp in _lexicon_abbreviations()] + PLAN_WORDS[:200] + ["-", "&", ","]), max_size=8
    ).map(" ".join)
)
def test_abbreviation_substitutions_equal_the_plain_ones_on_generated_names(name):
    abbreviations = _lexicon_abbreviations()
    form = key(name)
    assert agencies._substitutions(form, abbreviations) == plain_substitutions(form, abbreviations)
