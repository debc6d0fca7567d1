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
from shortcut_strategies import FUZZ, PLAN_TEXTS

from extract.extractors.targets.phrases import lead, literal
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
