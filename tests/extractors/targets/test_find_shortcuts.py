"""The speed-ups of extract.extractors.targets.find, each held to the plain code it replaced.

find_quantities tries a quantity pattern only where its prefilter (a literal or opening
word) occurs.

Each speed-up promises the very answer of the straightforward version, not a close one, and
would go on passing the behaviour tests if an edit quietly broke that promise on some rarer
input. Each test states the plain version (mostly the code as it stood before the speed-up)
and compares the two on the sample plans and, mostly, on generated input (tests/shortcut_strategies.py).
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from shortcut_strategies import FUZZ, PIECE, PLAN_TEXTS, TEXTS, text_and_span

from extract.extractors.targets import find as targets
from extract.extractors.targets.phrases import lexicon as target_lexicon
from extract.text.normalize import PhraseScan, match_form


def plain_find_quantities(mform: str, start: int, end: int, lex) -> list:
    found, taken = [], []
    for kind, pat, _ in targets._quantity_patterns(lex):
        pat = pat.pattern if isinstance(pat, PhraseScan) else pat
        for m in pat.finditer(mform, start, end):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            q = targets._read(kind, m, mform, start, lex)
            if q is None:
                continue
            taken.append((s, e))
            found.append(q)
    return sorted(found, key=lambda q: q.start)


def test_find_quantities_with_prefilters_equals_every_pattern_tried_on_the_plans():
    lex = target_lexicon()
    for text in PLAN_TEXTS:
        mform = match_form(text)
        for m in targets._LINE.finditer(mform):
            assert targets.find_quantities(mform, *m.span(), lex) == plain_find_quantities(mform, *m.span(), lex)


QUANTITY_EDGES = [
    "/5%",
    "a/12 hộ",
    "/1,5%/năm",
    "đạt/90% số hộ",
    "2/3 số xã",
    "một nửa số hộ",
    "1.000 hộ",
    "x5 người",
    ".5%",
    ",5 hộ",
    "tăng 2 - 3%",
    "một phần ba",
    "100 hộ/năm",
    "20 người/1.000 dân",
]


def test_find_quantities_with_prefilters_equals_every_pattern_tried_on_every_stretch_of_edge_cases():
    lex = target_lexicon()
    for text in QUANTITY_EDGES:
        mform = match_form(text)
        for a in range(len(text) + 1):
            for b in range(a, len(text) + 1):
                assert targets.find_quantities(mform, a, b, lex) == plain_find_quantities(mform, a, b, lex), (
                    text,
                    a,
                    b,
                )


QUANTITY_PIECES = st.sampled_from(
    QUANTITY_EDGES
    + [
        "1",
        "2,5",
        "10",
        "1.000",
        "0,5",
        "%",
        " %",
        "/",
        "/năm",
        " hộ",
        " người",
        " xã",
        " mô hình",
        "một nửa",
        "một phần ba",
        "1/3",
        " - ",
        " đến ",
        " trên ",
        "bình quân",
        " nghìn",
        " triệu",
        "mỗi năm",
        "trên 1.000 dân",
        "phần trăm",
        ".",
        ",",
        " ",
        "\n",
    ]
)


@FUZZ
@given(text_and_span(st.one_of(TEXTS, st.lists(st.one_of(QUANTITY_PIECES, PIECE), max_size=16).map("".join))))
def test_find_quantities_with_prefilters_equals_every_pattern_tried_on_generated_text(case):
    text, a, b = case
    lex, mform = target_lexicon(), match_form(text)
    assert targets.find_quantities(mform, a, b, lex) == plain_find_quantities(mform, a, b, lex)
