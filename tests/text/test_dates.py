"""Vietnamese dates to ISO 8601 at the precision printed."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.text.dates import find_dates, parse_date


@pytest.mark.parametrize(
    "text, iso",
    [
        ("ngày 21 tháng 02 năm 2022", "2022-02-21"),
        ("Cầu Ngang, ngày 21 tháng 02 năm 2022", "2022-02-21"),
        ("NGÀY 14 THÁNG 7 NĂM 2022", "2022-07-14"),
        ("ngày 07 tháng 4 năm 2022", "2022-04-07"),
        ("21/01/2022", "2022-01-21"),
        ("ngày 21 /01/2022", "2022-01-21"),
        ("14-7-2022", "2022-07-14"),
        ("21.01.2022", "2022-01-21"),
        ("ngày    tháng 5 năm 2022", "2022-05"),
        ("Cẩm Châu, ngày tháng 5 năm 2022", "2022-05"),
        ("ngày ..... tháng 5 năm 2022", "2022-05"),
        ("ngày … tháng … năm 2023", "2023"),
        ("ngày 32/01/2022", None),
        ("ngày 30 tháng 02 năm 2022", None),
        ("ngày 12/13/2022", None),
        ("Nghị định số 27/2022/NĐ-CP", None),
        ("Lưu: VT, 3.21.02.", None),
        ("năm 2022", None),
    ],
)
def test_parse_date(text, iso):
    assert parse_date(text) == iso


def test_find_dates_gives_spans_into_the_text():
    text = "Luật ngày 19/6/2015; Luật sửa đổi ngày 22/11/2019;"
    found = find_dates(text)
    assert [d.iso for d in found] == ["2015-06-19", "2019-11-22"]
    assert [text[d.start : d.end] for d in found] == ["19/6/2015", "22/11/2019"]


def test_worded_date_is_not_read_twice_as_numeric():
    assert [d.iso for d in find_dates("ngày 21 tháng 02 năm 2022")] == ["2022-02-21"]


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31)), st.booleans(), st.booleans())
def test_every_valid_date_round_trips(d, worded, pad):
    day, month = (f"{d.day:02d}", f"{d.month:02d}") if pad else (str(d.day), str(d.month))
    text = f"ngày {day} tháng {month} năm {d.year}" if worded else f"{day}/{month}/{d.year}"
    assert parse_date(text) == d.isoformat()
