"""Text normalization: what is stored, and the form that is compared.

Stored text is NFC with runs of white space folded, so that character spans are stable
and a phrase broken across lines ("triệu\\nđồng") reads as one. The *matching form* also
unifies case, old/new tone-mark placement (hoá/hóa, uỷ/ủy) and dash variants, and it
keeps every character in place: a span found in the matching form is the same span in
the stored text, so quotes always come from the original.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import numpy as np
import regex

_WS = regex.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")
_ALL_WS = regex.compile(r"\s+")
_WS_OTHER = re.compile("[\t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]")  # _WS but the plain space
# str.split() also splits at these four, which \s does not match
_SPLIT_ONLY = re.compile("[\x1c-\x1f]")

# Dash-like characters that documents use interchangeably inside names ("Văn hóa – Xã hội").
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00ad"

# Old-style tone placement puts the mark on the second vowel of oa/oe/uy at the end of a
# syllable ("hoá", "thuỷ"); the new style puts it on the first ("hóa", "thủy"). Both occur.
_TONED = {
    "a": "àáảãạ",
    "e": "èéẻẽẹ",
    "y": "ỳýỷỹỵ",
}
_BASE_TONED = {"o": "òóỏõọ", "u": "ùúủũụ"}
_OLD_TO_NEW: dict[str, str] = {}
for _first, _second_set in (("o", "a"), ("o", "e"), ("u", "y")):
    for _i, _ch in enumerate(_TONED[_second_set]):
        _OLD_TO_NEW[_first + _ch] = _BASE_TONED[_first][_i] + _second_set
_OLD_PAIRS = frozenset(_OLD_TO_NEW)
_NEW_PAIRS = frozenset(_OLD_TO_NEW.values())
# A pair is re-marked where it ends a syllable (no letter follows) and its u is not part of
# the consonant "qu" ("quý" keeps its mark on y in both styles). The standard library finds
# the pairs many times faster than a pattern that also tests their neighbours would.
_TONE_PAIR = re.compile("|".join(f + "[" + _TONED[v] + "]" for f, v in (("o", "a"), ("o", "e"), ("u", "y"))))
_LETTER = regex.compile(r"\p{L}")  # a letter as the regex module reads one


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold_spaces(text: str) -> str:
    """Fold runs of horizontal white space to one space; keep line breaks."""
    if "  " not in text and _WS_OTHER.search(text) is None:  # only single spaces: nothing to fold
        return text
    return _WS.sub(" ", text)


def collapse(text: str) -> str:
    """One line: every run of white space, line breaks included, becomes one space."""
    if _SPLIT_ONLY.search(text) is None:
        return " ".join(text.split())
    return _ALL_WS.sub(" ", text).strip()


def clean(text: str) -> str:
    """The stored form of a piece of text: NFC, control characters dropped, spaces folded."""
    text = nfc(text)
    if _may_hold_controls(text):
        text = "".join(ch if (ch in "\n\t" or unicodedata.category(ch)[0] != "C") else " " for ch in text)
    return fold_spaces(text)


def stored_forms(texts: Iterable[str]) -> dict[str, str]:
    """collapse(clean(text)) of each distinct text, a document's texts at once.

    Most documents' texts are NFC and printable (so they hold no control and no white
    space but the plain space). That is checked once over all of them; then clean only
    folds runs of spaces, and collapse trims the ends: together, split and join, without
    the calls per text.
    """
    distinct = list(dict.fromkeys(texts))
    whole = " ".join(distinct)
    if whole.isprintable() and unicodedata.is_normalized("NFC", whole):
        return dict(zip(distinct, map(" ".join, map(str.split, distinct))))
    return {t: collapse(clean(t)) for t in distinct}


# White space that is also a control character (category C), besides tab and line feed.
_CONTROL_SPACES = re.compile("[\x0b\x0c\r\x1c-\x1f\x85]")


def _may_hold_controls(text: str) -> bool:
    """False when no character of the text is a control (category C) other than tab or line feed.

    Without its white space, a text is printable exactly when it holds no control or
    unassigned character; white space itself is checked against the few controls among it.
    A text printable as it stands (most paragraphs: no white space but the plain space)
    holds neither, and needs no splitting.
    """
    if text.isprintable():
        return False
    return _CONTROL_SPACES.search(text) is not None or not "".join(text.split()).isprintable()


@lru_cache(maxsize=4096)
def match_form(text: str) -> str:
    """Lower-case, new-style tone marks, ASCII dashes; same length as the input.

    Cached: every step asks for the matching form of the same document and lines.
    """
    low = text.lower()
    if len(low) != len(text):  # a handful of code points change length when lowered
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    for dash in _DASHES:
        if dash in low:
            low = low.replace(dash, "-")
    return _new_style(low)


def slice_agrees(form: str, a: int, b: int) -> bool:
    """Whether match_form(text[a:b]) is form[a:b], `form` being match_form(text).

    Slicing first changes only the tone pairs at the slice's edges, whose reading depends
    on a "q" before the pair or a letter after it; this is False wherever such a pair could
    be read differently. (Lower-casing Σ also depends on its neighbours: a caller that
    matches Vietnamese phrases never sees the difference.)
    """
    if a and (form[a - 1] == "q" or form[a - 1 : a + 1] in _NEW_PAIRS):
        return False
    return not ((b >= 2 and form[b - 2 : b] in _OLD_PAIRS) or (b and form[b - 1 : b + 1] in _NEW_PAIRS))


def match_form_within(piece: str, form: str, start: int) -> str:
    """match_form(piece) for a piece of a text that stands at `start`, `form` being the
    text's matching form: the slice of `form` where it agrees (slice_agrees, and no Greek
    capital sigma, whose lower case depends on its neighbours), else the piece's own.
    A step reading a document line by line slices once-computed form instead of lowering,
    re-marking and caching every line."""
    end = start + len(piece)
    if "\u03a3" in piece or not slice_agrees(form, start, end):
        return match_form(piece)
    return form[start:end]


def _new_style(low: str) -> str:
    """New-style tone marks. A pair's second letter never opens one, so pairs never
    overlap and each is judged on its own."""
    parts, last = [], 0
    for m in _TONE_PAIR.finditer(low):
        s = m.start()
        if (s and low[s - 1] == "q") or _LETTER.match(low, s + 2):
            continue
        parts.append(low[last:s])
        parts.append(_OLD_TO_NEW[m.group()])
        last = s + 2
    if not parts:
        return low
    parts.append(low[last:])
    return "".join(parts)


class _NonspacingMarks(dict):
    """A str.translate table that drops nonspacing marks (category Mn), filled in as
    characters are met: looking each character up in C beats a generator over them.
    Only the scripts below U+3000 are kept, so that an odd text cannot grow it without end."""

    def __missing__(self, code: int) -> int | None:
        out = None if unicodedata.category(chr(code)) == "Mn" else code
        if code < 0x3000:
            self[code] = out
        return out


_DROP_MARKS = _NonspacingMarks()


class _NeedsContext(Exception):
    """A character whose skeleton may depend on its neighbours."""


def _own_skeleton(code: int) -> int | None:
    """The skeleton of one character when it is one character whatever stands beside it,
    else None. Lower-casing depends on neighbours only for capital sigma; decomposition
    reorders marks only across characters that decompose to a mark first; moving a tone
    mark within a pair (match_form) moves what is dropped anyway."""
    ch = chr(code)
    if ch == "\u03a3" or unicodedata.category(ch)[0] == "M" or len(ch.lower()) != 1:
        return None
    decomposed = unicodedata.normalize("NFD", match_form.__wrapped__(ch).replace("đ", "d"))
    if unicodedata.combining(decomposed[0]):
        return None
    out = decomposed.translate(_DROP_MARKS)
    return ord(out) if len(out) == 1 else None


class _Skeletons(dict):
    """A str.translate table from a character to its skeleton, filled in as characters are
    met (below U+3000, as _NonspacingMarks); a character whose skeleton may depend on its
    neighbours raises _NeedsContext, and the text takes the long way."""

    def __missing__(self, code: int) -> int:
        out = _own_skeleton(code)
        if out is None:
            raise _NeedsContext
        if code < 0x3000:
            self[code] = out
        return out


_SKELETONS = _Skeletons()


# _SKELETONS as an array of code points below U+3000 (_UNKNOWN: not met yet), for long texts
_UNKNOWN = 0xFFFFFFFF
_SKELETON_CODES = np.full(0x3000, _UNKNOWN, dtype=np.uint32)
_LONG_TEXT = 2000


def local_skeleton(text: str) -> str | None:
    """strip_diacritics(text) when every character's skeleton is one character of its own
    (then the skeleton of any piece of the text is that piece of this), else None.

    str.translate looks every character up in the table one by one, which for a whole
    document costs more than the steps that read the skeleton; a long text below U+3000
    is mapped through the same table copied into an array, in one indexing."""
    if len(text) >= _LONG_TEXT:
        return _array_skeleton(text)
    try:
        return text.translate(_SKELETONS)
    except _NeedsContext:
        return None


def _array_skeleton(text: str) -> str | None:
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    if codes.max() >= 0x3000:
        try:
            return text.translate(_SKELETONS)
        except _NeedsContext:
            return None
    out = _SKELETON_CODES[codes]
    unknown = out == _UNKNOWN
    if unknown.any():
        try:
            for code in np.unique(codes[unknown]).tolist():
                _SKELETON_CODES[code] = _SKELETONS[code]
        except _NeedsContext:
            return None
        out = _SKELETON_CODES[codes]
    return out.tobytes().decode("utf-32-le", "surrogatepass")


@lru_cache(maxsize=4096)
def strip_diacritics(text: str) -> str:
    """ASCII skeleton of a Vietnamese string ("Đa dạng" -> "da dang"), for fuzzy title matching.

    The skeleton is the matching form with "đ" as "d", decomposed, less its nonspacing
    marks. Nearly every text is made of characters whose skeleton is one character of
    their own, and is mapped by a table in one pass; the others take all the steps."""
    skeleton = local_skeleton(text)
    if skeleton is not None:
        return skeleton
    text = match_form(text).replace("đ", "d")
    return unicodedata.normalize("NFD", text).translate(_DROP_MARKS)


@lru_cache(maxsize=8192)
def key(text: str) -> str:
    """A compact comparison key: matching form with white space collapsed.

    Cached: lexicon entries, names and titles are keyed over and over.
    """
    return collapse(match_form(nfc(text)))


def keys(texts: list[str]) -> list[str]:
    """key() of each text, worked out on the texts joined by line breaks, in one pass.

    For a gazetteer's ten thousand names that is several times faster than a call each, and
    the same: no step of key() looks across a line break. NFC composes nothing with it,
    str.lower's one mapping that reads its neighbours (a final sigma) stops at it, a tone
    pair never spans it and a line break is no letter after a pair and no "q" before one,
    and each piece is collapsed on its own. Texts that hold a line break, or that lowering
    makes longer (match_form then lowers character by character), take key() each.
    """
    joined = "\n".join(texts)
    form = nfc(joined)
    low = form.lower()
    if len(low) != len(form) or joined.count("\n") != len(texts) - 1:
        return [key(t) for t in texts]
    for dash in _DASHES:
        if dash in low:
            low = low.replace(dash, "-")
    return [collapse(piece) for piece in _new_style(low).split("\n")]


class PhraseScan:
    """A pattern whose every match opens with one of a few literal words, tried only where
    one of them occurs.

    The regex module tries a long alternation of phrases at every character of a text,
    which costs more than all else a step does; the standard library finds the literal
    words the phrases open with many times faster. The matches are exactly those of the
    pattern's own finditer and search: where no opening word occurs, no match can start.
    An empty opening word (a phrase that opens with a separator) turns the shortcut off.
    Only where a word starts counts, so the words are searched for as a tree of their
    letters (opening_words), which the standard library tries one letter at a time.
    """

    def __init__(self, pattern: regex.Pattern, leads) -> None:
        self.pattern = pattern
        leads = set(leads)
        self._leads = re.compile(opening_words(leads)) if leads and all(leads) else None

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        if self._leads is None:
            yield from self.pattern.finditer(text, pos, endpos)
            return
        n = len(text)
        end = n if endpos is None else min(max(endpos + n if endpos < 0 else endpos, 0), n)
        pos = min(max(pos + n if pos < 0 else pos, 0), n)  # as the regex module reads them: like a slice
        find, match = self._leads.search, self.pattern.match
        while (c := find(text, pos, end)) is not None:
            m = match(text, c.start(), end)
            if m is None:
                pos = c.start() + 1
            else:
                yield m
                pos = max(m.end(), c.start() + 1)

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        return next(self.finditer(text, pos, endpos), None)


def opening_words(words: set[str]) -> str:
    """A pattern that matches where one of the (non-empty) words starts, and nowhere else.

    A word that another of them opens ("kế hoạch hành động" after "kế hoạch") starts
    nowhere the shorter one does not, so it is left out; the rest are written as a tree
    ("k(?:ế\\ hoạch|ết\\ luận)"), one branch per letter, rather than as an alternation
    the engine would try word by word at every position."""
    tree: dict = {}
    for w in sorted(words, key=len):
        node = tree
        for ch in w:
            if node.get("") is not None:
                break  # a shorter word opens this one
            node = node.setdefault(ch, {})
        else:
            node.clear()
            node[""] = {}

    def branch(node: dict) -> str:
        ends = [re.escape(ch) for ch, sub in node.items() if ch and "" in sub]
        alts = [re.escape(ch) + branch(sub) for ch, sub in node.items() if ch and "" not in sub]
        if ends:
            alts.append(ends[0] if len(ends) == 1 else "[" + "".join(ends) + "]")
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return branch(tree)
