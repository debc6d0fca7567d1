"""Vietnamese dates as printed in plans, read to ISO 8601 at the precision printed.

Headers write `ngày 03 tháng 02 năm 2023`, citations `10/01/2023` or `ngày 7 tháng 4
năm 2023`. A plan drafted before its signing day leaves the day (or the month) blank
(`ngày    tháng 5 năm 2023`, `ngày ... tháng ... năm 2023`): that is a month (or a
year), never a guess at a day, so it reads as `2023-05` (or `2023`). A day or month out
of range is not a date at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import regex

from extract.text.normalize import match_form

# What a blank in a form looks like: spaces, dots, ellipses, underscores.
_BLANK = r"[ .…_]*"
# `ngày 03 tháng 02 năm 2023` with any part but the year left blank (matching form).
_WORDED = regex.compile(
    rf"ngày{_BLANK}(?P<d>\d{{1,2}})?{_BLANK}tháng{_BLANK}(?P<m>\d{{1,2}})?{_BLANK}năm *(?P<y>\d{{4}})(?!\d)"
)
# `10/01/2023`, `10 /01/2023`, `9-8-2023`, `10.01.2023`: the separator is the same twice.
_NUMERIC = regex.compile(r"(?<![\d/.-])(?P<d>\d{1,2}) ?(?P<sep>[/.-]) ?(?P<m>\d{1,2}) ?(?P=sep) ?(?P<y>\d{4})(?![\d/])")


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    iso: str


def _iso(d: str | None, m: str | None, y: str) -> str | None:
    year = int(y)
    if not 1900 <= year <= 2100:
        return None
    if m is None:
        return None if d is not None else f"{year:04d}"
    month = int(m)
    if not 1 <= month <= 12:
        return None
    if d is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, int(d)).isoformat()
    except ValueError:
        return None


def find_dates(text: str) -> list[DateMatch]:
    """Every date in the text with its span, in order; spans index `text` itself."""
    form = match_form(text)
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for m in _WORDED.finditer(form):
        iso = _iso(m.group("d"), m.group("m"), m.group("y"))
        if iso is not None:
            found.append(DateMatch(m.start(), m.end(), iso))
            taken.append(m.span())
    for m in _NUMERIC.finditer(form):
        if any(s <= m.start() < e for s, e in taken):
            continue
        iso = _iso(m.group("d"), m.group("m"), m.group("y"))
        if iso is not None:
            found.append(DateMatch(m.start(), m.end(), iso))
    return sorted(found, key=lambda x: x.start)


def parse_date(text: str) -> str | None:
    """The first date in the text as ISO 8601 at the precision printed, else None."""
    dates = find_dates(text)
    return dates[0].iso if dates else None
