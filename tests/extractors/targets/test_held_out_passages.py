"""The held-out real passages (held_passages.py): annotated by the gold SPEC before the extractor ran on
them, from provinces the dev set does not hold. HELD was scored before the rules changed for it (P 0.823
R 0.888 F1 0.854) and after (P 0.989 R 0.966 F1 0.977); HELD2 was written after those changes and scored
before any other (P 0.750 R 0.857 F1 0.800, showing a regression of the estimate rule, then fixed: P 1.000
R 0.857 F1 0.923). HELD3 was scored the same way on first run (P 0.649 R 0.750 F1 0.696; comparator and
year of the matched goals 45/45) and after the rules changed for its kinds of failure (P 0.844 R 0.844
F1 0.844, 51/51; what is left is where the gold and the rules' conventions differ: a house counted as a
household, a "dự án hỗ trợ phát triển sản xuất" as a model, a change with no year of its own as a %); the
same changes took HELD to P 1.000 R 0.989 F1 0.994 and HELD2 to P 1.000 R 1.000 F1 1.000. The
floors keep what the fixes won, with a small margin for wording the rules do not read yet; facts match on
(value, value_high, unit) as `kehoach eval` does."""

from __future__ import annotations

from collections import Counter

import pytest
from extractors.targets.held_passages import HELD, HELD2, HELD3

from extract.pipeline import extract_document, read_document


def _key(value, value_high, unit) -> tuple:
    return (round(float(value), 6), None if value_high is None else round(float(value_high), 6), unit)


def _scores(items) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for _url, text, want in items:
        rows = extract_document(read_document(text.encode("utf-8"), name="passage.txt")).rows["targets"]
        got = Counter(_key(r["value"], r["value_high"], r["unit"]) for r in rows)
        gold = Counter(_key(*t[:3]) for t in want)
        tp += sum((got & gold).values())
        fp += sum((got - gold).values())
        fn += sum((gold - got).values())
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@pytest.mark.parametrize("items, floor", [(HELD, 0.95), (HELD2, 0.90), (HELD3, 0.80)], ids=["HELD", "HELD2", "HELD3"])
def test_held_out_passages_keep_their_f1(items, floor):
    p, r, f1 = _scores(items)
    assert f1 >= floor, (p, r, f1)


def test_held_out_comparators_and_years_of_matched_goals():
    agree = total = 0
    for _url, text, want in HELD + HELD2 + HELD3:
        rows = extract_document(read_document(text.encode("utf-8"), name="passage.txt")).rows["targets"]
        by_key: dict[tuple, list[dict]] = {}
        for row in rows:
            by_key.setdefault(_key(row["value"], row["value_high"], row["unit"]), []).append(row)
        for value, value_high, unit, comparator, year, _population in want:
            found = by_key.get(_key(value, value_high, unit))
            if found:
                row = found.pop(0)
                total += 2 if year is not None else 1
                agree += (row["comparator"] == comparator) + (year is not None and row["year"] == year)
    assert agree / total >= 0.95
