"""The speed-ups of extract.text.normalize, each held to the plain code it replaced.

PhraseScan tries a phrase list only where its opening words occur (checked here on
every scan the steps build); the matching form re-marks tone pairs without look-arounds;
collapse and clean skip their slow pass where nothing needs it; strip_diacritics drops
marks by a table; key is cached, and keys reads many texts in one pass.

Each speed-up promises the very answer of the straightforward version, not a close one, and
would go on passing the behaviour tests if an edit quietly broke that promise on some rarer
input. Each test states the plain version (mostly the code as it stood before the speed-up)
and compares the two on the sample plans and, mostly, on generated input (tests/shortcut_strategies.py).
"""

from __future__ import annotations

import re
import unicodedata

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st
from shortcut_strategies import FEW, FUZZ, PLAN_TEXTS, SPACES, TEXTS, TONE_PIECES, plan_excerpts, text_and_span

from extract.extractors import agencies, assignments, components, metadata, programme, references
from extract.extractors import places as jurisdictions
from extract.extractors.targets import find as targets
from extract.extractors.targets.phrases import lexicon as target_lexicon
from extract.text import normalize
from extract.text.normalize import (
    _OLD_TO_NEW,
    PhraseScan,
    clean,
    collapse,
    fold_spaces,
    key,
    keys,
    local_skeleton,
    match_form,
    match_form_within,
    nfc,
    slice_agrees,
    stored_forms,
    strip_diacritics,
)


def _spans(matches) -> list[tuple]:
    return [(m.span(), m.group(), m.groupdict()) for m in matches]


# --- PhraseScan ---


@st.composite
def scans(draw):
    """A pattern whose every match opens with a literal, and the opening words given for it.

    The small alphabet makes phrases overlap and opening words prefixes of one another.
    The pattern is given as source and compiled by the test: compiling inside a strategy
    can touch the global random state (regex's cache), which hypothesis warns about.
    """
    phrases = draw(st.lists(st.text(alphabet="ab ,", min_size=1, max_size=5), min_size=1, max_size=5))
    if draw(st.booleans()):
        pattern = agencies.phrase_pattern(phrases)
        leads = [regex.split(r"[ ,]", p)[0] for p in phrases]
    else:
        body = "|".join(regex.escape(p) for p in sorted(set(phrases), key=len, reverse=True))
        template = draw(st.sampled_from(["(?:{})", "(?<!b)(?:{})", "(?:{})(?=a)", "(?:{})(?!a)", "(?:{})b*"]))
        pattern = template.format(body)
        leads = [p[: draw(st.integers(1, len(p)))] for p in phrases]
    return pattern, leads


@FUZZ
@given(scans(), st.text(alphabet="ab ,\n", max_size=30), st.data())
def test_phrase_scan_finds_what_the_pattern_finds(scan, text, data):
    source, leads = scan
    pattern = regex.compile(source)
    phrase_scan = PhraseScan(pattern, leads)
    pos = data.draw(st.integers(0, len(text) + 2))
    endpos = data.draw(st.one_of(st.none(), st.integers(0, len(text) + 2)))
    assert _spans(phrase_scan.finditer(text)) == _spans(pattern.finditer(text))
    assert _spans(phrase_scan.finditer(text, pos, endpos)) == _spans(pattern.finditer(text, pos, endpos))
    found, want = phrase_scan.search(text, pos, endpos), pattern.search(text, pos, endpos)
    assert (found and found.span()) == (want and want.span())


