"""Amounts written in words: "hai trăm lẻ chín tỷ sáu trăm triệu đồng" = 209 600 000 000.

Plans repeat a total in words after its figure, and sometimes give it in words alone.
Reading them needs the Vietnamese numeral grammar: a scale word (nghìn, triệu, tỷ)
multiplies everything before it down to the next larger scale ("một nghìn tỷ" is 10^12),
"trăm" multiplies the digit before it, "mươi" makes tens ("hai mươi mốt"), "mười" is ten
itself, and "lẻ" / "linh" marks a skipped tens place ("hai trăm lẻ chín").

The number words are entries of the `money` rules kind (rules/money.yaml, kind
`number_word`; see money.vocabulary).
"""

from __future__ import annotations

from functools import cache

import regex

from extract.extractors.money.vocabulary import money_entries
from extract.text.normalize import match_form

_WORD = regex.compile(r"\w+")


@cache
def _words() -> dict[str, tuple[str, int]]:
    return {match_form(e["phrase"]): (e["role"], e["value"]) for e in money_entries("number_word")}


def _below_thousand(tokens: list[str]) -> int:
    words = _words()
    value, i, n = 0, 0, len(tokens)

    def role(k):
        return words[tokens[k]][0] if k < n else None

    def val(k):
        return words[tokens[k]][1]

    if n == 0:
        raise ValueError("empty number")
    if role(i) == "digit" and role(i + 1) == "hundred":
        value += val(i) * 100
        i += 2
    elif role(i) == "hundred":
        value += 100
        i += 1
    if i < n and role(i) == "link":
        i += 1
        if role(i) != "digit":
            raise ValueError(f"expected a digit after {tokens[i - 1]!r}")
        value += val(i)
        i += 1
    elif i < n and role(i) == "ten" and tokens[i] != "mươi":
        value += 10
        i += 1
        if role(i) == "digit":
            value += val(i)
            i += 1
    elif i < n and role(i) == "digit" and role(i + 1) == "ten":
        value += val(i) * 10
        i += 2
        if role(i) == "digit":
            value += val(i)
            i += 1
    elif i < n and role(i) == "digit":
        value += val(i)
        i += 1
    if i != n:
        raise ValueError(f"cannot read {' '.join(tokens)!r} as a number below one thousand")
    return value


def _parse(tokens: list[str]) -> int:
    words = _words()
    scales = [(words[t][1], k) for k, t in enumerate(tokens) if words[t][0] == "scale"]
    if not scales:
        return _below_thousand(tokens)
    top = max(v for v, _ in scales)
    at = next(k for v, k in scales if v == top)
    left, right = tokens[:at], tokens[at + 1 :]
    return (_parse(left) if left else 1) * top + (_parse(right) if right else 0)


def parse_words(text: str) -> int:
    """The value of a number in words (a trailing "đồng" is allowed); ValueError otherwise."""
    tokens = _WORD.findall(match_form(text))
    if tokens and tokens[-1] in ("đồng", "đ"):
        tokens = tokens[:-1]
    if not tokens or any(t not in _words() for t in tokens):
        raise ValueError(f"not a number in words: {text!r}")
    return _parse(tokens)


@cache
def _span_re() -> regex.Pattern:
    alt = "|".join(sorted((regex.escape(w) for w in _words()), key=len, reverse=True))
    scales = "|".join(regex.escape(w) for w, (role, _) in _words().items() if role == "scale")
    # "mười hai tỷ, ba trăm bốn mươi lăm triệu đồng": a comma may part the groups after a scale word
    return regex.compile(rf"(?<!\w)(?:(?:{alt})(?:\s+|(?<=(?:{scales})),\s*))+đồng(?!\w)")


def find_word_amounts(text: str, form: str | None = None) -> list[tuple[int, int, int]]:
    """(start, end, đồng) of every amount in words ending in "đồng" in the text (`form`:
    its matching form, when the caller has it)."""
    out = []
    form = match_form(text) if form is None else form
    if "đồng" not in form:  # every amount in words ends in it
        return out
    words = _words()
    for m in _span_re().finditer(form):
        tokens = _WORD.findall(m.group())[:-1]
        if not any(words[t][0] in ("scale", "hundred") for t in tokens):
            continue  # "năm đồng" and the like: too thin to be an amount in words
        if not any(words[t][0] in ("digit", "ten") for t in tokens):
            continue  # a bare unit ("Đơn vị tính: triệu đồng") names no amount
        for k in range(len(tokens)):  # drop leading words that do not start the numeral
            try:
                value = _parse(tokens[k:])
            except ValueError:
                continue
            out.append((_offset_of_token(form, m.start(), k), m.end(), value))
            break
    return out


_TOKEN_GAP = regex.compile(r"\w+(?:,\s*|\s+)")


def _offset_of_token(form: str, start: int, k: int) -> int:
    pos = start
    for _ in range(k):
        pos = _TOKEN_GAP.match(form, pos).end()
    return pos
