"""The leads and literals of extract.extractors.targets.phrases, on which the prefilters of
targets.find rely: each must open, or lie in, every match of its phrase.

Each speed-up promises the very answer of the straightforward version, not a close one, and
would go on passing the behaviour tests if an edit quietly broke that promise on some rarer
input. Each test states the plain version (mostly the code as it stood before the speed-up)
and compares the two on the sample plans and, mostly, on generated input (tests/shortcut_strategies.py).
"""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st
from shortcut_strategies import FUZZ, PLAN_LINES, PLAN_TEXTS

from extract.extractors.targets import phrases
from extract.extractors.targets.phrases import alternation, lead, literal
from extract.extractors.targets.phrases import lexicon as target_lexicon
from extract.extractors.targets.phrases import phrase_pattern as target_phrase_pattern
from extract.text.normalize import match_form

PHRASE_WORDS = st.lists(st.text(alphabet="ab/%.", min_size=1, max_size=4), min_size=1, max_size=3).map(" ".join)


@FUZZ
@given(
    PHRASE_WORDS,
    st.lists(st.sampled_from(["a", "b", "/", "%", ".", " ", "  ", "\n", " / ", "1"]), max_size=20).map("".join),
)
def test_target_phrase_lead_opens_and_literal_lies_in_every_match(phrase, text):
    """targets looks for these before it tries the phrase patterns."""
    text = text + " " + phrase + " " + phrase.replace(" ", "  ").replace("/", " / ")
    for m in regex.finditer(target_phrase_pattern(phrase), text):
        assert m.group().startswith(lead(phrase))
        assert literal(phrase) in m.group()


def test_target_lexicon_leads_and_literals_hold_in_every_match_of_their_phrases():
    lex = target_lexicon()
    for text in PLAN_TEXTS:
        mform = match_form(text)
        for role, pattern in (
            ("per_capita", lex.per_capita),
            ("percent_word", lex.percent),
            ("count_noun", lex.count_nouns),
        ):
            for m in regex.finditer(pattern, mform):
                assert any(piece in m.group() for piece in lex.literals[role])
        for m in regex.finditer(lex.fraction_words, mform):
            assert any(m.group().startswith(w) for w in lex.fraction_leads)


def plain_alternation(phrases_) -> str:
    """alternation before its phrases shared their bounds: each phrase bounded on its own."""
    return "(?:" + "|".join(target_phrase_pattern(p) for p in sorted(set(phrases_), key=len, reverse=True)) + ")"


def _every_match(pattern: str, text: str) -> list:
    """The match at every position (the first way to match there wins), and finditer's."""
    compiled = regex.compile(pattern)
    at = [(m.span(), m.groupdict()) if (m := compiled.match(text, i)) else None for i in range(len(text) + 1)]
    return at + [(m.span(), m.groupdict()) for m in compiled.finditer(text)]


# the alternation inside the constructions the lexicon builds around it
CONTEXTS = (
    "{}",
    r"(?P<c>{})\s*$",
    r"\s*(?P<c>{})",
    r"^[\W\d_]*{}",
    r"(?P<w>{})\s+(?P<year>\d{{4}})",
    r"(?<={})\s*x",
    r"(?:\s*(?:{}))+\s*$",
)
BOUNDED_WORDS = st.lists(st.text(alphabet="aáb1/%.-≥<", min_size=1, max_size=4), min_size=1, max_size=3).map(" ".join)


@FUZZ
@given(
    st.lists(BOUNDED_WORDS, min_size=1, max_size=6),
    st.lists(
        st.sampled_from(["a", "á", "b", "1", "/", "%", ".", "-", "≥", "<", " ", "  ", "\n", " / ", "x"]), max_size=24
    ).map("".join),
    st.sampled_from(CONTEXTS),
)
def test_alternation_with_shared_bounds_matches_as_each_phrase_bounded_alone(phrase_list, filler, context):
    text = filler + " " + " ".join(phrase_list) + " " + filler.join(p.replace(" ", "  ") for p in phrase_list)
    shared, plain = context.format(alternation(phrase_list)), context.format(plain_alternation(phrase_list))
    assert _every_match(shared, text) == _every_match(plain, text)


def test_target_lexicon_with_shared_bounds_matches_as_each_phrase_bounded_alone(monkeypatch):
    """Every pattern of the real lexicon, built both ways, on the sample plans and generated text."""
    shared = target_lexicon()
    monkeypatch.setattr(phrases, "alternation", plain_alternation)
    plain = target_lexicon.__wrapped__()
    texts = [match_form(t) for t in PLAN_TEXTS] + [match_form(line.upper()) for line in PLAN_LINES[::7]]
    compared = rewritten = 0
    for name in shared.__dataclass_fields__:
        a, b = getattr(shared, name), getattr(plain, name)
        pairs = [(a, b)]
        if name in ("populations", "poor_populations", "dimensions"):
            pairs = [(x[0], y[0]) for x, y in zip(a, b, strict=True)]
        elif name == "indicators":
            pairs = [
                (getattr(x, f), getattr(y, f)) for x, y in zip(a, b, strict=True) for f in ("phrases", "also", "not_")
            ]
        for x, y in pairs:
            if isinstance(x, str):  # a pattern the figure patterns are built of
                x, y = regex.compile(x), regex.compile(y)
            if isinstance(x, regex.Pattern):
                rewritten += x.pattern != y.pattern
                for t in texts:
                    assert [(m.span(), m.groupdict()) for m in x.finditer(t)] == [
                        (m.span(), m.groupdict()) for m in y.finditer(t)
                    ], (name, t[:80])
                compared += 1
            else:
                assert x == y, name
    assert compared > 100 and rewritten > 100
