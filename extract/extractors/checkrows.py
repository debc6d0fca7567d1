"""Rows of the `checks` table: what a step found to disagree, in one shape.

Several steps record disagreements (a sum that does not come out, a printed unit the
arithmetic corrects, a heading numbered against its title, a date or number the front
matter contradicts). Each row names its kind, the component concerned, what was found in
words, the expected and found values as text, and where in the document; `check_row`
builds that row, and `CheckKind` lists every kind, so that a reader of the table (review,
export) has one list to go by.
"""

from __future__ import annotations

from enum import StrEnum

from extract.document.model import Document
from extract.document.provenance import provenance


class CheckKind(StrEnum):
    """The kinds of check rows."""

    # money: text figures (checks)
    SUM_MISMATCH = "sum_mismatch"  # a figure's announced parts do not add up to it
    UNIT_CORRECTED = "unit_corrected"  # a printed unit the document's own sums contradict
    COMPONENTS_VS_PLAN = "components_vs_plan"  # the components against the plan-wide figure
    # money: budget tables (money.tables)
    TABLE_SUM_MISMATCH = "table_sum_mismatch"  # rows of a table against their total row
    TABLE_UNIT_INFERRED = "table_unit_inferred"  # a table with no unit, read in the text's
    TABLE_UNIT_BELOW = "table_unit_below"  # a table's unit read from a caption under it
    # components
    NUMBERING_MISMATCH = "numbering_mismatch"  # a heading's printed number against its title
    # metadata
    DATE_CONFLICT = "date_conflict"
    NUMBER_CONFLICT = "number_conflict"
    JURISDICTION_AMBIGUOUS = "jurisdiction_ambiguous"
    JURISDICTION_UNRESOLVED = "jurisdiction_unresolved"
    JURISDICTION_CONFLICT = "jurisdiction_conflict"
    SUCCESSOR_AMBIGUOUS = "successor_ambiguous"
    PLACE_CONFLICT = "place_conflict"
    PLACE_MISMATCH = "place_mismatch"  # the places a text names do not nest; no unit elsewhere is taken


def check_row(
    doc: Document,
    kind: CheckKind,
    detail: str,
    *,
    component: str | None = None,
    expected: object = None,
    found: object = None,
    start: int | None = None,
    end: int | None = None,
) -> dict:
    """One `checks` row; expected and found are stored as text, and a check that concerns
    no place in the document (start None) has no provenance."""
    where = (
        provenance(doc, start, end if end is not None else start)
        if start is not None
        else {"page": None, "char_start": None, "char_end": None, "quote": None}
    )
    return {
        "kind": kind.value,
        "component": component,
        "detail": detail,
        "expected": None if expected is None else str(expected),
        "found": None if found is None else str(found),
        **where,
    }