@pytest.mark.parametrize(
    "phrases, leads, template, text",
    [
        (["aa", "ab", "ba", "b"], ["a", "ab", "ba", "b"], r"(?<![c-z])(?:{})(?:\s*b)?", "aab abab ba a bb"),
        (["aa"], ["aa"], r"(?:{})(?!a)", "aaa aaaa a aa"),  # a lead that fails here may succeed one letter on
        (["aa", "aaa"], ["aa"], r"(?:{})", "aaaa aa aaaaa"),
        (["ab", "b", "bb"], ["ab", "b"], r"(?<!a)(?:{})", "abbab b bbb"),
    ],
)
def test_phrase_scan_with_overlapping_leads_finds_what_the_pattern_finds(phrases, leads, template, text):
    pattern = regex.compile(template.format("|".join(sorted(phrases, key=len, reverse=True))))
    scan = PhraseScan(pattern, leads)
    for pos in range(len(text) + 1):
        for endpos in range(pos, len(text) + 1):
            assert _spans(scan.finditer(text, pos, endpos)) == _spans(pattern.finditer(text, pos, endpos))


def test_phrase_scan_with_an_empty_lead_scans_like_the_pattern():
    """A phrase that opens with a separator has no opening word to look for."""
    scan = agencies.phrase_scan(["x y", ", y", "z"])
    assert scan._leads is None
    for text in ["a , y z", "x  y,y", ",y", ""]:
        assert _spans(scan.finditer(text)) == _spans(scan.pattern.finditer(text))
        assert _spans(scan.finditer(text, 1, 4)) == _spans(scan.pattern.finditer(text, 1, 4))


def test_phrase_scan_counts_negative_positions_from_the_end_like_the_pattern():
    pattern = regex.compile("ab")
    scan = PhraseScan(pattern, ["ab"])
    text = "ab ab ab"
    assert _spans(scan.finditer(text, -2)) == _spans(pattern.finditer(text, -2))
    assert _spans(scan.finditer(text, 0, -3)) == _spans(pattern.finditer(text, 0, -3))


def _project_scans() -> dict[str, PhraseScan]:
    lex = target_lexicon()
    territory, issuing = metadata._cue_res()
    return {
        "assignment markers": assignments._stop_re(),
        "level words": jurisdictions._level_word_re(),
        "citations": references._citation_re(),
        "signatures": metadata._SIGNS,
        "self cues": territory,
        "issuing": issuing,
        "named issuing": metadata._named_issuing_re(),
        "programme names": programme._name_scan(),
        "component labels": components._mention_scan(),
        "fraction words": next(p for k, p, _ in targets._quantity_patterns(lex) if k == "fraction_word"),
    }


@pytest.mark.parametrize("name", sorted(_project_scans()))
def test_each_phrase_scan_of_the_steps_finds_what_its_pattern_finds_in_the_plans(name):
    scan = _project_scans()[name]
    assert isinstance(scan, PhraseScan) and scan._leads is not None  # else this test compares the pattern with itself
    for text in PLAN_TEXTS:
        for form in (match_form(text), agencies.space_form(text), text, strip_diacritics(text)):
            assert _spans(scan.finditer(form)) == _spans(scan.pattern.finditer(form))


@FEW
@given(st.sampled_from(sorted(_project_scans())), TEXTS)
def test_each_phrase_scan_of_the_steps_finds_what_its_pattern_finds_in_generated_text(name, text):
    scan = _project_scans()[name]
    form = match_form(text)
    assert _spans(scan.finditer(form)) == _spans(scan.pattern.finditer(form))
    assert _spans(scan.finditer(text)) == _spans(scan.pattern.finditer(text))


# --- matching form, white space, diacritics --------------------------------------

_OLD_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00ad"), ord("-"))
_OLD_TONE_PAIR_RE = regex.compile("(?<!q)(" + "|".join(_OLD_TO_NEW) + ")(?!\\p{L})")
_ALL_WS = regex.compile(r"\s+")


def plain_match_form(text: str) -> str:
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    low = low.translate(_OLD_DASHES)
    return _OLD_TONE_PAIR_RE.sub(lambda m: _OLD_TO_NEW[m.group(1)], low)


def plain_collapse(text: str) -> str:
    return _ALL_WS.sub(" ", text).strip()


def plain_strip_diacritics(text: str) -> str:
    text = match_form(text).replace("đ", "d")
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if unicodedata.category(ch) != "Mn")


def plain_clean(text: str) -> str:
    text = nfc(text)
    text = "".join(ch if (ch in "\n\t" or unicodedata.category(ch)[0] != "C") else " " for ch in text)
    return fold_spaces(text)


