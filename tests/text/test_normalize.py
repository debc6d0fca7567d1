"""Normalization: the stored form and the matching form, which keeps every offset."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.text.normalize import clean, collapse, key, match_form, nfc, strip_diacritics


@pytest.mark.parametrize(
    "old, new",
    [
        ("hoá", "hóa"),
        ("Văn hoá", "văn hóa"),
        ("uỷ ban", "ủy ban"),
        ("thuỷ lợi", "thủy lợi"),
        ("khoẻ", "khỏe"),
        ("hoà", "hòa"),
        ("loại", "loại"),
        ("quý", "quý"),  # "qu" is a consonant: the mark stays on y in both styles
        ("hoạch", "hoạch"),  # oa inside a longer syllable is not the old/new pair
    ],
)
def test_match_form_unifies_tone_mark_placement(old, new):
    assert match_form(old) == match_form(new) == new.lower()


@pytest.mark.parametrize("text", ["Văn hóa – Xã hội", "Văn hóa — Xã hội", "Văn hóa - Xã hội", "Văn hóa ‐ Xã hội"])
def test_match_form_unifies_dashes(text):
    assert match_form(text) == "văn hóa - xã hội"


@pytest.mark.parametrize("text", ["ỦY BAN NHÂN DÂN TỈNH", "Hoá – İstanbul", "Thuỷ lợi ẞ", "quý I/2022"])
def test_match_form_keeps_every_offset(text):
    assert len(match_form(text)) == len(text)


def test_spans_found_in_the_matching_form_quote_the_original():
    stored = "Giao Uỷ ban nhân dân huyện; Văn hoá – Thông tin"
    form = match_form(stored)
    i = form.index("ủy ban")
    assert stored[i : i + len("ủy ban")] == "Uỷ ban"
    j = form.index("văn hóa - thông tin")
    assert stored[j:] == "Văn hoá – Thông tin"


def test_clean_is_nfc_without_control_characters():
    decomposed = unicodedata.normalize("NFD", "Hỗ trợ\x07 nhà\u00a0ở")
    assert clean(decomposed) == "Hỗ trợ nhà ở"
    assert clean(decomposed) == nfc(decomposed.replace("\x07", " ").replace("\u00a0", " ")).replace("  ", " ")
    assert "\x07" not in clean(decomposed)


def test_collapse_folds_line_breaks():
    assert collapse("  triệu\n đồng\t ") == "triệu đồng"


def test_key_and_strip_diacritics():
    assert key("  Uỷ  ban\nnhân dân ") == "ủy ban nhân dân"
    assert strip_diacritics("Đa dạng hoá sinh kế") == "da dang hoa sinh ke"


def test_control_character_shortcut_agrees_with_unicodedata_on_every_code_point():
    """clean() skips its per-character pass when _may_hold_controls says there is nothing to drop."""
    from extract.text.normalize import _may_hold_controls

    wrong = [
        hex(c)
        for c in range(0x110000)
        if _may_hold_controls(f"a{chr(c)}b") != (unicodedata.category(chr(c))[0] == "C" and chr(c) not in "\t\n")
    ]
    assert wrong == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab \n\t\r\x1c\u00a0\u2003\u200b\u202f\u205f\u3000\ufeff")), max_size=12))
def test_fold_spaces_shortcut_gives_what_the_pattern_gives(text):
    from extract.text.normalize import _WS, fold_spaces

    assert fold_spaces(text) == _WS.sub(" ", text)
