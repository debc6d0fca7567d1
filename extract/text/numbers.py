"""Vietnamese number formats: the dot groups thousands, the comma is the decimal mark.

`12.345.000.000` is twelve billion three hundred forty-five million; `62,5` is sixty-two and a half; `37,950` is
37.95 (a comma never groups thousands in these documents). A lone dot followed by other
than three digits (`1.5`) is read as a decimal point, the way a stray English-style
figure is meant.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import regex

NUMBER_RE = regex.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d])|(?<![\d.,])\d+(?:[.,]\d+)?(?![\d])")
_GROUPED = regex.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")
_FIGURES = regex.compile(r"[\d.,]+")


def parse_number(text: str) -> Decimal:
    """Parse one Vietnamese-formatted number; raises ValueError when it is not one."""
    s = text.strip().replace(" ", "")
    if not s or not _FIGURES.fullmatch(s) or not s[0].isdigit():
        raise ValueError(f"not a number: {text!r}")
    if _GROUPED.match(s):
        s = s.replace(".", "").replace(",", ".")
    elif "," in s:
        if s.count(",") > 1 or "." in s:
            raise ValueError(f"ambiguous number: {text!r}")
        s = s.replace(",", ".")
    elif s.count(".") > 1:
        raise ValueError(f"ambiguous number: {text!r}")
    try:
        return Decimal(s)
    except InvalidOperation as e:
        raise ValueError(f"not a number: {text!r}") from e


def format_number(value: Decimal | int, decimals: int | None = None) -> str:
    """The way a plan prints a number: 12345000000 -> '12.345.000.000', 62.5 -> '62,5'.

    The inverse of parse_number, used to print figures back in the documents' own form.
    """
    d = Decimal(value)
    sign = "-" if d < 0 else ""
    d = abs(d)
    if decimals is not None:
        d = d.quantize(Decimal(1).scaleb(-decimals))
    whole, _, frac = format(d, "f").partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    frac = frac.rstrip("0") if decimals is None else frac
    return sign + grouped + ("," + frac if frac else "")


def to_dong(number: str, factor: int) -> int:
    """Whole đồng of a figure printed in a unit worth `factor` đồng ('62,5', 10**9 -> 62500000000).

    Raises ValueError when the result is not a whole number of đồng, so that a misread
    figure is never rounded into a plausible one.
    """
    value = parse_number(number) * factor
    if value != value.to_integral_value():
        raise ValueError(f"{number!r} × {factor} is not a whole number of đồng")
    return int(value)