@FUZZ
@given(TEXTS)
def test_match_form_equals_the_old_tone_pair_substitution(text):
    assert match_form.__wrapped__(text) == plain_match_form(text)


def test_match_form_equals_the_old_tone_pair_substitution_on_the_plans():
    for text in PLAN_TEXTS:
        for variant in (text, text.replace("hóa", "hoá").replace("ủy", "uỷ").replace("Ủy", "Uỷ"), text.upper()):
            assert match_form.__wrapped__(variant) == plain_match_form(variant)


def test_match_form_reads_a_tone_pair_beside_every_character_as_the_old_pattern_did():
    """Whether a pair is re-marked depends on the character after it being a letter to the
    regex module, and on a "q" before it."""
    sample = [chr(c) for c in range(0x3000)] + [chr(c) for c in range(0x3000, 0x110000, 17)]
    text = "".join(f"oá{c}uỷ{c}q{c}oẹ{c}" for c in sample)
    assert match_form.__wrapped__(text) == plain_match_form(text)


@FUZZ
@given(TEXTS)
def test_collapse_equals_the_white_space_pattern_and_strip(text):
    assert collapse(text) == plain_collapse(text)


@pytest.mark.parametrize("space", SPACES + ["\u1680", "\u2000", "\u200a", "\u2029", "\u202f", "\u205f", "\u180e"])
def test_collapse_treats_each_white_space_as_the_pattern_does(space):
    for text in (f"a{space}b", f"{space}a b{space}", f"a {space} b", space, f"a{space}{space}b\n"):
        assert collapse(text) == plain_collapse(text)


def test_collapse_keeps_every_other_character_as_the_pattern_does():
    text = " ".join(chr(c) for c in range(0x110000) if not 0x1C <= c <= 0x1F)
    assert collapse(text) == plain_collapse(text)


@FUZZ
@given(TEXTS)
def test_strip_diacritics_equals_dropping_each_nonspacing_mark(text):
    assert strip_diacritics.__wrapped__(text) == plain_strip_diacritics(text)


def test_strip_diacritics_equals_dropping_each_nonspacing_mark_for_every_character():
    """Its table of marks fills in as characters are met and keeps only those below U+3000."""
    text = "".join(f"a{chr(c)}" for c in range(0x110000))
    assert strip_diacritics.__wrapped__(text) == plain_strip_diacritics(text)
    kept = text[: 2 * 0x3000]
    assert strip_diacritics.__wrapped__(kept) == plain_strip_diacritics(kept)  # now from the filled table


@FUZZ
@given(TEXTS)
def test_clean_equals_dropping_control_characters_one_by_one(text):
    assert clean(text) == plain_clean(text)


def test_a_printable_text_holds_no_control_character():
    """clean skips its control-character pass for a text str.isprintable accepts: no
    character it accepts is a control (category C), and tab and line feed, which clean
    keeps, are not among those it accepts."""
    printable = [chr(c) for c in range(0x110000) if chr(c).isprintable()]
    assert not [ch for ch in printable if unicodedata.category(ch)[0] == "C"]
    assert not "\n".isprintable() and not "\t".isprintable()
    text = "".join(printable)
    assert clean(text) == plain_clean(text)


@FEW
@given(TEXTS)
def test_cached_key_equals_its_uncached_reading(text):
    assert key(text) == plain_collapse(plain_match_form(nfc(text)))


# pieces that test what keys() must not carry across the line break it joins texts with:
# a final sigma, a text that lowering lengthens, a combining mark opening a text, tone pairs
# and "q" at a text's ends
_KEY_PIECES = st.sampled_from(
    TONE_PIECES + ["Σ", "AΣ", "σ", "q", "İ", "\u0301", "e", " ", "\t", "\x1c", "\u2013", "\n"]
)


@FUZZ
@given(st.lists(st.one_of(st.lists(_KEY_PIECES, max_size=8).map("".join), TEXTS), max_size=8))
def test_keys_are_key_of_each_text(texts):
    assert keys(texts) == [key(t) for t in texts]


