"""Text normalization: what is stored, and the form that is compared.

Stored text is NFC with runs of white space folded, so that character spans are stable
and a phrase broken across lines ("triệu\\nđồng") reads as one. The *matching form* also
unifies case, old/new tone-mark placement (hoá/hóa, uỷ/ủy) and dash variants, and it
keeps every character in place: a span found in the matching form is the same span in
the stored text, so quotes always come from the original.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

_WS = regex.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")
_ALL_WS = regex.compile(r"\s+")

# Dash-like characters that documents use interchangeably inside names ("Văn hóa – Xã hội").
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00ad"), ord("-"))

# Old-style tone placement puts the mark on the second vowel of oa/oe/uy at the end of a
# syllable ("hoá", "thuỷ"); the new style puts it on the first ("hóa", "thủy"). Both occur.
_TONED = {
    "a": "àáảãạ", "e": "èéẻẽẹ", "y": "ỳýỷỹỵ",
}
_BASE_TONED = {"o": "òóỏõọ", "u": "ùúủũụ"}
_OLD_TO_NEW: dict[str, str] = {}
for _first, _second_set in (("o", "a"), ("o", "e"), ("u", "y")):
    for _i, _ch in enumerate(_TONED[_second_set]):
        _OLD_TO_NEW[_first + _ch] = _BASE_TONED[_first][_i] + _second_set
# "quý" keeps its mark on y in both styles: the u belongs to the consonant "qu".
_TONE_PAIR_RE = regex.compile("(?<!q)(" + "|".join(_OLD_TO_NEW) + ")(?!\\p{L})")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold_spaces(text: str) -> str:
    """Fold runs of horizontal white space to one space; keep line breaks."""
    return _WS.sub(" ", text)


def collapse(text: str) -> str:
    """One line: every run of white space, line breaks included, becomes one space."""
    return _ALL_WS.sub(" ", text).strip()


def clean(text: str) -> str:
    """The stored form of a piece of text: NFC, control characters dropped, spaces folded."""
    text = nfc(text)
    text = "".join(ch if (ch in "\n\t" or unicodedata.category(ch)[0] != "C") else " " for ch in text)
    return fold_spaces(text)


@lru_cache(maxsize=4096)
def match_form(text: str) -> str:
    """Lower-case, new-style tone marks, ASCII dashes; same length as the input.

    Cached: every step asks for the matching form of the same document and lines.
    """
    low = text.lower()
    if len(low) != len(text):  # a handful of code points change length when lowered
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    low = low.translate(_DASHES)
    return _TONE_PAIR_RE.sub(lambda m: _OLD_TO_NEW[m.group(1)], low)


@lru_cache(maxsize=4096)
def strip_diacritics(text: str) -> str:
    """ASCII skeleton of a Vietnamese string ("Đa dạng" -> "da dang"), for fuzzy title matching."""
    text = match_form(text).replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


def key(text: str) -> str:
    """A compact comparison key: matching form with white space collapsed."""
    return collapse(match_form(nfc(text)))