def test_keys_of_the_gazetteers_names_are_key_of_each():
    names = list(dict.fromkeys(u.name for u in jurisdictions.gazetteer().units))
    assert keys(names) == [key(n) for n in names]


SLICE_PIECES = st.sampled_from(TONE_PIECES + ["a", "h", "t", "y", "e", " ", "\n", "-", "\u2013", "İ", "1", "đ", "Đ"])


@FUZZ
@given(text_and_span(st.one_of(st.lists(SLICE_PIECES, max_size=16).map("".join), plan_excerpts())))
def test_slice_agrees_only_where_the_slices_matching_form_is_the_slice_of_the_matching_form(case):
    """Greek capital sigma, whose lower case depends on its neighbours, is left out: the
    docstring says a Vietnamese phrase never meets it."""
    text, a, b = case
    for form in (match_form(text), agencies.space_form(text)):
        if slice_agrees(form, a, b):
            assert match_form(text[a:b]) == match_form(text)[a:b]


def test_slice_agrees_on_every_cut_of_short_texts():
    pieces = ["q", "quý", "hoá", "hóa", "oá", "uỷ", " ", "t", "hoán", "Q"]
    texts = {x + y + z for x in pieces for y in pieces for z in pieces}
    for text in sorted(texts):
        form, space = match_form(text), agencies.space_form(text)
        for a in range(len(text) + 1):
            for b in range(a, len(text) + 1):
                if slice_agrees(form, a, b) or slice_agrees(space, a, b):
                    assert match_form(text[a:b]) == form[a:b], (text, a, b)


@pytest.mark.parametrize(
    "text, a, b, agrees",
    [
        ("văn hoá xã hội", 4, 14, True),
        ("văn hoá xã hội", 0, 7, True),  # the pair ends a syllable in the slice as in the text
        ("hoán đổi", 0, 3, False),  # cut off from its "n", "oá" would be re-marked
        ("hoá", 2, 3, False),  # half of a re-marked pair
        ("quý", 1, 3, False),  # cut off from its "q", "uý" would be re-marked
        ("quý hai", 1, 7, False),
        ("bảo hiểm", 4, 8, True),
    ],
)
def test_slice_agrees_refuses_only_cuts_that_change_a_tone_pair(text, a, b, agrees):
    form = match_form(text)
    assert slice_agrees(form, a, b) is agrees
    assert (match_form(text[a:b]) == form[a:b]) is agrees


@FUZZ
@given(text_and_span(st.one_of(st.lists(SLICE_PIECES | st.just("Σ"), max_size=16).map("".join), plan_excerpts())))
def test_match_form_within_is_the_pieces_own_matching_form(case):
    """The slice of the text's form where it agrees, the piece's own form elsewhere (Greek
    capital sigma included)."""
    text, a, b = case
    assert match_form_within(text[a:b], match_form(text), a) == match_form(text[a:b])


def test_match_form_within_reads_sigma_and_cut_tone_pairs_on_their_own():
    for text, a, b in [("ΑΣ Β", 0, 2), ("ΑΣΑ", 1, 2), ("hoán", 0, 3), ("quý", 1, 3), ("văn hoá", 4, 7)]:
        assert match_form_within(text[a:b], match_form(text), a) == match_form(text[a:b])


@pytest.mark.parametrize(
    "text",
    ["ΑΣ b", "aΣ", "e\u0301 hoá", "Dự án 2\u0300", "İstanbul Đa dạng", "\u1100\u1161 가", "a\u0345\u0301", "ﬁ Σa"],
)
def test_strip_diacritics_reads_characters_that_need_their_neighbours_the_long_way(text):
    """Capital sigma, marks and characters that decompose to a mark first take all the steps."""
    assert strip_diacritics.__wrapped__(text) == plain_strip_diacritics(text)


@FUZZ
@given(TEXTS, st.integers(1, 300))
def test_a_long_texts_skeleton_from_the_array_is_the_tables(text, times):
    """local_skeleton reads a long text through an array copy of the table: the same skeleton,
    and None where a character needs its neighbours."""
    long = (text or "a") * (normalize._LONG_TEXT // len(text or "a") + times)
    try:
        want = long.translate(normalize._SKELETONS)
    except normalize._NeedsContext:
        want = None
    assert normalize._array_skeleton(long) == want
    assert local_skeleton(long) == want


def test_the_array_skeleton_reads_every_character_as_the_table():
    """Every character below U+3000 (the array's range) and above it (the table's way), a
    character that needs its neighbours anywhere in the text, lone surrogates."""
    for lo, hi in [(0, 0x3000), (0x3000, 0x3400), (0xD800, 0xE000), (0xFFF0, 0x10100)]:
        chars = [chr(c) for c in range(lo, hi) if normalize._own_skeleton(c) is not None]
        text = "".join(chars)
        assert normalize._array_skeleton(text) == text.translate(normalize._SKELETONS)
    for odd in ["Σ", "\u0301", "İ", "\U0001d167"]:
        assert normalize._array_skeleton("a" * 3000 + odd) is None
        assert normalize._array_skeleton(odd + "a" * 3000) is None


@pytest.mark.parametrize(
    "words",
    [
        ["a"],
        ["ab", "a"],
        ["a", "b", "ab"],
        ["kế hoạch", "kế hoạch hành động", "kết luận", "luật", "lệnh"],
        ["a-b", "a.c", "]", "^x", "\\"],
    ],
)
def testopening_words_match_where_a_word_starts(words):
    text = " ".join(words) + " xa-b.c ]^x\\ kế kết lệnh ab ba"
    tree = re.compile(normalize.opening_words(set(words)))
    assert [m.start() for m in _every(tree, text)] == [
        i for i in range(len(text)) if any(text.startswith(w, i) for w in words)
    ]


@FUZZ
@given(
    st.lists(st.text(alphabet="ab ,\\-", min_size=1, max_size=5), min_size=1, max_size=6),
    st.text(alphabet="ab ,\\-", max_size=40),
)
def testopening_words_find_the_starts_the_alternation_finds(words, text):
    tree = re.compile(normalize.opening_words(set(words)))
    alternation = re.compile("|".join(map(re.escape, sorted(set(words), key=len, reverse=True))))
    assert [m.start() for m in _every(tree, text)] == [m.start() for m in _every(alternation, text)]


def _every(pattern, text):
    """A match at every position where one starts (as PhraseScan looks: one letter on)."""
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        yield m
        pos = m.start() + 1


def _digits(text: str) -> list[int]:
    return [m.start() for m in re.finditer(r"\d", text)]


def test_the_matching_form_has_its_digits_where_each_character_has_them():
    """Steps look for a figure's digits in the text instead of its matching form."""
    text = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert _digits(match_form.__wrapped__(text)) == _digits(text)
    assert all(_digits(match_form.__wrapped__(ch)) == _digits(ch) for ch in text if re.match(r"\d", ch))


@FUZZ
@given(TEXTS)
def test_the_matching_form_has_its_digits_where_the_text_has_them(text):
    assert _digits(match_form.__wrapped__(text)) == _digits(text)


@FUZZ
@given(
    st.lists(TEXTS, max_size=6), st.lists(st.sampled_from(["", " ", "  x ", "\t", "\u00a0", "e\u0301", "\x86", "\n"]))
)
def test_stored_forms_are_collapse_of_clean_of_each_text(texts, odd):
    texts = texts + odd
    assert stored_forms(texts) == {t: collapse(clean(t)) for t in texts}


def test_the_only_printable_white_space_is_the_plain_space():
    """stored_forms folds a printable text's white space by str.split alone."""
    assert [chr(c) for c in range(0x110000) if chr(c).isprintable() and chr(c).isspace()] == [" "]
    assert all(not chr(c).isprintable() for c in range(0x110000) if regex.match(r"\s", chr(c)) and c != 0x20)
